/**
 * The Verify screen on the PDF attack corpus (test/fixtures/pdf-attacks/): the
 * genuine export is Intact, every attack is not, each with the verifier's own
 * sentence; screenshots at 1366×768 and 1920×1080, light and dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

const folder = join(projectRoot, 'test', 'fixtures', 'pdf-attacks');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { file: string; expected: 'intact' | 'not-intact' }[];
const screens = join(projectRoot, 'test-results', 'screens');

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

async function verifyFile(page: Page, file: string): Promise<string> {
  await page.getByTestId('verify-input').setInputFiles({ name: file, mimeType: 'application/pdf', buffer: readFileSync(join(folder, file)) });
  const result = page.getByTestId('verify-result');
  await expect.poll(async () => ((await result.count()) > 0 ? await result.innerText() : ''), { timeout: 30_000 }).toContain(`${file}: `);
  return result.innerText();
}

describe('the Verify screen on the attack corpus', () => {
  it('shows the genuine export as Intact with the hashes compared, and every attack as not intact', async () => {
    app = await startApp({ colorScheme: 'light' });
    const { page } = app;
    await page.getByRole('button', { name: 'Verify a PDF' }).click();

    const genuine = await verifyFile(page, 'genuine.pdf');
    expect(genuine).toContain('genuine.pdf: Intact');
    expect(await page.getByTestId('verify-metadata-hash').innerText()).toBe('The same');
    expect(await page.getByTestId('verify-pages-hash').innerText()).toBe('Yes, in full (found in the page text)');
    expect(genuine).not.toMatch(/matches the hash printed in the document/);
    expect(await accessibilityViolations(page)).toEqual([]);

    for (const entry of manifest) {
      const text = await verifyFile(page, entry.file);
      const headline = text.split('\n')[0]!;
      // Intact, possibly followed by who sealed it ("…, sealed by an unknown certificate"); anything else never says intact.
      if (entry.expected === 'intact') expect(headline, entry.file).toMatch(new RegExp(`^${entry.file.replace(/\./g, '\\.')}: Intact(, sealed by [^,]+)?$`));
      else expect(headline, `${entry.file}\n${text}`).not.toMatch(/intact/i);
    }
    expect(await verifyFile(page, 'isa-page-text.pdf')).toMatch(/^isa-page-text\.pdf: Changed after sealing: an update was added\n/);
    expect(await verifyFile(page, 'swa-wrapping.pdf')).toMatch(/swa-wrapping\.pdf: Changed after sealing\n[\s\S]*bytes that are not the signature are left out of the seal/);
    const second = await verifyFile(page, 'second-signature.pdf');
    expect(second).toContain('second-signature.pdf: More than one signature: changed after sealing');
    expect(await page.getByTestId('verify-signatures').innerText()).toMatch(/Signature2/);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Validly sealed by the victim's key, but the attachments are not the one an Accord PDF carries: the reason is shown.
    expect(await verifyFile(page, 'hidden-attachment-extra.pdf')).toContain('the sealed document carries 2 attachments (“agreement.json”, “agreement-final.json”), but an Accord PDF carries exactly one');
    expect(await verifyFile(page, 'hidden-attachment-unparsable.pdf')).toContain('the sealed document’s attachment agreement.json is not a readable Accord agreement');
    const mismatch = await verifyFile(page, 'sealed-attachment-mismatch.pdf');
    expect(mismatch).toContain('sealed-attachment-mismatch.pdf: Changed after sealing');
    expect(await page.getByTestId('verify-pages-hash').innerText()).toBe('No: the page text does not show it');
  }, 240_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`is readable with the genuine file and an attack at 1366×768 and 1920×1080 (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page } = app;
      await page.getByRole('button', { name: 'Verify a PDF' }).click();
      for (const [width, height] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const file of ['genuine.pdf', 'swa-wrapping.pdf', 'second-signature.pdf']) {
          await verifyFile(page, file);
          await page.screenshot({ path: join(screens, `verify-${file.replace('.pdf', '')}-${width}x${height}-${colorScheme}.png`), fullPage: true });
        }
      }
      expect(await accessibilityViolations(page)).toEqual([]);
    }, 180_000);
  }
});
