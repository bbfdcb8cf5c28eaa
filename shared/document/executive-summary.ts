import type { FunnelResult } from '../model/funnel';
import type { Agreement, CommitmentKind, Consensus } from '../model/agreement';
import { teamLabels } from '../model/teams';
import { formatDateTime } from '../text/datetime';
import type { Block, DocumentSection, SignatureEntry } from './document-parts';

/** How many commitments the executive summary lists. */
export const SUMMARY_COMMITMENTS = 5;

/**
 * Which commitments the one-page summary names first: the promises each side makes across the handoff, in the
 * order a lead meets them (marketing's volume, sales' speed to the lead, the accept/reject decision, field sales'
 * acceptance of SQLs, the data that travels with a lead), then the working promises. Every kind has its rank,
 * so a new kind cannot drop out of the summary without a decision.
 */
export const commitmentImportance: Record<CommitmentKind, number> = {
  'mql-volume': 0,
  'first-touch': 1,
  'accept-reject': 2,
  'sql-accept': 3,
  'data-completeness': 4,
  attempts: 5,
  'opportunity-update': 6,
  custom: 7,
};

const grades = ['A', 'B', 'C', 'D'] as const;
const levels = [4, 3, 2, 1] as const;

/** Whether a grade cell ("B3") is an MQL by the agreed rule (fit at least the minimum grade, engagement at least the minimum level). */
export function isMqlCell(rule: Agreement['scoring']['mqlRule'], grade: (typeof grades)[number], level: (typeof levels)[number]): boolean {
  return grades.indexOf(grade) <= grades.indexOf(rule.minFitGrade) && level >= rule.minEngagement;
}

/** The grade grid as a table: fit grade by engagement level, the MQL cells marked (the scoring part and the summary print the same grid). */
export function gradeGrid(rule: Agreement['scoring']['mqlRule']): Extract<Block, { kind: 'table' }> {
  return { kind: 'table', variant: 'grade-grid', columns: ['Fit \\ engagement', '4', '3', '2', '1'], rows: grades.map((grade) => [grade, ...levels.map((level) => (isMqlCell(rule, grade, level) ? `${grade}${level} MQL` : `${grade}${level}`))]) };
}

/** "An MQL is a lead with fit grade B or better (score ≥ 50 of 100) and engagement level 2 or higher (≥ 25 of 100), or a lead that hits a fast-track trigger." */
export function mqlSentence(scoring: Agreement['scoring']): string {
  const rule = scoring.mqlRule;
  const fit = rule.minFitGrade === 'D' ? null : scoring.fitThresholds[rule.minFitGrade];
  const engagement = rule.minEngagement === 1 ? null : scoring.engagementThresholds[rule.minEngagement];
  const fitText = rule.minFitGrade === 'A' ? 'fit grade A' : rule.minFitGrade === 'D' ? 'any fit grade' : `fit grade ${rule.minFitGrade} or better`;
  const fitScore = typeof fit === 'number' ? ` (fit score ≥ ${fit} of 100)` : '';
  const engagementText = rule.minEngagement === 4 ? 'engagement level 4' : rule.minEngagement === 1 ? 'any engagement level' : `engagement level ${rule.minEngagement} or higher`;
  const engagementScore = typeof engagement === 'number' ? ` (engagement score ≥ ${engagement} of 100)` : '';
  return `An MQL is a lead with ${fitText}${fitScore} and ${engagementText}${engagementScore}${rule.fastTrackQualifies ? ', or a lead that hits a fast-track trigger' : ''}.`;
}

/** What the summary needs from the document builder (so both print one wording of a state and a target). */
export interface SummaryInputs {
  agreement: Agreement;
  funnel: FunnelResult;
  signatures: SignatureEntry[];
  status: 'draft' | 'signing' | 'signed';
  /** The item's consensus state as the document prints it ("Agreed", "Parked"…). */
  state: (consensus: Consensus) => string;
  /** A commitment's target as the document prints it. */
  target: (commitment: Agreement['commitments'][number]) => string;
}

