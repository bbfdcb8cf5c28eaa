import { APP_HOST, APP_SCHEME } from '../../shared/security/content-security-policy';

/** The one origin our windows may show. */
export const appOrigin = `${APP_SCHEME}://${APP_HOST}`;

/** Whether a URL belongs to Accord's own renderer (and nothing else: no file://, no http). */
export function isTrustedRendererUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Whether a navigation may happen inside a window. Only in-app routes of our
 * own origin; everything else (links to the web, file://, javascript:) is denied.
 */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isTrustedRendererUrl(targetUrl);
}

/**
 * Whether the app may load a URL at all (checked for every request of the
 * app's session, on top of the CSP): our own `app://accord` files, and
 * `data:`/`blob:` URLs, which are made on this computer (the bundled font for
 * printing, signatures and logos, workers, downloads). Everything else
 * (http, https, ws, file, ftp, other hosts of app://) is cancelled: the app
 * loads no remote content at all. `devtools:` only while developing.
 */
export function isAllowedRequestUrl(url: string, options: { allowDevTools?: boolean } = {}): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (parsed.protocol === 'devtools:') return options.allowDevTools === true;
  return isTrustedRendererUrl(url);
}
