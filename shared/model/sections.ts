import { planVolumeTarget } from './funnel';
import type { Agreement, Commitment, Consensus, ConsensusState } from './agreement';
import { contentHash } from './canonical';
import { consensusState, positionStatus, type ConsensusTeam, type PositionStatus } from './consensus';
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

/** The kinds of item that carry a consensus. */
export const consensusItemKinds = ['revenue-plan', 'stage', 'term', 'criterion', 'committee', 'signal', 'decay', 'fast-track', 'thresholds', 'framework', 'handoff', 'commitment', 'reason', 'recycling', 'kpi', 'meeting'] as const;
/** A kind of item that carries a consensus. */
export type ConsensusItemKind = (typeof consensusItemKinds)[number];

/** One item that carries a consensus, wherever it lives in the agreement. */
export interface ConsensusItem {
  section: SectionId;
  kind: ConsensusItemKind;
  /** Stable id (the item's id, or a fixed name for single items). */
  id: string;
  /** How the facilitator names it: "Stage “SAL”". */
  label: string;
  /** The consensus as stored. Read `state`, never `consensus.state`: the stored state may be stale. */
  consensus: Consensus;
  /** The item's content hash now (`itemContentHash`): what a position given now is given for. */
  contentHash: string;
  /** The state derived from the positions that count for the content it has now. */
  state: ConsensusState;
  /** Where marketing and sales stand on the content it has now. */
  positions: Record<ConsensusTeam, PositionStatus>;
}

interface Holder {
  kind: ConsensusItemKind;
  section: SectionId;
  id: string;
  label: string;
  holder: { consensus: Consensus };
  /** What a position on this item is a position on (computed only when its hash is not known yet). */
  content: () => unknown;
  /** Other parts of the agreement the content reads (the plan, the calendar). */
  reads: readonly unknown[];
}

const withoutConsensus = <T extends { consensus: Consensus }>(item: T): Omit<T, 'consensus'> => {
  const { consensus: _consensus, ...content } = item;
  return content;
};

const businessUnits: ReadonlySet<Commitment['unit']> = new Set(['business-hours', 'business-days']);

/**
 * What "an item's content" is, per kind: the one place that decides what a
 * position is given for. An item's own fields without its consensus; the
 * grades and MQL rule without the framework (it has its own consensus); for
 * marketing's volume commitment, the target the plan gives it (never typed,
 * so a change of the win rate changes it); for a commitment counted in
 * business hours or days, the working calendar that gives those hours their
 * meaning ("4 business hours" means something else with other hours).
 */
function holders(agreement: Agreement): Holder[] {
  const list: Holder[] = [];
  const add = (kind: ConsensusItemKind, section: SectionId, id: string, label: string, holder: { consensus: Consensus }, content: () => unknown, reads: readonly unknown[] = []) => list.push({ kind, section, id, label, holder, content, reads });
  add('revenue-plan', 'revenue', 'revenue-plan', 'The revenue plan', agreement.revenuePlan, () => withoutConsensus(agreement.revenuePlan));
  for (const stage of agreement.stages) add('stage', 'vocabulary', stage.id, `Stage “${stage.name || 'untitled'}”`, stage, () => withoutConsensus(stage));
  for (const term of agreement.glossary) add('term', 'vocabulary', term.id, `Term “${term.term || 'untitled'}”`, term, () => withoutConsensus(term));
  for (const criterion of agreement.icp) add('criterion', 'icp', criterion.id, `Criterion “${criterion.label || criterion.attribute || 'untitled'}”`, criterion, () => withoutConsensus(criterion));
  add('committee', 'committee', 'buying-committee', 'The decision-maker grid', agreement.buyingCommittee, () => withoutConsensus(agreement.buyingCommittee));
  for (const signal of agreement.engagement.signals) add('signal', 'engagement', signal.id, `Signal “${signal.name || 'untitled'}”`, signal, () => withoutConsensus(signal));
  add('decay', 'engagement', 'decay', 'Score decay', agreement.engagement.decay, () => withoutConsensus(agreement.engagement.decay));
  for (const trigger of agreement.engagement.fastTracks) add('fast-track', 'engagement', trigger.id, `Fast track “${trigger.name || 'untitled'}”`, trigger, () => withoutConsensus(trigger));
  const { fitThresholds, engagementThresholds, mqlRule } = agreement.scoring;
  add('thresholds', 'scoring', 'thresholds', 'Grades and the MQL rule', agreement.scoring, () => ({ fitThresholds, engagementThresholds, mqlRule }));
  add('framework', 'scoring', 'framework', `Qualification framework (${agreement.scoring.framework.kind})`, agreement.scoring.framework, () => withoutConsensus(agreement.scoring.framework));
  for (const handoff of agreement.handoffs) add('handoff', 'handoff', handoff.id, `Handoff ${teamLabels[handoff.from]} → ${teamLabels[handoff.to]}`, handoff, () => withoutConsensus(handoff));
  for (const commitment of agreement.commitments) {
    const content = () => ({
      ...withoutConsensus(commitment),
      ...(commitment.kind === 'mql-volume' ? { planTarget: planVolumeTarget(agreement, commitment) } : {}),
      ...(businessUnits.has(commitment.unit) ? { calendar: agreement.calendar ?? null } : {}),
    });
    add('commitment', 'handoff', commitment.id, `Commitment “${commitment.metric || 'untitled'}”`, commitment, content, [agreement.revenuePlan, agreement.calendar]);
  }
  for (const reason of agreement.reasons) add('reason', 'reasons', reason.id, `Reason “${reason.label || reason.code || 'untitled'}”`, reason, () => withoutConsensus(reason));
  add('recycling', 'reasons', 'recycling', 'Recycling rule', agreement.recycling, () => withoutConsensus(agreement.recycling));
  for (const kpi of agreement.kpis) add('kpi', 'cadence', kpi.id, `KPI “${kpi.name || 'untitled'}”`, kpi, () => withoutConsensus(kpi));
  for (const meeting of agreement.meetings) add('meeting', 'cadence', meeting.id, `Meeting “${meeting.name || 'untitled'}”`, meeting, () => withoutConsensus(meeting));
  return list;
}

