// Sharing with programs: the learner's consent, program by program, to give what happened
// next without their name; the anonymous file and exactly what it holds.
import {
  ExportWithDialog,
  GiveConsent,
  PreviewConsent,
  PreviewExport,
  Programs,
  RevokeConsent,
} from 'wailsjs/go/app/Outcomes';
import { portfolio } from 'wailsjs/go/models';
import { call } from '../errors';
import { registerResettable, type Resettable } from './list.svelte';

/** Go's lists: the provinces and territories, and the self-identification items one may share. */
export { REGIONS, SELF_ID_ITEMS } from 'wailsjs/values';

/** SharingStore holds the programs the learner named; its methods reject with an AppError. */
class SharingStore implements Resettable {
  items = $state.raw<portfolio.Consent[]>([]);
  loaded = $state(false);

  constructor() {
    registerResettable(this);
  }

  async load(): Promise<void> {
    this.items = ((await call(() => Programs())) ?? []).map(withList);
    this.loaded = true;
  }

  /** give turns sharing on (or keeps it on with new choices) for c.program. */
  async give(c: portfolio.Consent): Promise<portfolio.Consent> {
    const saved = withList(await call(() => GiveConsent(portfolio.Consent.createFrom(c))));
    await this.load();
    return saved;
  }

  /** revoke turns sharing off for a program; what it already received stays with it. */
  async revoke(program: string): Promise<portfolio.Consent> {
    const saved = withList(await call(() => RevokeConsent(program)));
    await this.load();
    return saved;
  }

  /** preview is the anonymous file's text, exactly as it would be saved for a program now. */
  async preview(program: string): Promise<string> {
    return await call(() => PreviewExport(program));
  }

  /** draft is the file's text as it would be with the choices in c, before sharing is on; nothing is stored. */
  async draft(c: portfolio.Consent): Promise<string> {
    return await call(() => PreviewConsent(portfolio.Consent.createFrom(c)));
  }

  /** save asks where with the native dialog and writes the file; "" when the learner cancelled. */
  async save(program: string): Promise<string> {
    const path = await call(() => ExportWithDialog(program));
    await this.load();
    return path ?? '';
  }

  reset(): void {
    this.items = [];
    this.loaded = false;
  }
}

function withList(c: portfolio.Consent): portfolio.Consent {
  return portfolio.Consent.createFrom({ ...c, selfId: c.selfId ?? [] });
}

/** sharing is the learner's consents, one per program. */
export const sharing = new SharingStore();

/** blankConsent is a program just named: nothing shared, no region, no self-identification. */
export function blankConsent(program: string): portfolio.Consent {
  return portfolio.Consent.createFrom({
    id: 0,
    program,
    homePage: '',
    pseudonym: '',
    region: '',
    selfId: [],
    on: false,
    givenOn: '',
    revokedOn: '',
    lastSharedOn: '',
  });
}
