import { countStates, SHARE_AT_RISK, SHARE_MET, stateLabels, VOLUME_AT_RISK, type ReviewResult } from '../engines/review/review';
import type { Agreement } from '../model/agreement';
import { contentHash } from '../model/canonical';
import { teamLabels } from '../model/teams';
import type { AgreementDocument, DocumentSection } from './document';

const stateText = stateLabels;
const n = (value: number) => Math.round(value).toLocaleString('en-US');
/** A threshold share as the note writes it (the engine's constants, never restated). */
const share = (value: number) => `${Math.round(value * 1000) / 10} %`;

/** The machine-readable review attached to its PDF: the results, without lead ids or example rows. */
export function reviewAttachment(review: ReviewResult): Omit<ReviewResult, 'commitments' | 'problems'> & { commitments: Omit<ReviewResult['commitments'][number], 'missedLeads'>[]; problems: { problem: string; count: number }[] } {
  return {
    ...review,
    commitments: review.commitments.map(({ missedLeads: _ids, ...commitment }) => commitment),
    problems: review.problems.map(({ problem, count }) => ({ problem, count })),
  };
}

/**
 * The SLA review report as a document (the same renderers as the agreement:
 * print HTML for the sealed PDF, and Markdown): headline, one line per
 * commitment, conversion, weekly volume, reasons, data problems.
 */
export function buildReviewDocument(agreement: Agreement, review: ReviewResult, generatedAt: string, consultant?: AgreementDocument['consultant']): AgreementDocument {
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
            ['Period', `${review.from} – ${review.to}`],
            ...(review.agreementVersion ? [['Agreement reviewed', review.agreementVersion] as [string, string]] : []),
            ...(review.coverage && review.coverage.coveredDays < review.coverage.periodDays ? [['Export covers', `${review.coverage.coveredDays} of ${review.coverage.periodDays} days (recorded dates ${review.coverage.exportFirstDate ?? '—'} – ${review.coverage.exportLastDate ?? '—'}); rates use the covered days`] as [string, string]] : []),
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
      blocks: [{ kind: 'table', columns: ['Team', 'Commitment', 'Actual', 'Target', 'State', 'Leads behind a miss'], rows: review.commitments.map((commitment) => [teamLabels[commitment.team as keyof typeof teamLabels] ?? commitment.team, commitment.metric, commitment.actual, commitment.target, stateText[commitment.state], commitment.missedCount ? n(commitment.missedCount) : '—']) }],
    },
    {
      id: 'conversion',
      title: 'Stage conversion against the plan',
      blocks: [{ kind: 'table', columns: ['Step', 'Actual', 'Plan', 'State'], numeric: [1, 2], rows: review.conversion.map((step) => [step.step, step.actual === null || step.state === 'no-data' ? 'no data' : `${step.actual.toFixed(1)} %`, step.planned === null ? '—' : `${step.planned} %`, step.noData ? `${stateText[step.state]}: ${step.noData}` : stateText[step.state]]) }],
    },
    {
      id: 'volume',
      title: 'MQLs per week',
      blocks: [
        { kind: 'paragraph', text: `${review.need.mqlsPerWeek === null ? 'The revenue plan is incomplete, so there is no weekly need to compare with.' : `The revenue plan needs ${n(Math.ceil(review.need.mqlsPerWeek))} MQLs a week.`} A week cut by the period or the export has fewer days: compare it with the need pro rata.` },
        { kind: 'table', columns: ['Week (Monday)', 'MQLs', 'Days counted'], numeric: [1, 2], rows: review.weekly.map((week) => [week.week, n(week.mqls), week.days === undefined ? '—' : week.days === 7 ? '7' : `${week.days} (part of the week)`]) },
      ],
    },
    {
      id: 'reasons',
      title: 'Rejection reasons',
      blocks: [{ kind: 'table', columns: ['Reason', 'Rejections', 'Agreed code'], numeric: [1], rows: review.reasons.map((reason) => [reason.reason, n(reason.count), reason.known ? 'Yes' : 'No']) }],
    },
    {
      id: 'problems',
      title: 'Data problems (counted, not used)',
      blocks: [{ kind: 'table', columns: ['Problem', 'Leads'], numeric: [1], rows: review.problems.map((problem) => [problem.problem, n(problem.count)]) }],
    },
  ];
  return {
    title: `SLA review ${review.from} – ${review.to}`,
    client: agreement.workshop.client || '—',
    facilitator: agreement.workshop.facilitator || '—',
    date: review.to,
    validUntil: '—',
    nextReview: agreement.workshop.nextReviewDate || '—',
    versionLabel: `Review ${review.from} – ${review.to}`,
    status: 'signed',
    statusLine: `SLA review of “${agreement.workshop.title}”`,
    contentHash: contentHash(reviewAttachment(review)),
    generatedAt,
    consultant,
    sections,
    signatures: [],
    history: [],
    report: {
      coverFacts: [
        ['Agreement', agreement.workshop.title || '—'],
        ['Period', `${review.from} – ${review.to}`],
        ['MQLs', n(review.mqls)],
        ['Met / at risk / missed / no data', `${counts.met} / ${counts['at-risk']} / ${counts.missed} / ${counts['no-data']}`],
        ...(counts['no-target'] ? [[stateLabels['no-target'], String(counts['no-target'])] as [string, string]] : []),
        ['Facilitator', agreement.workshop.facilitator || '—'],
        ['Generated', generatedAt.slice(0, 16).replace('T', ' ')],
      ],
      attachmentName: 'review.json',
    },
  };
}
