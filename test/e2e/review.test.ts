import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';
import { poppler } from './support/poppler';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const sample = join(projectRoot, 'test', 'fixtures', 'review');
const screens = join(projectRoot, 'test-results', 'screens');

describe('SLA review in the app', () => {
  it('offers a generated sample to try a review at once', async () => {
    app = await startApp();
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles(join(sample, 'agreement.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'SLA review…' }).click();
    const panel = page.getByRole('dialog', { name: 'SLA review: what the CRM recorded' });
    await panel.getByRole('button', { name: /^Try a generated sample/ }).click();
    await expect.poll(() => panel.getByTestId('review-file-facts').innerText()).toContain('generated-sample-leads.csv');
    await panel.getByRole('button', { name: 'Review 2026-11-01 – 2026-12-31' }).click();
    await expect.poll(() => panel.getByTestId('review-results').innerText(), { timeout: 30_000 }).toContain('2026-11-01 – 2026-12-31: 460 MQLs');
  }, 90_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`reviews the generated sample: every commitment's state, and the leads behind a miss (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      mkdirSync(join(projectRoot, 'test-results', 'pdf'), { recursive: true });
      const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as { mqls: number; untouched: number; sqlMeasured: number; sqlUnanswered: number; sqlWithin: number; openOpportunities: number; openUpdatedWithin: number; complete: number };
      const pct = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('en-US')} %`;
      app = await startApp({ colorScheme });
      const { page } = app;
      await page.getByTestId('import-input').setInputFiles(join(sample, 'agreement.accord'));
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'SLA review…' }).click();
      const panel = page.getByRole('dialog', { name: 'SLA review: what the CRM recorded' });
      await panel.locator('input[type="file"]').setInputFiles(join(sample, 'leads.csv'));
      await expect.poll(() => panel.getByTestId('review-file-facts').innerText()).toContain('leads.csv');
      expect(await panel.getByLabel('MQL date', { exact: true }).inputValue()).toBe('MQL Date');
      await panel.getByLabel('From', { exact: true }).fill('2026-11-01');
      await panel.getByLabel('To', { exact: true }).fill('2026-12-31');
      await panel.getByRole('button', { name: 'Review 2026-11-01 – 2026-12-31' }).click();
      const results = panel.getByTestId('review-results');
      await results.waitFor({ timeout: 30_000 });
      expect(await results.innerText()).toContain(`2026-11-01 – 2026-12-31: ${truth.mqls} MQLs`);
      const touch = panel.getByRole('article').or(panel.locator('[aria-label^="First touch after MQL:"]'));
      await touch.first().waitFor();
      expect(await panel.locator('[aria-label^="First touch after MQL:"]').innerText()).toMatch(/% within 4 business hours/);
      expect(await results.innerText()).toContain(`${truth.untouched} × No first touch recorded`);
      // The three kinds that used to vanish are on the screen, with the sample's truth; nothing is signed, so the draft is named.
      expect(await panel.getByTestId('review-version').innerText()).toBe('Agreement reviewed: the draft (nothing is signed yet)');
      expect(await panel.locator('[aria-label^="Accept or return SQLs:"]').innerText()).toContain(`${pct(truth.sqlWithin / (truth.sqlMeasured + truth.sqlUnanswered))} of ${truth.sqlMeasured + truth.sqlUnanswered} SQLs accepted or returned within 2 business days`);
      expect(await panel.locator('[aria-label^="Opportunities updated:"]').innerText()).toContain(`${pct(truth.openUpdatedWithin / truth.openOpportunities)} of ${truth.openOpportunities} open opportunities updated within 7 days`);
      expect(await panel.locator('[aria-label^="Handed-over leads with all required fields:"]').innerText()).toContain(`${pct(truth.complete / truth.mqls)} of ${truth.mqls} MQLs with all 8 required fields`);
      await panel.locator('[aria-label^="First touch after MQL:"]').getByRole('button', { name: /^Show the \d+ leads behind the miss$/ }).click();
      const rows = panel.getByRole('region', { name: 'Leads behind the miss: First touch after MQL' });
      await rows.waitFor();
      expect(await rows.locator('tbody tr').count()).toBeGreaterThan(10);
      await panel.getByRole('img', { name: 'MQLs per week against the plan' }).locator('svg.recharts-surface').first().waitFor();
      await page.screenshot({ path: join(screens, `review-${colorScheme}.png`) });
      expect(await accessibilityViolations(page)).toEqual([]);

      if (colorScheme === 'light') {
        // The review report: sealed PDF and Markdown, counts only (no lead ids).
        const pdfPath = join(app.dataDir, 'review.pdf');
        app.host.dialogs.saveAnswers.push(pdfPath);
        await panel.getByRole('button', { name: 'Report, PDF (sealed)…' }).click();
        await page.getByText(`Saved ${pdfPath}`).waitFor({ timeout: 30_000 });
        const text = poppler('pdftotext', ['-layout', pdfPath, '-']);
        for (const expected of ['SLA review 1 Nov – 31 Dec 2026', 'Commitments: actual against target', 'First touch after', 'Accept or return', 'Opportunities', 'Handed-over', 'Time to win', 'Stage conversion against the plan', 'Data problems']) expect(text).toContain(expected);
        // Metrics wrap inside their table cell; the counts line names no data apart, and the measured KPI without a target apart from it.
        expect(text).toMatch(/Commitments +\d+ met, \d+ at risk, \d+ missed, 0 no data; 1 not judged: no target/);
        expect(text).toContain('the draft (nothing is signed yet)');
        expect(text).not.toContain('L0000006');
        const sig = poppler('pdfsig', [pdfPath]);
        expect(sig).toContain('Signature is Valid.');
        expect(sig).toContain('Total document signed');
        expect(poppler('pdfdetach', ['-list', pdfPath])).toContain('review.json');
        poppler('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', pdfPath, join(projectRoot, 'test-results', 'pdf', 'review-commitments')]);
        const markdownPath = join(app.dataDir, 'review.md');
        app.host.dialogs.saveAnswers.push(markdownPath);
        await panel.getByRole('button', { name: 'Markdown…' }).click();
        await page.getByText(`Saved ${markdownPath}`).waitFor();
        expect(readFileSync(markdownPath, 'utf8')).toMatch(/^# SLA review 1 Nov – 31 Dec 2026\n/);
      }

      // Kept for the trend (results only): a second period shows both reviews side by side.
      await expect.poll(() => panel.getByRole('table', { name: 'Trend across reviews' }).innerText()).toContain('1 Nov – 31 Dec 2026');
      await panel.getByLabel('To', { exact: true }).fill('2026-11-30');
      await panel.getByRole('button', { name: 'Review 2026-11-01 – 2026-11-30' }).click();
      await expect.poll(() => panel.getByRole('table', { name: 'Trend across reviews' }).innerText()).toMatch(/1 Nov – 30 Nov 2026[\s\S]*1 Nov – 31 Dec 2026|1 Nov – 31 Dec 2026[\s\S]*1 Nov – 30 Nov 2026/);
      expect(await accessibilityViolations(page)).toEqual([]);
    }, 120_000);
  }
});
