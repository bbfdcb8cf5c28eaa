import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../shared/model/agreement';
import { readiness } from '../../../shared/model/agreement-rules';
import { contentHash } from '../../../shared/model/canonical';
import { consensusState, isSettled, positionStatus, proposedConsensus, withParked, withPosition } from '../../../shared/model/consensus';
import { consensusHistory } from '../../../shared/model/consensus-history';
import { consensusItems, itemContentHash, setConsensusOf, type ConsensusItem } from '../../../shared/model/sections';
import { stampPositionHashes } from '../../../shared/migrations/position-hashes';
import { readyAgreement } from '../../fixtures/agreements';

const hashA = 'a'.repeat(64);
const hashB = 'b'.repeat(64);

describe('consensus', () => {
  it('becomes agreed when marketing and sales both agree', () => {
    const both = withPosition(withPosition(proposedConsensus('sales'), 'marketing', 'agree', hashA), 'sales', 'agree', hashA);
    expect(both).toMatchObject({ proposedBy: 'sales', marketing: 'agree', sales: 'agree', marketingFor: hashA, salesFor: hashA, state: 'agreed' });
    expect(isSettled(both, hashA)).toBe(true);
  });
  it('is disputed as soon as one side disagrees, and proposed while one is pending', () => {
    expect(withPosition(proposedConsensus(), 'sales', 'disagree', hashA).state).toBe('disputed');
    expect(withPosition(proposedConsensus(), 'marketing', 'agree', hashA).state).toBe('proposed');
  });
  it('stays parked when positions change, and comes back to the derived state when unparked', () => {
    const parked = withParked(proposedConsensus(), true, hashA);
    const stillParked = withPosition(withPosition(parked, 'marketing', 'agree', hashA), 'sales', 'agree', hashA);
    expect(stillParked.state).toBe('parked');
    expect(isSettled(stillParked, hashA)).toBe(true);
    expect(withParked(stillParked, false, hashA).state).toBe('agreed');
  });
  it('counts a yes only for the content it was given for', () => {
    const marketingYes = withPosition(proposedConsensus(), 'marketing', 'agree', hashA);
    // The content changed (hash B); sales says yes to the new content in one click.
    const salesYes = withPosition(marketingYes, 'sales', 'agree', hashB);
    expect(salesYes.state).toBe('proposed');
    expect(consensusState(salesYes, hashB)).toBe('proposed');
    expect(positionStatus(salesYes, 'marketing', hashB)).toBe('changed-agree');
    expect(positionStatus(salesYes, 'sales', hashB)).toBe('agree');
    // Back to the content marketing agreed to: marketing's yes counts again, sales' does not.
    expect(positionStatus(salesYes, 'marketing', hashA)).toBe('agree');
    expect(positionStatus(salesYes, 'sales', hashA)).toBe('changed-agree');
  });
  it('keeps no hash for a pending position', () => {
    const withdrawn = withPosition(withPosition(proposedConsensus(), 'sales', 'agree', hashA), 'sales', 'pending', hashA);
    expect(withdrawn.salesFor).toBeUndefined();
    expect(withdrawn.sales).toBe('pending');
  });
});

/** The item as the app lists it, found by id. */
const item = (agreement: Agreement, id: string): ConsensusItem => consensusItems(agreement).find((entry) => entry.id === id)!;

/** One team's click on one item, as the consensus bar records it: for the item's content now. */
function give(agreement: Agreement, id: string, team: 'marketing' | 'sales', position: 'agree' | 'disagree' | 'pending'): Agreement {
  const next = JSON.parse(JSON.stringify(agreement)) as Agreement;
  const target = item(next, id);
  const hash = itemContentHash(next, target)!;
  setConsensusOf(next, target, withPosition(target.consensus, team, position, hash));
  return next;
}

/** A room where every item was agreed by both teams for its content (as opened by this version). */
function agreedRoom(): Agreement {
  return stampPositionHashes(readyAgreement());
}

