import { describe, expect, it } from 'vitest';
import { ReviewAggregator, type LeadHistory } from '../../../../shared/engines/review/review';
import { timeZoneOf, type WorkingCalendar } from '../../../../shared/engines/calendar/business-time';
import { findTemplate } from '../../../../shared/templates/templates';

const calendar: WorkingCalendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] };
const zone = timeZoneOf('Europe/Berlin');
const dayStart = (date: string) => zone.instantOf(Date.parse(`${date}T00:00:00Z`));
const at = (iso: string) => Date.parse(iso);
const lead = (id: string, fields: Partial<LeadHistory>): LeadHistory => ({ id, createdAt: null, mqlAt: null, owner: null, firstTouchAt: null, attempts: null, acceptedAt: null, rejectedAt: null, rejectionReason: null, sqlAt: null, sqlAcceptedAt: null, sqlReturnedAt: null, opportunityAt: null, opportunityUpdatedAt: null, outcome: null, closedAt: null, amount: null, missingRequired: null, ...fields });

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
    // Covered: 2026-11-01 (a Sunday, the last day of the week of 26 October) to the last date, 30 November; empty weeks are 0.
    expect(result.weekly).toEqual([
      { week: '2026-10-26', mqls: 0, days: 1 },
      { week: '2026-11-02', mqls: 0, days: 7 },
      { week: '2026-11-09', mqls: 1, days: 7 },
      { week: '2026-11-16', mqls: 0, days: 7 },
      { week: '2026-11-23', mqls: 4, days: 7 },
      { week: '2026-11-30', mqls: 0, days: 1 },
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
    const { generateHistories } = await import('../../../../shared/engines/review/sample-histories');
    const { runReview, sampleReviewMapping } = await import('../../../../shared/engines/review/run-review');
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.calendar = { ...calendar, holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
    let csv = '';
    const truth = generateHistories({ leads: 3000, from: '2026-11-01', to: '2026-12-31', calendar: agreement.calendar, firstTouchHours: 4, attempts: 6, acceptDays: 2, sqlAcceptDays: 2, opportunityUpdateDays: 7, reasonCodes: agreement.reasons.map((reason) => reason.code) }, (line) => (csv += line));
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
    // The three kinds that used to vanish, and the time to win, against the generator's truth.
    expect(figures('sql-accept')).toMatchObject({ measured: truth.sqlMeasured + truth.sqlUnanswered, within: truth.sqlWithin, unanswered: truth.sqlUnanswered, stillOpen: truth.sqlNotYetDue });
    expect(figures('opportunity-update')).toMatchObject({ open: truth.openOpportunities, current: truth.openUpdatedWithin });
    expect(figures('data-completeness')).toMatchObject({ measured: truth.mqls, complete: truth.complete });
    expect(figures('time-to-win').won).toBe(truth.won);
    expect(figures('time-to-win').median).toBeCloseTo(truth.winMedianDays!, 9);
    expect(figures('time-to-win').p90).toBeCloseTo(truth.winP90Days!, 9);
    expect(result.coverage).toMatchObject({ periodDays: 61, coveredDays: 61, exportLastDate: truth.exportLastDate });
    // Every figure is measured: recycling has no target, so it is not judged, and nothing is no data.
    expect(result.commitments.filter((entry) => entry.state === 'no-data').map((entry) => entry.kind)).toEqual([]);
    expect(result.commitments.filter((entry) => entry.state === 'no-target').map((entry) => entry.kind)).toEqual(['recycling']);
    expect(result.problems.find((problem) => problem.problem === 'First touch before the MQL date')?.count).toBe(truth.touchBeforeMql);
    expect(result.problems.find((problem) => problem.problem === 'No first touch recorded')?.count).toBe(truth.untouched);
    // A sensible share of everything happens.
    expect(truth.touchedWithin / truth.touchMeasured).toBeGreaterThan(0.6);
    expect(truth.untouched).toBeGreaterThan(50);
  });

  it('names the row and column of a timestamp it cannot read, and refuses a bad period', async () => {
    const { runReview, sampleReviewMapping } = await import('../../../../shared/engines/review/run-review');
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    const csv = 'Lead ID,MQL Date,First Touch\r\nL1,2026-11-02 10:00,soon\r\nL2,11/03/2026 9:15 AM,11/03/2026 10:15 AM\r\n';
    async function* chunks() {
      yield csv;
    }
    const result = await runReview({ agreement, mapping: { ...sampleReviewMapping, columns: { id: 'Lead ID', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' }, requiredFields: {} }, chunks: chunks(), from: '2026-11-01', to: '2026-11-30' });
    expect(result.unreadable).toEqual([{ line: 2, column: 'First Touch', message: '“soon” is not a date and time Accord can read (ISO 8601, MM/DD/YYYY hh:mm AM or DD/MM/YYYY HH:mm as the column shows, or DD.MM.YYYY HH:mm)' }]);
    expect(result.mqls).toBe(2);
    await expect(runReview({ agreement, mapping: sampleReviewMapping, chunks: chunks(), from: '2026-12-01', to: '2026-11-01' })).rejects.toThrow(/^Choose a review period/);
  });
});

/** Streams a CSV text in small chunks, as the file readers do. */
async function* chunksOf(text: string) {
  for (let at = 0; at < text.length; at += 1000) yield text.slice(at, at + 1000);
}
/** German Excel writes dates as DD.MM.YYYY HH:mm, local time. */
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
/** Business hours between two instants of one Mon–Fri week in a 09:00–18:00 day, the plain way (same time zone, no holidays). */
function sameWeekBusinessHours(from: string, to: string): number {
  const [fromDay, fromHour] = [Number(from.slice(8, 10)), Number(from.slice(11, 13)) + Number(from.slice(14, 16)) / 60];
  const [toDay, toHour] = [Number(to.slice(8, 10)), Number(to.slice(11, 13)) + Number(to.slice(14, 16)) / 60];
  if (fromDay === toDay) return toHour - fromHour;
  return 18 - fromHour + (toDay - fromDay - 1) * 9 + (toHour - 9);
}

describe('SLA review: every commitment kind, and no figure for what is not measured (issue 12)', () => {
  const agreement = () => {
    const built = findTemplate('b2b-saas-mid-market')!.build();
    built.calendar = calendar;
    return built;
  };
  async function reviewCsv(csv: string, columns: Record<string, string>, from: string, to: string, extra: { requiredFields?: Record<string, string>; of?: ReturnType<typeof agreement> } = {}) {
    const { runReview } = await import('../../../../shared/engines/review/run-review');
    const { parseReviewMapping } = await import('../../../../shared/engines/review/mapping');
    const mapping = parseReviewMapping({ version: 1, columns, won: ['Gewonnen'], lost: ['Verloren'], ...(extra.requiredFields ? { requiredFields: extra.requiredFields } : {}) });
    return runReview({ agreement: extra.of ?? agreement(), mapping, chunks: chunksOf(csv), from, to });
  }

  it('measures "Accept or return SQLs", "Opportunities updated" and "Handed-over leads with all required fields" from a German Excel export', async () => {
    // Week of Monday 2026-11-16 (Europe/Berlin, CET = +01:00). SQL accepted/returned target: 2 business days (18 business hours).
    const rows = [
      // id, MQL, SQL, SQL accepted, SQL returned, opportunity, last updated, outcome, required: Firma, E-Mail
      ['L1', '2026-11-16 09:30', '2026-11-16 10:00', '2026-11-17 15:00', '', '2026-11-18 10:00', '2026-11-30 11:00', '', 'Acme', 'a@acme.de'],
      ['L2', '2026-11-16 11:00', '2026-11-16 12:00', '', '2026-11-19 11:00', '', '', '', 'Globex', ''],
      ['L3', '2026-11-17 09:15', '2026-11-17 10:00', '', '', '', '', '', '', 'c@x.de'],
      ['L4', '2026-11-17 14:00', '2026-11-18 09:00', '2026-11-18 17:00', '', '2026-11-19 09:00', '2026-11-20 12:00', '', 'Initech', 'd@initech.de'],
      ['L5', '2026-11-18 10:00', '2026-11-18 11:00', '2026-11-19 10:00', '', '2026-11-19 12:00', '2026-11-25 09:00', 'Gewonnen', 'Umbrella', 'e@u.de'],
      ['L6', '2026-11-19 16:00', '', '', '', '', '', '', 'Stark', 's@stark.de'],
    ];
    const csv = `Lead-ID;MQL-Datum;SQL-Datum;SQL angenommen;SQL zurückgegeben;Verkaufschance;Zuletzt geändert;Ergebnis;Abschluss;Firma;E-Mail\r\n${rows.map((row) => [row[0], ...row.slice(1, 7).map((cell) => (cell ? german(cell) : '')), row[7], row[7] ? german('2026-11-25 09:00') : '', row[8], row[9]].join(';')).join('\r\n')}\r\n`;
    const built = agreement();
    // The MQL handoff (from marketing) asks for these two fields in this test.
    built.handoffs = built.handoffs.map((handoff) => (handoff.from === 'marketing' ? { ...handoff, requiredFields: ['Company', 'E-mail'] } : handoff));
    const result = await reviewCsv(csv, { id: 'Lead-ID', mqlAt: 'MQL-Datum', sqlAt: 'SQL-Datum', sqlAcceptedAt: 'SQL angenommen', sqlReturnedAt: 'SQL zurückgegeben', opportunityAt: 'Verkaufschance', opportunityUpdatedAt: 'Zuletzt geändert', outcome: 'Ergebnis', closedAt: 'Abschluss' }, '2026-11-01', '2026-11-30', { requiredFields: { Company: 'Firma', 'E-mail': 'E-Mail' }, of: built });
    const byKind = (kind: string) => result.commitments.find((entry) => entry.kind === kind)!;
    // Every commitment of the agreement is in the review, once.
    expect(result.commitments.slice(0, built.commitments.length).map((entry) => entry.id)).toEqual(built.commitments.map((commitment) => commitment.id));

    // SQL answered within 18 business hours: computed here from the rows, the plain way.
    const sqls = rows.filter((row) => row[2] !== '');
    const within = sqls.filter((row) => (row[3] || row[4]) && sameWeekBusinessHours(row[2]!, (row[3] || row[4])!) <= 18).length;
    expect(byKind('sql-accept').figures).toMatchObject({ measured: sqls.length, within, unanswered: sqls.filter((row) => !row[3] && !row[4]).length });
    expect(byKind('sql-accept').state).toBe(within / sqls.length >= 0.9 ? 'met' : within / sqls.length >= 0.75 ? 'at-risk' : 'missed');

    // Open opportunities (no outcome) updated within 7 days of the export's last date (2026-11-30 11:00, L1's update).
    const last = Date.parse('2026-11-30T11:00:00+01:00');
    const open = rows.filter((row) => row[5] !== '' && row[7] === '');
    const current = open.filter((row) => last - Date.parse(`${(row[6] || row[5])!.replace(' ', 'T')}:00+01:00`) <= 7 * 86_400_000).length;
    expect(byKind('opportunity-update').figures).toMatchObject({ open: open.length, current });
    expect(byKind('opportunity-update').missedLeads).toEqual(open.filter((row) => last - Date.parse(`${(row[6] || row[5])!.replace(' ', 'T')}:00+01:00`) > 7 * 86_400_000).map((row) => row[0]));

    // Data completeness: MQLs with both required fields filled.
    const complete = rows.filter((row) => row[8] !== '' && row[9] !== '').length;
    expect(byKind('data-completeness').figures).toMatchObject({ measured: rows.length, complete });
    expect(byKind('data-completeness').missedLeads).toEqual(['L2', 'L3']);
    expect(byKind('data-completeness').state).toBe((complete / rows.length) * 100 >= 95 ? 'met' : (complete / rows.length) * 100 >= 95 * 0.9 ? 'at-risk' : 'missed');
  });

  it('says "no data" with the reason, never MISSED or 0 %, for what is not mapped or has no value in the period', async () => {
    // An export with the MQL date and nothing else a commitment needs.
    const csv = 'Lead ID,MQL Date,First Touch,Outcome\r\nL1,2026-11-02 10:00,,Won\r\nL2,2026-11-03 11:00,,Lost\r\nL3,2026-11-04 12:00,,\r\n';
    const unmapped = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date', outcome: 'Outcome' }, '2026-11-01', '2026-11-30');
    const touch = unmapped.commitments.find((entry) => entry.kind === 'first-touch')!;
    expect(touch).toMatchObject({ state: 'no-data', noData: 'map the First touch column to measure this', actual: 'No data: map the First touch column to measure this', missedCount: 0 });
    expect(touch.actual).not.toMatch(/0\.0 h|0 %/);
    expect(unmapped.commitments.find((entry) => entry.kind === 'accept-reject')).toMatchObject({ state: 'no-data', noData: 'map the Accepted and the Rejected columns to measure this' });
    expect(unmapped.conversion.find((step) => step.step === 'MQL → SAL')).toMatchObject({ actual: null, state: 'no-data', noData: 'map the Accepted column to measure this' });
    // Outcomes but no opportunity column: not "100 % won".
    expect(unmapped.conversion.find((step) => step.step === 'Opportunity → won')).toMatchObject({ actual: null, state: 'no-data', noData: 'map the Opportunity date column to measure this' });
    for (const kind of ['sql-accept', 'opportunity-update', 'data-completeness', 'attempts', 'reason-codes', 'opportunities', 'time-to-win']) expect(unmapped.commitments.find((entry) => entry.kind === kind)?.state).toBe('no-data');
    expect(unmapped.problems.map((problem) => problem.problem)).not.toContain('No first touch recorded');

    // Mapped, but no lead of the period has a first touch: still no data, not 0 %.
    const empty = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' }, '2026-11-01', '2026-11-30');
    expect(empty.commitments.find((entry) => entry.kind === 'first-touch')).toMatchObject({ state: 'no-data', noData: 'the First touch column has no value for the MQLs of the period' });
  });

  it('reports measured recycling as not judged (no target), and no recycled lead as no data with the reason', () => {
    const recycle = findTemplate('b2b-saas-mid-market')!.build().reasons.filter((reason) => reason.action === 'recycle').map((reason) => reason.code);
    expect(recycle.length).toBeGreaterThan(1);
    const rejected = (id: string, code: string, fields: Partial<LeadHistory> = {}) => lead(id, { mqlAt: at('2026-11-10T09:00:00+01:00'), rejectedAt: at('2026-11-10T15:00:00+01:00'), rejectionReason: code, ...fields });
    // Three recycled, one of which later became an SQL: 1 of 3 came back.
    const measured = review([rejected('r1', recycle[0]!), rejected('r2', recycle[1]!, { sqlAt: at('2026-11-20T10:00:00+01:00') }), rejected('r3', recycle[0]!)]).commitments.find((entry) => entry.kind === 'recycling')!;
    expect(measured).toMatchObject({ state: 'no-target', noData: null, figures: { recycled: 3, cameBack: 1 }, actual: '1 of 3 recycled leads later reached SQL, opportunity or a win' });
    // Rejected, but none with a reason that means recycle: nothing was measured.
    const other = findTemplate('b2b-saas-mid-market')!.build().reasons.find((reason) => reason.action !== 'recycle')!.code;
    const none = review([rejected('d1', other)]).commitments.find((entry) => entry.kind === 'recycling')!;
    expect(none).toMatchObject({ state: 'no-data', figures: { recycled: 0, cameBack: 0 } });
    expect(none.noData).toMatch(/recycle/);
  });

  it('counts a lead without a first touch against the commitment when the column is mapped and other leads have one', async () => {
    const csv = 'Lead ID\tMQL Date\tFirst Touch\r\nL1\t2026-11-02 10:00\t2026-11-02 11:00\r\nL2\t2026-11-03 10:00\t\r\nL3\t2026-11-04 10:00\t2026-11-04 10:30\r\n';
    const result = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' }, '2026-11-01', '2026-11-30');
    // Two of three touched within 4 business hours; the third has none and counts as missed.
    expect(result.commitments.find((entry) => entry.kind === 'first-touch')).toMatchObject({ figures: { measured: 3, within: 2, share: 2 / 3, withoutTouch: 1 }, missedLeads: ['L2'], state: 'missed' });
  });

  it('counts a lead still waiting at the export’s last date only once its deadline has passed', async () => {
    // The export's last recorded date: Monday 30 November 12:00 (L1's touch). L2 became an MQL two business hours
    // before it, untouched: still within 4 business hours, not a miss yet. L3, untouched since Friday, is late.
    const csv = 'Lead ID,MQL Date,First Touch\r\nL1,2026-11-30 09:00,2026-11-30 12:00\r\nL2,2026-11-30 10:00,\r\nL3,2026-11-27 10:00,\r\n';
    const result = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' }, '2026-11-01', '2026-11-30');
    const touch = result.commitments.find((entry) => entry.kind === 'first-touch')!;
    expect(touch).toMatchObject({ figures: { measured: 2, within: 1, withoutTouch: 1, stillOpen: 1 }, missedLeads: ['L3'], missedCount: 1 });
    expect(touch.actual).toContain('1 MQL not yet touched is still within the target at 30 Nov 2026 and not counted');
  });

  it('pro-rates volume per day of the period: a month across two months, 7-day windows, and a period past the export', async () => {
    const daysPerMonth = 7 * (52 / 12);
    // 1,150 MQLs from 15 January to 14 February: 31 days, not "two months".
    const lines: string[] = ['Lead ID,MQL Date'];
    const start = Date.parse('2026-01-15T12:00:00Z');
    for (let index = 0; index < 1150; index += 1) lines.push(`L${index},${new Date(start + Math.floor((index * 31) / 1150) * 86_400_000).toISOString()}`);
    const csv = `${lines.join('\r\n')}\r\n`;
    const month = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date' }, '2026-01-15', '2026-02-14');
    const volume = month.commitments.find((entry) => entry.kind === 'mql-volume')!;
    expect(volume.figures.actual).toBeCloseTo((1150 / 31) * daysPerMonth, 6);
    expect(volume.actual).toMatch(new RegExp(`^${Math.round((1150 / 31) * daysPerMonth).toLocaleString('en-US')} MQLs a month \\(1,150 in 31 days\\)`));
    // Two 7-day windows: each its own count over 7 days.
    for (const [from, to] of [['2026-01-15', '2026-01-21'], ['2026-02-01', '2026-02-07']] as const) {
      const inWindow = lines.slice(1).filter((line) => line.slice(line.indexOf(',') + 1, line.indexOf(',') + 11) >= from && line.slice(line.indexOf(',') + 1, line.indexOf(',') + 11) <= to).length;
      const week = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date' }, from, to);
      expect(week.commitments.find((entry) => entry.kind === 'mql-volume')!.figures.actual).toBeCloseTo((inWindow / 7) * daysPerMonth, 6);
    }
    // A period to 28 February: the export's last date is 14 February, so 31 of 45 days are used, and it says so.
    const past = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date' }, '2026-01-15', '2026-02-28');
    expect(past.coverage).toMatchObject({ periodDays: 45, coveredDays: 31, exportLastDate: '2026-02-14' });
    expect(past.commitments.find((entry) => entry.kind === 'mql-volume')!.actual).toContain('the export ends on 14 Feb 2026, so 31 of the period’s 45 days are counted');
    // Weeks cut by the period's start (Thursday 15 January: the week of Monday 12 January has 4 days in it) and by the export's end (Saturday 14 February: 6 days).
    expect(past.weekly[0]).toMatchObject({ week: '2026-01-12', days: 4 });
    expect(past.weekly.at(-1)).toMatchObject({ week: '2026-02-09', days: 6 });
    expect(past.weekly.slice(1, -1).every((week) => week.days === 7)).toBe(true);
  });

  it('reports the time from MQL to won (median, 90th percentile) against the plan, and the MQL → won conversion', async () => {
    const wins = [
      ['L1', '2026-11-02 10:00', '2026-12-14 10:00'],
      ['L2', '2026-11-03 10:00', '2027-01-20 10:00'],
      ['L3', '2026-11-05 10:00', '2026-11-30 10:00'],
      ['L4', '2026-11-09 10:00', '2027-02-01 10:00'],
    ];
    const csv = `Lead ID;MQL Date;Outcome;Won Date\r\n${wins.map(([id, mql, won]) => `${id};${german(mql!)};Gewonnen;${german(won!)}`).join('\r\n')}\r\nL5;${german('2026-11-10 10:00')};Verloren;${german('2026-12-01 10:00')}\r\nL6;${german('2026-11-11 10:00')};;\r\n`;
    const result = await reviewCsv(csv, { id: 'Lead ID', mqlAt: 'MQL Date', outcome: 'Outcome', closedAt: 'Won Date' }, '2026-11-01', '2026-11-30');
    // Days computed here: instants in Berlin time (CET, no DST change between November and February).
    const days = wins.map(([, mql, won]) => (Date.parse(`${won!.replace(' ', 'T')}:00+01:00`) - Date.parse(`${mql!.replace(' ', 'T')}:00+01:00`)) / 86_400_000).sort((a, b) => a - b);
    const at = (q: number) => days[Math.floor((days.length - 1) * q)]! + (days[Math.ceil((days.length - 1) * q)]! - days[Math.floor((days.length - 1) * q)]!) * ((days.length - 1) * q - Math.floor((days.length - 1) * q));
    const time = result.commitments.find((entry) => entry.kind === 'time-to-win')!;
    expect(time.figures.median).toBeCloseTo(at(0.5), 9);
    expect(time.figures.p90).toBeCloseTo(at(0.9), 9);
    expect(time.figures.won).toBe(4);
    expect(time.state).toBe(at(0.5) <= time.figures.planDays! ? 'met' : at(0.5) * 0.9 <= time.figures.planDays! ? 'at-risk' : 'missed');
    expect(result.conversion.find((step) => step.step === 'MQL → won')).toMatchObject({ actual: (4 / 6) * 100 });
  });

  it('refuses a mapping with an unknown key, naming it and the known keys', async () => {
    const { parseReviewMapping } = await import('../../../../shared/engines/review/mapping');
    expect(() => parseReviewMapping({ version: 1, columns: { mqlAt: 'MQL Date', wonAt: 'Won' } })).toThrow(/Unknown key “wonAt” in columns; the known keys are: id, createdAt, mqlAt, .*closedAt, amount\./);
    expect(() => parseReviewMapping({ version: 1, columns: { mqlAt: 'MQL Date' }, wonValues: ['Won'] })).toThrow(/Unknown key “wonValues”; the known keys are: version, columns, won, lost, requiredFields, slashDates\./);
    // A mapping written before these fields existed still reads.
    expect(parseReviewMapping({ version: 1, columns: { mqlAt: 'MQL Date' }, won: ['Won'], lost: ['Lost'] })).toEqual({ version: 1, columns: { mqlAt: 'MQL Date' }, won: ['Won'], lost: ['Lost'] });
  });

  it('ships a mapping JSON Schema that z.toJSONSchema can write, refusing extra keys', async () => {
    const { ReviewMappingSchema } = await import('../../../../shared/engines/review/mapping');
    const { z } = await import('../../../../shared/model/zod');
    const schema = z.toJSONSchema(ReviewMappingSchema, { io: 'input' }) as unknown as { additionalProperties: boolean; properties: { columns: { additionalProperties: boolean; properties: Record<string, unknown> } } };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.columns.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.columns.properties)).toContain('closedAt');
  });
});

describe('SLA review: each commitment against its own target, pairs of columns (issue 12, review audit)', () => {
  const build = () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.calendar = calendar;
    return agreement;
  };
  // Monday 2026-11-16, 09:00 Berlin: business hours count from there (09:00–18:00, 9 a day).
  const mql = at('2026-11-16T09:00:00+01:00');
  const touchAfter = [1, 6, 20, 30]; // business hours: Mon 10:00, Mon 15:00, Tue 09:00 + 2 h → Wed 11:00, Thu 12:00
  const touchAt = [at('2026-11-16T10:00:00+01:00'), at('2026-11-16T15:00:00+01:00'), at('2026-11-18T11:00:00+01:00'), at('2026-11-19T12:00:00+01:00')];

  it('measures a second first-touch commitment against its own target, not the first one’s', () => {
    const agreement = build();
    const first = agreement.commitments.find((entry) => entry.kind === 'first-touch')!;
    agreement.commitments.push({ ...first, id: 'commit-first-touch-2', metric: 'First touch, second line', target: 24 });
    const aggregator = new ReviewAggregator(agreement, { from: '2026-11-01', to: '2026-11-30' }, calendar, dayStart);
    touchAt.forEach((touch, index) => aggregator.add(lead(`L${index}`, { mqlAt: mql, firstTouchAt: touch, acceptedAt: touch })));
    const result = aggregator.result();
    const touches = result.commitments.filter((entry) => entry.kind === 'first-touch');
    // Expected, counted here: hours within each target.
    const within = (limit: number) => touchAfter.filter((hours) => hours <= limit).length;
    expect(touches.map((entry) => entry.figures.within)).toEqual([within(first.target!), within(24)]);
    expect(touches[1]!.actual).toMatch(new RegExp(`^${(within(24) / 4) * 100} % within 24 business hours`));
    expect(touches[1]!.missedLeads).toEqual(['L3']);
  });

  it('gives no data, naming the missing half, when only one column of a pair is mapped', () => {
    const all = ['id', 'mqlAt', 'firstTouchAt', 'acceptedAt', 'rejectedAt', 'sqlAt', 'sqlAcceptedAt', 'sqlReturnedAt'] as const;
    const run = (mapped: readonly (typeof all)[number][]) => {
      const aggregator = new ReviewAggregator(build(), { from: '2026-11-01', to: '2026-11-30' }, calendar, dayStart, { mapped });
      // Half accepted, half rejected (the rejected ones have no Accepted date): all decided within an hour.
      for (let index = 0; index < 10; index += 1) aggregator.add(lead(`L${index}`, { mqlAt: mql, acceptedAt: index % 2 ? at('2026-11-16T10:00:00+01:00') : null, rejectedAt: index % 2 ? null : at('2026-11-16T10:00:00+01:00'), sqlAt: mql, sqlAcceptedAt: index % 2 ? at('2026-11-16T10:00:00+01:00') : null, sqlReturnedAt: index % 2 ? null : at('2026-11-16T10:00:00+01:00') }));
      return aggregator.result().commitments;
    };
    const acceptOnly = run(all.filter((field) => field !== 'rejectedAt' && field !== 'sqlReturnedAt'));
    expect(acceptOnly.find((entry) => entry.kind === 'accept-reject')).toMatchObject({ state: 'no-data', noData: 'map the Rejected date column too: a rejected lead looks undecided without it' });
    expect(acceptOnly.find((entry) => entry.kind === 'sql-accept')).toMatchObject({ state: 'no-data', noData: 'map the SQL returned date column too: a returned SQL looks unanswered without it' });
    const rejectOnly = run(all.filter((field) => field !== 'acceptedAt' && field !== 'sqlAcceptedAt'));
    expect(rejectOnly.find((entry) => entry.kind === 'accept-reject')!.noData).toMatch(/^map the Accepted date column too/);
    expect(rejectOnly.find((entry) => entry.kind === 'sql-accept')!.noData).toMatch(/^map the SQL accepted date column too/);
    // Both mapped: every decision within the hour, 10 of 10.
    expect(run(all).find((entry) => entry.kind === 'accept-reject')!.figures).toMatchObject({ measured: 10, within: 10 });
  });
});

