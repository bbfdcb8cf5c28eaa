import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError, writeFileNew, writeOutputFile } from '../../../electron/fs/atomic-write';
import { writeChosenFile } from '../../../electron/handlers/files';
import { runAccord } from '../../support/run-cli';
import { createHandlers } from '../../../electron/handlers/index';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saves in the Chromium shell never overwrite, even at the same moment', () => {
  it('three concurrent saves of one name: three successes, three distinct files, each with its own content', async () => {
    const host = createNodeHost({ appVersion: '9.9.9', userDataDir: dir, saveDir: join(dir, 'saved') });
    const dispatch = createDispatcher(createHandlers(host));
    const contents = ['first', 'second', 'third'];
    const results = (await Promise.all(contents.map((content) => dispatch('file:save-text', { suggestedName: 'Agreement', kind: 'markdown', content })))).map((result) => (result.ok ? (result.value as { saved: boolean; path?: string; error?: unknown }) : { saved: false, path: undefined, error: result.error }));
    const paths = results.map((result) => (result.saved && result.path ? result.path : `not saved: ${JSON.stringify(result)}`));
    expect(new Set(paths).size).toBe(3);
    expect(paths.sort()).toEqual(['Agreement (2).md', 'Agreement (3).md', 'Agreement.md'].map((name) => join(dir, 'saved', name)).sort());
    // Each reported path holds what its own save wrote: none was lost or replaced.
    const written = await Promise.all(results.map(async (result) => (result.saved && result.path ? readFile(result.path, 'utf8') : '')));
    expect(written.sort()).toEqual([...contents].sort());
    expect((await readdir(join(dir, 'saved'))).sort()).toEqual(['Agreement (2).md', 'Agreement (3).md', 'Agreement.md']);
  });

  it('a file created under the chosen name after the name was picked is kept; the save takes the next free name', async () => {
    await writeFile(join(dir, 'report.pdf'), 'someone else’s');
    await writeFile(join(dir, 'report (2).pdf'), 'another');
    const path = await writeChosenFile({ path: join(dir, 'report.pdf'), replace: false }, 'mine');
    expect(path).toBe(join(dir, 'report (3).pdf'));
    expect(await readFile(join(dir, 'report.pdf'), 'utf8')).toBe('someone else’s');
    expect(await readFile(path, 'utf8')).toBe('mine');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces only when the person confirmed it (a native dialog’s overwrite question, a scripted answer)', async () => {
    await writeFile(join(dir, 'notes.md'), 'old');
    expect(await writeChosenFile({ path: join(dir, 'notes.md'), replace: true }, 'new')).toBe(join(dir, 'notes.md'));
    expect(await readFile(join(dir, 'notes.md'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['notes.md']);
  });

  it('twenty saves racing for one name each get their own file, complete', async () => {
    const bodies = Array.from({ length: 20 }, (_, index) => `body ${index} `.repeat(10_000));
    const paths = await Promise.all(bodies.map((body) => writeFileNew(join(dir, 'race.csv'), body)));
    expect(new Set(paths).size).toBe(20);
    const read = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
    expect(read.sort()).toEqual([...bodies].sort());
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the command line never replaces a file without --force, even one written at the same moment', () => {
  it('three concurrent exclusive writes of one name: one succeeds, two are FileExistsError, the file is the winner’s whole', async () => {
    const path = join(dir, 'out.md');
    const outcomes = await Promise.allSettled(['first', 'second', 'third'].map((body) => writeOutputFile(path, body, false)));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused.map((outcome) => outcome.reason instanceof FileExistsError)).toEqual([true, true]);
    expect(['first', 'second', 'third']).toContain(await readFile(path, 'utf8'));
    expect((await readdir(dir)).sort()).toEqual(['out.md']);
  });

  it('replaces only with --force (writeOutputFile with replace), and says so when the file appeared meanwhile', async () => {
    const path = join(dir, 'out.md');
    await writeFile(path, 'theirs');
    await expect(writeOutputFile(path, 'ours', false)).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(path, 'utf8')).toBe('theirs');
    await writeOutputFile(path, 'ours', true);
    expect(await readFile(path, 'utf8')).toBe('ours');
    // The CLI's own answer for a file that exists when it starts.
    const { code, err } = await runAccord(dir, ['new', '--template', 'b2b-saas-mid-market', '--out', 'out.md']);
    expect(code).toBe(1);
    expect(err).toContain('already exists; use --force to replace it.');
    expect(await readFile(path, 'utf8')).toBe('ours');
  });
});

