import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';
import { signByTypedName } from './support/signing';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

async function goTo(page: Page, title: string) {
  await page.getByRole('navigation', { name: 'Parts of the agreement' }).getByRole('button', { name: new RegExp(title) }).click();
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
}

/** The consensus bar of one item, found by how the screen names it to assistive technology. */
const bar = (page: Page, itemLabel: string) => page.locator('[data-consensus-bar]').filter({ has: page.getByRole('group', { name: `Marketing’s position on ${itemLabel}` }) });

describe('consensus follows the content in Chromium (issue 13)', () => {
  it('25 % → 22 % and one click by sales is not "Agreed"; the readiness list names it; undo restores; an amendment keeps only unchanged items agreed', async () => {
    app = await startApp();
    const { page } = app;
    // A ready draft from a file written before positions kept hashes: opened, each position counts for the content it has.
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    expect(await page.getByTestId('ready-button').innerText()).toBe('Ready to sign');

    await goTo(page, 'Revenue plan and funnel');
    const plan = bar(page, 'the revenue plan');
    expect(await plan.getByTestId('consensus-state').innerText()).toBe('Agreed');
    const winRate = page.getByRole('textbox', { name: 'Win rate (opportunity → won)' });
    expect(await winRate.inputValue()).toBe('25 %');
    await winRate.fill('22');
    await winRate.blur();
    await expect.poll(() => plan.getByTestId('consensus-state').innerText()).toBe('Proposed');
    await plan.getByRole('button', { name: 'Sales agrees' }).click();
    // One click by sales: still not agreed, and marketing's yes is shown as given for other content.
    await expect.poll(() => plan.getByRole('button', { name: 'Sales agrees' }).getAttribute('aria-pressed')).toBe('true');
    expect(await plan.getByTestId('consensus-state').innerText()).toBe('Proposed');
    expect(await plan.getByTestId('position-changed').allInnerTexts()).toEqual(['changed since you agreed: reconfirm']);
    expect(await plan.getByTestId('position-changed').getAttribute('data-team')).toBe('marketing');
    expect(await page.getByTestId('ready-button').innerText()).toMatch(/^Ready to sign\? \d+ to settle$/);
    await page.getByTestId('ready-button').click();
    const drawer = page.getByRole('dialog', { name: /things? to settle before signing/ });
    await expect.poll(() => drawer.innerText()).toContain('The revenue plan changed since marketing agreed: reconfirm. Waiting for marketing.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Undo the click and the change: back to 25 %, agreed again.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => winRate.inputValue()).toBe('25 %');
    await expect.poll(() => plan.getByTestId('consensus-state').innerText()).toBe('Agreed');
    expect(await plan.getByTestId('position-changed').count()).toBe(0);
    await expect.poll(() => page.getByTestId('ready-button').innerText()).toBe('Ready to sign');
    await page.getByText('All changes saved').waitFor();

    // Sign version 1, amend "fit ≥ B → fit ≥ A": that item needs both sides again, the rest keep version 1's agreement.
    await page.getByTestId('sign-button').click();
    await page.getByRole('button', { name: 'Start signing' }).click();
    await signByTypedName(page, 'Maria Chen');
    await signByTypedName(page, 'Tom Becker');
    await page.getByText('Version 1 is signed and locked').waitFor();
    await page.getByRole('button', { name: 'Amend' }).click();
    await page.keyboard.press('Escape');
    await goTo(page, 'Scoring and thresholds');
    await page.getByRole('combobox', { name: 'Fit grade at least' }).click();
    await page.getByRole('option', { name: 'A', exact: true }).click();
    const rule = bar(page, 'grades and the MQL rule');
    await expect.poll(() => rule.getByTestId('consensus-state').innerText()).toBe('Proposed');
    expect(await rule.getByTestId('position-changed').allInnerTexts()).toEqual(['changed since you agreed: reconfirm', 'changed since you agreed: reconfirm']);
    expect(await bar(page, 'the qualification framework').getByTestId('agreed-on-version').innerText()).toBe('agreed on version 1 content');
    await page.getByText('All changes saved').waitFor();
    await page.getByTestId('sign-button').click();
    const consensus = page.getByTestId('amendment-consensus');
    await expect.poll(() => consensus.innerText()).toContain('1 changed item needs both sides again');
    expect(await consensus.innerText()).toContain('Grades and the MQL rule changed since marketing and sales agreed: reconfirm. Waiting for marketing and sales.');
    expect(await consensus.innerText()).toMatch(/\d+ unchanged items keep their agreement \(agreed on version 1 content\)\./);
    expect(await page.getByRole('button', { name: 'Start signing' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');

    // Both sides reconfirm the new rule: version 2 can be signed.
    await rule.getByRole('button', { name: 'Marketing agrees' }).click();
    await rule.getByRole('button', { name: 'Sales agrees' }).click();
    await expect.poll(() => rule.getByTestId('consensus-state').innerText()).toBe('Agreed');
    await expect.poll(() => page.getByTestId('ready-button').innerText()).toBe('Ready to sign');
  });
});
