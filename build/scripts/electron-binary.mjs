// Finds or fetches the Electron binary. Plain JavaScript: it runs from
// `postinstall`, before any TypeScript tooling can be relied on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');
const electronDir = join(projectRoot, 'node_modules', 'electron');

/** Absolute path of the installed Electron executable, or null. */
export function installedElectron() {
  try {
    const relative = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronDir, 'dist');
    const path = join(base, relative);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Runs the electron package's own installer; resolves { ok, reason }. */
export function fetchElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (result.status === 0 && installedElectron()) return { ok: true, reason: '' };
  const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = output.split('\n').find((text) => /error|fail|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(text))?.trim();
  return { ok: false, reason: line || `the installer exited with code ${result.status}` };
}

/** What to tell a person who has no Electron binary. */
export function explainMissingElectron(reason) {
  return [
    'Accord could not start Electron: the Electron binary is not installed',
    `and could not be downloaded (${reason}).`,
    '',
    'What you can do:',
    '  - Use Accord in Chromium instead, with the same data and features:',
    '      npm run start:chromium',
    '  - Or, on a machine with internet access, fetch Electron and start again:',
    '      npx install-electron && npm start',
    '  - Or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45 build.',
  ].join('\n');
}
