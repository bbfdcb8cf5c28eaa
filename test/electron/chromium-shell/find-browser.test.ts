import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, howToGetABrowser, knownBrowserPaths } from '../../../electron/chromium-shell/find-browser';
import { defaultUserDataDir, uniquePath } from '../../../electron/hosts/node-host';

describe('finding a browser', () => {
  const projectRoot = '/nowhere';
  it('prefers ACCORD_BROWSER when it exists', () => {
    const found = findBrowser({ platform: 'linux', env: { ACCORD_BROWSER: '/opt/my/chrome' }, projectRoot, exists: () => true });
    expect(found).toEqual({ kind: 'chromium', path: '/opt/my/chrome', source: 'ACCORD_BROWSER' });
  });
  it('does not fall back silently when ACCORD_BROWSER is wrong', () => {
    expect(findBrowser({ platform: 'linux', env: { ACCORD_BROWSER: '/missing' }, projectRoot, exists: (path) => path === '/usr/bin/chromium' })).toBeNull();
  });
  it("finds Debian's Chromium first, then Chrome", () => {
    expect(findBrowser({ platform: 'linux', env: {}, projectRoot, exists: (path) => path === '/usr/bin/chromium' || path === '/usr/bin/google-chrome' })?.path).toBe('/usr/bin/chromium');
    expect(findBrowser({ platform: 'linux', env: {}, projectRoot, exists: (path) => path === '/usr/bin/google-chrome' })?.path).toBe('/usr/bin/google-chrome');
  });
  it('knows where Chrome lives on macOS and Windows', () => {
    expect(knownBrowserPaths('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(knownBrowserPaths('win32', { PROGRAMFILES: 'C:\\Program Files' })[0]).toBe(join('C:\\Program Files', 'Google', 'Chrome', 'Application', 'chrome.exe'));
  });
  it('returns null when nothing is installed, and the message says how to get one', () => {
    expect(findBrowser({ platform: 'linux', env: {}, projectRoot, exists: () => false })).toBeNull();
    expect(howToGetABrowser).toContain('apt-get install chromium');
    expect(howToGetABrowser).toContain('ACCORD_BROWSER');
  });
});

describe('Node host paths', () => {
  it('numbers a file name that is taken', () => {
    const taken = new Set(['/d/a.pdf', '/d/a (2).pdf']);
    expect(uniquePath('/d', 'a.pdf', (path) => taken.has(path))).toBe('/d/a (3).pdf');
  });
  it('uses each platform’s data folder', () => {
    expect(defaultUserDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Accord');
    expect(defaultUserDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/Library/Application Support/Accord');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Accord'));
  });
});
