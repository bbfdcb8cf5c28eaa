import { extname, resolve, sep } from 'node:path';
import { APP_HOST } from '../../shared/security/content-security-policy';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type for a file served by the app protocol. */
export function mimeTypeFor(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a URL path such as "/assets/index.js" to a file inside `root`, or null
 * when it is malformed or would escape `root` (path traversal, encoded or
 * not). "/" serves index.html. Pure, so it is unit-tested; the app:// protocol
 * and the Chromium harness both serve files through it.
 */
export function resolveInsideRoot(root: string, urlPathname: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // A NUL or a backslash never belongs in our asset paths; on Windows a backslash is a separator.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const rootResolved = resolve(root);
  const target = resolve(rootResolved, relative);
  if (target !== rootResolved && !target.startsWith(rootResolved + sep)) return null;
  return target;
}

/** Maps an `app://accord/...` URL to a file inside `root`; null for any other host or an escaping path. */
export function resolveAppUrl(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host !== APP_HOST) return null;
  return resolveInsideRoot(root, parsed.pathname);
}
