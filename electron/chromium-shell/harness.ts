import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { accordApiChannels } from '../../shared/ipc/api';
import { MAX_ACCORD_FILE_BYTES, type MenuCommand, type OpenAccordFile } from '../../shared/ipc/events';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import type { Host } from '../handlers/host';
import { createHandlers } from '../handlers/index';
import { createDispatcher, type Dispatch } from '../ipc/dispatch';
import { mimeTypeFor, resolveInsideRoot } from '../main/app-protocol';
import { readAccordFile } from '../main/open-files';
import { chromiumArgs, findBrowser, howToGetABrowser } from './find-browser';

/**
 * The renderer's origin in the Chromium shell. Requests to it are answered
 * from the build folder by the harness itself; `.invalid` can never resolve,
 * so nothing can leave the machine even by mistake. Fixed, so IndexedDB in a
 * persistent profile is found again on the next start.
 */
export const SHELL_ORIGIN = 'https://accord.invalid';

/** A browser the harness could not start, with what to do about it. */
export class ShellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellError';
  }
}

/** A running Chromium shell. */
export interface Shell {
  context: BrowserContext;
  page: Page;
  dispatch: Dispatch;
  /** Every request the renderer tried to make outside the app's origin (all were refused). */
  blockedRequests: string[];
  /** Opens another page of the app (e.g. the presenter view) in the same profile. */
  openPage(path?: string): Promise<Page>;
  /** Sends a native-menu command, as Electron's menu would. */
  sendMenuCommand(command: MenuCommand): Promise<void>;
  /**
   * Opens an `.accord` file as a double-click or File → Open… does in Electron:
   * reads it here (size-limited, the same reader as main) and hands it to the
   * page, which imports it like its Import button. Rejects with the reason when
   * the file cannot be read.
   */
  openFile(path: string): Promise<OpenAccordFile>;
  close(): Promise<void>;
}

/** The script that builds `window.accord` in every page: the same named functions as the Electron preload. */
export function bridgeInitScript(): string {
  return `(() => {
  const channels = ${JSON.stringify(accordApiChannels)};
  const invoke = window.__accordInvoke;
  const api = {};
  for (const [method, channel] of Object.entries(channels)) api[method] = (request) => invoke(channel, request);
  api.onMenuCommand = (listener) => {
    const handler = (event) => listener(event.detail);
    window.addEventListener('accord:menu-command', handler);
    return () => window.removeEventListener('accord:menu-command', handler);
  };
  // Like the preload: files that arrive before the page listens wait; malformed ones never reach it.
  const waiting = [];
  const fileListeners = new Set();
  window.addEventListener('accord:open-file', (event) => {
    const file = event.detail;
    if (!file || typeof file.name !== 'string' || typeof file.content !== 'string' || file.content.length > ${MAX_ACCORD_FILE_BYTES}) return;
    const copy = { name: file.name, content: file.content };
    if (fileListeners.size === 0) waiting.push(copy);
    else for (const listener of fileListeners) listener(copy);
  });
  api.onOpenFile = (listener) => {
    fileListeners.add(listener);
    for (const file of waiting.splice(0)) listener(file);
    return () => fileListeners.delete(listener);
  };
  Object.defineProperty(window, 'accord', { value: Object.freeze(api), writable: false, configurable: false });
})();`;
}

/** Answers every request of a context: files of `rendererDir` on the app's origin; everything else is refused and recorded. */
export async function serveRenderer(context: BrowserContext, rendererDir: string, blocked: string[]): Promise<void> {
  await context.route('**/*', (route) => serve(route, rendererDir, blocked));
}

async function serve(route: Route, rendererDir: string, blocked: string[]): Promise<void> {
  const url = route.request().url();
  if (!url.startsWith(`${SHELL_ORIGIN}/`)) {
    blocked.push(url);
    await route.abort('blockedbyclient');
    return;
  }
  const path = resolveInsideRoot(rendererDir, new URL(url).pathname);
  if (!path) {
    await route.fulfill({ status: 404, body: 'Not found' });
    return;
  }
  try {
    const body = await readFile(path);
    await route.fulfill({
      status: 200,
      body,
      headers: { 'content-type': mimeTypeFor(path), 'content-security-policy': contentSecurityPolicy, 'x-content-type-options': 'nosniff' },
    });
  } catch {
    await route.fulfill({ status: 404, body: 'Not found' });
  }
}