describe('SLA review: outcome values and required fields the mapping gets wrong (issue 12, review audit)', () => {
  const build = () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.calendar = calendar;
    return agreement;
  };
  // A German Excel export: semicolons, outcome "Gewonnen" / "Verloren" / "Storniert" (the last one not in the mapping).
  const outcomes = ['Gewonnen', 'Verloren', 'Storniert', 'Storniert', 'Gewonnen', '', 'Verloren', 'Storniert'];
  const csv = ['Lead-ID;MQL-Datum;Opportunity;Ergebnis;Abschluss', ...outcomes.map((outcome, index) => `L${index};17.11.2026 10:00;18.11.2026 10:00;${outcome};${outcome ? '20.11.2026 10:00' : ''}`)].join('\r\n');
  const columns = { id: 'Lead-ID', mqlAt: 'MQL-Datum', opportunityAt: 'Opportunity', outcome: 'Ergebnis', closedAt: 'Abschluss' };
  async function run(won: string[], lost: string[], requiredFields?: Record<string, string>) {
    const { runReview } = await import('../../../../shared/engines/review/run-review');
    const { parseReviewMapping } = await import('../../../../shared/engines/review/mapping');
    return runReview({ agreement: build(), mapping: parseReviewMapping({ version: 1, columns, won, lost, ...(requiredFields ? { requiredFields } : {}) }), chunks: chunksOf(csv), from: '2026-11-01', to: '2026-11-30' });
  }

  it('counts outcome values that are neither won nor lost as a data problem naming them, and gives no win rate over them', async () => {
    const result = await run(['Gewonnen'], ['Verloren']);
    const unknown = outcomes.filter((outcome) => outcome !== '' && outcome !== 'Gewonnen' && outcome !== 'Verloren').length;
    expect(result.problems).toContainEqual(expect.objectContaining({ problem: expect.stringContaining('“Storniert” in Ergebnis is neither won nor lost'), count: unknown }));
    expect(result.conversion.find((step) => step.step === 'Opportunity → won')).toMatchObject({ state: 'no-data', actual: null, noData: `${unknown} values “Storniert” in Ergebnis are neither won nor lost` });
  });

  it('gives no win rate and no MQL → won when the mapping lists no lost (or no won) values', async () => {
    for (const [won, lost, missing] of [[['Gewonnen'], [], 'lost'], [[], ['Verloren'], 'won']] as const) {
      const result = await run([...won], [...lost]);
      for (const name of ['Opportunity → won', 'MQL → won']) expect(result.conversion.find((step) => step.step === name)).toMatchObject({ state: 'no-data', actual: null });
      expect(result.conversion.find((step) => step.step === 'MQL → won')!.noData).toContain(`no outcome value for ${missing}`);
    }
  });

  it('refuses a required field the agreement’s handoffs do not name, listing the known ones', async () => {
    const known = build().handoffs.flatMap((handoff) => handoff.requiredFields);
    await expect(run(['Gewonnen'], ['Verloren'], { Compnay: 'Firma' })).rejects.toThrow(/“Compnay”, not a required field of the agreement's handoffs; the known fields are: .*Company/);
    expect(known).toContain('Company');
  });
});

