import { beforeEach, describe, expect, it, vi } from 'vitest';

let programs: Record<string, unknown>[] = [];

vi.mock('wailsjs/go/app/Outcomes', () => ({
  Programs: vi.fn(async () => programs),
  GiveConsent: vi.fn(async (c) => {
    const given = { ...c, id: 1, on: true, pseudonym: 'ua57uovvx1dbapib', givenOn: '2026-11-29', selfId: c.selfId.length ? c.selfId : null };
    programs = [given];
    return given;
  }),
  RevokeConsent: vi.fn(async (program: string) => {
    programs = programs.map((c) => (c.program === program ? { ...c, on: false, revokedOn: '2026-11-30' } : c));
    return programs[0];
  }),
  PreviewConsent: vi.fn(async (c) => JSON.stringify({ program: c.program, pseudonym: '' })),
  PreviewExport: vi.fn(async () => '{}'),
  ExportWithDialog: vi.fn(async () => ''),
}));

const { blankConsent, sharing } = await import('./sharing.svelte');
const bindings = await import('wailsjs/go/app/Outcomes');

describe('sharing store', () => {
  beforeEach(() => {
    sharing.reset();
    programs = [];
    vi.clearAllMocks();
  });

  it('names a program without sharing anything: off, no region, no self-identification', () => {
    expect(blankConsent('Centre d’amitié — Career coaching 2026')).toMatchObject({
      id: 0,
      program: 'Centre d’amitié — Career coaching 2026',
      on: false,
      region: '',
      selfId: [],
      pseudonym: '',
    });
  });

  it('stores nothing when a new program is only previewed', async () => {
    const text = await sharing.draft(blankConsent('Programme A'));
    expect(JSON.parse(text)).toEqual({ program: 'Programme A', pseudonym: '' });
    expect(bindings.GiveConsent).not.toHaveBeenCalled();
  });

  it('turns sharing on and reads the programs again, with empty lists where Go sent none', async () => {
    const given = await sharing.give(blankConsent('Programme A'));
    expect(given.on).toBe(true);
    expect(given.selfId).toEqual([]);
    expect(sharing.items).toHaveLength(1);
    expect(sharing.items[0].selfId).toEqual([]);
  });

  it('turns sharing off and shows the program as off', async () => {
    await sharing.give(blankConsent('Programme A'));
    const off = await sharing.revoke('Programme A');
    expect(off.on).toBe(false);
    expect(sharing.items[0].on).toBe(false);
  });

  it('gives "" when the learner cancels the save dialog', async () => {
    expect(await sharing.save('Programme A')).toBe('');
  });
});
