import { mkdirSync } from 'node:fs';
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

const shots = join(projectRoot, 'test-results', 'workshop-shell');
const TITLE = 'Acme and Globex: lead qualification rules and the handoff SLA for the 2027 plan';

/**
 * What in the workshop header is cut: the title (wider or taller than its box) and any text or badge that overflows.
 * Polled by the checks: the title's box follows its text a frame after the window or theme changes (it was seen
 * 700×88 in 700×48 right after a resize on a loaded machine), and what matters is that the header settles whole.
 */
async function clippedInHeader(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const title = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Workshop title"]')!;
    if (title.scrollWidth > title.clientWidth || title.scrollHeight > title.clientHeight + 2) problems.push(`title ${title.scrollWidth}×${title.scrollHeight} in ${title.clientWidth}×${title.clientHeight}`);
    const head = document.querySelector('[data-testid="workshop-head"]')!;
    for (const element of head.querySelectorAll<HTMLElement>('button, .mantine-Badge-label, [role="timer"], p, span')) {
      if (element.offsetParent === null || element.closest('.mantine-visually-hidden, [class*="VisuallyHidden"]')) continue;
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== 'visible') problems.push(`${element.tagName.toLowerCase()} “${element.textContent?.trim()}” ${element.scrollWidth} in ${element.clientWidth}`);
    }
    const box = head.getBoundingClientRect();
    if (box.right > window.innerWidth + 1) problems.push(`header ${box.right} wider than ${window.innerWidth}`);
    return problems;
  });
}

/** axe with the pointer out of the way (a tooltip left open by the last click is not part of the page). */
async function axe(page: Page): Promise<string[]> {
  await page.mouse.move(1, 400);
  await page.waitForTimeout(400);
  return accessibilityViolations(page);
}

describe('the workshop header and shell in front of the client', () => {
  it('never cuts the title (timer running, time up), moves focus with the part, follows the timer, offers the next step after signing', async () => {
    mkdirSync(shots, { recursive: true });
    app = await startApp();
    const { page } = app;
    // Time is moved by hand, so "time is up" takes no real minutes.
    await page.clock.install();
    await page.reload();
    // (The fake clock replaces `performance`, so the app's "interactive" mark is not seen: wait for the library instead.)
    await page.getByRole('button', { name: 'New workshop' }).first().waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('import-input').setInputFiles(join(projectRoot, 'test', 'fixtures', 'accord', 'ready-to-sign.accord'));
    const title = page.getByRole('textbox', { name: 'Workshop title' });
    await title.waitFor();
    await title.fill(TITLE);
    await title.press('Enter');
    expect(await title.inputValue()).toBe(TITLE);

    // The timer runs: the whole title is readable.
    await page.getByRole('button', { name: 'Start the timer' }).click();
    await page.getByRole('button', { name: 'Pause the timer' }).waitFor();
    await expect.poll(() => clippedInHeader(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'header-running-1366-light.png') });

    // Time is up for part 1 (10 minutes): still readable.
    await page.clock.fastForward('12:00');
    await expect.poll(() => page.getByTestId('session-bar').getAttribute('data-tone')).toBe('overrun');
    await expect.poll(() => clippedInHeader(page)).toEqual([]);
    expect(await axe(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await app.sendMenuCommand(scheme === 'dark' ? 'view:theme-dark' : 'view:theme-light');
      for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(() => clippedInHeader(page), { message: `${width} ${scheme}` }).toEqual([]);
        await page.screenshot({ path: join(shots, `header-time-up-${width}-${scheme}.png`) });
      }
    }
    expect(await axe(page)).toEqual([]);
    await app.sendMenuCommand('view:theme-light');
    await page.setViewportSize({ width: 1366, height: 768 });

    // "Next part" from far down the page: the part's top is on screen and its heading has the focus.
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Next part of the agenda' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Revenue plan and funnel');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    // Moving to part 8 with the timer on part 2: it asks, Enter moves the timer.
    await page.getByRole('navigation', { name: 'Parts of the agreement' }).getByRole('button', { name: /Handoff and SLA/ }).click();
    const ask = page.getByRole('dialog', { name: 'You are on part 8: move the timer here?' });
    await ask.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, move it here');
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('session-bar').innerText()).toContain('Handoff and SLA');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Handoff and SLA');
    await page.getByRole('button', { name: 'Pause the timer' }).click();
    // Back to the real time (the timer is paused, so nothing counts): a signature is sealed only when main sees it as just made.
    await page.clock.setSystemTime(new Date());

    // Sign: after the last signature the next step is offered.
    await page.getByTestId('sign-button').click();
    await page.getByRole('button', { name: 'Start signing' }).click();
    await signByTypedName(page, 'Maria Chen');
    await signByTypedName(page, 'Tom Becker');
    const next = page.getByTestId('next-step');
    await next.waitFor();
    expect(await next.getByRole('heading').innerText()).toBe('Next: hand out version 1');
    await next.getByRole('button', { name: 'Export the PDF (A4)' }).waitFor();
    const accord = join(app.dataDir, 'acme.accord');
    app.host.dialogs.saveAnswers.push(accord);
    await next.getByRole('button', { name: 'Export the .accord file' }).click();
    await next.getByTestId('last-export').filter({ hasText: accord }).waitFor();
    await next.getByRole('button', { name: 'Show in folder' }).waitFor();
    expect(await axe(page)).toEqual([]);
    // Every version's status is whole ("Signed", never "Sig…").
    expect(await page.getByRole('table', { name: 'Version history' }).getByTestId('status-badge').evaluateAll((badges) => badges.map((badge) => [badge.textContent, badge.scrollWidth <= badge.clientWidth + 1]))).toEqual([['Signed', true]]);
    expect(await next.evaluate((card) => card.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(shots, 'next-step-1366-light.png') });

    // After signing the header shows what applies: no "Ready to sign", no open count, no stopped timer; "Signed" whole.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('sign-button').innerText()).toBe('Signed');
    expect(await page.getByTestId('ready-button').count()).toBe(0);
    expect(await page.getByTestId('open-questions-button').count()).toBe(0);
    expect(await page.getByTestId('session-bar').count()).toBe(0);
    expect(await page.getByTestId('workshop-head').getByTestId('status-badge').innerText()).toBe('Signed');
    await expect.poll(() => clippedInHeader(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'header-signed-1366-light.png') });

    // The same at 1920×1080 and in dark.
    for (const scheme of ['light', 'dark'] as const) {
      if (scheme === 'dark') await app.sendMenuCommand('view:theme-dark');
      for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
        await page.setViewportSize({ width, height });
        await expect.poll(() => clippedInHeader(page), { message: `${width} ${scheme}` }).toEqual([]);
        await page.screenshot({ path: join(shots, `header-signed-${width}-${scheme}.png`) });
        await page.getByTestId('sign-button').click();
        await next.waitFor();
        await page.waitForTimeout(600);
        await page.screenshot({ path: join(shots, `next-step-${width}-${scheme}.png`) });
        await page.keyboard.press('Escape');
        await next.waitFor({ state: 'hidden' });
      }
    }
    expect(await axe(page)).toEqual([]);
  }, 180_000);
});
