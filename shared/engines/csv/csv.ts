/**
 * Reading CRM exports: encoding and BOM, the delimiter, and a streaming
 * parser that handles quoted fields with delimiters, quotes and newlines,
 * CRLF, and reports ragged rows by number instead of silently merging them.
 *
 * Why not uDSV (the fastest JS parser, our benchmark reference): it reads a
 * fixed number of columns, so a short row swallows the next line and the
 * error can no longer be reported. The parser here scans with indexOf like
 * uDSV and takes a character-by-character path only for rows with quotes.
 */

/** The text encodings we recognise. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Detects the encoding from the first bytes: a BOM, else UTF-8 when it decodes cleanly, else Windows-1252. */
export function detectEncoding(head: Uint8Array): { encoding: CsvEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // A multi-byte character may be cut at the end of the sample: ignore the last 3 bytes.
  return { encoding: isUtf8(head.subarray(0, Math.max(0, head.length - 3))) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** Whether bytes are well-formed UTF-8 (shared/ has no TextDecoder type, and this needs no allocation). */
function isUtf8(bytes: Uint8Array): boolean {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const extra = byte < 0x80 ? 0 : byte >= 0xc2 && byte <= 0xdf ? 1 : byte >= 0xe0 && byte <= 0xef ? 2 : byte >= 0xf0 && byte <= 0xf4 ? 3 : -1;
    if (extra < 0) return false;
    for (let next = 1; next <= extra; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined) return true;
      if ((continuation & 0xc0) !== 0x80) return false;
    }
    index += extra + 1;
  }
  return true;
}

/** True when a sample looks like binary data rather than text (NUL bytes or many control characters). */
export function looksBinary(text: string): boolean {
  let control = 0;
  const length = Math.min(text.length, 65_536);
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control += 1;
  }
  return length > 0 && control / length > 0.02;
}

/** Picks the delimiter (comma, semicolon, tab, pipe) that splits the first lines most consistently. */
export function detectDelimiter(sample: string): ',' | ';' | '\t' | '|' {
  const lines = firstLines(sample, 20);
  let best: ',' | ';' | '\t' | '|' = ',';
  let bestScore = -1;
  for (const candidate of [',', ';', '\t', '|'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, candidate));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // Lines that agree with the header's count, weighted by how many columns it makes.
    const agreeing = counts.filter((count) => count === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

function firstLines(sample: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < sample.length && lines.length < count; index += 1) {
    const char = sample.charCodeAt(index);
    if (char === 34) quoted = !quoted;
    else if (char === 10 && !quoted) {
      lines.push(sample.slice(start, index));
      start = index + 1;
    }
  }
  return lines.length > 0 ? lines : [sample];
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === delimiter && !quoted) count += 1;
  }
  return count;
}

/** The longest row the parser reads (characters, quoted newlines included): no CRM export has longer ones; an unclosed quote makes them. */
export const MAX_ROW_CHARS = 1 << 20;

/** A row longer than MAX_ROW_CHARS: thrown so a 600 MB "line" is refused after 1 MB, not after minutes and gigabytes. */
export class CsvRowTooLongError extends Error {
  constructor(
    /** 1-based physical line where the row starts. */
    readonly line: number,
    /** Whether the row stopped inside a quoted field (an unclosed quote is the usual cause). */
    readonly inQuotes: boolean,
  ) {
    super(`line ${line.toLocaleString('en-US')} is longer than ${MAX_ROW_CHARS / (1 << 20)} MB${inQuotes ? ' (inside a quoted field: the quote that opens it is probably never closed)' : ''}`);
    this.name = 'CsvRowTooLongError';
  }
}

/** The parser's problem messages, one home for the reader that decides which of them refuse a file. */
export const csvProblemMessages = {
  neverClosed: 'a quoted field is never closed',
  textAfterQuote: 'text follows a closing quote',
  /** A quoted field runs over lines and its "closing" quote is followed by text: that quote is the next field's opening one, so this field's quote was never closed. */
  unclosedBeforeLaterQuote: 'a quoted field runs over several lines and its closing quote is followed by text',
} as const;

/** A row the parser could not read as it stands. */
export interface CsvProblem {
  /** 1-based physical line where the row starts. */
  line: number;
  message: string;
}

