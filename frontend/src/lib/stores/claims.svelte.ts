// Claims: the learner's self-assessment on each outcome of a target, with narrative and links.
import { List, Save, Withdraw } from 'wailsjs/go/app/Claims';
import { plar } from 'wailsjs/go/models';
import { call } from '../errors';
import { registerResettable, type Resettable } from './list.svelte';

/** Go's shortest narrative an assessor can judge (plar.MinNarrativeWords) and the self-rating scale. */
export { MIN_NARRATIVE_WORDS, RATING_LEVELS } from 'wailsjs/values';

// Go's strings.Fields splits on unicode.IsSpace: ASCII spaces, NEL, NBSP and the Z spaces.
const spaces = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/** countWords counts words the way Go's strings.Fields does. */
export function countWords(text: string): number {
  return (text ?? '').split(spaces).filter((w) => w.length > 0).length;
}

/** narrativeWords is Go's plar.NarrativeWords: the words of the longer narrative, English or French. */
export function narrativeWords(en: string, fr: string): number {
  return Math.max(countWords(en), countWords(fr));
}

/** ClaimDraft is a claim as plain data, for a form to edit. */
export type ClaimDraft = Omit<plar.Claim, 'convertValues'>;

/** blankClaim is a new, unsaved claim on an outcome, with no level chosen yet. */
export function blankClaim(outcomeId: number): plar.Claim {
  return plar.Claim.createFrom({
    id: 0,
    outcomeId,
    rating: 0,
    narrativeEn: '',
    narrativeFr: '',
    currencyNote: '',
    experienceIds: [],
    credentialIds: [],
    evidence: [],
  });
}

/** withLists gives a claim from Go empty lists where it sent none. */
function withLists(c: plar.Claim): plar.Claim {
  return plar.Claim.createFrom({
    ...c,
    experienceIds: c.experienceIds ?? [],
    credentialIds: c.credentialIds ?? [],
    evidence: c.evidence ?? [],
  });
}

/** ClaimsStore holds the claims on one target's outcomes; its methods reject with an AppError. */
class ClaimsStore implements Resettable {
  targetId = $state(0);
  items = $state.raw<plar.Claim[]>([]);
  loaded = $state(false);
  /** pendingOutcomeId is an outcome another screen asked to open in the claim editor. */
  pendingOutcomeId = $state(0);

  constructor() {
    registerResettable(this);
  }

  /** load fetches the claims on a target's outcomes, in the outcomes' order. */
  async load(targetId: number): Promise<void> {
    const list = (await call(() => List(targetId))) ?? [];
    this.targetId = targetId;
    this.items = list.map(withLists);
    this.loaded = true;
  }

  /** forOutcome is the claim on an outcome, if the learner made one. */
  forOutcome(outcomeId: number): plar.Claim | undefined {
    return this.items.find((c) => c.outcomeId === outcomeId);
  }

  /** save claims an outcome or updates its claim, and keeps what Go stored. */
  async save(claim: ClaimDraft): Promise<plar.Claim> {
    const saved = withLists(await call(() => Save(plar.Claim.createFrom(claim))));
    const others = this.items.filter((c) => c.outcomeId !== saved.outcomeId);
    this.items = [...others, saved];
    return saved;
  }

  /** withdraw removes the claim on an outcome; the outcome stays, unclaimed. */
  async withdraw(outcomeId: number): Promise<void> {
    await call(() => Withdraw(outcomeId));
    this.items = this.items.filter((c) => c.outcomeId !== outcomeId);
  }

  /** requestEdit asks the claims screen to open the editor on an outcome when it next shows. */
  requestEdit(outcomeId: number): void {
    this.pendingOutcomeId = outcomeId;
  }

  /** takeRequest returns the outcome asked for, once. */
  takeRequest(): number {
    const id = this.pendingOutcomeId;
    this.pendingOutcomeId = 0;
    return id;
  }

  reset(): void {
    this.targetId = 0;
    this.items = [];
    this.loaded = false;
    this.pendingOutcomeId = 0;
  }
}

/** claims is the claims on the target the PLAR screens show. */
export const claims = new ClaimsStore();
