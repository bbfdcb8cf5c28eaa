import { afterEach, describe, expect, it } from 'vitest';
import { createWorkshop, startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

/**
 * A full disk at IndexedDB's own boundary in the real browser: from now on every
 * write to the agreements store throws the browser's QuotaExceededError, as
 * Chromium does when the disk or the origin's quota is full (Dexie, the store and
 * the screen then run as they would). A DevTools quota override was tried first:
 * Chromium checks it only as the database grows, so whether a given write fails
 * depends on its files' sizes, too loose for a test (the screenshots use it).
 */
async function fillTheDisk(running: RunningApp): Promise<(room: boolean) => Promise<void>> {
  await running.page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as unknown as { accordDiskFull?: boolean }).accordDiskFull && this.name === 'agreements') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const set = async (room: boolean) => {
    await running.page.evaluate((full) => void ((window as unknown as { accordDiskFull?: boolean }).accordDiskFull = full), !room);
  };
  await set(false);
  return set;
}

describe('a full disk, in Chromium', () => {
  it('a decision captured with Alt+D is not announced as logged: the form keeps it and says the disk is full; with room again, Enter logs it once', async () => {
    app = await startApp();
    const { page } = app;
    await createWorkshop(page, 'Disk full', 'Acme GmbH');
    await page.waitForTimeout(1000);
    const setRoom = await fillTheDisk(app);

    await page.keyboard.press('Alt+KeyD');
    const field = page.getByRole('textbox', { name: 'Decision', exact: true });
    await field.fill('An MQL needs fit ≥ B and engagement ≥ 3.');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    // Either outcome ends the wait, so a wrong one fails with what was shown.
    await page.getByText(/Not saved: the disk is full|Decision logged\./).first().waitFor({ timeout: 15_000 });
    const shown = (await page.getByText('Decision logged.').count()) > 0 ? 'Decision logged. (the form closed)' : await dialog.textContent();
    console.log(`disk full, quick capture: ${shown}`);
    expect(shown).not.toMatch(/UnknownError|backing store|QuotaExceeded|AbortError/);
    expect(await page.getByText('Decision logged.').count()).toBe(0);
    expect(await field.inputValue()).toBe('An MQL needs fit ≥ B and engagement ≥ 3.');

    await setRoom(true);
    await field.press('Enter');
    await page.getByText('Decision logged.').waitFor({ timeout: 15_000 });
    await field.waitFor({ state: 'detached' });
    const decisions = await page.evaluate(async () => {
      const request = indexedDB.open('accord');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const records = await new Promise<{ agreement: { decisions: { text: string }[] } }[]>((resolve, reject) => {
        const get = db.transaction('agreements').objectStore('agreements').getAll();
        get.onsuccess = () => resolve(get.result as { agreement: { decisions: { text: string }[] } }[]);
        get.onerror = () => reject(get.error);
      });
      db.close();
      return records[0]?.agreement.decisions.map((decision) => decision.text) ?? [];
    });
    expect(decisions.filter((text) => text === 'An MQL needs fit ≥ B and engagement ≥ 3.')).toHaveLength(1);
  }, 120_000);
});
