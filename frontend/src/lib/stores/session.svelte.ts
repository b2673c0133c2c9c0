// Which portfolio is open, the list of known portfolios, and the UI language.
import {
  Close,
  Create,
  DismissRequested,
  Open,
  OpenRequested,
  OpenWithDialog,
  Rename,
  State,
} from 'wailsjs/go/app/Session';
import { SetLanguage } from 'wailsjs/go/app/Settings';
import type { app } from 'wailsjs/go/models';
import { EventsOn } from 'wailsjs/runtime/runtime';
import { EVENT_SESSION_CHANGED } from 'wailsjs/values';
import { call } from '../errors';
import { i18n } from '../i18n/i18n.svelte';
import { resetAreaStores } from './list.svelte';

/** Go sends the new State with this event when another launch of the app changed it. */
export const SESSION_CHANGED_EVENT = EVENT_SESSION_CHANGED;

/** SessionStore mirrors Go's session State; its methods reject with an AppError. */
class SessionStore {
  state = $state.raw<app.State | null>(null);
  /** generation counts reopenings of the same file (a restore), so the shell is drawn afresh. */
  generation = $state(0);
  /** notice is Go's word on a launch it could not simply follow, kept until the learner dismisses it. */
  notice = $state('');

  /** requested is the portfolio another launch asked this window to open, waiting for the learner. */
  get requested(): app.PortfolioFile | null {
    return this.state?.requested?.path ? this.state.requested : null;
  }

  /** listen follows the changes Go makes on its own (a second launch); it returns the unsubscribe. */
  listen(): () => void {
    return EventsOn(SESSION_CHANGED_EVENT, (next: app.State) => {
      void this.apply(next).catch(() => {
        // The catalog could not load: the state stays as it was; the next call reports it.
      });
    });
  }

  /** openRequested switches to the portfolio another launch asked for. */
  async openRequested(): Promise<void> {
    await this.#run(() => OpenRequested());
  }

  /** dismissRequested keeps the open portfolio and forgets the request. */
  async dismissRequested(): Promise<void> {
    await this.#run(() => DismissRequested());
  }

  /** open tells whether a portfolio is open. */
  get open(): boolean {
    return !!this.state?.open;
  }

  /** portfolios lists the portfolios Go knows of, never null. */
  get portfolios(): app.PortfolioFile[] {
    return this.state?.portfolios ?? [];
  }

  /** init reads the state and loads the language it names. */
  async init(): Promise<void> {
    await this.#run(() => State());
  }

  async create(name: string): Promise<void> {
    await this.#run(() => Create(name));
  }

  async openPath(path: string): Promise<void> {
    await this.#run(() => Open(path));
  }

  async openWithDialog(): Promise<void> {
    await this.#run(() => OpenWithDialog());
  }

  async rename(path: string, name: string): Promise<void> {
    await this.#run(() => Rename(path, name));
  }

  async close(): Promise<void> {
    await this.#run(() => Close());
  }

  /** setLanguage switches the UI language; Go remembers it. */
  async setLanguage(lang: string): Promise<void> {
    await this.#run(() => SetLanguage(lang));
  }

  async #run(fn: () => Promise<app.State>): Promise<void> {
    await this.apply(await call(fn));
  }

  /**
   * reopen takes the State after the open file was replaced (a restore): the same path now
   * holds other data, so the area stores are emptied and the shell is drawn again, as when a
   * portfolio opens.
   */
  async reopen(next: app.State): Promise<void> {
    resetAreaStores();
    await this.apply(next);
    this.generation += 1;
  }

  /** apply takes a new State: a different portfolio empties the area stores; a new language loads its catalog. */
  async apply(next: app.State): Promise<void> {
    const before = this.state;
    const samePortfolio =
      !!before && before.open === next.open && before.current?.path === next.current?.path;
    if (!samePortfolio) resetAreaStores();
    if (next.notice) this.notice = next.notice;
    const lang = next.language || i18n.lang;
    if (!i18n.ready || lang !== i18n.lang) await call(() => i18n.load(lang));
    this.state = next;
  }
}

/** session is the one session of this window. */
export const session = new SessionStore();