/**
 * Starts the production renderer build in Debian's Chromium (or any Chrome),
 * with `window.accord` bound to the real handlers running here in Node.
 * `profileDir` keeps IndexedDB between runs; without it the profile is fresh.
 */
export async function launchShell(options: {
  rendererDir: string;
  host: Host;
  projectRoot: string;
  profileDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  colorScheme?: 'light' | 'dark';
  navigate?: boolean;
}): Promise<Shell> {
  const found = findBrowser({ platform: process.platform, env: process.env, projectRoot: options.projectRoot });
  if (!found) {
    const explicit = process.env.ACCORD_BROWSER;
    throw new ShellError(explicit ? `ACCORD_BROWSER points to ${explicit}, which does not exist.` : howToGetABrowser);
  }
  if (found.kind === 'electron') {
    throw new ShellError('ACCORD_SHELL=electron: run the real app with "npm start"; the Chromium shell drives Chromium or Chrome only.');
  }
  const launchOptions = {
    executablePath: found.path,
    headless: options.headless ?? true,
    args: chromiumArgs,
  };
  const contextOptions = {
    viewport: options.viewport === undefined ? { width: 1366, height: 860 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: 'block' as const,
  };
  let browser: Browser | null = null;
  let context: BrowserContext;
  try {
    if (options.profileDir) {
      context = await chromium.launchPersistentContext(options.profileDir, { ...launchOptions, ...contextOptions });
    } else {
      browser = await chromium.launch(launchOptions);
      context = await browser.newContext(contextOptions);
    }
  } catch (error) {
    throw new ShellError(`Chromium at ${found.path} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const blockedRequests: string[] = [];
  // The presenter view is a second page of the same profile (same origin, so BroadcastChannel reaches it).
  const presenterPages: Page[] = [];
  const host: Host = {
    ...options.host,
    async openPresenter(workshopId) {
      const page = await context.newPage();
      presenterPages.push(page);
      await page.goto(`${SHELL_ORIGIN}/index.html#/presenter/${workshopId}`);
      return 'page';
    },
  };
  const dispatch = createDispatcher(createHandlers(host), (message) => console.error(message));
  await serveRenderer(context, options.rendererDir, blockedRequests);
  await context.exposeBinding('__accordInvoke', async (source, channel: unknown, request: unknown) => {
    // Same rule as Electron's sender check: only the main frame of our own origin may call.
    const frameUrl = source.frame.url();
    if (source.frame.parentFrame() !== null || !frameUrl.startsWith(`${SHELL_ORIGIN}/`)) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'Refused: the request did not come from Accord’s own page.' } };
    }
    return dispatch(String(channel), request);
  });
  await context.addInitScript({ content: bridgeInitScript() });

  const openPage = async (path = '/index.html') => {
    const page = await context.newPage();
    await page.goto(`${SHELL_ORIGIN}${path}`);
    return page;
  };
  const page = context.pages()[0] ?? (await context.newPage());
  if (options.navigate !== false) await page.goto(`${SHELL_ORIGIN}/index.html`);
  return {
    context,
    page,
    dispatch,
    blockedRequests,
    openPage,
    async sendMenuCommand(command) {
      await page.evaluate(`window.dispatchEvent(new CustomEvent('accord:menu-command', { detail: ${JSON.stringify(command)} }))`);
    },
    async openFile(path) {
      const file = await readAccordFile(path);
      await page.evaluate(`window.dispatchEvent(new CustomEvent('accord:open-file', { detail: ${JSON.stringify(file)} }))`);
      await page.bringToFront();
      return file;
    },
    async close() {
      await context.close();
      await browser?.close();
    },
  };
}
