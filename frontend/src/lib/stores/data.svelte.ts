// The learner's data: backups, restore, and the passphrase lock with its inactivity lock.
import {
  Activity,
  Backups,
  BackupWithDialog,
  ChangePassphrase,
  ForgetPrivateFields,
  Lock,
  LockState,
  RemovePassphrase,
  RestoreWithDialog,
  SetInactivityMinutes,
  SetPassphrase,
  Unlock,
} from 'wailsjs/go/app/Data';
import type { portfolio } from 'wailsjs/go/models';
import { EventsOn } from 'wailsjs/runtime/runtime';
import {
  BACKUP_BEFORE_RESTORE,
  EVENT_LOCKED,
  EVENT_SNAPSHOT,
  EVENT_SNAPSHOT_FAILED,
  INACTIVITY_DEFAULT,
} from 'wailsjs/values';
import { call, toAppError, type AppError } from '../errors';
import { registerResettable, type Resettable } from './list.svelte';
import { session } from './session.svelte';

/**
 * Go's passphrase limits in characters (portfolio.Min/MaxPassphrase), the inactivity delays it
 * accepts in minutes (portfolio.Min/MaxInactivityMinutes), the events it sends about the open
 * portfolio's data (app/background.go) and the kinds of backup file it names.
 */
export {
  BACKUP_KINDS,
  EVENT_LOCKED,
  EVENT_SNAPSHOT,
  EVENT_SNAPSHOT_FAILED,
  INACTIVITY_MAX,
  INACTIVITY_MIN,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
} from 'wailsjs/values';

/** ACTIVITY_EVERY_MS is the least time between two Activity calls: typing is not a call per key. */
export const ACTIVITY_EVERY_MS = 30_000;

/** LOCK_POLL_MS is how often an unlocked portfolio asks Go whether it locked itself meanwhile. */
export const LOCK_POLL_MS = 30_000;

/** Announcement is what the shell tells a screen reader when the lock changes. */
export type Announcement = '' | 'locked' | 'unlocked';

/** passphraseLength counts characters as Go does: after NFC, one per code point. */
export function passphraseLength(p: string): number {
  return [...(p ?? '').normalize('NFC')].length;
}

/** folderOf is the folder part of a path, with either kind of separator. */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i > 0 ? path.slice(0, i) : '';
}

/** listen subscribes to a Go event; without the Wails runtime (plain Vite) it does nothing. */
function listen(name: string, fn: (payload: unknown) => void): () => void {
  try {
    return EventsOn(name, fn);
  } catch {
    return () => {};
  }
}

/** DataStore holds the lock state, the backups of the open portfolio, and what the shell shows of them. */
class DataStore implements Resettable {
  /** lock is Go's LockState, null until asked. */
  lock = $state.raw<portfolio.LockState | null>(null);
  backups = $state.raw<portfolio.BackupFile[]>([]);
  backupsLoaded = $state(false);
  /** unlockAsked is true while the shell should show the unlock dialog. */
  unlockAsked = $state(false);
  /** snapshotError is Go's message for the last automatic snapshot that failed. */
  snapshotError = $state.raw<AppError | null>(null);
  announcement = $state<Announcement>('');
  /** restored is set by a restore, for the Your data screen the shell draws next to report. */
  restored = $state(false);

  #lastActivity = Number.NEGATIVE_INFINITY;
  #onLocked = new Set<() => void>();

  constructor() {
    registerResettable(this);
  }

  /**
   * locked tells whether the private fields are sealed now. Derived, so a screen that reloads
   * on it reloads when it changes, not each time Go answers the same (a reload is a call that
   * counts as activity, and would hold the inactivity lock off for ever).
   */
  locked = $derived(!!this.lock?.locked);
  hasPassphrase = $derived(!!this.lock?.hasPassphrase);

  /**
   * onLocked registers fn to run each time the private fields lock, so stores drop the private
   * text they hold; it returns the way to unregister.
   */
  onLocked(fn: () => void): () => void {
    this.#onLocked.add(fn);
    return () => this.#onLocked.delete(fn);
  }

