import { describe, expect, it } from 'vitest';
import { ReviewAggregator, type LeadHistory } from '../../../shared/engines/review/review';
import { timeZoneOf, type WorkingCalendar } from '../../../shared/engines/calendar/business-time';
import { findTemplate } from '../../../shared/templates/templates';

const calendar: WorkingCalendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };
const zone = timeZoneOf('Europe/Berlin');
const dayStart = (date: string) => zone.instantOf(Date.parse(`${date}T00:00:00Z`));
const at = (iso: string) => Date.parse(iso);
const lead = (id: string, fields: Partial<LeadHistory>): LeadHistory => ({ id, createdAt: null, mqlAt: null, owner: null, firstTouchAt: null, attempts: null, acceptedAt: null, rejectedAt: null, rejectionReason: null, sqlAt: null, opportunityAt: null, outcome: null, amount: null, ...fields });

function review(leads: LeadHistory[]) {
  // b2b template: first touch 4 business hours, 6 attempts, accept or reject within 2 business days.
  const aggregator = new ReviewAggregator(findTemplate('b2b-saas-mid-market')!.build(), { from: '2026-11-01', to: '2026-11-30' }, calendar, dayStart);
  for (const entry of leads) aggregator.add(entry);
  return aggregator.result();
}

describe('SLA review', () => {
  const leads = [
    // Friday 17:30 → Monday 09:30: 1 business hour, within 4; accepted Monday.
    lead('friday', { mqlAt: at('2026-11-27T17:30:00+01:00'), firstTouchAt: at('2026-11-30T09:30:00+01:00'), acceptedAt: at('2026-11-30T10:00:00+01:00'), sqlAt: at('2026-11-30T12:00:00+01:00') }),
    // 6 business hours: missed; rejected as unable to reach after 2 attempts (fewer than 6), 3 business days later.
    lead('slow', { mqlAt: at('2026-11-23T10:00:00+01:00'), firstTouchAt: at('2026-11-23T16:00:00+01:00'), rejectedAt: at('2026-11-26T10:00:00+01:00'), rejectionReason: 'UNREACHABLE', attempts: 2 }),
    // Never touched: a miss, and listed as a data problem.
    lead('untouched', { mqlAt: at('2026-11-24T11:00:00+01:00') }),
    // Touched before it became an MQL: a data problem, not a measurement.
    lead('early', { mqlAt: at('2026-11-25T11:00:00+01:00'), firstTouchAt: at('2026-11-25T10:00:00+01:00'), rejectedAt: at('2026-11-25T12:00:00+01:00'), rejectionReason: 'UNREACHABLE', attempts: 7 }),
    // Rejected without a reason.
    lead('no-reason', { mqlAt: at('2026-11-10T09:00:00+01:00'), firstTouchAt: at('2026-11-10T10:00:00+01:00'), rejectedAt: at('2026-11-10T15:00:00+01:00') }),
    // Outside the period: ignored.
    lead('october', { mqlAt: at('2026-10-30T09:00:00+01:00'), firstTouchAt: at('2026-10-30T09:10:00+01:00') }),
  ];
  const result = review(leads);
  const commitment = (kind: string) => result.commitments.find((entry) => entry.kind === kind)!;

  it('counts the MQLs of the period by week and month', () => {
    expect(result).toMatchObject({ leads: 6, mqls: 5 });
    expect(result.weekly).toEqual([
      { week: '2026-11-09', mqls: 1 },
      { week: '2026-11-23', mqls: 4 },
    ]);
    expect(result.monthly).toEqual([{ month: '2026-11', mqls: 5, opportunities: 0 }]);
  });

  it('measures speed to first touch in business hours, and lists the leads behind a miss', () => {
    const touch = commitment('first-touch');
    // Measured: friday (1 h), slow (6 h), untouched (miss), no-reason (1 h) = 2 of 4 within 4 hours.
    expect(touch.figures).toMatchObject({ measured: 4, within: 2, share: 0.5, median: 1 });
    expect(touch.state).toBe('missed');
    expect(touch.missedLeads).toEqual(['slow', 'untouched']);
    expect(touch.actual).toMatch(/^50 % within 4 business hours; median 1\.0 h/);
  });

  it('checks the attempts before "unable to reach", the decision time and the reason codes', () => {
    expect(commitment('attempts').figures).toMatchObject({ rejections: 2, compliant: 1, share: 0.5 });
    expect(commitment('attempts').missedLeads).toEqual(['slow']);
    // Decisions: friday same day, slow after 3 days (miss), untouched never (miss), early same day, no-reason same day.
    expect(commitment('accept-reject').figures).toMatchObject({ measured: 5, within: 3 });
    expect(commitment('reason-codes').figures).toMatchObject({ rejected: 3, withReason: 2 });
    expect(commitment('reason-codes').missedLeads).toEqual(['no-reason']);
  });

  it('lists data problems instead of using them', () => {
    expect(result.problems.map((problem) => [problem.problem, problem.count, problem.examples])).toEqual(
      expect.arrayContaining([
        ['No first touch recorded', 1, ['untouched']],
        ['First touch before the MQL date', 1, ['early']],
      ]),
    );
  });

  it('compares stage conversion with the plan', () => {
    expect(result.conversion[0]).toMatchObject({ step: 'MQL → SAL', actual: 20 });
    expect(result.conversion[1]).toMatchObject({ step: 'SAL → SQL', actual: 100 });
  });
});

