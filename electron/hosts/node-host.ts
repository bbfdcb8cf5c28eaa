import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, basename } from 'node:path';
import type { Host, SaveDialogRequest } from '../handlers/host';

/** Scripted answers for the save dialog: a path to use, or null for "cancel". Used by tests. */
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

/** "name.ext", or "name (2).ext" etc. when that file exists, so a save never overwrites silently. */
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
 * suggested name (never overwriting), unless a test scripted the answer.
 */
export function createNodeHost(options: {
  appVersion: string;
  userDataDir: string;
  saveDir: string;
  platform?: string;
  now?: () => Date;
}): Host & { dialogs: ScriptedDialogs } {
  const dialogs: ScriptedDialogs = { saveAnswers: [], saveRequests: [] };
  return {
    shell: 'chromium',
    appName: 'Accord',
    appVersion: options.appVersion,
    platform: options.platform ?? process.platform,
    userDataDir: options.userDataDir,
    now: options.now ?? (() => new Date()),
    dialogs,
    async showSaveDialog(request) {
      dialogs.saveRequests.push(request);
      if (dialogs.saveAnswers.length > 0) return dialogs.saveAnswers.shift() ?? null;
      return uniquePath(options.saveDir, request.defaultName);
    },
  };
}
