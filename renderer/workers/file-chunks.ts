import { decodeChunks, newTextReading, type TextReading } from '../../shared/engines/csv/decode';

const CHUNK = 1 << 20;

async function* fileBytes(file: Blob, progress?: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    const end = Math.min(file.size, offset + CHUNK);
    yield new Uint8Array(await file.slice(offset, end).arrayBuffer());
    progress?.(end);
  }
}

/**
 * A chosen file's text in 1 MB slices (BOM removed), its encoding judged on the
 * whole file (see `decodeChunks`); reports bytes read; `reading` says how it was read.
 */
export function fileChunks(file: File, progress?: (bytes: number) => void, reading: TextReading = newTextReading()): AsyncGenerator<string> {
  return decodeChunks(fileBytes(file, progress), (encoding, options) => new TextDecoder(encoding, options), reading, file.name);
}
