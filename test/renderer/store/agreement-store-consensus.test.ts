import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { AgreementRepository } from '../../../renderer/db/agreement-repository';
import { VersionRepository } from '../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createAgreementStore } from '../../../renderer/store/agreement-store';
import type { Agreement } from '../../../shared/model/agreement';
import { readiness } from '../../../shared/model/agreement-rules';
import { withPosition } from '../../../shared/model/consensus';
import { consensusItems, setConsensusOf } from '../../../shared/model/sections';
import { readyAgreement, signaturePng } from '../../fixtures/agreements';

let counter = 0;

/** A workshop whose agreement was agreed item by item before positions kept hashes (as a database of the last release holds it). */
async function room() {
  const db = new AccordDatabase(`consensus-store-${Date.now()}-${(counter += 1)}`);
  let clock = 1_000_000;
  const now = () => (clock += 10_000);
  const workshops = new WorkshopRepository(db, now);
  const agreements = new AgreementRepository(db, now);
  const versions = new VersionRepository(db, now);
  const record = await workshops.create({ title: 'Acme pipeline', client: 'Acme GmbH', agreement: readyAgreement() });
  const store = createAgreementStore(agreements, { saveDelayMs: 5, now });
  await store.getState().open(record.id);
  return { db, store, agreements, versions, workshopId: record.id };
}

/** One click on a team's thumb, as the consensus bar makes it: for the item's content now. */
function click(store: Awaited<ReturnType<typeof room>>['store'], id: string, team: 'marketing' | 'sales') {
  const item = consensusItems(store.getState().agreement!).find((entry) => entry.id === id)!;
  store.getState().update((draft) => void setConsensusOf(draft, item, withPosition(item.consensus, team, 'agree', item.contentHash)));
}

const itemOf = (agreement: Agreement, id: string) => consensusItems(agreement).find((entry) => entry.id === id)!;

describe('the editor store keeps consensus honest (issue 13)', () => {
  it('25 % → 22 % and one click by sales: not agreed, stored as not agreed; undo back to 25 % restores the agreement', async () => {
    const { store, agreements, workshopId } = await room();
    expect(readiness(store.getState().agreement!).ready).toBe(true);
    store.getState().update((draft) => void (draft.revenuePlan.winRate = 22));
    click(store, 'revenue-plan', 'sales');
    const after = store.getState().agreement!;
    expect(itemOf(after, 'revenue-plan').state).toBe('proposed');
    expect(itemOf(after, 'revenue-plan').positions).toEqual({ marketing: 'changed-agree', sales: 'agree' });
    // The stored state is the derived one, not a stale "agreed".
    expect(after.revenuePlan.consensus.state).toBe('proposed');
    expect(readiness(after).blockers.map((blocker) => blocker.message)).toContain('The revenue plan changed since marketing agreed: reconfirm. Waiting for marketing.');
    // What was saved says the same after a reload.
    await store.getState().flush();
    const reloaded = await agreements.load(workshopId);
    expect(itemOf(reloaded, 'revenue-plan').state).toBe('proposed');
    // Undo the click and the change: agreed again, ready to sign.
    store.getState().undo();
    store.getState().undo();
    const undone = store.getState().agreement!;
    expect(undone.revenuePlan.winRate).toBe(25);
    expect(itemOf(undone, 'revenue-plan').state).toBe('agreed');
    expect(readiness(undone).ready).toBe(true);
  });

  it('a reason code’s next step changed: both sides must say again', async () => {
    const { store } = await room();
    const reason = store.getState().agreement!.reasons[0]!;
    store.getState().update((draft) => void (draft.reasons[0]!.action = 'disqualify'));
    click(store, reason.id, 'sales');
    const item = itemOf(store.getState().agreement!, reason.id);
    expect(item.state).toBe('proposed');
    expect(item.positions.marketing).toBe('changed-agree');
  });

  it('an amendment of a signed version: "fit ≥ B → fit ≥ A" and "first touch 4 → 2 business hours" are not agreed, so version 2 is not ready to sign', async () => {
    const { store, versions, workshopId } = await room();
    await store.getState().flush();
    const version = await versions.startSigning(workshopId);
    for (const person of version.agreement.participants.filter((entry) => entry.signs)) {
      await versions.sign(workshopId, { participantId: person.id, method: 'typed', image: signaturePng, signedAt: '2026-11-23T10:00:00.000Z', contentHash: version.contentHash });
    }
    await versions.amend(workshopId);
    const firstTouch = store.getState().agreement!.commitments.find((commitment) => commitment.kind === 'first-touch')!;
    store.getState().update((draft) => {
      draft.scoring.mqlRule.minFitGrade = 'A';
      draft.commitments.find((commitment) => commitment.id === firstTouch.id)!.target = 2;
    });
    const amendment = store.getState().agreement!;
    const check = readiness(amendment);
    expect(check.ready).toBe(false);
    expect(check.blockers.map((blocker) => blocker.itemId).sort()).toEqual([firstTouch.id, 'thresholds'].sort());
    await store.getState().flush();
    await expect(versions.startSigning(workshopId)).rejects.toThrow('The agreement is not ready to sign: 2 items need settling first.');
  });
});
