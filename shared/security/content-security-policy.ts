/**
 * The renderer's Content Security Policy, sent both as a response header by
 * the `app://` protocol and as a `<meta>` tag in index.html (so the Chromium
 * shell and static scanners see it too). No remote origin anywhere, no eval.
 * `style-src 'unsafe-inline'` is needed by the component library's runtime
 * CSS variables; scripts stay strictly same-origin.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/** The scheme and host the renderer is served from in Electron: `app://accord/`. */
export const APP_SCHEME = 'app';

/** Host part of the renderer's origin. */
export const APP_HOST = 'accord';

/**
 * index.html with the CSP as its first `<meta>` after the charset: the
 * renderer build writes it (renderer/vite.config.ts), and the Electronegativity
 * check scans the same page, so both see the one policy.
 */
export function withContentSecurityPolicyMeta(html: string): string {
  return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`);
}
