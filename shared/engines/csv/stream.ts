import { CsvStreamParser, detectDelimiter, looksBinary } from './csv';

/** A problem with an input file as a whole (empty, binary, unreadable, no usable outcome): nothing is stored. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Streams text chunks through the CSV parser: strips a BOM, refuses binary
 * data and an empty file with a message naming it, stops between chunks when
 * cancelled. Shared by calibration, the SLA review and the lead-row search.
 */
export async function readCsvStream(
  chunks: AsyncIterable<string>,
  options: { fileName: string; signal?: { aborted: boolean }; what: string },
  onRow: (fields: string[], line: number, parser: CsvStreamParser) => void,
  onChunk?: () => void,
): Promise<void> {
  let parser: CsvStreamParser | null = null;
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
      const created: CsvStreamParser = new CsvStreamParser(detectDelimiter(chunk), (fields, line) => onRow(fields, line, created));
      parser = created;
    }
    parser.push(chunk);
    onChunk?.();
  }
  if (!parser) throw new InputError(`${options.fileName} is empty.`);
  parser.end();
}
