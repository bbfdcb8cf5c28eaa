import { countStates, SHARE_AT_RISK, SHARE_MET, stateLabels, VOLUME_AT_RISK, type CommitmentState, type ReviewResult } from '../engines/review/review';
import type { Agreement } from '../model/agreement';
import { contentHash } from '../model/canonical';
import { teamLabels } from '../model/teams';
import { formatDateTime, formatDay, formatDayRange } from '../text/datetime';
import { formatPercent } from '../text/percent';
import type { Block, AgreementDocument, DocumentSection } from './document';

const stateText = stateLabels;
const n = (value: number) => Math.round(value).toLocaleString('en-US');
/** A threshold share as the note writes it (the engine's constants, never restated): "90 %", "87.5 %". */
const share = (value: number) => formatPercent(value, { trim: true });

/** The machine-readable review attached to its PDF: the results, without lead ids or example rows. */
export function reviewAttachment(review: ReviewResult): Omit<ReviewResult, 'commitments' | 'problems'> & { commitments: Omit<ReviewResult['commitments'][number], 'missedLeads'>[]; problems: { problem: string; count: number }[] } {
  return {
    ...review,
    commitments: review.commitments.map(({ missedLeads: _ids, ...commitment }) => commitment),
    problems: review.problems.map(({ problem, count }) => ({ problem, count })),
  };
}

/** A review kept for the trend (its results only: no rows, no lead ids), as the review screen's trend table reads it. */
export interface TrendReview {
  id: string;
  from: string;
  to: string;
  commitments: { id: string; metric: string; state: string; share: number | null }[];
  conversion: { step: string; actual: number | null; state: string }[];
}

/** How many reviews the trend shows (the most recent). */
export const TREND_REVIEWS = 6;

/** One cell of the trend: the figure, or the state's label when there is no figure; null when the review did not have it. */
export interface TrendCell {
  text: string;
  state: CommitmentState;
}

/** The trend table: one column per review (oldest first), one row per conversion step and per commitment. */
export interface ReviewTrend {
  periods: { id: string; from: string; to: string; label: string }[];
  rows: { label: string; cells: (TrendCell | null)[] }[];
}

const knownState = (state: string): CommitmentState => (state in stateLabels ? (state as CommitmentState) : 'no-data');

/**
 * Each commitment and conversion step across the last reviews kept for a workshop (oldest first): the screen's
 * trend table and the report's print this, so both show the same figures. A share is a whole percent; a step's
 * actual rate likewise; without a figure (no data) the state is said.
 */
export function reviewTrend(history: readonly TrendReview[], shown = TREND_REVIEWS): ReviewTrend {
  const reviews = history.slice(-shown);
  const last = reviews[reviews.length - 1];
  const conversionRows = reviews.some((review) => review.conversion.length > 0) && last
    ? last.conversion.map((step) => ({
        label: `Conversion ${step.step}`,
        cells: reviews.map((review) => {
          const entry = review.conversion.find((candidate) => candidate.step === step.step);
          if (!entry) return null;
          const state = knownState(entry.state);
          return { state, text: state === 'no-data' ? stateLabels[state] : formatPercent(entry.actual, { scale: 'percent', digits: 0, noData: stateLabels[state] }) };
        }),
      }))
    : [];
  const metrics = [...new Map(reviews.flatMap((review) => review.commitments.map((commitment) => [commitment.id, commitment.metric] as const))).entries()];
  const commitmentRows = metrics.map(([id, metric]) => ({
    label: metric,
    cells: reviews.map((review) => {
      const entry = review.commitments.find((commitment) => commitment.id === id);
      if (!entry) return null;
      const state = knownState(entry.state);
      return { state, text: state === 'no-data' ? stateLabels[state] : formatPercent(entry.share, { digits: 0, noData: stateLabels[state] }) };
    }),
  }));
  return { periods: reviews.map((review) => ({ id: review.id, from: review.from, to: review.to, label: formatDayRange(review.from, review.to) })), rows: [...conversionRows, ...commitmentRows] };
}

