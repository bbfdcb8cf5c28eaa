import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { decodeChunks, newTextReading, type TextReading } from '../../shared/engines/csv/decode';

/**
 * A file's text in 1 MB chunks (BOM removed), its encoding judged on the whole
 * file (see `decodeChunks`); `reading` says afterwards how it was read.
 */
export function fileTextChunks(path: string, reading: TextReading = newTextReading()): AsyncGenerator<string> {
  const bytes = createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
  return decodeChunks(bytes, (encoding, options) => new TextDecoder(encoding, options), reading, basename(path));
}
