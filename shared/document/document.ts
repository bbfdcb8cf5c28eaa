import { describeCalendar } from '../engines/calendar/business-time';
import { computeFunnel, funnelInputsOf, funnelLevelLabels } from '../model/funnel';
import type { Agreement, Consensus } from '../model/agreement';
import { criterionAttributeLabel } from '../model/attribute-labels';
import type { Branding } from '../model/branding';
import { contentHash } from '../model/canonical';
import { agreedOnText, consensusHistory } from '../model/consensus-history';
import { commitmentTarget } from '../model/item-substance';
import { consensusItems, sections } from '../model/sections';
import { teamLabels } from '../model/teams';
import { formatDateTime, formatDay } from '../text/datetime';
import type { Block, DocumentSection, SignatureEntry } from './document-parts';
import { executiveSummary, gradeGrid } from './executive-summary';

/**
 * One document model built from an agreement version. The in-app preview,
 * the PDF and the Markdown export all render this, so they never disagree.
 */

// The parts a document is made of live in document-parts.ts (so executive-summary.ts, which
// builds some of them, and this module, which assembles them, do not import each other).
export type { Block, DocumentSection, SignatureEntry } from './document-parts';
// A commitment's target as written lives with what items say (shared/model/item-substance.ts); re-exported for the document's readers.
export { commitmentTarget };

/**
 * What a document is: an agreement in one of its three states (a draft, a
 * version being signed, a signed version), or a report (the SLA review, the
 * session summary): a record of facts that is never signed and never a draft.
 */
export type DocumentKind = DocumentContext['status'] | 'report';

/**
 * Whether every page of the document says it is not signed (the highlighted
 * status on the cover and in the running header): a draft or a version still
 * being signed does; a signed version and a report never do. Every kind is
 * decided here, so a new kind cannot silently print without its banner.
 */
