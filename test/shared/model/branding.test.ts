import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  BrandingSchema,
  bytesToBase64,
  checkAccent,
  checkLogo,
  checkLogoDataUrl,
  contrastRatio,
  sniffImage,
} from '../../../shared/model/branding';
import { MAX_LOGO_BYTES } from '../../../shared/model/limits';

const text = (value: string) => new TextEncoder().encode(value);
const png = (size = 67) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52].slice(0, size));
  return bytes;
};
const svg = (body = '<rect width="10" height="10" fill="#305fb3"/>') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">${body}</svg>`;

describe('sniffing a logo by its content', () => {
  it.each([
    ['a PNG', png(), { supported: true, mimeType: 'image/png' }],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), { supported: true, mimeType: 'image/jpeg' }],
    ['a plain SVG', text(svg()), { supported: true, mimeType: 'image/svg+xml' }],
    ['an SVG with BOM, prolog, comment and doctype', text('\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Adobe Illustrator -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + svg()), { supported: true, mimeType: 'image/svg+xml' }],
    ['an SVG whose doctype has an internal subset', text('<!DOCTYPE svg [ <!ENTITY ns_svg "http://www.w3.org/2000/svg"> ]>\n  ' + svg()), { supported: true, mimeType: 'image/svg+xml' }],
    ['a GIF', text('GIF89a\x01\x00\x01\x00'), { supported: false, format: 'GIF' }],
    ['a WebP', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')]), { supported: false, format: 'WebP' }],
    ['a BMP', (() => { const bytes = new Uint8Array(54); bytes.set(text('BM')); return bytes; })(), { supported: false, format: 'BMP' }],
    ['plain text', text('Hello, this is not a logo.'), null],
    ['text that starts with BM', text('BMW annual report, page one of many pages'), null],
    ['an HTML page holding an SVG', text('<html><body>' + svg() + '</body></html>'), null],
    ['an element merely named like svg', text('<svgx></svgx>'), null],
    ['an unclosed comment', text('<!-- ' + svg()), null],
    ['nothing', new Uint8Array(0), null],
  ])('%s', (_label, bytes, expected) => {
    expect(sniffImage(bytes)).toEqual(expected);
  });

  it('judges PNG and JPEG by signature whatever follows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        expect(sniffImage(new Uint8Array([...png(8), ...tail]))).toEqual({ supported: true, mimeType: 'image/png' });
        expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, ...tail]))).toEqual({ supported: true, mimeType: 'image/jpeg' });
      }),
    );
  });

  it('never takes text without markup for an image', () => {
    fc.assert(fc.property(fc.string().filter((value) => !value.includes('<') && !/^(GIF8|RIFF|BM|II|MM)/.test(value)), (value) => {
      expect(sniffImage(text(value))).toBeNull();
    }));
  });

  it('accepts exactly what it sniffs as supported, never throws, and names the file in every refusal', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('image/png', 'image/gif', 'text/plain', ''), (bytes, declared) => {
        const result = checkLogo(bytes, declared, 'upload.bin');
        const sniffed = sniffImage(bytes);
        if (result.ok) {
          expect(sniffed).toEqual({ supported: true, mimeType: result.mimeType });
          expect(base64ToBytes(result.dataUrl.split(',')[1]!)).toEqual(bytes);
        } else {
          expect(result.message).toContain('upload.bin');
        }
      }),
    );
  });
});

