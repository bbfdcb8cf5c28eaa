import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { AgreementRepository } from '../../../renderer/db/agreement-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createAgreementStore } from '../../../renderer/store/agreement-store';
import type { Agreement } from '../../../shared/model/agreement';
import { consensusItems, type SectionId } from '../../../shared/model/sections';
import { findTemplate } from '../../../shared/templates/templates';

let counter = 0;

/** A workshop made from a template, as the library makes it: every item proposed, nobody has said anything yet. */
async function room() {
  const db = new AccordDatabase(`part-store-${Date.now()}-${(counter += 1)}`);
  let clock = 1_000_000;
  const now = () => (clock += 10_000);
  const agreements = new AgreementRepository(db, now);
  const record = await new WorkshopRepository(db, now).create({ title: 'Acme pipeline', client: 'Acme GmbH', agreement: findTemplate('b2b-saas-mid-market')!.build() });
  const store = createAgreementStore(agreements, { saveDelayMs: 5, now });
  await store.getState().open(record.id);
  return { store, agreements, workshopId: record.id };
}

const part = (agreement: Agreement, section: SectionId) => consensusItems(agreement).filter((item) => item.section === section);

describe('the editor store settles a part at once (issue 14)', () => {
  it('"both sides agree to this part" is one undo step: Ctrl+Z restores every position it set, redo sets them again, and it is saved', async () => {
    const { store, agreements, workshopId } = await room();
    const before = store.getState().agreement!;
    const pastBefore = store.getState().past.length;
    const plan = store.getState().agreeToPart('handoff', ['marketing', 'sales'])!;
    expect(plan.changes).toHaveLength(10);
    const after = store.getState().agreement!;
    expect(part(after, 'handoff').map((item) => item.state)).toEqual(Array(10).fill('agreed'));
    expect(part(after, 'handoff').every((item) => item.consensus.marketingFor === item.contentHash && item.consensus.salesFor === item.contentHash)).toBe(true);
    // The other parts are as they were.
    expect(part(after, 'icp').map((item) => item.consensus)).toEqual(part(before, 'icp').map((item) => item.consensus));
    expect(store.getState().past.length).toBe(pastBefore + 1);

    await store.getState().flush();
    const saved = await agreements.load(workshopId);
    expect(part(saved, 'handoff').every((item) => item.state === 'agreed')).toBe(true);

    store.getState().undo();
    const undone = store.getState().agreement!;
    expect(part(undone, 'handoff').map((item) => item.consensus)).toEqual(part(before, 'handoff').map((item) => item.consensus));
    expect(part(undone, 'handoff').every((item) => item.state === 'proposed' && item.positions.marketing === 'pending' && item.positions.sales === 'pending')).toBe(true);
    store.getState().redo();
    expect(part(store.getState().agreement!, 'handoff').every((item) => item.state === 'agreed')).toBe(true);
  });

  it('marketing agrees to all, then sales: two steps; undo takes back only sales', async () => {
    const { store } = await room();
    store.getState().agreeToPart('cadence', ['marketing']);
    store.getState().agreeToPart('cadence', ['sales']);
    expect(part(store.getState().agreement!, 'cadence').every((item) => item.state === 'agreed')).toBe(true);
    store.getState().undo();
    expect(part(store.getState().agreement!, 'cadence').every((item) => item.positions.marketing === 'agree' && item.positions.sales === 'pending' && item.state === 'proposed')).toBe(true);
  });

  it('a later edit of an agreed item voids its yes (stored as not agreed); "agree to all" skips it while it has a problem, then reconfirms only that item', async () => {
    const { store } = await room();
    store.getState().agreeToPart('engagement', ['marketing', 'sales']);
    store.getState().update((draft) => void (draft.engagement.signals[0]!.points = 45));
    const changed = part(store.getState().agreement!, 'engagement').find((item) => item.id === 'signal-demoRequest')!;
    expect(changed.positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    expect(store.getState().agreement!.engagement.signals[0]!.consensus.state).toBe('proposed');
    // 45 points is above the signal's cap of 40: a problem, so "agree to all" leaves it and says why.
    const refused = store.getState().agreeToPart('engagement', ['marketing', 'sales'])!;
    expect(refused.changes).toEqual([]);
    expect(refused.skipped.map((skip) => [skip.item.id, skip.reason, skip.detail])).toEqual([['signal-demoRequest', 'problem', 'The cap is below one occurrence’s points.']]);
    store.getState().update((draft) => void (draft.engagement.signals[0]!.points = 35));
    const again = store.getState().agreeToPart('engagement', ['marketing', 'sales'])!;
    expect(again.changes.map((change) => change.item.id)).toEqual(['signal-demoRequest']);
    expect(part(store.getState().agreement!, 'engagement').every((item) => item.state === 'agreed')).toBe(true);
  });

  it('nothing to agree to leaves no undo step; a locked (signing) draft is not changed', async () => {
    const { store } = await room();
    store.getState().agreeToPart('reasons', ['marketing', 'sales']);
    const steps = store.getState().past.length;
    const nothing = store.getState().agreeToPart('reasons', ['marketing', 'sales'])!;
    expect(nothing.changes).toEqual([]);
    expect(store.getState().past.length).toBe(steps);
    store.getState().setLocked(true);
    const frozen = store.getState().agreement;
    expect(store.getState().agreeToPart('icp', ['marketing', 'sales'])).toBeNull();
    expect(store.getState().agreement).toBe(frozen);
  });
});