  /**
   * start follows the open portfolio: Go's events, its lock state now, and a poll while it is
   * unlocked (LockState does not count as activity). It returns the way to stop.
   */
  start(): () => void {
    const offs = [
      listen(EVENT_LOCKED, () => this.markLocked()),
      listen(EVENT_SNAPSHOT, (b) => this.#snapshotTaken(b as portfolio.BackupFile)),
      listen(EVENT_SNAPSHOT_FAILED, (e) => (this.snapshotError = toAppError(e))),
    ];
    this.refreshLock().catch(() => {});
    const timer = setInterval(() => {
      if (this.lock?.hasPassphrase && !this.lock.locked) this.refreshLock().catch(() => {});
    }, LOCK_POLL_MS);
    return () => {
      for (const off of offs) off();
      clearInterval(timer);
    };
  }

  /** refreshLock asks Go whether the portfolio is locked; a newly locked one asks for the passphrase. */
  async refreshLock(): Promise<portfolio.LockState> {
    const next = await call(() => LockState());
    this.#apply(next, true);
    return next;
  }

  /**
   * markLocked is for Go saying so (the data:locked event, or a call refused with code
   * "locked"): the private fields are sealed, and the learner is asked for the passphrase.
   */
  markLocked(): void {
    const was = this.lock;
    this.#apply({ hasPassphrase: true, inactivityMinutes: was?.inactivityMinutes ?? INACTIVITY_DEFAULT, locked: true }, true);
    this.unlockAsked = true;
  }

  /** activity tells Go the learner is at work, at most once every ACTIVITY_EVERY_MS. */
  activity(now: number = Date.now()): void {
    if (!session.open || now - this.#lastActivity < ACTIVITY_EVERY_MS) return;
    this.#lastActivity = now;
    Activity().catch(() => {});
  }

  askUnlock(): void {
    this.unlockAsked = true;
  }

  /** dismissUnlock closes the unlock dialog; the portfolio stays locked, the rest of it open. */
  dismissUnlock(): void {
    this.unlockAsked = false;
  }

  /** unlock opens the private fields; a wrong passphrase rejects and changes nothing. */
  async unlock(passphrase: string): Promise<void> {
    this.#apply(await call(() => Unlock(passphrase)), false);
    this.unlockAsked = false;
  }

  /** lockNow seals the private fields at once, for a learner stepping away. */
  async lockNow(): Promise<void> {
    this.#apply(await call(() => Lock()), false);
  }

  /** setPassphrase encrypts the private fields; Go replaces the older snapshots with a sealed one. */
  async setPassphrase(passphrase: string): Promise<void> {
    this.#apply(await call(() => SetPassphrase(passphrase)), false);
    await this.#reloadBackups();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    this.#apply(await call(() => ChangePassphrase(current, next)), false);
    await this.#reloadBackups();
  }

  /** removePassphrase stores the private fields in clear again; it needs the passphrase. */
  async removePassphrase(passphrase: string): Promise<void> {
    this.#apply(await call(() => RemovePassphrase(passphrase)), false);
  }

  /**
   * forget is for a forgotten passphrase: Go deletes the support notes, empties contact details
   * and self-identification, and removes the passphrase. confirmName is the portfolio's name.
   */
  async forget(confirmName: string): Promise<void> {
    this.#apply(await call(() => ForgetPrivateFields(confirmName)), false);
    this.unlockAsked = false;
    await this.#reloadBackups();
  }

  async setInactivityMinutes(minutes: number): Promise<void> {
    this.#apply(await call(() => SetInactivityMinutes(minutes)), false);
  }

  /** loadBackups lists the snapshots and before-restore copies, newest first. */
  async loadBackups(): Promise<portfolio.BackupFile[]> {
    this.backups = (await call(() => Backups())) ?? [];
    this.backupsLoaded = true;
    return this.backups;
  }

  /** backupWithDialog backs up where the learner chooses; null when they cancelled the dialog. */
  async backupWithDialog(): Promise<portfolio.BackupFile | null> {
    const b = await call(() => BackupWithDialog());
    if (!b?.path) return null;
    await this.#reloadBackups(); // the learner may have chosen the snapshot folder
    return b;
  }

  /**
   * restoreWithDialog lets the learner choose a backup, which Go checks and puts in place of the
   * open portfolio after keeping it as a before-restore copy. It tells whether a restore
   * happened; then the shell is drawn again as when a portfolio opens. A refused backup
   * rejects: Go has reopened the portfolio as it was, locked again if it has a passphrase.
   */
  async restoreWithDialog(): Promise<boolean> {
    // Go answers a cancelled dialog with the same State as a restore into the same file: the
    // new before-restore copy is what tells them apart.
    const before = new Set((await this.loadBackups()).filter((b) => b.kind === BACKUP_BEFORE_RESTORE).map((b) => b.path));
    let next;
    try {
      next = await call(() => RestoreWithDialog());
    } catch (e) {
      await this.refreshLock().catch(() => {});
      throw e;
    }
    const after = await this.loadBackups();
    const restored = after.some((b) => b.kind === BACKUP_BEFORE_RESTORE && !before.has(b.path));
    if (!restored) {
      await session.apply(next);
      return false;
    }
    this.restored = true; // kept through the reset that reopen does
    await session.reopen(next);
    return true;
  }

  /** takeRestored tells, once, that the shell was drawn again after a restore. */
  takeRestored(): boolean {
    const was = this.restored;
    this.restored = false;
    return was;
  }

  reset(): void {
    this.lock = null;
    this.backups = [];
    this.backupsLoaded = false;
    this.unlockAsked = false;
    this.snapshotError = null;
    this.announcement = '';
    this.#lastActivity = Number.NEGATIVE_INFINITY;
  }

  async #reloadBackups(): Promise<void> {
    await this.loadBackups().catch(() => {});
  }

  #apply(next: portfolio.LockState, ask: boolean): void {
    const was = this.lock;
    const same =
      !!was &&
      was.locked === next.locked &&
      was.hasPassphrase === next.hasPassphrase &&
      was.inactivityMinutes === next.inactivityMinutes;
    if (!same) this.lock = next;
    if (next.locked && !was?.locked) {
      for (const fn of this.#onLocked) fn();
      if (ask) this.unlockAsked = true;
      this.announcement = 'locked';
    } else if (!next.locked && was?.locked) {
      this.unlockAsked = false;
      this.announcement = 'unlocked';
    }
  }

  #snapshotTaken(b: portfolio.BackupFile): void {
    this.snapshotError = null;
    // No reload: listing backups counts as the learner's activity and would hold off the lock.
    if (this.backupsLoaded && b?.path && !this.backups.some((x) => x.path === b.path)) {
      this.backups = [b, ...this.backups];
    }
  }
}

/** data is the open portfolio's data safety state. */
export const data = new DataStore();