describe('SLA review on generated histories (truth known by construction)', () => {
  it('finds exactly the figures the generator built in', async () => {
    const { generateHistories } = await import('../../../shared/engines/review/sample-histories');
    const { runReview, sampleReviewMapping } = await import('../../../shared/engines/review/run-review');
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.calendar = { ...calendar, holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
    let csv = '';
    const truth = generateHistories({ leads: 3000, from: '2026-11-01', to: '2026-12-31', calendar: agreement.calendar, firstTouchHours: 4, attempts: 6, acceptDays: 2, reasonCodes: agreement.reasons.map((reason) => reason.code) }, (line) => (csv += line));
    async function* chunks() {
      for (let at = 0; at < csv.length; at += 4096) yield csv.slice(at, at + 4096);
    }
    const result = await runReview({ agreement, mapping: sampleReviewMapping, chunks: chunks(), from: '2026-11-01', to: '2026-12-31' });
    const figures = (kind: string) => result.commitments.find((entry) => entry.kind === kind)!.figures;
    expect(result.unreadableCount).toBe(0);
    expect(result.mqls).toBe(truth.mqls);
    expect(figures('first-touch')).toMatchObject({ measured: truth.touchMeasured, within: truth.touchedWithin });
    expect(figures('accept-reject')).toMatchObject({ measured: truth.decisionMeasured, within: truth.decidedWithin });
    expect(figures('attempts')).toMatchObject({ rejections: truth.unreachable, compliant: truth.unreachableCompliant });
    expect(figures('reason-codes')).toMatchObject({ rejected: truth.rejected, withReason: truth.rejectedWithReason });
    expect(result.problems.find((problem) => problem.problem === 'First touch before the MQL date')?.count).toBe(truth.touchBeforeMql);
    expect(result.problems.find((problem) => problem.problem === 'No first touch recorded')?.count).toBe(truth.untouched);
    // A sensible share of everything happens.
    expect(truth.touchedWithin / truth.touchMeasured).toBeGreaterThan(0.6);
    expect(truth.untouched).toBeGreaterThan(50);
  });

  it('names the row and column of a timestamp it cannot read, and refuses a bad period', async () => {
    const { runReview, sampleReviewMapping } = await import('../../../shared/engines/review/run-review');
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    const csv = 'Lead ID,MQL Date,First Touch\r\nL1,2026-11-02 10:00,soon\r\nL2,11/03/2026 9:15 AM,11/03/2026 10:15 AM\r\n';
    async function* chunks() {
      yield csv;
    }
    const result = await runReview({ agreement, mapping: { ...sampleReviewMapping, columns: { id: 'Lead ID', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' } }, chunks: chunks(), from: '2026-11-01', to: '2026-11-30' });
    expect(result.unreadable).toEqual([{ line: 2, column: 'First Touch', message: '“soon” is not a date and time Accord can read (ISO 8601, MM/DD/YYYY hh:mm AM, or DD.MM.YYYY HH:mm)' }]);
    expect(result.mqls).toBe(2);
    await expect(runReview({ agreement, mapping: sampleReviewMapping, chunks: chunks(), from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow(/^Choose a review period/);
  });
});
