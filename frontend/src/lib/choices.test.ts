import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import fr from '../../../locales/fr.json';
import * as go from 'wailsjs/values';
import { isOneOf } from './choices';
import { EVIDENCE_KINDS } from './stores/evidence.svelte';
import { SUPPORT_CATEGORIES, blankSupportNote } from './stores/support.svelte';

const catalogs: Record<string, Record<string, unknown>> = { en, fr };

// The lists the UI names with a message built from the value (`t(\`EvidenceKind${k}\`)`…):
// a value Go adds or renames must have its label in both languages, or the UI shows an ID.
const labelled: [string, readonly (string | number)[]][] = [
  ['ExperienceKind', go.EXPERIENCE_KINDS],
  ['EvidenceKind', go.EVIDENCE_KINDS],
  ['SupportCategory', go.SUPPORT_CATEGORIES],
  ['Method', go.PLAR_METHODS],
  ['TargetLanguage', go.TARGET_LANGUAGES],
  ['GuideStep', go.GUIDE_STEPS],
  ['RatingLevel', go.RATING_LEVELS],
];

const capital = (v: string | number) => String(v).charAt(0).toUpperCase() + String(v).slice(1);

describe('lists of allowed values from Go', () => {
  it.each(labelled)('names every %s in English and French', (prefix, values) => {
    expect(values.length).toBeGreaterThan(0);
    for (const lang of ['en', 'fr']) {
      const missing = values.map((v) => prefix + capital(v)).filter((id) => !catalogs[lang][id]);
      expect(missing, `${lang} lacks`).toEqual([]);
    }
  });

  it('the evidence and support forms offer Go’s lists themselves', () => {
    expect(EVIDENCE_KINDS).toBe(go.EVIDENCE_KINDS);
    expect(SUPPORT_CATEGORIES).toBe(go.SUPPORT_CATEGORIES);
    expect(go.SUPPORT_CATEGORIES).toContain(blankSupportNote('2026-11-29').category);
  });

  it('limits are the numbers Go enforces', () => {
    expect(go.PASSPHRASE_MIN).toBeGreaterThan(0);
    expect(go.PASSPHRASE_MIN).toBeLessThan(go.PASSPHRASE_MAX);
    expect(go.INACTIVITY_MIN).toBeLessThanOrEqual(go.INACTIVITY_DEFAULT);
    expect(go.INACTIVITY_DEFAULT).toBeLessThanOrEqual(go.INACTIVITY_MAX);
  });

  it('isOneOf tells a value of a list from any other', () => {
    expect(isOneOf(go.EXPORT_LANGUAGES, 'bilingual')).toBe(true);
    expect(isOneOf(go.EXPORT_LANGUAGES, 'de')).toBe(false);
    expect(isOneOf(go.RATING_LEVELS, 5)).toBe(true);
    expect(isOneOf(go.RATING_LEVELS, '5')).toBe(false);
    expect(isOneOf(go.RATING_LEVELS, 0)).toBe(false);
  });
});
