// The add / edit / delete flow every record screen shares: one record in its form at a time, a
// status line for screen readers, Go's error, and focus put back where the learner was.
import { tick } from 'svelte';
import { focusById } from './actions';
import { toAppError, type AppError } from './errors';
import { t } from './i18n/i18n.svelte';

/** Asker is what the editor needs of ConfirmDialog: a yes/no question. */
export interface Asker {
  ask(q: { title: string; message: string; confirm: string }): Promise<boolean>;
}

/** EditorOptions says how a screen names its buttons and deletes a record. */
export interface EditorOptions {
  /** prefix names each card's Edit button PREFIX-edit-ID, where focus returns after the form. */
  prefix: string;
  /** addId is the button focus goes to when there is no card to return to. */
  addId: string;
  remove: (id: number) => Promise<void>;
  /** takeError may take an error instead of showing it (a locked portfolio asks for the passphrase); true when it did. */
  takeError?: (err: AppError) => boolean;
}

/** RecordEditor holds a record screen's form, status and error, so each screen keeps only its own words and cards. */
export class RecordEditor<T extends { id: number }> {
  /** editing is the record in the form (id 0 for a new one), null while the list shows. */
  editing = $state<T | null>(null);
  error = $state<AppError | null>(null);
  status = $state('');
  /** confirm is the screen's ConfirmDialog, bound with bind:this. */
  confirm = $state<Asker | undefined>();

  #opts: EditorOptions;

  constructor(opts: EditorOptions) {
    this.#opts = opts;
  }

  /** open puts a record (a blank one, to add) in the form. */
  open(item: T): void {
    this.status = '';
    this.error = null;
    this.editing = item;
  }

  /** close leaves the form, putting focus back on the record's Edit button, or on Add. */
  async close(id: number = this.editing?.id ?? 0): Promise<void> {
    this.editing = null;
    await tick();
    if (!focusById(`${this.#opts.prefix}-edit-${id}`)) focusById(this.#opts.addId);
  }

  /** saved says what was saved, in the status line, and closes the form. */
  async saved(item: T, message: string): Promise<void> {
    this.status = message;
    await this.close(item.id);
  }

  /** remove asks first; deleted is the status line once Go has deleted the record. */
  async remove(item: T, ask: { title: string; message: string }, deleted: string): Promise<void> {
    const ok = await this.confirm?.ask({ ...ask, confirm: t('Delete') });
    if (!ok) return;
    this.error = null;
    try {
      await this.#opts.remove(item.id);
      this.status = deleted;
      await tick();
      focusById(this.#opts.addId);
    } catch (e) {
      this.fail(e);
    }
  }

  /** fail shows Go's message, unless the screen takes it. */
  fail(e: unknown): void {
    const err = toAppError(e);
    if (this.#opts.takeError?.(err)) return;
    this.error = err;
  }
}
