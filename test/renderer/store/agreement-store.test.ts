import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Agreement } from '../../../shared/model/agreement';
import { findTemplate } from '../../../shared/templates/templates';
import { storageProblemMessages } from '../../../renderer/db/storage-error';
import { createAgreementStore } from '../../../renderer/store/agreement-store';

/** A repository that keeps what it was given (a deep copy, as IndexedDB would) and can be made to fail as a full disk does. */
function memoryRepository(agreement: Agreement) {
  const saved: { at: number; agreement: Agreement }[] = [];
  let failWith: unknown = null;
  return {
    saved,
    fail(error: unknown) {
      failWith = error;
    },
    load: async () => structuredClone(agreement),
    save: async (_id: string, next: Agreement) => {
      if (failWith) throw failWith;
      saved.push({ at: Date.now(), agreement: structuredClone(next) });
    },
  };
}

/** Dexie's own error for a full disk on open: the text the person saw before ("UnknownError Internal error opening backing store…"). */
const backingStoreError = () => new Dexie.OpenFailedError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'));
/** Dexie's aborted transaction over the browser's QuotaExceededError. */
const quotaError = () => new Dexie.AbortError('Transaction aborted', new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

async function openStore() {
  const template = findTemplate('b2b-saas-mid-market')!.build();
  const repository = memoryRepository(template);
  const store = createAgreementStore(repository);
  await store.getState().open('w1');
  return { store, repository };
}

describe('autosave never waits so long that a crash loses more than a second', () => {
  it('steady typing (a key every 150 ms for 6 s, never a 400 ms pause) is saved while it goes on; a crash at 6 s loses under a second', async () => {
    const { store, repository } = await openStore();
    const started = Date.now();
    const typedAt: number[] = [];
    for (let key = 1; key <= 40; key += 1) {
      store.getState().update((draft) => void (draft.workshop.title = 'x'.repeat(key)), 'title');
      typedAt.push(Date.now() - started);
      await vi.advanceTimersByTimeAsync(150);
    }
    // The crash: at 6 s, what is saved is all that survives.
    const crashAt = Date.now() - started;
    expect(crashAt).toBe(6000);
    const last = repository.saved.at(-1);
    expect(last, 'nothing was saved during 6 s of typing').toBeDefined();
    const survived = last!.agreement.workshop.title.length;
    // Lost: the keys typed after the last save, counted from the typing times (not from the store).
    const lostSince = typedAt[survived] ?? crashAt;
    expect(crashAt - lostSince).toBeLessThan(1000);
    // And saves came at most 750 ms apart after the first change.
    const gaps = repository.saved.map((save, index) => save.at - (index === 0 ? started : repository.saved[index - 1]!.at));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(750);
    // The debounce is kept: after a pause, a single change is saved 400 ms after it, not sooner.
    await vi.advanceTimersByTimeAsync(1000);
    const count = repository.saved.length;
    store.getState().update((draft) => void (draft.workshop.title = 'Once'));
    await vi.advanceTimersByTimeAsync(399);
    expect(repository.saved).toHaveLength(count);
    await vi.advanceTimersByTimeAsync(1);
    expect(repository.saved.at(-1)?.agreement.workshop.title).toBe('Once');
  });
});

describe('a full disk is said as a full disk, and the change is saved once there is room', () => {
  it.each([
    ['UnknownError Internal error opening backing store', backingStoreError, storageProblemMessages['storage-unwritable']],
    ['QuotaExceededError inside an aborted transaction', quotaError, storageProblemMessages['disk-full']],
  ])('%s', async (_name, error, message) => {
    const { store, repository } = await openStore();
    repository.fail(error());
    store.getState().update((draft) => void (draft.workshop.title = 'Kept'));
    await vi.advanceTimersByTimeAsync(400);
    expect(store.getState().saveState).toBe('error');
    expect(store.getState().saveError).toBe(message);
    expect(store.getState().saveError).toMatch(/disk is full/);
    expect(store.getState().saveError).not.toMatch(/UnknownError|backing store|QuotaExceeded|AbortError/);
    // Room again: the retry saves it without another keystroke.
    repository.fail(null);
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState().saveState).toBe('saved');
    expect(repository.saved.at(-1)?.agreement.workshop.title).toBe('Kept');
  });

  it('commit (a quick capture) says saved only when the save succeeded, and takes the change back when it failed', async () => {
    const { store, repository } = await openStore();
    const before = store.getState().agreement!.decisions.length;
    repository.fail(quotaError());
    const failed = await store.getState().commit((draft) => void draft.decisions.push({ id: 'd-1', text: 'An MQL needs fit ≥ B.', by: 'Both', decidedAt: '2026-11-23 10:00' }));
    expect(failed).toEqual({ saved: false, message: storageProblemMessages['disk-full'] });
    expect(store.getState().agreement!.decisions).toHaveLength(before);
    repository.fail(null);
    const saved = await store.getState().commit((draft) => void draft.decisions.push({ id: 'd-1', text: 'An MQL needs fit ≥ B.', by: 'Both', decidedAt: '2026-11-23 10:00' }));
    expect(saved).toEqual({ saved: true });
    expect(repository.saved.at(-1)?.agreement.decisions.map((decision) => decision.id)).toContain('d-1');
    expect(repository.saved.at(-1)?.agreement.decisions).toHaveLength(before + 1);
  });
});
