import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Agreement } from '../../../shared/model/agreement';
import { readiness } from '../../../shared/model/agreement-rules';
import { contentHash } from '../../../shared/model/canonical';
import { withParked, withPosition } from '../../../shared/model/consensus';
import { applyPartPositions, partPositionsText, planPartPositions } from '../../../shared/model/part-consensus';
import { consensusItems, sections, setConsensusOf, type SectionId } from '../../../shared/model/sections';
import { findTemplate } from '../../../shared/templates/templates';

const template = () => findTemplate('b2b-saas-mid-market')!.build();
const partItems = (agreement: Agreement, section: SectionId) => consensusItems(agreement).filter((item) => item.section === section);
const agreeToPart = (agreement: Agreement, section: SectionId, teams: ('marketing' | 'sales')[]) => {
  const plan = planPartPositions(agreement, section, teams);
  return { plan, after: produce(agreement, (draft) => applyPartPositions(draft, plan)) };
};

/** A criterion's content hash computed here, from the fields a person sees, the way issue 13 defines it (kind + fields without the consensus). */
const criterionHash = (agreement: Agreement, id: string) => {
  const { consensus: _consensus, ...content } = agreement.icp.find((criterion) => criterion.id === id)!;
  return contentHash({ kind: 'criterion', content });
};

