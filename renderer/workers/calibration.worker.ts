/// <reference lib="webworker" />
/**
 * Calibration off the main thread: reads the export in 1 MB slices, decodes
 * it in the encoding its first bytes show, and streams it through the same
 * engine the CLI uses, posting progress; the window stays responsive.
 */
import { detectEncoding } from '../../shared/engines/calibration/csv';
import { MappingError } from '../../shared/engines/calibration/mapping';
import { CalibrationInputError, readAccounts, runCalibration } from '../../shared/engines/calibration/run';
import type { CalibrationMessage, CalibrationRequest } from './calibration-protocol';

declare const self: DedicatedWorkerGlobalScope;
const CHUNK = 1 << 20;
let current: { aborted: boolean } | null = null;

const post = (message: CalibrationMessage) => self.postMessage(message);

/** Decodes a whole (small) file. */
async function readText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { encoding, bomLength } = detectEncoding(bytes.subarray(0, 4096));
  return new TextDecoder(encoding).decode(bytes.subarray(bomLength));
}

async function* fileChunks(file: File, progress: (bytes: number) => void): AsyncGenerator<string> {
  const { encoding, bomLength } = detectEncoding(new Uint8Array(await file.slice(0, 4096).arrayBuffer()));
  const decoder = new TextDecoder(encoding);
  for (let offset = bomLength; offset < file.size; offset += CHUNK) {
    const bytes = await file.slice(offset, Math.min(file.size, offset + CHUNK)).arrayBuffer();
    yield decoder.decode(bytes, { stream: true });
    progress(Math.min(file.size, offset + CHUNK));
  }
  yield decoder.decode();
}

self.onmessage = async (event: MessageEvent<CalibrationRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    if (current) current.aborted = true;
    return;
  }
  const signal = { aborted: false };
  current = signal;
  let rows = 0;
  try {
    const accounts = request.accounts && request.mapping.accounts ? readAccounts(await readText(request.accounts), request.mapping.accounts.accountsKey, request.accounts.name) : null;
    const result = await runCalibration({
      agreement: request.agreement,
      mapping: request.mapping,
      accounts,
      asOf: request.asOf,
      fileName: request.leads.name,
      signal,
      onProgress: (count) => {
        rows = count;
      },
      chunks: fileChunks(request.leads, (bytes) => post({ type: 'progress', bytes, total: request.leads.size, rows })),
    });
    post({ type: 'done', result });
  } catch (error) {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    const known = error instanceof CalibrationInputError || error instanceof MappingError || cancelled;
    post({ type: 'error', message: known ? (error as Error).message : `The calibration stopped: ${error instanceof Error ? error.message : String(error)}`, cancelled });
  } finally {
    if (current === signal) current = null;
  }
};