/**
 * A streaming CSV parser: `push` text chunks in order, then `end()`. Calls
 * `onRow(fields, line)` for every row (the header included) with a reused
 * array: copy what you keep. `onProblem` hears of rows it cannot read.
 */
export class CsvStreamParser {
  private buffer = '';
  /** Where the unread text of the buffer starts: a chunk is parsed in place, not sliced (a slice's characters cost more to read). */
  private offset = 0;
  private line = 1;
  private readonly fields: string[] = [];
  private readonly delimiterCode: number;
  /** Columns whose text is wanted; the others are passed as '' (not sliced). Null: all. */
  private keep: Uint8Array | null = null;
  /** Whether the row being read stopped for more text inside a quoted field (said when the row grows too long). */
  private openQuote = false;
  /** Columns read in place (see `keepColumns`). */
  private placed: Uint8Array | null = null;
  /**
   * For a column read in place, where its text is in `rowText`: `cellStart[column]` to `cellEnd[column]`; -1 when this
   * row has its text in the fields array instead (a row with quotes). Valid during `onRow` only.
   */
  readonly cellStart = new Int32Array(0);
  readonly cellEnd = new Int32Array(0);
  /** The text the positions of the row being read point into. */
  rowText = '';

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (fields: string[], line: number) => void,
    private readonly onProblem: (problem: CsvProblem) => void = () => undefined,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /**
   * From the next row on, only these columns' text is read (the rest arrive as ''); the row keeps its width, so ragged
   * rows are still seen. Columns also listed in `inPlace` are not sliced in a row without quotes: they arrive as '' with
   * their position in `cellStart`/`cellEnd` of `rowText` (for readers of millions of dates, which read characters, not strings).
   */
  keepColumns(columns: readonly number[] | null, inPlace: readonly number[] = []): void {
    if (!columns) {
      this.keep = null;
      this.placed = null;
      return;
    }
    const width = Math.max(0, ...columns, ...inPlace) + 1;
    const keep = new Uint8Array(width);
    for (const column of columns) keep[column] = 1;
    const placed = new Uint8Array(width);
    for (const column of inPlace) {
      keep[column] = 1;
      placed[column] = 1;
    }
    this.keep = keep;
    this.placed = inPlace.length > 0 ? placed : null;
    (this as { cellStart: Int32Array }).cellStart = new Int32Array(width).fill(-1);
    (this as { cellEnd: Int32Array }).cellEnd = new Int32Array(width).fill(-1);
  }

  /** Parses every complete row in the text so far. */
  push(text: string): void {
    let from = 0;
    if (this.buffer.length > this.offset) {
      // The row cut at the chunk's start is completed with the chunk's first line alone: appending the whole chunk to it
      // would copy a megabyte per chunk. When that line does not end the row (a quoted newline), the rest goes behind it.
      const firstLine = text.indexOf('\n') + 1;
      if (firstLine > 0) {
        this.buffer += text.slice(0, firstLine);
        from = firstLine;
        this.parseBuffer();
      }
      if (this.buffer.length > 0) {
        this.buffer += from === 0 ? text : text.slice(from);
        this.parseBuffer();
        return;
      }
    }
    // The rest of the chunk is parsed where it is.
    this.buffer = from < text.length ? text : '';
    this.offset = from < text.length ? from : 0;
    this.parseBuffer();
  }

  /** Parses every complete row of the buffer and keeps the rest. */
  private parseBuffer(): void {
    const consumed = this.parse(false);
    this.buffer = consumed >= this.buffer.length ? '' : this.buffer.slice(consumed);
    this.offset = 0;
  }

  /** Parses what is left (a last row without a newline). */
  end(): void {
    if (this.buffer.length > this.offset) this.parse(true);
    this.buffer = '';
    this.offset = 0;
  }

