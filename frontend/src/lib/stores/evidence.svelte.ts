// Evidence files: bytes kept inside the portfolio, described and linked by the learner.
import {
  AddData,
  AddPaths,
  AddWithDialog,
  Delete,
  List,
  Preview,
  Save,
} from 'wailsjs/go/app/Evidence';
import { portfolio } from 'wailsjs/go/models';
import { MAX_EVIDENCE_BYTES } from 'wailsjs/values';
import { call, toAppError, type AppError } from '../errors';
import { ListStore } from './list.svelte';

/**
 * EVIDENCE_KINDS are the kinds Go accepts (portfolio.EvidenceKinds), in the order the form offers
 * them; MAX_EVIDENCE_BYTES is Go's limit for one file, refused here before it is read.
 */
export { EVIDENCE_KINDS, MAX_EVIDENCE_BYTES } from 'wailsjs/values';

/** FileFailure says which file was not added and why. */
export interface FileFailure {
  name: string;
  error: AppError;
}

/** DropResult is what Go sends with "evidence:dropped" after a drop on the Wails window. */
export interface DropResult {
  added: portfolio.Evidence[] | null;
  errors: string[] | null;
}

/** AddResult is what one batch of files gave. */
export interface AddResult {
  added: portfolio.Evidence[];
  failed: FileFailure[];
}

/** readAsBase64 reads a file's bytes as plain base64 (no data: prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : url);
    };
    reader.readAsDataURL(file);
  });
}

/** EvidenceStore adds to the list store the ways files come in, and display previews. */
class EvidenceStore extends ListStore<portfolio.Evidence> {
  previews = $state<Record<number, string>>({});

  constructor() {
    super({
      list: List,
      save: (e) => Save(portfolio.Evidence.createFrom(e)),
      remove: Delete,
    });
  }

  /** addWithDialog opens the native file dialog; it gives [] when the learner cancels. */
  async addWithDialog(): Promise<portfolio.Evidence[]> {
    const added = (await call(() => AddWithDialog())) ?? [];
    if (added.length > 0) await this.load();
    return added;
  }

  /** addPaths adds files by path (native drop in the Wails window). */
  async addPaths(paths: string[]): Promise<portfolio.Evidence[]> {
    const added = (await call(() => AddPaths(paths))) ?? [];
    await this.load();
    return added;
  }

  /**
   * addFiles reads browser File objects one at a time (so a slow computer never holds
   * more than one file in memory) and sends each to Go. It never throws: each file
   * that fails is reported in failed, and the others still go in.
   */
  async addFiles(
    files: File[],
    onProgress?: (done: number, total: number, name: string) => void,
  ): Promise<AddResult> {
    const result: AddResult = { added: [], failed: [] };
    for (const [index, file] of files.entries()) {
      onProgress?.(index, files.length, file.name);
      if (file.size > MAX_EVIDENCE_BYTES) {
        result.failed.push({ name: file.name, error: { code: 'too_large', message: '', field: '' } });
        continue;
      }
      let data: string;
      try {
        data = await readAsBase64(file);
      } catch {
        result.failed.push({ name: file.name, error: { code: 'read_failed', message: '', field: '' } });
        continue;
      }
      try {
        result.added.push(await AddData(file.name, data));
      } catch (e) {
        result.failed.push({ name: file.name, error: toAppError(e) });
      }
    }
    onProgress?.(files.length, files.length, '');
    if (result.added.length > 0) {
      try {
        await this.load();
      } catch {
        // The files are in; the list shows them at the next load.
      }
    }
    return result;
  }

  /** preview returns the display copy of an image as a data URL, "" when there is none. */
  async preview(id: number): Promise<string> {
    if (id in this.previews) return this.previews[id];
    let url = '';
    try {
      url = (await Preview(id)) ?? '';
    } catch {
      url = '';
    }
    this.previews[id] = url;
    return url;
  }

  override async remove(id: number): Promise<void> {
    await super.remove(id);
    delete this.previews[id];
  }

  override reset(): void {
    super.reset();
    this.previews = {};
  }
}

/** evidence is the learner's evidence library. */
export const evidence = new EvidenceStore();

/** isNativeDropWindow tells whether the Wails window itself handles dropped files (then it gives paths). */
export function isNativeDropWindow(): boolean {
  const w = window as unknown as {
    wails?: { flags?: { enableWailsDragAndDrop?: boolean } };
    webkit?: { messageHandlers?: { external?: unknown } };
    chrome?: { webview?: unknown };
  };
  const nativeWebview = !!w.webkit?.messageHandlers?.external || !!w.chrome?.webview;
  return nativeWebview && !!w.wails?.flags?.enableWailsDragAndDrop;
}
