import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { sections } from '../../shared/model/sections';
import { createWorkshop, startApp, type RunningApp } from './support/app';

/**
 * Finds what a projector would show cut: text clipped by its box (overflow
 * hidden / text-overflow ellipsis with more text than room), a select or
 * read-only input whose shown value is cut, a container that scrolls sideways
 * (the decision-maker grid did at 1366 px), and a control lying partly outside
 * the container that clips it or outside the window. Returns one line per
 * offender: where it is (a short selector), what it says, and why.
 *
 * A string, evaluated in the page: nothing from the test's own transform
 * reaches the browser.
 */
const FIND_OFFENDERS = `(() => {
  const vw = document.documentElement.clientWidth;
  const offenders = [];
  const describe = (el) => {
    const parts = [];
    let node = el;
    for (let depth = 0; node && node !== document.body && depth < 3; depth += 1) {
      let part = node.tagName.toLowerCase();
      const testid = node.getAttribute('data-testid');
      const label = node.getAttribute('aria-label');
      if (node.id && !/^mantine-/.test(node.id)) part += '#' + node.id;
      else if (testid) part += '[data-testid="' + testid + '"]';
      else if (label) part += '[aria-label="' + label.slice(0, 40) + '"]';
      else if (typeof node.className === 'string' && node.className.trim()) part += '.' + node.className.trim().split(/\\s+/).filter((name) => !/^m_/.test(name)).slice(0, 2).join('.');
      parts.unshift(part.replace(/\\.$/, ''));
      node = node.parentElement;
    }
    return parts.join(' > ');
  };
  const text = (el) => ((el.value !== undefined && typeof el.value === 'string' ? el.value : '') || el.innerText || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
  const shown = (el) => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 2 || rect.height <= 2) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') return false;
    if (el.closest('[aria-hidden="true"], .mantine-visually-hidden, .accord-visually-hidden, .mantine-Notifications-root, [data-visual-fit="ignore"]')) return false;
    return true;
  };
  const ownText = (el) => [...el.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim() !== '');
  const clips = (style) => ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
  const controls = 'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], [role="combobox"], [role="switch"], [role="checkbox"], [role="radio"]';
  for (const el of document.querySelectorAll('body *')) {
    if (!shown(el)) continue;
    const style = getComputedStyle(el);
    const isField = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
    // 1. Text clipped by its own box.
    if (!isField && ownText(el) && clips(style) && el.scrollWidth > el.clientWidth + 1) {
      offenders.push(describe(el) + ' "' + text(el) + '": text clipped (' + el.scrollWidth + ' px of text in ' + el.clientWidth + ' px)');
    }
    // 2. A select or read-only input whose value does not fit (a person cannot scroll it to read the rest).
    if (el instanceof HTMLInputElement && (el.readOnly || el.getAttribute('role') === 'combobox' || el.type === 'number') && el.value && el.scrollWidth > el.clientWidth + 1) {
      offenders.push(describe(el) + ' "' + text(el) + '": value cut (' + el.scrollWidth + ' px in ' + el.clientWidth + ' px)');
    }
    if (el instanceof HTMLSelectElement && el.scrollWidth > el.clientWidth + 1) {
      offenders.push(describe(el) + ' "' + text(el) + '": value cut');
    }
    // 3. A container that scrolls sideways: part of it is off screen until someone scrolls.
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 40 && !el.matches('textarea, input, pre, code, [data-visual-fit="scrolls"]')) {
      offenders.push(describe(el) + ': scrolls sideways (' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px)');
    }
    // 4. A control partly outside the window, or outside the box that clips it.
    if (el.matches(controls)) {
      const rect = el.getBoundingClientRect();
      if (rect.left < -1 || rect.right > vw + 1) {
        offenders.push(describe(el) + ' "' + text(el) + '": outside the window (' + Math.round(rect.left) + '–' + Math.round(rect.right) + ' of ' + vw + ' px)');
        continue;
      }
      for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
        const boxStyle = getComputedStyle(box);
        if (boxStyle.overflowX === 'visible' && boxStyle.overflowY === 'visible') continue;
        const outer = box.getBoundingClientRect();
        if (rect.left < outer.left - 1 || rect.right > outer.right + 1) {
          offenders.push(describe(el) + ' "' + text(el) + '": partly outside ' + describe(box));
        }
        break;
      }
    }
  }
  return [...new Set(offenders)];
})()`;

