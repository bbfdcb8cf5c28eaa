import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity } from '../../electron/pdf/certificate';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');
// A 2×1 PNG, standing in for a consultant's logo.
const logoPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGNgYPj/n4GBgQEADv4B/1NDiMkAAAAASUVORK5CYII=', 'base64');

describe('document preview, branding and the PDF seal', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`previews the document the PDF will contain, with the consultant's branding, and is accessible (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page } = app;
      await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();

      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Cover page branding…' }).click();
      const branding = page.getByRole('dialog', { name: 'Cover page branding' });
      await branding.getByRole('textbox', { name: 'Your name or firm' }).fill('Northwind Advisory');
      await branding.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng });
      await branding.getByRole('img', { name: 'Logo preview' }).waitFor();
      await branding.getByRole('button', { name: 'Save' }).click();
      await branding.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Preview document' }).click();
      const preview = page.getByRole('article', { name: 'Agreement document' });
      await preview.waitFor();
      const text = await preview.innerText();
      for (const title of ['Workshop and people', 'Revenue plan and funnel', 'Common vocabulary', 'Ideal customer profile', 'Decision makers', 'Engagement and triggers', 'Scoring and thresholds', 'Handoff and SLA', 'Rejection and recycling', 'Metrics and cadence', 'Parking lot, decisions, actions', 'Signatures', 'Audit']) {
        expect(text).toContain(title);
      }
      expect(text).toContain('Draft, not signed');
      expect(text).toMatch(/Content SHA-256 [0-9a-f]{64}/);
      expect(text.toUpperCase()).toContain('NORTHWIND ADVISORY');
      await preview.getByRole('img', { name: 'Northwind Advisory logo' }).waitFor();
      await page.screenshot({ path: join(screens, `preview-${colorScheme}.png`) });
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await preview.waitFor({ state: 'hidden' });

      // The signing panel says what the seal proves, and refuses a certificate with a wrong passphrase.
      await page.getByTestId('sign-button').click();
      const seal = page.getByTestId('seal-card');
      await expect.poll(() => seal.innerText(), { timeout: 30_000 }).toContain('Exported PDFs are sealed by Dana Facilitator, Acme GmbH, a certificate Accord made on this computer');
      expect(await seal.innerText()).toContain('What a self-signed seal does not prove: who sealed it.');
      await seal.getByRole('button', { name: 'Seal with your own certificate (.p12)…' }).click();
      const own = createSelfSignedIdentity({ commonName: 'Priya Raman', organisation: 'Northwind Advisory', passphrase: 'correct horse', bits: 1024 });
      const p12Path = join(app.dataDir, 'mine.p12');
      writeFileSync(p12Path, own.p12);
      await seal.locator('input[type="file"]').setInputFiles(p12Path);
      await seal.getByLabel('Passphrase').fill('wrong');
      await seal.getByRole('button', { name: 'Use this certificate' }).click();
      await expect.poll(() => seal.innerText()).toContain('the passphrase is wrong or the file is not a PKCS#12 certificate');
      await page.screenshot({ path: join(screens, `signing-panel-${colorScheme}.png`) });
      expect(await accessibilityViolations(page)).toEqual([]);
      await seal.getByLabel('Passphrase').fill('correct horse');
      await seal.getByRole('button', { name: 'Use this certificate' }).click();
      await expect.poll(() => seal.innerText()).toContain('Exported PDFs are sealed by Priya Raman, Northwind Advisory, your own certificate');
    }, 120_000);
  }

  it('the Verify screen is accessible and says clearly when a file is not a PDF', async () => {
    app = await startApp({ colorScheme: 'dark' });
    const { page } = app;
    await page.getByRole('button', { name: 'Verify a PDF' }).click();
    await page.getByTestId('verify-input').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just some text') });
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('notes.pdf: Not a PDF');
    await page.screenshot({ path: join(screens, 'verify-not-pdf-dark.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);
});