describe('SLA review: coverage clips both ends, every covered week shows, a period past the export says so (issue 12, review audit)', () => {
  const build = () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.calendar = calendar;
    return agreement;
  };
  const run = (from: string, to: string, days: string[]) => {
    const aggregator = new ReviewAggregator(build(), { from, to }, calendar, dayStart);
    days.forEach((day, index) => aggregator.add(lead(`L${index}`, { createdAt: at(`${day}T09:00:00+01:00`), mqlAt: at(`${day}T10:00:00+01:00`) })));
    return aggregator.result();
  };
  // MQLs from Thursday 2026-10-29 on, none in the week of 2026-11-16, the last on 2026-11-27.
  const days = ['2026-10-29', '2026-10-30', '2026-11-02', '2026-11-04', '2026-11-10', '2026-11-12', '2026-11-24', '2026-11-27'];

  it('divides volume by the days the export covers when the period starts before it', () => {
    const result = run('2026-10-01', '2026-11-30', days);
    const covered = (Date.parse('2026-11-27') - Date.parse('2026-10-29')) / 86_400_000 + 1;
    expect(result.coverage).toMatchObject({ periodDays: 61, coveredDays: covered, exportFirstDate: '2026-10-29', exportLastDate: '2026-11-27' });
    const volume = result.commitments.find((entry) => entry.kind === 'mql-volume')!;
    expect(volume.figures).toMatchObject({ count: days.length, days: covered });
    expect(volume.actual).toContain('the export starts on 29 Oct 2026 and ends on 27 Nov 2026');
  });

  it('lists every covered week, a week without MQLs as 0, and measures a covered period with no MQL as 0', () => {
    const result = run('2026-11-01', '2026-11-30', days);
    expect(result.weekly.map((week) => [week.week, week.mqls])).toEqual([['2026-10-26', 0], ['2026-11-02', 2], ['2026-11-09', 2], ['2026-11-16', 0], ['2026-11-23', 2]]);
    const quiet = run('2026-11-16', '2026-11-22', days);
    expect(quiet.commitments.find((entry) => entry.kind === 'mql-volume')).toMatchObject({ state: 'missed', noData: null, figures: { count: 0, actual: 0 } });
  });

  it('says the export ends before a period entirely after it, for every figure', () => {
    const result = run('2027-03-01', '2027-03-31', days);
    const reason = 'the export ends 27 Nov 2026, before this period';
    for (const entry of result.commitments) expect(entry).toMatchObject({ state: 'no-data', noData: reason });
    for (const step of result.conversion) expect(step.noData).toBe(reason);
  });
});

