// Coach mode: a shared copy is open, read only, and the coach's name signs the comments. Also
// the coach's cohort, the shared copies of one folder, kept while the coach opens one and another.
import { coachApi, type Cohort, type CoachInfo } from './coachapi';
import { call } from '../errors';
import { session } from './session.svelte';

/** CoachModeStore says whether the open file is a shared copy, and whose. */
class CoachModeStore {
  /** info is Go's word on the open shared copy, null for a learner's own portfolio. */
  info = $derived<CoachInfo | null>(coachApi.infoOf(session.state));
  /** active is true while a shared copy is open: every screen is then read only. */
  active = $derived(!!this.info);

  /** leftOut lists the SHA-256 of the evidence files the learner left out of the copy as large. */
  async leftOut(): Promise<string[]> {
    return this.active ? await call(() => coachApi.leftOut()) : [];
  }

  /** lastName is the name this coach last signed with, offered in the next copy they open. */
  lastName = $state('');

  /** setName remembers the name that signs the coach's comments in the open copy. */
  async setName(name: string): Promise<void> {
    await session.apply(await call(() => coachApi.setName(name)));
    this.lastName = name.trim();
  }

  /** openWithDialog lets the coach choose a shared copy and opens it in coach mode. */
  async openWithDialog(): Promise<void> {
    await session.apply(await call(() => coachApi.openWithDialog()));
  }

  /** openFromCohort opens, in coach mode, a shared copy the cohort lists. */
  async openFromCohort(path: string): Promise<void> {
    await session.apply(await call(() => coachApi.openFromCohort(path)));
  }
}

/** coachMode is this window's coach mode. */
export const coachMode = new CoachModeStore();

/** CohortStore is the coach's list of shared copies; it outlives the copies opened from it. */
class CohortStore {
  cohort = $state.raw<Cohort | null>(null);
  /** shown is true while the cohort stands in for the first screen (no portfolio open). */
  shown = $state(false);

  /** chooseFolder lets the coach choose a folder of shared copies in the native dialog; false when cancelled. */
  async chooseFolder(): Promise<boolean> {
    const c = await call(() => coachApi.cohortWithDialog());
    if (!c) return false;
    this.cohort = c;
    return true;
  }

  /** reload reads the same folder again (a copy opened may now have comments). */
  async reload(): Promise<void> {
    if (!this.cohort?.folder) return;
    const folder = this.cohort.folder;
    this.cohort = (await call(() => coachApi.cohort(folder))) ?? this.cohort;
  }
}

/** cohort is the coach's list of learners. */
export const cohort = new CohortStore();
