// Targets: the courses the learner seeks credit for, each with its learning outcomes.
import {
  AcceptOutcomeDrops,
  Delete,
  DeleteOutcome,
  ImportOutcomes,
  List,
  PreviewOutcomesData,
  PreviewOutcomesWithDialog,
  Save,
  SaveOutcome,
} from 'wailsjs/go/app/Targets';
import { app, plar } from 'wailsjs/go/models';
import { DEFAULT_CURRENCY_YEARS, MAX_IMPORT_BYTES, TARGET_LANGUAGES, type TargetLanguage } from 'wailsjs/values';
import { call } from '../errors';
import { readAsBase64 } from './evidence.svelte';
import { ListStore } from './list.svelte';

/**
 * Go's lists and limits for targets: the assessment methods and languages of submission the
 * form offers, the default currency, and the largest outcomes file (refused here unread).
 */
export { DEFAULT_CURRENCY_YEARS, MAX_IMPORT_BYTES, PLAR_METHODS, TARGET_LANGUAGES } from 'wailsjs/values';

/** MAX_IMPORT_KB is that limit as the KB figure Go's message ErrImportTooLarge shows. */
export const MAX_IMPORT_KB = MAX_IMPORT_BYTES >> 10;

/** NO_COLUMN marks a role (code, English or French text) that no column of the file holds. */
export const NO_COLUMN = -1;

/** OutcomesDrop is what Go sends with "outcomes:dropped" after a file is dropped on the window. */
export interface OutcomesDrop {
  file: app.OutcomesFile;
  error: string;
}

/** ColumnRole is what one column of an outcomes file gives: the code, a language's text, or nothing. */
export type ColumnRole = 'code' | 'en' | 'fr' | '';

/** columnRoles says, for each column of a file, which role the chosen mapping gives it. */
export function columnRoles(columns: plar.Columns, count: number): ColumnRole[] {
  return Array.from({ length: count }, (_, i): ColumnRole => {
    if (i === columns.code) return 'code';
    if (i === columns.en) return 'en';
    if (i === columns.fr) return 'fr';
    return '';
  });
}

/** ColumnClash is one column chosen for two roles, which the import would refuse. */
export interface ColumnClash {
  column: number;
  roles: Exclude<ColumnRole, ''>[];
}

/**
 * columnClash finds a column chosen for two roles (say the code and the English text), so the
 * page can say so beside the choices instead of letting the header show one role and hide the
 * other until Go refuses the import.
 */
export function columnClash(columns: plar.Columns): ColumnClash | null {
  const roles = ['code', 'en', 'fr'] as const;
  for (const [i, first] of roles.entries()) {
    const column = columns[first];
    if (column === NO_COLUMN) continue;
    const second = roles.slice(i + 1).find((r) => columns[r] === column);
    if (second) return { column, roles: [first, second] };
  }
  return null;
}

/** columnName is how a column is named to the learner: its header, else nothing (its number says it). */
export function columnName(header: string[], index: number): string {
  return (header[index] ?? '').trim();
}

/** WailsDropRuntime is the part of Wails' window runtime that turns dropped files into paths. */
interface WailsDropRuntime {
  CanResolveFilePaths?: () => boolean;
  ResolveFilePaths?: (x: number, y: number, files: File[]) => void;
}

/**
 * resolveNativeDrop hands files dropped in the Windows window (WebView2 gives the page no paths)
 * to Wails, which finds their paths and reports the drop to Go as GTK does on Linux; it tells
 * whether it did. (The generated wrapper ResolveFilePaths(files) drops the coordinates Wails
 * 2.9 expects, so this calls the runtime itself.)
 */
export function resolveNativeDrop(x: number, y: number, files: File[]): boolean {
  const runtime = (window as unknown as { runtime?: WailsDropRuntime }).runtime;
  if (!runtime?.CanResolveFilePaths?.() || !runtime.ResolveFilePaths || files.length === 0) return false;
  runtime.ResolveFilePaths(x, y, files);
  return true;
}

/** Bilingual is a text in one language, with that language, for a lang attribute. */
export interface Bilingual {
  text: string;
  lang: 'en' | 'fr';
}

/**
 * inLanguage picks the learner's or institution's text in the UI language when there is one,
 * else in the other, and says which language it is in.
 */
export function inLanguage(en: string, fr: string, uiLang: string): Bilingual {
  const first: Bilingual = uiLang === 'fr' ? { text: fr, lang: 'fr' } : { text: en, lang: 'en' };
  const second: Bilingual = uiLang === 'fr' ? { text: en, lang: 'en' } : { text: fr, lang: 'fr' };
  if ((first.text ?? '').trim()) return { text: first.text.trim(), lang: first.lang };
  return { text: (second.text ?? '').trim(), lang: second.lang };
}

