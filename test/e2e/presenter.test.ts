import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { sections } from '../../shared/model/sections';
import { findTemplate } from '../../shared/templates/templates';
import { accessibilityViolations, projectRoot, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

const screens = join(projectRoot, 'test-results', 'screens');
/** The smallest body text on the projector at 1920 × 1080, in CSS pixels. */
const MIN_BODY_PX = 28;

/** What a slide measures: elements whose content overflows them, text smaller than the minimum, and whether the slide scrolls. */
interface SlideMeasure {
  overflowing: string[];
  small: string[];
  pageOverflows: boolean;
  slideScrolls: boolean;
}

function measureSlide(presenter: Page, minimum: number): Promise<SlideMeasure> {
  return presenter.evaluate((minimum) => {
    const root = document.querySelector('[data-testid="presenter"]')!;
    const slide = root.querySelector('[data-testid="presenter-slide"]')!;
    const name = (element: Element) => `${element.tagName.toLowerCase()}.${element.className.toString().split(' ')[0]} “${(element.textContent ?? '').trim().slice(0, 40)}”`;
    const overflowing: string[] = [];
    const small: string[] = [];
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (!(element instanceof HTMLElement) || element === slide || element.closest('.presenter-sr-only')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'none') continue;
      // A text container whose content is wider or taller than its box is cut off or spills.
      if (element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1) overflowing.push(`${name(element)} is ${element.scrollWidth} px wide in ${element.clientWidth}`);
      if (element.clientHeight > 0 && element.scrollHeight > element.clientHeight + 1) overflowing.push(`${name(element)} is ${element.scrollHeight} px tall in ${element.clientHeight}`);
    }
    // Every element with its own text: at least the minimum body size.
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.closest('.presenter-sr-only')) continue;
      const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
      if (!ownText) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < minimum) small.push(`${name(element)} at ${size} px`);
    }
    const html = document.documentElement;
    return { overflowing, small, pageOverflows: html.scrollHeight > window.innerHeight + 1 || html.scrollWidth > window.innerWidth + 1, slideScrolls: slide.scrollHeight > slide.clientHeight + 1 };
  }, minimum);
}

/** Whether an element lies wholly inside the slide's visible box (or fills it from its top when taller). */
function inView(presenter: Page, id: string): Promise<boolean> {
  return presenter.evaluate((id) => {
    const slide = document.querySelector('[data-testid="presenter-slide"]')!.getBoundingClientRect();
    const item = document.getElementById(id)?.getBoundingClientRect();
    if (!item) return false;
    if (item.height > slide.height) return item.top >= slide.top - 2 && item.top <= slide.top + 40;
    return item.top >= slide.top - 2 && item.bottom <= slide.bottom + 2;
  }, id);
}

