import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withContentSecurityPolicyMeta } from '../../../shared/security/content-security-policy';

const directives = new Map(contentSecurityPolicy.split(';').map((part) => {
  const [name, ...values] = part.trim().split(/\s+/);
  return [name!, values] as const;
}));

describe('content security policy', () => {
  it('allows scripts from the app itself only: no eval, no inline script, no remote origin', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('names no remote origin anywhere (no http:, https:, ws:, wildcard)', () => {
    expect(contentSecurityPolicy).not.toMatch(/https?:|wss?:|\*/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, frames, base changes and form posts', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('goes into index.html as a meta tag right after the charset', () => {
    const html = withContentSecurityPolicyMeta('<head>\n    <meta charset="UTF-8" />\n  </head>');
    expect(html).toContain(`<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`);
  });
});