  /** Returns how many characters of the buffer were consumed (from its start, the offset included). */
  private parse(final: boolean): number {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    const fields = this.fields;
    let position = this.offset;
    let nextQuote = text.indexOf('"', position);
    if (nextQuote < 0) nextQuote = length;
    while (position < length) {
      let lineEnd = text.indexOf('\n', position);
      if (lineEnd < 0) {
        // The row so far stays in the buffer until its end arrives; bounded, so a file without newlines cannot grow it forever.
        if (!final) {
          if (length - position > MAX_ROW_CHARS) throw new CsvRowTooLongError(this.line, false);
          return position;
        }
        lineEnd = length;
      }
      if (nextQuote < position) {
        nextQuote = text.indexOf('"', position);
        if (nextQuote < 0) nextQuote = length;
      }
      if (nextQuote >= lineEnd) {
        if (lineEnd - position > MAX_ROW_CHARS) throw new CsvRowTooLongError(this.line, false);
        // Fast path: no quote in this line.
        const contentEnd = lineEnd > position && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        // Assigned by index, not push: setting length to 0 would give up the array's storage every row.
        let count = 0;
        if (contentEnd > position || lineEnd < length) {
          let start = position;
          let at = text.indexOf(delimiter, start);
          const keep = this.keep;
          if (keep === null) {
            while (at >= 0 && at < contentEnd) {
              fields[count++] = text.slice(start, at);
              start = at + 1;
              at = text.indexOf(delimiter, start);
            }
            fields[count++] = text.slice(start, contentEnd);
          } else if (this.placed === null) {
            let column = 0;
            while (at >= 0 && at < contentEnd) {
              fields[count++] = keep[column] === 1 ? text.slice(start, at) : '';
              column += 1;
              start = at + 1;
              at = text.indexOf(delimiter, start);
            }
            fields[count++] = keep[column] === 1 ? text.slice(start, contentEnd) : '';
          } else {
            const placed = this.placed;
            const cellStart = this.cellStart;
            const cellEnd = this.cellEnd;
            this.rowText = text;
            for (;;) {
              const end = at >= 0 && at < contentEnd ? at : contentEnd;
              if (placed[count] === 1) {
                cellStart[count] = start;
                cellEnd[count] = end;
                fields[count] = '';
              } else fields[count] = keep[count] === 1 ? text.slice(start, end) : '';
              count += 1;
              if (end === contentEnd) break;
              start = at + 1;
              at = text.indexOf(delimiter, start);
            }
            // Columns read in place that this (short) row lacks: nothing to read.
            for (let column = count; column < cellStart.length; column += 1) cellStart[column] = -1;
          }
          // A row of one field is always read: an unread column's '' would make it look like an empty line, and a
          // malformed row ("0" alone) would be passed over instead of counted with its reason.
          if (count === 1 && keep !== null && contentEnd > position) fields[0] = text.slice(position, contentEnd);
          if (fields.length !== count) fields.length = count;
          this.emit(this.line);
        }
        this.line += 1;
        position = lineEnd + 1;
        continue;
      }
      // Slow path: a row with quotes, possibly over several lines. The fields before the one holding the first quote
      // have none, so they are split the fast way (most quoted rows of an export have a quoted note at the end).
      // Every kept column arrives as text here, the in-place ones too.
      if (this.placed !== null) this.cellStart.fill(-1);
      const rowLine = this.line;
      const keep = this.keep;
      let count = 0;
      let start = position;
      let at = text.indexOf(delimiter, start);
      while (at >= 0 && at < nextQuote) {
        fields[count] = keep === null || keep[count] === 1 ? text.slice(start, at) : '';
        count += 1;
        start = at + 1;
        at = text.indexOf(delimiter, start);
      }
      const result = this.parseQuotedRow(text, start, count, final);
      // A row waiting for more text is parsed again from its start on the next push: the bound keeps that linear.
      if (result < 0) {
        if (length - position > MAX_ROW_CHARS) throw new CsvRowTooLongError(rowLine, this.openQuote);
        return position;
      }
      // A complete row: its quotes were closed.
      if (result - position > MAX_ROW_CHARS) throw new CsvRowTooLongError(rowLine, false);
      position = result;
      nextQuote = -1;
    }
    return position;
  }

