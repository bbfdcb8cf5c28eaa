import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { pageCount, poppler } from './support/poppler';
import { projectRoot, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const artefacts = join(projectRoot, 'test-results', 'pdf');

async function signAs(page: Page, name: string, method: 'draw' | 'type') {
  await page.getByRole('button', { name: `Sign as ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${name} signs version`) });
  await dialog.waitFor();
  if (method === 'draw') {
    const pad = dialog.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 120);
    await page.mouse.down();
    for (let step = 0; step <= 20; step += 1) await page.mouse.move(box.x + 30 + step * 18, box.y + 120 - Math.sin(step / 3) * 50, { steps: 2 });
    await page.mouse.up();
  } else {
    await dialog.getByText('Type my name', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Your name as signature' }).waitFor();
  }
  await dialog.getByRole('checkbox').check();
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function exportPdf(app: RunningApp, path: string) {
  app.host.dialogs.saveAnswers.push(path);
  await app.page.getByRole('button', { name: 'More actions' }).click();
  await app.page.getByRole('menuitem', { name: 'PDF, A4 (sealed)…' }).click();
  await app.page.getByText(`Saved ${path}`).waitFor({ timeout: 30_000 });
}

describe('sign, lock, amend and export in Chromium', () => {
  it('signs twice, locks, exports a sealed PDF that poppler accepts, amends, re-signs and exports v2', async () => {
    mkdirSync(artefacts, { recursive: true });
    app = await startApp();
    const { page } = app;
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    expect(await page.getByTestId('ready-button').innerText()).toBe('Ready to sign');

    await page.getByTestId('sign-button').click();
    await page.getByRole('button', { name: 'Start signing' }).click();
    const hash = ((await page.getByTestId('signing-hash').textContent()) ?? '').trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // People compare the short fingerprint (4 × 4 hex digits); the full hash is one click away.
    expect(await page.getByTestId('signing-hash-short').innerText()).toBe(hash.slice(0, 16).toUpperCase().replace(/(.{4})(?=.)/g, '$1 '));
    expect(await page.getByTestId('signing-hash').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show the full SHA-256' }).click();
    expect(await page.getByTestId('signing-hash').innerText()).toBe(hash);
    await signAs(page, 'Maria Chen', 'draw');
    await signAs(page, 'Tom Becker', 'type');
    await page.getByText('Version 1 is signed and locked').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('sign-button').innerText()).toBe('Signed');
    expect(await page.getByRole('textbox', { name: 'Facilitator', exact: true }).isDisabled()).toBe(true);

    const v1 = join(app.dataDir, 'acme-v1.pdf');
    await exportPdf(app, v1);
    expect(pageCount(v1)).toBeGreaterThanOrEqual(12);
    const text = poppler('pdftotext', ['-layout', v1, '-']);
    for (const title of ['Workshop and people', 'Revenue plan and funnel', 'Common vocabulary', 'Ideal customer profile', 'Decision makers', 'Engagement and triggers', 'Scoring and thresholds', 'Handoff and SLA', 'Rejection and recycling', 'Metrics and cadence', 'Parking lot, decisions, actions', 'Signatures', 'Audit']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Maria Chen');
    expect(text).toContain('Tom Becker');
    expect(text.replace(/\s+/g, '')).toContain(hash);
    expect(text).toContain('Signed version 1');
    const signatures = poppler('pdfsig', [v1]);
    expect(signatures).toContain('Signature is Valid.');
    expect(signatures).toContain('Total document signed');
    expect(poppler('pdfdetach', ['-list', v1])).toContain('agreement.json');
    poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', v1, join(artefacts, 'v1-cover')]);
    const last = pageCount(v1);
    poppler('pdftoppm', ['-png', '-r', '60', '-f', String(last - 1), '-l', String(last - 1), v1, join(artefacts, 'v1-signatures')]);

    // Amend: change the MQL rule and a first-touch target, see the diff, sign again.
    await page.getByTestId('sign-button').click();
    await page.getByRole('button', { name: 'Amend' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Parts of the agreement' }).getByRole('button', { name: /Scoring and thresholds/ }).click();
    await page.getByRole('combobox', { name: 'Fit grade at least' }).click();
    await page.getByRole('option', { name: 'A', exact: true }).click();
    // The changed rule needs both sides again (issue 13): a yes given for fit ≥ B is not a yes for fit ≥ A.
    const rule = page.locator('[data-consensus-bar]').filter({ has: page.getByRole('group', { name: 'Marketing’s position on grades and the MQL rule' }) });
    await rule.getByRole('button', { name: 'Marketing agrees' }).click();
    await rule.getByRole('button', { name: 'Sales agrees' }).click();
    await expect.poll(() => rule.getByTestId('consensus-state').innerText()).toBe('Agreed');
    await page.getByText('All changes saved').waitFor();
    await page.getByTestId('sign-button').click();
    const diff = page.getByTestId('amendment-diff');
    await expect.poll(() => diff.innerText()).toContain('MQL rule: fit ≥ B → fit ≥ A');
    await page.getByRole('button', { name: 'Start signing' }).click();
    await signAs(page, 'Maria Chen', 'type');
    await signAs(page, 'Tom Becker', 'type');
    await page.getByText('Version 2 is signed and locked').waitFor();
    const history = await page.getByRole('table', { name: 'Version history' }).innerText();
    expect(history).toMatch(/1\s+Signed/);
    expect(history).toMatch(/2\s+Signed/);
    // Each version was sealed by main the moment its signing completed (issue 13: never at export), over the history below it.
    await expect.poll(async () => ((await page.getByRole('table', { name: 'Version history' }).innerText()).match(/Sealed by this computer/g) ?? []).length).toBe(2);
    await page.keyboard.press('Escape');
    const v2 = join(app.dataDir, 'acme-v2.pdf');
    await exportPdf(app, v2);
    expect(poppler('pdftotext', ['-layout', v2, '-'])).toContain('Signed version 2');
    expect(poppler('pdfsig', [v2])).toContain('Signature is Valid.');

    // Verify in the app: intact, and found in this library.
    await page.getByRole('button', { name: 'Accord, back to the workshop library' }).click();
    await page.getByRole('button', { name: 'Verify a PDF' }).click();
    await page.getByTestId('verify-input').setInputFiles(v2);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('acme-v2.pdf: Intact');
    expect(await result.innerText()).toMatch(/Acme lead management agreement 2027, version 2 \(signed\)/);

    // A changed byte is detected.
    const bytes = readFileSync(v2);
    bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
    await page.getByTestId('verify-input').setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: bytes });
    await expect.poll(() => result.innerText()).toContain('changed.pdf: Changed after sealing');
  }, 180_000);
});
