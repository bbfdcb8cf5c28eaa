import { base64Length, formatSize, MAX_LOGO_BYTES } from './limits';
import { z } from './zod';

/**
 * The consultant's branding (name, logo, accent colour): a setting of this
 * computer that the PDF and the presenter window use. Everything here is pure:
 * logos are judged by their bytes (never by their name or declared type), and
 * the same rules run in the renderer (when a file is picked, when a stored
 * value is read) and in main (before a logo reaches the print HTML).
 */

/** Longest name or firm we accept; long enough for any real name, short enough for a cover. */
export const MAX_BRANDING_NAME_CHARS = 120;

/** The logo types we accept, as data URL mime types. */
export const logoMimeTypes = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** A logo type we accept. */
export type LogoMimeType = (typeof logoMimeTypes)[number];

/** Least contrast of an accent against white (WCAG's figure for large text and graphics). */
export const MIN_ACCENT_CONTRAST = 3;

/** An accent colour as we store it: `#rrggbb`. */
export const ACCENT_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** A logo data URL of an accepted type, base64 encoded. */
export const LOGO_DATA_URL_PATTERN = /^data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/]*={0,2}$/;

/** Longest logo data URL: a file of MAX_LOGO_BYTES in base64 plus its prefix. */
export const MAX_LOGO_DATA_URL_CHARS = base64Length(MAX_LOGO_BYTES) + 'data:image/svg+xml;base64,'.length;

/** The consultant's branding. */
export interface Branding {
  /** Their name or firm (may be empty when a logo or an accent is set). */
  name: string;
  /** A PNG, JPEG or SVG data URL. */
  logoDataUrl?: string;
  /** `#rrggbb`, dark enough to read on white. */
  accent?: string;
}

/** The name or firm: trimmed, at most 120 characters. */
export const BrandingNameSchema = z.string({ error: 'The name must be text.' }).check(
  z.trim(),
  z.maxLength(MAX_BRANDING_NAME_CHARS, { error: `Keep the name under ${MAX_BRANDING_NAME_CHARS + 1} characters.` }),
);

/** A logo data URL: PNG, JPEG or SVG, base64, of a file of at most MAX_LOGO_BYTES. */
export const LogoDataUrlSchema = z.string({ error: 'The logo must be a data URL.' }).check(
  z.maxLength(MAX_LOGO_DATA_URL_CHARS, { error: `The logo is larger than ${formatSize(MAX_LOGO_BYTES)}.` }),
  z.regex(LOGO_DATA_URL_PATTERN, { error: 'The logo must be a PNG, JPEG or SVG data URL.' }),
);

/** An accent colour: `#rrggbb` with at least 3:1 contrast against white. */
export const AccentSchema = z.string({ error: 'The accent colour must be text.' }).check(
  z.regex(ACCENT_PATTERN, { error: 'The accent colour must be of the form #rrggbb.' }),
  z.refine((hex) => !ACCENT_PATTERN.test(hex) || contrastRatio(hex, '#ffffff') >= MIN_ACCENT_CONTRAST, { error: 'The accent colour is too light to read on a white page.' }),
);

/** The branding as stored and as sent to main for the PDF. */
export const BrandingSchema = z.strictObject({
  name: BrandingNameSchema,
  logoDataUrl: z.optional(LogoDataUrlSchema),
  accent: z.optional(AccentSchema),
});

// ---------------------------------------------------------------- colour

/** WCAG 2 relative luminance of a `#rrggbb` colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  if (!ACCENT_PATTERN.test(hex)) throw new Error(`${hex} is not a colour of the form #rrggbb.`);
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Whether an accent colour was accepted, and if not, why. */
export type AccentCheck = { ok: true; accent: string } | { ok: false; message: string };

/** Checks an accent colour: `#rrggbb` (returned in lower case), at least 3:1 against white. */
export function checkAccent(hex: string): AccentCheck {
  const value = hex.trim();
  if (!ACCENT_PATTERN.test(value)) return { ok: false, message: `“${hex}” is not a colour of the form #rrggbb (for example #305fb3).` };
  const ratio = contrastRatio(value, '#ffffff');
  if (ratio < MIN_ACCENT_CONTRAST) {
    return { ok: false, message: `${value} is too light to read on a white page or a projector (contrast ${ratio.toFixed(1)}:1 against white, at least ${MIN_ACCENT_CONTRAST}:1 needed); choose a darker shade.` };
  }
  return { ok: true, accent: value.toLowerCase() };
}

