import { describeCalendar } from '../engines/calendar/business-time';
import { commitmentTarget } from './document';
import type { Agreement } from '../model/agreement';
import { defaultAttributeLabel } from '../model/attribute-labels';
import type { PositionStatus } from '../model/consensus';
import { consensusItems, sections, type SectionId } from '../model/sections';
import { teamLabels } from '../model/teams';

/** One change between two versions, in the facilitator's words. */
export interface Change {
  section: SectionId;
  text: string;
}

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : Array.isArray(value) ? value.join(', ') || '—' : String(value));

function scalar(changes: Change[], section: SectionId, label: string, before: unknown, after: unknown, unit = ''): void {
  if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ section, text: `${label}: ${show(before)}${unit} → ${show(after)}${unit}` });
}

function list<T extends { id: string }>(changes: Change[], section: SectionId, kind: string, before: T[], after: T[], name: (item: T) => string, fields: [string, (item: T) => unknown][]): void {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) {
      changes.push({ section, text: `${kind} “${name(item)}” added` });
      continue;
    }
    const renamed = name(previous) !== name(item);
    if (renamed) changes.push({ section, text: `${kind} “${name(previous)}” renamed “${name(item)}”` });
    for (const [label, read] of fields) {
      const a = read(previous);
      const b = read(item);
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const long = typeof b === 'string' && b.length > 60;
        changes.push({ section, text: long ? `${kind} “${name(item)}”: ${label} changed` : `${kind} “${name(item)}”: ${label} ${show(a)} → ${show(b)}` });
      }
    }
  }
  for (const item of before) if (!next.has(item.id)) changes.push({ section, text: `${kind} “${name(item)}” removed` });
}

/**
 * What changed from a signed version to its amendment, section by section,
 * as a facilitator would say it: "MQL rule: fit ≥ B → fit ≥ A",
 * "Reason code “No budget” added", "First touch after MQL: 4 → 2 business hours".
 */
