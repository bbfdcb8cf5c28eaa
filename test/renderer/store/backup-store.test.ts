import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLibraryFile } from '../../../shared/model/library-file';
import { AccordDatabase } from '../../../renderer/db/database';
import { readLibrarySnapshot, replaceLibrary } from '../../../renderer/db/library-snapshot';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createBackupScheduler, createBackupStore, startAutomaticBackups, type LibraryNotice } from '../../../renderer/store/backup-store';
import { sampleLibrary } from '../../fixtures/library';
import { installShell } from '../support/shell';

let counter = 0;
let db: AccordDatabase;
let shell: Awaited<ReturnType<typeof installShell>>;
let clock: number;
let notices: LibraryNotice[];

beforeEach(async () => {
  counter += 1;
  db = new AccordDatabase(`backup-store-${Date.now()}-${counter}`);
  clock = new Date(2026, 10, 23, 9, 0, 0).getTime();
  shell = await installShell({ now: () => new Date(clock) });
  notices = [];
});
afterEach(async () => {
  await shell.dispose();
  await db.delete();
});

const store = () => createBackupStore(db, { now: () => clock, afterReplace: (notice) => notices.push(notice) });
const backupFiles = async () => (await readdir(join(shell.dataDir, 'backups')).catch(() => [] as string[])).sort();
const dump = async () => JSON.stringify(await readLibrarySnapshot(db));

