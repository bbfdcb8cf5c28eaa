/**
 * Backups and whole-library files: automatic rotating backups written by main
 * into the app's data folder, restore (the current library is backed up
 * first, so a restore can be undone), and the manual export and import of the
 * whole library as one file. An import or a restore REPLACES the library; the
 * file is checked completely (shared/model/library-file.ts) before anything is
 * written, the current library is backed up, and the new one is written in
 * one transaction, so a failure at any step leaves the library as it was.
 */
import Dexie from 'dexie';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BackupReason } from '../../shared/model/backup-names';
import type { LibraryCounts, LibraryFile, LibraryTable } from '../../shared/model/library-file';
import { formatSize, MAX_LIBRARY_FILE_CHARS } from '../../shared/model/limits';
import type { AccordDatabase } from '../db/database';
import { accord, savedPath } from '../platform/accord';
import type { BackupEntry, BackupWritten } from '../platform/accord';

export type { BackupEntry } from '../platform/accord';

/** Automatic backups run at most this often while changes happen: 15 minutes. */
export const AUTO_BACKUP_INTERVAL_MS = 15 * 60 * 1000;
/** The first automatic backup of a session waits this long after the first change, so a burst of edits is one backup. */
export const AUTO_BACKUP_SETTLE_MS = 60 * 1000;

/** Where a one-line notice survives the reload that follows a restore or an import. */
const NOTICE_KEY = 'accord:library-notice';

/** What the main side does for backups and files; the real window.accord by default, injectable for tests. */
export interface BackupPlatform {
  writeBackup(reason: BackupReason, content: string): Promise<BackupWritten>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(name: string): Promise<string>;
  saveTextFile(request: { suggestedName: string; kind: 'library'; content: string }): Promise<string | null>;
  appVersion(): Promise<string>;
}

/** A library file that passed every check and waits for the person to confirm the import. */
export interface PreparedImport {
  fileName: string;
  exportedAt: string;
  counts: LibraryCounts;
  file: LibraryFile;
}

/** What was put right between records of a restored or imported file (shared/model/library-file.ts), said after the rest. */
function repaired(repairs: readonly string[]): string {
  return repairs.length === 0 ? '' : ` Put right on the way in: ${repairs.join(' ')}`;
}

/** A notice to show on the Backups screen (after the reload that follows a restore or an import). */
export interface LibraryNotice {
  title: string;
  message: string;
}

/** A backup just made: where it went, and any damaged record left out of it. */
export interface BackupOutcome extends BackupWritten {
  leftOut: string[];
}

/** An export written (null path: the person cancelled the dialog). */
export interface ExportOutcome {
  path: string | null;
  counts: LibraryCounts;
  leftOut: string[];
}

/** What a restore or an import did: the backup of the library as it was before (restore it to undo). */
export interface ReplaceOutcome {
  before: string;
  counts: LibraryCounts;
}

export interface BackupState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The backups in the app's data folder, newest first. */
  backups: BackupEntry[];
  /** Why the list could not be read (e.g. no desktop shell). */
  error: string | null;
  /** The operation the person started and waits for. */
  busy: 'backup' | 'restore' | 'export' | 'import' | null;
  /** When the last backup was made (this session, or the newest in the folder). */
  lastBackupAt: number | null;
  /** A checked import waiting for confirmation. */
  pendingImport: PreparedImport | null;
  notice: LibraryNotice | null;
  /** Reads the list of backups. */
  refresh(): Promise<BackupEntry[]>;
  /** Backs up the library now (pending edits are saved first). */
  backUpNow(reason?: BackupReason): Promise<BackupOutcome>;
  /** Restores a backup: checks it fully, backs up the current library ("before-restore"), then replaces the library. Throws with the reason; nothing changes then. */
  restore(name: string): Promise<ReplaceOutcome>;
  /** Saves the whole library as one file where the person chooses. */
  exportLibrary(): Promise<ExportOutcome>;
  /** Reads and checks a library file the person picked; on success it waits in `pendingImport` for confirmation. Throws with the reason. */
  prepareImport(file: File): Promise<PreparedImport>;
  /** The same for text already read (a file opened from the menu). */
  prepareImportText(fileName: string, text: string): Promise<PreparedImport>;
  /** Imports the pending file: backs up the current library ("before-import"), then replaces it. */
  confirmImport(): Promise<ReplaceOutcome>;
  cancelImport(): void;
  /** Checks and imports in one go (no confirmation): the path the fuzz tests drive. Throws with the reason; nothing changes then. */
  importLibraryText(fileName: string, text: string): Promise<ReplaceOutcome>;
  dismissNotice(): void;
  /** Set by File → Import Library…: the Backups screen then offers the file picker (a picker opens only on a person's click or key). */
  importRequested: boolean;
  requestImport(): void;
  /** Called by the screen once it has offered the picker. */
  clearImportRequest(): void;
  /** An automatic backup (the scheduler's): waits its turn, never marks the store busy, throws when it could not be written. */
  autoBackup(reason: 'auto' | 'quit'): Promise<void>;
  /** Before the window closes: the quit backup, only when something changed since the last one. */
  beforeClose(): Promise<void>;
}