const change = (agreement: Agreement, recipe: (draft: Agreement) => void): Agreement => {
  const next = JSON.parse(JSON.stringify(agreement)) as Agreement;
  recipe(next);
  return next;
};

describe('consensus follows the content (issue 13)', () => {
  it('a win rate changed from 25 % to 22 % is not agreed after one click by sales, and the readiness list names it', () => {
    const agreed = agreedRoom();
    expect(agreed.revenuePlan.winRate).toBe(25);
    expect(readiness(agreed).ready).toBe(true);
    const changed = change(agreed, (draft) => void (draft.revenuePlan.winRate = 22));
    expect(item(changed, 'revenue-plan').state).toBe('proposed');
    const salesClicked = give(changed, 'revenue-plan', 'sales', 'agree');
    const plan = item(salesClicked, 'revenue-plan');
    expect(plan.state).toBe('proposed');
    expect(plan.positions).toEqual({ marketing: 'changed-agree', sales: 'agree' });
    const check = readiness(salesClicked);
    expect(check.ready).toBe(false);
    expect(check.blockers.map((blocker) => blocker.message)).toContain('The revenue plan changed since marketing agreed: reconfirm. Waiting for marketing.');
    // Marketing's volume commitment reads its target from the plan: it changed too.
    expect(item(salesClicked, 'commit-mql-volume').positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    // Marketing reconfirms the plan for 22 %: agreed.
    expect(item(give(salesClicked, 'revenue-plan', 'marketing', 'agree'), 'revenue-plan').state).toBe('agreed');
  });

  it('a reason code whose next step changed needs both sides again', () => {
    const agreed = agreedRoom();
    const reason = agreed.reasons[0]!;
    expect(reason.action).toBe('recycle');
    const changed = change(agreed, (draft) => void (draft.reasons[0]!.action = 'disqualify'));
    const after = item(changed, reason.id);
    expect(after.state).toBe('proposed');
    expect(after.positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    expect(readiness(changed).blockers.some((blocker) => blocker.itemId === reason.id && blocker.message === `${after.label} changed since marketing and sales agreed: reconfirm. Waiting for marketing and sales.`)).toBe(true);
    // Its label is part of its content too; an item elsewhere keeps its agreement.
    expect(item(changed, agreed.reasons[1]!.id).state).toBe('agreed');
  });

  it('undo back to the agreed content restores the agreement, because the hash matches again', () => {
    const agreed = agreedRoom();
    const changed = give(change(agreed, (draft) => void (draft.revenuePlan.winRate = 22)), 'revenue-plan', 'sales', 'agree');
    const undone = change(changed, (draft) => void (draft.revenuePlan.winRate = 25));
    // Sales' click was for 22 %; marketing's yes for 25 % counts again, sales' earlier yes was replaced.
    expect(item(undone, 'revenue-plan').positions).toEqual({ marketing: 'agree', sales: 'changed-agree' });
    // The undo of both steps (the content and the click) is the agreed record itself.
    const undoneBoth = change(agreed, (draft) => {
      draft.revenuePlan.winRate = 22;
      draft.revenuePlan.winRate = 25;
    });
    expect(item(undoneBoth, 'revenue-plan').state).toBe('agreed');
    expect(readiness(undoneBoth).ready).toBe(true);
  });

  it('an amendment starts with every changed item needing both sides again; unchanged items keep their consensus, agreed on version 1 content', () => {
    const version1 = agreedRoom();
    const firstTouch = version1.commitments.find((commitment) => commitment.kind === 'first-touch')!;
    expect(version1.scoring.mqlRule.minFitGrade).toBe('B');
    expect(firstTouch.target).toBe(4);
    const amendment = change(version1, (draft) => {
      draft.scoring.mqlRule.minFitGrade = 'A';
      draft.commitments.find((commitment) => commitment.id === firstTouch.id)!.target = 2;
    });
    const check = readiness(amendment);
    expect(check.ready).toBe(false);
    expect(check.blockers.map((blocker) => blocker.itemId).sort()).toEqual([firstTouch.id, 'thresholds'].sort());
    const history = consensusHistory(amendment, [{ number: 1, agreement: version1 }]);
    const changed = history.filter((entry) => entry.changedSinceSigned).map((entry) => entry.item.id);
    expect(changed.sort()).toEqual([firstTouch.id, 'thresholds'].sort());
    for (const entry of history) {
      if (changed.includes(entry.item.id)) expect(entry.agreedOnVersion).toBeNull();
      else expect(entry.agreedOnVersion).toBe(1);
    }
    // Both sides agree the new content: ready, and the two are agreed on this content, not version 1's.
    let signedAgain = amendment;
    for (const id of changed) for (const team of ['marketing', 'sales'] as const) signedAgain = give(signedAgain, id, team, 'agree');
    expect(readiness(signedAgain).ready).toBe(true);
    expect(consensusHistory(signedAgain, [{ number: 1, agreement: version1 }]).find((entry) => entry.item.id === 'thresholds')!.agreedOnVersion).toBeNull();
  });

  it('agreed on version n content means unchanged in every signed version since n', () => {
    const version1 = agreedRoom();
    const version2 = change(version1, (draft) => void (draft.recycling.rule = `${draft.recycling.rule} Reviewed.`));
    const v2 = give(give(version2, 'recycling', 'marketing', 'agree'), 'recycling', 'sales', 'agree');
    const history = consensusHistory(v2, [
      { number: 2, agreement: v2 },
      { number: 1, agreement: version1 },
    ]);
    expect(history.find((entry) => entry.item.id === 'recycling')!.agreedOnVersion).toBe(2);
    expect(history.find((entry) => entry.item.id === 'revenue-plan')!.agreedOnVersion).toBe(1);
  });

  it('a business-hours commitment changes with the working calendar its hours are counted in', () => {
    const agreed = agreedRoom();
    const firstTouch = agreed.commitments.find((commitment) => commitment.kind === 'first-touch')!;
    const changed = change(agreed, (draft) => void (draft.calendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4], start: '09:00', end: '17:00', holidays: [] }));
    expect(item(changed, firstTouch.id).state).toBe('proposed');
    // A commitment counted in plain hours does not depend on the calendar.
    const plain = agreed.commitments.find((commitment) => commitment.unit !== 'business-hours' && commitment.unit !== 'business-days' && commitment.kind !== 'mql-volume')!;
    expect(item(changed, plain.id).state).toBe('agreed');
  });
});

