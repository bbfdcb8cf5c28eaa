/// <reference lib="webworker" />
/**
 * The SLA review off the main thread: reads the export in 1 MB slices and
 * measures every commitment; on request, reads the rows of the leads behind
 * a miss from the same file (they are never stored).
 */
import { detectEncoding } from '../../shared/engines/calibration/csv';
import { CalibrationInputError } from '../../shared/engines/calibration/run';
import { CalendarError } from '../../shared/engines/calendar/business-time';
import { collectLeadRows, runReview } from '../../shared/engines/review/run-review';
import type { ReviewMessage, ReviewRequest } from './review-protocol';

declare const self: DedicatedWorkerGlobalScope;
const CHUNK = 1 << 20;
let current: { aborted: boolean } | null = null;
const post = (message: ReviewMessage) => self.postMessage(message);

async function* fileChunks(file: File, progress?: (bytes: number) => void): AsyncGenerator<string> {
  const { encoding, bomLength } = detectEncoding(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  const decoder = new TextDecoder(encoding);
  for (let offset = bomLength; offset < file.size; offset += CHUNK) {
    yield decoder.decode(await file.slice(offset, Math.min(file.size, offset + CHUNK)).arrayBuffer(), { stream: true });
    progress?.(Math.min(file.size, offset + CHUNK));
  }
  yield decoder.decode();
}

self.onmessage = async (event: MessageEvent<ReviewRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    if (current) current.aborted = true;
    return;
  }
  try {
    if (request.type === 'rows') {
      const { header, rows } = await collectLeadRows(fileChunks(request.file), request.idColumn, request.ids);
      post({ type: 'rows', header, rows });
      return;
    }
    const signal = { aborted: false };
    current = signal;
    let rows = 0;
    const result = await runReview({ agreement: request.agreement, mapping: request.mapping, from: request.from, to: request.to, fileName: request.file.name, signal, onProgress: (count) => (rows = count), chunks: fileChunks(request.file, (bytes) => post({ type: 'progress', bytes, total: request.file.size, rows })) });
    post({ type: 'done', result });
  } catch (error) {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    const known = error instanceof CalibrationInputError || error instanceof CalendarError || cancelled;
    post({ type: 'error', message: known ? (error as Error).message : `The review stopped: ${error instanceof Error ? error.message : String(error)}`, cancelled });
  } finally {
    current = null;
  }
};
