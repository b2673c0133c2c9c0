import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (p?: unknown) => void;
const listeners = new Map<string, Listener>();

const opened = {
  open: true,
  current: { path: '/data/portfolios/aminata.passerelle', name: 'Aminata', modified: '' },
  language: 'en',
  portfolios: [],
  dataDir: '/data',
};
const snapshot = (stamp: string, kind = 'snapshot') => ({
  path: `/data/backups/aminata/aminata-${kind}-${stamp}.passerelle`,
  kind,
  taken: '2025-05-12T14:03:00Z',
  size: 2048,
});

let lock = { hasPassphrase: true, locked: true, inactivityMinutes: 10 };
let backups = [snapshot('20250512T140300Z')];
let restoreDoes: () => void = () => {};

vi.mock('wailsjs/go/app/Data', () => ({
  Activity: vi.fn(async () => {}),
  LockState: vi.fn(async () => ({ ...lock })),
  Unlock: vi.fn(async (p: string) => {
    if (p !== 'trois mots faciles') {
      throw { code: 'invalid', message: 'That passphrase is not the right one, and nothing was changed.', field: 'passphrase' };
    }
    lock = { ...lock, locked: false };
    return { ...lock };
  }),
  Lock: vi.fn(async () => {
    lock = { ...lock, locked: lock.hasPassphrase };
    return { ...lock };
  }),
  SetPassphrase: vi.fn(async (p: string) => {
    if (p.length < 8) throw { code: 'invalid', message: 'Please choose a passphrase of at least 8 characters.', field: 'passphrase' };
    lock = { ...lock, hasPassphrase: true, locked: false };
    backups = [snapshot('20250512T150000Z')]; // Go replaces the clear-text snapshots
    return { ...lock };
  }),
  ChangePassphrase: vi.fn(async () => ({ ...lock })),
  RemovePassphrase: vi.fn(async () => {
    lock = { ...lock, hasPassphrase: false, locked: false };
    return { ...lock };
  }),
  ForgetPrivateFields: vi.fn(async (name: string) => {
    if (name !== 'Aminata') throw { code: 'invalid', message: 'Type the name exactly.', field: 'confirmName' };
    lock = { ...lock, hasPassphrase: false, locked: false };
    return { ...lock };
  }),
  SetInactivityMinutes: vi.fn(async (n: number) => {
    if (n < 1 || n > 240) throw { code: 'invalid', message: 'Please choose between 1 and 240 minutes.', field: 'inactivityMinutes' };
    lock = { ...lock, inactivityMinutes: n };
    return { ...lock };
  }),
  Backups: vi.fn(async () => structuredClone(backups)),
  BackupWithDialog: vi.fn(async () => ({ path: '', kind: '', taken: '', size: 0 })),
  RestoreWithDialog: vi.fn(async () => {
    restoreDoes();
    return structuredClone(opened);
  }),
}));

vi.mock('wailsjs/go/app/Session', () => ({
  State: vi.fn(async () => structuredClone(opened)),
  Create: vi.fn(),
  Open: vi.fn(),
  OpenWithDialog: vi.fn(),
  Rename: vi.fn(),
  Close: vi.fn(),
}));
vi.mock('wailsjs/go/app/Settings', () => ({
  Catalog: vi.fn(async () => ({})),
  SetLanguage: vi.fn(),
}));
vi.mock('wailsjs/go/app/Support', () => ({
  List: vi.fn(async () => [
    { id: 1, category: 'Childcare', date: '2024-09-03', provider: 'Garderie Les Petits Explorateurs', text: '', followUp: '', shareWithCoach: false },
  ]),
  Save: vi.fn(),
  Delete: vi.fn(),
}));
vi.mock('wailsjs/runtime/runtime', () => ({
  EventsOn: vi.fn((name: string, cb: Listener) => {
    listeners.set(name, cb);
    return () => listeners.delete(name);
  }),
}));

const bindings = await import('wailsjs/go/app/Data');
const { data, EVENT_LOCKED, EVENT_SNAPSHOT, EVENT_SNAPSHOT_FAILED, LOCK_POLL_MS, folderOf, passphraseLength } = await import(
  './data.svelte'
);
const { session } = await import('./session.svelte');
const { supportNotes } = await import('./support.svelte');
const { SCREENS } = await import('./nav.svelte');

await session.init();