describe('checking a logo', () => {
  it('gives a data URL of the type the content has, whatever the picker said', () => {
    const result = checkLogo(png(), 'image/gif', 'logo.gif');
    expect(result).toMatchObject({ ok: true, mimeType: 'image/png' });
    expect(result.ok && result.dataUrl.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    expect(checkLogo(text(svg()), '', 'logo.svg')).toMatchObject({ ok: true, mimeType: 'image/svg+xml' });
  });

  it('accepts exactly 2 MB and refuses 2 MB + 1 byte', () => {
    expect(checkLogo(png(MAX_LOGO_BYTES), 'image/png', 'big.png').ok).toBe(true);
    const refused = checkLogo(png(MAX_LOGO_BYTES + 1), 'image/png', 'big.png');
    expect(refused).toEqual({ ok: false, reason: 'too-large', message: 'big.png is too large (2,049 kB); a logo may be at most 2 MB. Use a smaller PNG, JPEG or SVG.' });
  });

  it('refuses a text file renamed .png as not an image', () => {
    expect(checkLogo(text('just some notes'), 'image/png', 'notes.png')).toEqual({ ok: false, reason: 'not-an-image', message: 'notes.png is not an image, although it is named or labelled PNG: its content is not a PNG, JPEG or SVG picture.' });
    expect(checkLogo(new Uint8Array(0), 'image/png', 'empty.png')).toMatchObject({ ok: false, reason: 'empty', message: expect.stringContaining('empty.png') });
  });

  it.each([
    ['GIF', text('GIF87a\x01\x00\x01\x00')],
    ['WebP', new Uint8Array([...text('RIFF'), 0x24, 0, 0, 0, ...text('WEBPVP8 ')])],
  ])('refuses a %s as an unsupported type', (format, bytes) => {
    expect(checkLogo(bytes, 'image/png', 'logo.png')).toEqual({ ok: false, reason: 'unsupported-type', message: `logo.png is a ${format} image: unsupported type, use PNG, JPEG or SVG.` });
  });

  it.each([
    ['a script', svg('<script>alert(1)</script>'), 'script'],
    ['a prefixed script', svg('<svg:script>alert(1)</svg:script>'), 'script'],
    ['an event handler', svg('<rect onload="alert(1)" width="1" height="1"/>'), 'event handler'],
    ['an event handler on the root', '<svg xmlns="http://www.w3.org/2000/svg" onclick = "x()"></svg>', 'event handler'],
    ['a foreignObject', svg('<foreignObject><div>hi</div></foreignObject>'), 'foreignObject'],
    ['an https image', svg('<image href="https://example.com/a.png"/>'), 'external'],
    ['an http xlink', svg('<use xlink:href="http://example.com/s.svg#a"/>'), 'external'],
    ['a protocol-relative src', svg("<image src='//cdn.example.com/a.png'/>"), 'external'],
    ['a file reference', svg('<image href="file:///etc/passwd"/>'), 'external'],
    ['an encoded address', svg('<image href="&#104;ttps://example.com/a.png"/>'), 'external'],
    ['a style url()', svg('<style>rect { fill: url(https://example.com/p.svg#g) }</style>'), 'external'],
    ['an @import', svg('<style>@import "x.css";</style>'), '@import'],
    ['a javascript: link', svg('<a href="javascript:alert(1)"><rect/></a>'), 'javascript'],
    ['an external entity', '<!DOCTYPE svg [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>' + svg('<text>&x;</text>'), 'external entity'],
  ])('refuses an SVG with %s', (_label, source, problem) => {
    const result = checkLogo(text(source), 'image/svg+xml', 'mark.svg');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('unsafe-svg');
    expect(!result.ok && result.message).toMatch(new RegExp(`^mark\\.svg .*${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('accepts an SVG with namespaces, a DTD address, internal links and embedded images', () => {
    const source = '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/><image xlink:href="data:image/png;base64,iVBORw0KGgo="/><text>Northwind, online</text>');
    expect(checkLogo(text(source), 'image/svg+xml', 'mark.svg')).toMatchObject({ ok: true, mimeType: 'image/svg+xml' });
  });

  it('re-checks a data URL from the untrusted side: type prefix, encoding and content', () => {
    const good = checkLogo(text(svg()), 'image/svg+xml', 'a.svg');
    expect(good.ok && checkLogoDataUrl(good.dataUrl).ok).toBe(true);
    expect(checkLogoDataUrl(`data:image/png;base64,${bytesToBase64(text(svg()))}`)).toMatchObject({ ok: false, message: 'The logo says it is PNG but its content is SVG.' });
    expect(checkLogoDataUrl(`data:image/svg+xml;base64,${bytesToBase64(text(svg('<script>x()</script>')))}`)).toMatchObject({ ok: false, reason: 'unsafe-svg' });
    expect(checkLogoDataUrl('data:image/gif;base64,R0lGODlh').ok).toBe(false);
    expect(checkLogoDataUrl('data:image/png;base64,not base64!').ok).toBe(false);
  });

  it('encodes and decodes base64 as Node does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(encoded)).toEqual(bytes);
      }),
      { numRuns: 60 },
    );
    expect(base64ToBytes('abc')).toBeNull();
    expect(base64ToBytes('ab$=')).toBeNull();
  });
});

describe('the accent colour', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#305fb3', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#305fb3'), 10);
  });

  it.each(['#305fb3', '#1864AB', '#c92a2a', '#000000', '#767676'])('accepts %s', (hex) => {
    expect(checkAccent(hex)).toEqual({ ok: true, accent: hex.toLowerCase() });
  });

  it.each(['#ffff00', '#fab005', '#ffffff', '#a0a0a0'])('refuses %s as too light', (hex) => {
    const result = checkAccent(hex);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/too light to read on a white page or a projector \(contrast \d\.\d:1 against white, at least 3:1 needed\); choose a darker shade\.$/);
  });

  it.each(['305fb3', '#305fb', '#305fb3ff', 'blue', '#ggg000', ''])('refuses %j as not #rrggbb', (hex) => {
    expect(checkAccent(hex)).toMatchObject({ ok: false, message: expect.stringContaining('#rrggbb') });
  });
});

describe('the branding schema', () => {
  const logo = `data:image/svg+xml;base64,${bytesToBase64(text(svg()))}`;
  it('accepts a name (trimmed), an SVG logo and an accent', () => {
    expect(BrandingSchema.parse({ name: '  Northwind Advisory ', logoDataUrl: logo, accent: '#305fb3' })).toEqual({ name: 'Northwind Advisory', logoDataUrl: logo, accent: '#305fb3' });
  });
  it.each([
    ['a GIF data URL', { name: 'N', logoDataUrl: 'data:image/gif;base64,R0lGODlh' }],
    ['a remote logo', { name: 'N', logoDataUrl: 'https://example.com/logo.png' }],
    ['a light accent', { name: 'N', accent: '#ffff00' }],
    ['a CSS injection as accent', { name: 'N', accent: 'red; } body { display: none' }],
    ['a long name', { name: 'x'.repeat(121) }],
    ['an extra field', { name: 'N', colour: '#000000' }],
  ])('refuses %s', (_label, value) => {
    expect(BrandingSchema.safeParse(value).success).toBe(false);
  });
});
