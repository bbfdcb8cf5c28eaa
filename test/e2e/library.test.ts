import { afterEach, describe, expect, it } from 'vitest';
import { accessibilityViolations, createWorkshop, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('workshop library in Chromium', () => {
  it('creates a workshop, renames it, and it is still there after a reload', async () => {
    app = await startApp();
    const { page } = app;
    await createWorkshop(page, 'Lead handoff 2027', 'Société Générale');
    const title = page.getByRole('textbox', { name: 'Workshop title' });
    await title.fill('Lead handoff agreement 2027');
    await page.getByText('All changes saved').waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    // A reload returns to the same workshop (the route lives in the URL).
    await expect.poll(() => page.getByRole('textbox', { name: 'Workshop title' }).inputValue()).toBe('Lead handoff agreement 2027');
    await page.getByRole('button', { name: /^Library$/ }).click();
    await expect.poll(() => page.getByTestId('workshop-row').allInnerTexts()).toEqual([expect.stringContaining('Lead handoff agreement 2027')]);
    expect(await page.getByTestId('workshop-row').innerText()).toContain('Société Générale');
    expect(app.blockedRequests).toEqual([]);
  });

  it('refuses an empty title with a message and keeps the old one', async () => {
    app = await startApp();
    const { page } = app;
    await createWorkshop(page, 'Keep this title');
    const title = page.getByRole('textbox', { name: 'Workshop title' });
    await title.fill('   ');
    await page.getByText('Give the workshop a title; it cannot be empty.').waitFor();
    await title.press('Tab');
    expect(await title.inputValue()).toBe('Keep this title');
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: 'Workshop title' }).inputValue()).toBe('Keep this title');
  });

  it('asks before deleting', async () => {
    app = await startApp();
    const { page } = app;
    await createWorkshop(page, 'Delete me', 'Acme');
    await page.getByRole('button', { name: /^Library$/ }).click();
    await page.getByRole('button', { name: 'Delete Delete me' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Delete me”?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('It cannot be undone.');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('workshop-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Delete Delete me' }).click();
    await page.getByRole('button', { name: 'Delete workshop' }).click();
    await page.getByRole('heading', { name: 'Run your first alignment session' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Run your first alignment session' }).waitFor();
  });

  it.each(['light', 'dark'] as const)('has no accessibility violations on the library and workshop screens (%s theme)', async (colorScheme) => {
    app = await startApp({ colorScheme });
    const { page } = app;
    expect(await accessibilityViolations(page)).toEqual([]);
    await createWorkshop(page, 'Accessible workshop', 'Acme');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Library$/ }).click();
    await page.getByTestId('workshop-row').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Delete Accessible workshop' }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('button', { name: 'New workshop' }).click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400); // let the opening transition finish: half-faded text fails contrast
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