/** Branding as a person entered it, before validation. */
export interface BrandingInput {
  name: string;
  logoDataUrl?: string | null;
  accent?: string | null;
}

/** The branding accepted (null: no branding at all), or refused with a message to act on. */
export type BrandingCheck = { ok: true; branding: Branding | null } | { ok: false; message: string };

/**
 * Validates branding as entered: the name trimmed, the accent checked (with
 * its contrast message), the logo a PNG, JPEG or SVG data URL. An empty name
 * with no logo and no accent is no branding (null).
 */
export function validateBranding(input: BrandingInput): BrandingCheck {
  const accentText = input.accent?.trim() ?? '';
  let accent: string | undefined;
  if (accentText !== '') {
    const checked = checkAccent(accentText);
    if (!checked.ok) return checked;
    accent = checked.accent;
  }
  const candidate = { name: typeof input.name === 'string' ? input.name : '', ...(input.logoDataUrl ? { logoDataUrl: input.logoDataUrl } : {}), ...(accent ? { accent } : {}) };
  const parsed = BrandingSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'The branding is not valid.' };
  const branding: Branding = parsed.data;
  return { ok: true, branding: branding.name === '' && !branding.logoDataUrl && !branding.accent ? null : branding };
}

// ---------------------------------------------------------------- logo

/** What the first bytes of a file say it is. */
export type SniffedImage = { supported: true; mimeType: LogoMimeType } | { supported: false; format: string } | null;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** Image formats we recognise but do not accept, by signature. */
const otherImages: { format: string; test: (bytes: Uint8Array) => boolean }[] = [
  { format: 'GIF', test: (bytes) => startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')) },
  { format: 'WebP', test: (bytes) => startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8) },
  // "BM", then the file size, then four reserved bytes that are zero.
  { format: 'BMP', test: (bytes) => startsWith(bytes, ascii('BM')) && bytes.length >= 26 && bytes[6] === 0 && bytes[7] === 0 && bytes[8] === 0 && bytes[9] === 0 },
  { format: 'TIFF', test: (bytes) => startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) },
  { format: 'ICO', test: (bytes) => startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 22 },
  { format: 'AVIF', test: (bytes) => startsWith(bytes, ascii('ftypavif'), 4) || startsWith(bytes, ascii('ftypavis'), 4) },
  { format: 'HEIC', test: (bytes) => startsWith(bytes, ascii('ftyphei'), 4) || startsWith(bytes, ascii('ftypmif1'), 4) },
  { format: 'JPEG 2000', test: (bytes) => startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) },
];

/** Bytes as a string of the same code units (Latin-1): every keyword we look for in an SVG is ASCII. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index += 0x2000) text += String.fromCharCode(...bytes.subarray(index, index + 0x2000));
  return text;
}

/** The text after an optional BOM, XML declaration, comments, processing instructions and doctype; null when one is not closed. */
function afterProlog(text: string): string | null {
  let rest = text.startsWith('\u00ef\u00bb\u00bf') ? text.slice(3) : text;
  for (;;) {
    rest = rest.replace(/^[ \t\r\n]+/, '');
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return null;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end < 0) return null;
      rest = rest.slice(end + 3);
    } else if (/^<!DOCTYPE[ \t\r\n]/i.test(rest)) {
      // A doctype may hold an internal subset in brackets, whose declarations contain '>'.
      const open = rest.indexOf('[');
      const close = rest.indexOf('>');
      if (close < 0) return null;
      if (open >= 0 && open < close) {
        const subsetEnd = rest.indexOf(']', open);
        const end = subsetEnd < 0 ? -1 : rest.indexOf('>', subsetEnd);
        if (end < 0) return null;
        rest = rest.slice(end + 1);
      } else {
        rest = rest.slice(close + 1);
      }
    } else {
      return rest;
    }
  }
}

/** Whether bytes are an SVG document: text whose root element is <svg>. */
function isSvg(bytes: Uint8Array): boolean {
  // Cheap first look: after an optional BOM and white space, markup must start.
  let index = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x09 || bytes[index] === 0x0a || bytes[index] === 0x0d)) index += 1;
  if (bytes[index] !== 0x3c) return false;
  const rest = afterProlog(latin1(bytes));
  return rest !== null && /^<svg[ \t\r\n/>]/.test(rest);
}

