/**
 * A small, strict reader of PDF structure for the verifier: objects are found
 * through the cross-reference table the way a viewer finds them (never by
 * searching the text, never "the last definition wins" as pdf-lib does), with
 * the byte offset of every string kept so the seal's ByteRange can be checked
 * against the object it belongs to. Only what Accord writes is read: classic
 * xref tables (no xref streams, no object streams, no encryption).
 */
import { inflateSync } from 'node:zlib';

/** A PDF value as parsed. Strings and dictionaries keep where they sit in the file. */
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

/** A name, without its slash. */
export interface PdfName {
  kind: 'name';
  name: string;
}

/** A literal `( )` or hex `< >` string: its bytes, and where its first and past-last characters sit in the file. */
export interface PdfString {
  kind: 'string';
  bytes: Buffer;
  hex: boolean;
  start: number;
  end: number;
}

/** An indirect reference `n g R`. */
export interface PdfRef {
  kind: 'ref';
  num: number;
  gen: number;
}

/** A dictionary. */
export interface PdfDict {
  kind: 'dict';
  entries: Map<string, PdfValue>;
}

/** A stream: its dictionary and its raw (still encoded) bytes. */
export interface PdfStream {
  kind: 'stream';
  dict: PdfDict;
  raw: Buffer;
}

/**
 * Thrown for anything that is not the structure Accord writes; the message
 * says what, for a person. `foreign`: a valid PDF feature Accord never writes
 * in a sealed file (cross-reference streams, encryption), so such a file
 * carries no Accord seal; otherwise the structure is broken.
 */
export class PdfStructureError extends Error {
  constructor(
    message: string,
    readonly foreign = false,
  ) {
    super(message);
  }
}

const isWhite = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const isDelimiter = (byte: number | undefined) => byte !== undefined && '()<>[]{}/%'.includes(String.fromCharCode(byte));
const isHex = (byte: number | undefined) => byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));

/** Is this byte a hex digit (0-9, A-F, a-f)? */
export const isHexDigit = isHex;

/** A keyword (operator) in a content stream or the object syntax: `obj`, `R`, `Tj`… */
export interface PdfKeyword {
  kind: 'keyword';
  word: string;
}

/** Reads tokens and values from bytes at a position; never reads past `limit`. */
export class PdfLexer {
  position: number;
  constructor(
    readonly bytes: Buffer,
    position = 0,
    readonly limit = bytes.length,
  ) {
    this.position = position;
  }

  skipWhite(): void {
    for (;;) {
      while (this.position < this.limit && isWhite(this.bytes[this.position])) this.position += 1;
      if (this.bytes[this.position] !== 0x25 || this.position >= this.limit) return;
      while (this.position < this.limit && this.bytes[this.position] !== 0x0a && this.bytes[this.position] !== 0x0d) this.position += 1;
    }
  }

  atEnd(): boolean {
    this.skipWhite();
    return this.position >= this.limit;
  }

  /** The next regular word (a number, keyword, true/false/null) without consuming it. */
  peekWord(): string {
    this.skipWhite();
    let end = this.position;
    while (end < this.limit && !isWhite(this.bytes[end]) && !isDelimiter(this.bytes[end])) end += 1;
    return this.bytes.toString('latin1', this.position, end);
  }

  private word(): string {
    const word = this.peekWord();
    this.position += word.length;
    return word;
  }

  expectKeyword(keyword: string): void {
    const word = this.word();
    if (word !== keyword) throw new PdfStructureError(`expected “${keyword}” at byte ${this.position - word.length}, found “${word.slice(0, 20)}”`);
  }

