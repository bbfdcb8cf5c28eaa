/// <reference lib="webworker" />
/**
 * The SLA review off the main thread: reads the export in 1 MB slices and
 * measures every commitment; on request, reads the rows of the leads behind
 * a miss from the same file (they are never stored).
 */
import { InputError } from '../../shared/engines/csv/stream';
import { CalendarError } from '../../shared/engines/calendar/business-time';
import { parseReviewMapping } from '../../shared/engines/review/mapping';
import { collectLeadRows, runReview } from '../../shared/engines/review/run-review';
import type { ReviewMessage, ReviewRequest } from './review-protocol';

import { newTextReading } from '../../shared/engines/csv/decode';
import { fileChunks } from './file-chunks';

declare const self: DedicatedWorkerGlobalScope;
let current: { aborted: boolean } | null = null;
const post = (message: ReviewMessage) => self.postMessage(message);

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
    // The page's mapping is checked like a file's: an unknown key is refused, not ignored.
    const mapping = parseReviewMapping(request.mapping);
    const reading = newTextReading();
    const result = await runReview({ agreement: request.agreement, mapping, from: request.from, to: request.to, fileName: request.file.name, signal, onProgress: (count) => (rows = count), reading, chunks: fileChunks(request.file, (bytes) => post({ type: 'progress', bytes, total: request.file.size, rows }), reading), again: () => {
      const again = newTextReading();
      return { chunks: fileChunks(request.file, (bytes) => post({ type: 'progress', bytes, total: request.file.size, rows }), again), reading: again };
    } });
    post({ type: 'done', result: { ...result, agreementVersion: request.agreementVersion ?? null } });
  } catch (error) {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    const known = error instanceof InputError || error instanceof CalendarError || cancelled;
    post({ type: 'error', message: known ? (error as Error).message : `The review stopped: ${error instanceof Error ? error.message : String(error)}`, cancelled });
  } finally {
    current = null;
  }
};
