/**
 * The SLA review of the open workshop: the chosen lead-history export, its
 * preview and mapping, the period, the run in a Web Worker, the result, and
 * the rows behind a miss read back from the file on request (never stored).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReviewMapping } from '../../shared/engines/review/run-review';
import type { ReviewResult } from '../../shared/engines/review/review';
import type { Agreement } from '../../shared/model/agreement';
import type { AccordDatabase, ReviewRecord } from '../db/database';
import type { FilePreview } from './file-preview';
import type { ReviewMessage, ReviewRequest } from '../workers/review-protocol';

export interface ReviewState {
  workshopId: string | null;
  /** Earlier reviews of this workshop (results only), oldest first: the trend. */
  history: ReviewRecord[];
  file: { file: File; preview: FilePreview } | null;
  mapping: ReviewMapping | null;
  from: string;
  to: string;
  status: 'idle' | 'reading' | 'running' | 'done' | 'error';
  progress: { bytes: number; total: number; rows: number } | null;
  error: string | null;
  result: ReviewResult | null;
  /** The rows behind one commitment's miss, read from the file. */
  missRows: { commitmentId: string; header: string[]; rows: string[][] } | null;
  /** Reads the file's header and suggests the mapping (the agreement's required fields too, when given). */
  chooseFile(file: File, agreement?: Agreement): Promise<void>;
  /** Generates a realistic sample export (lead histories for Nov–Dec 2026) for this agreement, to try a review at once. */
  useSample(agreement: Agreement): Promise<void>;
  setMapping(mapping: ReviewMapping): void;
  setPeriod(from: string, to: string): void;
  /** Reviews the period against this agreement (the version in force), named in the result and the report. */
  run(agreement: Agreement, agreementVersion?: string | null): Promise<void>;
  cancel(): void;
  showMissRows(commitmentId: string): Promise<void>;
  /** Starts afresh for a workshop and loads its earlier reviews. */
  reset(workshopId?: string): void;
}