async function offendersOn(page: Page, screen: string): Promise<string[]> {
  await page.waitForTimeout(250); // transitions (drawers, modals) end before measuring
  const found = (await page.evaluate(FIND_OFFENDERS)) as string[];
  return found.map((line) => `${screen}: ${line}`);
}

async function closeOverlay(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').last().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

let app: RunningApp | null = null;
afterAll(async () => {
  await app?.dispose();
});

describe('every screen fits at 1366×768 and 1920×1080', () => {
  it('nothing is clipped, cut or outside its box on the library, each part, the panels, the presenter, verify, settings and backups', { timeout: 120_000 }, async () => {
    const started = Date.now();
    app = await startApp();
    const { page } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    // A workshop from a template (long option labels, the full grid), one archived, one duplicate: every library control shows.
    await createWorkshop(page, 'Lead handoff and SLA agreement 2027 for the DACH region', 'Société Générale Corporate & Investment Banking');
    const workshopHash = await page.evaluate(() => location.hash);
    await page.getByRole('button', { name: /^Library$/ }).click();
    await page.getByTestId('workshop-row').first().waitFor();
    await createWorkshop(page, 'Archived pilot', 'Beta');
    await page.getByRole('button', { name: /^Library$/ }).click();
    await page.getByRole('button', { name: 'Archive Archived pilot' }).click();
    await page.getByRole('button', { name: /^Show archived/ }).click();

    const offenders: string[] = [];
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const at = `${size.width}×${size.height}`;
      await page.setViewportSize(size);
      await page.evaluate(() => (location.hash = '#/'));
      await page.getByTestId('workshop-row').first().waitFor();
      offenders.push(...(await offendersOn(page, `${at} library`)));

      await page.getByRole('button', { name: 'New workshop' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New workshop' });
      await dialog.waitFor();
      offenders.push(...(await offendersOn(page, `${at} new workshop`)));
      // The Create button is on screen without scrolling the page.
      const create = await dialog.getByRole('button', { name: 'Create workshop' }).boundingBox();
      if (!create || create.y + create.height > size.height) offenders.push(`${at} new workshop: "Create workshop" is below the window (${create ? Math.round(create.y + create.height) : 'none'} of ${size.height} px)`);
      await closeOverlay(page);

      for (const section of sections) {
        await page.evaluate((hash) => (location.hash = hash), `${workshopHash}/${section.id}`);
        await page.getByRole('heading', { level: 2, name: section.title }).waitFor();
        offenders.push(...(await offendersOn(page, `${at} part ${section.number}`)));
      }

      for (const [name, opener] of [
        ['lead tester', () => page.getByRole('button', { name: 'Test a lead' }).first().click()],
        ['calibration', () => page.getByRole('button', { name: 'Calibrate' }).first().click()],
        ['signing', () => page.getByTestId('sign-button').click()],
        [
          'review',
          async () => {
            await page.getByRole('button', { name: 'More actions' }).click();
            await page.getByRole('menuitem', { name: /SLA review/ }).click();
          },
        ],
      ] as const) {
        await opener();
        await page.getByRole('dialog').last().waitFor();
        offenders.push(...(await offendersOn(page, `${at} ${name}`)));
        await closeOverlay(page);
      }

      const presenter = await app.openPage(`/index.html${workshopHash.replace('#/workshop/', '#/presenter/')}`);
      await presenter.setViewportSize(size);
      await presenter.waitForFunction(() => document.body.innerText.length > 100);
      offenders.push(...(await offendersOn(presenter, `${at} presenter`)));
      await presenter.close();

      await page.evaluate(() => (location.hash = '#/verify'));
      await page.getByRole('heading', { level: 1 }).waitFor();
      offenders.push(...(await offendersOn(page, `${at} verify`)));
      await page.evaluate(() => (location.hash = '#/backups'));
      await page.getByRole('heading', { level: 1, name: /Backups/ }).waitFor();
      offenders.push(...(await offendersOn(page, `${at} backups`)));
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByRole('dialog').waitFor();
      offenders.push(...(await offendersOn(page, `${at} settings`)));
      await closeOverlay(page);
    }
    console.log(`visual fit: ${offenders.length} offenders, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(offenders).toEqual([]);
  });
});
