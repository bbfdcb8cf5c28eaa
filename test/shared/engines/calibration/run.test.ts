import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMapping, MappingError, type CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { calibrationSummary, readAccounts, runCalibration } from '../../../../shared/engines/calibration/run';
import { InputError } from '../../../../shared/engines/csv/stream';
import { calibrationSamples } from '../../../../shared/templates/samples';
import { findTemplate } from '../../../../shared/templates/templates';
import { hasSharedData, sharedDataDir } from '../../../support/shared-data';

async function* chunksOf(text: string, size = 64 * 1024) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const sample = (id: string) => calibrationSamples.find((entry) => entry.id === id)!;

/** A tiny agreement: one criterion (industry = Software, 50 points), one signal (demo, 60 points); MQL at fit ≥ B(50) and engagement ≥ 2(25). */
function tinyAgreement() {
  const agreement = findTemplate('b2b-saas-mid-market')!.build();
  agreement.icp = agreement.icp.filter((criterion) => criterion.id === 'icp-industry').map((criterion) => ({ ...criterion, points: 50 }));
  agreement.buyingCommittee.cells = agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 }));
  agreement.engagement.signals = agreement.engagement.signals.filter((signal) => signal.key === 'demoRequest').map((signal) => ({ ...signal, points: 60, cap: 60 }));
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay.mode = 'none';
  return agreement;
}
const tinyMapping: CalibrationMapping = { version: 1, emptyValues: ['N/A'], attributes: { industry: { column: 'Industry' } }, signals: { demoRequest: { column: 'Demo' } }, outcome: { column: 'Won', success: ['yes'], failure: ['no'] } };

describe('calibration statistics', () => {
  it('match a small case computed by hand', async () => {
    // 8 leads. MQLs (Software and a demo): rows 1, 2, 3 → 2 won. Successes overall: rows 1, 2, 5, 7 → 4 of 8.
    const csv = ['Industry,Demo,Won', 'Software,1,yes', 'software,2,yes', 'Software,1,no', 'Retail,1,no', 'Retail,0,yes', 'N/A,1,no', 'Software,0,yes', 'Mining,0,no'].join('\n');
    const result = await runCalibration({ agreement: tinyAgreement(), mapping: tinyMapping, chunks: chunksOf(csv, 7), asOf: '2026-11-23' });
    expect(calibrationSummary(result)).toMatchObject({ rows: 8, skipped: 0, positives: 4, baseRate: 0.5, mqls: 3, truePositives: 2, precision: 2 / 3, recall: 0.5, lift: 4 / 3 });
    expect(result.grades.B3).toEqual({ count: 3, positives: 2 });
    const industry = result.rules.find((rule) => rule.id === 'icp-industry')!;
    expect(industry.with).toEqual({ count: 4, positives: 3 });
    expect(industry.without).toEqual({ count: 4, positives: 1 });
    const demo = result.rules.find((rule) => rule.id === 'demoRequest')!;
    expect(demo.with).toEqual({ count: 5, positives: 2 });
    // Fit sweep (engagement rule kept): at threshold 0 every lead with a demo is an MQL (5, 2 won); at 55 none.
    expect(result.sweep.fit.find((point) => point.threshold === 0)).toMatchObject({ mqls: 5, conversion: 0.4, recall: 0.5 });
    expect(result.sweep.fit.find((point) => point.threshold === 50)).toMatchObject({ mqls: 3, recall: 0.5 });
    expect(result.sweep.fit.find((point) => point.threshold === 55)).toMatchObject({ mqls: 0, conversion: 0, recall: 0 });
  });

  it('counts unreadable rows with their reason and first line instead of dropping them', async () => {
    const csv = 'Industry,Demo,Won\nSoftware,1,yes\nRetail,1\nSoftware,1,maybe\nRetail,0,no\n\nSoftware,0,,extra\n';
    const result = await runCalibration({ agreement: tinyAgreement(), mapping: tinyMapping, chunks: chunksOf(csv), asOf: '2026-11-23' });
    expect(result.rows).toBe(5);
    expect(result.scored).toBe(2);
    expect(result.skipped.reasons).toEqual([
      { reason: '2 fields where the header has 3', count: 1, firstLine: 3 },
      { reason: 'outcome “maybe” is neither success nor failure', count: 1, firstLine: 4 },
      { reason: '4 fields where the header has 3', count: 1, firstLine: 7 },
    ]);
  });

  it.each([
    ['an empty file', '', InputError, 'The export is empty.'],
    ['binary garbage', 'PK\u0003\u0004\u0000\u0000\u0001\u0002garbage', InputError, 'The export is not a text CSV file (it looks like binary data).'],
    ['a header only', 'Industry,Demo,Won\n', InputError, 'The export has a header but no rows.'],
    ['a missing outcome column', 'Industry,Demo\nSoftware,1\n', MappingError, 'The outcome reads the column “Won”, which is not in the export.'],
    ['an outcome with no usable values', 'Industry,Demo,Won\nSoftware,1,\nRetail,0,\n', InputError, /^No row of The export could be used: 2 rows: no outcome value \(first on line 2\)/],
    ['no success at all', 'Industry,Demo,Won\nSoftware,1,no\n', InputError, 'The outcome column “Won” has no value meaning success (yes) in The export: choose the values that mean a lead converted.'],
  ])('refuses %s with a clear message', async (_label, csv, type, message) => {
    const run = runCalibration({ agreement: tinyAgreement(), mapping: tinyMapping, chunks: chunksOf(csv), asOf: '2026-11-23' });
    await expect(run).rejects.toBeInstanceOf(type);
    await expect(run).rejects.toThrow(message);
  });

  it('runs with a must-have attribute left unmapped and reports it as not mapped, not as a block', async () => {
    const agreement = tinyAgreement();
    agreement.icp.push({ ...findTemplate('b2b-saas-mid-market')!.build().icp.find((criterion) => criterion.id === 'icp-region')! });
    const result = await runCalibration({ agreement, mapping: tinyMapping, chunks: chunksOf('Industry,Demo,Won\nSoftware,1,yes\nRetail,0,no\n'), asOf: '2026-11-23' });
    expect(result.scored).toBe(2);
    expect(result.rules.find((rule) => rule.id === 'icp-region')).toMatchObject({ mapped: false, with: { count: 0, positives: 0 } });
    expect(result.rules.find((rule) => rule.id === 'icp-industry')).toMatchObject({ mapped: true });
  });

  it('reads and checks a mapping file', () => {
    expect(parseMapping(JSON.parse(JSON.stringify(tinyMapping)))).toMatchObject({ version: 1, outcome: { column: 'Won' } });
    expect(() => parseMapping({ version: 2 })).toThrow('The mapping is not valid: unknown version 2 (this Accord reads version 1).');
    expect(() => parseMapping({ version: 1, outcome: { column: 'Won', success: [] } })).toThrow('The mapping is not valid: say which outcome values mean success.');
  });

  it('keeps memory fixed: the result does not grow with the rows', async () => {
    const row = (index: number) => `${index % 3 === 0 ? 'Software' : 'Retail'},${index % 2},${index % 5 === 0 ? 'yes' : 'no'}`;
    const size = async (count: number) => {
      const csv = ['Industry,Demo,Won', ...Array.from({ length: count }, (_, index) => row(index))].join('\n');
      const result = await runCalibration({ agreement: tinyAgreement(), mapping: tinyMapping, chunks: chunksOf(csv), asOf: '2026-11-23' });
      return JSON.stringify({ ...result, rows: 0, scored: 0, positives: 0, mqls: 0, truePositives: 0 }).replace(/\d+(\.\d+)?(e-?\d+)?/g, '0').length;
    };
    expect(await size(20_000)).toBe(await size(20));
  });
});

