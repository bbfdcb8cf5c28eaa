import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, findBrowser, howToGetABrowser } from '../../electron/chromium-shell/find-browser';
import { serveRenderer, SHELL_ORIGIN } from '../../electron/chromium-shell/harness';
import { median, type BenchFigure } from './format';
import { buildRendererForProduction } from '../../build/scripts/build-renderer';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The JavaScript the first screen loads: the entry script and its static imports (modulepreload), gzipped. */
export function initialJavaScriptGzipBytes(rendererDir: string): number {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1]!);
  return [...new Set(sources)].reduce((total, source) => total + gzipSync(readFileSync(join(rendererDir, source))).length, 0);
}

/** Opens one window of the app in a context and returns navigation → interactive, in ms. */
async function timeToInteractive(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${SHELL_ORIGIN}/index.html`);
    await page.waitForFunction(() => performance.getEntriesByName('accord:interactive').length > 0, undefined, { timeout: 30_000 });
    return await page.evaluate(() => performance.getEntriesByName('accord:interactive')[0]!.startTime);
  } finally {
    await page.close();
  }
}

/** A context that serves one build; storage lives as long as the context. */
async function contextFor(browser: Browser, dir: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
  await serveRenderer(context, dir, []);
  return context;
}

/** Puts a consultant's typical library (12 workshops) into the app's database, as the app itself stores them. */
async function seedLibrary(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${SHELL_ORIGIN}/index.html`);
  await page.waitForFunction(() => performance.getEntriesByName('accord:interactive').length > 0);
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('accord');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const transaction = db.transaction('workshops', 'readwrite');
    const store = transaction.objectStore('workshops');
    for (let index = 0; index < 12; index += 1) {
      const title = `Lead handoff agreement ${2015 + index}`;
      const client = `Client ${String.fromCharCode(65 + index)} GmbH`;
      store.put({ id: `seed-${index}`, title, client, status: index % 3 === 0 ? 'signed' : 'draft', createdAt: 1_700_000_000_000 + index, updatedAt: 1_700_000_000_000 + index * 1000, searchText: `${title} ${client}`.toLowerCase() });
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  });
  await page.close();
}

/**
 * `startup`: navigation → library interactive for the production build,
 * against a minimal React page (the floor), interleaved in one run; median
 * of `runs` each. The app opens on a profile holding a library of 12
 * workshops (the everyday start); the first-ever start on an empty profile
 * is reported too.
 */
export async function benchStartup(runs = 15): Promise<BenchFigure[]> {
  const found = findBrowser({ platform: process.platform, env: process.env, projectRoot });
  if (!found || found.kind !== 'chromium') throw new Error(howToGetABrowser);
  const appDir = join(projectRoot, 'out', 'renderer');
  buildRendererForProduction();
  const floorDir = await mkdtemp(join(tmpdir(), 'accord-floor-'));
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'startup-floor'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: floorDir, emptyOutDir: true, target: 'chrome130' },
  });
  const browser = await chromium.launch({ executablePath: found.path, headless: true, args: chromiumArgs });
  const app: number[] = [];
  const floor: number[] = [];
  const firstRun: number[] = [];
  try {
    // The everyday start: the app's profile already holds a library; each run opens a new window.
    const appContext = await contextFor(browser, appDir);
    const floorContext = await contextFor(browser, floorDir);
    await seedLibrary(appContext);
    await timeToInteractive(floorContext); // warm-up, not counted
    for (let run = 0; run < runs; run += 1) {
      app.push(await timeToInteractive(appContext));
      floor.push(await timeToInteractive(floorContext));
    }
    await appContext.close();
    await floorContext.close();
    // The very first start on a machine: empty profile, the database is created.
    for (let run = 0; run < 5; run += 1) {
      const fresh = await contextFor(browser, appDir);
      firstRun.push(await timeToInteractive(fresh));
      await fresh.close();
    }
  } finally {
    await browser.close();
    await rm(floorDir, { recursive: true, force: true });
  }
  const appMedian = median(app);
  const floorMedian = median(floor);
  return [
    { id: 'startup.app-ms', value: appMedian, unit: 'ms' },
    { id: 'startup.floor-ms', value: floorMedian, unit: 'ms' },
    { id: 'startup.ratio', value: appMedian / floorMedian, unit: 'x', target: { op: '<=', value: 1.5 } },
    { id: 'startup.first-run-ms', value: median(firstRun), unit: 'ms' },
    { id: 'startup.first-run-ratio', value: median(firstRun) / floorMedian, unit: 'x' },
    { id: 'startup.initial-js-gzip-kb', value: initialJavaScriptGzipBytes(appDir) / 1024, unit: 'kB', target: { op: '<=', value: 250 } },
  ];
}