/** The commitments the summary lists: agreed ones before the rest, then by importance, then in the agreement's order. */
export function summaryCommitments(agreement: Agreement, state: SummaryInputs['state']): Agreement['commitments'] {
  return agreement.commitments
    .map((commitment, index) => ({ commitment, index }))
    .sort((a, b) => Number(state(a.commitment.consensus) !== 'Agreed') - Number(state(b.commitment.consensus) !== 'Agreed') || commitmentImportance[a.commitment.kind] - commitmentImportance[b.commitment.kind] || a.index - b.index)
    .slice(0, SUMMARY_COMMITMENTS)
    .map(({ commitment }) => commitment);
}

const whole = (value: number) => Math.ceil(value - 1e-9).toLocaleString('en-US');

/**
 * The one-page executive summary printed right after the cover: what an MQL is (a sentence and the grade grid),
 * the handoff, the most important commitments with their targets, the plan's weekly need and who signed.
 * Everything is read from the agreement, in the same words as the parts that follow.
 */
export function executiveSummary(inputs: SummaryInputs): DocumentSection {
  const { agreement, funnel, state } = inputs;
  const plan = agreement.revenuePlan;
  const timeZone = agreement.calendar?.timeZone;
  const notAgreed = (consensus: Consensus) => (state(consensus) === 'Agreed' ? '' : ` (${state(consensus).toLowerCase()})`);
  const blocks: Block[] = [
    { kind: 'paragraph', text: mqlSentence(agreement.scoring) + notAgreed(agreement.scoring.consensus) },
    gradeGrid(agreement.scoring.mqlRule),
    { kind: 'subheading', text: 'The handoff' },
    { kind: 'table', columns: ['From', 'To', 'What', 'Through'], rows: agreement.handoffs.map((handoff) => [teamLabels[handoff.from], teamLabels[handoff.to], handoff.what + notAgreed(handoff.consensus), handoff.queue.trim() || '—']) },
    { kind: 'subheading', text: `The ${Math.min(SUMMARY_COMMITMENTS, agreement.commitments.length)} key commitments` },
    { kind: 'table', columns: ['Team', 'Commitment', 'Target'], rows: summaryCommitments(agreement, state).map((commitment) => [teamLabels[commitment.team], commitment.metric + notAgreed(commitment.consensus), inputs.target(commitment)]) },
    { kind: 'subheading', text: 'What the plan needs each week' },
  ];
  if (funnel.ok) {
    const level = (name: string) => funnel.levels.find((entry) => entry.level === name);
    const mqls = level('mqls');
    const leads = level('leads');
    blocks.push({
      kind: 'facts',
      rows: [
        ['MQLs a week', mqls ? whole(mqls.perWeek) : '—'],
        ['Leads a week', leads ? whole(leads.perWeek) : '—'],
        ['For', `${plan.currency} ${plan.revenueTarget === null ? '—' : plan.revenueTarget.toLocaleString('en-US')} revenue in the ${plan.periodLabel.trim().toLowerCase() || 'period'}${plan.periodWeeks === null ? '' : ` (${plan.periodWeeks} weeks)`}${notAgreed(plan.consensus)}`],
        ['Capacity', funnel.capacity.message],
      ],
    });
  } else {
    blocks.push({ kind: 'note', text: `No weekly need: the revenue plan is incomplete (${Object.values(funnel.errors).join(' ')})` });
  }
  blocks.push({ kind: 'subheading', text: 'Signed by' });
  blocks.push(
    inputs.signatures.length > 0
      ? { kind: 'table', columns: ['Name', 'Title', 'Team', 'Signed'], rows: inputs.signatures.map((signature) => [signature.name, signature.title || '—', signature.team, formatDateTime(signature.signedAt, timeZone)]) }
      : { kind: 'paragraph', text: inputs.status === 'draft' ? 'Not signed: this is a draft.' : 'Not signed yet: signing is in progress.' },
  );
  return { id: 'executive-summary', title: 'Executive summary', blocks };
}
