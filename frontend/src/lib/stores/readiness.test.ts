import { describe, expect, it, vi } from 'vitest';

const report = {
  target: { id: 1, name: 'MLT 101' },
  outcomes: [
    {
      outcome: { id: 11, code: 'MLT101-1' },
      status: 'gaps',
      claim: { id: 1, outcomeId: 11 },
      assessment: {
        outcomeId: 11,
        words: 12,
        ready: false,
        rules: [
          { rule: 'valid', met: true, steps: [] },
          { rule: 'current', met: true, steps: [] },
          { rule: 'sufficient', met: false, steps: [{ messageId: 'StepWriteNarrative', args: { Words: 12, Min: 75 } }] },
          { rule: 'authentic', met: true, steps: [] },
        ],
      },
      matches: null,
    },
  ],
  total: 1,
  claimed: 1,
  ready: 0,
  toDo: null,
};

vi.mock('wailsjs/go/app/Readiness', () => ({
  ForTarget: vi.fn(async (id: number) => {
    if (id === 99) throw { code: 'not_found', message: 'This target no longer exists.', field: '' };
    return structuredClone(report);
  }),
  Guide: vi.fn(async () => [
    { id: 'Profile', done: true, current: false },
    { id: 'Experiences', done: false, current: true },
    { id: 'Target', done: false, current: false },
  ]),
}));

const { GUIDE_STEPS } = await import('wailsjs/values');
const { GUIDE_STEP_SCREENS, guideDone, readiness, rulesMet, stepArgs } = await import('./readiness.svelte');
const { SCREENS } = await import('./nav.svelte');
const bindings = await import('wailsjs/go/app/Readiness');
const { resetAreaStores } = await import('./list.svelte');

describe('readiness store', () => {
  it('computes readiness of a target, with empty lists where Go sent none', async () => {
    const r = await readiness.load(1);
    expect(bindings.ForTarget).toHaveBeenCalledWith(1);
    expect(r.toDo).toEqual([]);
    const o = readiness.forOutcome(11);
    expect(o?.status).toBe('gaps');
    expect(rulesMet(o?.assessment)).toBe(3);
  });

  it('rejects with Go’s translated error', async () => {
    await expect(readiness.load(99)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reads the guide for a target, 0 meaning the first', async () => {
    const steps = await readiness.loadGuide();
    expect(bindings.Guide).toHaveBeenCalledWith(0);
    expect(guideDone(steps)).toBe(1);
    expect(readiness.guideLoaded).toBe(true);
  });

  it('forgets everything when another portfolio opens', () => {
    resetAreaStores();
    expect(readiness.report).toBeNull();
    expect(readiness.guide).toEqual([]);
  });
});

describe('guide and steps', () => {
  it('sends each step Go knows (plar.GuideSteps) to a screen that exists', () => {
    expect(GUIDE_STEPS).toHaveLength(9);
    expect(GUIDE_STEP_SCREENS.Outcomes).toBe('next');
    for (const id of GUIDE_STEPS) expect(SCREENS).toContain(GUIDE_STEP_SCREENS[id]);
  });

  it('keeps numbers as numbers in step arguments, for the plural and number format', () => {
    expect(stepArgs({ messageId: 'StepWriteNarrative', args: { Words: 12, Min: 75 } })).toEqual({ Words: 12, Min: 75 });
    expect(stepArgs({ messageId: 'StepNameVerifier', args: { Title: 'Lettre' } })).toEqual({ Title: 'Lettre' });
    expect(stepArgs({ messageId: 'StepLinkEvidence', args: null as never })).toBeUndefined();
  });
});
