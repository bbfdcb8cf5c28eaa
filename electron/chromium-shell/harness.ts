import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { accordApiChannels } from '../../shared/ipc/api';
import { ipcContract, ipcEvents, parseIpcEvent, windowMayCall, type IpcChannel, type IpcEvent, type IpcEventPayload, type IpcWindow, type MenuCommand, type OpenAccordFile } from '../../shared/ipc/contract';
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

/** The DOM event on which the harness hands the page an event of the contract. */
function domEventName(event: IpcEvent): string {
  return `accord-event:${event}`;
}

/**
 * The script that builds `window.accord` in every page: the same named
 * functions and subscriptions as the Electron preload, from the same contract.
 * Payloads are parsed with the contract's schemas in Node before they are
 * handed to the page (sendEvent below); here, a buffered event that arrives
 * before the page listens waits, as in the preload.
 */
export function bridgeInitScript(): string {
  const events = Object.entries(ipcEvents).map(([event, spec]) => ({ name: domEventName(event as IpcEvent), subscribe: spec.subscribe, buffered: spec.buffered }));
  return `(() => {
  const channels = ${JSON.stringify(accordApiChannels)};
  const events = ${JSON.stringify(events)};
  const invoke = window.__accordInvoke;
  const api = {};
  for (const [method, channel] of Object.entries(channels)) api[method] = (request) => invoke(channel, request);
  for (const { name, subscribe, buffered } of events) {
    const waiting = [];
    const listeners = new Set();
    window.addEventListener(name, (event) => {
      if (buffered && listeners.size === 0) waiting.push(event.detail);
      else for (const listener of listeners) listener(event.detail);
    });
    api[subscribe] = (listener) => {
      listeners.add(listener);
      for (const payload of waiting.splice(0)) listener(payload);
      return () => listeners.delete(listener);
    };
  }
  Object.defineProperty(window, 'accord', { value: Object.freeze(api), writable: false, configurable: false });
})();`;
}

/** Hands the page an event of the contract, as Electron's webContents.send does; a payload its schema refuses is never sent. */
async function sendEvent<E extends IpcEvent>(page: Page, event: E, payload: IpcEventPayload<E>): Promise<void> {
  const checked = parseIpcEvent(event, payload);
  if (checked === null) throw new Error(`Refused to send ${event}: the payload does not match the contract.`);
  await page.evaluate(`window.dispatchEvent(new CustomEvent(${JSON.stringify(domEventName(event))}, { detail: ${JSON.stringify(checked)} }))`);
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
    // Same rule as Electron's window check: the read-only presenter page may call only what the contract marks `presenter`.
    const name = String(channel);
    const window: IpcWindow = presenterPages.includes(source.page) ? 'presenter' : 'main';
    if (Object.hasOwn(ipcContract, name) && !windowMayCall(window, name as IpcChannel)) {
      return { ok: false, error: { code: 'forbidden-sender', message: `Refused ${name}: this window may not ask for it.` } };
    }
    return dispatch(name, request);
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
      await sendEvent(page, 'menu:command', command);
    },
    async openFile(path) {
      const file = await readAccordFile(path);
      await sendEvent(page, 'file:open-accord', file);
      await page.bringToFront();
      return file;
    },
    async close() {
      await context.close();
      await browser?.close();
    },
  };
}
