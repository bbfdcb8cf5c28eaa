import { afterEach, describe, expect, it } from 'vitest';
import { parseMapping, type CalibrationMapping } from '../../../shared/engines/calibration/mapping';
import { readOutcomeFile } from '../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../shared/engines/calibration/run';
import { parseLibraryFile, serializeLibrary } from '../../../shared/model/library-file';
import { findTemplate } from '../../../shared/templates/templates';
import { AccordDatabase } from '../../../renderer/db/database';
import { CalibrationRepository } from '../../../renderer/db/calibration-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createCalibrationStore } from '../../../renderer/store/calibration-store';
import type { CalibrationMessage, CalibrationRequest } from '../../../renderer/workers/calibration-protocol';

let counter = 0;
const opened: AccordDatabase[] = [];
function database(): AccordDatabase {
  counter += 1;
  const db = new AccordDatabase(`calibration-store-${Date.now()}-${counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function* textOf(file: File) {
  yield await file.text();
}

/** The worker, in-process: the same engine calls the real worker makes (the run only; profiles are not read, so numbers are read with "."). */
function inProcessWorker(): Worker {
  const worker = {
    onmessage: null as ((event: MessageEvent<CalibrationMessage>) => void) | null,
    onerror: null,
    terminate() {},
    postMessage(request: CalibrationRequest) {
      const answer = (message: CalibrationMessage) => queueMicrotask(() => worker.onmessage?.({ data: message } as MessageEvent<CalibrationMessage>));
      if (request.type === 'profile') return answer({ type: 'error', message: 'not in this test', cancelled: false });
      if (request.type !== 'run') return;
      void (async () => {
        try {
          const outcomes = request.outcome && request.mapping.outcome.file ? await readOutcomeFile(textOf(request.outcome), request.mapping, request.outcome.name) : null;
          answer({ type: 'done', result: await runCalibration({ agreement: request.agreement, mapping: request.mapping, outcomes, asOf: request.asOf, fileName: request.leads.name, chunks: textOf(request.leads) }) });
        } catch (error) {
          answer({ type: 'error', message: (error as Error).message, cancelled: false });
        }
      })();
    },
  };
  return worker as unknown as Worker;
}

/** 60 leads from 2025, a third of them in the closed-deals file, as German Excel writes it. */
function files() {
  const leads = Array.from({ length: 60 }, (_, index) => ({ id: `L-${index + 1}`, industry: index % 2 ? 'Software' : 'Handel', date: `${String((index % 28) + 1).padStart(2, '0')}.${String((index % 9) + 1).padStart(2, '0')}.2025`, won: index % 3 === 0 }));
  const exportFile = new File([['Lead-ID;Branche;Erstellt am', ...leads.map((lead) => `${lead.id};${lead.industry};${lead.date}`)].join('\r\n')], 'leads.csv', { type: 'text/csv' });
  const deals = new File([['Lead-ID;Gewonnen am', ...leads.filter((lead) => lead.won).map((lead) => `${lead.id};15.12.2025`)].join('\r\n')], 'abschluesse.csv', { type: 'text/csv' });
  return { leads, exportFile, deals };
}

function agreement() {
  const built = findTemplate('b2b-saas-mid-market')!.build();
  built.icp = built.icp.filter((criterion) => criterion.id === 'icp-industry');
  built.revenuePlan.salesCycleDays = 90;
  return built;
}

const mapping: CalibrationMapping = parseMapping({ version: 1, attributes: { industry: { column: 'Branche' } }, outcome: { file: { key: 'Lead-ID', fileKey: 'Lead-ID', date: 'Gewonnen am' } }, date: { column: 'Erstellt am' } });

describe('calibration with the outcome in a second file, in the app', () => {
  it('runs with the chosen outcome file, stores its name and the recency facts, and the library file keeps them', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-1').create({ title: 'Calibrate' });
    const store = createCalibrationStore(db, { createWorker: inProcessWorker });
    await store.getState().load(workshop.id);
    const { leads, exportFile, deals } = files();
    await store.getState().chooseLeads(exportFile, agreement());
    store.getState().setMapping(mapping);
    await store.getState().run(agreement());
    // Without the outcome file the run does not start, and says what is missing.
    expect(store.getState()).toMatchObject({ status: 'error', error: 'The outcome is in a second file: choose it (closed deals or opportunities), or read the outcome from a column of the export.' });
    await store.getState().chooseOutcome(deals);
    await store.getState().run(agreement());
    const state = store.getState();
    expect(state.error).toBeNull();
    // Independently: the last won date is 15.12.2025; 90 days before is 16.09.2025, and every lead is from January to September.
    const counted = leads.filter((lead) => Date.UTC(2025, Number(lead.date.slice(3, 5)) - 1, Number(lead.date.slice(0, 2))) <= Date.UTC(2025, 8, 16));
    expect(state.result).toMatchObject({ scored: counted.length, positives: counted.filter((lead) => lead.won).length, recency: { judged: true, lastDate: '2025-12-15', lastDateFrom: 'outcome-file', cutoff: '2025-09-16' } });
    expect(state.stored?.files).toEqual({ leads: 'leads.csv', accounts: null, outcome: 'abschluesse.csv' });
    const record = await new CalibrationRepository(db).load(workshop.id);
    expect(record?.files.outcome).toBe('abschluesse.csv');
    expect(record?.mapping.outcome.file).toEqual({ key: 'Lead-ID', fileKey: 'Lead-ID', date: 'Gewonnen am' });
    // The library file (export/import) accepts a result with its recency facts.
    const tables = { workshops: await db.workshops.toArray(), agreements: [], versions: [], templates: [], calibrations: await db.calibrations.toArray(), reviews: [], sessions: [], settings: [] };
    const { text, leftOut } = serializeLibrary(tables, { exportedAt: new Date('2026-01-10T10:00:00Z'), appVersion: 'test' });
    expect(leftOut).toEqual([]);
    expect(parseLibraryFile(text).calibrations[0]!.result?.recency).toMatchObject({ judged: true, tooRecent: leads.length - counted.length });
  });

  it('a key that matches nothing shows the message and stores nothing', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-2').create({ title: 'Calibrate' });
    const store = createCalibrationStore(db, { createWorker: inProcessWorker });
    await store.getState().load(workshop.id);
    const { exportFile } = files();
    await store.getState().chooseLeads(exportFile, agreement());
    store.getState().setMapping(mapping);
    await store.getState().chooseOutcome(new File(['Lead-ID;Gewonnen am\r\n660737;15.12.2025\r\n'], 'other.csv'));
    await store.getState().run(agreement());
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatch(/^No lead of leads\.csv is in other\.csv: none of the 60 values of the export’s “Lead-ID” column appears in its “Lead-ID” column \(1 key, e\.g\. “660737”\)/);
    expect(store.getState().result).toBeNull();
    expect(await db.calibrations.get(workshop.id)).toBeUndefined();
  });
});

describe('a stored mapping the agreement no longer fits (issue 12, defect 11)', () => {
  it('drops the key of a removed criterion with a notice naming it, runs, and stores the outcome match', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-1').create({ title: 'Calibrate' });
    const store = createCalibrationStore(db, { createWorker: inProcessWorker });
    await store.getState().load(workshop.id);
    const { leads, exportFile, deals } = files();
    await store.getState().chooseLeads(exportFile, agreement());
    await store.getState().chooseOutcome(deals);
    // Mapped when the agreement had a "region" criterion; the person removed it since.
    store.getState().setMapping({ ...mapping, attributes: { ...mapping.attributes, region: { column: 'Branche' } } });
    await store.getState().run(agreement());
    const state = store.getState();
    expect(state.error).toBeNull();
    expect(state.status).toBe('done');
    expect(state.mappingNotice).toContain('“region”, which is not an attribute of the agreement');
    expect(Object.keys(state.mapping!.attributes)).toEqual(['industry']);
    // Independently: every deal row's key is a lead of the export.
    const ids = new Set(leads.map((lead) => lead.id));
    const dealRows = leads.filter((lead) => lead.won);
    expect(state.result?.outcomeMatch).toEqual({ fileName: 'abschluesse.csv', rows: dealRows.length, unmatchedRows: dealRows.filter((lead) => !ids.has(lead.id)).length });
    const tables = { workshops: await db.workshops.toArray(), agreements: [], versions: [], templates: [], calibrations: await db.calibrations.toArray(), reviews: [], sessions: [], settings: [] };
    const { text } = serializeLibrary(tables, { exportedAt: new Date('2026-01-10T10:00:00Z'), appVersion: 'test' });
    expect(parseLibraryFile(text).calibrations[0]!.result?.outcomeMatch).toEqual(state.result?.outcomeMatch);
  });
});

describe('Cancel pressed as the worker finishes', () => {
  it('a result that arrives after Cancel (the worker was past its last chunk) is not shown and not stored; the next run is', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-cancel').create({ title: 'Calibrate' });
    // The real worker, in-process, except that it holds its answer until the test lets it go, and ignores the cancel.
    const held: Array<() => void> = [];
    const createWorker = () => {
      const inner = inProcessWorker();
      const worker = {
        onmessage: null as ((event: MessageEvent<CalibrationMessage>) => void) | null,
        onerror: null,
        terminate() {},
        postMessage(request: CalibrationRequest) {
          if (request.type === 'cancel') return;
          const deliver = (event: MessageEvent<CalibrationMessage>) => worker.onmessage?.(event);
          inner.onmessage = request.type === 'run' ? (event) => held.push(() => deliver(event as MessageEvent<CalibrationMessage>)) : (event) => deliver(event as MessageEvent<CalibrationMessage>);
          inner.postMessage(request);
        },
      };
      return worker as unknown as Worker;
    };
    const store = createCalibrationStore(db, { createWorker });
    await store.getState().load(workshop.id);
    const { exportFile, deals } = files();
    await store.getState().chooseLeads(exportFile, agreement());
    await store.getState().chooseOutcome(deals);
    store.getState().setMapping(mapping);
    const release = async () => {
      await expect.poll(() => held.length).toBe(1);
      held.shift()!();
    };
    const first = store.getState().run(agreement());
    await expect.poll(() => held.length).toBe(1);
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
    await release();
    await first;
    expect(store.getState()).toMatchObject({ status: 'idle', error: null, result: null, progress: null });
    expect(await db.calibrations.get(workshop.id)).toBeUndefined();
    const second = store.getState().run(agreement());
    await release();
    await second;
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.scored).toBeGreaterThan(0);
    expect((await db.calibrations.get(workshop.id))?.result?.scored).toBe(store.getState().result?.scored);
  });
});
