import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSyntheticExport } from '../bench/synthetic-crm';
import { hasSharedData, sharedDataDir } from '../support/shared-data';
import { col, expectedMqls, rewrite, rows, windows1252 } from '../support/xeducation-locales';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');

describe('calibration of a large export', () => {
  it('runs in the background with progress, keeps the window responsive, and cancels without storing anything', async () => {
    app = await startApp();
    const { page } = app;
    const path = join(app.dataDir, 'big-export.csv');
    await writeSyntheticExport(path, 1_000_000);
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'calibration', 'xeducation', 'agreement.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const panel = page.getByRole('dialog', { name: 'Calibrate the rules on your CRM data' });
    await panel.locator('input[type="file"]').first().setInputFiles(path);
    await expect.poll(() => panel.getByTestId('calibration-file-facts').innerText()).toMatch(/^big-export\.csv: \d+\.\d MB, UTF-8/);
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    const cancel = panel.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    // From the keyboard (a notification may sit over the corner where the button is).
    await cancel.focus();
    // The page answers while the worker reads: a script runs while the run is in progress (checked during the whole-file
    // number check, which takes seconds, so the check cannot race the end of the run).
    expect(await page.evaluate(() => document.title)).toBe('Accord');
    expect(await cancel.isVisible()).toBe(true);
    // Polled often: the run must still be going when Cancel is pressed. The first rows come after the whole-file number
    // check, which takes 20 s and more on a loaded 2-core machine: a bound for a hang, not a speed test. Should the worker
    // be past its last chunk when the key is pressed, its result is not kept (tested in calibration-store.test.ts).
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[role="dialog"] [role="status"]')).some((element) => /[1-9][\d,]* rows read/.test(element.textContent ?? '')), undefined, { polling: 25, timeout: 75_000 });
    await page.keyboard.press('Enter');
    await panel.getByRole('button', { name: 'Run the calibration' }).waitFor();
    expect(await panel.getByTestId('calibration-results').count()).toBe(0);
    expect(await panel.getByTestId('calibration-error').count()).toBe(0);
  }, 180_000);
});

