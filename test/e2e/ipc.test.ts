import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {} from '../../renderer/platform/accord';
import { accordApiChannels } from '../../shared/ipc/api';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('window.accord in the Chromium shell', () => {
  it('exposes named functions only, bound to the real handlers', async () => {
    app = await startApp();
    const surface = await app.page.evaluate(() => Object.keys(window.accord ?? {}).sort());
    // Exactly the contract's named functions and the two event subscriptions: no raw invoke, nothing else.
    expect(surface).toEqual([...Object.keys(accordApiChannels), 'onMenuCommand', 'onOpenFile'].sort());
    expect(surface).not.toContain('invoke');
    const info = await app.page.evaluate(() => window.accord!.getAppInfo({}));
    expect(info).toEqual({ ok: true, value: { name: 'Accord', version: '0.0.0-test', shell: 'chromium', platform: process.platform } });
  });

  it('refuses an invalid request with a clear error and writes nothing', async () => {
    app = await startApp();
    const result = await app.page.evaluate(() =>
      // Deliberately wrong: a path instead of a file name, as a compromised page might try.
      window.accord!.saveTextFile({ suggestedName: '../../../../tmp/owned', kind: 'markdown', content: 'x' }),
    );
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/^Refused file:save-text: suggestedName: The file name may not contain/) } });
    expect(app.host.dialogs.saveRequests).toEqual([]);
    expect(await readdir(app.dataDir)).toEqual(['profile']);
  });

  it('writes a valid file through the host', async () => {
    app = await startApp();
    const result = await app.page.evaluate(() => window.accord!.saveTextFile({ suggestedName: 'Notes', kind: 'markdown', content: '# Agreed' }));
    const path = join(app.dataDir, 'saved', 'Notes.md');
    expect(result).toEqual({ ok: true, value: { saved: true, path, bytes: 8 } });
    expect(await readFile(path, 'utf8')).toBe('# Agreed');
  });

  it('delivers native-menu commands: New Workshop opens the dialog', async () => {
    app = await startApp();
    await app.sendMenuCommand('workshop:new');
    await app.page.getByRole('dialog', { name: 'New workshop' }).waitFor();
  });
});
