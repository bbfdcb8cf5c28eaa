import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecentFiles } from '../../../electron/main/recent-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-recent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(options: { max?: number; storePath?: string } = {}) {
  const os: string[] = [];
  let changes = 0;
  const recent = new RecentFiles({
    storePath: () => options.storePath ?? join(dir, 'recent-files.json'),
    whenReady: async () => {},
    os: { add: (path) => os.push(`add ${path}`), clear: () => os.push('clear') },
    changed: () => (changes += 1),
    ...(options.max ? { max: options.max } : {}),
  });
  return { recent, os, changes: () => changes };
}

describe('recent files', () => {
  it('puts the newest first without repeats, tells the OS and the menu, and keeps the list in the data folder', async () => {
    const { recent, os, changes } = setup();
    await recent.remember('/a/One.accord');
    await recent.remember('/a/Two.accord');
    await recent.remember('/a/One.accord');
    expect(recent.files).toEqual(['/a/One.accord', '/a/Two.accord']);
    expect(os).toEqual(['add /a/One.accord', 'add /a/Two.accord', 'add /a/One.accord']);
    expect(changes()).toBe(3);
    expect(JSON.parse(await readFile(join(dir, 'recent-files.json'), 'utf8'))).toEqual({ files: ['/a/One.accord', '/a/Two.accord'] });

    const next = setup();
    await next.recent.load();
    expect(next.recent.files).toEqual(['/a/One.accord', '/a/Two.accord']);
  });

  it('keeps files opened before the stored list was read (the one that launched the app) newest, in the order they were opened', async () => {
    await writeFile(join(dir, 'recent-files.json'), JSON.stringify({ files: ['/a/Old.accord', '/a/Launch.accord', '/a/Older.accord'] }));
    // As main starts: the launching file is remembered (waiting for `ready`) while the stored list is read.
    const { recent } = setup();
    const launched = recent.remember('/a/Launch.accord');
    const loaded = recent.load();
    await Promise.all([launched, loaded]);
    await recent.remember('/a/Second.accord');
    expect(recent.files).toEqual(['/a/Second.accord', '/a/Launch.accord', '/a/Old.accord', '/a/Older.accord']);
    // Nothing stored was written over before it was read.
    expect(JSON.parse(await readFile(join(dir, 'recent-files.json'), 'utf8'))).toEqual({ files: ['/a/Second.accord', '/a/Launch.accord', '/a/Old.accord', '/a/Older.accord'] });
  });

  it('keeps at most the limit, clears the list and the OS list, and reads a damaged file as an empty list', async () => {
    const { recent, os } = setup({ max: 3 });
    for (const name of ['A', 'B', 'C', 'D']) await recent.remember(`/a/${name}.accord`);
    expect(recent.files).toEqual(['/a/D.accord', '/a/C.accord', '/a/B.accord']);
    await recent.remember(null);
    expect(recent.files).toEqual([]);
    expect(os.at(-1)).toBe('clear');
    expect(JSON.parse(await readFile(join(dir, 'recent-files.json'), 'utf8'))).toEqual({ files: [] });

    await writeFile(join(dir, 'recent-files.json'), '{ not json');
    const damaged = setup();
    await damaged.recent.load();
    expect(damaged.recent.files).toEqual([]);
  });

  it('still remembers the file for this session when the list cannot be saved', async () => {
    const { recent, changes } = setup({ storePath: join(dir, 'no-such-folder', 'recent-files.json') });
    await expect(recent.remember('/a/One.accord')).resolves.toBeUndefined();
    expect(recent.files).toEqual(['/a/One.accord']);
    expect(changes()).toBe(1);
  });
});