describe('backup store', () => {
  it('backs up now, lists the backup, and the file imports', async () => {
    await replaceLibrary(db, sampleLibrary());
    const backups = store();
    const written = await backups.getState().backUpNow();
    expect(written).toMatchObject({ name: 'accord-library-20261123-090000-manual.json', workshops: 2, leftOut: [] });
    expect(await backups.getState().refresh()).toMatchObject([{ name: written.name, reason: 'manual', workshops: 2 }]);
    const file = parseLibraryFile(await readFile(join(shell.dataDir, 'backups', written.name), 'utf8'));
    expect(file).toMatchObject({ app: { version: '0.0.0-test' }, counts: { workshops: 2, versions: 2 } });
  });

  it('restores a backup after backing up the current library, so the restore can be undone', async () => {
    await replaceLibrary(db, sampleLibrary());
    const backups = store();
    const { name } = await backups.getState().backUpNow();
    const original = await dump();
    await new WorkshopRepository(db).remove('w-acme');
    const changed = await dump();
    clock += 60_000;
    const outcome = await backups.getState().restore(name);
    expect(outcome.before).toBe('accord-library-20261123-090100-before-restore.json');
    // The same records (key order within a record may differ: the file's checks rebuild them).
    expect(JSON.parse(await dump())).toEqual(JSON.parse(original));
    expect(notices).toEqual([{ title: 'Backup restored', message: expect.stringContaining(`The library as it was before is kept as ${outcome.before}`) }]);
    // Undo: restoring the "before restore" backup brings back the library as it was.
    clock += 60_000;
    await backups.getState().restore(outcome.before);
    expect(JSON.parse(await dump())).toEqual(JSON.parse(changed));
  });

  it('refuses a damaged backup: nothing changes and no backup is made', async () => {
    await replaceLibrary(db, sampleLibrary());
    const backups = store();
    const { name } = await backups.getState().backUpNow();
    const path = join(shell.dataDir, 'backups', name);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, (await readFile(path, 'utf8')).replace('"title":"Lead handoff 2027"', '"title":""'));
    const before = await dump();
    await expect(backups.getState().restore(name)).rejects.toThrow(`The backup ${name} cannot be restored: workshops[0].title: Give the workshop a title; it cannot be empty. Nothing was changed.`);
    expect(await dump()).toBe(before);
    expect(await backupFiles()).toEqual([name]);
    expect(backups.getState().busy).toBeNull();
  });

  it('imports a library file: checks it, backs up, replaces; a bad file changes nothing', async () => {
    const backups = store();
    await new WorkshopRepository(db, () => 1, () => 'w-mine').create({ title: 'Mine' });
    await expect(backups.getState().importLibraryText('broken.json', '{"format":"accord-library"')).rejects.toThrow(/^“broken\.json” was not imported: The file is not valid JSON .* Nothing was changed\.$/);
    expect(await backupFiles()).toEqual([]);
    const { serializeLibrary } = await import('../../../shared/model/library-file');
    const text = serializeLibrary(sampleLibrary(), { exportedAt: new Date(clock), appVersion: 'x' }).text;
    const prepared = await backups.getState().prepareImportText('library.json', text);
    expect(prepared.counts.workshops).toBe(2);
    expect(backups.getState().pendingImport?.fileName).toBe('library.json');
    const outcome = await backups.getState().confirmImport();
    expect(outcome.before).toBe('accord-library-20261123-090000-before-import.json');
    expect((await db.workshops.toArray()).map((workshop) => workshop.id).sort()).toEqual(['w-acme', 'w-socgen']);
    const kept = parseLibraryFile(await readFile(join(shell.dataDir, 'backups', outcome.before), 'utf8'));
    expect(kept.workshops.map((workshop) => workshop.title)).toEqual(['Mine']);
    expect(notices[0]?.title).toBe('Library imported');
  });

  it('an imported library whose records disagree is put right and the notice says what was (a workshop "signing" with no version being signed)', async () => {
    const backups = store();
    const file = JSON.parse((await import('../../../shared/model/library-file')).serializeLibrary(sampleLibrary(), { exportedAt: new Date(clock), appVersion: 'x' }).text) as { versions: { status: string }[]; counts: { versions: number } };
    // Version 2 (being signed) is gone, but the workshop still says "signing".
    file.versions = file.versions.filter((version) => version.status !== 'signing');
    file.counts.versions = file.versions.length;
    await backups.getState().prepareImportText('library.json', JSON.stringify(file));
    await backups.getState().confirmImport();
    expect((await db.workshops.get('w-acme'))?.status).toBe('amended');
    expect(notices[0]?.message).toContain('Put right on the way in: workshops[0] (“Lead handoff 2027”) was marked “signing” but no version is being signed: it is now “amended”.');
  });

  it('refuses to replace the library when the backup before it cannot be written', async () => {
    const backups = createBackupStore(db, {
      now: () => clock,
      afterReplace: () => {},
      platform: { writeBackup: async () => Promise.reject(new Error('disk full')), listBackups: async () => [], readBackup: async () => '', saveTextFile: async () => null, appVersion: async () => 'x' },
    });
    await new WorkshopRepository(db, () => 1, () => 'w-mine').create({ title: 'Mine' });
    const before = await dump();
    const { serializeLibrary } = await import('../../../shared/model/library-file');
    await expect(backups.getState().importLibraryText('library.json', serializeLibrary(sampleLibrary(), { exportedAt: new Date(clock), appVersion: 'x' }).text)).rejects.toThrow('The current library could not be backed up first (disk full), so nothing was changed.');
    expect(await dump()).toBe(before);
  });

  it('refuses to replace the library when a record could not go into the backup before it', async () => {
    await replaceLibrary(db, sampleLibrary());
    const backups = store();
    const { name } = await backups.getState().backUpNow();
    // A session whose clock went backwards (spent < 0): the database holds it, the library file refuses it.
    await db.sessions.put({ workshopId: 'w-acme', agenda: [], timer: { startedAt: 1, current: 0, runningSince: null, spent: { workshop: -5 } }, sound: false, updatedAt: 1 });
    const before = await dump();
    clock += 60_000;
    await expect(backups.getState().restore(name)).rejects.toThrow(/1 record of the current library could not be backed up .*so nothing was changed/);
    expect(await dump()).toBe(before);
  });

  it('exports the library where the person chooses', async () => {
    await replaceLibrary(db, sampleLibrary());
    const exported = await store().getState().exportLibrary();
    expect(exported.path).toBe(join(shell.dataDir, 'saved', 'Accord library 2026-11-23.json'));
    expect(shell.host.dialogs.saveRequests).toEqual([{ title: 'Save as', defaultName: 'Accord library 2026-11-23.json', filters: [{ name: 'Accord library', extensions: ['json'] }] }]);
    expect(parseLibraryFile(await readFile(exported.path!, 'utf8')).counts.workshops).toBe(2);
  });
});

