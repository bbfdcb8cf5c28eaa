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
  it('scores a typed and a pasted lead with every reason, reads the title and the e-mail as the rules need them, names attributes for people (light and dark, 1366 and 1920)', async () => {
    mkdirSync(screens, { recursive: true });
    app = await startApp({ colorScheme: 'light' });
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    // An agreement from before display names: attributes read their template names.
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    await page.getByRole('button', { name: 'Test a lead' }).click();
    const drawer = page.getByRole('dialog', { name: 'Test a lead against the agreed rules' });
    await drawer.waitFor();
    expect(await drawer.getByTestId('tester-grade').innerText()).toBe('D1');

    await drawer.getByLabel('Employees', { exact: true }).fill('200');
    await expect.poll(() => drawer.getByTestId('tester-fit').innerText()).toBe('30');
    await drawer.getByLabel('Industry', { exact: true }).fill('Software');
    await expect.poll(() => drawer.getByTestId('tester-fit').innerText()).toBe('50');
    expect(await drawer.getByRole('list', { name: 'Reasons' }).innerText()).toContain('Annual revenue is unknown, so no points');

    await drawer
      .getByLabel('Paste a lead', { exact: true })
      .fill('Jane Doe, call after 3 pm\nRegion: DACH\nEmployees: 200\nIndustry: Software\nAnnual revenue: 50,000,000\nUses a CRM: yes\nJob title: VP Sales\nE-mail: jane.doe@acme.com\nPricing page visits: 2\nWebinar attended: yes\nFavourite colour: blue');
    await drawer.getByRole('button', { name: 'Fill from the pasted lead' }).click();
    await expect.poll(() => drawer.getByTestId('tester-grade').innerText()).toBe('A2');
    expect(await drawer.getByTestId('tester-fit').innerText()).toBe('100');
    expect(await drawer.getByTestId('tester-stage').innerText()).toBe('MQL: goes to sales');
    expect(await drawer.getByLabel('Annual revenue', { exact: true }).inputValue()).toBe('50,000,000');
    // The title was read as function × seniority (with the keyword shown), the address as its domain.
    expect(await drawer.getByLabel('Job function', { exact: true }).inputValue()).toBe('Sales');
    expect(await drawer.getByLabel('Seniority', { exact: true }).inputValue()).toBe('VP');
    expect(await drawer.innerText()).toContain('From the job title: keyword “vp”');
    expect(await drawer.getByLabel('E-mail domain', { exact: true }).inputValue()).toBe('acme.com');
    const unused = await drawer.getByRole('region', { name: 'Not used' }).innerText();
    expect(unused).toContain('Jane Doe, call after 3 pm: not a “name: value” line');
    expect(unused).toContain('Favourite colour: blue: the agreement has no rule on it');
    expect(unused).not.toContain('Webinar');
    let reasons = await drawer.getByRole('list', { name: 'Reasons' }).innerText();
    expect(reasons).toContain('Decision-maker grid: Sales × VP (+25 fit)');
    expect(reasons).toContain('Webinar attended × 1: +15 engagement');
    // People read display names, never the machine keys.
    for (const key of ['annualRevenue', 'usesCrm', 'emailDomain', 'jobTitle', 'jobFunction']) expect(await drawer.innerText()).not.toContain(key);

    // The person corrects what the table read.
    await drawer.getByLabel('Seniority', { exact: true }).fill('Director');
    await expect.poll(async () => drawer.getByRole('list', { name: 'Reasons' }).innerText()).toContain('Decision-maker grid: Sales × Director');
    // A personal address feeds the personal-domain disqualifier its domain.
    await drawer.getByLabel('E-mail address', { exact: true }).fill('jane@gmail.com');
    await expect.poll(() => drawer.getByTestId('tester-stage').innerText()).toBe('Disqualified');
    reasons = await drawer.getByRole('list', { name: 'Reasons' }).innerText();
    expect(reasons).toContain('Disqualified: Personal e-mail domains (E-mail domain is one of gmail.com');

    // Nothing is under the result: it sits beside the inputs, within the window, at both sizes.
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      const result = (await drawer.getByRole('region', { name: 'Result' }).boundingBox())!;
      const inputs = (await drawer.getByLabel('Paste a lead', { exact: true }).boundingBox())!;
      expect(inputs.x + inputs.width).toBeLessThanOrEqual(result.x);
      expect(result.y + result.height).toBeLessThanOrEqual(size.height);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await drawer.getByLabel('E-mail address', { exact: true }).blur();
        await page.screenshot({ path: join(screens, `lead-tester-${size.width}-${colorScheme}.png`) });
        // axe once per scheme (what it checks does not change with the window's size; each run takes seconds).
        if (size.width === 1366) expect(await accessibilityViolations(page)).toEqual([]);
      }
    }
  }, 120_000);
});
