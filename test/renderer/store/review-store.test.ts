// The SLA review store without the e2e: the run goes to a worker (here a fake that
// answers as the real one does, by the protocol), and the store says what happened:
// progress while it runs, the worker's reason when it stops, nothing made up when it
// is cancelled, and the result kept for the trend (results only) when it is done.
import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createReviewStore } from '../../../renderer/store/review-store';
import type { ReviewMessage, ReviewRequest } from '../../../renderer/workers/review-protocol';
import type { ReviewResult } from '../../../shared/engines/review/review';
import { readyAgreement } from '../../fixtures/agreements';

let counter = 0;

/** A worker that records what it was asked and answers with the script's messages for each request. */
function scriptedWorker(script: (request: ReviewRequest, worker: FakeWorker) => void) {
  const made: FakeWorker[] = [];
  return {
    made,
    createWorker: () => {
      const worker = new FakeWorker(script);
      made.push(worker);
      return worker as unknown as Worker;
    },
  };
}

class FakeWorker {
  onmessage: ((event: MessageEvent<ReviewMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  asked: ReviewRequest[] = [];
  terminated = false;
  constructor(private readonly script: (request: ReviewRequest, worker: FakeWorker) => void) {}
  postMessage(request: ReviewRequest) {
    this.asked.push(request);
    queueMicrotask(() => this.script(request, this));
  }
  answer(message: ReviewMessage) {
    this.onmessage?.({ data: message } as MessageEvent<ReviewMessage>);
  }
  fail(message: string) {
    this.onerror?.({ message } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

/** A German Excel export of three lead histories (semicolons, dd.mm.yyyy dates). */
const exportCsv = ['Lead-ID;Erstellt am;MQL-Datum;Erster Kontakt', 'L-1;03.11.2026 09:15;03.11.2026 09:20;03.11.2026 10:02', 'L-2;04.11.2026 14:00;04.11.2026 14:05;', 'L-3;05.11.2026 08:30;;'].join('\r\n');

async function storeWith(script: (request: ReviewRequest, worker: FakeWorker) => void, options: { workshopId?: string } = {}) {
  const db = new AccordDatabase(`review-store-${Date.now()}-${(counter += 1)}`);
  const workshop = await new WorkshopRepository(db).create({ title: 'Acme pipeline', client: 'Acme GmbH', agreement: readyAgreement() });
  const workshopId = options.workshopId ?? workshop.id;
  const workers = scriptedWorker(script);
  let id = 0;
  const store = createReviewStore(db, { createWorker: workers.createWorker, now: () => Date.parse('2026-12-01T10:00:00Z'), newId: () => `review-${(id += 1)}` });
  store.getState().reset(workshopId);
  await store.getState().chooseFile(new File([exportCsv], 'leads-november.csv', { type: 'text/csv' }));
  store.getState().setPeriod('2026-11-01', '2026-11-30');
  return { db, store, workers, workshopId };
}

/** A result as the engine returns it, trimmed to what the store keeps for the trend. */
const result = { from: '2026-11-01', to: '2026-11-30', leads: 3, mqls: 2, commitments: [], conversion: [], weekly: [], monthly: [], need: { mqlsPerWeek: null, mqlsPerMonth: null, opportunitiesPerMonth: null } } as unknown as ReviewResult;

describe('the SLA review store', () => {
  it('reads the chosen file’s header and suggests a mapping; nothing runs before', async () => {
    const { store, workers } = await storeWith(() => {});
    expect(store.getState().file?.preview.header).toEqual(['Lead-ID', 'Erstellt am', 'MQL-Datum', 'Erster Kontakt']);
    expect(store.getState().mapping).not.toBe(null);
    expect(store.getState().status).toBe('idle');
    expect(workers.made).toEqual([]);
  });

  it('sends the period, the mapping and the file to the worker, shows its progress, and keeps the result for the trend', async () => {
    let progressSeen: unknown = null;
    const { store, workers, workshopId } = await storeWith((request, worker) => {
      if (request.type !== 'run') return;
      worker.answer({ type: 'progress', bytes: 100, total: 200, rows: 2 });
      progressSeen = store.getState().progress;
      worker.answer({ type: 'done', result });
    });
    await store.getState().run(readyAgreement(), 'version 1, signed 2026-11-23');
    const asked = workers.made[0]!.asked[0] as Extract<ReviewRequest, { type: 'run' }>;
    expect([asked.type, asked.from, asked.to, asked.file.name, asked.agreementVersion]).toEqual(['run', '2026-11-01', '2026-11-30', 'leads-november.csv', 'version 1, signed 2026-11-23']);
    expect(asked.mapping).toEqual(store.getState().mapping);
    expect(progressSeen).toEqual({ bytes: 100, total: 200, rows: 2 });
    expect(store.getState().status).toBe('done');
    expect(store.getState().result).toEqual(result);
    expect(store.getState().progress).toBe(null);
    expect(store.getState().error).toBe(null);
    expect(store.getState().history.map((record) => [record.id, record.workshopId, record.fileName, record.mqls, record.from, record.to])).toEqual([['review-1', workshopId, 'leads-november.csv', 2, '2026-11-01', '2026-11-30']]);
  });

  it('a result that cannot be kept (the workshop was deleted meanwhile) is shown, and the reason is said', async () => {
    const { store } = await storeWith((request, worker) => request.type === 'run' && worker.answer({ type: 'done', result }), { workshopId: 'deleted-workshop' });
    await store.getState().run(readyAgreement());
    expect(store.getState().status).toBe('done');
    expect(store.getState().result).toEqual(result);
    expect(store.getState().error).toBe('The review could not be kept for the trend: This workshop no longer exists.');
    expect(store.getState().history).toEqual([]);
  });

  it('a review the worker refuses says the worker’s reason; nothing is kept', async () => {
    const { store } = await storeWith((request, worker) => request.type === 'run' && worker.answer({ type: 'error', message: 'Row 3: “MQL-Datum” is not a date (“31.02.2026”).', cancelled: false }));
    await store.getState().run(readyAgreement());
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('Row 3: “MQL-Datum” is not a date (“31.02.2026”).');
    expect(store.getState().result).toBe(null);
    expect(store.getState().history).toEqual([]);
  });

  it('a worker that crashes: "The review stopped" with its message', async () => {
    const { store } = await storeWith((request, worker) => request.type === 'run' && worker.fail('out of memory'));
    await store.getState().run(readyAgreement());
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('The review stopped: out of memory.');
  });

  it('cancel asks the running worker to stop; a cancelled first run is idle again, with no error and no result', async () => {
    let running: FakeWorker | null = null;
    const { store } = await storeWith((request, worker) => {
      if (request.type === 'run') running = worker;
      if (request.type === 'cancel') worker.answer({ type: 'error', message: 'Cancelled.', cancelled: true });
    });
    const run = store.getState().run(readyAgreement());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().status).toBe('running');
    store.getState().cancel();
    await run;
    expect(running!.asked.map((request) => request.type)).toEqual(['run', 'cancel']);
    expect(store.getState().status).toBe('idle');
    expect(store.getState().error).toBe(null);
    expect(store.getState().result).toBe(null);
  });

  it('a result the worker sends after Cancel was pressed (it finished before it saw the cancel) is not shown and not kept; the next run is', async () => {
    let running: FakeWorker | null = null;
    let ignoresCancel = true;
    const { db, store, workshopId } = await storeWith((request, worker) => {
      if (request.type === 'run') {
        running = worker;
        if (!ignoresCancel) worker.answer({ type: 'done', result });
      }
      // The worker was past its last chunk: it answers the run, and never sees the cancel.
      if (request.type === 'cancel') running!.answer({ type: 'done', result });
    });
    const run = store.getState().run(readyAgreement());
    await new Promise((resolve) => setTimeout(resolve, 0));
    store.getState().cancel();
    await run;
    expect(store.getState()).toMatchObject({ status: 'idle', error: null, result: null, progress: null });
    expect(await db.reviews.where('workshopId').equals(workshopId).count()).toBe(0);
    ignoresCancel = false;
    await store.getState().run(readyAgreement());
    expect(store.getState()).toMatchObject({ status: 'done', result });
    expect(await db.reviews.where('workshopId').equals(workshopId).count()).toBe(1);
  });

  it('without a file nothing runs; starting afresh ends the worker and forgets the file', async () => {
    const { store, workers } = await storeWith((request, worker) => request.type === 'run' && worker.answer({ type: 'done', result }));
    await store.getState().run(readyAgreement());
    store.getState().reset('w2');
    expect(workers.made[0]!.terminated).toBe(true);
    expect(store.getState().file).toBe(null);
    await store.getState().run(readyAgreement());
    expect(workers.made.length).toBe(1);
    expect(store.getState().status).toBe('idle');
  });
});