// Hashing every item on every keystroke is measurable (63 items, several readers); an item whose
// object is frozen (immer freezes every state the editor produces) cannot change, so its hash is kept
// with the object, and with the other parts its content reads, which are checked by identity.
const hashCache = new WeakMap<object, { reads: readonly unknown[]; hash: string }>();
const frozen = (value: unknown) => typeof value !== 'object' || value === null || Object.isFrozen(value);

function hashOf({ kind, holder, content, reads }: Holder): string {
  const cacheable = Object.isFrozen(holder) && reads.every(frozen);
  const cached = cacheable ? hashCache.get(holder) : undefined;
  if (cached && cached.reads.length === reads.length && cached.reads.every((entry, index) => entry === reads[index])) return cached.hash;
  const hash = contentHash({ kind, content: content() });
  if (cacheable) hashCache.set(holder, { reads, hash });
  return hash;
}

function toItem(entry: Holder): ConsensusItem {
  const { kind, section, id, label, holder } = entry;
  const hash = hashOf(entry);
  const { consensus } = holder;
  return { kind, section, id, label, consensus, contentHash: hash, state: consensusState(consensus, hash), positions: { marketing: positionStatus(consensus, 'marketing', hash), sales: positionStatus(consensus, 'sales', hash) } };
}

/** Every item of an agreement that needs consensus, in agenda order, with its content hash and derived state. */
export function consensusItems(agreement: Agreement): ConsensusItem[] {
  return holders(agreement).map(toItem);
}

/** The content hash of one item (by part and id), or null when it no longer exists: what a position given now is given for. */
export function itemContentHash(agreement: Agreement, item: Pick<ConsensusItem, 'section' | 'id'>): string | null {
  const found = holders(agreement).find((entry) => entry.section === item.section && entry.id === item.id);
  return found ? toItem(found).contentHash : null;
}

/**
 * The agreement with each item's consensus replaced by `change(item)` (the
 * same object when nothing changes). Used to stamp positions recorded before
 * hashes (shared/migrations/position-hashes.ts).
 */
export function mapConsensus(agreement: Agreement, change: (item: ConsensusItem) => Consensus): Agreement {
  const changes = consensusItems(agreement)
    .map((item, index) => ({ index, next: change(item), item }))
    .filter(({ next, item }) => next !== item.consensus);
  if (changes.length === 0) return agreement;
  const copy = JSON.parse(JSON.stringify(agreement)) as Agreement;
  const targets = holders(copy);
  for (const { index, next } of changes) targets[index]!.holder.consensus = next;
  return copy;
}

/** Items agreed (or parked) against all items, per section. */
export function sectionProgress(agreement: Agreement): Record<SectionId, { settled: number; total: number; disputed: number }> {
  const progress = Object.fromEntries(sections.map((section) => [section.id, { settled: 0, total: 0, disputed: 0 }])) as Record<SectionId, { settled: number; total: number; disputed: number }>;
  for (const item of consensusItems(agreement)) {
    const entry = progress[item.section];
    entry.total += 1;
    if (item.state === 'agreed' || item.state === 'parked') entry.settled += 1;
    if (item.state === 'disputed') entry.disputed += 1;
  }
  return progress;
}

/**
 * Sets the consensus of one item found by part and id (as `consensusItems`
 * names it), in a draft. Returns false when the item no longer exists.
 */
export function setConsensusOf(draft: Agreement, item: Pick<ConsensusItem, 'section' | 'id'>, consensus: Consensus): boolean {
  const found = holders(draft).find((entry) => entry.section === item.section && entry.id === item.id);
  if (found) found.holder.consensus = consensus;
  return Boolean(found);
}
