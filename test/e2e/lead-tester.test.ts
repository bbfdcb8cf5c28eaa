import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');

describe('lead tester', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`scores a typed and a pasted lead as you type, with every reason (${colorScheme})`, async () => {
      mkdirSync(screens, { recursive: true });
      app = await startApp({ colorScheme });
      const { page } = app;
      await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
      await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
      await page.getByRole('button', { name: 'Test a lead' }).click();
      const drawer = page.getByRole('dialog', { name: 'Test a lead against the agreed rules' });
      await drawer.waitFor();
      expect(await drawer.getByTestId('tester-grade').innerText()).toBe('D1');

      await drawer.getByLabel('employees', { exact: true }).fill('200');
      await expect.poll(() => drawer.getByTestId('tester-fit').innerText()).toBe('30');
      await drawer.getByLabel('industry', { exact: true }).fill('Software');
      await expect.poll(() => drawer.getByTestId('tester-fit').innerText()).toBe('50');
      expect(await drawer.getByRole('list', { name: 'Reasons' }).innerText()).toContain('annualRevenue is unknown, so no points');

      await drawer.getByLabel('Paste a lead', { exact: true }).fill('region: DACH\nemployees: 200\nindustry: Software\nannualRevenue: 50,000,000\nusesCrm: yes\njobFunction: Sales\nseniority: VP\npricingPageVisits: 2\nwebinarAttended: 1\nfavouriteColour: blue');
      await drawer.getByRole('button', { name: 'Fill from the pasted lead' }).click();
      await expect.poll(() => drawer.getByTestId('tester-grade').innerText()).toBe('A2');
      expect(await drawer.getByTestId('tester-fit').innerText()).toBe('100');
      expect(await drawer.getByTestId('tester-stage').innerText()).toBe('MQL: goes to sales');
      // The fields show what was pasted, typed.
      expect(await drawer.getByLabel('annualRevenue', { exact: true }).inputValue()).toBe('50,000,000');
      expect(await drawer.innerText()).toContain('Not used (the agreement has no rule on them): favouriteColour.');
      const reasons = await drawer.getByRole('list', { name: 'Reasons' }).innerText();
      expect(reasons).toContain('Decision-maker grid: Sales × VP (+25 fit)');
      expect(reasons).toContain('Decay: the date of the last activity is unknown, so no decay is applied');

      await drawer.getByLabel('jobTitle', { exact: true }).fill('Student of marketing');
      await expect.poll(() => drawer.getByTestId('tester-stage').innerText()).toBe('Disqualified');
      await drawer.getByLabel('jobTitle', { exact: true }).blur();
      await page.screenshot({ path: join(screens, `lead-tester-${colorScheme}.png`) });
      expect(await accessibilityViolations(page)).toEqual([]);
    }, 90_000);
  }
});
