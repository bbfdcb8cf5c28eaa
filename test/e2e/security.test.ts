import { afterEach, describe, expect, it } from 'vitest';
import { SHELL_ORIGIN } from '../../electron/chromium-shell/harness';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import { startApp, type RunningApp } from './support/app';

let app: RunningApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('the page is locked down (CSP, no remote content)', () => {
  it('carries the CSP as header and meta tag, and the browser enforces it: no inline script, no remote fetch or image (no eval: see the unit test of the policy)', async () => {
    app = await startApp();
    const { page } = app;
    const response = await page.goto(`${SHELL_ORIGIN}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(contentSecurityPolicy);

    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true';
      document.head.append(inline);
      let fetchResult = 'fetched';
      try {
        await fetch('https://example.com/beacon');
      } catch (error) {
        fetchResult = (error as Error).name;
      }
      const image = new Image();
      image.src = 'https://example.com/pixel.png';
      await new Promise((done) => setTimeout(done, 200));
      return { inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, fetchResult, violations: [...new Set(violations)].sort() };
    });
    expect(outcome.inlineRan).toBe(false);
    expect(outcome.fetchResult).toBe('TypeError');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem']));
    // Refused by the CSP before any request was made; had one got through, the harness would have refused and recorded it.
    expect(app.blockedRequests).toEqual([]);
  }, 60_000);
});