/** The charts the review screen shows (ReviewCharts), from the same figures: speed to first touch, MQLs per week against the need, rejection reasons. */
function reviewCharts(review: ReviewResult): { speed: Block; weekly: Block; reasons: Block } {
  const target = review.commitments.find((entry) => entry.kind === 'first-touch');
  const partWeeks = review.weekly.filter((week) => week.days !== undefined && week.days < 7).length;
  const need = review.need.mqlsPerWeek;
  return {
    speed: { kind: 'chart', caption: `MQLs by business hours to the first touch; target: ${target?.target ?? '—'}.`, chart: { title: 'Speed to first touch, business hours', unit: 'MQLs', bars: review.speedHistogram.map((bucket) => ({ label: bucket.label, value: bucket.count })) } },
    weekly: {
      kind: 'chart',
      figuresInTable: true,
      caption: `MQLs per week${need !== null ? `; the plan needs ${n(Math.ceil(need))} a week (dashed line)` : '; the plan is incomplete, so there is no need to draw'}.${partWeeks > 0 ? ' Light bars: weeks only partly in the period or the export (fewer days).' : ''}`,
      chart: { title: 'MQLs per week against the plan', unit: 'MQLs', bars: review.weekly.map((week) => ({ label: formatDay(week.week).replace(/\s\d{4}$/, ''), value: week.mqls, ...(week.days !== undefined && week.days < 7 ? { light: true } : {}) })), ...(need !== null ? { line: { value: need, label: `Need ${n(Math.ceil(need))}` } } : {}) },
    },
    reasons: { kind: 'chart', figuresInTable: true, caption: 'Reasons given; unknown codes are listed as data problems.', chart: { title: 'Rejection reasons', unit: 'rejections', horizontal: true, bars: review.reasons.map((reason) => ({ label: reason.reason, value: reason.count })) } },
  };
}

/**
 * The SLA review report as a document (the same renderers as the agreement:
 * print HTML for the sealed PDF, and Markdown): headline, one line per
 * commitment, conversion, weekly volume, reasons, data problems.
 */