/** The last full calendar month before today, as the default period. */
function lastMonth(): { from: string; to: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export function createReviewStore(db: AccordDatabase, options: { createWorker?: () => Worker; now?: () => number; newId?: () => string } = {}): StoreApi<ReviewState> {
  const repository = () => import('../db/review-repository');
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const createWorker = options.createWorker ?? (() => new Worker(new URL('../workers/review.worker.ts', import.meta.url), { type: 'module' }));
  let worker: Worker | null = null;
  // Counts runs; Cancel marks the current one, whose result is then not kept even when the worker finished first
  // (it sees the cancel only between chunks).
  let runNumber = 0;
  let cancelledRun = -1;
  const ask = (request: ReviewRequest, onProgress?: (message: ReviewMessage & { type: 'progress' }) => void) =>
    new Promise<ReviewMessage>((resolve) => {
      worker ??= createWorker();
      worker.onmessage = (event: MessageEvent<ReviewMessage>) => {
        if (event.data.type === 'progress') onProgress?.(event.data);
        else resolve(event.data);
      };
      worker.onerror = (event) => resolve({ type: 'error', message: `The review stopped: ${event.message || 'the worker failed'}.`, cancelled: false });
      worker.postMessage(request);
    });

  return createStore<ReviewState>()((set, get) => ({
    workshopId: null,
    history: [],
    file: null,
    mapping: null,
    ...lastMonth(),
    status: 'idle',
    progress: null,
    error: null,
    result: null,
    missRows: null,
    async chooseFile(file, agreement) {
      set({ status: 'reading', error: null });
      try {
        const [{ previewFile }, { suggestReviewMapping }] = await Promise.all([import('./calibration-files'), import('../../shared/engines/review/run-review')]);
        const preview = await previewFile(file);
        set({ file: { file, preview }, mapping: suggestReviewMapping(preview.header, agreement), status: 'idle', result: null, missRows: null });
        // A period that covers the file's MQL dates is a better start than last month, when the preview shows them.
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async useSample(agreement) {
      const { generateHistories } = await import('../../shared/engines/review/sample-histories');
      const calendar = agreement.calendar ?? { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };
      const target = (kind: string, fallback: number) => agreement.commitments.find((commitment) => commitment.kind === kind)?.target ?? fallback;
      const { checkedRequiredFields } = await import('../../shared/engines/review/review');
      const required = checkedRequiredFields(agreement);
      let csv = '';
      generateHistories({ leads: 460, from: '2026-11-01', to: '2026-12-31', calendar, firstTouchHours: target('first-touch', 4), attempts: target('attempts', 6), acceptDays: target('accept-reject', 2), sqlAcceptDays: target('sql-accept', 2), opportunityUpdateDays: target('opportunity-update', 7), ...(required.length > 0 ? { requiredFields: required } : {}), reasonCodes: agreement.reasons.map((reason) => reason.code).filter(Boolean) }, (line) => (csv += line));
      await get().chooseFile(new File([csv], 'generated-sample-leads.csv', { type: 'text/csv' }), agreement);
      set({ from: '2026-11-01', to: '2026-12-31' });
    },
    setMapping(mapping) {
      set({ mapping });
    },
    setPeriod(from, to) {
      set({ from, to });
    },
    async run(agreement, agreementVersion) {
      const { file, mapping, from, to } = get();
      if (!file || !mapping) return;
      set({ status: 'running', progress: { bytes: 0, total: file.file.size, rows: 0 }, error: null, missRows: null });
      const number = (runNumber += 1);
      const answer = await ask({ type: 'run', agreement, agreementVersion: agreementVersion ?? null, mapping, from, to, file: file.file }, (message) => set({ progress: { bytes: message.bytes, total: message.total, rows: message.rows } }));
      if (cancelledRun === number) {
        set({ status: get().result ? 'done' : 'idle', error: null, progress: null });
        return;
      }
      if (answer.type === 'done') {
        set({ status: 'done', result: answer.result, progress: null });
        const workshopId = get().workshopId;
        if (workshopId) {
          // Results only (no rows, no lead ids) are kept, so the next review shows the trend.
          const { ReviewRepository, reviewRecordOf } = await repository();
          const reviews = new ReviewRepository(db);
          try {
            await reviews.save(reviewRecordOf(answer.result, workshopId, file.file.name, now(), newId()));
            if (get().workshopId === workshopId) set({ history: await reviews.list(workshopId) });
          } catch (error) {
            set({ error: `The review could not be kept for the trend: ${error instanceof Error ? error.message : String(error)}` });
          }
        }
      }
      else if (answer.type === 'error') set({ status: answer.cancelled ? (get().result ? 'done' : 'idle') : 'error', error: answer.cancelled ? null : answer.message, progress: null });
    },
    cancel() {
      if (get().status !== 'running' || !worker) return;
      cancelledRun = runNumber;
      worker.postMessage({ type: 'cancel' } satisfies ReviewRequest);
    },
    async showMissRows(commitmentId) {
      const { file, mapping, result } = get();
      const commitment = result?.commitments.find((entry) => entry.id === commitmentId);
      if (!file || !mapping?.columns.id || !commitment) return;
      const answer = await ask({ type: 'rows', file: file.file, idColumn: mapping.columns.id, ids: commitment.missedLeads });
      if (answer.type === 'rows') set({ missRows: { commitmentId, header: answer.header, rows: answer.rows } });
      else if (answer.type === 'error') set({ error: answer.message });
    },
    reset(workshopId) {
      worker?.terminate();
      worker = null;
      set({ workshopId: workshopId ?? null, history: [], file: null, mapping: null, status: 'idle', progress: null, error: null, result: null, missRows: null, ...lastMonth() });
      if (workshopId) {
        void repository()
          .then(({ ReviewRepository }) => new ReviewRepository(db).list(workshopId))
          .then((history) => get().workshopId === workshopId && set({ history }));
      }
    },
  }));
}
