import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { extname, join, basename } from 'node:path';
import type { Host, PrintToPdf, SaveDialogRequest } from '../handlers/host';
import { createChromiumPrinter } from '../pdf/chromium-printer';
import { plainFileProtector } from '../pdf/identity-store';

/** The bundled Inter font (latin), read from its npm package, as a data URL. */
export async function bundledFontDataUrl(): Promise<string | undefined> {
  try {
    const path = createRequire(import.meta.url).resolve('@fontsource-variable/inter/files/inter-latin-wght-normal.woff2');
    return `data:font/woff2;base64,${(await readFile(path)).toString('base64')}`;
  } catch {
    return undefined;
  }
}

/** Scripted answers for the save dialog: a path the person chose (replacing it, as a confirmed native dialog would), or null for "cancel". Used by tests. */
export interface ScriptedDialogs {
  saveAnswers: (string | null)[];
  /** Every save dialog that was shown, for assertions. */
  saveRequests: SaveDialogRequest[];
}

/** Where an operating system keeps an app's data, for the Chromium shell's profile and files. */
export function defaultUserDataDir(platform: string, env: Record<string, string | undefined>, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Accord');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Accord');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Accord');
}

/** "name.ext", or "name (2).ext" etc. when that file exists: the name a save starts from (the write itself is exclusive, see writeFileNew). */
export function uniquePath(directory: string, fileName: string, exists: (path: string) => boolean = existsSync): string {
  const extension = extname(fileName);
  const stem = basename(fileName, extension);
  let candidate = join(directory, fileName);
  for (let counter = 2; exists(candidate); counter += 1) candidate = join(directory, `${stem} (${counter})${extension}`);
  return candidate;
}

/**
 * The Host for plain Node: the Chromium harness, the command line and tests.
 * There is no native dialog here, so "save" writes into `saveDir` under the
 * suggested name, never overwriting (an exclusive create, the next free
 * "name (2).ext" when taken), unless a test scripted the answer.
 */
export function createNodeHost(options: {
  appVersion: string;
  userDataDir: string;
  saveDir: string;
  platform?: string;
  now?: () => Date;
  /** Where to find a browser for printing (the project root); defaults to the current folder. */
  projectRoot?: string;
  printToPdf?: PrintToPdf;
}): Host & { dialogs: ScriptedDialogs } {
  let printer: (PrintToPdf & { close(): Promise<void> }) | null = null;
  const dialogs: ScriptedDialogs = { saveAnswers: [], saveRequests: [] };
  return {
    shell: 'chromium',
    appName: 'Accord',
    appVersion: options.appVersion,
    platform: options.platform ?? process.platform,
    userDataDir: options.userDataDir,
    now: options.now ?? (() => new Date()),
    dialogs,
    printToPdf: options.printToPdf ?? ((html, print) => (printer ??= createChromiumPrinter(options.projectRoot ?? process.cwd()))(html, print)),
    fontDataUrl: bundledFontDataUrl,
    // No OS keychain here: the passphrase file is readable by the user only (see docs/signing.md, "The sealing certificate").
    secrets: plainFileProtector,
    // The command line and tests have no window; the Chromium shell replaces this with "open a page".
    async openPresenter() {
      throw new Error('There is no window to open here; start Accord with "npm start" or "npm run start:chromium".');
    },
    // The Chromium shell has no native UI to recolour: the page's own theme is all there is.
    setTheme() {},
    // The Chromium shell's window closes without asking the page (the page backs up on pagehide).
    closeReady() {},
    async showSaveDialog(request) {
      dialogs.saveRequests.push(request);
      if (dialogs.saveAnswers.length > 0) {
        const answer = dialogs.saveAnswers.shift() ?? null;
        return answer === null ? null : { path: answer, replace: true };
      }
      // No dialog to confirm a replacement: never overwrite. Two saves may pick the same free name here; the exclusive write gives the second the next one.
      return { path: uniquePath(options.saveDir, request.defaultName), replace: false };
    },
  };
}