  /** A value or a keyword; references `n g R` are read as one value. */
  next(depth = 0): PdfValue | PdfKeyword {
    if (depth > 64) throw new PdfStructureError('objects nested too deeply');
    this.skipWhite();
    if (this.position >= this.limit) throw new PdfStructureError('unexpected end of data');
    const start = this.position;
    const byte = this.bytes[start]!;
    if (byte === 0x2f) return this.name();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x3c) {
      if (this.bytes[start + 1] === 0x3c) return this.dict(depth);
      return this.hexString();
    }
    if (byte === 0x5b) {
      this.position += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (this.bytes[this.position] === 0x5d) {
          this.position += 1;
          return items;
        }
        const item = this.next(depth + 1);
        if (isKeyword(item)) throw new PdfStructureError(`unexpected “${item.word}” in an array at byte ${this.position}`);
        items.push(item);
      }
    }
    if (isDelimiter(byte)) throw new PdfStructureError(`unexpected “${String.fromCharCode(byte)}” at byte ${start}`);
    const word = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const value = Number(word);
      // An integer may start a reference: n g R.
      if (/^\d+$/.test(word)) {
        const save = this.position;
        const second = this.peekWord();
        if (/^\d+$/.test(second)) {
          this.position += second.length;
          if (this.peekWord() === 'R') {
            this.position += 1;
            return { kind: 'ref', num: value, gen: Number(second) };
          }
        }
        this.position = save;
      }
      return value;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { kind: 'keyword', word };
  }

  /** A value (not a keyword). */
  value(depth = 0): PdfValue {
    const start = this.position;
    const item = this.next(depth);
    if (isKeyword(item)) throw new PdfStructureError(`expected a value at byte ${start}, found “${item.word.slice(0, 20)}”`);
    return item;
  }

  private name(): PdfName {
    this.position += 1;
    let end = this.position;
    while (end < this.limit && !isWhite(this.bytes[end]) && !isDelimiter(this.bytes[end])) end += 1;
    const raw = this.bytes.toString('latin1', this.position, end);
    this.position = end;
    return { kind: 'name', name: raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) };
  }

  private hexString(): PdfString {
    const start = this.position;
    let end = start + 1;
    while (end < this.limit && this.bytes[end] !== 0x3e) {
      if (!isHex(this.bytes[end]) && !isWhite(this.bytes[end])) throw new PdfStructureError(`a hex string at byte ${start} holds a character that is not a hex digit`);
      end += 1;
    }
    if (end >= this.limit) throw new PdfStructureError(`a hex string at byte ${start} is not closed`);
    let digits = this.bytes.toString('latin1', start + 1, end).replace(/\s+/g, '');
    if (digits.length % 2 === 1) digits += '0';
    this.position = end + 1;
    return { kind: 'string', bytes: Buffer.from(digits, 'hex'), hex: true, start, end: end + 1 };
  }

  private literalString(): PdfString {
    const start = this.position;
    const out: number[] = [];
    let depth = 0;
    let at = start + 1;
    for (;;) {
      if (at >= this.limit) throw new PdfStructureError(`a string at byte ${start} is not closed`);
      const byte = this.bytes[at]!;
      if (byte === 0x5c) {
        const escaped = this.bytes[at + 1];
        at += 2;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (escaped !== undefined && simple[escaped] !== undefined) out.push(simple[escaped]);
        else if (escaped !== undefined && escaped >= 0x30 && escaped <= 0x37) {
          let octal = escaped - 0x30;
          for (let count = 0; count < 2 && this.bytes[at]! >= 0x30 && this.bytes[at]! <= 0x37; count += 1) octal = octal * 8 + (this.bytes[at++]! - 0x30);
          out.push(octal & 0xff);
        } else if (escaped === 0x0d) {
          if (this.bytes[at] === 0x0a) at += 1;
        } else if (escaped !== 0x0a && escaped !== undefined) out.push(escaped);
        continue;
      }
      if (byte === 0x28) depth += 1;
      if (byte === 0x29) {
        if (depth === 0) break;
        depth -= 1;
      }
      out.push(byte);
      at += 1;
    }
    this.position = at + 1;
    return { kind: 'string', bytes: Buffer.from(out), hex: false, start, end: at + 1 };
  }

  private dict(depth: number): PdfDict {
    this.position += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhite();
      if (this.bytes[this.position] === 0x3e && this.bytes[this.position + 1] === 0x3e) {
        this.position += 2;
        return { kind: 'dict', entries };
      }
      const key = this.next(depth + 1);
      if (!isName(key)) throw new PdfStructureError(`a dictionary key at byte ${this.position} is not a name`);
      if (entries.has(key.name)) throw new PdfStructureError(`the key /${key.name} appears twice in one dictionary (byte ${this.position})`);
      entries.set(key.name, this.value(depth + 1));
    }
  }
}

/** Is this token a keyword? */
export function isKeyword(value: PdfValue | PdfKeyword): value is PdfKeyword {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'keyword';
}
/** Is this value a name? */
export function isName(value: PdfValue | PdfKeyword | undefined): value is PdfName {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'name';
}
/** Is this value a dictionary? */
export function isDict(value: PdfValue | undefined): value is PdfDict {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'dict';
}
/** Is this value a string? */
export function isString(value: PdfValue | undefined): value is PdfString {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'string';
}
/** Is this value a stream? */
export function isStream(value: PdfValue | undefined): value is PdfStream {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'stream';
}
/** Is this value a reference? */
export function isRef(value: PdfValue | undefined): value is PdfRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.kind === 'ref';
}

