import { describe, expect, it } from 'vitest';
import type { CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { changePointsEdit, removeRuleEdit, rulesFingerprint, sweepAgainstPlan, sweepBoundary, thresholdEdit } from '../../../../shared/engines/calibration/decision';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { agreedConsensus } from '../../../../shared/model/consensus';
import { produce } from 'immer';
import { chunksOf, industryAgreement as baseAgreement } from './industry-agreement';

/** Industry = Software is worth 50 fit points; grade B (the MQL rule) from 50; every engagement level counts. */
function industryAgreement() {
  const agreement = baseAgreement();
  agreement.scoring.fitThresholds = { A: 75, B: 50, C: 25 };
  agreement.scoring.mqlRule = { minFitGrade: 'B', minEngagement: 1, fastTrackQualifies: true };
  return agreement;
}

// A German Excel export: semicolons, DD.MM.YYYY; March to August 2025 (6 months), with April empty.
const mapping: CalibrationMapping = { version: 1, emptyValues: [], attributes: { industry: { column: 'Branche' } }, signals: {}, outcome: { column: 'Gewonnen', success: ['ja'], failure: ['nein'] }, date: { column: 'Erstellt am' } };
const months = ['03', '05', '06', '07', '08'];

describe('from a calibration result to a decision', () => {
  it('sets the sweep against the plan: MQLs a month over the months the export spans, the plan’s need from the funnel, the threshold now', async () => {
    const rows = Array.from({ length: 300 }, (_, index) => ({ industry: index % 3 === 0 ? 'Software' : 'Retail', won: index % 5 === 0, date: `${String((index % 27) + 1).padStart(2, '0')}.${months[index % months.length]}.2025` }));
    const text = ['Branche;Gewonnen;Erstellt am', ...rows.map((row) => `${row.industry};${row.won ? 'ja' : 'nein'};${row.date}`)].join('\r\n');
    const agreement = industryAgreement();
    agreement.revenuePlan.salesCycleDays = 0;
    const result = await runCalibration({ agreement, mapping, chunks: chunksOf(text), asOf: '2025-12-31' });
    const against = sweepAgainstPlan(result, agreement, 'fit');
    // March to August: 6 months, April without a lead included.
    expect(against.months).toBe(6);
    expect(against.undated).toBe(0);
    const software = rows.filter((row) => row.industry === 'Software').length;
    const at50 = against.points.find((point) => point.threshold === 50)!;
    expect(at50.mqls).toBe(software);
    expect(at50.mqlsPerMonth).toBeCloseTo(software / 6, 9);
    expect(against.points.find((point) => point.threshold === 55)).toMatchObject({ mqls: 0, mqlsPerMonth: 0, conversion: null });
    // The plan: deals ÷ (win × SQL→opp × SAL→SQL × MQL→SAL) in its period, a month = period ÷ (weeks ÷ 52/12).
    const plan = agreement.revenuePlan;
    const perPeriod = plan.revenueTarget! / plan.averageDealSize! / ((plan.winRate! / 100) * (plan.sqlToOpportunity! / 100) * (plan.salToSql! / 100) * (plan.mqlToSal! / 100));
    expect(against.plan).toMatchObject({ ok: true, periodWeeks: plan.periodWeeks });
    if (!against.plan.ok) throw new Error('no plan');
    expect(against.plan.perPeriod).toBeCloseTo(perPeriod, 6);
    expect(against.plan.perMonth).toBeCloseTo(perPeriod / (plan.periodWeeks! / (52 / 12)), 6);
    expect(against.boundary).toMatchObject({ name: 'fit grade B', current: 50, fixed: null, above: 25, below: 75 });

    // No date column: no figure a month (not 0), and the reason.
    const undated = await runCalibration({ agreement, mapping: { ...mapping, date: null }, chunks: chunksOf(text), asOf: '2025-12-31' });
    const without = sweepAgainstPlan(undated, agreement, 'fit');
    expect(without.months).toBeNull();
    expect(without.points.every((point) => point.mqlsPerMonth === null)).toBe(true);
    // An incomplete plan: the reason, not a need of 0.
    agreement.revenuePlan.winRate = null;
    expect(sweepAgainstPlan(result, agreement, 'fit').plan).toEqual({ ok: false, reason: 'The revenue plan is incomplete (part 2), so there is no MQL need to compare with.' });
  });

  it('“Use this threshold” moves the MQL rule’s own threshold, within the grades’ order, and says why not otherwise', () => {
    const agreement = industryAgreement();
    const use = thresholdEdit(agreement, 'fit', 60);
    if (!use.ok) throw new Error(use.reason);
    expect(use.edit.text).toBe('Fit grade B starts at a fit score of 60 (was 50)');
    expect(use.edit.items).toEqual([{ section: 'scoring', id: 'thresholds' }]);
    expect(produce(agreement, use.edit.recipe).scoring.fitThresholds).toEqual({ A: 75, B: 60, C: 25 });
    expect(thresholdEdit(agreement, 'fit', 75)).toEqual({ ok: false, reason: 'Fit grade A starts at 75: fit grade B must start below it. Change the grades in part 7 first.' });
    expect(thresholdEdit(agreement, 'fit', 25)).toEqual({ ok: false, reason: 'Fit grade C starts at 25: fit grade B must start above it. Change the grades in part 7 first.' });
    expect(thresholdEdit(agreement, 'fit', 50)).toEqual({ ok: false, reason: 'Fit grade B starts at 50 already.' });
    // Every engagement level counts: there is no engagement threshold to move.
    expect(sweepBoundary(agreement, 'engagement')).toMatchObject({ current: 0, fixed: expect.stringContaining('there is no engagement threshold to move') });
    expect(thresholdEdit(agreement, 'engagement', 30).ok).toBe(false);
    const engaged = industryAgreement();
    engaged.scoring.mqlRule.minEngagement = 3;
    const level = thresholdEdit(engaged, 'engagement', 60);
    if (!level.ok) throw new Error(level.reason);
    expect(produce(engaged, level.edit.recipe).scoring.engagementThresholds).toEqual({ ...engaged.scoring.engagementThresholds, 3: 60 });
  });

  it('Remove and Change points find the agreement’s item behind a calibrated rule; the fingerprint follows the rules, not the positions', () => {
    const agreement = industryAgreement();
    const rule = { id: 'icp-industry', kind: 'icp' as const, label: agreement.icp[0]!.label };
    const removal = removeRuleEdit(agreement, rule);
    if (!removal.ok) throw new Error(removal.reason);
    const removed = produce(agreement, removal.edit.recipe);
    expect(removed.icp).toEqual([]);
    expect(removeRuleEdit(removed, rule)).toEqual({ ok: false, reason: `“${rule.label}” is no longer in the agreement.` });
    const change = changePointsEdit(agreement, rule, 30);
    if (!change.ok) throw new Error(change.reason);
    const changed = produce(agreement, change.edit.recipe);
    expect(changed.icp[0]!.points).toBe(30);
    expect(changePointsEdit(agreement, rule, 50)).toMatchObject({ ok: false });
    const mustHave = produce(agreement, (draft) => void (draft.icp[0]!.effect = 'must-have'));
    expect(changePointsEdit(mustHave, rule, 30)).toMatchObject({ ok: false, reason: expect.stringContaining('has no points') });
    // Signals are found by their key (what the calibration names them by).
    const withSignal = produce(agreement, (draft) => void draft.engagement.signals.push({ id: 'signal-1', key: 'webinar', name: 'Webinar attended', points: 10, cap: null, consensus: agreedConsensus() }));
    const signal = changePointsEdit(withSignal, { id: 'webinar', kind: 'signal', label: 'Webinar attended' }, 20);
    if (!signal.ok) throw new Error(signal.reason);
    expect(produce(withSignal, signal.edit.recipe).engagement.signals[0]!.points).toBe(20);

    expect(rulesFingerprint(changed)).not.toBe(rulesFingerprint(agreement));
    expect(rulesFingerprint(removed)).not.toBe(rulesFingerprint(agreement));
    expect(rulesFingerprint(produce(agreement, (draft) => void (draft.icp[0]!.consensus = agreedConsensus())))).toBe(rulesFingerprint(agreement));
    expect(rulesFingerprint(produce(agreement, (draft) => void (draft.workshop.title = 'Another title')))).toBe(rulesFingerprint(agreement));
  });
});