describe.skipIf(!hasSharedData)('calibration on the real exports', () => {
  it('X Education: 3,561 of 9,240 leads converted', async () => {
    const { agreement, mapping } = sample('xeducation');
    const text = readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8');
    const result = await runCalibration({ agreement: agreement(), mapping, chunks: chunksOf(text), asOf: '2026-11-23' });
    expect(result).toMatchObject({ rows: 9240, scored: 9240, positives: 3561 });
    expect(result.baseRate).toBeCloseTo(3561 / 9240, 10);
    // The sample rules do better than chance.
    expect(result.lift).toBeGreaterThan(1.3);
  });

  it('CRM opportunities: 4,238 won of 6,711 closed, joined to the accounts', async () => {
    const { agreement, mapping } = sample('crm-opportunities');
    const text = readFileSync(join(sharedDataDir, 'crm-opportunities', 'sales_pipeline.csv'), 'utf8');
    const accounts = readAccounts(readFileSync(join(sharedDataDir, 'crm-opportunities', 'accounts.csv'), 'utf8'), 'account');
    const result = await runCalibration({ agreement: agreement(), mapping, accounts, chunks: chunksOf(text), asOf: '2026-11-23' });
    // The 6,711 closed deals, counting those younger than the 180-day sales cycle (left out by default, see recency.test.ts).
    expect(result.recency?.judged && result.recency.includingRecent).toMatchObject({ rows: 8800, scored: 6711, positives: 4238 });
    expect(result.skipped.reasons.map((reason) => [reason.reason, reason.count])).toEqual([
      ['outcome “Engaging” is neither success nor failure', 1589],
      ['outcome “Prospecting” is neither success nor failure', 500],
    ]);
    expect(result.months.length).toBeGreaterThan(6);
  });
});

describe('mapping suggestions', () => {
  it('suggests columns from names and values, the outcome and its success value, and values that count a signal', async () => {
    const { profileColumns, suggestMapping } = await import('../../../../shared/engines/calibration/suggest');
    const { parseCsvText } = await import('../../../../shared/engines/csv/csv');
    const csv = ['Lead ID,Branche,Employee Count,Last Activity,Demo Requested,Converted,Created Date', '1,Software,120,SMS Sent,1,1,2026-01-04', '2,Retail,40,Email Opened,0,0,2026-01-09', '3,Financial services,900,SMS Sent,0,0,2026-02-01'].join('\n');
    const { rows } = parseCsvText(csv);
    const agreement = tinyAgreement();
    agreement.icp.push({ ...agreement.icp[0]!, id: 'icp-size', attribute: 'employees', label: 'Size', match: { kind: 'range', min: 50, max: 1000 } });
    agreement.engagement.signals.push({ ...agreement.engagement.signals[0]!, key: 'lastSms', name: 'Last activity: SMS sent' });
    const model = (await import('../../../../shared/engines/scoring/scoring')).compileScoring(agreement, { asOf: '2026-11-23' });
    const mapping = suggestMapping(model, profileColumns(rows[0]!, rows.slice(1)));
    // "Branche" shares no word with "industry", but its values are the agreed industries.
    expect(mapping.attributes.industry).toEqual({ column: 'Branche' });
    expect(mapping.attributes.employees).toEqual({ column: 'Employee Count' });
    expect(mapping.signals.demoRequest).toEqual({ column: 'Demo Requested' });
    expect(mapping.signals.lastSms).toEqual({ column: 'Last Activity', equals: ['SMS Sent'] });
    expect(mapping.outcome).toEqual({ column: 'Converted', success: ['1'] });
    expect(mapping.date).toEqual({ column: 'Created Date' });
  });
});
