// Which screen of an open portfolio is showing.
import { tick } from 'svelte';
import { focusMainHeading } from '../actions';
import { unsaved } from './unsaved.svelte';

/**
 * SCREENS are the screens of an open portfolio, in nav order. The guide is the home: it comes
 * first and a portfolio opens on it. The PLAR screens follow the records they draw on; the
 * Export screen comes right after readiness, the last check before it, then sharing with a coach
 * and the coach's comments, then what happened next (and sharing it with a program). "Your data"
 * (where the file is, backups, the passphrase) comes last, beside the list of portfolios.
 */
export const SCREENS = [
  'guide',
  'profile',
  'experiences',
  'credentials',
  'evidence',
  'targets',
  'claims',
  'readiness',
  'export',
  'share',
  'comments',
  'next',
  'sharing',
  'support',
  'data',
] as const;

/**
 * COACH_SCREENS are the screens of a shared copy a coach reads, in nav order: what the learner
 * would read, none of the screens only the learner uses (targets, export, sharing, their data),
 * then the coach's comments and learners.
 */
export const COACH_SCREENS = [
  'guide',
  'profile',
  'experiences',
  'credentials',
  'evidence',
  'claims',
  'readiness',
  'support',
  'comments',
  'cohort',
] as const;

/** Screen names one screen. */
export type Screen = (typeof SCREENS)[number] | (typeof COACH_SCREENS)[number];

/** HOME is the screen a portfolio opens on. */
export const HOME: Screen = 'guide';

/** Nav holds the current screen. */
class Nav {
  current = $state<Screen>(HOME);

  go(screen: Screen): void {
    this.current = screen;
  }

  /**
   * open shows a screen and, as a new page is to a screen reader, puts focus on its heading.
   * A form with unsaved changes asks first; it tells whether the screen changed.
   */
  async open(screen: Screen): Promise<boolean> {
    if (screen !== this.current && !(await unsaved.leave('screen'))) return false;
    this.go(screen);
    await tick();
    focusMainHeading();
    return true;
  }
}

/** nav is the app's navigation state. */
export const nav = new Nav();
