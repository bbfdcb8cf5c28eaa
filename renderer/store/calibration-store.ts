/**
 * Calibration of the open workshop: the chosen export (and accounts file),
 * a preview, the mapping with suggestions, the run in a Web Worker with
 * progress and cancel, and the stored result. Rows never leave the worker.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CalibrationResult } from '../../shared/engines/calibration/calibrate';
import type { CsvEncoding } from '../../shared/engines/csv/csv';
import type { TextReading } from '../../shared/engines/csv/decode';
import type { CalibrationMapping } from '../../shared/engines/calibration/mapping';
import type { ColumnProfile } from '../../shared/engines/calibration/suggest';
import type { Agreement } from '../../shared/model/agreement';
import type { AccordDatabase, CalibrationRecord } from '../db/database';
import type { CalibrationMessage, CalibrationRequest } from '../workers/calibration-protocol';

/** What the first rows of a chosen file show. */
export interface FilePreview {
  name: string;
  size: number;
  encoding: CsvEncoding;
  /** How the whole file's bytes were read (encoding switch, unreadable characters). */
  reading: TextReading;
  delimiter: string;
  header: string[];
  rows: string[][];
  columns: ColumnProfile[];
}

export interface CalibrationState {
  workshopId: string | null;
  leads: { file: File; preview: FilePreview } | null;
  accounts: { file: File; preview: FilePreview } | null;
  mapping: CalibrationMapping | null;
  asOf: string;
  status: 'idle' | 'reading' | 'running' | 'done' | 'error';
  progress: { bytes: number; total: number; rows: number } | null;
  error: string | null;
  result: CalibrationResult | null;
  /** When the stored result was computed, and on which files. */
  stored: { ranAt: number; files: { leads: string; accounts: string | null } } | null;
  load(workshopId: string): Promise<void>;
  chooseLeads(file: File, agreement: Agreement): Promise<void>;
  chooseAccounts(file: File | null): Promise<void>;
  setMapping(mapping: CalibrationMapping): void;
  /** Replaces the mapping with one read from a file or a sample; throws with the reason. */
  useMapping(data: unknown): Promise<void>;
  setAsOf(date: string): void;
  /** Stores a mapping for a workshop before any run (a sample workshop's). */
  saveMapping(workshopId: string, mapping: CalibrationMapping): Promise<void>;
  run(agreement: Agreement): Promise<void>;
  cancel(): void;
}

const today = () => new Date().toISOString().slice(0, 10);

export function createCalibrationStore(db: AccordDatabase, options: { createWorker?: () => Worker } = {}): StoreApi<CalibrationState> {
  // The engines load with the calibration panel, not at start-up.
  const kit = () => import('./calibration-files');
  const repository = { load: async (id: string) => new (await kit()).CalibrationRepository(db).load(id), save: async (record: CalibrationRecord) => new (await kit()).CalibrationRepository(db).save(record) };
  const createWorker = options.createWorker ?? (() => new Worker(new URL('../workers/calibration.worker.ts', import.meta.url), { type: 'module' }));
  let worker: Worker | null = null;

  return createStore<CalibrationState>()((set, get) => ({
    workshopId: null,
    leads: null,
    accounts: null,
    mapping: null,
    asOf: today(),
    status: 'idle',
    progress: null,
    error: null,
    result: null,
    stored: null,
    async load(workshopId) {
      if (get().workshopId === workshopId) return;
      worker?.terminate();
      worker = null;
      set({ workshopId, leads: null, accounts: null, mapping: null, status: 'idle', progress: null, error: null, result: null, stored: null, asOf: today() });
      const record = await repository.load(workshopId);
      if (!record || get().workshopId !== workshopId) return;
      if (record.result) set({ mapping: record.mapping, result: record.result, stored: { ranAt: record.ranAt, files: record.files }, asOf: record.result.asOf, status: 'done' });
      else set({ mapping: record.mapping });
    },
    async chooseLeads(file, agreement) {
      set({ status: 'reading', error: null });
      try {
        const { previewFile, suggestMapping, compileScoring } = await kit();
        const preview = await previewFile(file);
        const current = get().mapping;
        // Keep a mapping that fits this file (a stored or sample one); otherwise suggest one.
        const fits = current && [current.outcome.column, ...Object.values(current.attributes).map((entry) => entry.column)].filter((column) => !column.startsWith('accounts.')).every((column) => column === '' || preview.header.includes(column));
        const mapping = fits && current ? current : suggestMapping(compileScoring(agreement, { asOf: get().asOf }), preview.columns);
        set({ leads: { file, preview }, mapping, status: get().result ? 'done' : 'idle' });
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async chooseAccounts(file) {
      if (!file) return set({ accounts: null });
      try {
        set({ accounts: { file, preview: await (await kit()).previewFile(file) }, error: null });
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    setMapping(mapping) {
      set({ mapping });
    },
    async useMapping(data) {
      const { parseMapping } = await kit();
      set({ mapping: parseMapping(data), error: null });
    },
    async saveMapping(workshopId, mapping) {
      await repository.save({ workshopId, mapping, files: { leads: '', accounts: null }, result: null, ranAt: 0 });
      if (get().workshopId === workshopId) set({ mapping });
    },
    setAsOf(date) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) set({ asOf: date });
    },
    async run(agreement) {
      const { leads, accounts, mapping, asOf, workshopId } = get();
      if (!leads || !mapping || !workshopId) return;
      if (mapping.outcome.column === '' || mapping.outcome.success.length === 0) {
        set({ status: 'error', error: 'Choose the outcome column and the values that mean success.' });
        return;
      }
      if (mapping.accounts && !accounts) {
        set({ status: 'error', error: 'The mapping joins an accounts file: choose it, or remove the join.' });
        return;
      }
      worker ??= createWorker();
      const active = worker;
      set({ status: 'running', progress: { bytes: 0, total: leads.file.size, rows: 0 }, error: null });
      const result = await new Promise<CalibrationResult | { error: string; cancelled: boolean }>((resolve) => {
        active.onmessage = (event: MessageEvent<CalibrationMessage>) => {
          const message = event.data;
          if (message.type === 'progress') set({ progress: { bytes: message.bytes, total: message.total, rows: message.rows } });
          else if (message.type === 'done') resolve(message.result);
          else resolve({ error: message.message, cancelled: message.cancelled });
        };
        active.onerror = (event) => resolve({ error: `The calibration stopped: ${event.message || 'the worker failed'}.`, cancelled: false });
        const request: CalibrationRequest = { type: 'run', agreement, mapping, asOf, leads: leads.file, accounts: accounts?.file ?? null };
        active.postMessage(request);
      });
      if (get().workshopId !== workshopId) return;
      if ('error' in result) {
        const previous = get().stored ? 'done' : 'idle';
        set({ status: result.cancelled ? previous : 'error', error: result.cancelled ? null : result.error, progress: null });
        return;
      }
      const files = { leads: leads.file.name, accounts: accounts?.file.name ?? null };
      const ranAt = Date.now();
      try {
        await repository.save({ workshopId, mapping, files, result, ranAt });
        set({ status: 'done', result, stored: { ranAt, files }, progress: null });
      } catch (error) {
        set({ status: 'error', error: `The results could not be stored: ${error instanceof Error ? error.message : String(error)}`, progress: null });
      }
    },
    cancel() {
      if (get().status !== 'running' || !worker) return;
      const request: CalibrationRequest = { type: 'cancel' };
      worker.postMessage(request);
    },
  }));
}
