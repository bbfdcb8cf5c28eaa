import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot, startApp, waitUntilInteractive, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const fixture = join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord');

/** The colour scheme Mantine applied to the page (what the person sees). */
function appliedScheme(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));
}

describe('opening an .accord file from outside the app (double-click, File → Open…, an argument)', () => {
  it('imports it through the Import button’s path and opens the workshop; a damaged file changes nothing and says why', async () => {
    app = await startApp();
    const { page } = app;
    const path = join(app.dataDir, 'Acme 2027.accord');
    await copyFile(fixture, path);

    // What a double-click does in Electron: main reads the file and hands it to the page.
    await app.openFile(path);
    await expect.poll(() => page.getByRole('textbox', { name: 'Workshop title' }).inputValue()).toBe('Acme lead management agreement 2027');
    await page.getByText('Imported Acme 2027.accord.').waitFor();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/workshop\//);

    // A damaged file: the same message as the Import button, and the library is as it was.
    const damaged = join(app.dataDir, 'damaged.accord');
    await writeFile(damaged, (await readFile(fixture, 'utf8')).replace('"schemaVersion": 1', '"schemaVersion": "one"'), 'utf8');
    await app.sendMenuCommand('library:show');
    await page.getByRole('heading', { name: 'Workshops' }).waitFor();
    await app.openFile(damaged);
    await page.getByText('Not imported', { exact: true }).waitFor();
    expect(await page.getByText(/^damaged\.accord was not imported\./).count()).toBe(1);
    expect(await page.getByText('Acme lead management agreement 2027', { exact: true }).count()).toBe(1);

    // Not an .accord file: refused before anything reaches the page.
    await expect(app.openFile(join(app.dataDir, 'notes.txt'))).rejects.toThrow('notes.txt is not an Accord file (.accord).');
  }, 60_000);
});

describe('the application menu’s commands in the page', () => {
  it('Theme: System follows the OS live, Light and Dark override it and are remembered; the header shows the choice', async () => {
    app = await startApp({ colorScheme: 'light' });
    const { page } = app;
    expect(await appliedScheme(page)).toBe('light');
    await page.getByRole('button', { name: /^Colour theme: follow the system\./ }).waitFor();
    // The OS turns dark: "System" follows at once, without a reload.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => appliedScheme(page)).toBe('dark');

    await app.sendMenuCommand('view:theme-light');
    await expect.poll(() => appliedScheme(page)).toBe('light');
    await page.getByRole('button', { name: /^Colour theme: light\./ }).waitFor();
    // A setting of this computer: still light after a restart of the page, although the OS is dark.
    await page.reload();
    await waitUntilInteractive(page);
    expect(await appliedScheme(page)).toBe('light');
    expect(await page.evaluate(() => localStorage.getItem('mantine-color-scheme-value'))).toBe('light');

    await app.sendMenuCommand('view:theme-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => appliedScheme(page)).toBe('dark');
    await app.sendMenuCommand('view:theme-system');
    await expect.poll(() => appliedScheme(page)).toBe('light');
    await page.getByRole('button', { name: /^Colour theme: follow the system\./ }).waitFor();
  }, 60_000);

  it('Help, Settings and Export reach the right screens and dialogs', async () => {
    app = await startApp();
    const { page } = app;
    await app.sendMenuCommand('help:shortcuts');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.getByRole('table', { name: 'Application shortcuts' }).waitFor();
    expect(await shortcuts.innerText()).toContain('Open an .accord file');
    await page.keyboard.press('Escape');
    await shortcuts.waitFor({ state: 'hidden' });

    await app.sendMenuCommand('app:settings');
    await page.getByRole('dialog', { name: 'App settings' }).waitFor();
    await page.keyboard.press('Escape');

    await app.sendMenuCommand('export:accord');
    await page.getByText('Open a workshop first; File → Export exports the workshop on screen.').waitFor();

    await app.sendMenuCommand('help:verify');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/verify');

    // File → Export → Accord File in a workshop saves that workshop.
    await app.sendMenuCommand('library:show');
    await page.getByTestId('import-input').setInputFiles(fixture);
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    const saved = join(app.dataDir, 'exported.accord');
    app.host.dialogs.saveAnswers.push(saved);
    await app.sendMenuCommand('export:accord');
    await page.getByText(`Saved ${saved}`).waitFor({ timeout: 20_000 });
    expect(JSON.parse(await readFile(saved, 'utf8'))).toMatchObject({ format: 'accord', agreement: { workshop: { title: 'Acme lead management agreement 2027' } } });

    // Backups…, Import Library… and Export → Library… open the Backups screen.
    await app.sendMenuCommand('library:backups');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/backups');
  }, 60_000);
});