export function buildReviewDocument(agreement: Agreement, review: ReviewResult, generatedAt: string, consultant?: AgreementDocument['consultant'], history: readonly TrendReview[] = []): AgreementDocument {
  const timeZone = agreement.calendar?.timeZone;
  const period = formatDayRange(review.from, review.to);
  const charts = reviewCharts(review);
  const trend = reviewTrend(history);
  // Old stored reviews carry only the four older states; a measured figure without a target is never counted as no data.
  const counts = countStates(review.commitments);
  const notJudged = counts['no-target'] ? `; ${counts['no-target']} ${stateLabels['no-target'].toLowerCase()}` : '';
  const sections: DocumentSection[] = [
    {
      id: 'summary',
      title: 'Summary',
      blocks: [
        {
          kind: 'facts',
          rows: [
            ['Period', period],
            ...(review.agreementVersion ? [['Agreement reviewed', review.agreementVersion] as [string, string]] : []),
            ...(review.coverage && review.coverage.coveredDays < review.coverage.periodDays ? [['Export covers', `${review.coverage.coveredDays} of ${review.coverage.periodDays} days (recorded dates ${review.coverage.exportFirstDate ? formatDay(review.coverage.exportFirstDate) : '—'} – ${review.coverage.exportLastDate ? formatDay(review.coverage.exportLastDate) : '—'}); rates use the covered days`] as [string, string]] : []),
            ['Leads in the export', n(review.leads)],
            ['MQLs in the period', n(review.mqls)],
            ['Commitments', `${counts.met} met, ${counts['at-risk']} at risk, ${counts.missed} missed, ${counts['no-data']} no data${notJudged}`],
          ],
        },
        { kind: 'note', text: `Measured from the CRM’s own records. A share of at least ${share(SHARE_MET)} within target is met, at least ${share(SHARE_AT_RISK)} at risk, below that missed; volumes are met at target and at risk from ${share(VOLUME_AT_RISK)}. “No data” means the export cannot measure it (the reason is given): never counted as met or missed. “${stateLabels['no-target']}” means measured, but the agreement or plan sets no target for it.` },
      ],
    },
    {
      id: 'commitments',
      title: 'Commitments: actual against target',
      blocks: [charts.speed, { kind: 'table', columns: ['Team', 'Commitment', 'Actual', 'Target', 'State', 'Leads behind a miss'], rows: review.commitments.map((commitment) => [teamLabels[commitment.team as keyof typeof teamLabels] ?? commitment.team, commitment.metric, commitment.actual, commitment.target, stateText[commitment.state], commitment.missedCount ? n(commitment.missedCount) : '—']) }],
    },
    ...(trend.periods.length > 0
      ? [
          {
            id: 'trend',
            title: 'Trend across reviews',
            blocks: [
              { kind: 'paragraph', text: trend.periods.length === 1 ? 'The first review of this workshop: the next one will show the trend.' : `The last ${trend.periods.length} reviews of this workshop, oldest first.` },
              { kind: 'table', columns: ['Commitment', ...trend.periods.map((entry) => entry.label)], rows: trend.rows.map((row) => [row.label, ...row.cells.map((cell) => cell?.text ?? '—')]) },
            ],
          } satisfies DocumentSection,
        ]
      : []),
    {
      id: 'conversion',
      title: 'Stage conversion against the plan',
      blocks: [{ kind: 'table', columns: ['Step', 'Actual', 'Plan', 'State'], numeric: [1, 2], rows: review.conversion.map((step) => [step.step, step.state === 'no-data' ? 'no data' : formatPercent(step.actual, { scale: 'percent', noData: 'no data' }), formatPercent(step.planned, { scale: 'percent', trim: true, digits: 2, noData: '—' }), step.noData ? `${stateText[step.state]}: ${step.noData}` : stateText[step.state]]) }],
    },
    {
      id: 'volume',
      title: 'MQLs per week',
      blocks: [
        { kind: 'paragraph', text: `${review.need.mqlsPerWeek === null ? 'The revenue plan is incomplete, so there is no weekly need to compare with.' : `The revenue plan needs ${n(Math.ceil(review.need.mqlsPerWeek))} MQLs a week.`} A week cut by the period or the export has fewer days: compare it with the need pro rata.` },
        charts.weekly,
        { kind: 'table', columns: ['Week (Monday)', 'MQLs', 'Days counted'], numeric: [1, 2], rows: review.weekly.map((week) => [formatDay(week.week), n(week.mqls), week.days === undefined ? '—' : week.days === 7 ? '7' : `${week.days} (part of the week)`]) },
      ],
    },
    {
      id: 'reasons',
      title: 'Rejection reasons',
      blocks: [...(review.reasons.length > 0 ? [charts.reasons] : []), { kind: 'table', columns: ['Reason', 'Rejections', 'Agreed code'], numeric: [1], rows: review.reasons.map((reason) => [reason.reason, n(reason.count), reason.known ? 'Yes' : 'No']) }],
    },
    {
      id: 'problems',
      title: 'Data problems (counted, not used)',
      blocks: [{ kind: 'table', columns: ['Problem', 'Leads'], numeric: [1], rows: review.problems.map((problem) => [problem.problem, n(problem.count)]) }],
    },
  ];
  return {
    title: `SLA review ${period}`,
    client: agreement.workshop.client || '—',
    facilitator: agreement.workshop.facilitator || '—',
    date: formatDay(review.to),
    validUntil: '—',
    nextReview: agreement.workshop.nextReviewDate ? formatDay(agreement.workshop.nextReviewDate) : '—',
    versionLabel: `Review ${period}`,
    kind: 'report',
    statusLine: `SLA review of “${agreement.workshop.title}”`,
    contentHash: contentHash(reviewAttachment(review)),
    generatedAt,
    ...(timeZone ? { timeZone } : {}),
    consultant,
    sections,
    signatures: [],
    history: [],
    report: {
      coverFacts: [
        ['Agreement', agreement.workshop.title || '—'],
        ['Period', period],
        ['MQLs', n(review.mqls)],
        ['Met / at risk / missed / no data', `${counts.met} / ${counts['at-risk']} / ${counts.missed} / ${counts['no-data']}`],
        ...(counts['no-target'] ? [[stateLabels['no-target'], String(counts['no-target'])] as [string, string]] : []),
        ['Facilitator', agreement.workshop.facilitator || '—'],
        ['Generated', formatDateTime(generatedAt, timeZone)],
      ],
      attachmentName: 'review.json',
    },
  };
}
