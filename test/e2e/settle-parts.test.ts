import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

/** Every click, key press and field filled, counted as a facilitator's UI action. */
function counted(page: Page) {
  let actions = 0;
  return {
    get actions() {
      return actions;
    },
    async click(target: Locator) {
      actions += 1;
      await target.click();
    },
    async fill(target: Locator, text: string) {
      actions += 1;
      await target.fill(text);
    },
    async press(key: string) {
      actions += 1;
      await page.keyboard.press(key);
    },
  };
}

const partsWithItems = ['Revenue plan and funnel', 'Common vocabulary', 'Ideal customer profile', 'Decision makers', 'Engagement and triggers', 'Scoring and thresholds', 'Handoff and SLA', 'Rejection and recycling', 'Metrics and cadence'];
/** The part's "Show this part as" switch, clicked as a person clicks it (on its label). */
const showAs = (page: Page, view: 'Cards' | 'Table') => page.getByRole('radiogroup', { name: 'Show this part as' }).locator('label', { hasText: view }).click();
const navigator = (page: Page) => page.getByRole('navigation', { name: 'Parts of the agreement' });

describe('settling the agreement at the speed of the conversation, in Chromium (issue 14)', () => {
  it('template → every part agreed in few UI actions; undo; the table of a part from the keyboard; axe clean', async () => {
    app = await startApp();
    const { page } = app;
    const ui = counted(page);

    // A workshop from the default template (B2B SaaS, 63 items), as the facilitator makes one.
    await ui.click(page.getByRole('button', { name: 'New workshop' }).first());
    await ui.fill(page.getByRole('textbox', { name: 'Title', exact: true }), 'Acme lead handoff');
    await ui.click(page.getByRole('button', { name: 'Create workshop' }));
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();

    // Each part: go there, both sides agree to it.
    for (const title of partsWithItems) {
      await ui.click(navigator(page).getByRole('button', { name: new RegExp(`^\\d+ ?${title}`) }));
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      await ui.click(page.getByRole('button', { name: 'Both sides agree to this part' }));
      await expect.poll(() => page.getByTestId('part-settle-result').innerText()).toMatch(new RegExp(`^Marketing and sales agreed to \\d+ items? of ${title}\\.`));
    }
    const settled = await navigator(page).locator('.workshop-nav-progress').evaluateAll((spans) => spans.map((span) => span.getAttribute('aria-label')));
    expect(settled).toHaveLength(9);
    for (const label of settled) expect(label).toMatch(/^(\d+) of \1 settled$/);
    console.log(`UI actions to settle a whole template (B2B SaaS mid-market, 63 items, 9 parts), from the library: ${ui.actions}`);
    expect(ui.actions).toBeLessThan(30);
    expect(await accessibilityViolations(page)).toEqual([]);

    // One undo takes back every position the last bulk action set.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('part-progress').innerText()).toBe('0 of 9 agreed · waiting for marketing on 9 and sales on 9');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('part-progress').innerText()).toBe('9 of 9 agreed');

    // The table of part 4 (agreed above), from the keyboard.
    await navigator(page).getByRole('button', { name: /Ideal customer profile/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Ideal customer profile' }).waitFor();
    await showAs(page, 'Table');
    const grid = page.getByRole('grid', { name: 'Ideal customer profile: 8 items' });
    await grid.waitFor();
    const row = (label: string) => grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
    expect(await row('Criterion “Region we sell in”').innerText()).toContain('Region is one of DACH, Benelux, Nordics, UK & Ireland · must-have');
    // m on an agreed row takes marketing's yes back; Shift+M is marketing's no, Shift+K parks (again: back), m agrees again.
    await grid.getByRole('rowheader', { name: 'Criterion “Region we sell in”' }).focus();
    await page.keyboard.press('m');
    await expect.poll(() => row('Criterion “Region we sell in”').getByTestId('row-state').innerText()).toBe('Proposed');
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Criterion “Core industries”');
    await page.keyboard.press('k');
    await page.keyboard.press('Shift+M');
    await expect.poll(() => row('Criterion “50–1,000 employees”').getByTestId('row-state').innerText()).toBe('Disputed');
    await page.keyboard.press('Shift+K');
    await expect.poll(() => row('Criterion “50–1,000 employees”').getByTestId('row-state').innerText()).toBe('Parked');
    await page.keyboard.press('Shift+K');
    await page.keyboard.press('Shift+M');
    await page.keyboard.press('m');
    await page.keyboard.press('k');
    await page.keyboard.press('m');
    await expect.poll(() => grid.getByTestId('row-state').allInnerTexts()).toEqual(Array(8).fill('Agreed'));
    // The focused row is visible: outlined.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!.closest('tr')!).outlineStyle);
    expect(outline).toBe('solid');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Enter: the card of that item, with the focus in its first field.
    await page.keyboard.press('End');
    // The session's Alt shortcuts act on the focused row as on a focused card (Alt+K parks, again takes it back).
    await page.keyboard.press('Alt+k');
    await expect.poll(() => row('Criterion “Personal e-mail domains”').getByTestId('row-state').innerText()).toBe('Parked');
    await page.keyboard.press('Alt+k');
    await expect.poll(() => row('Criterion “Personal e-mail domains”').getByTestId('row-state').innerText()).toBe('Agreed');
    await page.keyboard.press('Enter');
    await grid.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[id^="item-"]')?.id)).toBe('item-icp-personal-email');
    expect(await page.getByRole('radio', { name: 'Cards' }).isChecked()).toBe(true);
    // The view is remembered per part: part 3 was never switched, part 4 opens as cards now.
    await showAs(page, 'Table');
    await navigator(page).getByRole('button', { name: /Common vocabulary/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Common vocabulary' }).waitFor();
    expect(await page.getByRole('grid').count()).toBe(0);
    await navigator(page).getByRole('button', { name: /Ideal customer profile/ }).click();
    await grid.waitFor();
  }, 180_000);
});