/** A PDF text string (PDFDocEncoding taken as Latin-1, or UTF-16BE with its BOM). */
export function textOf(value: PdfValue | undefined): string | null {
  if (!isString(value)) return null;
  const bytes = value.bytes;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

/** One cross-reference section: where each object in use sits, and its trailer. */
export interface XrefSection {
  offset: number;
  entries: Map<number, { offset: number; gen: number } | 'free'>;
  trailer: PdfDict;
}

/** Reads the classic cross-reference table at `offset` and the trailer after it. */
export function readXrefSection(bytes: Buffer, offset: number, limit = bytes.length): XrefSection {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= limit) throw new PdfStructureError(`the cross-reference offset ${offset} is outside the file`);
  const lexer = new PdfLexer(bytes, offset, limit);
  if (lexer.peekWord() !== 'xref') {
    const found = lexer.peekWord();
    if (/^\d+$/.test(found)) throw new PdfStructureError('the file uses a cross-reference stream, which Accord never writes in a sealed PDF', true);
    throw new PdfStructureError(`no cross-reference table at byte ${offset}`);
  }
  if (lexer.position !== offset) throw new PdfStructureError(`the cross-reference table does not start exactly at byte ${offset}`);
  lexer.expectKeyword('xref');
  const entries = new Map<number, { offset: number; gen: number } | 'free'>();
  for (;;) {
    const word = lexer.peekWord();
    if (word === 'trailer') break;
    const first = lexer.value();
    const count = lexer.value();
    if (typeof first !== 'number' || typeof count !== 'number' || !Number.isSafeInteger(first) || !Number.isSafeInteger(count) || first < 0 || count < 0 || count > 1_000_000) {
      throw new PdfStructureError('a cross-reference subsection header is not two whole numbers');
    }
    lexer.skipWhite();
    for (let index = 0; index < count; index += 1) {
      const line = bytes.toString('latin1', lexer.position, lexer.position + 20);
      const match = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)$/.exec(line);
      if (!match) throw new PdfStructureError(`cross-reference entry ${first + index} is not 20 bytes of the form “nnnnnnnnnn ggggg n”`);
      const num = first + index;
      if (entries.has(num)) throw new PdfStructureError(`object ${num} is listed twice in one cross-reference table`);
      entries.set(num, match[3] === 'n' ? { offset: Number(match[1]), gen: Number(match[2]) } : 'free');
      lexer.position += 20;
    }
  }
  lexer.expectKeyword('trailer');
  const trailer = lexer.value();
  if (!isDict(trailer)) throw new PdfStructureError('the trailer is not a dictionary');
  return { offset, entries, trailer };
}

/** Where the last `startxref` of these bytes points; the bytes must end with it and `%%EOF` (the file's own end, not a search of its body). */
export function lastStartxref(bytes: Buffer, end = bytes.length): number {
  const tail = bytes.toString('latin1', Math.max(0, end - 1024), end);
  const match = /startxref[\r\n ]+(\d+)[\r\n ]+%%EOF[\r\n]*$/.exec(tail);
  if (!match) throw new PdfStructureError('the file does not end with “startxref … %%EOF”');
  return Number(match[1]);
}

/**
 * A view of a PDF as a viewer sees it through a chain of cross-reference
 * sections (newest first): an object is what the newest section that lists it
 * says. Each object is read at its offset and must carry its own number.
 */
export class PdfView {
  private readonly cache = new Map<number, PdfValue>();
  private readonly where = new Map<number, { offset: number; gen: number } | 'free'>();
  constructor(
    readonly bytes: Buffer,
    readonly sections: readonly XrefSection[],
    readonly limit = bytes.length,
  ) {
    for (const section of sections) for (const [num, entry] of section.entries) if (!this.where.has(num)) this.where.set(num, entry);
  }

  /** The newest trailer. */
  get trailer(): PdfDict {
    return this.sections[0]!.trailer;
  }

  /** Where an object's definition starts, or null when it is free or unknown. */
  offsetOf(num: number): number | null {
    const entry = this.where.get(num);
    return entry && entry !== 'free' ? entry.offset : null;
  }

  /** Follows references (a chain of at most a few) to the value. */
  resolve(value: PdfValue | undefined, hops = 0): PdfValue | undefined {
    if (!isRef(value)) return value;
    if (hops > 8) throw new PdfStructureError('a reference chain is too long');
    return this.resolve(this.object(value.num, value.gen), hops + 1);
  }

  /** A dictionary entry, resolved. */
  get(dict: PdfDict | PdfStream | undefined, key: string): PdfValue | undefined {
    if (!dict) return undefined;
    return this.resolve((isStream(dict) ? dict.dict : dict).entries.get(key));
  }

  private readonly reading = new Set<number>();

