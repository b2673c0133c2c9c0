// Readiness and the guide: both computed by Go from the data on every call, never stored.
import { ForTarget, Guide } from 'wailsjs/go/app/Readiness';
import type { plar } from 'wailsjs/go/models';
import type { GuideStepId } from 'wailsjs/values';
import { call } from '../errors';
import type { MessageArgs } from '../i18n/translate';
import { registerResettable, type Resettable } from './list.svelte';
import type { Screen } from './nav.svelte';

/** GUIDE_STEP_SCREENS is where each step of the guide (Go's plar.GuideSteps) is done. */
export const GUIDE_STEP_SCREENS: Record<GuideStepId, Screen> = {
  Profile: 'profile',
  Experiences: 'experiences',
  Target: 'targets',
  SelfAssessment: 'claims',
  Evidence: 'evidence',
  Narratives: 'claims',
  Review: 'readiness',
  Export: 'export',
  Outcomes: 'next',
};

/** RULES are the four rules of evidence in the order assessors name them (Go's plar.Rules). */
export { RULES } from 'wailsjs/values';

/** stepArgs turns a Go step's arguments into message arguments (numbers stay numbers). */
export function stepArgs(step: plar.Step | null | undefined): MessageArgs | undefined {
  if (!step?.args) return undefined;
  const out: MessageArgs = {};
  for (const [k, v] of Object.entries(step.args)) {
    out[k] = typeof v === 'number' ? v : String(v ?? '');
  }
  return out;
}

/** rulesMet counts the rules an assessment meets. */
export function rulesMet(a: plar.Assessment | null | undefined): number {
  return (a?.rules ?? []).filter((r) => r.met).length;
}

/** guideDone counts the steps of the guide already done. */
export function guideDone(steps: plar.GuideStep[]): number {
  return steps.filter((s) => s.done).length;
}

/** ReadinessStore holds the last readiness report and guide Go computed; methods reject with an AppError. */
class ReadinessStore implements Resettable {
  report = $state.raw<plar.Readiness | null>(null);
  guide = $state.raw<plar.GuideStep[]>([]);
  guideLoaded = $state(false);

  constructor() {
    registerResettable(this);
  }

  /** load computes readiness for one target. */
  async load(targetId: number): Promise<plar.Readiness> {
    const r = await call(() => ForTarget(targetId));
    r.outcomes = r.outcomes ?? [];
    r.toDo = r.toDo ?? [];
    this.report = r;
    return r;
  }

  /** loadGuide computes the guided steps for a target (0: the first target, if any). */
  async loadGuide(targetId = 0): Promise<plar.GuideStep[]> {
    this.guide = (await call(() => Guide(targetId))) ?? [];
    this.guideLoaded = true;
    return this.guide;
  }

  /** forOutcome is one outcome of the last report, with its claim, rules and matches. */
  forOutcome(outcomeId: number): plar.OutcomeReadiness | undefined {
    return this.report?.outcomes.find((o) => o.outcome.id === outcomeId);
  }

  /** clear forgets the report, as when no target is left. */
  clear(): void {
    this.report = null;
  }

  reset(): void {
    this.report = null;
    this.guide = [];
    this.guideLoaded = false;
  }
}

/** readiness is the open portfolio's readiness report and guide. */
export const readiness = new ReadinessStore();
