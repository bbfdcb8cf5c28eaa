import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseLibraryFile } from '../../shared/model/library-file';
import { accessibilityViolations, createWorkshop, projectRoot, startApp, type RunningApp } from './support/app';

const screens = join(projectRoot, 'test-results', 'screens');

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const rows = (page: Page) => page.getByTestId('workshop-row');
const backupFiles = async (dataDir: string) => (await readdir(join(dataDir, 'backups'))).sort();

async function openLibrary(page: Page) {
  await page.getByRole('button', { name: 'Accord, back to the workshop library' }).click();
  await page.getByRole('heading', { name: 'Workshops', level: 1 }).waitFor();
}

async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
}

describe('backups in Chromium', () => {
  it('saves and writes the quit backup when the window is about to close, then says it is ready', async () => {
    app = await startApp();
    await createWorkshop(app.page, 'Closing time', 'Quit GmbH');
    await app.page.getByRole('textbox', { name: 'Workshop title' }).fill('Closing time, last edit');
    // What Electron's main process sends before it lets the window close.
    await app.sendMenuCommand('app:before-close');
    const folder = join(app.dataDir, 'backups');
    let quit: string | undefined;
    await expect.poll(async () => (quit = (await readdir(folder).catch(() => [] as string[])).find((name) => name.endsWith('-quit.json'))), { timeout: 15_000 }).toBeTruthy();
    const library = parseLibraryFile(await readFile(join(folder, quit!), 'utf8'));
    expect(library.workshops.map((workshop) => workshop.title)).toEqual(['Closing time, last edit']);
  }, 60_000);

  it('backs up, restores a deleted workshop (after backing up first), exports the library and imports it again', async () => {
    app = await startApp();
    const { page, dataDir } = app;
    await createWorkshop(page, 'Lead handoff 2027', 'Acme GmbH');
    await openLibrary(page);
    await createWorkshop(page, 'Qualification reset', 'Société Générale');
    await openLibrary(page);
    await expect.poll(() => rows(page).count()).toBe(2);

    await openBackups(page);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backups-outcome').getByText(/The library \(2 workshops\) is saved as accord-library-\d{8}-\d{6}-manual\.json\./).waitFor();
    const manual = page.getByTestId('backup-row').filter({ hasText: 'Backed up by hand' });
    await manual.waitFor();
    expect(await manual.innerText()).toMatch(/\b2\b/);

    // Delete one workshop, then restore the backup.
    await openLibrary(page);
    await page.getByRole('button', { name: 'Delete Qualification reset' }).click();
    await page.getByRole('button', { name: 'Delete workshop' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await openBackups(page);
    await manual.getByRole('button', { name: /^Restore the backup of / }).click();
    const dialog = page.getByRole('dialog', { name: /^Restore the backup of / });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('The library as it is now is backed up first, so you can undo this by restoring that backup.');
    await dialog.getByRole('button', { name: 'Restore this backup' }).click();
    // The window reloads onto the Backups screen, which says what happened.
    await page.getByTestId('backups-notice').getByText('Backup restored').waitFor({ timeout: 20_000 });
    await page.getByTestId('backup-row').filter({ hasText: 'Before a restore' }).waitFor();
    const files = await backupFiles(dataDir);
    expect(files.filter((name) => name.endsWith('-before-restore.json'))).toHaveLength(1);
    const beforeRestore = parseLibraryFile(await readFile(join(dataDir, 'backups', files.find((name) => name.endsWith('-before-restore.json'))!), 'utf8'));
    expect(beforeRestore.workshops.map((workshop) => workshop.title)).toEqual(['Lead handoff 2027']);
    await openLibrary(page);
    await expect.poll(async () => (await rows(page).allInnerTexts()).map((text) => text.split(/[\t\n]/)[0]).sort()).toEqual(['Lead handoff 2027', 'Qualification reset']);

    // Export the whole library, then import that file again.
    await openBackups(page);
    await page.getByRole('button', { name: 'Export library…' }).click();
    await page.getByTestId('backups-outcome').getByText('Library exported').waitFor();
    const saved = await readdir(join(dataDir, 'saved'));
    expect(saved).toEqual([expect.stringMatching(/^Accord library \d{4}-\d{2}-\d{2}\.json$/)]);
    const exportPath = join(dataDir, 'saved', saved[0]!);
    const exported = parseLibraryFile(await readFile(exportPath, 'utf8'));
    expect(exported.workshops.map((workshop) => workshop.title).sort()).toEqual(['Lead handoff 2027', 'Qualification reset']);
    expect(exported.agreements).toHaveLength(2);
    await page.getByTestId('library-import-input').setInputFiles(exportPath);
    const confirm = page.getByRole('dialog', { name: /^Replace the library with “Accord library/ });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('holds 2 workshops');
    await confirm.getByRole('button', { name: 'Replace the library' }).click();
    await page.getByTestId('backups-notice').getByText('Library imported').waitFor({ timeout: 20_000 });
    expect((await backupFiles(dataDir)).filter((name) => name.endsWith('-before-import.json'))).toHaveLength(1);
    await openLibrary(page);
    await expect.poll(() => rows(page).count()).toBe(2);
    expect(app.blockedRequests).toEqual([]);
  });

  it('refuses a file that is not a library, with the reason, and changes nothing', async () => {
    app = await startApp();
    const { page, dataDir } = app;
    await createWorkshop(page, 'Keep me', 'Acme');
    await openLibrary(page);
    await openBackups(page);
    await page.getByTestId('library-import-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"accord-library","fileVersion":1') });
    const alert = page.getByRole('alert').filter({ hasText: 'Nothing was changed' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/“notes\.json” was not imported: The file is not valid JSON/);
    await expect(readdir(join(dataDir, 'backups'))).rejects.toThrow();
    await openLibrary(page);
    expect(await rows(page).count()).toBe(1);
  });

  it.each(['light', 'dark'] as const)('has no accessibility violations on the Backups screen (%s theme)', async (colorScheme) => {
    app = await startApp({ colorScheme });
    const { page } = app;
    await createWorkshop(page, 'Accessible workshop', 'Acme');
    await openLibrary(page);
    await openBackups(page);
    await page.getByText('No backups yet').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByTestId('backup-row').first().waitFor();
    await page.waitForTimeout(300);
    expect(await accessibilityViolations(page)).toEqual([]);
    await mkdir(screens, { recursive: true });
    await page.screenshot({ path: join(screens, `backups-${colorScheme}.png`), fullPage: true });
    await page.getByTestId('backup-row').first().getByRole('button', { name: /^Restore the backup of / }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400); // let the opening transition finish: half-faded text fails contrast
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep the current library' }).click();
  });
});