export function diffAgreements(before: Agreement, after: Agreement): Change[] {
  const changes: Change[] = [];
  const w0 = before.workshop;
  const w1 = after.workshop;
  for (const [field, label] of [['title', 'Title'], ['client', 'Client'], ['facilitator', 'Facilitator'], ['date', 'Workshop date'], ['validityMonths', 'Valid for (months)'], ['nextReviewDate', 'Next review']] as const) scalar(changes, 'workshop', label, w0[field], w1[field]);
  list(changes, 'workshop', 'Participant', before.participants, after.participants, (person) => person.name || person.title, [['title', (person) => person.title], ['team', (person) => teamLabels[person.team]], ['signs', (person) => (person.signs ? 'signs' : 'does not sign')], ['sponsor', (person) => person.sponsor]]);

  const p0 = before.revenuePlan;
  const p1 = after.revenuePlan;
  scalar(changes, 'revenue', 'Revenue target', p0.revenueTarget, p1.revenueTarget, ` ${p1.currency}`);
  scalar(changes, 'revenue', 'Average deal size', p0.averageDealSize, p1.averageDealSize, ` ${p1.currency}`);
  for (const [field, label] of [['winRate', 'Win rate'], ['leadToMql', 'Lead → MQL rate'], ['mqlToSal', 'MQL → SAL rate'], ['salToSql', 'SAL → SQL rate'], ['sqlToOpportunity', 'SQL → opportunity rate']] as const) scalar(changes, 'revenue', label, p0[field], p1[field], ' %');
  scalar(changes, 'revenue', 'Sales cycle', p0.salesCycleDays, p1.salesCycleDays, ' days');
  scalar(changes, 'revenue', 'Weeks in the period', p0.periodWeeks, p1.periodWeeks);
  scalar(changes, 'revenue', 'SDR headcount', p0.sdrHeadcount, p1.sdrHeadcount);
  scalar(changes, 'revenue', 'Leads one SDR can work a week', p0.leadsPerSdrPerWeek, p1.leadsPerSdrPerWeek);
  scalar(changes, 'revenue', 'Marketing’s headline KPI', p0.headlineKpi === 'mqls' ? 'MQLs' : 'sales-accepted opportunities', p1.headlineKpi === 'mqls' ? 'MQLs' : 'sales-accepted opportunities');

  list(changes, 'vocabulary', 'Stage', before.stages, after.stages, (stage) => stage.name, [['definition', (stage) => stage.definition], ['entry criteria', (stage) => stage.entryCriteria], ['exit criteria', (stage) => stage.exitCriteria], ['owner', (stage) => teamLabels[stage.owner]], ['longest time (days)', (stage) => stage.maxDays]]);
  list(changes, 'vocabulary', 'Term', before.glossary, after.glossary, (term) => term.term, [['definition', (term) => term.definition]]);
  list(changes, 'icp', 'Criterion', before.icp, after.icp, (criterion) => criterion.label || criterion.attribute, [['attribute', (criterion) => criterion.attribute], ['attribute shown as', (criterion) => criterion.attributeDisplayName?.trim() || defaultAttributeLabel(criterion.attribute)], ['match', (criterion) => criterion.match], ['effect', (criterion) => criterion.effect], ['points', (criterion) => criterion.points], ['rationale', (criterion) => criterion.rationale]]);

  const cells0 = new Map(before.buyingCommittee.cells.map((cell) => [`${cell.function}|${cell.seniority}`, cell]));
  for (const cell of after.buyingCommittee.cells) {
    const old = cells0.get(`${cell.function}|${cell.seniority}`);
    if (old && old.points !== cell.points) changes.push({ section: 'committee', text: `${cell.seniority} in ${cell.function}: ${show(old.points)} → ${show(cell.points)} points` });
    if (old && old.role !== cell.role) changes.push({ section: 'committee', text: `${cell.seniority} in ${cell.function}: role ${show(old.role)} → ${show(cell.role)}` });
  }
  scalar(changes, 'committee', 'Functions', before.buyingCommittee.functions, after.buyingCommittee.functions);
  scalar(changes, 'committee', 'Roles required for SQL', before.buyingCommittee.requiredRoles, after.buyingCommittee.requiredRoles);

  list(changes, 'engagement', 'Signal', before.engagement.signals, after.engagement.signals, (signal) => signal.name, [['points', (signal) => signal.points], ['cap', (signal) => signal.cap], ['CRM field', (signal) => signal.key]]);
  scalar(changes, 'engagement', 'Decay', `${before.engagement.decay.mode}${before.engagement.decay.mode === 'none' ? '' : ` ${before.engagement.decay.days} days`}`, `${after.engagement.decay.mode}${after.engagement.decay.mode === 'none' ? '' : ` ${after.engagement.decay.days} days`}`);
  list(changes, 'engagement', 'Fast track', before.engagement.fastTracks, after.engagement.fastTracks, (trigger) => trigger.name, [['signal', (trigger) => trigger.signalKey], ['description', (trigger) => trigger.description]]);

  const s0 = before.scoring;
  const s1 = after.scoring;
  for (const grade of ['A', 'B', 'C'] as const) scalar(changes, 'scoring', `Fit grade ${grade} threshold`, s0.fitThresholds[grade], s1.fitThresholds[grade]);
  for (const level of [4, 3, 2] as const) scalar(changes, 'scoring', `Engagement level ${level} threshold`, s0.engagementThresholds[level], s1.engagementThresholds[level]);
  if (s0.mqlRule.minFitGrade !== s1.mqlRule.minFitGrade) changes.push({ section: 'scoring', text: `MQL rule: fit ≥ ${s0.mqlRule.minFitGrade} → fit ≥ ${s1.mqlRule.minFitGrade}` });
  if (s0.mqlRule.minEngagement !== s1.mqlRule.minEngagement) changes.push({ section: 'scoring', text: `MQL rule: engagement ≥ ${s0.mqlRule.minEngagement} → engagement ≥ ${s1.mqlRule.minEngagement}` });
  if (s0.mqlRule.fastTrackQualifies !== s1.mqlRule.fastTrackQualifies) changes.push({ section: 'scoring', text: `MQL rule: fast tracks ${s1.mqlRule.fastTrackQualifies ? 'now qualify' : 'no longer qualify'}` });
  scalar(changes, 'scoring', 'Qualification framework', s0.framework.kind, s1.framework.kind);
  scalar(changes, 'scoring', 'Framework questions that must be met', s0.framework.minimumMet, s1.framework.minimumMet);
  list(changes, 'scoring', 'Question', s0.framework.questions, s1.framework.questions, (question) => question.text, []);

  list(changes, 'handoff', 'Handoff', before.handoffs, after.handoffs, (handoff) => `${teamLabels[handoff.from]} → ${teamLabels[handoff.to]}: ${handoff.what}`, [['queue', (handoff) => handoff.queue], ['required fields', (handoff) => handoff.requiredFields]]);
  const commitments0 = new Map(before.commitments.map((commitment) => [commitment.id, commitment]));
  for (const commitment of after.commitments) {
    const old = commitments0.get(commitment.id);
    if (!old) continue;
    const a = commitmentTarget(before, old);
    const b = commitmentTarget(after, commitment);
    if (a === b) continue;
    const sameShape = commitment.kind !== 'mql-volume' && old.unit === commitment.unit && old.window === commitment.window && old.overDays === commitment.overDays;
    changes.push({ section: 'handoff', text: sameShape ? `${commitment.metric}: ${show(old.target)} → ${b}` : `${commitment.metric}: ${a} → ${b}` });
  }
  list(changes, 'handoff', 'Commitment', before.commitments, after.commitments, (commitment) => commitment.metric, [['team', (commitment) => teamLabels[commitment.team]], ['measured by', (commitment) => commitment.measuredBy], ['escalation', (commitment) => commitment.escalation]]);

  list(changes, 'reasons', 'Reason code', before.reasons, after.reasons, (reason) => reason.label || reason.code, [['code', (reason) => reason.code], ['next step', (reason) => reason.action], ['only after the agreed attempts', (reason) => (reason.afterAgreedAttempts ? 'yes' : 'no')]]);
  if (JSON.stringify(before.calendar) !== JSON.stringify(after.calendar)) {
    changes.push({ section: 'handoff', text: `Business hours: ${before.calendar ? describeCalendar(before.calendar) : 'none'} → ${after.calendar ? describeCalendar(after.calendar) : 'none'}` });
  }
  scalar(changes, 'reasons', 'Re-entry after', before.recycling.reentryAfterDays, after.recycling.reentryAfterDays, ' days');
  if (before.recycling.rule !== after.recycling.rule) changes.push({ section: 'reasons', text: 'Recycling rule changed' });
  list(changes, 'cadence', 'KPI', before.kpis, after.kpis, (kpi) => kpi.name, [['definition', (kpi) => kpi.definition], ['owner', (kpi) => teamLabels[kpi.owner]]]);
  list(changes, 'cadence', 'Meeting', before.meetings, after.meetings, (meeting) => meeting.name, [['cadence', (meeting) => meeting.cadence], ['owner', (meeting) => teamLabels[meeting.owner]]]);
  list(changes, 'log', 'Parked topic', before.parkingLot, after.parkingLot, (topic) => topic.topic, [['status', (topic) => topic.status]]);
  list(changes, 'log', 'Decision', before.decisions, after.decisions, (decision) => decision.text.slice(0, 60), []);
  list(changes, 'log', 'Action', before.actions, after.actions, (action) => action.task, [['owner', (action) => action.owner], ['due', (action) => action.due], ['status', (action) => action.status]]);
  const order = new Map(sections.map((section, index) => [section.id, index]));
  return changes.sort((a, b) => order.get(a.section)! - order.get(b.section)!);
}