describe('positions recorded before hashes (migration)', () => {
  it('are stamped with the content they are opened with; pending ones get none; a stamped draft is returned as it is', () => {
    const legacy = readyAgreement();
    legacy.kpis[0]!.consensus = { ...legacy.kpis[0]!.consensus, sales: 'pending', state: 'proposed' };
    expect(legacy.revenuePlan.consensus.marketingFor).toBeUndefined();
    const stamped = stampPositionHashes(legacy);
    const plan = item(stamped, 'revenue-plan');
    // The hash is computed here independently: the plan without its consensus, tagged with its kind.
    const { consensus: _consensus, ...planContent } = legacy.revenuePlan;
    expect(plan.consensus.marketingFor).toBe(contentHash({ kind: 'revenue-plan', content: planContent }));
    expect(plan.consensus.salesFor).toBe(plan.consensus.marketingFor);
    expect(stamped.kpis[0]!.consensus.salesFor).toBeUndefined();
    expect(stamped.kpis[0]!.consensus.marketingFor).toBe(item(stamped, legacy.kpis[0]!.id).contentHash);
    expect(stampPositionHashes(stamped)).toBe(stamped);
    // From then on a change is seen.
    expect(item(change(stamped, (draft) => void (draft.revenuePlan.winRate = 22)), 'revenue-plan').state).toBe('proposed');
  });
  it('fixes a stored state that disagrees with the positions', () => {
    const legacy = readyAgreement();
    legacy.stages[0]!.consensus = { ...legacy.stages[0]!.consensus, state: 'disputed' };
    expect(stampPositionHashes(legacy).stages[0]!.consensus.state).toBe('agreed');
  });
});
