// Forms with changes not yet saved: leaving a screen, closing the portfolio or closing the
// window asks the learner first (save, discard, or keep editing), so typed text is never lost.
import { Quit, SetUnsaved } from 'wailsjs/go/app/Window';
import { EventsOn } from 'wailsjs/runtime/runtime';
import { EVENT_CLOSE_REQUESTED } from 'wailsjs/values';

/** CLOSE_REQUESTED_EVENT is what Go sends when the window is asked to close while a form is unsaved. */
export const CLOSE_REQUESTED_EVENT = EVENT_CLOSE_REQUESTED;

/** Leaving says what is being left, so the question can name it. */
export type Leaving = 'screen' | 'portfolio' | 'window';

/** LeaveChoice is the learner's answer: save and go, discard and go, or stay on the form. */
export type LeaveChoice = 'save' | 'discard' | 'stay';

/** Asker shows the question (the shell's UnsavedDialog) and resolves with the learner's answer. */
export type Asker = (leaving: Leaving) => Promise<LeaveChoice>;

/** UnsavedForm is what a form tells the guard about itself. */
export interface UnsavedForm {
  /** dirty tells whether the form holds changes not yet saved; read reactively. */
  dirty(): boolean;
  /** save saves as the form's own button would; false when it could not (its error shows). */
  save(): Promise<boolean>;
  /** focus puts the learner back in the form, for "Keep editing". */
  focus(): void;
}

/** Unsaved keeps the forms on the page and tells Go whether any holds unsaved changes. */
class Unsaved {
  /** #lastField is the form field that last had focus, for "Keep editing" to return to. */
  #lastField: HTMLElement | null = null;

  constructor() {
    if (typeof document === 'undefined') return; // unit tests without a page
    document.addEventListener('focusin', (e) => {
      const el = e.target;
      if (el instanceof HTMLElement && el.matches('input, textarea, select') && el.closest('form')) {
        this.#lastField = el;
      }
    });
  }

  #forms = new Set<UnsavedForm>();
  #told = false;
  #ask: Asker | null = null;
  #asking: Promise<boolean> | null = null;

  /** useAsker sets the dialog that asks; the function returned removes it. */
  useAsker(ask: Asker): () => void {
    this.#ask = ask;
    return () => {
      if (this.#ask === ask) this.#ask = null;
    };
  }

  /** register adds a form; the function returned removes it (when the form goes away). */
  register(form: UnsavedForm): () => void {
    this.#forms.add(form);
    return () => {
      this.#forms.delete(form);
      this.sync();
    };
  }

  /** dirty lists the forms that hold unsaved changes. */
  dirty(): UnsavedForm[] {
    return [...this.#forms].filter((f) => f.dirty());
  }

  /** sync tells Go, when it changed, whether any form holds unsaved changes (Go then guards closing the window). */
  sync(): void {
    const any = this.dirty().length > 0;
    if (any === this.#told) return;
    this.#told = any;
    SetUnsaved(any).catch(() => {
      // Go not reachable: the window's own close stays unguarded, the screens stay guarded.
      this.#told = !any;
    });
  }

  /**
   * leave resolves true when the page may move on: nothing is unsaved, or the learner saved
   * (and the save went through) or chose to discard. With no dialog to ask, it stays.
   */
  leave(leaving: Leaving): Promise<boolean> {
    // A second click while the question is open gets the same answer, not a second dialog.
    this.#asking ??= this.#leave(leaving).finally(() => {
      this.#asking = null;
    });
    return this.#asking;
  }

  async #leave(leaving: Leaving): Promise<boolean> {
    const dirty = this.dirty();
    if (dirty.length === 0) return true;
    const choice = this.#ask ? await this.#ask(leaving) : 'stay';
    if (choice === 'stay') {
      // Back to the field the learner was typing in, where it still is; else the form.
      const field = this.#lastField;
      if (field?.isConnected) field.focus();
      else dirty[0].focus();
      return false;
    }
    if (choice === 'save') {
      // Saving one part can leave another changed (a skill still in its box goes into the
      // form's list): save until nothing is left, at most once per part.
      for (let left = this.#forms.size; left > 0; left--) {
        const next = this.dirty()[0];
        if (!next) break;
        if (!(await next.save())) return false;
      }
      if (this.dirty().length > 0) return false;
    }
    return true;
  }

  /** listen answers Go's close request: ask, then close the window unless the learner stays. */
  listen(): () => void {
    return EventsOn(CLOSE_REQUESTED_EVENT, () => {
      void this.leave('window').then(async (ok) => {
        if (ok) await Quit();
      });
    });
  }
}

/** unsaved is the one guard of the page. */
export const unsaved = new Unsaved();

/**
 * guardUnsaved registers a form for as long as its component lives, and keeps Go told of its
 * state; call it while the component is being set up.
 */
export function guardUnsaved(form: UnsavedForm): void {
  $effect(() => unsaved.register(form));
  $effect(() => {
    form.dirty();
    unsaved.sync();
  });
}

/** sameDraft compares a form's draft with what it started from, as plain data. */
export function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
