import { describe, expect, it } from 'vitest';
import { capacityCheck, computeFunnel, planVolumeTarget, type FunnelInputs } from '../../../shared/model/funnel';
import { findTemplate } from '../../../shared/templates/templates';

const base: FunnelInputs = {
  revenueTarget: 1_000_000,
  averageDealSize: 20_000,
  winRate: 25,
  leadToMql: 10,
  mqlToSal: 50,
  salToSql: 50,
  sqlToOpportunity: 80,
  periodWeeks: 13,
  salesCycleDays: 60,
  sdrHeadcount: 2,
  leadsPerSdrPerWeek: 20,
  stageDays: { inquiry: 30, mql: 2, sal: 10, sql: 5 },
};

function need(result: ReturnType<typeof computeFunnel>, level: string) {
  if (!result.ok) throw new Error('funnel failed');
  return result.levels.find((entry) => entry.level === level)!;
}

describe('reverse funnel', () => {
  const result = computeFunnel(base);
  it('1,000,000 / 20,000 = 50 deals; / 25 % win = 200 opportunities', () => {
    expect(need(result, 'deals').perPeriod).toBe(50);
    expect(need(result, 'opportunities').perPeriod).toBe(200);
  });
  it('200 opportunities / 80 % = 250 SQLs; / 50 % = 500 SALs; / 50 % = 1,000 MQLs; / 10 % = 10,000 leads', () => {
    expect(need(result, 'sqls').perPeriod).toBe(250);
    expect(need(result, 'sals').perPeriod).toBe(500);
    expect(need(result, 'mqls').perPeriod).toBe(1000);
    expect(need(result, 'leads').perPeriod).toBeCloseTo(10_000, 6);
  });
  it('1,000 MQLs over 13 weeks = 76.92 a week; 13 weeks = 3 months (52/12 weeks each) → 333.3 a month', () => {
    expect(need(result, 'mqls').perWeek).toBeCloseTo(76.923, 3);
    expect(need(result, 'mqls').perMonth).toBeCloseTo(333.333, 3);
  });
  it('shifts each level earlier: opportunities by the 60-day cycle, SQLs 60+5, SALs 60+5+10, MQLs 60+5+10+2, leads +30', () => {
    expect(result.ok && result.levels.map((entry) => entry.leadTimeDays)).toEqual([0, 60, 65, 75, 77, 107]);
  });
  it('capacity: 76.9 MQLs a week against 2 SDRs × 20 = 40 → over (192 %), 4 SDRs needed', () => {
    expect(result.ok && result.capacity).toMatchObject({ status: 'over', capacityPerWeek: 40, sdrsNeeded: 4 });
    expect(result.ok && result.capacity.message).toContain('192 % of capacity');
    expect(result.ok && result.capacity.message).toContain('Add 2 SDRs');
  });
  it('capacity: 55 of 60 is tight (92 %); 30 of 60 is ok (50 %)', () => {
    expect(capacityCheck(55, 4, 15, 6).status).toBe('tight');
    expect(capacityCheck(55, 4, 15, 6).message).toContain('at 6 attempts per lead');
    expect(capacityCheck(30, 4, 15, null)).toMatchObject({ status: 'ok', utilisation: 0.5 });
  });
  it('capacity with no SDRs says so, without Infinity', () => {
    const check = capacityCheck(10, 0, 20, null);
    expect(check).toMatchObject({ status: 'over', utilisation: null, sdrsNeeded: 1 });
    expect(check.message).not.toMatch(/Infinity|NaN/);
  });
});

describe('funnel inputs that cannot work', () => {
  it.each([
    ['winRate', 0, 'A win rate of 0 % or less means nothing ever converts; enter a rate above 0 %.'],
    ['leadToMql', 120, 'A lead → MQL rate cannot be above 100 %.'],
    ['revenueTarget', -5, 'The revenue target must be more than 0.'],
    ['averageDealSize', null, 'Enter the average deal size.'],
    ['periodWeeks', 2.5, 'The period is a whole number of weeks, from 1 to 104.'],
    ['salesCycleDays', -1, 'The sales cycle cannot be negative.'],
    ['leadsPerSdrPerWeek', 0, 'One SDR must be able to work more than 0 leads a week.'],
  ] as const)('%s = %s → "%s"', (field, value, message) => {
    const result = computeFunnel({ ...base, [field]: value });
    expect(result).toEqual({ ok: false, errors: { [field]: message } });
  });
  it('reports every wrong field at once, never a number', () => {
    const result = computeFunnel({ ...base, winRate: null, mqlToSal: 0, revenueTarget: null });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['mqlToSal', 'revenueTarget', 'winRate']);
  });
});

describe("marketing's volume target comes from the plan", () => {
  it('B2B SaaS template: 714.3 MQLs a quarter = 238.1 a month → 239', () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    // 1.2 m / 24 k = 50 deals; /25 % = 200 opps; /80 % = 250 SQL; /50 % = 500 SAL; /70 % = 714.29 MQL; 13 weeks = 3 months
    expect(planVolumeTarget(agreement, { window: 'per-month' })).toEqual({ value: 239, unit: 'MQLs' });
    expect(planVolumeTarget(agreement, { window: 'per-week' })).toEqual({ value: 55, unit: 'MQLs' });
  });
  it('follows the plan: doubling the revenue target doubles it; SAO as headline KPI counts opportunities', () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.revenuePlan.revenueTarget = 2_400_000;
    expect(planVolumeTarget(agreement, { window: 'per-period' })).toEqual({ value: 1429, unit: 'MQLs' });
    agreement.revenuePlan.headlineKpi = 'sales-accepted-opportunities';
    expect(planVolumeTarget(agreement, { window: 'per-period' })).toEqual({ value: 400, unit: 'sales-accepted opportunities' });
  });
  it('is null while the plan is incomplete', () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.revenuePlan.winRate = null;
    expect(planVolumeTarget(agreement, { window: 'per-month' })).toBeNull();
  });
});
