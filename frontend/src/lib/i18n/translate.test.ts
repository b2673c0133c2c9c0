import { describe, expect, it } from 'vitest';
import { isLanguage, translate, usesOneForm, type Catalog } from './translate';

const catalog: Catalog = {
  Hello: 'Hello, {{.Name}}!',
  Spaced: 'Bonjour, {{ .Name }}',
  Files: '{{.Count}} files',
  'Files.one': '{{.Count}} file',
  Plain: 'Nothing to fill',
  Size: '{{.Size}} MB',
};

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(catalog, 'Hello', { Name: 'Awentia' })).toBe('Hello, Awentia!');
    expect(translate(catalog, 'Spaced', { Name: 'Léa' })).toBe('Bonjour, Léa');
  });

  it('leaves an unknown placeholder as it is', () => {
    expect(translate(catalog, 'Hello', { Other: 'x' })).toBe('Hello, {{.Name}}!');
  });

  it('shows the ID of a missing message', () => {
    expect(translate(catalog, 'NoSuchMessage')).toBe('NoSuchMessage');
  });

  it('returns text without arguments unchanged', () => {
    expect(translate(catalog, 'Plain')).toBe('Nothing to fill');
  });

  it('uses the one-form when Count is 1 in English', () => {
    expect(translate(catalog, 'Files', { Count: 1 }, 'en')).toBe('1 file');
    expect(translate(catalog, 'Files', { Count: 0 }, 'en')).toBe('0 files');
    expect(translate(catalog, 'Files', { Count: 2 }, 'en')).toBe('2 files');
  });

  it('uses the one-form for 0 and 1 in French', () => {
    expect(translate(catalog, 'Files', { Count: 0 }, 'fr')).toBe('0 file');
    expect(translate(catalog, 'Files', { Count: 1 }, 'fr')).toBe('1 file');
    expect(translate(catalog, 'Files', { Count: 2 }, 'fr')).toBe('2 files');
  });

  it('falls back to the other-form when there is no one-form', () => {
    expect(translate({ Notes: '{{.Count}} notes' }, 'Notes', { Count: 1 })).toBe('1 notes');
  });

  it('writes numbers the way each language does', () => {
    expect(translate(catalog, 'Files', { Count: 1200 }, 'en')).toBe('1,200 files');
    expect(translate(catalog, 'Files', { Count: 1200 }, 'fr')).toMatch(/^1\s200 files$/u);
    expect(translate(catalog, 'Size', { Size: '1,5' }, 'fr')).toBe('1,5 MB');
  });
});

describe('usesOneForm', () => {
  it('follows CLDR for English and French', () => {
    expect(usesOneForm('en', 1)).toBe(true);
    expect(usesOneForm('en', 1.5)).toBe(false);
    expect(usesOneForm('fr', 1.5)).toBe(true);
    expect(usesOneForm('fr', 2)).toBe(false);
  });
});

describe('isLanguage', () => {
  it('accepts only en and fr', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('fr')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
