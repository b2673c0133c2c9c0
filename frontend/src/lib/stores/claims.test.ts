import { describe, expect, it, vi } from 'vitest';

vi.mock('wailsjs/go/app/Claims', () => ({
  List: vi.fn(async () => [
    { id: 1, outcomeId: 11, rating: 3, narrativeEn: 'x', narrativeFr: '', currencyNote: '',
      experienceIds: null, credentialIds: null, evidence: null },
  ]),
  Save: vi.fn(async (c: { id: number; rating: number }) => {
    if (c.rating < 1) throw { code: 'invalid', message: 'Please choose a level.', field: 'rating' };
    return { ...c, id: c.id || 2 };
  }),
  Withdraw: vi.fn(async () => {}),
}));

const { blankClaim, claims, countWords, narrativeWords, MIN_NARRATIVE_WORDS } = await import('./claims.svelte');
const bindings = await import('wailsjs/go/app/Claims');
const { resetAreaStores } = await import('./list.svelte');

describe('claims store', () => {
  it('loads the claims of a target with empty lists where Go sent none', async () => {
    await claims.load(7);
    expect(bindings.List).toHaveBeenCalledWith(7);
    expect(claims.targetId).toBe(7);
    const c = claims.forOutcome(11);
    expect(c?.experienceIds).toEqual([]);
    expect(c?.evidence).toEqual([]);
    expect(claims.forOutcome(12)).toBeUndefined();
  });

  it('claims an outcome with its links', async () => {
    const draft = {
      ...blankClaim(12),
      rating: 4,
      narrativeFr: 'Pendant sept ans',
      evidence: [{ evidenceId: 5, relevance: 'Lettre du chef de service' }],
    };
    const saved = await claims.save(draft);
    expect(saved.id).toBe(2);
    expect(vi.mocked(bindings.Save).mock.calls[0][0].evidence).toEqual([
      { evidenceId: 5, relevance: 'Lettre du chef de service' },
    ]);
    expect(claims.forOutcome(12)?.rating).toBe(4);
  });

  it('rejects with the field at fault and keeps the claims as they were', async () => {
    await expect(claims.save(blankClaim(13))).rejects.toMatchObject({ field: 'rating' });
    expect(claims.forOutcome(13)).toBeUndefined();
  });

  it('withdraws a claim by outcome', async () => {
    await claims.withdraw(12);
    expect(bindings.Withdraw).toHaveBeenCalledWith(12);
    expect(claims.forOutcome(12)).toBeUndefined();
  });

  it('hands an edit request from another screen over once', () => {
    claims.requestEdit(11);
    expect(claims.takeRequest()).toBe(11);
    expect(claims.takeRequest()).toBe(0);
  });

  it('forgets everything when another portfolio opens', () => {
    resetAreaStores();
    expect(claims.items).toEqual([]);
    expect(claims.loaded).toBe(false);
  });
});

describe('word count', () => {
  it('counts words as Go’s strings.Fields does', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one  two\tthree\nfour ')).toBe(4);
    // A non-breaking space separates words too (Go: unicode.IsSpace), as in « mot ».
    expect(countWords('«\u00a0mot\u00a0»')).toBe(3);
    expect(countWords('l’équipe, d’accord')).toBe(2);
  });

  it('counts the longer narrative, as the rules of evidence do', () => {
    expect(narrativeWords('one two', 'un deux trois')).toBe(3);
    expect(narrativeWords('', '')).toBe(0);
    expect(MIN_NARRATIVE_WORDS).toBe(75);
  });
});
