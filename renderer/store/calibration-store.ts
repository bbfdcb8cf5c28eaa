/**
 * Calibration of the open workshop: the chosen export (and accounts file),
 * a preview, the mapping with suggestions, the run in a Web Worker with
 * progress and cancel, and the stored result. Rows never leave the worker.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CalibrationResult } from '../../shared/engines/calibration/calibrate';
import type { CalibrationMapping } from '../../shared/engines/calibration/mapping';
import type { ExportProfile } from '../../shared/engines/calibration/profile';
import type { Agreement } from '../../shared/model/agreement';
import type { AccordDatabase, CalibrationRecord } from '../db/database';
import type { CalibrationMessage, CalibrationRequest } from '../workers/calibration-protocol';
import type { FilePreview } from './file-preview';

/** The whole-file profile of a chosen file: read in the worker after the preview (every value with its count, number formats). */
export interface ProfileState {
  status: 'reading' | 'done' | 'error';
  profile: ExportProfile | null;
  /** Why it could not be read (the run then reads numbers with "."; the preview says so). */
  error: string | null;
}

export interface CalibrationState {
  workshopId: string | null;
  /** Whole-file profiles of the chosen export and accounts file. */
  profiles: { leads: ProfileState | null; accounts: ProfileState | null };
  leads: { file: File; preview: FilePreview } | null;
  accounts: { file: File; preview: FilePreview } | null;
  /** The outcome file (closed deals, opportunities) when the mapping reads the outcome from a second file. */
  outcomeFile: { file: File; preview: FilePreview } | null;
  /** Whether the results count the leads too recent to judge (left out by default). */
  includeRecent: boolean;
  mapping: CalibrationMapping | null;
  /** Keys of the stored mapping the agreement or the export no longer has, dropped from the last run (said on the screen); null when none. */
  mappingNotice: string | null;
  asOf: string;
  status: 'idle' | 'reading' | 'running' | 'done' | 'error';
  progress: { bytes: number; total: number; rows: number } | null;
  error: string | null;
  result: CalibrationResult | null;
  /** When the stored result was computed, and on which files. */
  stored: { ranAt: number; files: { leads: string; accounts: string | null; outcome?: string | null } } | null;
  load(workshopId: string): Promise<void>;
  chooseLeads(file: File, agreement: Agreement): Promise<void>;
  chooseAccounts(file: File | null): Promise<void>;
  /** Chooses (or clears) the outcome file. */
  chooseOutcome(file: File | null): Promise<void>;
  setIncludeRecent(include: boolean): void;
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
  // Each run's number: a run still waiting for the profile goes on only if it is still the latest (Cancel, or a new run, moves it on).
  let runNumber = 0;
  let started = false;
  // The run Cancel was pressed for: its result is not kept even when the worker finished first (the worker only sees
  // the cancel between chunks, and the last chunk's totals can take seconds).
  let cancelledRun = -1;
  // The profile being read for each file (a run waits for the export's: its numbers are read as the whole column says).
  const profiling: { leads: Promise<ExportProfile | null> | null; accounts: Promise<ExportProfile | null> | null } = { leads: null, accounts: null };

  /** Reads a file's whole-file profile in a worker of its own (the run's worker may be busy); terminated when done. */
  const readProfile = (file: File): Promise<ExportProfile> =>
    new Promise((resolve, reject) => {
      const profiler = createWorker();
      profiler.onmessage = (event: MessageEvent<CalibrationMessage>) => {
        const message = event.data;
        if (message.type === 'profiled') resolve(message.profile);
        else if (message.type === 'error') reject(new Error(message.message));
        else return;
        profiler.terminate();
      };
      profiler.onerror = (event) => {
        profiler.terminate();
        reject(new Error(event.message || 'the worker failed'));
      };
      const request: CalibrationRequest = { type: 'profile', file };
      profiler.postMessage(request);
    });
  type SetState = (partial: Partial<CalibrationState>) => void;
  const startProfile = (set: SetState, get: () => CalibrationState, which: 'leads' | 'accounts', file: File) => {
    const workshopId = get().workshopId;
    const stillCurrent = () => get().workshopId === workshopId && get()[which]?.file === file;
    set({ profiles: { ...get().profiles, [which]: { status: 'reading', profile: null, error: null } } });
    const promise = readProfile(file).then(
      (profile) => {
        if (stillCurrent()) set({ profiles: { ...get().profiles, [which]: { status: 'done', profile, error: null } } });
        return profile;
      },
      (error: unknown) => {
        if (stillCurrent()) set({ profiles: { ...get().profiles, [which]: { status: 'error', profile: null, error: error instanceof Error ? error.message : String(error) } } });
        return null;
      },
    );
    profiling[which] = promise;
  };

