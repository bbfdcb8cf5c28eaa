import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SHELL_ORIGIN } from '../../electron/chromium-shell/harness';
import { writeSyntheticExport } from '../bench/synthetic-crm';
import { poppler } from './support/poppler';
import { startApp, waitUntilInteractive, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

/**
 * Whether a URL stays on this computer. The app's own origin (app://accord in
 * Electron, https://accord.invalid here, answered by the harness from
 * out/renderer) and data:/blob: URLs, which the page makes from bytes it
 * already holds (the bundled font, signatures, workers, downloads). Anything
 * else, a CDN, an analytics beacon, a font service, even localhost, would be
 * a request leaving the app.
 */
function isLocal(url: string): boolean {
  return url.startsWith(`${SHELL_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:');
}

describe('no network', () => {
  it('a full workshop flow requests nothing outside the app: template, edits, lead test, calibration, preview, PDF, presenter', async () => {
    app = await startApp();
    const { page, context } = app;
    const seen: string[] = [];
    const record = (request: Request) => seen.push(request.url());
    // Every page of the profile (the presenter opens a second one) and its workers.
    context.on('request', record);
    // From the very first request: start again now that we listen.
    await page.reload();
    await waitUntilInteractive(page);

    // A workshop from a template, as a person makes one.
    await page.getByRole('button', { name: 'New workshop' }).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Offline flow');
    await page.getByRole('textbox', { name: 'Client organisation', exact: true }).fill('Acme GmbH');
    await page.getByText('Sample: X Education leads (behaviour)', { exact: true }).click();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();

    // A few parts edited.
    const nav = page.getByRole('navigation', { name: 'Parts of the agreement' });
    await nav.getByRole('button', { name: /Workshop and people/ }).click();
    await page.getByRole('textbox', { name: 'Facilitator', exact: true }).fill('Dana Lee');
    await nav.getByRole('button', { name: /Common vocabulary/ }).click();
    await page.getByRole('textbox', { name: 'Definition', exact: true }).first().fill('Fits the profile and meets the MQL rule.');
    const card = page.getByTestId('item-card').first();
    await card.getByRole('button', { name: 'Marketing agrees' }).click();
    await card.getByRole('button', { name: 'Sales agrees' }).click();
    await expect.poll(() => card.getByTestId('consensus-state').innerText()).toBe('Agreed');

    // A lead tested.
    await page.getByRole('button', { name: 'Test a lead' }).click();
    const tester = page.getByRole('dialog', { name: 'Test a lead against the agreed rules' });
    await tester.getByLabel('Paste a lead', { exact: true }).fill('TotalVisits: 12\nTotal Time Spent on Website: 1500');
    await tester.getByRole('button', { name: 'Fill from the pasted lead' }).click();
    await expect.poll(() => tester.getByTestId('tester-grade').innerText()).toMatch(/^[A-D]\d$/);
    await page.keyboard.press('Escape');
    await tester.waitFor({ state: 'hidden' });

    // Calibrated on a small export (the sample's mapping fits it).
    const csv = join(app.dataDir, 'leads.csv');
    await writeSyntheticExport(csv, 3000);
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const panel = page.getByRole('dialog', { name: 'Calibrate the rules on your CRM data' });
    await panel.locator('input[type="file"]').first().setInputFiles(csv);
    await expect.poll(() => panel.getByTestId('calibration-file-facts').innerText()).toMatch(/^leads\.csv: /);
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    await expect.poll(() => panel.getByTestId('calibration-results').innerText(), { timeout: 30_000 }).toMatch(/Rows scored\s+[\d,]+/);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // The document previewed, then exported as a sealed PDF from the preview.
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Preview document' }).click();
    const documentText = await page.getByRole('article', { name: 'Agreement document' }).innerText();
    expect(documentText).toContain('Offline flow');
    expect(documentText).toContain('Calibration on the company’s own data');
    const pdfPath = join(app.dataDir, 'offline-flow.pdf');
    app.host.dialogs.saveAnswers.push(pdfPath);
    await page.getByRole('button', { name: /Export PDF/ }).click();
    await page.getByText(`Saved ${pdfPath}`).waitFor({ timeout: 30_000 });
    expect(existsSync(pdfPath)).toBe(true);
    expect(poppler('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'])).toContain('Offline flow');

    // The presenter view, opened with its button, shows the workshop.
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open the presenter window' }).click();
    const presenter = await opened;
    await presenter.getByTestId('presenter-title').waitFor();
    await presenter.waitForLoadState('networkidle');
    await page.waitForLoadState('networkidle');

    const outside = seen.filter((url) => !isLocal(url));
    const own = seen.filter((url) => url.startsWith(`${SHELL_ORIGIN}/`)).length;
    console.log(`no-network: ${seen.length} requests seen (${own} to the app's own origin, ${seen.length - own - outside.length} data:/blob:), ${outside.length} outside; the harness refused ${app.blockedRequests.length}`);
    expect(seen.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
    expect(app.blockedRequests).toEqual([]);
  }, 120_000);
});
