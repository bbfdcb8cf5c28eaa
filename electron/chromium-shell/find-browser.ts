import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A browser the harness can drive: a Chromium-family browser, or the Electron app itself. */
export type FoundBrowser = { kind: 'chromium'; path: string; source: string } | { kind: 'electron'; path: string; source: string };

/** Places a Chromium or Chrome is commonly installed, per platform, in order of preference. */
export function knownBrowserPaths(platform: string, env: Record<string, string | undefined>): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(root, 'Chromium', 'Application', 'chrome.exe')]);
  }
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'];
}

/** Where an installed Electron binary is, if `npm start` (or install-electron) fetched one. */
export function installedElectronPath(projectRoot: string, env: Record<string, string | undefined>): string | null {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  try {
    const relative = readFileSync(join(packageDir, 'path.txt'), 'utf8').trim();
    const path = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(packageDir, 'dist', relative);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** How to get a browser, for the message shown when none is found. */
export const howToGetABrowser = [
  'No Chromium-family browser was found.',
  'Do one of these:',
  '  - Debian/Ubuntu: sudo apt-get install chromium',
  '  - macOS/Windows: install Google Chrome or Chromium',
  '  - or point ACCORD_BROWSER at a Chromium or Chrome executable, e.g. ACCORD_BROWSER=/path/to/chrome npm run start:chromium',
].join('\n');

/**
 * Finds a browser: ACCORD_BROWSER (explicit), then the usual Chromium and
 * Chrome locations, then Electron when it is installed and
 * ACCORD_SHELL=electron asks for it. `exists` is injected for tests.
 */
export function findBrowser(options: {
  platform: string;
  env: Record<string, string | undefined>;
  projectRoot: string;
  exists?: (path: string) => boolean;
}): FoundBrowser | null {
  const exists = options.exists ?? existsSync;
  const explicit = options.env.ACCORD_BROWSER;
  if (explicit) return exists(explicit) ? { kind: 'chromium', path: explicit, source: 'ACCORD_BROWSER' } : null;
  if (options.env.ACCORD_SHELL === 'electron') {
    const electron = installedElectronPath(options.projectRoot, options.env);
    if (electron) return { kind: 'electron', path: electron, source: 'installed Electron' };
  }
  for (const path of knownBrowserPaths(options.platform, options.env)) {
    if (exists(path)) return { kind: 'chromium', path, source: path };
  }
  return null;
}

/** Flags for a quiet, offline Chromium that never phones home. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];