  return createStore<CalibrationState>()((set, get) => ({
    workshopId: null,
    profiles: { leads: null, accounts: null },
    leads: null,
    accounts: null,
    outcomeFile: null,
    includeRecent: false,
    mapping: null,
    mappingNotice: null,
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
      set({ workshopId, leads: null, accounts: null, outcomeFile: null, includeRecent: false, profiles: { leads: null, accounts: null }, mapping: null, mappingNotice: null, status: 'idle', progress: null, error: null, result: null, stored: null, asOf: today() });
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
        const fits = current && [current.outcome.file ? current.outcome.file.key : current.outcome.column, ...Object.values(current.attributes).map((entry) => entry.column)].filter((column) => !column.startsWith('accounts.')).every((column) => column === '' || preview.header.includes(column));
        const mapping = fits && current ? current : suggestMapping(compileScoring(agreement, { asOf: get().asOf }), preview.columns);
        set({ leads: { file, preview }, mapping, status: get().result ? 'done' : 'idle' });
        startProfile(set, get, 'leads', file);
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async chooseAccounts(file) {
      if (!file) return set({ accounts: null, profiles: { ...get().profiles, accounts: null } });
      try {
        set({ accounts: { file, preview: await (await kit()).previewFile(file) }, error: null });
        startProfile(set, get, 'accounts', file);
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    async chooseOutcome(file) {
      if (!file) return set({ outcomeFile: null });
      try {
        set({ outcomeFile: { file, preview: await (await kit()).previewFile(file) }, error: null });
      } catch (error) {
        set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    },
    setIncludeRecent(include) {
      set({ includeRecent: include });
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
      const { leads, accounts, outcomeFile, asOf, workshopId } = get();
      let mapping = get().mapping;
      if (!leads || !mapping || !workshopId) return;
      // The app's own mapping after a criterion or signal was removed from the agreement (or another export chosen):
      // its stale keys are dropped with a notice naming them, so the workshop stays usable (the CLI refuses them instead).
      const { mappingMismatches, withoutMismatches } = await import('../../shared/engines/calibration/mapping');
      const stale = mappingMismatches(agreement, mapping, leads.preview.header, accounts?.preview.header ?? null);
      if (stale.length) mapping = withoutMismatches(mapping, stale);
      set({ mapping, mappingNotice: stale.length ? `Left out of this run: ${stale.map((mismatch) => mismatch.message).join(' ')}` : null });
      const problem = (await import('../../shared/engines/calibration/outcome-file')).outcomeProblem(mapping, outcomeFile !== null);
      if (problem) {
        set({ status: 'error', error: problem });
        return;
      }
      if (mapping.accounts && !accounts) {
        set({ status: 'error', error: 'The mapping joins an accounts file: choose it, or remove the join.' });
        return;
      }
      set({ status: 'running', progress: { bytes: 0, total: leads.file.size, rows: 0 }, error: null });
      const number = (runNumber += 1);
      started = false;
      // Numbers as the whole file writes them: the person's choice per column, else what the profile found.
      // Waits for the profile only when a column read as numbers is left to it.
      const { resolveNumberFormats, undecidedNumberColumns } = await import('../../shared/engines/calibration/profile');
      const { compileScoring } = await kit();
      const model = compileScoring(agreement, { asOf });
      const profile = undecidedNumberColumns(model, mapping).some((column) => !column.startsWith('accounts.')) ? await profiling.leads : null;
      const effective = resolveNumberFormats(model, mapping, profile);
      // Cancelled while waiting (cancel() already put the status back), or another workshop opened.
      if (number !== runNumber || get().workshopId !== workshopId) return;
      worker ??= createWorker();
      const active = worker;
      started = true;
      const result = await new Promise<CalibrationResult | { error: string; cancelled: boolean }>((resolve) => {
        active.onmessage = (event: MessageEvent<CalibrationMessage>) => {
          const message = event.data;
          if (message.type === 'progress') set({ progress: { bytes: message.bytes, total: message.total, rows: message.rows } });
          else if (message.type === 'done') resolve(message.result);
          else if (message.type === 'error') resolve({ error: message.message, cancelled: message.cancelled });
        };
        active.onerror = (event) => resolve({ error: `The calibration stopped: ${event.message || 'the worker failed'}.`, cancelled: false });
        const request: CalibrationRequest = { type: 'run', agreement, mapping: effective, asOf, leads: leads.file, accounts: accounts?.file ?? null, outcome: mapping.outcome.file ? (outcomeFile?.file ?? null) : null };
        active.postMessage(request);
      });
      if (get().workshopId !== workshopId) return;
      const previous = get().stored ? 'done' : 'idle';
      if (cancelledRun === number) {
        set({ status: previous, error: null, progress: null });
        return;
      }
      if ('error' in result) {
        set({ status: result.cancelled ? previous : 'error', error: result.cancelled ? null : result.error, progress: null });
        return;
      }
      const files = { leads: leads.file.name, accounts: accounts?.file.name ?? null, outcome: mapping.outcome.file ? (outcomeFile?.file.name ?? null) : null };
      const ranAt = Date.now();
      // Which rules these figures are of: the screen says "stale" when the agreement's rules differ from them.
      const stamped: CalibrationResult = { ...result, rulesFingerprint: (await import('../../shared/engines/calibration/decision')).rulesFingerprint(agreement) };
      try {
        await repository.save({ workshopId, mapping, files, result: stamped, ranAt });
        set({ status: 'done', result: stamped, stored: { ranAt, files }, progress: null });
      } catch (error) {
        set({ status: 'error', error: `The results could not be stored: ${error instanceof Error ? error.message : String(error)}`, progress: null });
      }
    },
    cancel() {
      if (get().status !== 'running') return;
      if (!started) {
        // Still waiting for the profile: nothing was sent to the worker; the run will not start.
        runNumber += 1;
        set({ status: get().stored ? 'done' : 'idle', progress: null });
        return;
      }
      if (!worker) return;
      cancelledRun = runNumber;
      const request: CalibrationRequest = { type: 'cancel' };
      worker.postMessage(request);
    },
  }));
}