const positionWords: Record<PositionStatus, string> = {
  pending: 'to say',
  agree: 'agrees',
  disagree: 'disagrees',
  'changed-agree': 'agreed to earlier content',
  'changed-disagree': 'disagreed with earlier content',
};

/**
 * What changed in the items' consensus, item by item: "“First touch after
 * MQL”: Marketing to say → agrees", "“Budget”: proposed → parked", "“Budget”:
 * notes changed". Amendments leave it out (a new version is agreed afresh);
 * undo says it ("Undid: …").
 */
export function diffConsensus(before: Agreement, after: Agreement): Change[] {
  const old = new Map(consensusItems(before).map((item) => [`${item.section}|${item.id}`, item]));
  const changes: Change[] = [];
  for (const item of consensusItems(after)) {
    const previous = old.get(`${item.section}|${item.id}`);
    if (!previous) continue;
    const name = item.label;
    if (previous.state !== item.state && (previous.state === 'parked' || item.state === 'parked')) changes.push({ section: item.section, text: `${name}: ${previous.state} → ${item.state}` });
    for (const team of ['marketing', 'sales'] as const) {
      if (previous.positions[team] !== item.positions[team]) changes.push({ section: item.section, text: `${name}: ${team === 'marketing' ? 'Marketing' : 'Sales'} ${positionWords[previous.positions[team]]} → ${positionWords[item.positions[team]]}` });
    }
    if (previous.consensus.notes !== item.consensus.notes) changes.push({ section: item.section, text: `${name}: notes changed` });
  }
  return changes;
}