  /**
   * Parses the rest of a row field by field, from `start`, the start of its field number `count` (the fields before it
   * are already in `fields` and hold no quote); returns where the next row starts, or -1 when more text is needed.
   */
  private parseQuotedRow(text: string, start: number, firstField: number, final: boolean): number {
    const fields = this.fields;
    const length = text.length;
    const rowLine = this.line;
    const delimiter = this.delimiter;
    const delimiterCode = this.delimiterCode;
    let lines = 0;
    let position = start;
    let problem: string | null = null;
    this.openQuote = false;
    // The end of the physical line; recomputed only after a quoted field that spans lines.
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = length;
    let count = firstField;
    // Columns nobody reads are not sliced here either (most rows of a real export have a quote somewhere).
    const keep = this.keep;
    for (;;) {
      // The first field too (see the fast path): a row of one quoted field is not an empty line.
      const wanted = keep === null || keep[count] === 1 || count === 0;
      if (text.charCodeAt(position) === 34) {
        // A quoted field: up to the closing quote; "" is a quote.
        const fieldStart = position;
        let value = '';
        const first = text.indexOf('"', position + 1);
        if (first >= 0 && first + 1 < length && text.charCodeAt(first + 1) !== 34) {
          // The usual case, no doubled quote inside: one slice (none for an unread column), no concatenation.
          if (wanted) value = text.slice(position + 1, first);
          position = first + 1;
        } else {
          let from = position + 1;
          for (;;) {
            const close = text.indexOf('"', from);
            if (close < 0) {
              if (!final) {
                this.openQuote = true;
                return -1;
              }
              problem ??= csvProblemMessages.neverClosed;
              value += text.slice(from);
              position = length;
              break;
            }
            value += text.slice(from, close);
            if (text.charCodeAt(close + 1) === 34) {
              value += '"';
              from = close + 2;
              continue;
            }
            position = close + 1;
            break;
          }
        }
        const spansLines = position > lineEnd;
        if (spansLines) {
          // Counted in the text, not the value: an unread column's value is not sliced.
          for (let index = text.indexOf('\n', fieldStart); index >= 0 && index < position; index = text.indexOf('\n', index + 1)) lines += 1;
          lineEnd = text.indexOf('\n', position);
          if (lineEnd < 0) lineEnd = length;
        }
        // Text after the closing quote, up to the delimiter or the end of the line, is kept (and noted).
        let after = position;
        while (after < length) {
          const code = text.charCodeAt(after);
          if (code === delimiterCode || code === 10 || (code === 13 && text.charCodeAt(after + 1) === 10)) break;
          after += 1;
        }
        if (after > position) {
          if (spansLines) problem = csvProblemMessages.unclosedBeforeLaterQuote;
          else problem ??= csvProblemMessages.textAfterQuote;
          value += text.slice(position, after);
        }
        position = after;
        if (position >= length && !final) return -1;
        fields[count++] = wanted ? value : '';
      } else {
        let end = text.indexOf(delimiter, position);
        if (end < 0 || end > lineEnd) end = lineEnd;
        if (end >= length && !final) return -1;
        const contentEnd = end === lineEnd && end > position && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        fields[count++] = wanted ? text.slice(position, contentEnd) : '';
        position = end;
      }
      if (position >= length) {
        this.finishRow(rowLine, lines, problem, count);
        return length;
      }
      const code = text.charCodeAt(position);
      if (code === delimiterCode) {
        position += 1;
        if (position >= length && !final) return -1;
        if (position >= length) {
          fields[count++] = '';
          this.finishRow(rowLine, lines, problem, count);
          return length;
        }
        continue;
      }
      if (code === 13) position += 1;
      if (text.charCodeAt(position) === 10) position += 1;
      this.finishRow(rowLine, lines, problem, count);
      return position;
    }
  }

  private finishRow(rowLine: number, extraLines: number, problem: string | null, count: number): void {
    if (this.fields.length !== count) this.fields.length = count;
    if (problem) this.onProblem({ line: rowLine, message: problem });
    this.emit(rowLine);
    this.line += 1 + extraLines;
  }

  private emit(line: number): void {
    this.onRow(this.fields, line);
  }
}

/** Parses a whole text (small files, previews, tests). */
export function parseCsvText(text: string, delimiter: string = detectDelimiter(text)): { rows: string[][]; problems: CsvProblem[] } {
  const rows: string[][] = [];
  const problems: CsvProblem[] = [];
  const parser = new CsvStreamParser(delimiter, (fields) => rows.push([...fields]), (problem) => problems.push(problem));
  parser.push(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  parser.end();
  return { rows, problems };
}