describe('the presenter window in front of the room', () => {
  it('shows every part’s content in large type at 1920 × 1080 without overflow, follows the focused item, keeps the timer to its part, axe-clean light and dark', async () => {
    mkdirSync(screens, { recursive: true });
    app = await startApp();
    const { page, context } = app;
    const template = findTemplate('b2b-saas-mid-market')!.build();

    await page.getByRole('button', { name: 'New workshop' }).first().click();
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Acme lead agreement');
    await page.getByRole('textbox', { name: 'Client organisation', exact: true }).fill('Acme GmbH');
    await page.getByText('B2B SaaS mid-market', { exact: true }).click();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
    const workshopId = /^#\/workshop\/([^/]+)/.exec(await page.evaluate(() => location.hash))![1]!;
    const goTo = async (section: string) => {
      await page.evaluate((hash) => (location.hash = hash), `#/workshop/${workshopId}/${section}`);
      await page.getByRole('heading', { level: 2, name: sections.find((entry) => entry.id === section)!.title }).waitFor();
    };

    // The timer starts on part 1 (Alt+T); the presenter opens as a second page (Alt+O).
    await page.keyboard.press('Alt+KeyT');
    await expect.poll(() => page.getByRole('button', { name: 'Pause the timer' }).count()).toBe(1);
    const opened = context.waitForEvent('page');
    await page.keyboard.press('Alt+KeyO');
    const presenter = await opened;
    await presenter.setViewportSize({ width: 1920, height: 1080 });
    await presenter.getByTestId('presenter-title').waitFor();
    // The read-only presenter page may ask only for what the contract marks `presenter` (as Electron's window check does).
    expect(await presenter.evaluate(() => window.accord!.listBackups({}))).toMatchObject({ ok: false, error: { code: 'forbidden-sender', message: 'Refused backup:list: this window may not ask for it.' } });
    expect(await presenter.evaluate(() => window.accord!.getAppInfo({}))).toMatchObject({ ok: true });
    expect(await page.evaluate(() => window.accord!.listBackups({}))).toMatchObject({ ok: true });
    const slideText = () => presenter.getByTestId('presenter-slide').innerText();

    const measured: string[] = [];
    for (const section of sections) {
      await goTo(section.id);
      await expect.poll(() => presenter.getByTestId('presenter-title').innerText()).toBe(section.title);
      let measure = await measureSlide(presenter, MIN_BODY_PX);
      if (measure.slideScrolls) {
        // More than fits: the item the facilitator works on (the last card here) is highlighted and scrolled into view.
        const card = page.getByTestId('item-card').last();
        const cardId = (await card.getAttribute('id'))!.slice('item-'.length);
        await card.locator('input, textarea').first().focus();
        const shown = presenter.locator(`#presenter-item-${cardId}`);
        await expect.poll(() => shown.getAttribute('data-focused')).toBe('true');
        await expect.poll(() => inView(presenter, `presenter-item-${cardId}`)).toBe(true);
        expect(await presenter.getByTestId('presenter-range').innerText()).toMatch(/^Items? \d+(–\d+)? of \d+/);
        measure = await measureSlide(presenter, MIN_BODY_PX);
      }
      expect(measure.overflowing, section.title).toEqual([]);
      expect(measure.small, section.title).toEqual([]);
      expect(measure.pageOverflows, section.title).toBe(false);
      measured.push(`${section.number} ${measure.slideScrolls ? 'scrolls to the focused item' : 'fits'}`);
      expect(await accessibilityViolations(presenter), section.title).toEqual([]);

      // The countdown only over its own part; elsewhere the presenter says which part it counts.
      if (section.id === 'workshop') {
        expect(await presenter.getByTestId('presenter-countdown').innerText()).toMatch(/^\d+:\d\d$/);
        expect(await presenter.getByTestId('presenter-timer-elsewhere').count()).toBe(0);
      } else {
        expect(await presenter.getByTestId('presenter-countdown').count()).toBe(0);
        expect(await presenter.getByTestId('presenter-timer-elsewhere').innerText()).toMatch(/^Timer: part 1 · \d+:\d\d$/);
      }

      // Each part's substance, from the template's own data.
      const text = await slideText();
      if (section.id === 'workshop') {
        expect(text).toContain('Acme GmbH');
        for (const person of template.participants.filter((entry) => entry.name)) expect(text).toContain(person.name);
      }
      if (section.id === 'revenue') {
        const plan = template.revenuePlan;
        expect(text).toContain(`${plan.currency} ${plan.revenueTarget!.toLocaleString('en-US')}`);
        expect(text).toContain(`${plan.winRate} %`);
        // Leads per month, computed here from the plan: deals ÷ each rate, per period, over 13 weeks, × 52/12.
        const leads = plan.revenueTarget! / plan.averageDealSize! / (plan.winRate! / 100) / (plan.sqlToOpportunity! / 100) / (plan.salToSql! / 100) / (plan.mqlToSal! / 100) / (plan.leadToMql! / 100);
        expect(text).toContain(Math.ceil((leads / plan.periodWeeks!) * (52 / 12) - 1e-9).toLocaleString('en-US'));
        expect(await presenter.getByTestId('presenter-capacity').innerText()).toMatch(/MQLs a week/);
      }
      if (section.id === 'vocabulary') {
        for (const stage of template.stages.slice(0, 2)) expect(text).toContain(stage.entryCriteria);
      }
      if (section.id === 'icp') {
        for (const criterion of template.icp) if (criterion.match.kind === 'in') expect(text).toContain(criterion.match.values.join(', '));
      }
      if (section.id === 'committee') {
        const committee = template.buyingCommittee;
        expect(await presenter.locator('[data-testid="presenter-committee-grid"] tbody tr').count()).toBe(committee.functions.length);
        const cell = committee.cells.find((entry) => entry.points !== null && entry.points > 0)!;
        const row = presenter.locator('[data-testid="presenter-committee-grid"] tbody tr').nth(committee.functions.indexOf(cell.function));
        expect(await row.locator('td').nth(committee.seniorities.indexOf(cell.seniority)).innerText()).toContain(`+${cell.points}`);
      }
      if (section.id === 'scoring') {
        const rule = template.scoring.mqlRule;
        const grades = ['A', 'B', 'C', 'D'];
        const expected = grades.slice(0, grades.indexOf(rule.minFitGrade) + 1).length * [4, 3, 2, 1].filter((level) => level >= rule.minEngagement).length;
        expect(await presenter.locator('[data-testid="presenter-grade-grid"] td[data-mql]').count()).toBe(expected);
      }
      if (section.id === 'handoff') {
        const touch = template.commitments.find((entry) => entry.kind === 'first-touch')!;
        expect(text).toContain(`${touch.target} business hours per lead`);
      }
      if (['vocabulary', 'revenue', 'committee', 'scoring', 'handoff'].includes(section.id)) {
        await presenter.screenshot({ path: join(screens, `presenter-${section.id}-1920-light.png`) });
      }
    }
    console.log(`presenter at 1920 × 1080: ${measured.join(', ')}`);

    // Consensus on the slide: marketing disagrees with the first criterion; the presenter says so, and who is waiting.
    await goTo('icp');
    const first = page.getByTestId('item-card').first();
    await first.getByRole('button', { name: 'Marketing disagrees' }).click();
    const shownFirst = presenter.getByTestId('presenter-item').first();
    await expect.poll(() => shownFirst.getByTestId('presenter-item-state').innerText()).toBe('Disputed');
    expect(await shownFirst.innerText()).toContain('Marketing disagrees');
    expect(await shownFirst.innerText()).toContain('Waiting for sales');

    // Dark: one part of each layout (facts, plan, cards, grade grid, log), axe-clean (contrast) and without overflow.
    await presenter.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => presenter.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    for (const section of sections.filter((entry) => ['workshop', 'revenue', 'icp', 'scoring', 'log'].includes(entry.id))) {
      await goTo(section.id);
      await expect.poll(() => presenter.getByTestId('presenter-title').innerText()).toBe(section.title);
      expect(await accessibilityViolations(presenter), `${section.title} (dark)`).toEqual([]);
      expect((await measureSlide(presenter, MIN_BODY_PX)).overflowing, `${section.title} (dark)`).toEqual([]);
      if (section.id === 'scoring' || section.id === 'revenue') await presenter.screenshot({ path: join(screens, `presenter-${section.id}-1920-dark.png`) });
    }
  }, 240_000);
});
