import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity } from '../../electron/pdf/certificate';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';
import { poppler } from './support/poppler';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');
// A consultant's SVG logo (a viewBox, no width or height, as design tools export them), and their accent.
const logoSvg = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Northwind mark -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><circle cx="20" cy="20" r="18" fill="#862e9c"/><rect x="46" y="8" width="70" height="24" rx="6" fill="#0b7285"/></svg>');
const accent = '#862e9c';

/** Pixels of a binary PPM (pdftoppm's default output) within a small distance of a colour. */
function pixelsNear(ppm: Buffer, hex: string): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [r, g, b] = [1, 3, 5].map((offset) => Number.parseInt(hex.slice(offset, offset + 2), 16)) as [number, number, number];
  let count = 0;
  for (let index = header[0].length; index + 2 < ppm.length; index += 3) {
    if (Math.abs(ppm[index]! - r) + Math.abs(ppm[index + 1]! - g) + Math.abs(ppm[index + 2]! - b) < 30) count += 1;
  }
  return count;
}

describe('document preview, branding and the PDF seal', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`previews the document the PDF will contain, with the consultant's branding, and is accessible (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page } = app;
      await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();

      // Branding is an app setting: the header's Settings button opens it on every screen.
      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'App settings' });
      await settings.getByRole('textbox', { name: 'Your name or firm' }).fill('Northwind Advisory');
      // A GIF is refused with a message that names it; nothing else changes.
      await settings.locator('input[type="file"]').setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1') });
      await settings.getByText('logo.gif is a GIF image: unsupported type, use PNG, JPEG or SVG.').waitFor();
      await settings.locator('input[type="file"]').setInputFiles({ name: 'northwind.svg', mimeType: 'image/svg+xml', buffer: logoSvg });
      await settings.getByRole('img', { name: 'Logo preview' }).waitFor();
      await settings.getByRole('textbox', { name: 'Accent colour' }).fill(accent);
      await settings.getByRole('textbox', { name: 'Your name or firm' }).click(); // closes the colour dropdown
      await page.screenshot({ path: join(screens, `settings-${colorScheme}.png`) });
      expect(await accessibilityViolations(page)).toEqual([]);
      await settings.getByRole('button', { name: 'Save' }).click();
      await settings.waitFor({ state: 'hidden' });

      // The workshop's ⋯ → Branding… opens the same settings, with what was saved.
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'Branding…' }).click();
      await settings.waitFor();
      expect(await settings.getByRole('textbox', { name: 'Your name or firm' }).inputValue()).toBe('Northwind Advisory');
      expect(await settings.getByRole('textbox', { name: 'Accent colour' }).inputValue()).toBe(accent);
      await settings.getByRole('button', { name: 'Cancel' }).click();
      await settings.waitFor({ state: 'hidden' });

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

      if (colorScheme === 'light') {
        // The PDF carries the branding: the SVG logo renders and the cover band and rules take the accent.
        const pdfPath = join(app.dataDir, 'branded.pdf');
        app.host.dialogs.saveAnswers.push(pdfPath);
        await page.getByRole('button', { name: 'More actions' }).click();
        await page.getByRole('menuitem', { name: 'PDF, A4 (sealed)…' }).click();
        await page.getByText(`Saved ${pdfPath}`).waitFor({ timeout: 30_000 });
        expect(poppler('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'])).toContain('NORTHWIND ADVISORY');
        expect(poppler('pdfsig', [pdfPath])).toContain('Signature is Valid.');
        const cover = join(projectRoot, 'test-results', 'pdf', 'branded-cover');
        mkdirSync(join(projectRoot, 'test-results', 'pdf'), { recursive: true });
        poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, cover]);
        expect(statSync(`${cover}.png`).size).toBeGreaterThan(5_000);
        poppler('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-singlefile', pdfPath, cover]);
        // The band (5 mm × page width) alone is ≈ 6 × 248 pixels at 30 dpi; the logo's teal bar shows the SVG was drawn.
        expect(pixelsNear(readFileSync(`${cover}.ppm`), accent)).toBeGreaterThan(1_000);
        expect(pixelsNear(readFileSync(`${cover}.ppm`), '#0b7285')).toBeGreaterThan(50);
        // The running header of page 2 carries the accent rule too.
        poppler('pdftoppm', ['-r', '150', '-f', '2', '-l', '2', '-H', '200', '-singlefile', pdfPath, `${cover}-page2`]);
        expect(pixelsNear(readFileSync(`${cover}-page2.ppm`), accent)).toBeGreaterThan(300);
      }

      // The signing panel says what the seal proves, and refuses a certificate with a wrong passphrase.
      await page.getByTestId('sign-button').click();
      const seal = page.getByTestId('seal-card');
      await expect.poll(() => seal.innerText(), { timeout: 30_000 }).toContain('Exported PDFs are sealed by Northwind Advisory, a certificate Accord made on this computer');
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
