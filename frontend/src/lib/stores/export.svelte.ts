// The PDF portfolio an institution receives: what goes in it, and the export itself.
import { SharedNotes, ShowInFolder, WithDialog } from 'wailsjs/go/app/Export';
import { submission, type plar, type portfolio } from 'wailsjs/go/models';
import { EventsOn } from 'wailsjs/runtime/runtime';
import { EVENT_EXPORT_PROGRESS, EXPORT_LANGUAGES, type ExportLanguage } from 'wailsjs/values';
import { call } from '../errors';
import { registerResettable, type Resettable } from './list.svelte';

/** The languages of the PDF (pdf.Languages), and the event Go sends while it makes one. */
export { EVENT_EXPORT_PROGRESS, EXPORT_LANGUAGES, type ExportLanguage } from 'wailsjs/values';

/** PREVIEW_WORDS is how many words of a shared note the export screen shows. */
export const PREVIEW_WORDS = 12;

/** ExportProgress is how far Go is: done parts of total. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** isExportLanguage tells a language of the PDF from any other string. */
export function isExportLanguage(value: unknown): value is ExportLanguage {
  return (EXPORT_LANGUAGES as readonly unknown[]).includes(value);
}

/** defaultLanguage is the target's language of submission when there is one, else bilingual. */
export function defaultLanguage(target: plar.Target | null | undefined): ExportLanguage {
  const lang = target?.language;
  return isExportLanguage(lang) ? lang : ('bilingual' satisfies ExportLanguage);
}

/** firstWords is the start of a text, at most n words, with "…" when there is more. */
export function firstWords(text: string, n = PREVIEW_WORDS): string {
  const words = (text ?? '').trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length <= n) return words.join(' ');
  return words.slice(0, n).join(' ') + '…';
}

/** ExportStore holds the notes the learner chose to share and the state of one export. */
class ExportStore implements Resettable {
  /** sharedNotes are the support notes ticked for sharing: all "include shared notes" adds. */
  sharedNotes = $state.raw<portfolio.SupportNote[]>([]);
  sharedLoaded = $state(false);
  /** working is true from the click until Go answers (dialog and writing). */
  working = $state(false);
  /** progress is null until Go's first progress event of this export. */
  progress = $state.raw<ExportProgress | null>(null);
  /** result is the last PDF written, until the learner starts again. */
  result = $state.raw<submission.Result | null>(null);

  constructor() {
    registerResettable(this);
  }

  /** loadSharedNotes fetches the notes the learner ticked for sharing. */
  async loadSharedNotes(): Promise<portfolio.SupportNote[]> {
    this.sharedNotes = (await call(() => SharedNotes())) ?? [];
    this.sharedLoaded = true;
    return this.sharedNotes;
  }

  /**
   * withDialog asks Go for the native save dialog, then the PDF. It gives the result, or null
   * when the learner cancelled the dialog (nothing was written). Progress events fill progress.
   */
  async withDialog(targetId: number, language: ExportLanguage, includeSharedNotes: boolean): Promise<submission.Result | null> {
    if (this.working) return null;
    this.working = true;
    this.progress = null;
    this.result = null;
    const off = this.#listen();
    try {
      const req = submission.Request.createFrom({ targetId, language, includeSharedNotes });
      const res = await call(() => WithDialog(req));
      if (!res?.path) return null;
      res.notAttached = res.notAttached ?? [];
      res.notReproduced = res.notReproduced ?? [];
      res.changed = res.changed ?? [];
      this.result = res;
      return res;
    } finally {
      off();
      this.working = false;
      this.progress = null;
    }
  }

  /** showInFolder opens the folder of the exported file in the system's file manager. */
  async showInFolder(path: string): Promise<void> {
    await call(() => ShowInFolder(path));
  }

  /** again forgets the last result, for another export. */
  again(): void {
    this.result = null;
  }

  reset(): void {
    this.sharedNotes = [];
    this.sharedLoaded = false;
    this.working = false;
    this.progress = null;
    this.result = null;
  }

  #listen(): () => void {
    try {
      return EventsOn(EVENT_EXPORT_PROGRESS, (p: ExportProgress) => {
        if (!this.working || !p || typeof p.done !== 'number' || typeof p.total !== 'number') return;
        // Reports can arrive out of order (the dev server sends each on its own goroutine):
        // the bar only moves forward.
        if (this.progress && p.done <= this.progress.done) return;
        this.progress = { done: Math.min(p.done, p.total), total: p.total };
      });
    } catch {
      // No Wails runtime (plain Vite dev server): the bar stays indeterminate.
      return () => {};
    }
  }
}

/** exportPdf is the export screen's state. */
export const exportPdf = new ExportStore();
