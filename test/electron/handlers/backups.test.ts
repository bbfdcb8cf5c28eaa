import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPath, backupsDir } from '../../../electron/handlers/backups';
import { createHandlers } from '../../../electron/handlers/index';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { serializeLibrary } from '../../../shared/model/library-file';
import { sampleLibrary } from '../../fixtures/library';

let dataDir: string;
let clock: Date;
let dispatch: ReturnType<typeof createDispatcher>;
const library = serializeLibrary(sampleLibrary(), { exportedAt: new Date('2026-11-23T10:00:00Z'), appVersion: 'test' }).text;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'accord-backups-'));
  clock = new Date(2026, 10, 23, 9, 0, 0);
  const host = createNodeHost({ appVersion: 'test', userDataDir: dataDir, saveDir: join(dataDir, 'saved'), now: () => clock });
  dispatch = createDispatcher(createHandlers(host));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const write = async (reason = 'auto', content = library) => dispatch('backup:write', { reason, content });
const files = async () => (await readdir(join(dataDir, 'backups'))).sort();

describe('backup handlers', () => {
  it('writes a backup into <userData>/backups, lists it with its counts, and reads it back', async () => {
    const written = await write('manual');
    expect(written).toEqual({ ok: true, value: { name: 'accord-library-20261123-090000-manual.json', bytes: Buffer.byteLength(library), createdAt: clock.toISOString(), reason: 'manual', workshops: 2, removed: 0 } });
    expect(await readFile(join(dataDir, 'backups', 'accord-library-20261123-090000-manual.json'), 'utf8')).toBe(library);
    clock = new Date(2026, 10, 23, 9, 0, 0);
    await write('before-restore');
    expect(await dispatch('backup:list', {})).toEqual({
      ok: true,
      value: [
        { name: 'accord-library-20261123-090000-before-restore.json', bytes: Buffer.byteLength(library), createdAt: clock.toISOString(), reason: 'before-restore', workshops: 2 },
        { name: 'accord-library-20261123-090000-manual.json', bytes: Buffer.byteLength(library), createdAt: clock.toISOString(), reason: 'manual', workshops: 2 },
      ],
    });
    expect(await dispatch('backup:read', { name: 'accord-library-20261123-090000-manual.json' })).toEqual({ ok: true, value: { name: 'accord-library-20261123-090000-manual.json', content: library } });
  });

  it('tells apart two backups of the same second', async () => {
    await write();
    await write();
    expect(await files()).toEqual(['accord-library-20261123-090000-auto-2.json', 'accord-library-20261123-090000-auto.json']);
  });

  it('lists nothing when there is no backup folder yet', async () => {
    expect(await dispatch('backup:list', {})).toEqual({ ok: true, value: [] });
  });

  it('refuses content that is not a library file, and writes nothing', async () => {
    const result = await write('auto', '{"format":"accord","agreement":{}}');
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'Writing the backup failed: This is not an Accord library file; no backup was written.' } });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an unknown reason', async () => {
    expect(await write('because')).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Refused backup:write: reason: The reason must be one of: auto, quit/) } });
  });

  it('rotates: five of today, one per earlier day; other files in the folder are left alone', async () => {
    await mkdir(join(dataDir, 'backups'));
    await writeFile(join(dataDir, 'backups', 'my-notes.txt'), 'keep me');
    for (let day = 1; day <= 31; day += 1) {
      for (const hour of [9, 17]) {
        clock = new Date(2026, 9, day, hour, 0, 0);
        expect(await write()).toMatchObject({ ok: true });
      }
    }
    for (let minute = 0; minute < 8; minute += 1) {
      clock = new Date(2026, 10, 9, 10, minute * 15, 0);
      await write(minute === 7 ? 'quit' : 'auto');
    }
    const names = await files();
    expect(names).toContain('my-notes.txt');
    const backups = names.filter((entry) => entry.startsWith('accord-library-'));
    expect(backups).toHaveLength(35);
    expect(backups.filter((entry) => entry.includes('-20261109-'))).toEqual(['accord-library-20261109-104500-auto.json', 'accord-library-20261109-110000-auto.json', 'accord-library-20261109-111500-auto.json', 'accord-library-20261109-113000-auto.json', 'accord-library-20261109-114500-quit.json']);
    // Each of the 30 most recent earlier days keeps its newest (17:00); 1 October is the 31st, so it goes.
    expect(backups.filter((entry) => entry.includes('-20261031-'))).toEqual(['accord-library-20261031-170000-auto.json']);
    expect(backups.filter((entry) => entry.includes('-20261001-'))).toEqual([]);
  });

  it.each([
    ['a parent folder', '../secrets.json'],
    ['a path', 'backups/accord-library-20261123-090000-auto.json'],
    ['a Windows path', '..\\accord-library-20261123-090000-auto.json'],
    ['an absolute path', '/etc/passwd'],
    ['a traversal hidden behind a backup name', 'accord-library-20261123-090000-auto.json/../../x'],
    ['a name of the wrong pattern', 'accord-library-latest.json'],
    ['another file of the folder', 'my-notes.txt'],
    ['not text', 42],
  ])('backup:read refuses %s', async (_label, name) => {
    await mkdir(join(dataDir, 'backups'), { recursive: true });
    await writeFile(join(dataDir, 'backups', 'my-notes.txt'), 'private');
    expect(await dispatch('backup:read', { name })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Refused backup:read: name: /) } });
  });

  it('the path guard refuses anything but a backup name, also when called without the contract', () => {
    const host = { userDataDir: dataDir };
    expect(backupPath(host, 'accord-library-20261123-090000-auto.json')).toBe(join(backupsDir(host), 'accord-library-20261123-090000-auto.json'));
    for (const name of ['../x', 'a/b', '/etc/passwd', 'C:\\x', '', '.', '..']) expect(() => backupPath(host, name)).toThrow('This is not the name of an Accord backup.');
  });

  it('a whole-library export may exceed the 50 MB of other saved files (up to 200 MB)', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024 + 1);
    expect(await dispatch('file:save-text', { suggestedName: 'Notes', kind: 'markdown', content: big })).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Refused file:save-text: content: The content is larger than 50 MB.' } });
    expect(await dispatch('file:save-text', { suggestedName: 'Accord library 2026-11-23', kind: 'library', content: big })).toEqual({ ok: true, value: { saved: true, path: join(dataDir, 'saved', 'Accord library 2026-11-23.json'), bytes: big.length } });
  });

  it('says so when a listed backup has gone', async () => {
    expect(await dispatch('backup:read', { name: 'accord-library-20261123-090000-auto.json' })).toEqual({ ok: false, error: { code: 'failed', message: 'Reading the backup failed: The backup accord-library-20261123-090000-auto.json is not there any more.' } });
  });
});
