import { detectEncoding, type CsvEncoding } from './csv';
import { InputError } from './input-error';

/**
 * Bytes to text for CRM exports, judged on the whole file rather than its
 * first bytes: a Windows-1252 export whose first accent comes on line 5,000
 * must not be read as UTF-8 with replacement characters.
 *
 * How: without a BOM the file is read as strict UTF-8. While everything so
 * far was ASCII (which reads the same in both encodings), the first byte that
 * is not UTF-8 switches to Windows-1252 in place: the same text a restart
 * would give, without reading the file twice. A file that was valid UTF-8
 * with accents and then has bytes that are not is mixed: refused with the line.
 * Replacement characters (U+FFFD) in the text are counted, so a result can
 * say so instead of silently containing them.
 */

/** What `TextDecoder` offers; shared/ has no DOM or Node types, so the caller passes the real one in. */
export interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** Makes a decoder (`(encoding, options) => new TextDecoder(encoding, options)`). */
export type MakeDecoder = (encoding: CsvEncoding, options: { fatal: boolean }) => TextDecoderLike;

/** How a file's bytes were read: filled in while its text is read. */
export interface TextReading {
  encoding: CsvEncoding;
  /** Whether the encoding came from a byte-order mark. */
  bom: boolean;
  /** The byte where the text turned out not to be UTF-8 and was read as Windows-1252 (null when it never did). */
  switchedAtByte: number | null;
  /** The 1-based line of that byte. */
  switchedAtLine: number | null;
  /** U+FFFD characters in the text: bytes that could not be read, or a file that contained them. */
  replacementCharacters: number;
}

/** A fresh reading record, before any byte was read. */
export function newTextReading(): TextReading {
  return { encoding: 'utf-8', bom: false, switchedAtByte: null, switchedAtLine: null, replacementCharacters: 0 };
}

/**
 * A warning for the person, or null when the text was read cleanly. A switch to
 * Windows-1252 is not one: the text is then read right, and the encoding is
 * named with the file (see `encodingLabels`); the line stays in `switchedAtLine`.
 */
export function describeTextReading(reading: TextReading): string | null {
  const parts: string[] = [];
  if (reading.replacementCharacters > 0) parts.push(`${reading.replacementCharacters.toLocaleString('en-US')} character${reading.replacementCharacters === 1 ? '' : 's'} could not be read and show as “�”; values containing them will not match the agreement's values`);
  return parts.length ? `${parts.join('; ')}.` : null;
}

/** Encoding names as people know them. */
export const encodingLabels: Record<CsvEncoding, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252 (Western European)' };

/** Every encoding the reader knows (from the exhaustive label record, so a new one cannot be left out of a schema). */
export const csvEncodings = Object.keys(encodingLabels) as [CsvEncoding, ...CsvEncoding[]];

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text: which half has them says the byte order. */
function utf16WithoutBom(head: Uint8Array): CsvEncoding | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < pairs; index += 1) {
    if (head[index * 2] === 0) evenNul += 1;
    if (head[index * 2 + 1] === 0) oddNul += 1;
  }
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\uFFFD'); index >= 0; index = text.indexOf('\uFFFD', index + 1)) count += 1;
  return count;
}

function countNewlineChars(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let index = 0; index < end; index += 1) if (bytes[index] === 10) count += 1;
  return count;
}

/**
 * Decodes a file's byte chunks into text chunks (BOM removed), deciding the
 * encoding from the whole file as described above, and records how in
 * `reading`. Throws InputError for a file that mixes UTF-8 and another encoding.
 */
export async function* decodeChunks(bytes: AsyncIterable<Uint8Array>, makeDecoder: MakeDecoder, reading: TextReading, fileName = 'The file'): AsyncGenerator<string> {
  let decoder: TextDecoderLike | null = null;
  let strict = false;
  // Bytes given to the strict UTF-8 decoder and UTF-16 code units it gave back: equal exactly while all was ASCII.
  let bytesIn = 0;
  let unitsOut = 0;
  let newlines = 0;
  // The first bytes are gathered until there are enough to judge a BOM and UTF-16 (a stream may start with a tiny chunk).
  let head: Uint8Array | null = new Uint8Array(0);

  const start = (first: Uint8Array): Uint8Array => {
    const detected = detectEncoding(first.subarray(0, 4096));
    // Without a BOM, strict UTF-8 first (the switch below decides on the whole file, not on a sample).
    const encoding = detected.bomLength > 0 ? detected.encoding : (utf16WithoutBom(first) ?? 'utf-8');
    reading.encoding = encoding;
    reading.bom = detected.bomLength > 0;
    // With a BOM the file says what it is: read it so, counting what cannot be read. Without one, UTF-8 must prove itself.
    strict = encoding === 'utf-8' && !reading.bom;
    decoder = makeDecoder(encoding, { fatal: strict });
    return first.subarray(detected.bomLength);
  };

  const decode = (chunk: Uint8Array): string => {
    const current = decoder!;
    if (!strict) return current.decode(chunk, { stream: true });
    let text: string;
    try {
      text = current.decode(chunk, { stream: true });
    } catch {
      const at = findFirstNonUtf8(chunk);
      const line = newlines + countNewlines(chunk, at) + 1;
      if (bytesIn !== unitsOut || !isAscii(chunk, at)) {
        throw new InputError(`${fileName} mixes encodings: line ${line.toLocaleString('en-US')} has bytes that are not UTF-8, while the lines before it have UTF-8 accents. Save it again from the spreadsheet as “CSV UTF-8” and choose it again.`);
      }
      // All ASCII so far: Windows-1252 reads that part the same, so switching here is a restart without re-reading.
      strict = false;
      decoder = makeDecoder('windows-1252', { fatal: false });
      reading.encoding = 'windows-1252';
      reading.switchedAtByte = bytesIn + at;
      reading.switchedAtLine = line;
      return decoder.decode(chunk, { stream: true });
    }
    bytesIn += chunk.length;
    unitsOut += text.length;
    // Counted on the text (one newline byte is one newline character in UTF-8): indexOf is far faster than a byte loop.
    newlines += countNewlineChars(text);
    return text;
  };

  for await (const raw of bytes) {
    let chunk = raw;
    if (head) {
      const joined: Uint8Array = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      if (joined.length < 4096) {
        head = joined;
        continue;
      }
      head = null;
      chunk = start(joined);
    }
    const text = decode(chunk);
    reading.replacementCharacters += countReplacements(text);
    if (text !== '') yield text;
  }
  if (head) {
    if (head.length === 0) return;
    const text = decode(start(head));
    reading.replacementCharacters += countReplacements(text);
    if (text !== '') yield text;
  }
  let rest: string;
  try {
    rest = (decoder as TextDecoderLike | null)?.decode() ?? '';
  } catch {
    // A file cut in the middle of a UTF-8 character: the last bytes cannot be read.
    rest = '\uFFFD';
  }
  reading.replacementCharacters += countReplacements(rest);
  if (rest !== '') yield rest;
}

function isAscii(bytes: Uint8Array, end: number): boolean {
  for (let index = 0; index < end; index += 1) if (bytes[index]! >= 0x80) return false;
  return true;
}

/** The offset of the first byte that breaks UTF-8 in a chunk that starts on a character boundary. */
function findFirstNonUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const extra = byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    if (extra < 0) return index;
    for (let next = 1; next <= extra; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined) return index;
      if ((continuation & 0xc0) !== 0x80) return index;
    }
    index += extra + 1;
  }
  return bytes.length;
}
