import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/handlers/index';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-dispatch-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup() {
  const host = createNodeHost({ appVersion: '9.9.9', userDataDir: dir, saveDir: join(dir, 'saved'), platform: 'linux' });
  return { host, dispatch: createDispatcher(createHandlers(host)) };
}

describe('IPC dispatch', () => {
  it('answers app:get-info', async () => {
    const { dispatch } = setup();
    expect(await dispatch('app:get-info', {})).toEqual({ ok: true, value: { name: 'Accord', version: '9.9.9', shell: 'chromium', platform: 'linux' } });
  });

  it('passes the chosen theme to the host, and refuses any other value', async () => {
    const host = { ...createNodeHost({ appVersion: '9.9.9', userDataDir: dir, saveDir: join(dir, 'saved') }), themes: [] as string[] };
    const dispatch = createDispatcher(createHandlers({ ...host, setTheme: (theme) => host.themes.push(theme) }));
    expect(await dispatch('window:set-theme', { theme: 'dark' })).toEqual({ ok: true, value: {} });
    expect(await dispatch('window:set-theme', { theme: 'auto' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('The theme must be system, light or dark.') } });
    expect(host.themes).toEqual(['dark']);
  });

  it('refuses an unknown channel', async () => {
    const { dispatch } = setup();
    const result = await dispatch('fs:delete-everything', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: 'There is no IPC channel called "fs:delete-everything".' } });
  });

  it.each([
    ['a path instead of a name', { suggestedName: '../../.bashrc', kind: 'markdown', content: 'x' }, 'suggestedName'],
    ['an unknown kind', { suggestedName: 'a', kind: 'exe', content: 'x' }, 'kind'],
    ['content that is not text', { suggestedName: 'a', kind: 'markdown', content: 42 }, 'content'],
    ['an extra field', { suggestedName: 'a', kind: 'markdown', content: 'x', path: '/tmp/x' }, 'path'],
    ['no request at all', undefined, ''],
  ])('refuses file:save-text with %s, shows no dialog and writes nothing', async (_label, request, field) => {
    const { dispatch, host } = setup();
    const result = await dispatch('file:save-text', request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/^Refused file:save-text: /);
    expect(result.error.message).toContain(field);
    expect(host.dialogs.saveRequests).toHaveLength(0);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes a valid request where the person chose, adding the extension', async () => {
    const { dispatch, host } = setup();
    const result = await dispatch('file:save-text', { suggestedName: 'Agreement', kind: 'markdown', content: '# Accord — é' });
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, 'saved', 'Agreement.md'), bytes: 15 } });
    expect(await readFile(join(dir, 'saved', 'Agreement.md'), 'utf8')).toBe('# Accord — é');
    expect(host.dialogs.saveRequests[0]?.filters).toEqual([{ name: 'Markdown', extensions: ['md'] }]);
  });

  it('never overwrites silently in the Node host: a second save gets a new name', async () => {
    const { dispatch } = setup();
    await dispatch('file:save-text', { suggestedName: 'notes.md', kind: 'markdown', content: 'one' });
    const second = await dispatch('file:save-text', { suggestedName: 'notes.md', kind: 'markdown', content: 'two' });
    expect(second).toEqual({ ok: true, value: { saved: true, bytes: 3, path: join(dir, 'saved', 'notes (2).md') } });
    expect(await readFile(join(dir, 'saved', 'notes.md'), 'utf8')).toBe('one');
  });

  it('writes nothing when the person cancels the dialog', async () => {
    const { dispatch, host } = setup();
    host.dialogs.saveAnswers.push(null);
    expect(await dispatch('file:save-text', { suggestedName: 'a', kind: 'json', content: '{}' })).toEqual({ ok: true, value: { saved: false } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a failed write with a clear message and leaves no temporary file', async () => {
    const { dispatch, host } = setup();
    host.dialogs.saveAnswers.push(join(dir, 'missing-parent-is-a-file', 'x.json'));
    await (await import('node:fs/promises')).writeFile(join(dir, 'missing-parent-is-a-file'), 'I am a file');
    const result = await dispatch('file:save-text', { suggestedName: 'x', kind: 'json', content: '{}' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^Saving the file failed: /);
    expect(await readdir(dir)).toEqual(['missing-parent-is-a-file']);
  });
});