  /** Object `num` as the cross-reference says (null for a free or missing object, as the PDF specification says). */
  object(num: number, gen: number): PdfValue {
    const entry = this.where.get(num);
    if (!entry || entry === 'free') return null;
    if (entry.gen !== gen) return null;
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    if (this.reading.has(num)) throw new PdfStructureError(`object ${num} refers to itself while being read`);
    this.reading.add(num);
    try {
      const value = this.readAt(num, entry.offset, entry.gen);
      this.cache.set(num, value);
      return value;
    } finally {
      this.reading.delete(num);
    }
  }

  private readAt(num: number, offset: number, gen: number): PdfValue {
    if (offset >= this.limit) throw new PdfStructureError(`object ${num} is said to sit at byte ${offset}, outside the file`);
    const lexer = new PdfLexer(this.bytes, offset, this.limit);
    const head = [lexer.value(), lexer.value()];
    lexer.expectKeyword('obj');
    if (head[0] !== num || head[1] !== gen) throw new PdfStructureError(`the cross-reference sends object ${num} to byte ${offset}, where another object starts`);
    const value = lexer.value();
    if (lexer.peekWord() === 'stream') {
      if (!isDict(value)) throw new PdfStructureError(`object ${num} has a stream without a dictionary`);
      lexer.position += 'stream'.length;
      if (this.bytes[lexer.position] === 0x0d) lexer.position += 1;
      if (this.bytes[lexer.position] !== 0x0a) throw new PdfStructureError(`object ${num}: “stream” is not followed by an end of line`);
      lexer.position += 1;
      const length = this.resolve(value.entries.get('Length'));
      if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || lexer.position + length > this.limit) throw new PdfStructureError(`object ${num} has no usable stream /Length`);
      const raw = this.bytes.subarray(lexer.position, lexer.position + length);
      lexer.position += length;
      lexer.expectKeyword('endstream');
      lexer.expectKeyword('endobj');
      return { kind: 'stream', dict: value, raw };
    }
    lexer.expectKeyword('endobj');
    return value;
  }

  /** A stream's decoded bytes (no filter or FlateDecode only, as Chromium and pdf-lib write). */
  decode(stream: PdfStream): Buffer {
    const filter = this.get(stream, 'Filter');
    const filters = Array.isArray(filter) ? filter.map((item) => this.resolve(item)) : filter === undefined || filter === null ? [] : [filter];
    let data: Buffer = stream.raw;
    for (const item of filters) {
      if (!isName(item) || item.name !== 'FlateDecode') throw new PdfStructureError(`a stream uses the filter ${isName(item) ? `/${item.name}` : '?'}, which the verifier does not read`);
      if (this.get(stream, 'DecodeParms') !== undefined && this.get(stream, 'DecodeParms') !== null) throw new PdfStructureError('a stream uses decode parameters, which the verifier does not read');
      try {
        data = inflateSync(data, { maxOutputLength: 64 * 1024 * 1024 });
      } catch {
        throw new PdfStructureError('a compressed stream cannot be decompressed');
      }
    }
    return data;
  }
}

/**
 * The cross-reference chain from the last `startxref` of `bytes[0, end)`,
 * newest first, following /Prev. Each section is one revision: more than one
 * means incremental updates were appended.
 */
export function readXrefChain(bytes: Buffer, end = bytes.length): XrefSection[] {
  return readXrefChainFrom(bytes, lastStartxref(bytes, end), end);
}

/**
 * Where a reader finds the structure of a file that may have bytes after its
 * last `%%EOF` (viewers read such files): the end of that `%%EOF` line. Only
 * for the whole file's view; the signed revision must end exactly with its own.
 */
export function structureEnd(bytes: Buffer): number {
  const marker = bytes.lastIndexOf('%%EOF');
  if (marker < 0) throw new PdfStructureError('the file has no “%%EOF”: it was cut');
  let end = marker + 5;
  while (bytes[end] === 0x0d || bytes[end] === 0x0a) end += 1;
  return end;
}

function readXrefChainFrom(bytes: Buffer, start: number, end: number): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let offset: number | null = start;
  while (offset !== null) {
    if (seen.has(offset) || sections.length > 100) throw new PdfStructureError('the cross-reference chain loops');
    seen.add(offset);
    const section = readXrefSection(bytes, offset, end);
    if (section.trailer.entries.has('XRefStm')) throw new PdfStructureError('the file mixes in a cross-reference stream, which Accord never writes in a sealed PDF', true);
    if (section.trailer.entries.has('Encrypt')) throw new PdfStructureError('the file is encrypted, which Accord never does', true);
    sections.push(section);
    const prev = section.trailer.entries.get('Prev');
    if (prev === undefined) offset = null;
    else if (typeof prev === 'number' && Number.isSafeInteger(prev)) offset = prev;
    else throw new PdfStructureError('a trailer’s /Prev is not a byte offset');
  }
  return sections;
}