describe.skipIf(!hasSharedData)('calibration in the app', () => {
  it('imports Leads.csv, suggests the mapping, runs in a worker and shows the results; they survive a reload', async () => {
    mkdirSync(screens, { recursive: true });
    app = await startApp();
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'calibration', 'xeducation', 'agreement.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const panel = page.getByRole('dialog', { name: 'Calibrate the rules on your CRM data' });
    await panel.waitFor();
    await panel.locator('input[type="file"]').first().setInputFiles(join(sharedDataDir, 'xeducation', 'Leads.csv'));
    await expect.poll(() => panel.getByTestId('calibration-file-facts').innerText()).toContain('Leads.csv: 2.4 MB, UTF-8, separated by “,”, 37 columns.');
    // Suggested from names and values.
    expect(await panel.getByLabel('Column for Occupation', { exact: true }).inputValue()).toBe('What is your current occupation');
    expect(await panel.getByLabel('Outcome column', { exact: true }).inputValue()).toBe('Converted');
    await page.screenshot({ path: join(screens, 'calibration-mapping.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Text to categories: say what one of the export's own values means.
    await panel.getByRole('button', { name: 'Map the export’s values' }).first().click();
    await panel.getByLabel('Occupation: what “Other” counts as', { exact: true }).click();
    await page.getByRole('option', { name: 'Working Professional' }).click();
    await expect.poll(() => panel.getByRole('button', { name: /^Hide \(1 mapped\)$/ }).count()).toBe(1);

    // The shipped sample mapping for this export: the same numbers as `accord score` prints.
    await panel.getByRole('button', { name: 'Use the X Education leads (behaviour) mapping' }).click();
    await expect.poll(() => panel.getByLabel('Column for Second on the website', { exact: true }).inputValue()).toBe('Total Time Spent on Website');
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    const results = panel.getByTestId('calibration-results');
    await results.waitFor({ timeout: 30_000 });
    const text = await results.innerText();
    expect(text).toMatch(/MQLs by the rule\s+2,011\s+1,234 succeeded/);
    expect(text).toContain('1.59 ×');
    expect(text).toContain('9,240');
    expect(text).toContain('38.5 %');
    expect(text).toContain('3,561 successes');
    expect(await panel.getByRole('table', { name: 'Conversion with and without each rule' }).innerText()).toMatch(/Working professionals[\s\S]*Predicts success/);
    const sweepChart = panel.getByRole('img', { name: /Threshold sweep of the fit score/ });
    await sweepChart.scrollIntoViewIfNeeded();
    await sweepChart.locator('svg.recharts-surface').first().waitFor();
    await sweepChart.screenshot({ path: join(screens, 'calibration-sweep.png') });
    await results.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screens, 'calibration-results.png'), fullPage: false });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Precision, recall and lift in plain words, from the counts above: 1,234 of 2,011 MQLs converted, 3,561 of 9,240 leads.
    const plain = await results.getByTestId('calibration-plain').innerText();
    expect(plain).toContain(`Of 100 leads the rule passes, ${((1234 / 2011) * 100).toFixed(1)} convert; without the rule, ${((3561 / 9240) * 100).toFixed(1)} do.`);
    expect(plain).toContain(`It catches ${((1234 / 3561) * 100).toFixed(1)} of every 100 leads that convert.`);
    // The sweep shows the threshold now and the plan's need: 450,000 ÷ 3,000 deals ÷ (30 % × 85 % × 60 % × 80 %) MQLs a quarter.
    const sweepCard = panel.getByTestId('calibration-sweep');
    const facts = sweepCard.getByTestId('calibration-sweep-facts');
    expect(await facts.innerText()).toContain('Now: the MQL rule asks for fit grade C or better, which starts at a fit score of 20');
    expect(await facts.innerText()).toContain(`The revenue plan needs ${Math.ceil(450_000 / 3_000 / (0.3 * 0.85 * 0.6 * 0.8)).toLocaleString('en-US')} MQLs in its 13-week period`);
    // "Use this threshold" at 25: the agreement changes and, the export being still chosen, the calibration runs again.
    await sweepCard.getByRole('slider', { name: 'Fit threshold to try' }).focus();
    await page.keyboard.press('ArrowRight');
    await sweepCard.getByRole('button', { name: 'Use this threshold (25)' }).click();
    await expect.poll(() => facts.innerText()).toContain('starts at a fit score of 25');
    await expect.poll(() => panel.getByTestId('calibration-stale').count(), { timeout: 30_000 }).toBe(0);
    expect(await results.innerText()).not.toMatch(/MQLs by the rule\s+2,011\s/);
    expect(await sweepCard.getByTestId('calibration-edit').innerText()).toContain('Changed in the agreement: Fit grade C starts at a fit score of 25 (was 20)');
    await sweepCard.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screens, 'calibration-sweep-used.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    // ACCORD_SCREENS=1: the sweep and the sentences at both sizes, light and dark, to look at (not needed to pass).
    if (process.env.ACCORD_SCREENS === '1') {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
          await page.setViewportSize({ width, height });
          await results.getByTestId('calibration-plain').evaluate((element) => element.scrollIntoView({ block: 'center' }));
          await page.screenshot({ path: join(screens, `calibration-plain-${width}-${scheme}.png`) });
          await sweepCard.evaluate((element) => element.scrollIntoView({ block: 'start' }));
          await page.screenshot({ path: join(screens, `calibration-sweep-used-${width}-${scheme}.png`) });
          await panel.getByRole('table', { name: 'Conversion with and without each rule' }).evaluate((element) => element.scrollIntoView({ block: 'center' }));
          await page.screenshot({ path: join(screens, `calibration-rules-${width}-${scheme}.png`) });
        }
        expect(await accessibilityViolations(page)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    // Undo (one step): the threshold and the figures as they were.
    await sweepCard.getByRole('button', { name: 'Undo this change' }).click();
    await expect.poll(() => results.innerText(), { timeout: 30_000 }).toMatch(/MQLs by the rule\s+2,011\s+1,234 succeeded/);
    expect(await facts.innerText()).toContain('starts at a fit score of 20');

    // The agreement document carries the calibration summary.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Preview document' }).click();
    const documentText = await page.getByRole('article', { name: 'Agreement document' }).innerText();
    expect(documentText).toContain('Calibration on the company’s own data');
    expect(documentText).toMatch(/Lift over the base rate\s+1\.59 ×/);
    // A usable run is printed by default; unticked, the document (and so the PDF) leaves it out.
    const printCalibration = page.getByRole('checkbox', { name: 'Print the calibration result in the PDF' });
    expect(await printCalibration.isChecked()).toBe(true);
    await printCalibration.uncheck();
    await expect.poll(() => page.getByRole('article', { name: 'Agreement document' }).innerText()).not.toContain('Calibration on the company’s own data');
    await printCalibration.check();
    await expect.poll(() => page.getByRole('article', { name: 'Agreement document' }).innerText()).toContain('Calibration on the company’s own data');
    await page.keyboard.press('Escape');

    // Stored with the workshop (mapping and results, not rows): still there after a reload.
    await page.reload();
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Calibrate' }).click();
    await expect.poll(() => page.getByTestId('calibration-results').innerText()).toContain('3,561 successes');
  }, 180_000);

  it('offers the samples as workshops with their mapping, says clearly when a file is not a CSV, and joins the accounts', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    await page.getByRole('button', { name: 'New workshop' }).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Try calibration');
    await page.getByText('Sample: CRM opportunities (firmographics)').click();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const panel = page.getByRole('dialog', { name: 'Calibrate the rules on your CRM data' });
    // The sample's mapping is there before any file is chosen.
    await expect.poll(async () => (await panel.getByLabel('Column for Sector', { exact: true }).getAttribute('placeholder')) ?? '').toBe('accounts.sector (not in this file)');
    await panel.locator('input[type="file"]').first().setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) });
    await expect.poll(() => panel.getByTestId('calibration-error').innerText()).toContain('photo.csv is not a text CSV file (it looks like binary data).');
    expect(await panel.getByTestId('calibration-results').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The real export, joined to its accounts with the sample's mapping.
    await panel.locator('input[type="file"]').first().setInputFiles(join(sharedDataDir, 'crm-opportunities', 'sales_pipeline.csv'));
    await panel.locator('input[type="file"]').nth(1).setInputFiles(join(sharedDataDir, 'crm-opportunities', 'accounts.csv'));
    await expect.poll(() => panel.getByLabel('Join: column of the accounts file', { exact: true }).inputValue()).toBe('account');
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    const results = panel.getByTestId('calibration-results');
    await results.waitFor({ timeout: 30_000 });
    const text = await results.innerText();
    // The closed deals engaged within the 180-day cycle of the latest one are left out by default, and said so.
    expect(text).toMatch(/Rows scored\s+3,649\s+8,800 read, 2,089 skipped/);
    expect(text).toContain('2,394 successes');
    expect(await results.getByTestId('calibration-recency').innerText()).toContain('3,062 leads dated after 2017-06-30 (younger than the 180-day sales cycle at 2017-12-27, the latest lead date; 1,844 of them converted already)');
    expect(text).toContain('1,589 × outcome “Engaging” is neither success nor failure (first on line 11)');
    // The switch counts them: every closed deal.
    await results.getByRole('switch', { name: 'Count the 3,062 leads too recent to judge' }).check();
    await expect.poll(() => results.innerText()).toMatch(/Rows scored\s+6,711\s+8,800 read, 2,089 skipped/);
    expect(await results.innerText()).toContain('4,238 successes');
    await panel.getByRole('img', { name: /Leads and MQLs per month/ }).waitFor();
    // Dated leads: the sweep's MQLs a month against the plan's need a month.
    const facts = panel.getByTestId('calibration-sweep-facts');
    expect(await facts.innerText()).toMatch(/MQLs are a month over the \d+ months the export spans/);
    await panel.getByTestId('calibration-sweep').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screens, 'calibration-sweep-plan-dark.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);
});

