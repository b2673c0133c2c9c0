// Comments between a coach and a learner. The learner imports a coach's comments file and
// answers them; a coach, reading a shared copy, writes comments and sends them back in a file.
// One store serves both sides: which one is open decides the calls it makes.
import { EventsOn } from 'wailsjs/runtime/runtime';
import { coachApi, EVENT_COMMENTS_DROPPED, type Anchor, type Comment, type ImportResult } from './coachapi';
import { call } from '../errors';
import { openCount } from '../comments';
import { registerResettable, type Resettable } from './list.svelte';
import { coachMode } from './coach.svelte';

/** CommentsStore holds the comments of the open portfolio or shared copy; methods reject with an AppError. */
class CommentsStore implements Resettable {
  items = $state.raw<Comment[]>([]);
  loaded = $state(false);
  /** open counts the coach's comments the learner has not marked done or dismissed. */
  open = $derived(openCount(this.items));

  constructor() {
    registerResettable(this);
  }

  /** load lists every comment and reply, of the learner's file or of the shared copy. */
  async load(): Promise<Comment[]> {
    const list = coachMode.active ? await call(() => coachApi.coachComments()) : await call(() => coachApi.list());
    this.items = list ?? [];
    this.loaded = true;
    return this.items;
  }

  #refreshing: Promise<Comment[]> | null = null;

  /**
   * listen follows the comments files Go imports when one is dropped anywhere on the window, so
   * the count in the nav moves at once; it returns the way to stop.
   */
  listen(): () => void {
    try {
      return EventsOn(EVENT_COMMENTS_DROPPED, () => void this.refresh().catch(() => {}));
    } catch {
      return () => {};
    }
  }

  /**
   * refresh loads the list again, once for all who ask at the same time (every item's comments
   * when a list of cards is drawn): Go works out anew whether each item changed since the coach
   * saw it, so a screen drawn after an edit says so.
   */
  refresh(): Promise<Comment[]> {
    this.#refreshing ??= this.load().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  /** reply answers a comment: the learner's reply goes back in the next shared copy, the coach's in the comments file. */
  async reply(id: string, text: string): Promise<void> {
    if (coachMode.active) await call(() => coachApi.coachReply(id, text));
    else await call(() => coachApi.reply(id, text));
    await this.load();
  }

  /** markDone, dismiss and reopen set the learner's status of a coach's comment. */
  async markDone(id: string): Promise<void> {
    await call(() => coachApi.markDone(id));
    await this.load();
  }

  async dismiss(id: string): Promise<void> {
    await call(() => coachApi.dismiss(id));
    await this.load();
  }

  async reopen(id: string): Promise<void> {
    await call(() => coachApi.reopen(id));
    await this.load();
  }

  /** add writes a coach's comment on one item of the shared copy. */
  async add(anchor: Anchor, text: string, suggestedAction: string): Promise<void> {
    await call(() => coachApi.addComment(anchor, text, suggestedAction));
    await this.load();
  }

  /** importWithDialog lets the learner choose a comments file; null when the dialog was cancelled. */
  async importWithDialog(): Promise<ImportResult | null> {
    const res = await call(() => coachApi.importWithDialog());
    if (!res || (!res.coachName && res.added === 0 && res.already === 0)) return null;
    await this.load();
    return res;
  }

  /** importData imports a comments file the page read itself (a drop or the file control in a plain browser). */
  async importData(name: string, base64: string): Promise<ImportResult> {
    const res = await call(() => coachApi.importData(name, base64));
    await this.load();
    return res;
  }

  /** acceptDrops tells the window a file dropped now is a comments file to import (or, with false, evidence again). */
  async acceptDrops(on: boolean): Promise<void> {
    await call(() => coachApi.acceptDrops(on));
  }

  /** importFile imports a comments file by its path (one the learner chose or dropped). */
  async importFile(path: string): Promise<ImportResult> {
    const res = await call(() => coachApi.importFile(path));
    await this.load();
    return res;
  }

  /** writeWithDialog writes the coach's comments file where the coach chooses; '' when cancelled. */
  async writeWithDialog(): Promise<string> {
    return (await call(() => coachApi.writeCommentsWithDialog())) ?? '';
  }

  reset(): void {
    this.items = [];
    this.loaded = false;
  }
}

/** comments is the open portfolio's (or shared copy's) comments. */
export const comments = new CommentsStore();
