import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { detectEncoding } from '../../shared/engines/csv/csv';

/** A file's text in 1 MB chunks, decoded in the encoding its first bytes show (BOM removed). */
export async function* fileTextChunks(path: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (!decoder) {
      const { encoding, bomLength } = detectEncoding(chunk.subarray(0, 4096));
      decoder = new TextDecoder(encoding);
      yield decoder.decode(chunk.subarray(bomLength), { stream: true });
      continue;
    }
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}