// Every start() is stopped after its test, so no poll outlives it.
const stops: (() => void)[] = [];
const start = () => {
  const stop = data.start();
  stops.push(stop);
  return stop;
};
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the lock', () => {
  beforeEach(() => {
    data.reset();
    listeners.clear();
    vi.clearAllMocks();
    lock = { hasPassphrase: true, locked: true, inactivityMinutes: 10 };
  });

  it('asks for the passphrase when the portfolio opens locked, and listens to Go', async () => {
    const stop = start();
    await vi.waitFor(() => expect(data.lock).not.toBeNull());
    expect(data.locked).toBe(true);
    expect(data.unlockAsked).toBe(true);
    expect(data.announcement).toBe('locked');
    expect([...listeners.keys()].sort()).toEqual([EVENT_LOCKED, EVENT_SNAPSHOT, EVENT_SNAPSHOT_FAILED].sort());
    stop();
    expect(listeners.size).toBe(0);
  });

  it('the same answer from Go changes nothing, so nothing that follows the lock reloads (and touches Go)', async () => {
    lock.locked = false;
    await data.refreshLock();
    const before = data.lock;
    await data.refreshLock();
    expect(data.lock).toBe(before);
  });

  it('a wrong passphrase rejects with Go’s message and changes nothing', async () => {
    await data.refreshLock();
    await expect(data.unlock('pas la bonne')).rejects.toEqual({
      code: 'invalid',
      message: 'That passphrase is not the right one, and nothing was changed.',
      field: 'passphrase',
    });
    expect(data.locked).toBe(true);
    expect(data.unlockAsked).toBe(true);
  });

  it('the right passphrase opens the private fields and closes the dialog', async () => {
    await data.refreshLock();
    await data.unlock('trois mots faciles');
    expect(data.locked).toBe(false);
    expect(data.unlockAsked).toBe(false);
    expect(data.announcement).toBe('unlocked');
  });

  it('locks on Go’s event: stores drop the private text they held, and the passphrase is asked for', async () => {
    lock.locked = false;
    start();
    await vi.waitFor(() => expect(data.lock).not.toBeNull());
    await supportNotes.load();
    expect(supportNotes.items).toHaveLength(1);
    expect(data.unlockAsked).toBe(false);

    listeners.get(EVENT_LOCKED)?.();
    expect(data.locked).toBe(true);
    expect(data.unlockAsked).toBe(true);
    expect(supportNotes.items).toEqual([]);
    expect(supportNotes.loaded).toBe(false);
  });

  it('"Lock now" locks without asking at once; "Not now" leaves it locked', async () => {
    lock.locked = false;
    await data.refreshLock();
    await data.lockNow();
    expect(data.locked).toBe(true);
    expect(data.unlockAsked).toBe(false);
    data.askUnlock();
    data.dismissUnlock();
    expect(data.locked).toBe(true);
  });

  it('a call refused with code "locked" asks for the passphrase even when already known locked', async () => {
    await data.refreshLock();
    data.dismissUnlock();
    data.markLocked();
    expect(data.unlockAsked).toBe(true);
  });

  it('polls an unlocked portfolio, so one that locked itself is noticed without an event', async () => {
    vi.useFakeTimers();
    try {
      lock.locked = false;
      const stop = start();
      await vi.waitFor(() => expect(data.lock).not.toBeNull());
      lock.locked = true; // Go locked it; the event was missed
      await vi.advanceTimersByTimeAsync(LOCK_POLL_MS);
      expect(data.locked).toBe(true);
      expect(data.unlockAsked).toBe(true);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgetting the private fields needs the portfolio’s name', async () => {
    await data.refreshLock();
    await expect(data.forget('aminata ')).rejects.toMatchObject({ field: 'confirmName' });
    expect(data.locked).toBe(true);
    await data.forget('Aminata');
    expect(data.hasPassphrase).toBe(false);
    expect(data.locked).toBe(false);
    expect(data.unlockAsked).toBe(false);
  });

  it('sets a passphrase, then lists the one sealed snapshot Go kept', async () => {
    lock = { hasPassphrase: false, locked: false, inactivityMinutes: 10 };
    await data.refreshLock();
    await expect(data.setPassphrase('court')).rejects.toMatchObject({ field: 'passphrase' });
    expect(data.hasPassphrase).toBe(false);
    await data.setPassphrase('trois mots faciles');
    expect(data.hasPassphrase).toBe(true);
    expect(data.backups.map((b) => b.path)).toEqual([snapshot('20250512T150000Z').path]);
  });

  it('keeps the inactivity delay Go accepts', async () => {
    await data.refreshLock();
    await expect(data.setInactivityMinutes(0)).rejects.toMatchObject({ field: 'inactivityMinutes' });
    await data.setInactivityMinutes(5);
    expect(data.lock?.inactivityMinutes).toBe(5);
  });
});

