import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../electron/handlers/index';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createAccordApi, type AccordBridge } from '../../../shared/ipc/api';

/**
 * Binds `window.accord` in the test DOM to the real handlers (the ones main runs) on
 * a temporary data folder, as the Chromium harness does in a real browser:
 * component tests then drive the real backup files, not a mock.
 */
export async function installShell(options: { now?: () => Date } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'accord-component-'));
  const host = createNodeHost({ appVersion: '0.0.0-test', userDataDir: dataDir, saveDir: join(dataDir, 'saved'), now: options.now });
  const dispatch = createDispatcher(createHandlers(host));
  // A structured clone, as the bridge does: nothing is shared between the page and main.
  const api = createAccordApi(async (channel, request) => structuredClone(await dispatch(channel, structuredClone(request))));
  const bridge = { ...api, onMenuCommand: () => () => {}, onOpenFile: () => () => {} } as AccordBridge;
  Object.defineProperty(window, 'accord', { value: bridge, configurable: true, writable: true });
  return {
    dataDir,
    host,
    async dispose() {
      Reflect.deleteProperty(window, 'accord');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
