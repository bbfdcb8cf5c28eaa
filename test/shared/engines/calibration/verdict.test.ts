import { describe, expect, it } from 'vitest';
import { calibrationFacts } from '../../../../shared/engines/calibration/calibrate';
import type { CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { calibrationSummary, runCalibration } from '../../../../shared/engines/calibration/run';
import { ruleVerdict } from '../../../../shared/engines/calibration/verdict';
import { chunksOf, industryAgreement } from './industry-agreement';

const mapping: CalibrationMapping = { version: 1, emptyValues: [], attributes: { industry: { column: 'Industry' } }, signals: {}, outcome: { column: 'Won', success: ['yes'], failure: ['no'] } };

describe('one verdict rule for the screen, the document and the CLI', () => {
  it('a rule whose “without” side never converted predicts success everywhere', async () => {
    // 40 Software leads, 10 won; 40 Retail leads, none won.
    const rows = [...Array.from({ length: 40 }, (_, index) => `Software,${index < 10 ? 'yes' : 'no'}`), ...Array.from({ length: 40 }, () => 'Retail,no')];
    const result = await runCalibration({ agreement: industryAgreement(), mapping, chunks: chunksOf(['Industry,Won', ...rows].join('\n')), asOf: '2026-11-23' });
    const label = industryAgreement().icp[0]!.label;
    // Independently: 10/40 with, 0/40 without; any conversion over none is better.
    const industry = result.rules.find((rule) => rule.id === 'icp-industry')!;
    expect([industry.with, industry.without]).toEqual([
      { count: 40, positives: 10 },
      { count: 40, positives: 0 },
    ]);
    expect(ruleVerdict(industry.with, industry.without)).toBe('predicts');
    expect(calibrationFacts(result, { leads: 'leads.csv', accounts: null }).find(([name]) => name === 'Rules that predict success')![1]).toBe(label);
    expect(calibrationSummary(result).rules.find((rule) => rule.id === 'icp-industry')).toMatchObject({ leadsWith: 40, conversionWith: 0.25, leadsWithout: 40, conversionWithout: 0, verdict: 'predicts', verdictLabel: 'Predicts success' });
  });

  it.each([
    [{ count: 29, positives: 20 }, { count: 100, positives: 1 }, 'too-few'],
    [{ count: 30, positives: 0 }, { count: 30, positives: 0 }, 'no-difference'],
    [{ count: 100, positives: 23 }, { count: 100, positives: 20 }, 'predicts'],
    [{ count: 100, positives: 22 }, { count: 100, positives: 20 }, 'no-difference'],
    [{ count: 100, positives: 17 }, { count: 100, positives: 20 }, 'against'],
    [{ count: 40, positives: 0 }, { count: 40, positives: 8 }, 'against'],
  ] as const)('with %o and without %o: %s', (withRule, withoutRule, verdict) => {
    expect(ruleVerdict(withRule, withoutRule)).toBe(verdict);
  });
});

describe('no MQL is no data, not 0 %', () => {
  it('precision and lift over no MQL are null in the summary and "no data" in the document', async () => {
    // Nobody is in Software, so nobody reaches the fit the MQL rule needs.
    const rows = Array.from({ length: 40 }, (_, index) => `Retail,${index < 10 ? 'yes' : 'no'}`);
    const result = await runCalibration({ agreement: industryAgreement(), mapping, chunks: chunksOf(['Industry,Won', ...rows].join('\n')), asOf: '2026-11-23' });
    expect(result.mqls).toBe(0);
    expect(calibrationSummary(result)).toMatchObject({ mqls: 0, precision: null, lift: null, baseRate: 0.25 });
    const facts = Object.fromEntries(calibrationFacts(result, { leads: 'leads.csv', accounts: null }));
    expect(facts['Precision (MQL conversion)']).toBe('no data: no lead is an MQL by the agreed rule');
    expect(facts['Lift over the base rate']).toBe('no data: no MQL');
  });
});