/** What a file is, judged by its content alone: PNG, JPEG or SVG, another image format, or not an image (null). */
export function sniffImage(bytes: Uint8Array): SniffedImage {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { supported: true, mimeType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { supported: true, mimeType: 'image/jpeg' };
  const other = otherImages.find((candidate) => candidate.test(bytes));
  if (other) return { supported: false, format: other.format };
  if (isSvg(bytes)) return { supported: true, mimeType: 'image/svg+xml' };
  return null;
}

/** Decodes the numeric character references an attacker could hide a keyword behind (`&#104;ttp:`). */
function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|[0-9]+);?/gi, (reference, code: string) => {
    const value = code[0] === 'x' || code[0] === 'X' ? Number.parseInt(code.slice(1), 16) : Number.parseInt(code, 10);
    return value > 0 && value < 0x110000 ? String.fromCodePoint(value) : reference;
  });
}

const externalUrl = String.raw`(?:https?:|file:|//|\\\\)`;
/** What an SVG logo may not contain, and why; the app loads no remote content and runs no code from files. */
const unsafeSvg: { pattern: RegExp; problem: string }[] = [
  { pattern: /<\s*(?:[\w.-]+:)?script[\s/>]/i, problem: 'contains a script (<script>); a logo may not run code' },
  { pattern: /(?:^|[\s"'])on[a-z]+\s*=/i, problem: 'contains an event handler (an on…= attribute); a logo may not run code' },
  { pattern: /<\s*(?:[\w.-]+:)?foreignObject[\s/>]/i, problem: 'contains a <foreignObject> (embedded web content)' },
  { pattern: /javascript\s*:/i, problem: 'contains a javascript: link; a logo may not run code' },
  { pattern: new RegExp(String.raw`\b(?:href|src)\s*=\s*["']?\s*${externalUrl}`, 'i'), problem: 'refers to an external file or web address (href or src); the app loads nothing from outside the file' },
  { pattern: new RegExp(String.raw`url\(\s*["']?\s*${externalUrl}`, 'i'), problem: 'refers to an external file or web address in its styles (url(…)); the app loads nothing from outside the file' },
  { pattern: /@import\b/i, problem: 'imports an external style sheet (@import); the app loads nothing from outside the file' },
  { pattern: /<!ENTITY[^>]*\b(?:SYSTEM|PUBLIC)\b/i, problem: 'declares an external entity; the app loads nothing from outside the file' },
];

/** Why an SVG may not be used as a logo, or null when it may. */
export function svgProblem(bytes: Uint8Array): string | null {
  const text = decodeCharacterReferences(latin1(bytes));
  return unsafeSvg.find((rule) => rule.pattern.test(text))?.problem ?? null;
}

/** Why a logo was refused. */
export type LogoRefusal = 'empty' | 'too-large' | 'not-an-image' | 'unsupported-type' | 'unsafe-svg';

/** A logo accepted (as a data URL of its real type), or refused with a message naming the file. */
export type LogoCheck = { ok: true; mimeType: LogoMimeType; dataUrl: string } | { ok: false; reason: LogoRefusal; message: string };

const typeNames: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/bmp': 'BMP' };

/** The refusal of a logo over MAX_LOGO_BYTES (also said before reading a large file at all). */
export function logoTooLargeMessage(fileName: string, size: number): string {
  return `${fileName} is too large (${Math.ceil(size / 1024).toLocaleString('en-US')} kB); a logo may be at most ${formatSize(MAX_LOGO_BYTES)}. Use a smaller PNG, JPEG or SVG.`;
}

/**
 * Checks a logo file by its content: PNG, JPEG or SVG, at most MAX_LOGO_BYTES, and an
 * SVG without scripts, event handlers, foreignObject or external references.
 * The declared type (from the file picker) only words the message; the
 * content decides, and the data URL carries the type the content has.
 */
export function checkLogo(bytes: Uint8Array, declaredType: string, fileName: string): LogoCheck {
  const name = fileName.trim() || 'The file';
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: `${name} is empty; choose a PNG, JPEG or SVG logo.` };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, reason: 'too-large', message: logoTooLargeMessage(name, bytes.length) };
  const sniffed = sniffImage(bytes);
  if (sniffed === null) {
    const claimed = typeNames[declaredType] ?? /\.(png|jpe?g|svg|gif|webp|bmp)$/i.exec(name)?.[1]?.toUpperCase().replace('JPG', 'JPEG');
    return { ok: false, reason: 'not-an-image', message: `${name} is not an image${claimed ? `, although it is named or labelled ${claimed}` : ''}: its content is not a PNG, JPEG or SVG picture.` };
  }
  if (!sniffed.supported) return { ok: false, reason: 'unsupported-type', message: `${name} is a ${sniffed.format} image: unsupported type, use PNG, JPEG or SVG.` };
  if (sniffed.mimeType === 'image/svg+xml') {
    const problem = svgProblem(bytes);
    if (problem) return { ok: false, reason: 'unsafe-svg', message: `${name} ${problem}. Save the logo again without it, or use a PNG.` };
  }
  return { ok: true, mimeType: sniffed.mimeType, dataUrl: `data:${sniffed.mimeType};base64,${bytesToBase64(bytes)}` };
}

/**
 * Checks a logo that arrives as a data URL (from the renderer, which main does
 * not trust): the same content rules as a file, and the declared type must be
 * the type the content has.
 */
export function checkLogoDataUrl(dataUrl: string, label = 'The logo'): LogoCheck {
  const match = /^data:(image\/(?:png|jpeg|svg\+xml));base64,([A-Za-z0-9+/]*={0,2})$/.exec(dataUrl.length <= MAX_LOGO_DATA_URL_CHARS ? dataUrl : '');
  const bytes = match ? base64ToBytes(match[2]!) : null;
  if (!match || !bytes) return { ok: false, reason: 'not-an-image', message: `${label} is not a PNG, JPEG or SVG data URL of at most ${formatSize(MAX_LOGO_BYTES)}.` };
  const checked = checkLogo(bytes, match[1]!, label);
  if (checked.ok && checked.mimeType !== match[1]) return { ok: false, reason: 'not-an-image', message: `${label} says it is ${typeNames[match[1]!]} but its content is ${typeNames[checked.mimeType]}.` };
  return checked;
}

/**
 * The branding as a print view may show it: a logo only when its content passes
 * checkLogoDataUrl, an accent only when checkAccent accepts it; anything else is
 * left out. The last line of defence for HTML built from untrusted input.
 */
export function printableBranding(branding: Branding | undefined): Branding | undefined {
  if (!branding || typeof branding.name !== 'string') return undefined;
  const logoDataUrl = typeof branding.logoDataUrl === 'string' && checkLogoDataUrl(branding.logoDataUrl).ok ? branding.logoDataUrl : undefined;
  const accent = typeof branding.accent === 'string' ? (checkAccent(branding.accent) as { accent?: string }).accent : undefined;
  return { name: branding.name.slice(0, MAX_BRANDING_NAME_CHARS), ...(logoDataUrl ? { logoDataUrl } : {}), ...(accent ? { accent } : {}) };
}

// ---------------------------------------------------------------- base64 (shared/ has neither btoa nor Buffer)

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Codes = Array.from(BASE64_ALPHABET, (character) => character.charCodeAt(0));
const base64Values = new Int16Array(128).fill(-1);
base64Codes.forEach((code, value) => {
  base64Values[code] = value;
});

/** Standard base64 (with padding) of some bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  const chunks: string[] = [];
  // 0x3000 input bytes give 0x4000 characters per String.fromCharCode call, well under argument limits.
  for (let start = 0; start < bytes.length; start += 0x3000) {
    const end = Math.min(start + 0x3000, bytes.length);
    const codes: number[] = [];
    for (let index = start; index < end; index += 3) {
      const a = bytes[index]!;
      const b = index + 1 < end ? bytes[index + 1]! : 0;
      const c = index + 2 < end ? bytes[index + 2]! : 0;
      codes.push(base64Codes[a >> 2]!, base64Codes[((a & 3) << 4) | (b >> 4)]!, index + 1 < end ? base64Codes[((b & 15) << 2) | (c >> 6)]! : 61, index + 2 < end ? base64Codes[c & 63]! : 61);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

/** The bytes of standard base64 text, or null when it is not valid base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const length = text.length - padding;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let out = 0;
  let buffer = 0;
  let bits = 0;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? base64Values[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 255;
    }
  }
  return bytes;
}
