import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isAllowedRequestUrl, isTrustedRendererUrl } from '../../../electron/main/security';

describe('security guards', () => {
  it('trusts only our own app://accord pages', () => {
    expect(isTrustedRendererUrl('app://accord/index.html#/workshop/x')).toBe(true);
    for (const url of ['app://evil/index.html', 'file:///etc/passwd', 'https://accord/', 'http://localhost:5173/', 'javascript:alert(1)', 'not a url']) expect(isTrustedRendererUrl(url)).toBe(false);
    expect(isAllowedNavigation('app://accord/index.html#/verify')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
  });

  it('lets the app load only its own files and local data/blob URLs: no remote content at all', () => {
    for (const url of ['app://accord/assets/index.js', 'data:font/woff2;base64,AAAA', 'blob:app://accord/6f1c']) expect(isAllowedRequestUrl(url)).toBe(true);
    for (const url of ['https://fonts.googleapis.com/css', 'http://127.0.0.1:8080/', 'ws://localhost/', 'file:///etc/hosts', 'ftp://x/', 'app://other/x.js', 'chrome-extension://abc/x.js', '']) expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it('allows DevTools only while developing', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', { allowDevTools: true })).toBe(true);
  });
});
