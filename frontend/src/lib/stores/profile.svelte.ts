// The learner's profile, with the private self-identification.
import { Get, Save } from 'wailsjs/go/app/Profile';
import { portfolio } from 'wailsjs/go/models';
import { call } from '../errors';
import { data } from './data.svelte';
import type { Resettable } from './list.svelte';

/** LearnerDraft is a profile as plain data, for a form to edit. */
export type LearnerDraft = Omit<portfolio.Learner, 'convertValues'>;

/** toDraft copies a profile into plain data (deep enough for the form). */
export function toDraft(l: LearnerDraft): LearnerDraft {
  return { ...l, selfId: { ...l.selfId } };
}

/** blankSelfId is a self-identification with nothing ticked or written. */
export function blankSelfId(): portfolio.SelfIdentification {
  return { newcomer: false, indigenous: false, disability: false, racialized: false, notes: '' };
}

/** blankLearner is an empty profile, so the form never meets a missing field. */
export function blankLearner(): portfolio.Learner {
  return portfolio.Learner.createFrom({
    displayName: '',
    legalName: '',
    preferredLanguage: '',
    email: '',
    phone: '',
    community: '',
    region: '',
    selfId: blankSelfId(),
  });
}

/** withDefaults fills what Go left out (a nil selfId, say) from a blank profile. */
function withDefaults(l: LearnerDraft | null | undefined): portfolio.Learner {
  const blank = blankLearner();
  return portfolio.Learner.createFrom({
    ...blank,
    ...(l ?? {}),
    selfId: { ...blank.selfId, ...(l?.selfId ?? {}) },
  });
}

/** ProfileStore holds the learner as last loaded or saved. */
class ProfileStore implements Resettable {
  learner = $state.raw<portfolio.Learner>(blankLearner());
  loaded = $state(false);

  /** load fetches the profile; it rejects with an AppError. */
  async load(): Promise<portfolio.Learner> {
    this.learner = withDefaults(await call(() => Get()));
    this.loaded = true;
    return this.learner;
  }

  /** save stores the profile and keeps what Go gave back. */
  async save(l: LearnerDraft): Promise<portfolio.Learner> {
    this.learner = withDefaults(await call(() => Save(portfolio.Learner.createFrom(l))));
    return this.learner;
  }

  /** hidePrivate forgets the private fields, as Go shows them while the portfolio is locked. */
  hidePrivate(): void {
    this.learner = withDefaults({ ...this.learner, email: '', phone: '', selfId: blankSelfId(), locked: true });
  }

  reset(): void {
    this.learner = blankLearner();
    this.loaded = false;
  }
}

/** profile is the open portfolio's learner. */
export const profile = new ProfileStore();

// Locked, the private fields are sealed: the store forgets what it read while they were open.
data.onLocked(() => profile.hidePrivate());
