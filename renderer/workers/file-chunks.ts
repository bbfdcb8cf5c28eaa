import { detectEncoding } from '../../shared/engines/csv/csv';

const CHUNK = 1 << 20;

/** A chosen file's text in 1 MB slices, decoded in the encoding its first bytes show; reports bytes read. */
export async function* fileChunks(file: File, progress?: (bytes: number) => void): AsyncGenerator<string> {
  const { encoding, bomLength } = detectEncoding(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  const decoder = new TextDecoder(encoding);
  for (let offset = bomLength; offset < file.size; offset += CHUNK) {
    yield decoder.decode(await file.slice(offset, Math.min(file.size, offset + CHUNK)).arrayBuffer(), { stream: true });
    progress?.(Math.min(file.size, offset + CHUNK));
  }
  yield decoder.decode();
}