describe('automatic backups', () => {
  function fakeTimers() {
    let now = 0;
    const pending: { at: number; callback: () => void; id: number }[] = [];
    let nextId = 0;
    return {
      now: () => now,
      timers: {
        setTimeout: (callback: () => void, ms: number) => {
          pending.push({ at: now + ms, callback, id: (nextId += 1) });
          return nextId;
        },
        clearTimeout: (id: unknown) => {
          const index = pending.findIndex((entry) => entry.id === id);
          if (index >= 0) pending.splice(index, 1);
        },
      },
      async advance(ms: number) {
        const until = now + ms;
        for (;;) {
          pending.sort((a, b) => a.at - b.at);
          const due = pending[0];
          if (!due || due.at > until) break;
          pending.shift();
          now = due.at;
          due.callback();
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
        now = until;
      },
    };
  }

  it('backs up a minute after the first change, then at most every 15 minutes while changes happen, and not without changes', async () => {
    const time = fakeTimers();
    const made: { reason: string; at: number }[] = [];
    let last: number | null = null;
    const scheduler = createBackupScheduler({
      backUp: async (reason) => {
        made.push({ reason, at: time.now() });
        last = time.now();
      },
      lastBackupAt: () => last,
      now: time.now,
      timers: time.timers,
    });
    await time.advance(60 * 60_000);
    expect(made).toEqual([]);
    const start = time.now();
    scheduler.changed();
    await time.advance(30_000);
    scheduler.changed();
    await time.advance(30_000);
    expect(made).toEqual([{ reason: 'auto', at: start + 60_000 }]);
    // Changes every minute for half an hour: backups 15 minutes apart.
    for (let minute = 0; minute < 30; minute += 1) {
      scheduler.changed();
      await time.advance(60_000);
    }
    expect(made.map((entry) => entry.at - start)).toEqual([60_000, 60_000 + 15 * 60_000, 60_000 + 30 * 60_000]);
    // No change since: nothing more, even hours later or when the window hides.
    await time.advance(3 * 60 * 60_000);
    await scheduler.windowHidden('quit');
    expect(made).toHaveLength(3);
    // A change, then the window closes: backed up at once.
    scheduler.changed();
    await scheduler.windowHidden('quit');
    expect(made.at(-1)).toEqual({ reason: 'quit', at: time.now() });
  });

  it('tries again after a failed backup', async () => {
    const time = fakeTimers();
    let fail = true;
    const attempts: number[] = [];
    const scheduler = createBackupScheduler({
      backUp: async () => {
        attempts.push(time.now());
        if (fail) throw new Error('disk full');
      },
      lastBackupAt: () => null,
      now: time.now,
      timers: time.timers,
    });
    scheduler.changed();
    await time.advance(60_000);
    fail = false;
    await time.advance(15 * 60_000);
    expect(attempts).toEqual([60_000, 16 * 60_000]);
    expect(scheduler.pending).toBe(false);
  });

  it('counts every committed write to this database as a change, and only this database', async () => {
    const changed = vi.fn();
    const backups = createBackupStore(db, { now: () => clock });
    const time = fakeTimers();
    backups.setState({ autoBackup: async () => changed() });
    const stop = startAutomaticBackups(db, backups, { timers: time.timers, now: time.now });
    const other = new AccordDatabase(`other-${Date.now()}`);
    await new WorkshopRepository(other).create({ title: 'Elsewhere' });
    await time.advance(2 * 60_000);
    expect(changed).not.toHaveBeenCalled();
    await new WorkshopRepository(db).create({ title: 'Here' });
    await time.advance(2 * 60_000);
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    await other.delete();
  });
});