describe('activity', () => {
  it('tells Go at most once every 30 seconds', () => {
    data.reset();
    vi.clearAllMocks();
    data.activity(1_000);
    data.activity(2_000);
    data.activity(30_999);
    expect(bindings.Activity).toHaveBeenCalledTimes(1);
    data.activity(31_000);
    expect(bindings.Activity).toHaveBeenCalledTimes(2);
  });
});

describe('backups', () => {
  beforeEach(() => {
    data.reset();
    listeners.clear();
    vi.clearAllMocks();
    backups = [snapshot('20250512T140300Z')];
    restoreDoes = () => {};
  });

  it('adds a snapshot Go reports without asking Go again (that would count as activity)', async () => {
    start();
    await data.loadBackups();
    vi.mocked(bindings.Backups).mockClear();
    listeners.get(EVENT_SNAPSHOT)?.(snapshot('20250512T141300Z'));
    expect(data.backups.map((b) => b.taken)).toHaveLength(2);
    expect(data.backups[0].path).toContain('20250512T141300Z');
    expect(bindings.Backups).not.toHaveBeenCalled();
  });

  it('shows a failed snapshot until the next one succeeds', () => {
    start();
    listeners.get(EVENT_SNAPSHOT_FAILED)?.({ code: 'disk_full', message: 'The disk is full.', field: '' });
    expect(data.snapshotError?.code).toBe('disk_full');
    listeners.get(EVENT_SNAPSHOT)?.(snapshot('20250512T142300Z'));
    expect(data.snapshotError).toBeNull();
  });

  it('a cancelled "Back up to…" wrote nothing', async () => {
    expect(await data.backupWithDialog()).toBeNull();
  });

  it('a cancelled "Restore from…" changes nothing and draws nothing again', async () => {
    const generation = session.generation;
    expect(await data.restoreWithDialog()).toBe(false);
    expect(session.generation).toBe(generation);
    expect(data.takeRestored()).toBe(false);
  });

  it('a restore draws the shell again, as opening a portfolio does, and says so once', async () => {
    await supportNotes.load();
    const generation = session.generation;
    restoreDoes = () => backups.unshift(snapshot('20250512T143000Z', 'before-restore'));
    expect(await data.restoreWithDialog()).toBe(true);
    expect(session.generation).toBe(generation + 1);
    expect(supportNotes.loaded).toBe(false); // area stores emptied
    expect(data.takeRestored()).toBe(true);
    expect(data.takeRestored()).toBe(false);
  });

  it('a refused backup rejects with Go’s message, and the lock state is asked again', async () => {
    vi.mocked(bindings.RestoreWithDialog).mockRejectedValueOnce({
      code: 'unsupported',
      message: 'This backup did not pass its check.',
      field: '',
    });
    await expect(data.restoreWithDialog()).rejects.toMatchObject({ code: 'unsupported' });
    expect(bindings.LockState).toHaveBeenCalled();
  });
});

describe('helpers', () => {
  it('counts passphrase characters as Go does (NFC, code points)', () => {
    expect(passphraseLength('e\u0301te\u0301')).toBe(3);
    expect(passphraseLength('ᐊᐃᓐᓇᐅᖅ')).toBe(6);
    expect(passphraseLength('')).toBe(0);
  });

  it('finds the folder of a path on Linux and Windows', () => {
    expect(folderOf('/data/backups/a/a-snapshot.passerelle')).toBe('/data/backups/a');
    expect(folderOf('C:\\Users\\a\\backups\\a-snapshot.passerelle')).toBe('C:\\Users\\a\\backups');
    expect(folderOf('a.passerelle')).toBe('');
  });

  it('"Your data" is in the nav, after Export', () => {
    expect(SCREENS).toContain('data');
    expect(SCREENS.indexOf('data')).toBeGreaterThan(SCREENS.indexOf('export'));
  });
});
