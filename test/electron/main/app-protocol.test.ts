import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppUrl, resolveInsideRoot } from '../../../electron/main/app-protocol';

const root = resolve('/srv/accord/renderer');

describe('app:// protocol', () => {
  it('serves index.html for the root', () => {
    expect(resolveAppUrl(root, 'app://accord/')).toBe(join(root, 'index.html'));
  });
  it('serves files inside the build folder', () => {
    expect(resolveAppUrl(root, 'app://accord/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });
  it.each(['app://accord/../../etc/passwd', 'app://accord/%2e%2e/%2e%2e/etc/passwd'])('keeps %s inside the build folder (the URL parser folds the dots)', (url) => {
    expect(resolveAppUrl(root, url)).toBe(join(root, 'etc', 'passwd'));
  });
  it.each([
    'app://accord/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://accord/..%5c..%5cwindows%5csystem.ini',
    'app://accord/assets/%00.js',
    'app://accord/%E0%A4%A',
    'app://other/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(root, url)).toBeNull();
  });
  it('refuses a decoded path that climbs out', () => {
    expect(resolveInsideRoot(root, '/assets/../../secret')).toBeNull();
    expect(resolveInsideRoot(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });
  it('gives scripts, styles and fonts their content type', () => {
    expect(mimeTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
