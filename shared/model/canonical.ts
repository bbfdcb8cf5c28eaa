import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Canonical JSON: object keys in code-point order at every level, strings in
 * Unicode NFC, numbers in JavaScript's shortest round-trip form with -0 as 0,
 * `undefined` members left out. The same content gives the same text, and so
 * the same hash, on every platform. NaN and Infinity are refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot put ${value} in canonical JSON.`);
    return JSON.stringify(Object.is(value, -0) ? 0 : value);
  }
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry === undefined ? null : entry)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => [key.normalize('NFC'), entry] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  throw new Error(`Cannot put a ${typeof value} in canonical JSON.`);
}

/**
 * A JSON-like value with every string (and key) in Unicode NFC: what parsers of untrusted data store, so that what is
 * stored is what the content hash covers (canonicalJson hashes NFC). Without it, "Österreich" written with two code
 * points would hash as the agreed text while a rule compares it as another one.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((entry) => toNfc(entry)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) out[key.normalize('NFC')] = toNfc(entry);
    return out as T;
  }
  return value;
}

/** SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The content hash of any JSON-like value: SHA-256 of its canonical JSON. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
