import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchShell, type Shell } from '../../electron/chromium-shell/harness';
import { createNodeHost } from '../../electron/hosts/node-host';
import { createWorkshop, projectRoot, waitUntilInteractive } from './support/app';

const ROUNDS = 20;
/** Steady typing: a key every 150 ms for 6 s, never the 400 ms pause the debounce waits for. */
const KEY_EVERY_MS = 150;
const KEYS = 40;
const TYPING_ROUNDS = 3;
let dataDir = '';
let shell: Shell | null = null;

afterAll(async () => {
  await shell?.close().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every process of the browser running on this profile (Chromium and its helpers). */
function browserProcesses(profileDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', '--', `--user-data-dir=${profileDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return [];
  }
}

/** Kills the browser hard (SIGKILL): no unload, no flush, as a crash or a power cut would. */
async function killHard(profileDir: string): Promise<number> {
  const pids = browserProcesses(profileDir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (let waited = 0; browserProcesses(profileDir).length > 0 && waited < 5000; waited += 50) await new Promise((done) => setTimeout(done, 50));
  return pids.length;
}

describe('crash safety', () => {
  it(`keeps every edit made a second before the browser is killed hard (${ROUNDS} rounds, same profile)`, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'accord-crash-'));
    const profileDir = join(dataDir, 'profile');
    const host = createNodeHost({ appVersion: '0.0.0-test', userDataDir: dataDir, saveDir: join(dataDir, 'saved'), projectRoot });
    const launch = async () => {
      shell = await launchShell({ rendererDir: join(projectRoot, 'out', 'renderer'), host, projectRoot, profileDir });
      await waitUntilInteractive(shell.page);
      return shell;
    };
    let current = await launch();
    await createWorkshop(current.page, 'Crash test', 'Kill -9 GmbH');
    const workshopHash = await current.page.evaluate(() => window.location.hash);

    const losses: string[] = [];
    let decisions = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { page } = current;
      // A different edit each round: the title (typed into the autosaved field), or a decision captured with Alt+D.
      const title = `Crash test round ${round} ${'αβγ'.slice(round % 3)}`;
      if (round % 2 === 1) {
        await page.getByRole('textbox', { name: 'Workshop title' }).fill(title);
      } else {
        await page.keyboard.press('Alt+KeyD');
        const field = page.getByRole('textbox', { name: 'Decision', exact: true });
        await field.waitFor();
        await field.fill(`Decision of round ${round}`);
        await page.keyboard.press('Enter');
        await field.waitFor({ state: 'detached' });
        decisions += 1;
      }
      await page.waitForTimeout(1000);
      const killed = await killHard(profileDir);
      expect(killed).toBeGreaterThan(0);
      await current.close().catch(() => undefined);

      current = await launch();
      await current.page.evaluate((hash) => {
        window.location.hash = hash;
      }, workshopHash);
      await current.page.getByRole('textbox', { name: 'Workshop title' }).waitFor();
      const expectedTitle = round % 2 === 1 ? title : `Crash test round ${round - 1} ${'αβγ'.slice((round - 1) % 3)}`;
      const shownTitle = await current.page.getByRole('textbox', { name: 'Workshop title' }).inputValue();
      if (shownTitle !== expectedTitle) losses.push(`round ${round}: title “${shownTitle}”, expected “${expectedTitle}”`);
      const logged = await current.page.evaluate(async () => {
        const request = indexedDB.open('accord');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const records = await new Promise<{ agreement: { decisions: unknown[] } }[]>((resolve, reject) => {
          const get = db.transaction('agreements').objectStore('agreements').getAll();
          get.onsuccess = () => resolve(get.result as { agreement: { decisions: unknown[] } }[]);
          get.onerror = () => reject(get.error);
        });
        db.close();
        return records[0]?.agreement.decisions.length ?? -1;
      });
      if (logged !== decisions) losses.push(`round ${round}: ${logged} decisions, expected ${decisions}`);
    }
    console.log(`crash safety: ${ROUNDS} hard kills (SIGKILL) one second after an edit, ${losses.length} losses`);
    expect(losses).toEqual([]);
  }, 300_000);

  it(`keeps all but the last second of steady typing when the browser is killed mid-typing (${TYPING_ROUNDS} rounds, ${KEYS} keys at ${KEY_EVERY_MS} ms)`, async () => {
    await shell?.close().catch(() => undefined);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = await mkdtemp(join(tmpdir(), 'accord-crash-typing-'));
    const profileDir = join(dataDir, 'profile');
    const host = createNodeHost({ appVersion: '0.0.0-test', userDataDir: dataDir, saveDir: join(dataDir, 'saved'), projectRoot });
    const launch = async () => {
      shell = await launchShell({ rendererDir: join(projectRoot, 'out', 'renderer'), host, projectRoot, profileDir });
      await waitUntilInteractive(shell.page);
      return shell;
    };
    let current = await launch();
    await createWorkshop(current.page, 'Typing', 'Kill -9 GmbH');
    const workshopHash = await current.page.evaluate(() => window.location.hash);
    const results: string[] = [];
    const lostMs: number[] = [];
    for (let round = 1; round <= TYPING_ROUNDS; round += 1) {
      const title = current.page.getByRole('textbox', { name: 'Workshop title' });
      await title.fill(`Round${round}-`);
      await current.page.waitForTimeout(1500);
      const base = await title.inputValue();
      // Distinct keys, so the survivors say exactly how far the saved text got.
      const keys = Array.from({ length: KEYS }, (_, index) => String.fromCharCode(97 + (index % 26))).join('');
      await title.click();
      await current.page.keyboard.press('End');
      await current.page.keyboard.type(keys, { delay: KEY_EVERY_MS });
      // The crash, right after the last key: no pause, no unload, no flush.
      expect(await killHard(profileDir)).toBeGreaterThan(0);
      await current.close().catch(() => undefined);

      current = await launch();
      await current.page.evaluate((hash) => {
        window.location.hash = hash;
      }, workshopHash);
      const shown = await current.page.getByRole('textbox', { name: 'Workshop title' }).inputValue();
      const survived = shown.startsWith(base) ? shown.length - base.length : -1;
      expect(shown.slice(base.length), `round ${round}: the saved text is a prefix of what was typed`).toBe(keys.slice(0, Math.max(0, survived)));
      const lost = KEYS - survived;
      lostMs.push(lost * KEY_EVERY_MS);
      results.push(`round ${round}: ${survived} of ${KEYS} keys kept, ${lost} lost (about ${lost * KEY_EVERY_MS} ms of typing)`);
    }
    console.log(`crash safety, steady typing: ${results.join('; ')}`);
    // "A crash loses at most a second": the last save started at most 750 ms before the kill, plus its own write.
    expect(Math.max(...lostMs)).toBeLessThanOrEqual(1050);
  }, 300_000);
});