export function showsUnsignedBanner(kind: DocumentKind): boolean {
  switch (kind) {
    case 'draft':
    case 'signing':
      return true;
    case 'signed':
    case 'report':
      return false;
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown document kind: ${String(unknown)}`);
    }
  }
}

/** One line of a workshop's version history. */
export interface HistoryEntry {
  version: number;
  status: string;
  signedBy: string;
  lockedAt: string;
  contentHash: string;
}

/** What the document needs besides the agreement. */
export interface DocumentContext {
  versionNumber: number;
  status: 'draft' | 'signing' | 'signed';
  signatures: SignatureEntry[];
  history: HistoryEntry[];
  generatedAt: string;
  /** The consultant's name, logo and accent colour (app settings), on the cover and in the running header. */
  consultant?: Branding;
  /** A summary of calibration results, when there is one (issue 5 fills it). */
  calibration?: { rows: [string, string][] };
  /**
   * The signed versions before this one (for a draft, every signed version),
   * so the audit page can say which items are "agreed on version n content".
   * Main checks each against the hash the history records (signed-claim.ts).
   */
  earlier?: { number: number; agreement: Agreement }[];
}

/** The whole document. */
export interface AgreementDocument {
  title: string;
  client: string;
  facilitator: string;
  date: string;
  validUntil: string;
  nextReview: string;
  versionLabel: string;
  /** An agreement's state, or a report; decides the unsigned banner (showsUnsignedBanner). */
  kind: DocumentKind;
  /** "Draft, not signed" on every page of a draft. */
  statusLine: string;
  contentHash: string;
  generatedAt: string;
  /**
   * The workshop's time zone (the agreement's calendar): every moment the renderers print (generated, signed,
   * locked) is written in it with shared/text/datetime; the machine's own zone when the agreement has no calendar.
   */
  timeZone?: string;
  consultant?: DocumentContext['consultant'];
  sections: DocumentSection[];
  signatures: SignatureEntry[];
  history: HistoryEntry[];
  /**
   * Where each item's agreement comes from, for an amendment (absent or empty
   * without earlier signed versions): [what, which items], e.g. ["Agreed on
   * version 1 content (unchanged since): 61", "The revenue plan, …"].
   */
  consensusAudit?: [string, string][];
  /** A report (the SLA review) shows these facts on its cover instead of the agreement's, and has no signature page. */
  report?: {
    coverFacts: [string, string][];
    attachmentName: string;
    /** "one-page": a masthead instead of the cover page and a one-line audit note (the session summary). */
    layout?: 'one-page';
    /** A line under the title (client, workshop, date). */
    subtitle?: string;
    /** What the PDF's keywords call it; "SLA review" when absent. */
    keyword?: string;
  };
}

const stateLabels: Record<Consensus['state'], string> = { proposed: 'Proposed', agreed: 'Agreed', disputed: 'Disputed', parked: 'Parked' };
const roleLabels: Record<string, string> = { 'decision-maker': 'Decision maker', influencer: 'Influencer', champion: 'Champion', user: 'User', blocker: 'Blocker' };
const dash = (text: string | null | undefined) => (text && text.trim() !== '' ? text.trim() : '—');
const num = (value: number | null, suffix = '') => (value === null ? '—' : `${value.toLocaleString('en-US')}${suffix}`);
const whole = (value: number) => Math.ceil(value - 1e-9).toLocaleString('en-US');

/** A "YYYY-MM-DD" day as people read it ("23 Nov 2026"), "—" when missing; other text as typed. */
export function dayText(date: string | null | undefined): string {
  const text = dash(date);
  return text === '—' ? text : formatDay(text);
}

/** A logged time ("When" of a decision): a full ISO moment in the workshop's time zone; what was typed otherwise. */
function whenText(text: string, timeZone: string | undefined): string {
  const trimmed = dash(text);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed) ? formatDateTime(trimmed, timeZone) : trimmed;
}

/** The date `months` after an ISO date ("—" when either is missing): when an agreement stops being valid. */
export function addMonths(date: string, months: number | null): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || months === null) return '—';
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function matchText(criterion: Agreement['icp'][number]): string {
  const { match } = criterion;
  if (match.kind === 'in') return `is one of: ${match.values.join(', ') || '—'}`;
  if (match.kind === 'range') return match.min !== null && match.max !== null ? `from ${num(match.min)} to ${num(match.max)}` : match.min !== null ? `at least ${num(match.min)}` : `at most ${num(match.max)}`;
  if (match.kind === 'boolean') return match.value ? 'yes' : 'no';
  return `contains “${match.text}”`;
}

const effectLabels = { 'must-have': 'Must-have', points: 'Points', disqualifier: 'Disqualifier' } as const;
const actionLabels = { recycle: 'Recycle to nurture', disqualify: 'Disqualify', 'return-to-marketing': 'Return to marketing' } as const;


/** Builds the document of an agreement version. */
export function buildAgreementDocument(agreement: Agreement, context: DocumentContext): AgreementDocument {
  const { workshop } = agreement;
  const funnel = computeFunnel(funnelInputsOf(agreement));
  // Each item's state is derived from the positions that count for its content now, never read as stored.
  const items = new Map(consensusItems(agreement).map((item) => [item.consensus, item]));
  const state = (consensus: Consensus) => stateLabels[items.get(consensus)?.state ?? consensus.state];
  const plan = agreement.revenuePlan;
  const statusLine = context.status === 'signed' ? `Signed version ${context.versionNumber}` : context.status === 'signing' ? `Version ${context.versionNumber}, signing in progress, not yet signed` : 'Draft, not signed';
  const part = (id: string) => sections.find((section) => section.id === id)!;
  const heading = (id: string) => `${part(id).number}. ${part(id).title}`;
  const docSections: DocumentSection[] = [];

  docSections.push({
    id: 'workshop',
    title: heading('workshop'),
    blocks: [
      { kind: 'facts', rows: [['Client', dash(workshop.client)], ['Facilitator', dash(workshop.facilitator)], ['Workshop date', dayText(workshop.date)], ['Valid for', workshop.validityMonths === null ? '—' : `${workshop.validityMonths} months, until ${dayText(addMonths(workshop.date, workshop.validityMonths))}`], ['Next review', dayText(workshop.nextReviewDate)]] },
      { kind: 'table', columns: ['Name', 'Title', 'Team', 'Sponsor', 'Signs'], rows: agreement.participants.map((person) => [dash(person.name), dash(person.title), teamLabels[person.team], person.sponsor === 'cmo' ? 'Marketing sponsor' : person.sponsor === 'head-of-sales' ? 'Sales sponsor' : '—', person.signs ? 'Yes' : 'No']) },
    ],
  });

  const revenue: Block[] = [
    {
      kind: 'facts',
      rows: [
        ['Period', `${dash(plan.periodLabel)} (${num(plan.periodWeeks)} weeks)`],
        ['Revenue target', `${plan.currency} ${num(plan.revenueTarget)}`],
        ['Average deal size', `${plan.currency} ${num(plan.averageDealSize)}`],
        ['Win rate', num(plan.winRate, ' %')],
        ['Lead → MQL → SAL → SQL → opportunity', `${num(plan.leadToMql, ' %')} → ${num(plan.mqlToSal, ' %')} → ${num(plan.salToSql, ' %')} → ${num(plan.sqlToOpportunity, ' %')}`],
        ['Sales cycle', num(plan.salesCycleDays, ' days')],
        ['SDR team', `${num(plan.sdrHeadcount)} SDRs × ${num(plan.leadsPerSdrPerWeek)} leads a week`],
        ['Marketing’s headline KPI', plan.headlineKpi === 'mqls' ? 'MQLs' : 'Sales-accepted opportunities'],
        ['Consensus', state(plan.consensus)],
      ],
    },
  ];
  if (funnel.ok) {
    revenue.push(
      { kind: 'funnel', levels: [...funnel.levels].reverse().map((level) => ({ label: funnelLevelLabels[level.level], value: level.perPeriod })), caption: `What the plan needs per ${plan.periodLabel.toLowerCase() || 'period'}` },
      { kind: 'table', columns: ['Level', 'Per period', 'Per month', 'Per week', 'Starts'], numeric: [1, 2, 3], rows: funnel.levels.map((level) => [funnelLevelLabels[level.level], whole(level.perPeriod), whole(level.perMonth), whole(level.perWeek), level.leadTimeDays === 0 ? 'in period' : `${Math.ceil(level.leadTimeDays / 7)} weeks before`]) },
      { kind: 'note', text: `Capacity: ${funnel.capacity.message}` },
    );
  } else {
    revenue.push({ kind: 'note', text: `The funnel cannot be computed: ${Object.values(funnel.errors).join(' ')}` });
  }
  docSections.push({ id: 'revenue', title: heading('revenue'), blocks: revenue });

  docSections.push({
    id: 'vocabulary',
    title: heading('vocabulary'),
    blocks: [
      { kind: 'table', columns: ['Stage', 'Definition', 'Entry', 'Exit', 'Owner', 'Max days', 'Consensus'], rows: agreement.stages.map((stage) => [stage.name, dash(stage.definition), dash(stage.entryCriteria), dash(stage.exitCriteria), teamLabels[stage.owner], num(stage.maxDays), state(stage.consensus)]) },
      { kind: 'subheading', text: 'Glossary' },
      { kind: 'table', columns: ['Term', 'Definition', 'Consensus'], rows: agreement.glossary.map((term) => [term.term, dash(term.definition), state(term.consensus)]) },
    ],
  });

  docSections.push({
    id: 'icp',
    title: heading('icp'),
    blocks: [{ kind: 'table', columns: ['Criterion', 'Attribute', 'Match', 'Effect', 'Points', 'Rationale', 'Consensus'], numeric: [4], rows: agreement.icp.map((criterion) => [dash(criterion.label), criterionAttributeLabel(agreement, criterion), matchText(criterion), effectLabels[criterion.effect], num(criterion.points), dash(criterion.rationale), state(criterion.consensus)]) }],
  });

  const committee = agreement.buyingCommittee;
  docSections.push({
    id: 'committee',
    title: heading('committee'),
    blocks: [
      {
        kind: 'table',
        columns: ['Function', ...committee.seniorities],
        rows: committee.functions.map((fn) => [
          fn,
          ...committee.seniorities.map((seniority) => {
            const cell = committee.cells.find((entry) => entry.function === fn && entry.seniority === seniority);
            return cell ? `${num(cell.points)} pts${cell.role ? ` · ${roleLabels[cell.role]}` : ''}` : '—';
          }),
        ]),
      },
      { kind: 'facts', rows: [['Roles required for SQL', committee.requiredRoles.map((role) => roleLabels[role]).join(', ') || '—'], ['Consensus', state(committee.consensus)]] },
    ],
  });

  const decay = agreement.engagement.decay;
  docSections.push({
    id: 'engagement',
    title: heading('engagement'),
    blocks: [
      { kind: 'table', columns: ['Behaviour', 'CRM field', 'Points', 'Cap', 'Consensus'], numeric: [2, 3], rows: agreement.engagement.signals.map((signal) => [signal.name, dash(signal.key), num(signal.points), num(signal.cap), state(signal.consensus)]) },
      { kind: 'facts', rows: [['Decay', decay.mode === 'none' ? 'None' : decay.mode === 'half-life' ? `Points halve every ${num(decay.days)} days` : `Points reset after ${num(decay.days)} days without activity`], ['Consensus', state(decay.consensus)]] },
      { kind: 'subheading', text: 'Fast-track triggers' },
      { kind: 'table', columns: ['Trigger', 'Signal', 'What happens', 'Consensus'], rows: agreement.engagement.fastTracks.map((trigger) => [trigger.name, dash(trigger.signalKey), dash(trigger.description), state(trigger.consensus)]) },
    ],
  });

  const scoring = agreement.scoring;
  const rule = scoring.mqlRule;
  docSections.push({
    id: 'scoring',
    title: heading('scoring'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          ['Fit grades (0–100)', `A ≥ ${num(scoring.fitThresholds.A)}, B ≥ ${num(scoring.fitThresholds.B)}, C ≥ ${num(scoring.fitThresholds.C)}, D below`],
          ['Engagement levels (0–100)', `4 ≥ ${num(scoring.engagementThresholds[4])}, 3 ≥ ${num(scoring.engagementThresholds[3])}, 2 ≥ ${num(scoring.engagementThresholds[2])}, 1 below`],
          ['MQL rule', `fit ≥ ${rule.minFitGrade} and engagement ≥ ${rule.minEngagement}${rule.fastTrackQualifies ? ', or a fast-track trigger' : ''}`],
          ['Consensus', state(scoring.consensus)],
        ],
      },
      gradeGrid(rule),
      { kind: 'subheading', text: `Qualification framework: ${scoring.framework.kind}` },
      { kind: 'table', columns: ['#', 'Question'], rows: scoring.framework.questions.map((question, index) => [String(index + 1), question.text]) },
      { kind: 'facts', rows: [['Must be met', `${num(scoring.framework.minimumMet)} of ${scoring.framework.questions.length}`], ['Consensus', state(scoring.framework.consensus)]] },
    ],
  });

  docSections.push({
    id: 'handoff',
    title: heading('handoff'),
    blocks: [
      { kind: 'table', columns: ['From', 'To', 'What', 'Through', 'Required fields', 'Consensus'], rows: agreement.handoffs.map((handoff) => [teamLabels[handoff.from], teamLabels[handoff.to], handoff.what, dash(handoff.queue), handoff.requiredFields.join(', ') || '—', state(handoff.consensus)]) },
      { kind: 'subheading', text: 'Commitments (SLA)' },
      { kind: 'table', columns: ['Team', 'Commitment', 'Target', 'Measured by', 'Escalation', 'Consensus'], rows: agreement.commitments.map((commitment) => [teamLabels[commitment.team], commitment.metric, commitmentTarget(agreement, commitment), dash(commitment.measuredBy), dash(commitment.escalation), state(commitment.consensus)]) },
      ...(agreement.calendar ? [{ kind: 'facts' as const, rows: [['Business hours and days', describeCalendar(agreement.calendar)] as [string, string], ...(agreement.calendar.holidays.some(Boolean) ? [['Public holidays', agreement.calendar.holidays.filter(Boolean).map(dayText).join(', ')] as [string, string]] : [])] }] : []),
    ],
  });

  docSections.push({
    id: 'reasons',
    title: heading('reasons'),
    blocks: [
      { kind: 'table', columns: ['Code', 'Reason', 'What happens next', 'Only after agreed attempts', 'Consensus'], rows: agreement.reasons.map((reason) => [reason.code, reason.label, actionLabels[reason.action], reason.afterAgreedAttempts ? 'Yes' : 'No', state(reason.consensus)]) },
      { kind: 'facts', rows: [['Re-entry after', num(agreement.recycling.reentryAfterDays, ' days')], ['Rule', dash(agreement.recycling.rule)], ['Consensus', state(agreement.recycling.consensus)]] },
    ],
  });

  docSections.push({
    id: 'cadence',
    title: heading('cadence'),
    blocks: [
      { kind: 'table', columns: ['KPI', 'Definition', 'Owner', 'Consensus'], rows: agreement.kpis.map((kpi) => [kpi.name, dash(kpi.definition), teamLabels[kpi.owner], state(kpi.consensus)]) },
      { kind: 'table', columns: ['Meeting', 'Cadence', 'Owner', 'Purpose', 'Consensus'], rows: agreement.meetings.map((meeting) => [meeting.name, meeting.cadence[0]!.toUpperCase() + meeting.cadence.slice(1), teamLabels[meeting.owner], dash(meeting.purpose), state(meeting.consensus)]) },
    ],
  });

  const log: Block[] = [
    { kind: 'subheading', text: 'Parking lot' },
    agreement.parkingLot.length > 0 ? { kind: 'table', columns: ['Topic', 'Raised by', 'Status', 'Notes'], rows: agreement.parkingLot.map((topic) => [topic.topic, dash(topic.raisedBy), topic.status === 'open' ? 'Open' : 'Resolved', dash(topic.notes)]) } : { kind: 'paragraph', text: 'Nothing parked.' },
    { kind: 'subheading', text: 'Decisions' },
    agreement.decisions.length > 0 ? { kind: 'table', columns: ['When', 'Decision', 'By'], rows: agreement.decisions.map((decision) => [whenText(decision.decidedAt, agreement.calendar?.timeZone), decision.text, dash(decision.by)]) } : { kind: 'paragraph', text: 'No decisions logged.' },
    { kind: 'subheading', text: 'Action items' },
    agreement.actions.length > 0 ? { kind: 'table', columns: ['Task', 'Owner', 'Due', 'Status'], rows: agreement.actions.map((action) => [action.task, dash(action.owner), dayText(action.due), action.status === 'open' ? 'Open' : 'Done']) } : { kind: 'paragraph', text: 'No action items.' },
  ];
  docSections.push({ id: 'log', title: heading('log'), blocks: log });

  // The one-page summary comes first, right after the cover.
  docSections.unshift(executiveSummary({ agreement, funnel, signatures: context.signatures, status: context.status, state, target: (commitment) => commitmentTarget(agreement, commitment) }));

  if (context.calibration) docSections.push({ id: 'calibration', title: 'Calibration on the company’s own data', blocks: [{ kind: 'facts', rows: context.calibration.rows }] });

  return {
    title: dash(workshop.title),
    client: dash(workshop.client),
    facilitator: dash(workshop.facilitator),
    date: dayText(workshop.date),
    validUntil: dayText(addMonths(workshop.date, workshop.validityMonths)),
    nextReview: dayText(workshop.nextReviewDate),
    versionLabel: `Version ${context.versionNumber}`,
    kind: context.status,
    statusLine,
    contentHash: contentHash(agreement),
    generatedAt: context.generatedAt,
    ...(agreement.calendar?.timeZone ? { timeZone: agreement.calendar.timeZone } : {}),
    consultant: context.consultant,
    sections: docSections,
    signatures: context.signatures,
    history: context.history,
    consensusAudit: consensusAuditOf(agreement, context),
  };
}

/** The audit page's consensus lines: which items were agreed on which signed version's content, and which on this one's. */
function consensusAuditOf(agreement: Agreement, context: DocumentContext): [string, string][] {
  const earlier = (context.earlier ?? []).filter((version) => version.number < context.versionNumber);
  if (earlier.length === 0) return [];
  const here = context.status === 'draft' ? 'this draft’s content' : `this version’s content (version ${context.versionNumber})`;
  const groups = new Map<string, string[]>();
  const put = (what: string, label: string) => groups.set(what, [...(groups.get(what) ?? []), label]);
  for (const entry of consensusHistory(agreement, earlier)) {
    if (entry.agreedOnVersion !== null) put(`${agreedOnText(entry.agreedOnVersion).replace(/^a/, 'A')} (unchanged since)`, entry.item.label);
    else if (entry.item.state === 'agreed') put(`Agreed on ${here}`, entry.item.label);
    else if (entry.item.state === 'parked') put('Parked', entry.item.label);
    else put('Not agreed for its content', entry.item.label);
  }
  const order = (what: string) => (what.startsWith('Agreed on version') ? 0 : what.startsWith('Agreed on') ? 1 : what === 'Parked' ? 2 : 3);
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'en', { numeric: true })).map(([what, labels]) => [`${what}: ${labels.length}`, labels.join(', ')]);
}
