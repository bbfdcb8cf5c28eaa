import { csvProblemMessages, CsvRowTooLongError, CsvStreamParser, detectDelimiter, looksBinary, MAX_ROW_CHARS, type CsvEncoding, type CsvProblem } from './csv';
import { describeTextReading, type TextReading } from './decode';

import { InputError } from './input-error';

export { InputError };

/** Rows the parser read with a problem but kept (e.g. text after a closing quote), counted by kind. */
export interface CsvReadReport {
  problems: { message: string; count: number; firstLine: number }[];
}


/**
 * Streams text chunks through the CSV parser: strips a BOM, refuses binary
 * data, an empty file, a row longer than 1 MB and a quote that is never
 * closed with a message naming the file and line, stops between chunks when
 * cancelled. Shared by calibration, the SLA review and the lead-row search.
 * Resolves with the problems of rows that were read but not cleanly.
 */
export async function readCsvStream(
  chunks: AsyncIterable<string>,
  options: { fileName: string; signal?: { aborted: boolean }; what: string },
  onRow: (fields: string[], line: number, parser: CsvStreamParser) => void,
  onChunk?: () => void,
): Promise<CsvReadReport> {
  let parser: CsvStreamParser | null = null;
  const problems = new Map<string, { message: string; count: number; firstLine: number }>();
  const onProblem = (problem: CsvProblem) => {
    const entry = problems.get(problem.message);
    if (entry) entry.count += 1;
    else problems.set(problem.message, { message: problem.message, count: 1, firstLine: problem.line });
  };
  try {
    for await (const raw of chunks) {
      if (options.signal?.aborted) {
        const error = new Error(`The ${options.what} was cancelled.`);
        error.name = 'AbortError';
        throw error;
      }
      let chunk = raw;
      if (!parser) {
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
        if (chunk.trim() === '') continue;
        if (looksBinary(chunk)) throw new InputError(`${options.fileName} is not a text CSV file (it looks like binary data).`);
        const created: CsvStreamParser = new CsvStreamParser(detectDelimiter(chunk), (fields, line) => onRow(fields, line, created), onProblem);
        parser = created;
      }
      parser.push(chunk);
      onChunk?.();
    }
    if (!parser) throw new InputError(`${options.fileName} is empty.`);
    parser.end();
  } catch (error) {
    if (error instanceof CsvRowTooLongError) throw new InputError(`${options.fileName} cannot be read: ${error.message}. No row of a CRM export is longer than ${MAX_ROW_CHARS / (1 << 20)} MB; check the file around that line.`);
    throw error;
  }
  const open = problems.get(csvProblemMessages.neverClosed);
  if (open) throw new InputError(`${options.fileName} cannot be read: line ${open.firstLine.toLocaleString('en-US')} opens a quoted field (") that is never closed, so everything after it would be one value. Check the quotes on that line.`);
  // Rows after such a quote would be read into one value, up to the next quote: never counted as if they were fine.
  const swallowed = problems.get(csvProblemMessages.unclosedBeforeLaterQuote);
  if (swallowed) throw new InputError(`${options.fileName} cannot be read: line ${swallowed.firstLine.toLocaleString('en-US')} opens a quoted field (") that is not closed on its line; the next quote, lines later, is followed by text, so the lines between would be read as one value. Check the quotes on that line.`);
  return { problems: [...problems.values()] };
}

/** How an export was read, kept with a result so the screen, the document and the CLI can say it. */
export interface ExportRead {
  /** The encoding the whole file was read in (null when the text came already decoded). */
  encoding: CsvEncoding | null;
  /** The line from which it was read as Windows-1252 (the first character that is not UTF-8), or null. */
  switchedAtLine: number | null;
  /** Characters that could not be read (U+FFFD in the text). */
  replacementCharacters: number;
  /** Rows read with a problem but kept. */
  problems: CsvReadReport['problems'];
}

/** Puts together how the bytes were decoded and how the rows were parsed. */
export function exportReadOf(reading: TextReading | null | undefined, report: CsvReadReport): ExportRead {
  return { encoding: reading?.encoding ?? null, switchedAtLine: reading?.switchedAtLine ?? null, replacementCharacters: reading?.replacementCharacters ?? 0, problems: report.problems };
}

/** What a person should know about how the export was read, one sentence each; empty when it was read cleanly. */
export function describeExportRead(read: ExportRead | null | undefined): string[] {
  if (!read) return [];
  const sentences: string[] = [];
  const decoding = describeTextReading({ encoding: read.encoding ?? 'utf-8', bom: false, switchedAtByte: null, switchedAtLine: read.switchedAtLine, replacementCharacters: read.replacementCharacters });
  if (decoding) sentences.push(`${decoding.charAt(0).toUpperCase()}${decoding.slice(1)}`);
  for (const problem of read.problems) sentences.push(`${problem.count.toLocaleString('en-US')} ${problem.count === 1 ? 'row' : 'rows'} read with a problem: ${problem.message} (first on line ${problem.firstLine.toLocaleString('en-US')}); the text was kept as it stands.`);
  return sentences;
}
