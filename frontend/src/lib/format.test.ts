import { describe, expect, it } from 'vitest';
import { addTags, expired, formatDay, formatMonth, pickText, shortHash, sizeParts, splitTags, today } from './format';

describe('format', () => {
  it('splits and merges tags without duplicates', () => {
    expect(splitTags(' welding\nfirst aid\n\nsafety ')).toEqual(['welding', 'first aid', 'safety']);
    // A comma or semicolon is part of a skill, never a break between two.
    expect(splitTags(' Cooking, baking and pastry ')).toEqual(['Cooking, baking and pastry']);
    expect(splitTags('Soins; premiers secours')).toEqual(['Soins; premiers secours']);
    expect(addTags(['Welding'], ['welding', 'Inuktitut'])).toEqual(['Welding', 'Inuktitut']);
  });

  it('writes the day of a time in the language of the UI, and leaves an odd value as it is', () => {
    // Noon UTC is the same day in every Canadian time zone.
    expect(formatDay('2026-03-14T12:00:00Z', 'en-CA')).toBe('Mar 14, 2026');
    expect(formatDay('2026-03-14T12:00:00Z', 'fr-CA')).toBe('14 mars 2026');
    expect(formatDay('not a date', 'en-CA')).toBe('not a date');
    expect(formatDay('', 'en-CA')).toBe('');
  });

  it('writes months in the language of the UI', () => {
    expect(formatMonth('2021-09', 'en-CA')).toBe('September 2021');
    expect(formatMonth('2021-09', 'fr-CA')).toBe('septembre 2021');
    expect(formatMonth('not a month', 'en-CA')).toBe('not a month');
  });

  it('picks the text of the UI language, else the other', () => {
    expect(pickText('Cook', 'Cuisinier', 'fr')).toBe('Cuisinier');
    expect(pickText('Cook', '', 'fr')).toBe('Cook');
    expect(pickText('', '', 'en')).toBe('');
  });

  it('sizes files in bytes, KB and MB', () => {
    expect(sizeParts(512, 'en-CA')).toEqual({ size: '512', unitId: 'SizeBytes' });
    expect(sizeParts(2048, 'en-CA')).toEqual({ size: '2', unitId: 'SizeKilobytes' });
    expect(sizeParts(1.5 * 1024 * 1024, 'fr-CA')).toEqual({ size: '1,5', unitId: 'SizeMegabytes' });
  });

  it('says a date before today has expired, and today or a later or missing one has not', () => {
    expect(expired('2025-01-04', '2025-01-05')).toBe(true);
    expect(expired('2025-01-05', '2025-01-05')).toBe(false);
    expect(expired('2026-06-30', '2025-01-05')).toBe(false);
    expect(expired('', '2025-01-05')).toBe(false);
    expect(expired('2024-06', '2025-01-05')).toBe(false);
  });

  it('shortens a SHA-256 and dates today', () => {
    expect(shortHash('a'.repeat(64))).toBe('a'.repeat(12));
    expect(today(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});
