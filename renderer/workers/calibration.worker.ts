/// <reference lib="webworker" />
/**
 * Calibration off the main thread: reads the export in 1 MB slices, decodes
 * it in the encoding its first bytes show, and streams it through the same
 * engine the CLI uses, posting progress; the window stays responsive.
 */
import { MappingError } from '../../shared/engines/calibration/mapping';
import { profileExport } from '../../shared/engines/calibration/profile';
import { readOutcomeFile } from '../../shared/engines/calibration/outcome-file';
import { readAccounts, runCalibration } from '../../shared/engines/calibration/run';
import { InputError } from '../../shared/engines/csv/stream';
import type { CalibrationMessage, CalibrationRequest } from './calibration-protocol';

import { newTextReading } from '../../shared/engines/csv/decode';
import { fileChunks } from './file-chunks';

declare const self: DedicatedWorkerGlobalScope;
let current: { aborted: boolean } | null = null;

const post = (message: CalibrationMessage) => self.postMessage(message);

/** Decodes a whole (small) file. */
async function readText(file: File): Promise<string> {
  let text = '';
  for await (const chunk of fileChunks(file)) text += chunk;
  return text;
}

self.onmessage = async (event: MessageEvent<CalibrationRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    if (current) current.aborted = true;
    return;
  }
  if (request.type === 'profile') {
    // The whole file once, when it is chosen: every value with its count, how its numbers are written.
    try {
      post({ type: 'profiled', profile: await profileExport(fileChunks(request.file, (bytes) => post({ type: 'progress', bytes, total: request.file.size, rows: 0 })), { fileName: request.file.name }) });
    } catch (error) {
      post({ type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: false });
    }
    return;
  }
  const signal = { aborted: false };
  current = signal;
  let rows = 0;
  try {
    const accounts = request.accounts && request.mapping.accounts ? readAccounts(await readText(request.accounts), request.mapping.accounts.accountsKey, request.accounts.name) : null;
    // The outcome from a second file: its keys first (the export is then streamed against them).
    const outcomes = request.outcome && request.mapping.outcome.file ? await readOutcomeFile(fileChunks(request.outcome), request.mapping, request.outcome.name, signal) : null;
    const reading = newTextReading();
    const result = await runCalibration({
      reading,
      agreement: request.agreement,
      mapping: request.mapping,
      accounts,
      outcomes,
      asOf: request.asOf,
      fileName: request.leads.name,
      signal,
      onProgress: (count) => {
        rows = count;
      },
      chunks: fileChunks(request.leads, (bytes) => post({ type: 'progress', bytes, total: request.leads.size, rows }), reading),
    });
    post({ type: 'done', result });
  } catch (error) {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    const known = error instanceof InputError || error instanceof MappingError || cancelled;
    post({ type: 'error', message: known ? (error as Error).message : `The calibration stopped: ${error instanceof Error ? error.message : String(error)}`, cancelled });
  } finally {
    if (current === signal) current = null;
  }
};