/** outcomeText is an outcome's wording in the UI language when the institution gave one. */
export function outcomeText(o: plar.Outcome, uiLang: string): Bilingual {
  return inLanguage(o.textEn, o.textFr, uiLang);
}

/** TargetsStore is the list of targets, the one the PLAR screens are showing, and its outcomes. */
class TargetsStore extends ListStore<plar.Target> {
  /** selectedId is the target the guide, claims and readiness screens show (0: the first). */
  selectedId = $state(0);

  constructor() {
    super({
      list: List,
      save: (t) => Save(plar.Target.createFrom(t)),
      remove: Delete,
    });
  }

  /** selected is the target being shown: the chosen one, else the first, else none. */
  get selected(): plar.Target | undefined {
    return this.find(this.selectedId) ?? this.items[0];
  }

  /** select makes a target the one the PLAR screens show. */
  select(id: number): void {
    this.selectedId = id;
  }

  /** load fetches every target, and keeps the selection on a target that still exists. */
  override async load(): Promise<void> {
    await super.load();
    if (!this.find(this.selectedId)) this.selectedId = this.items[0]?.id ?? 0;
  }

  /** save creates or updates a target; a new one becomes the selected one. */
  override async save(item: TargetDraft): Promise<plar.Target> {
    const saved = await super.save(plar.Target.createFrom(item));
    this.selectedId = saved.id;
    return saved;
  }

  /** saveOutcome adds (id 0) or updates one outcome, then reloads the targets. */
  async saveOutcome(o: plar.Outcome): Promise<plar.Outcome> {
    const saved = await call(() => SaveOutcome(plar.Outcome.createFrom(o)));
    await this.load();
    return saved;
  }

  /** deleteOutcome removes an outcome (and the claim on it), then reloads the targets. */
  async deleteOutcome(id: number): Promise<void> {
    await call(() => DeleteOutcome(id));
    await this.load();
  }

  /**
   * previewFile sends a CSV or JSON file chosen in the page to Go, which keeps it and returns its
   * first rows and guessed columns; nothing is imported yet. A file over Go's limit is refused
   * before it is read (code "too_large", no message).
   */
  async previewFile(file: File): Promise<app.OutcomesFile> {
    if (file.size > MAX_IMPORT_BYTES) throw { code: 'too_large', message: '', field: '' };
    let data: string;
    try {
      data = await readAsBase64(file);
    } catch {
      throw { code: 'read_failed', message: '', field: '' };
    }
    return call(() => PreviewOutcomesData(file.name, data));
  }

  /** previewWithDialog lets the learner choose the file in the native dialog; id 0 when cancelled. */
  async previewWithDialog(): Promise<app.OutcomesFile> {
    return call(() => PreviewOutcomesWithDialog());
  }

  /** importPreviewed adds the previewed file's outcomes, read from the chosen columns, all or none. */
  async importPreviewed(targetId: number, fileId: number, columns: plar.Columns): Promise<plar.Outcome[]> {
    const added = (await call(() => ImportOutcomes(targetId, fileId, plar.Columns.createFrom(columns)))) ?? [];
    if (added.length > 0) await this.load();
    return added;
  }

  /** acceptDrops tells the window whether a dropped file is an outcomes file (the import is shown). */
  async acceptDrops(on: boolean): Promise<void> {
    try {
      await AcceptOutcomeDrops(on);
    } catch {
      // No Wails runtime (plain browser): drops are read by the page itself.
    }
  }

  override reset(): void {
    super.reset();
    this.selectedId = 0;
  }
}

/** targets is the learner's list of targets. */
export const targets = new TargetsStore();

/** TargetDraft is a target as plain data, for a form to edit. */
export type TargetDraft = Omit<plar.Target, 'convertValues'>;

/**
 * blankTarget is a new, unsaved target with the default currency limit, submitted in the
 * language the learner is using (a learner working in French most likely applies in French).
 */
export function blankTarget(uiLanguage = 'en'): plar.Target {
  return plar.Target.createFrom({
    id: 0,
    name: '',
    institution: '',
    program: '',
    courseCode: '',
    courseTitle: '',
    language: (TARGET_LANGUAGES as readonly string[]).includes(uiLanguage)
      ? (uiLanguage as TargetLanguage)
      : ('en' satisfies TargetLanguage),
    currencyYears: DEFAULT_CURRENCY_YEARS,
    methods: [],
    methodsNotes: '',
    outcomes: [],
  });
}

/** blankOutcome is a new, unsaved outcome of a target. */
export function blankOutcome(targetId: number): plar.Outcome {
  return plar.Outcome.createFrom({ id: 0, targetId, code: '', textEn: '', textFr: '' });
}