/** The real platform: window.accord. */
export const accordBackupPlatform: BackupPlatform = {
  writeBackup: (reason, content) => accord.writeBackup({ reason, content }),
  listBackups: () => accord.listBackups({}),
  readBackup: async (name) => (await accord.readBackup({ name })).content,
  saveTextFile: async (request) => savedPath(await accord.saveTextFile(request)),
  appVersion: async () => (await accord.getAppInfo({})).version,
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readNotice(): LibraryNotice | null {
  try {
    const stored = globalThis.sessionStorage?.getItem(NOTICE_KEY);
    if (!stored) return null;
    globalThis.sessionStorage.removeItem(NOTICE_KEY);
    const notice = JSON.parse(stored) as Partial<LibraryNotice>;
    return typeof notice.title === 'string' && typeof notice.message === 'string' ? { title: notice.title, message: notice.message } : null;
  } catch {
    return null;
  }
}

/** After a restore or an import: every store read the old library, so the window reloads onto the Backups screen, which shows the notice. */
function reloadWithNotice(notice: LibraryNotice): void {
  try {
    sessionStorage.setItem(NOTICE_KEY, JSON.stringify(notice));
  } catch {
    // No session storage: the reload still shows the restored library.
  }
  window.location.hash = '#/backups';
  window.location.reload();
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/** "3 workshops, 2 signed versions…": what a library file holds, for people. */
export function describeCounts(counts: Pick<LibraryCounts, 'workshops' | 'versions' | 'templates'>): string {
  return [plural(counts.workshops, 'workshop'), plural(counts.versions, 'version'), plural(counts.templates, 'template')].join(', ');
}

/** Creates the backup store over the database. Clock, platform and what follows a replace are injectable for tests. */
export function createBackupStore(
  db: AccordDatabase,
  options: {
    platform?: BackupPlatform;
    now?: () => number;
    /** Saves pending edits before a snapshot (the agreement editor's flush). */
    beforeSnapshot?: () => Promise<void>;
    /** What happens after the library was replaced; by default the window reloads onto the Backups screen with a notice. */
    afterReplace?: (notice: LibraryNotice) => void;
  } = {},
): StoreApi<BackupState> {
  const platform = options.platform ?? accordBackupPlatform;
  const now = options.now ?? (() => Date.now());
  const afterReplace = options.afterReplace ?? reloadWithNotice;
  const libraryFile = () => import('../../shared/model/library-file');
  const snapshots = () => import('../db/library-snapshot');
  let appVersion: Promise<string> | null = null;
  // One backup, restore, export or import at a time, automatic ones included.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const serialize = async () => {
    await options.beforeSnapshot?.();
    const [{ serializeLibrary }, { readLibrarySnapshot }] = await Promise.all([libraryFile(), snapshots()]);
    appVersion ??= platform.appVersion().catch(() => 'unknown');
    const raw = await readLibrarySnapshot(db);
    return serializeLibrary(raw, { exportedAt: new Date(now()), appVersion: await appVersion, databaseVersion: db.verno });
  };

  const store = createStore<BackupState>()((set, get) => {
    const backUp = async (reason: BackupReason): Promise<BackupOutcome> => {
      const { text, leftOut } = await serialize();
      const written = await platform.writeBackup(reason, text);
      set({ lastBackupAt: now() });
      if (get().status === 'ready') void get().refresh().catch(() => undefined);
      return { ...written, leftOut };
    };

    /** Backs up the current library, then writes the new one in one transaction. */
    const replace = async (file: LibraryFile, reason: 'before-restore' | 'before-import'): Promise<ReplaceOutcome> => {
      let before: BackupOutcome;
      try {
        before = await backUp(reason);
      } catch (error) {
        throw new Error(`The current library could not be backed up first (${messageOf(error)}), so nothing was changed.`, { cause: error });
      }
      // A record the library file cannot hold would be lost for good: then nothing is replaced.
      if (before.leftOut.length > 0) {
        throw new Error(`${before.leftOut.length} record${before.leftOut.length === 1 ? '' : 's'} of the current library could not be backed up (${before.leftOut.slice(0, 3).map(String).join('; ')}), so nothing was changed. Export the workshops concerned as .accord files first.`);
      }
      const { replaceLibrary } = await snapshots();
      try {
        await replaceLibrary(db, file);
      } catch (error) {
        throw new Error(`The library could not be written (${messageOf(error)}); nothing was changed.`, { cause: error });
      }
      return { before: before.name, counts: file.counts };
    };

    const busy = async <T>(kind: NonNullable<BackupState['busy']>, task: () => Promise<T>): Promise<T> => {
      if (get().busy) throw new Error('Another backup, restore, export or import is running; wait for it to finish.');
      set({ busy: kind });
      try {
        return await exclusive(task);
      } finally {
        set({ busy: null });
      }
    };

    const check = async (fileName: string, text: string): Promise<PreparedImport> => {
      const { parseLibraryFile, LibraryFileError } = await libraryFile();
      try {
        const file = parseLibraryFile(text);
        return { fileName, exportedAt: file.exportedAt, counts: file.counts, file };
      } catch (error) {
        if (error instanceof LibraryFileError) throw new Error(`“${fileName}” was not imported: ${error.message} Nothing was changed.`, { cause: error });
        throw new Error(`“${fileName}” was not imported: it could not be read (${messageOf(error)}). Nothing was changed.`, { cause: error });
      }
    };

    return {
      status: 'idle',
      backups: [],
      error: null,
      busy: null,
      lastBackupAt: null,
      pendingImport: null,
      notice: readNotice(),
      importRequested: false,
      requestImport() {
        set({ importRequested: true });
      },
      clearImportRequest() {
        set({ importRequested: false });
      },
      async refresh() {
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const backups = await platform.listBackups();
          const newest = backups[0] ? Date.parse(backups[0].createdAt) : null;
          set((state) => ({ backups, status: 'ready', error: null, lastBackupAt: Math.max(state.lastBackupAt ?? 0, newest ?? 0) || null }));
          return backups;
        } catch (error) {
          set({ status: 'error', error: messageOf(error) });
          throw error;
        }
      },
      backUpNow(reason = 'manual') {
        return busy('backup', () => backUp(reason));
      },
      restore(name) {
        return busy('restore', async () => {
          const text = await platform.readBackup(name);
          const { parseLibraryFile } = await libraryFile();
          let file: LibraryFile;
          try {
            file = parseLibraryFile(text);
          } catch (error) {
            throw new Error(`The backup ${name} cannot be restored: ${messageOf(error)} Nothing was changed.`, { cause: error });
          }
          const outcome = await replace(file, 'before-restore');
          afterReplace({ title: 'Backup restored', message: `The library is as it was in ${name} (${describeCounts(file.counts)}). The library as it was before is kept as ${outcome.before}: restore that one to undo.${repaired(file.repairs)}` });
          return outcome;
        });
      },
      exportLibrary() {
        return busy('export', async () => {
          const { text, counts, leftOut } = await serialize();
          const day = new Date(now());
          const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
          const path = await platform.saveTextFile({ suggestedName: `Accord library ${date}`, kind: 'library', content: text });
          return { path, counts, leftOut };
        });
      },
      async prepareImport(file) {
        // The format's own limit, read as bytes of UTF-8 before the file is read (a file within it in bytes is within it in characters).
        if (file.size > MAX_LIBRARY_FILE_CHARS) throw new Error(`“${file.name}” was not imported: it is larger than ${formatSize(MAX_LIBRARY_FILE_CHARS)}, so it is not an Accord library. Nothing was changed.`);
        let text: string;
        try {
          text = await file.text();
        } catch (error) {
          throw new Error(`“${file.name}” was not imported: it could not be read (${messageOf(error)}). Nothing was changed.`, { cause: error });
        }
        return get().prepareImportText(file.name, text);
      },
      async prepareImportText(fileName, text) {
        set({ pendingImport: null });
        const prepared = await check(fileName, text);
        set({ pendingImport: prepared });
        return prepared;
      },
      confirmImport() {
        const pending = get().pendingImport;
        if (!pending) return Promise.reject(new Error('There is no checked library file to import.'));
        set({ pendingImport: null });
        return busy('import', async () => {
          const outcome = await replace(pending.file, 'before-import');
          afterReplace({ title: 'Library imported', message: `The library now holds what “${pending.fileName}” holds (${describeCounts(pending.counts)}). The library as it was before is kept as ${outcome.before}: restore that one to undo.${repaired(pending.file.repairs)}` });
          return outcome;
        });
      },
      cancelImport() {
        set({ pendingImport: null });
      },
      importLibraryText(fileName, text) {
        return busy('import', async () => {
          const prepared = await check(fileName, text);
          return replace(prepared.file, 'before-import');
        });
      },
      dismissNotice() {
        set({ notice: null });
      },
      async autoBackup(reason) {
        await exclusive(() => backUp(reason));
      },
      // Replaced by startAutomaticBackups with "back up if anything changed".
      async beforeClose() {},
    };
  });
  return store;
}

