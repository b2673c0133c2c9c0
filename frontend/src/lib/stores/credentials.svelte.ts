// Microcredentials the learner holds, each described by its competencies; some imported from a
// digital credential (an Open Badge or a learner record), with what its offline check found.
import {
  AcceptCredentialDrops,
  CheckAgain,
  Delete,
  ImportData,
  ImportWithDialog,
  List,
  Save,
} from 'wailsjs/go/app/Credentials';
import { app, portfolio } from 'wailsjs/go/models';
import { MAX_EVIDENCE_BYTES } from 'wailsjs/values';
import { call, toAppError } from '../errors';
import { readAsBase64 } from './evidence.svelte';
import { ListStore } from './list.svelte';

/** CredentialsStore adds to the list the import of digital credentials and their new checks. */
class CredentialsStore extends ListStore<portfolio.Credential> {
  constructor() {
    super({
      list: List,
      save: (c) => Save(portfolio.Credential.createFrom(c)),
      remove: Delete,
    });
  }

  /** importWithDialog lets the learner choose files in the native dialog; cancelling imports nothing. */
  async importWithDialog(): Promise<app.CredentialFile[]> {
    const files = (await call(() => ImportWithDialog())) ?? [];
    if (files.length > 0) await this.load();
    return files;
  }

  /**
   * importFiles sends files the page read itself (a drop or the file control when served to a
   * browser), one at a time. It never throws: a file that cannot be read is reported refused.
   */
  async importFiles(files: File[], refusedTooLarge: (name: string) => string): Promise<app.CredentialFile[]> {
    const out: app.CredentialFile[] = [];
    for (const file of files) {
      if (file.size > MAX_EVIDENCE_BYTES) {
        out.push(
          refused(file.name, refusedTooLarge(file.name), 'ErrEvidenceTooLarge', {
            Name: file.name,
            MaxMB: Math.round(MAX_EVIDENCE_BYTES / 1048576),
          }),
        );
        continue;
      }
      try {
        const data = await readAsBase64(file);
        out.push(await call(() => ImportData(file.name, data)));
      } catch (e) {
        out.push(refused(file.name, toAppError(e).message));
      }
    }
    await this.load();
    return out;
  }

  /** afterDrop reloads the list after Go imported files dropped on the window. */
  async afterDrop(): Promise<void> {
    await this.load();
  }

  /** checkAgain verifies the original file again, offline, and shows the new result. */
  async checkAgain(id: number): Promise<portfolio.Credential> {
    const c = await call(() => CheckAgain(id));
    this.items = this.items.map((x) => (x.id === c.id ? c : x));
    return c;
  }

  /** acceptDrops tells the window whether files dropped now are credentials to import. */
  acceptDrops(on: boolean): Promise<void> {
    return AcceptCredentialDrops(on);
  }
}

/** refused is a file refused by the page itself; with a message ID, it is said again after a language switch. */
function refused(name: string, message: string, messageId = '', args: Record<string, unknown> = {}): app.CredentialFile {
  return app.CredentialFile.createFrom({ name, status: 'refused', format: '', message, messageId, args, credentials: [] });
}

/** credentials is the learner's list of microcredentials. */
export const credentials = new CredentialsStore();

/** blankCredential is a new, unsaved microcredential. */
export function blankCredential(): portfolio.Credential {
  return portfolio.Credential.createFrom({
    id: 0,
    titleEn: '',
    titleFr: '',
    issuer: '',
    issuedOn: '',
    expiresOn: '',
    competencies: [],
    assessmentMethod: '',
    hours: 0,
    creditValue: '',
    verification: '',
    import: null,
  });
}
