import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { pageCount, poppler } from './support/poppler';
import { accessibilityViolations, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

/** Every click, key press and field filled, counted as one of the facilitator's UI actions. */
function counted() {
  let actions = 0;
  const steps: string[] = [];
  return {
    get actions() {
      return actions;
    },
    steps,
    async click(target: Locator, what: string) {
      actions += 1;
      steps.push(what);
      await target.click();
    },
    async fill(target: Locator, text: string, what: string) {
      actions += 1;
      steps.push(what);
      await target.fill(text);
    },
    async check(target: Locator, what: string) {
      actions += 1;
      steps.push(what);
      await target.check();
    },
  };
}

const partsWithItems = ['Revenue plan and funnel', 'Common vocabulary', 'Ideal customer profile', 'Decision makers', 'Engagement and triggers', 'Scoring and thresholds', 'Handoff and SLA', 'Rejection and recycling', 'Metrics and cadence'];
const navigator = (page: Page) => page.getByRole('navigation', { name: 'Parts of the agreement' });
const people = ['Maria Chen', 'Tom Becker', 'Lena Fischer', 'Jonas Weber', 'Sara Koch'];

describe('a whole workshop as a facilitator runs it, in Chromium (issue 14)', () => {
  it('template → people → settle by part → sign → export the PDF → amend, in fewer than 60 UI actions', async () => {
    app = await startApp();
    const { page } = app;
    const ui = counted();

    // The workshop from the default template, with the client and the facilitator named in the dialog.
    await ui.click(page.getByRole('button', { name: 'New workshop' }).first(), 'new workshop');
    await ui.fill(page.getByRole('textbox', { name: 'Title', exact: true }), 'Acme lead handoff 2027', 'title');
    await ui.fill(page.getByRole('textbox', { name: 'Client organisation', exact: true }), 'Acme GmbH', 'client');
    await ui.fill(page.getByRole('textbox', { name: 'Facilitator', exact: true }), 'Ana Ruiz', 'facilitator');
    await ui.click(page.getByRole('button', { name: 'Create workshop' }), 'create');
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();

    // Part 1: the next review and the five people of the template's roles (the CMO and the VP Sales sign).
    await ui.fill(page.getByRole('textbox', { name: 'Next review', exact: true }), '2027-06-01', 'next review');
    const names = page.getByRole('textbox', { name: 'Name', exact: true });
    for (const [index, name] of people.entries()) await ui.fill(names.nth(index), name, `name ${index + 1}`);

    // Parts 2–10: go there, both sides agree to it.
    for (const title of partsWithItems) {
      await ui.click(navigator(page).getByRole('button', { name: new RegExp(`^\\d+ ?${title}`) }), `go to ${title}`);
      await page.getByRole('heading', { level: 2, name: title }).waitFor();
      await ui.click(page.getByRole('button', { name: 'Both sides agree to this part' }), `agree to ${title}`);
      await expect.poll(() => page.getByTestId('part-settle-result').innerText()).toMatch(/^Marketing and sales agreed to \d+ items? of /);
    }
    await expect.poll(() => page.getByTestId('ready-button').innerText()).toBe('Ready to sign');
    const settled = ui.actions;

    // Sign: both signatories by typed name, on this laptop.
    await ui.click(page.getByTestId('sign-button'), 'sign');
    await ui.click(page.getByRole('button', { name: 'Start signing' }), 'start signing');
    for (const name of ['Maria Chen', 'Tom Becker']) {
      await ui.click(page.getByRole('button', { name: `Sign as ${name}` }), `sign as ${name}`);
      const dialog = page.getByRole('dialog', { name: new RegExp(`^${name} signs version`) });
      await ui.click(dialog.getByText('Type my name', { exact: true }), 'type my name');
      await dialog.getByRole('textbox', { name: 'Your name as signature' }).waitFor();
      await ui.check(dialog.getByRole('checkbox'), 'I agree');
      await ui.click(dialog.getByRole('button', { name: 'Sign', exact: true }), 'sign');
      await dialog.waitFor({ state: 'hidden' });
    }
    const next = page.getByTestId('next-step');
    await next.waitFor();
    expect(await next.getByRole('heading').innerText()).toBe('Next: hand out version 1');

    // Export the sealed PDF from the next step; poppler accepts its seal, page 2 is the executive summary.
    const pdf = join(app.dataDir, 'acme-v1.pdf');
    app.host.dialogs.saveAnswers.push(pdf);
    await ui.click(next.getByRole('button', { name: 'Export the PDF (A4)' }), 'export the PDF');
    await next.getByTestId('last-export').filter({ hasText: pdf }).waitFor({ timeout: 60_000 });
    expect(poppler('pdfsig', [pdf])).toContain('Signature is Valid.');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(12);
    expect(poppler('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'])).toContain('Executive summary');
    const signedAt = ui.actions;

    // Amend: the first-touch target goes from 4 to 2 business hours; the handoff part is agreed again.
    await ui.click(page.getByRole('button', { name: 'Amend', exact: true }), 'amend');
    await expect.poll(() => page.getByTestId('sign-button').innerText()).not.toBe('Signed');
    await page.keyboard.press('Escape');
    await ui.click(navigator(page).getByRole('button', { name: /^\d+ ?Handoff and SLA/ }), 'go to Handoff and SLA');
    const firstTouch = page.locator('#item-commit-first-touch');
    await ui.fill(firstTouch.getByRole('textbox', { name: 'Target', exact: true }), '2', 'first-touch target 2');
    // The changed commitment is no longer agreed: the readiness says so until both sides agree again.
    await expect.poll(() => page.getByTestId('ready-button').innerText()).not.toBe('Ready to sign');
    await ui.click(page.getByRole('button', { name: 'Both sides agree to this part' }), 'agree to Handoff and SLA');
    await expect.poll(() => page.getByTestId('ready-button').innerText()).toBe('Ready to sign');
    expect(await accessibilityViolations(page)).toEqual([]);

    console.log(`UI actions for a whole workshop (B2B SaaS mid-market template): ${ui.actions} in all; ${settled} to name the people and settle all 10 parts, ${signedAt - settled} to sign twice and export the sealed PDF, ${ui.actions - signedAt} to amend and re-agree.`);
    console.log(`Steps: ${ui.steps.join(' · ')}`);
    expect(ui.actions).toBeLessThan(60);
  }, 240_000);
});
