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
