import { describe, expect, it } from 'vitest';
import { answer, decisionEntry, elapsedText, laterEntry, promptText, timeline, type PromptRecord } from './timeline';
import { translate } from '../../lib/i18n/translate';
import en from '../../../../locales/en.json';
import fr from '../../../../locales/fr.json';

const d = (id: number, date: string) => ({ id, date, result: 'granted' });
const o = (id: number, date: string) => ({ id, date, type: 'newJob' });

describe('timeline', () => {
  it('puts decisions and later outcomes in one list, most recent first', () => {
    const list = timeline([d(1, '2026-01-15'), d(2, '2026-06-01')], [o(1, '2026-03-01'), o(7, '2026-09-30')]);
    expect(list.map((e) => [e.kind, e.date])).toEqual([
      ['later', '2026-09-30'],
      ['decision', '2026-06-01'],
      ['later', '2026-03-01'],
      ['decision', '2026-01-15'],
    ]);
  });

  it('gives decisions and later outcomes of the same id different entry ids', () => {
    const list = timeline([d(3, '2026-01-01')], [o(3, '2026-01-01')]);
    const ids = list.map((e) => e.id);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toEqual([3, -3]);
  });

  it('on the same date, shows what happened later before the decision, then newest record first', () => {
    const list = timeline([d(1, '2026-05-01')], [o(1, '2026-05-01'), o(2, '2026-05-01')]);
    expect(list.map((e) => e.id)).toEqual([2, 1, -1]);
  });

  it('keeps a new record at id 0, whichever its kind', () => {
    expect(decisionEntry(d(0, '2026-01-01')).id).toBe(0);
    expect(laterEntry(o(0, '2026-01-01')).id).toBe(0);
    expect(decisionEntry(d(9, '2026-01-01')).id).toBe(-9);
  });

  it('is empty with nothing recorded', () => {
    expect(timeline([], [])).toEqual([]);
  });
});

const prompt = (over: Partial<PromptRecord>): PromptRecord => ({
  key: 'credential:4:6',
  source: 'credential',
  months: 6,
  elapsed: 7,
  title: 'Food safety',
  titleEn: 'Food safety',
  titleFr: 'Salubrité alimentaire',
  credentialId: 4,
  ...over,
});

const catalogs = { en, fr } as const;
/** tr is the real catalog of a language, flattened as the app loads it. */
const tr = (lang: 'en' | 'fr') => (id: string, args?: Record<string, string | number>) =>
  translate(flat(catalogs[lang]), id, args, lang);
function flat(c: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') out[k] = v;
    else for (const [form, text] of Object.entries(v as Record<string, string>)) out[form === 'other' ? k : `${k}.${form}`] = text;
  }
  return out;
}

describe('elapsedText', () => {
  it('says months, years, or years and months, in both languages', () => {
    expect(elapsedText(1, tr('en'))).toBe('1 month');
    expect(elapsedText(9, tr('en'))).toBe('9 months');
    expect(elapsedText(12, tr('en'))).toBe('1 year');
    expect(elapsedText(45, tr('en'))).toBe('3 years and 9 months');
    expect(elapsedText(13, tr('en'))).toBe('1 year and 1 month');
    expect(elapsedText(45, tr('fr'))).toBe('3\u00a0ans et 9\u00a0mois');
    expect(elapsedText(12, tr('fr'))).toBe('1\u00a0an');
  });
});

describe('promptText', () => {
  it('says the real time since the credential, not the prompt point (the trial: 12 months for 45)', () => {
    const text = (p: PromptRecord, lang: 'en' | 'fr') => {
      const q = promptText(p, lang, tr(lang));
      return tr(lang)(q.id, q.args);
    };
    expect(text(prompt({ months: 12, elapsed: 45, title: 'Food Handler Certification', titleEn: 'Food Handler Certification' }), 'en')).toBe(
      'It has been 3 years and 9 months since you earned “Food Handler Certification”: did anything change?',
    );
    expect(text(prompt({ months: 12, elapsed: 45 }), 'fr')).toContain('3\u00a0ans et 9\u00a0mois');
  });

  it('names a credential in the language of the page when the learner wrote it so', () => {
    expect(promptText(prompt({}), 'en', tr('en'))).toEqual({ id: 'FollowUpCredential', args: { Elapsed: '7 months', Title: 'Food safety' } });
    expect(promptText(prompt({}), 'fr', tr('fr'))).toEqual({
      id: 'FollowUpCredential',
      args: { Elapsed: '7\u00a0mois', Title: 'Salubrité alimentaire' },
    });
    expect(promptText(prompt({ titleFr: '' }), 'fr', tr('fr')).args.Title).toBe('Food safety');
  });

  it('names the target of an export, or only the export when the target is gone', () => {
    const p = prompt({ key: 'export:2:3', source: 'export', months: 3, elapsed: 3, title: 'Culinary Arts', credentialId: 0 });
    expect(promptText(p, 'en', tr('en'))).toEqual({ id: 'FollowUpExport', args: { Elapsed: '3 months', Title: 'Culinary Arts' } });
    expect(promptText({ ...p, title: ' ' }, 'fr', tr('fr'))).toEqual({ id: 'FollowUpExportNoTarget', args: { Elapsed: '3\u00a0mois' } });
  });
});

describe('answer', () => {
  it('links the credential a prompt is about, and the prompt it answers', () => {
    expect(answer(prompt({}))).toEqual({ prompt: 'credential:4:6', credentialIds: [4] });
  });

  it('links no credential when the prompt is about an export', () => {
    expect(answer(prompt({ key: 'export:2:12', source: 'export', credentialId: 0 }))).toEqual({
      prompt: 'export:2:12',
      credentialIds: [],
    });
  });
});
