import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchShell, type Shell } from '../../../electron/chromium-shell/harness';
import { createNodeHost } from '../../../electron/hosts/node-host';

export const projectRoot = resolve(import.meta.dirname, '..', '..', '..');

/** A running app in Chromium, with its own temporary profile and data folder. */
export interface RunningApp extends Shell {
  dataDir: string;
  host: ReturnType<typeof createNodeHost>;
  /** Closes the browser and removes the temporary folders. */
  dispose(): Promise<void>;
}

/** Starts the production build in Chromium through the harness, on a fresh persistent profile. */
export async function startApp(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<RunningApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'accord-e2e-'));
  const host = createNodeHost({ appVersion: '0.0.0-test', userDataDir: dataDir, saveDir: join(dataDir, 'saved'), projectRoot });
  const shell = await launchShell({
    rendererDir: join(projectRoot, 'out', 'renderer'),
    host,
    projectRoot,
    profileDir: join(dataDir, 'profile'),
    colorScheme: options.colorScheme ?? 'light',
  });
  await waitUntilInteractive(shell.page);
  return {
    ...shell,
    dataDir,
    host,
    async dispose() {
      await shell.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the library to be usable (the app marks it). */
export async function waitUntilInteractive(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('accord:interactive').length > 0, undefined, { timeout: 20_000 });
}

/** Runs axe-core on the page (WCAG 2.1 A and AA) and returns the violations, summarised. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // ACCORD_AXE_DETAIL=1 adds each node's HTML and axe's reason, for debugging a failure.
  const detail = process.env.ACCORD_AXE_DETAIL === '1';
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ') + (detail ? ` ${node.html} ${node.failureSummary ?? ''}` : '')).join(', ')})`);
}

/** Creates a workshop through the UI, as a person would. */
export async function createWorkshop(page: Page, title: string, client = ''): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).first().click();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  if (client) await page.getByRole('textbox', { name: 'Client organisation', exact: true }).fill(client);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
}