describe('SLA review: one row per lead', () => {
  it('counts a lead once when an activity-style export repeats it, and says so with the lines (German Excel)', async () => {
    const { runReview } = await import('../../../../shared/engines/review/run-review');
    const { parseReviewMapping } = await import('../../../../shared/engines/review/mapping');
    // An activity export: one row per touch, so a lead appears once per activity.
    const activities = [
      ['L1', '16.11.2026 09:30', '16.11.2026 10:00'],
      ['L1', '16.11.2026 09:30', '17.11.2026 11:00'],
      ['L2', '16.11.2026 11:00', '19.11.2026 11:00'],
      ['L3', '17.11.2026 09:15', '17.11.2026 09:45'],
      ['L1', '16.11.2026 09:30', '18.11.2026 08:00'],
      ['L3', '17.11.2026 09:15', '20.11.2026 15:00'],
    ];
    const csv = `Lead-ID;MQL-Datum;Erstkontakt\r\n${activities.map((row) => row.join(';')).join('\r\n')}\r\n`;
    const built = findTemplate('b2b-saas-mid-market')!.build();
    built.calendar = calendar;
    const result = await runReview({ agreement: built, mapping: parseReviewMapping({ version: 1, columns: { id: 'Lead-ID', mqlAt: 'MQL-Datum', firstTouchAt: 'Erstkontakt' }, won: [], lost: [] }), chunks: chunksOf(csv), from: '2026-11-01', to: '2026-11-30' });
    const distinct = new Set(activities.map((row) => row[0]));
    expect(result.leads).toBe(distinct.size);
    expect(result.mqls).toBe(distinct.size);
    const repeats = result.problems.find((entry) => entry.problem.startsWith('Rows that repeat a lead id already read'))!;
    expect(repeats.count).toBe(activities.length - distinct.size);
    // Lines of the file (the header is line 1): L1 again on 3 and 6, L3 again on 7.
    expect(repeats.examples).toEqual(['line 3: L1', 'line 6: L1', 'line 7: L3']);
    // The first row of each lead is the one measured: L1 touched 30 minutes after its MQL, not a day later.
    const touch = result.commitments.find((entry) => entry.kind === 'first-touch')!;
    expect(touch.figures).toMatchObject({ measured: 3 });
  });
});

