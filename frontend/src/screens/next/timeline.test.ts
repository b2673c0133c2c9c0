import { describe, expect, it } from 'vitest';
import { answer, decisionEntry, laterEntry, promptText, timeline, type PromptRecord } from './timeline';

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
  title: 'Food safety',
  titleEn: 'Food safety',
  titleFr: 'Salubrité alimentaire',
  credentialId: 4,
  ...over,
});

describe('promptText', () => {
  it('names a credential in the language of the page when the learner wrote it so', () => {
    expect(promptText(prompt({}), 'en')).toEqual({ id: 'FollowUpCredential', args: { Months: 6, Title: 'Food safety' } });
    expect(promptText(prompt({}), 'fr')).toEqual({
      id: 'FollowUpCredential',
      args: { Months: 6, Title: 'Salubrité alimentaire' },
    });
    expect(promptText(prompt({ titleFr: '' }), 'fr').args.Title).toBe('Food safety');
  });

  it('names the target of an export, or only the export when the target is gone', () => {
    const p = prompt({ key: 'export:2:3', source: 'export', months: 3, title: 'Culinary Arts', credentialId: 0 });
    expect(promptText(p, 'en')).toEqual({ id: 'FollowUpExport', args: { Months: 3, Title: 'Culinary Arts' } });
    expect(promptText({ ...p, title: ' ' }, 'fr')).toEqual({ id: 'FollowUpExportNoTarget', args: { Months: 3 } });
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
