// What happened next: the PLAR decisions, what happened later, and the follow-up prompts that
// ask about it. The learner's own record; notes are private, sealed like support notes.
import {
  DeleteDecision,
  DeleteLater,
  DismissPrompt,
  Decisions,
  Later,
  Prompts,
  SaveDecision,
  SaveLater,
} from 'wailsjs/go/app/Outcomes';
import { List as ClaimsOn } from 'wailsjs/go/app/Claims';
import { portfolio, type plar } from 'wailsjs/go/models';
import type { PlarDecisionResult } from 'wailsjs/values';
import { call } from '../errors';
import { type Answer } from '../../screens/next/timeline';
import { data } from './data.svelte';
import { registerResettable, type Resettable } from './list.svelte';

/** Go's lists for this area: decisions, kinds of later outcome, bands of a raise. */
export { LATER_OUTCOME_TYPES, PLAR_DECISION_RESULTS, RAISE_RANGES } from 'wailsjs/values';

/** ClaimChoice is a claim a later outcome can relate to, named by its course and outcome. */
export interface ClaimChoice {
  id: number;
  course: string;
  outcome: plar.Outcome;
}

/** withLinks gives a later outcome from Go empty lists where it sent none. */
function withLinks(o: portfolio.LaterOutcome): portfolio.LaterOutcome {
  return portfolio.LaterOutcome.createFrom({ ...o, credentialIds: o.credentialIds ?? [], claimIds: o.claimIds ?? [] });
}

/** NextStore holds the decisions, the later outcomes and the prompts due; methods reject with an AppError. */
class NextStore implements Resettable {
  decisions = $state.raw<portfolio.PLARDecision[]>([]);
  later = $state.raw<portfolio.LaterOutcome[]>([]);
  loaded = $state(false);
  prompts = $state.raw<portfolio.FollowUp[]>([]);
  promptsLoaded = $state(false);
  /** claimChoices are the learner's claims on every target, for a later outcome to link to. */
  claimChoices = $state.raw<ClaimChoice[]>([]);
  /** pending is a prompt's answer another screen asked the Next screen to open in its form. */
  pending = $state.raw<Answer | null>(null);

  constructor() {
    registerResettable(this);
  }

  /** load fetches both lists. */
  async load(): Promise<void> {
    const [decisions, later] = await Promise.all([call(() => Decisions()), call(() => Later())]);
    this.decisions = decisions ?? [];
    this.later = (later ?? []).map(withLinks);
    this.loaded = true;
  }

  /** loadPrompts fetches the follow-up prompts due today, not answered and not dismissed. */
  async loadPrompts(): Promise<void> {
    this.prompts = (await call(() => Prompts())) ?? [];
    this.promptsLoaded = true;
  }

  /** loadClaimChoices fetches the claims on each of the targets, in the targets' order. */
  async loadClaimChoices(list: plar.Target[]): Promise<void> {
    const choices: ClaimChoice[] = [];
    for (const target of list) {
      const claims = (await call(() => ClaimsOn(target.id))) ?? [];
      for (const c of claims) {
        const outcome = target.outcomes?.find((o) => o.id === c.outcomeId);
        if (outcome) choices.push({ id: c.id, course: target.name, outcome });
      }
    }
    this.claimChoices = choices;
  }

  /** saveDecision creates (id 0) or updates a decision, then reloads the lists. */
  async saveDecision(d: portfolio.PLARDecision): Promise<portfolio.PLARDecision> {
    const saved = await call(() => SaveDecision(portfolio.PLARDecision.createFrom(d)));
    await this.load();
    return saved;
  }

  /** saveLater creates (id 0) or updates a later outcome; a prompt it answered stops asking. */
  async saveLater(o: portfolio.LaterOutcome): Promise<portfolio.LaterOutcome> {
    const saved = withLinks(await call(() => SaveLater(portfolio.LaterOutcome.createFrom(o))));
    await this.load();
    if (saved.prompt) await this.loadPrompts();
    return saved;
  }

  async removeDecision(id: number): Promise<void> {
    await call(() => DeleteDecision(id));
    this.decisions = this.decisions.filter((d) => d.id !== id);
  }

  async removeLater(id: number): Promise<void> {
    await call(() => DeleteLater(id));
    this.later = this.later.filter((o) => o.id !== id);
  }

  /** dismiss stops a prompt for good. */
  async dismiss(key: string): Promise<void> {
    await call(() => DismissPrompt(key));
    this.prompts = this.prompts.filter((p) => p.key !== key);
  }

  /** requestAnswer asks the Next screen to open its form filled from a prompt, when it next shows. */
  requestAnswer(a: Answer): void {
    this.pending = a;
  }

  /** takeAnswer returns the answer asked for, once. */
  takeAnswer(): Answer | null {
    const a = this.pending;
    this.pending = null;
    return a;
  }

  reset(): void {
    this.decisions = [];
    this.later = [];
    this.loaded = false;
    this.prompts = [];
    this.promptsLoaded = false;
    this.claimChoices = [];
    this.pending = null;
  }
}

/** next is the learner's record of what happened next. */
export const next = new NextStore();

// Locked, the notes are sealed: forget the text read while they were open.
data.onLocked(() => {
  if (next.loaded) next.load().catch(() => next.reset());
});

/** blankDecision is a new decision on a target's whole course, pending, dated today. */
export function blankDecision(targetId: number, today: string): portfolio.PLARDecision {
  return portfolio.PLARDecision.createFrom({
    id: 0,
    targetId,
    outcomeId: 0,
    result: 'pending' satisfies PlarDecisionResult,
    credits: 0,
    date: today,
    note: '',
    course: '',
    outcomeCode: '',
    noteLocked: false,
  });
}

/** blankLater is a new later outcome dated today, its kind not chosen, linked as a prompt asks. */
export function blankLater(today: string, from: Answer | null = null): portfolio.LaterOutcome {
  return portfolio.LaterOutcome.createFrom({
    id: 0,
    type: '',
    date: today,
    raiseRange: '',
    note: '',
    prompt: from?.prompt ?? '',
    credentialIds: [...(from?.credentialIds ?? [])],
    claimIds: [],
    noteLocked: false,
  });
}
