import type { Agreement, Consensus } from './agreement';
import { teamLabels } from './teams';

/** The eleven parts of an agreement, in agenda order. */
export const sections = [
  { id: 'workshop', number: 1, title: 'Workshop and people', minutes: 10, summary: 'Client, facilitator, dates, participants, signatories and executive sponsors.' },
  { id: 'revenue', number: 2, title: 'Revenue plan and funnel', minutes: 25, summary: 'From the revenue target back to the leads, MQLs and opportunities needed, and whether the SDRs can work them.' },
  { id: 'vocabulary', number: 3, title: 'Common vocabulary', minutes: 20, summary: 'Funnel stages with definitions, entry and exit criteria, owners and time limits; a glossary.' },
  { id: 'icp', number: 4, title: 'Ideal customer profile', minutes: 20, summary: 'Firmographic fit: must-haves, preferences with points, disqualifiers.' },
  { id: 'committee', number: 5, title: 'Decision makers', minutes: 15, summary: 'Job function × seniority with points and buying roles; roles required for SQL.' },
  { id: 'engagement', number: 6, title: 'Engagement and triggers', minutes: 15, summary: 'Behaviours with points, caps and decay; fast-track triggers.' },
  { id: 'scoring', number: 7, title: 'Scoring and thresholds', minutes: 20, summary: 'Fit and engagement grades, the MQL rule, the qualification framework.' },
  { id: 'handoff', number: 8, title: 'Handoff and SLA', minutes: 25, summary: 'Who hands what to whom, and each team’s measurable commitments.' },
  { id: 'reasons', number: 9, title: 'Rejection and recycling', minutes: 10, summary: 'Reason codes, what happens next, when recycled leads may re-enter.' },
  { id: 'cadence', number: 10, title: 'Metrics and cadence', minutes: 10, summary: 'The KPIs both teams report on and the meetings of the closed loop.' },
  { id: 'log', number: 11, title: 'Parking lot, decisions, actions', minutes: 10, summary: 'Disagreements parked for later, decisions logged, action items with owners.' },
] as const;

/** A section of the agreement. */
export type Section = (typeof sections)[number];
/** A section id. */
export type SectionId = Section['id'];

/** One item that carries a consensus state, wherever it lives in the agreement. */
export interface ConsensusItem {
  section: SectionId;
  /** Stable id (the item's id, or a fixed name for single items). */
  id: string;
  /** How the facilitator names it: "Stage “SAL”". */
  label: string;
  consensus: Consensus;
}

/** Every item of an agreement that needs consensus, in agenda order. */
export function consensusItems(agreement: Agreement): ConsensusItem[] {
  const items: ConsensusItem[] = [];
  const add = (section: SectionId, id: string, label: string, consensus: Consensus) => items.push({ section, id, label, consensus });
  add('revenue', 'revenue-plan', 'The revenue plan', agreement.revenuePlan.consensus);
  for (const stage of agreement.stages) add('vocabulary', stage.id, `Stage “${stage.name || 'untitled'}”`, stage.consensus);
  for (const term of agreement.glossary) add('vocabulary', term.id, `Term “${term.term || 'untitled'}”`, term.consensus);
  for (const criterion of agreement.icp) add('icp', criterion.id, `Criterion “${criterion.label || criterion.attribute || 'untitled'}”`, criterion.consensus);
  add('committee', 'buying-committee', 'The decision-maker grid', agreement.buyingCommittee.consensus);
  for (const signal of agreement.engagement.signals) add('engagement', signal.id, `Signal “${signal.name || 'untitled'}”`, signal.consensus);
  add('engagement', 'decay', 'Score decay', agreement.engagement.decay.consensus);
  for (const trigger of agreement.engagement.fastTracks) add('engagement', trigger.id, `Fast track “${trigger.name || 'untitled'}”`, trigger.consensus);
  add('scoring', 'thresholds', 'Grades and the MQL rule', agreement.scoring.consensus);
  add('scoring', 'framework', `Qualification framework (${agreement.scoring.framework.kind})`, agreement.scoring.framework.consensus);
  for (const handoff of agreement.handoffs) add('handoff', handoff.id, `Handoff ${teamLabels[handoff.from]} → ${teamLabels[handoff.to]}`, handoff.consensus);
  for (const commitment of agreement.commitments) add('handoff', commitment.id, `Commitment “${commitment.metric || 'untitled'}”`, commitment.consensus);
  for (const reason of agreement.reasons) add('reasons', reason.id, `Reason “${reason.label || reason.code || 'untitled'}”`, reason.consensus);
  add('reasons', 'recycling', 'Recycling rule', agreement.recycling.consensus);
  for (const kpi of agreement.kpis) add('cadence', kpi.id, `KPI “${kpi.name || 'untitled'}”`, kpi.consensus);
  for (const meeting of agreement.meetings) add('cadence', meeting.id, `Meeting “${meeting.name || 'untitled'}”`, meeting.consensus);
  return items;
}

/** Items agreed (or parked) against all items, per section. */
export function sectionProgress(agreement: Agreement): Record<SectionId, { settled: number; total: number; disputed: number }> {
  const progress = Object.fromEntries(sections.map((section) => [section.id, { settled: 0, total: 0, disputed: 0 }])) as Record<SectionId, { settled: number; total: number; disputed: number }>;
  for (const item of consensusItems(agreement)) {
    const entry = progress[item.section];
    entry.total += 1;
    if (item.consensus.state === 'agreed' || item.consensus.state === 'parked') entry.settled += 1;
    if (item.consensus.state === 'disputed') entry.disputed += 1;
  }
  return progress;
}

/**
 * Sets the consensus of one item found by part and id (as `consensusItems`
 * names it), in a draft. Returns false when the item no longer exists.
 */
export function setConsensusOf(draft: Agreement, item: Pick<ConsensusItem, 'section' | 'id'>, consensus: Consensus): boolean {
  const inList = (list: { id: string; consensus: Consensus }[]) => {
    const found = list.find((entry) => entry.id === item.id);
    if (found) found.consensus = consensus;
    return Boolean(found);
  };
  switch (item.section) {
    case 'revenue':
      if (item.id !== 'revenue-plan') return false;
      draft.revenuePlan.consensus = consensus;
      return true;
    case 'vocabulary':
      return inList(draft.stages) || inList(draft.glossary);
    case 'icp':
      return inList(draft.icp);
    case 'committee':
      if (item.id !== 'buying-committee') return false;
      draft.buyingCommittee.consensus = consensus;
      return true;
    case 'engagement':
      if (item.id === 'decay') {
        draft.engagement.decay.consensus = consensus;
        return true;
      }
      return inList(draft.engagement.signals) || inList(draft.engagement.fastTracks);
    case 'scoring':
      if (item.id === 'thresholds') draft.scoring.consensus = consensus;
      else if (item.id === 'framework') draft.scoring.framework.consensus = consensus;
      else return false;
      return true;
    case 'handoff':
      return inList(draft.handoffs) || inList(draft.commitments);
    case 'reasons':
      if (item.id === 'recycling') {
        draft.recycling.consensus = consensus;
        return true;
      }
      return inList(draft.reasons);
    case 'cadence':
      return inList(draft.kpis) || inList(draft.meetings);
    default:
      return false;
  }
}
