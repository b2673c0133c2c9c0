import { beforeEach, describe, expect, it, vi } from 'vitest';

type Later = { id: number; type: string; date: string; prompt: string; credentialIds: number[] | null; claimIds: number[] | null };
let later: Later[] = [];
let prompts = [
  { key: 'credential:1:12', source: 'credential', months: 12, credentialId: 1 },
  { key: 'credential:2:12', source: 'credential', months: 12, credentialId: 2 },
];

vi.mock('wailsjs/go/app/Outcomes', () => ({
  Decisions: vi.fn(async () => [{ id: 4, targetId: 1, outcomeId: 0, result: 'partial', date: '2025-03-14' }]),
  Later: vi.fn(async () => later),
  Prompts: vi.fn(async () => prompts),
  SaveDecision: vi.fn(async (d) => ({ ...d, id: 9 })),
  SaveLater: vi.fn(async (o: Later) => {
    const saved = { ...o, id: 21, credentialIds: o.credentialIds?.length ? o.credentialIds : null, claimIds: null };
    later = [saved];
    // Go stops asking once a prompt is answered.
    prompts = prompts.filter((p) => p.key !== o.prompt);
    return saved;
  }),
  DeleteDecision: vi.fn(async () => {}),
  DeleteLater: vi.fn(async () => {}),
  DismissPrompt: vi.fn(async () => {}),
}));

vi.mock('wailsjs/go/app/Claims', () => ({
  List: vi.fn(async (targetId: number) =>
    targetId === 1
      ? [
          { id: 31, outcomeId: 11 },
          { id: 32, outcomeId: 99 }, // an outcome the target no longer lists
        ]
      : [{ id: 41, outcomeId: 21 }],
  ),
}));

vi.mock('./data.svelte', () => ({ data: { onLocked: vi.fn() } }));

const { blankDecision, blankLater, next } = await import('./next.svelte');
const bindings = await import('wailsjs/go/app/Outcomes');

describe('next store', () => {
  beforeEach(() => {
    next.reset();
    vi.clearAllMocks();
  });

  it('fills a new later outcome from a prompt: its key and its credential, nothing else chosen', () => {
    const o = blankLater('2026-11-29', { prompt: 'credential:1:12', credentialIds: [1] });
    expect(o).toMatchObject({ id: 0, type: '', date: '2026-11-29', prompt: 'credential:1:12', credentialIds: [1], claimIds: [] });
    expect(blankLater('2026-11-29')).toMatchObject({ prompt: '', credentialIds: [] });
  });

  it('starts a decision on the whole course, pending, dated today', () => {
    expect(blankDecision(3, '2026-11-29')).toMatchObject({ id: 0, targetId: 3, outcomeId: 0, result: 'pending', credits: 0 });
  });

  it('gives later outcomes from Go empty lists where it sent none', async () => {
    later = [{ id: 1, type: 'newJob', date: '2024-09-03', prompt: '', credentialIds: null, claimIds: null }];
    await next.load();
    expect(next.later[0].credentialIds).toEqual([]);
    expect(next.later[0].claimIds).toEqual([]);
    expect(next.decisions).toHaveLength(1);
  });

  it('asks Go again for the prompts after one is answered, so it stops showing', async () => {
    await next.loadPrompts();
    expect(next.prompts.map((p) => p.key)).toEqual(['credential:1:12', 'credential:2:12']);
    await next.saveLater(blankLater('2026-11-29', { prompt: 'credential:1:12', credentialIds: [1] }));
    expect(next.prompts.map((p) => p.key)).toEqual(['credential:2:12']);
    expect(next.later[0].claimIds).toEqual([]);
  });

  it('does not ask for the prompts again after an outcome recorded on its own', async () => {
    await next.saveLater({ ...blankLater('2026-11-29'), type: 'raise' });
    expect(bindings.Prompts).not.toHaveBeenCalled();
  });

  it('drops a dismissed prompt once Go has kept the dismissal', async () => {
    await next.loadPrompts();
    await next.dismiss('credential:2:12');
    expect(bindings.DismissPrompt).toHaveBeenCalledWith('credential:2:12');
    expect(next.prompts.map((p) => p.key)).not.toContain('credential:2:12');
  });

  it('keeps the prompts when Go refuses the dismissal', async () => {
    await next.loadPrompts();
    const before = next.prompts.length;
    vi.mocked(bindings.DismissPrompt).mockRejectedValueOnce({ code: 'notFound', message: 'gone', field: 'prompt' });
    await expect(next.dismiss(next.prompts[0].key)).rejects.toMatchObject({ code: 'notFound' });
    expect(next.prompts.length).toBe(before);
  });

  it('hands a prompt’s answer to the screen once', () => {
    next.requestAnswer({ prompt: 'credential:2:12', credentialIds: [2] });
    expect(next.takeAnswer()).toEqual({ prompt: 'credential:2:12', credentialIds: [2] });
    expect(next.takeAnswer()).toBeNull();
  });

  it('names each claim by its course and learning outcome, skipping one whose outcome is gone', async () => {
    const outcome = (id: number, code: string) => ({ id, targetId: 0, code, textEn: '', textFr: '' });
    await next.loadClaimChoices([
      { id: 1, name: 'MLT 101', outcomes: [outcome(11, 'MLT101-1')] },
      { id: 2, name: 'CUL 200', outcomes: [outcome(21, 'CUL-3')] },
    ] as never);
    expect(next.claimChoices.map((c) => [c.id, c.course, c.outcome.code])).toEqual([
      [31, 'MLT 101', 'MLT101-1'],
      [41, 'CUL 200', 'CUL-3'],
    ]);
  });
});
