import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { identityStoreFor } from '../../electron/handlers/pdf';
import { formatFingerprint } from '../../shared/model/seal-origin';
import { testIdentities } from '../fixtures/accord-attacks/make-attacks';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

// Issue 13, section 3, as a person meets it: a tampered .accord file (version 1 edited, its hashes recomputed, the
// seal kept) imports as a draft with a warning that stays; an honest sealed file shows who sealed it by fingerprint.
let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const corpus = join(projectRoot, 'test', 'fixtures', 'accord-attacks');
const screens = join(projectRoot, 'test-results', 'screens');
const sizes = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

async function shoot(page: Page, name: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(screens, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(sizes[0]);
}

describe('.accord seals in the app', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`a tampered file imports as a draft with the warning; a sealed one says who sealed it (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page, host } = app;
      await page.setViewportSize(sizes[0]);
      // This computer's sealing identity is the corpus's "installation" key.
      const { installation, stranger } = testIdentities();
      await identityStoreFor(host).importP12(installation.p12, installation.passphrase);

      await page.getByTestId('import-input').setInputFiles(join(corpus, 'edited-hash-recomputed.accord'));
      const warning = page.getByRole('alert').filter({ hasText: 'edited-hash-recomputed.accord: Imported as a draft, not as signed' });
      await warning.waitFor();
      expect(await warning.innerText()).toContain("The file says version 1 is signed, but version 1's seal does not match it: the version, or the history of versions before it, was changed after it was sealed, or the seal was made for another version. Nothing in this workshop is signed: its signatures were not imported.");
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
      // Never as signed: the workshop is a draft that can be edited and signed again.
      expect(await page.getByTestId('sign-button').innerText()).toBe('Sign');
      expect(await page.getByRole('textbox', { name: 'Facilitator', exact: true }).isDisabled()).toBe(false);
      // The warning stays until dismissed (a notification that fades could be missed).
      await page.waitForTimeout(6_000);
      expect(await warning.isVisible()).toBe(true);
      await shoot(page, `accord-import-warning-${colorScheme}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await warning.getByRole('button', { name: 'Dismiss this message' }).click();

      // An honest file sealed by this computer, then one sealed by a stranger whose certificate claims the same name.
      for (const [file, origin, fingerprint] of [
        ['honest-sealed.accord', 'Sealed by this computer', installation.fingerprint],
        ['honest-sealed-by-stranger.accord', 'Sealed by an unknown certificate (it says “Dana Facilitator”): anyone can create one with this name', stranger.fingerprint],
      ] as const) {
        await page.getByRole('button', { name: 'Library' }).first().click();
        await page.getByTestId('import-input').setInputFiles(join(corpus, file));
        await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
        expect(await page.getByTestId('sign-button').innerText()).toBe('Signed');
        await page.getByTestId('sign-button').click();
        const history = page.getByRole('table', { name: 'Version history' });
        await history.getByText(origin).waitFor();
        expect(await history.innerText()).toContain(formatFingerprint(fingerprint));
        const name = file === 'honest-sealed.accord' ? 'this-computer' : 'unknown';
        await history.scrollIntoViewIfNeeded();
        await shoot(page, `accord-sealed-by-${name}-${colorScheme}`);
        expect(await accessibilityViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
      }
    }, 180_000);
  }
});