describe('the lead ids seen (a hash set in typed arrays)', () => {
  it('answers "seen before" exactly as a Set of the ids does, over many ids (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { SeenIds } = await import('../../../../shared/engines/review/seen-ids');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 5000 }).map((n) => `L${String(n).padStart(7, '0')}`)), { maxLength: 3000 }), (ids) => {
        const seen = new SeenIds();
        const plain = new Set<string>();
        return ids.every((id) => {
          const expected = plain.has(id);
          plain.add(id);
          return seen.add(id) === expected;
        });
      }),
      { numRuns: 200 },
    );
  });
});


describe('SLA review: each commitment in its own unit', () => {
  it('judges a first touch in clock hours by the clock, whatever the working calendar says (the calendar is not in its content)', async () => {
    const { runReview } = await import('../../../../shared/engines/review/run-review');
    const { parseReviewMapping } = await import('../../../../shared/engines/review/mapping');
    // MQL and first touch (German Excel, Europe/Berlin): 30 min, 3 h, 5 h, 20 h after the MQL.
    const rows = [
      ['L1', '16.11.2026 09:00', '16.11.2026 09:30'],
      ['L2', '16.11.2026 17:00', '16.11.2026 20:00'],
      ['L3', '17.11.2026 22:00', '18.11.2026 03:00'],
      ['L4', '18.11.2026 10:00', '19.11.2026 06:00'],
    ];
    const csv = `Lead-ID;MQL-Datum;Erstkontakt\r\n${rows.map((row) => row.join(';')).join('\r\n')}\r\n`;
    const within4ClockHours = rows.filter((row) => {
      const at = (text: string) => Date.UTC(Number(text.slice(6, 10)), Number(text.slice(3, 5)) - 1, Number(text.slice(0, 2)), Number(text.slice(11, 13)), Number(text.slice(14, 16)));
      return (at(row[2]!) - at(row[1]!)) / 3_600_000 <= 4;
    }).length;
    const review = async (workingDays: number[], start: string, end: string) => {
      const built = findTemplate('b2b-saas-mid-market')!.build();
      built.calendar = { ...calendar, workingDays, start, end };
      built.commitments = built.commitments.map((commitment) => (commitment.kind === 'first-touch' ? { ...commitment, unit: 'hours' as const, target: 4 } : commitment));
      const result = await runReview({ agreement: built, mapping: parseReviewMapping({ version: 1, columns: { id: 'Lead-ID', mqlAt: 'MQL-Datum', firstTouchAt: 'Erstkontakt' }, won: [], lost: [] }), chunks: chunksOf(csv), from: '2026-11-01', to: '2026-11-30' });
      return result.commitments.find((entry) => entry.kind === 'first-touch')!;
    };
    const weekdays = await review([1, 2, 3, 4, 5], '09:00', '18:00');
    const sundayMinute = await review([7], '09:00', '09:01');
    expect(weekdays.figures).toMatchObject({ measured: rows.length, within: within4ClockHours });
    expect(sundayMinute.figures).toMatchObject({ measured: rows.length, within: within4ClockHours });
    expect(weekdays.actual.startsWith(`${Math.round((within4ClockHours / rows.length) * 100)} % within 4 hours`)).toBe(true);
    expect(weekdays.target).toBe('4 hours, for 90 % of MQLs');
  });
});