describe.skipIf(!hasSharedData)('a German Excel export in the app', () => {
  it('shows the decimal comma found in the whole file, lets the person override it, and gives the MQLs of the original', async () => {
    mkdirSync(screens, { recursive: true });
    app = await startApp();
    const { page } = app;
    const path = join(app.dataDir, 'Leads-de.csv');
    writeFileSync(path, windows1252(rewrite(';', ',', '.')));
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'calibration', 'xeducation', 'agreement.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Calibrate' }).click();
    const panel = page.getByRole('dialog', { name: 'Calibrate the rules on your CRM data' });
    await panel.locator('input[type="file"]').first().setInputFiles(path);
    await expect.poll(() => panel.getByTestId('calibration-number-formats').innerText(), { timeout: 20_000 }).toBe('Decimal comma in “Total Time Spent on Website”, “Page Views Per Visit”; the other numeric columns use a decimal point or whole numbers.');
    await panel.getByRole('button', { name: 'Use the X Education leads (behaviour) mapping' }).click();
    await expect.poll(() => panel.getByLabel('Decimal separator of Page Views Per Visit', { exact: true }).inputValue()).toBe('As the file shows: decimal comma (2,5 · 1.234,5 · 1 234,5)');
    // A count column, not a list of values to pick from.
    expect(await panel.getByRole('row', { name: /Page view per visit/ }).innerText()).toContain('The number in the column is the count');
    // Blank-like values are listed with their counts; only the obvious ones are ticked.
    const empties = panel.getByTestId('calibration-empty-values');
    expect(await empties.getByRole('checkbox', { name: '“Select” means empty' }).isChecked()).toBe(true);
    expect(await empties.getByRole('checkbox', { name: '“unknown” means empty' }).isChecked()).toBe(false);
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    const results = panel.getByTestId('calibration-results');
    await results.waitFor({ timeout: 30_000 });
    expect(await results.innerText()).toMatch(new RegExp(`MQLs by the rule\\s+${expectedMqls().toLocaleString('en-US')}\\s`));
    expect(await panel.getByTestId('calibration-not-numbers').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    // Overridden to a decimal point, the decimal commas are reported as not numbers, never silently unknown.
    await panel.getByLabel('Decimal separator of Page Views Per Visit', { exact: true }).click();
    await page.getByRole('option', { name: 'Always decimal point (2.5 · 1,234.5)' }).click();
    await panel.getByRole('button', { name: 'Run the calibration' }).click();
    const withComma = rows.filter((row) => row[col('Page Views Per Visit')]!.includes('.')).length;
    await expect.poll(() => panel.getByTestId('calibration-not-numbers').innerText(), { timeout: 30_000 }).toContain(`${withComma.toLocaleString('en-US')} values in “Page Views Per Visit” are not numbers`);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