/** Timers, injectable for tests. */
export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * When to back up automatically: after a change, at most every 15 minutes
 * while changes happen (the first one of a session a minute after its first
 * change, unless a backup in the folder is more recent than 15 minutes), and
 * at once when the window is hidden or closed with changes not yet backed up.
 * No change, no backup.
 */
export function createBackupScheduler(options: {
  backUp: (reason: 'auto' | 'quit') => Promise<void>;
  lastBackupAt: () => number | null;
  now?: () => number;
  timers?: SchedulerTimers;
  intervalMs?: number;
  settleMs?: number;
}): { changed(): void; windowHidden(reason: 'auto' | 'quit'): Promise<void>; stop(): void; readonly pending: boolean } {
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
  const intervalMs = options.intervalMs ?? AUTO_BACKUP_INTERVAL_MS;
  const settleMs = options.settleMs ?? AUTO_BACKUP_SETTLE_MS;
  let dirty = false;
  let timer: unknown = null;
  let stopped = false;

  const run = async (reason: 'auto' | 'quit') => {
    if (!dirty || stopped) return;
    dirty = false;
    try {
      await options.backUp(reason);
    } catch {
      // Not written (no shell, disk full): the changes still need a backup; try again after the interval.
      dirty = true;
      schedule(intervalMs);
    }
  };
  const schedule = (delay: number) => {
    if (timer !== null || stopped) return;
    timer = timers.setTimeout(() => {
      timer = null;
      void run('auto');
    }, delay);
  };
  return {
    changed() {
      if (stopped) return;
      dirty = true;
      const last = options.lastBackupAt();
      schedule(Math.max(settleMs, last === null ? 0 : last + intervalMs - now()));
    },
    async windowHidden(reason) {
      if (!dirty) return;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      await run(reason);
    },
    stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
    get pending() {
      return dirty;
    },
  };
}