describe('settling a part at once: which items get which positions', () => {
  it('both sides agree to every part of a full template: every item ends agreed for its content, and nothing else changes', () => {
    let agreement = template();
    const withItems = sections.filter((section) => partItems(agreement, section.id).length > 0);
    expect(withItems.map((section) => section.id)).toEqual(['revenue', 'vocabulary', 'icp', 'committee', 'engagement', 'scoring', 'handoff', 'reasons', 'cadence']);
    for (const section of withItems) {
      const before = agreement;
      const { plan, after } = agreeToPart(agreement, section.id, ['marketing', 'sales']);
      expect(plan.changes).toHaveLength(partItems(before, section.id).length);
      expect(plan.skipped).toEqual([]);
      for (const item of partItems(after, section.id)) {
        expect(item.state, item.label).toBe('agreed');
        expect(item.consensus.marketingFor).toBe(item.contentHash);
        expect(item.consensus.salesFor).toBe(item.contentHash);
      }
      // The other parts are untouched.
      for (const other of withItems.filter((entry) => entry.id !== section.id)) expect(partItems(after, other.id).map((item) => item.consensus)).toEqual(partItems(before, other.id).map((item) => item.consensus));
      agreement = after;
    }
    // Every consensus item is settled: what still blocks signing are the room's own gaps (names, dates), none an item's consensus.
    const consensusBlockers = readiness(agreement).blockers.filter((blocker) => /not agreed yet|disputed|reconfirm/.test(blocker.message));
    expect(consensusBlockers).toEqual([]);
    expect(consensusItems(agreement).every((item) => item.state === 'agreed')).toBe(true);
  });

  it('the yes is for the content: a later change of a criterion says "changed since you agreed", and undoing the change brings the agreement back', () => {
    const { after } = agreeToPart(template(), 'icp', ['marketing', 'sales']);
    const employees = partItems(after, 'icp').find((item) => item.id === 'icp-employees')!;
    expect(employees.consensus.marketingFor).toBe(criterionHash(after, 'icp-employees'));
    const changed = produce(after, (draft) => void (draft.icp.find((criterion) => criterion.id === 'icp-employees')!.points = 35));
    const now = partItems(changed, 'icp').find((item) => item.id === 'icp-employees')!;
    expect(now.state).toBe('proposed');
    expect(now.positions).toEqual({ marketing: 'changed-agree', sales: 'changed-agree' });
    expect(readiness(changed).blockers.map((blocker) => blocker.message)).toContain('Criterion “50–1,000 employees” changed since marketing and sales agreed: reconfirm. Waiting for marketing and sales.');
    // Agreeing to the part again reconfirms it for the new content (a "changed since you agreed" is a yes to give again, not a no).
    const again = planPartPositions(changed, 'icp', ['marketing', 'sales']);
    expect(again.changes.map((change) => change.item.id)).toEqual(['icp-employees']);
    expect(again.already).toHaveLength(7);
  });

  it('one team agrees to all: only its positions are set; the item waits for the other side', () => {
    const { plan, after } = agreeToPart(template(), 'reasons', ['sales']);
    expect(plan.changes).toHaveLength(8);
    for (const item of partItems(after, 'reasons')) {
      expect(item.positions).toEqual({ marketing: 'pending', sales: 'agree' });
      expect(item.state).toBe('proposed');
    }
    // Then marketing agrees to all: agreed.
    const { after: both } = agreeToPart(after, 'reasons', ['marketing']);
    expect(partItems(both, 'reasons').every((item) => item.state === 'agreed')).toBe(true);
    expect(partPositionsText(planPartPositions(both, 'reasons', ['marketing', 'sales']))).toBe('Marketing and sales had already agreed to every item of Rejection and recycling.');
  });

  it('skips an item with a problem, a parked item and a "no", and says which and why', () => {
    const start = produce(template(), (draft) => {
      draft.icp.find((criterion) => criterion.id === 'icp-region')!.attribute = '';
      const crm = consensusItems(draft).find((item) => item.id === 'icp-crm')!;
      setConsensusOf(draft, crm, withParked(crm.consensus, true, crm.contentHash));
      const competitor = consensusItems(draft).find((item) => item.id === 'icp-competitor')!;
      setConsensusOf(draft, competitor, withPosition(competitor.consensus, 'sales', 'disagree', competitor.contentHash));
    });
    const { plan, after } = agreeToPart(start, 'icp', ['marketing', 'sales']);
    expect(plan.skipped.map((skip) => [skip.item.id, skip.reason])).toEqual([
      ['icp-region', 'problem'],
      ['icp-crm', 'parked'],
      ['icp-competitor', 'disagrees'],
    ]);
    expect(plan.changes).toHaveLength(5);
    const state = (id: string) => partItems(after, 'icp').find((item) => item.id === id)!;
    expect(state('icp-region').positions).toEqual({ marketing: 'pending', sales: 'pending' });
    expect(state('icp-crm').state).toBe('parked');
    expect(state('icp-crm').positions).toEqual({ marketing: 'pending', sales: 'pending' });
    expect(state('icp-competitor').positions).toEqual({ marketing: 'pending', sales: 'disagree' });
    expect(state('icp-employees').state).toBe('agreed');
    expect(partPositionsText(plan)).toBe(
      'Marketing and sales agreed to 5 items of Ideal customer profile. 3 items skipped: 1 has a problem to fix first (Criterion “Region we sell in”: Choose the attribute this criterion reads); 1 is parked (Criterion “Uses a CRM”: take it back into discussion first); 1 has a “disagree” to settle on its own (Criterion “Competitors”: sales disagrees).',
    );
    // Marketing alone may agree to the criterion sales disputes: marketing's view is marketing's.
    expect(planPartPositions(start, 'icp', ['marketing']).changes.map((change) => change.item.id)).toContain('icp-competitor');
  });

  it('a "no" given for earlier content is not turned into a yes either', () => {
    const start = produce(template(), (draft) => {
      const stage = consensusItems(draft).find((item) => item.id === 'stage-sal')!;
      setConsensusOf(draft, stage, withPosition(stage.consensus, 'marketing', 'disagree', stage.contentHash));
      draft.stages.find((entry) => entry.id === 'stage-sal')!.maxDays = 3;
    });
    expect(partItems(start, 'vocabulary').find((item) => item.id === 'stage-sal')!.positions.marketing).toBe('changed-disagree');
    const plan = planPartPositions(start, 'vocabulary', ['marketing', 'sales']);
    expect(plan.skipped.map((skip) => [skip.item.id, skip.detail])).toEqual([['stage-sal', 'marketing disagrees']]);
  });

  it('a part without items says so', () => {
    const plan = planPartPositions(template(), 'workshop', ['marketing', 'sales']);
    expect(plan.items).toEqual([]);
    expect(partPositionsText(plan)).toBe('Workshop and people has no items to agree to.');
  });
});
