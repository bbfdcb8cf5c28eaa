import { afterEach, describe, expect, it } from 'vitest';
import { parseMapping } from '../../../shared/engines/calibration/mapping';
import { profileExport } from '../../../shared/engines/calibration/profile';
import { runCalibration } from '../../../shared/engines/calibration/run';
import { findTemplate } from '../../../shared/templates/templates';
import { AccordDatabase } from '../../../renderer/db/database';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createCalibrationStore } from '../../../renderer/store/calibration-store';
import type { CalibrationMessage, CalibrationRequest } from '../../../renderer/workers/calibration-protocol';

let counter = 0;
const opened: AccordDatabase[] = [];
function database(): AccordDatabase {
  counter += 1;
  const db = new AccordDatabase(`calibration-profile-${Date.now()}-${counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function* textOf(file: File) {
  yield await file.text();
}

/** The worker in-process, answering as the real one: the profile with `profileExport`, the run with `runCalibration`. `holdProfile` never answers the profile. */
function inProcessWorker(runs: CalibrationRequest[], holdProfile = false): () => Worker {
  return () => {
    const worker = {
      onmessage: null as ((event: MessageEvent<CalibrationMessage>) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(request: CalibrationRequest) {
        const answer = (message: CalibrationMessage) => queueMicrotask(() => worker.onmessage?.({ data: message } as MessageEvent<CalibrationMessage>));
        if (request.type === 'profile') {
          if (!holdProfile) void profileExport(textOf(request.file)).then((profile) => answer({ type: 'profiled', profile }));
          return;
        }
        if (request.type !== 'run') return;
        runs.push(request);
        void runCalibration({ agreement: request.agreement, mapping: request.mapping, asOf: request.asOf, fileName: request.leads.name, chunks: textOf(request.leads) }).then(
          (result) => answer({ type: 'done', result }),
          (error: Error) => answer({ type: 'error', message: error.message, cancelled: false }),
        );
      },
    };
    return worker as unknown as Worker;
  };
}

/** Industry = Software (50 points) and a demo count (60 points each): MQL at fit ≥ 50 and engagement ≥ 25. */
function agreement() {
  const built = findTemplate('b2b-saas-mid-market')!.build();
  built.icp = built.icp.filter((criterion) => criterion.id === 'icp-industry').map((criterion) => ({ ...criterion, points: 50 }));
  built.buyingCommittee.cells = built.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 }));
  built.engagement.signals = built.engagement.signals.filter((signal) => signal.key === 'demoRequest').map((signal) => ({ ...signal, points: 60, cap: null }));
  built.engagement.fastTracks = [];
  built.engagement.decay.mode = 'none';
  return built;
}
const mapping = parseMapping({ version: 1, attributes: { industry: { column: 'Branche' } }, signals: { demoRequest: { column: 'Demos' } }, outcome: { column: 'Gewonnen', success: ['ja'], failure: ['nein'] } });

/** 40 leads as German Excel writes them; the demo counts with a decimal comma appear only from row 30 on. */
function germanExport() {
  const demos = Array.from({ length: 40 }, (_, index) => (index < 30 ? '0' : `0,${index - 29}`));
  const file = new File([['Branche;Demos;Gewonnen', ...demos.map((demo, index) => `Software;${demo};${index % 2 ? 'ja' : 'nein'}`)].join('\r\n')], 'leads.csv', { type: 'text/csv' });
  // A lead with 0,n demos (n ≥ 1) scores 60 × 0.n ≥ 25 from n = 5: rows 34 to 39.
  const mqls = demos.filter((demo) => demo !== '0' && Number(demo.replace(',', '.')) * 60 >= 25).length;
  return { file, mqls };
}

describe('the calibration store reads numbers as the whole file writes them', () => {
  it('passes the decimal comma the profile found to the run', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-1').create({ title: 'Calibrate' });
    const runs: CalibrationRequest[] = [];
    const store = createCalibrationStore(db, { createWorker: inProcessWorker(runs) });
    await store.getState().load(workshop.id);
    const { file, mqls } = germanExport();
    await store.getState().chooseLeads(file, agreement());
    store.getState().setMapping(mapping);
    await expect.poll(() => store.getState().profiles.leads?.status).toBe('done');
    expect(store.getState().profiles.leads?.profile?.columns.find((column) => column.name === 'Demos')?.shapes.comma).toBe(10);
    await store.getState().run(agreement());
    expect(store.getState().error).toBeNull();
    expect(runs[0]?.type === 'run' && runs[0].mapping.numbers).toEqual({ Demos: { decimal: ',' } });
    expect(store.getState().result?.mqls).toBe(mqls);
    // The stored mapping keeps only what the person chose: nothing here.
    expect(store.getState().mapping?.numbers).toBeUndefined();
  });

  it('cancels a run that still waits for the profile, without starting it', async () => {
    const db = database();
    const workshop = await new WorkshopRepository(db, () => 1, () => 'w-1').create({ title: 'Calibrate' });
    const runs: CalibrationRequest[] = [];
    const store = createCalibrationStore(db, { createWorker: inProcessWorker(runs, true) });
    await store.getState().load(workshop.id);
    await store.getState().chooseLeads(germanExport().file, agreement());
    store.getState().setMapping(mapping);
    const running = store.getState().run(agreement());
    await expect.poll(() => store.getState().status).toBe('running');
    store.getState().cancel();
    // At once, though the profile never comes; nothing was sent to the worker.
    expect(store.getState()).toMatchObject({ status: 'idle', progress: null, error: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toHaveLength(0);
    void running;
  });
});