/**
 * Starts the automatic backups of this window: every committed write to this
 * database (any table, any store) counts as a change; hiding or closing the
 * window backs up pending changes. Returns the function that stops it.
 */
export function startAutomaticBackups(db: AccordDatabase, store: StoreApi<BackupState>, options: { timers?: SchedulerTimers; now?: () => number; intervalMs?: number; settleMs?: number } = {}): () => void {
  const scheduler = createBackupScheduler({ backUp: (reason) => store.getState().autoBackup(reason), lastBackupAt: () => store.getState().lastBackupAt, ...options });
  const prefix = `idb://${db.name}/`;
  const tables = new Set<string>(['workshops', 'agreements', 'versions', 'templates', 'calibrations', 'reviews', 'sessions', 'settings'] satisfies LibraryTable[]);
  // Dexie reports every committed read-write transaction (also those of other windows of this origin) with the parts it changed.
  const onMutated = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix) && tables.has(part.slice(prefix.length).split('/')[0] ?? ''))) scheduler.changed();
  };
  Dexie.on('storagemutated', onMutated);
  const onHidden = () => {
    if (document.visibilityState === 'hidden') void scheduler.windowHidden('auto');
  };
  const onPageHide = () => void scheduler.windowHidden('quit');
  store.setState({ beforeClose: () => scheduler.windowHidden('quit') });
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', onPageHide);
  // Knowing the newest backup in the folder keeps "at most every 15 minutes" true across restarts.
  void store.getState().refresh().catch(() => undefined);
  return () => {
    scheduler.stop();
    Dexie.on.storagemutated.unsubscribe(onMutated);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', onPageHide);
  };
}
