import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { identityStoreFor } from '../../electron/handlers/pdf';
import { createSelfSignedIdentity } from '../../electron/pdf/certificate';
import { exportAgreementPdf } from '../../electron/pdf/export';
import { parseAccordFile } from '../../shared/model/accord-file';
import { runAccord } from '../support/run-cli';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

// The attack, in the app as a person uses it: a PDF sealed with a new self-signed certificate that carries
// this computer's name and other terms verifies intact, and must say "unknown certificate" with another fingerprint;
// trusting it (name, confirm) and Settings → Seals; the CLI reads the same store.
let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;
const pairs = (fingerprint: string) => fingerprint.toUpperCase().match(/.{2}/g)!.join(':');

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(screens, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(sizes[0]);
}

describe('who made a seal, in the app', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`this computer, an unknown same-name certificate, trusting it, and Settings → Seals (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page, host } = app;
      await page.setViewportSize(sizes[0]);
      const fixture = join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord');
      await page.getByTestId('import-input').setInputFiles(fixture);
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
      const ownPath = join(app.dataDir, 'own.pdf');
      host.dialogs.saveAnswers.push(ownPath);
      await page.getByRole('button', { name: 'More actions' }).click();
      await page.getByRole('menuitem', { name: 'PDF, A4 (sealed)…' }).click();
      await page.getByText(`Saved ${ownPath}`).waitFor({ timeout: 60_000 });
      const own = (await identityStoreFor(host).peek())!;
      // No consultant is set: the certificate names the facilitator, never the client.
      const parsed = parseAccordFile(readFileSync(fixture, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect(own.subject).toBe(parsed.agreement.workshop.facilitator);
      expect(own.subject).not.toContain(parsed.agreement.workshop.client);

      // The attacker: the same name in a new certificate, and other terms.
      const forged = structuredClone(parsed.agreement);
      forged.revenuePlan.winRate = 5;
      const attacker = createSelfSignedIdentity({ commonName: own.subject, passphrase: 'attacker', bits: 2048 });
      const forgedPath = join(app.dataDir, 'forged.pdf');
      const context = { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: new Date().toISOString() };
      writeFileSync(forgedPath, await exportAgreementPdf(forged, context, { paper: 'A4', printToPdf: host.printToPdf, identity: attacker, fontDataUrl: await host.fontDataUrl() }));

      await page.getByRole('button', { name: 'Accord, back to the workshop library' }).click();
      await page.getByRole('button', { name: 'Verify a PDF' }).click();
      const result = page.getByTestId('verify-result');
      await page.getByTestId('verify-input').setInputFiles(ownPath);
      await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('own.pdf: Intact');
      expect(await page.getByTestId('verify-origin').innerText()).toBe('Sealed by this computer');
      expect(await page.getByTestId('verify-fingerprint').innerText()).toBe(pairs(own.fingerprint));
      expect(await page.getByTestId('trust-seal').count()).toBe(0);
      await result.scrollIntoViewIfNeeded();
      await shoot(page, `verify-this-computer-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByTestId('verify-input').setInputFiles(forgedPath);
      await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('forged.pdf: Intact, sealed by an unknown certificate');
      expect(await page.getByTestId('verify-origin').innerText()).toBe(`Sealed by an unknown certificate (it says “${own.subject}”): anyone can create one with this name`);
      const shown = await page.getByTestId('verify-fingerprint').innerText();
      expect(shown).toBe(pairs(attacker.fingerprint));
      expect(shown).not.toBe(pairs(own.fingerprint));
      await result.scrollIntoViewIfNeeded();
      await shoot(page, `verify-unknown-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByTestId('trust-seal').click();
      await page.getByRole('textbox', { name: /Whose seal is this\?/ }).fill('Northwind Advisory');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByTestId('trust-seal-form').scrollIntoViewIfNeeded();
      await shoot(page, `verify-trust-confirm-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Trust this seal' }).click();
      const today = new Date().toISOString().slice(0, 10);
      await expect.poll(() => page.getByTestId('verify-origin').innerText()).toBe(`Sealed by Northwind Advisory, trusted on ${today}`);
      await result.scrollIntoViewIfNeeded();
      await shoot(page, `verify-trusted-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);

      // The command line reads the same store.
      const env = { ACCORD_DATA_DIR: app.dataDir };
      expect((await runAccord(app.dataDir, ['verify', forgedPath], { env })).out).toContain(`Fingerprint (SHA-256): ${pairs(attacker.fingerprint)}\nOrigin: Sealed by Northwind Advisory, trusted on ${today}\n`);
      expect((await runAccord(app.dataDir, ['verify', ownPath], { env })).out).toContain(`Fingerprint (SHA-256): ${pairs(own.fingerprint)}\nOrigin: Sealed by this computer\n`);

      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'App settings' });
      await settings.getByRole('tab', { name: 'Seals' }).click();
      const table = settings.getByRole('table', { name: 'Trusted seals' });
      await expect.poll(() => table.innerText()).toContain('Northwind Advisory');
      expect(await table.innerText()).toContain(pairs(attacker.fingerprint));
      expect(await settings.getByTestId('settings-own-fingerprint').innerText()).toBe(pairs(own.fingerprint));
      await shoot(page, `settings-seals-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await table.getByRole('button', { name: 'Remove Northwind Advisory' }).click();
      await page.getByRole('dialog', { name: 'Stop trusting this seal?' }).getByRole('button', { name: 'Remove' }).click();
      await settings.getByTestId('no-trusted-seals').waitFor();
      expect((await runAccord(app.dataDir, ['verify', forgedPath], { env })).out).toContain('Origin: Sealed by an unknown certificate');
    }, 240_000);
  }
});
