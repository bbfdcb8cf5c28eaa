import { describe, expect, it } from 'vitest';
import { calibrationFacts, dominantExclusion } from '../../../../shared/engines/calibration/calibrate';
import { defaultEmptyValues, parseMapping, type CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { decideDecimals, profileExport } from '../../../../shared/engines/calibration/profile';
import { calibrationSummary, runCalibration } from '../../../../shared/engines/calibration/run';
import { ruleVerdictOf } from '../../../../shared/engines/calibration/verdict';
import { readNumber } from '../../../../shared/engines/scoring/numbers';
import { findTemplate } from '../../../../shared/templates/templates';

async function* chunksOf(text: string, size = 4096) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

/** One criterion (industry = Software, 50 points), one signal (demo, 60 points per count, no cap); MQL at fit ≥ B(50) and engagement ≥ 2(25). */
function tinyAgreement() {
  const agreement = findTemplate('b2b-saas-mid-market')!.build();
  agreement.icp = agreement.icp.filter((criterion) => criterion.id === 'icp-industry').map((criterion) => ({ ...criterion, points: 50 }));
  agreement.buyingCommittee.cells = agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 }));
  agreement.engagement.signals = agreement.engagement.signals.filter((signal) => signal.key === 'demoRequest').map((signal) => ({ ...signal, points: 60, cap: null }));
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay.mode = 'none';
  return agreement;
}
const mappingOf = (extra: Partial<CalibrationMapping> = {}): CalibrationMapping => parseMapping({ version: 1, attributes: { industry: { column: 'Industry' } }, signals: { demoRequest: { column: 'Demo' } }, outcome: { column: 'Won', success: ['yes'], failure: ['no'] }, ...extra });

describe('numbers as locales write them', () => {
  it.each([
    ['German', '1.234,5', ',', 1234.5],
    ['German, no thousands', '2,5', ',', 2.5],
    ['German, millions', '1.234.567', ',', 1234567],
    ['French, narrow no-break space', '1\u202f234,5', ',', 1234.5],
    ['French, no-break space', '1\u00a0234,5', ',', 1234.5],
    ['English', '1,234.5', '.', 1234.5],
    ['Swiss', "1'234.5", '.', 1234.5],
    ['negative German', '-1.234,5', ',', -1234.5],
    ['exponent with a comma', '1,5E+03', ',', 1500],
  ] as const)('reads %s “%s”', (_label, text, decimal, expected) => {
    expect(readNumber(text, decimal)).toBe(expected);
  });

  it.each([
    ['1.234,5', '.'],
    ['2,5', '.'],
    ['1,234.5', ','],
    ['12,34,5', ','],
    ['1.23.4', ','],
    ['2,5 pages', ','],
    ['', ','],
  ] as const)('does not guess “%s” with “%s”', (text, decimal) => {
    expect(readNumber(text, decimal)).toBeNaN();
  });

  it('judges a column from all its values: 2,500 whole numbers first, then decimal commas', async () => {
    const demo = (index: number) => (index < 2500 ? String(index % 4) : `${index % 3},5`);
    const lines = ['Industry;Demo;Won', ...Array.from({ length: 3000 }, (_, index) => `${index % 2 ? 'Software' : 'Retail'};${demo(index)};${index % 5 === 0 ? 'yes' : 'no'}`)];
    const text = `${lines.join('\n')}\n`;
    expect(decideDecimals(await profileExport(chunksOf(text))).get('Demo')).toMatchObject({ decimal: ',', basis: 'column' });
    // The run, told nothing about the separator, reads the file again first and counts every decimal.
    const result = await runCalibration({ agreement: tinyAgreement(), mapping: mappingOf(), chunks: chunksOf(text), detectNumbersFrom: chunksOf(text), asOf: '2026-11-23' });
    let withDemo = 0;
    let mqls = 0;
    for (let index = 0; index < 3000; index += 1) {
      const count = index < 2500 ? index % 4 : (index % 3) + 0.5;
      if (count > 0) withDemo += 1;
      if (index % 2 === 1 && count * 60 >= 25) mqls += 1;
    }
    expect(result.rules.find((rule) => rule.id === 'demoRequest')!.with.count).toBe(withDemo);
    expect(result.mqls).toBe(mqls);
    expect(result.columns!.find((column) => column.column === 'Demo')).toMatchObject({ decimal: ',', notNumbers: 0 });
  });

  it('counts the values of a column that still are not numbers, per column, with examples', async () => {
    const demo = ['1', '2,5', 'n. v.', '3', 'zwei', 'n. v.', '', '-2', '0,5', 'n. v.'];
    const text = `Industry;Demo;Won\n${demo.map((value, index) => `Software;${value};${index % 2 ? 'yes' : 'no'}`).join('\n')}\n`;
    const result = await runCalibration({ agreement: tinyAgreement(), mapping: mappingOf(), chunks: chunksOf(text), detectNumbersFrom: chunksOf(text), asOf: '2026-11-23' });
    const notNumbers = demo.filter((value) => value !== '' && !/^-?\d+(,\d+)?$/.test(value));
    expect(result.columns!.find((column) => column.column === 'Demo')).toMatchObject({ decimal: ',', notNumbers: notNumbers.length, negative: 1, examples: ['n. v.', 'zwei'] });
    expect(calibrationSummary(result).notNumbers).toEqual([`${notNumbers.length} values in “Demo” are not numbers (e.g. “n. v.”, “zwei”); read as unknown`, '1 value in “Demo” is negative where a count is read; read as unknown']);
  });
});

describe('"means empty" is asked, not assumed', () => {
  const industries = ['Software', 'unknown', 'Select', '', 'Retail', 'unknown', 'N/A', 'unknown', 'Software', '-', 'none', 'unknown'];
  const won = (index: number) => index % 3 !== 1;
  const text = `Industry,Demo,Won\n${industries.map((value, index) => `${value},1,${won(index) ? 'yes' : 'no'}`).join('\n')}\n`;

  it('ticks only the obvious values by default', () => {
    expect(parseMapping({ version: 1, outcome: { column: 'Won', success: ['yes'] } }).emptyValues).toEqual(['Select', 'N/A', '-']);
    expect(defaultEmptyValues.map((value) => value.toLowerCase())).not.toContain('unknown');
  });

  it('shows each blank-like value found with its count and conversion, ticked or not; a tick applies on the next run', async () => {
    const expected = (value: string) => {
      const indexes = industries.flatMap((entry, index) => (entry === value ? [index] : []));
      return { count: indexes.length, positives: indexes.filter(won).length };
    };
    const first = await runCalibration({ agreement: tinyAgreement(), mapping: mappingOf(), chunks: chunksOf(text), asOf: '2026-11-23' });
    const blanks = first.columns!.find((column) => column.column === 'Industry')!.blanks;
    expect(blanks).toEqual(
      expect.arrayContaining([
        { value: 'unknown', treatedAsEmpty: false, ...expected('unknown') },
        { value: 'none', treatedAsEmpty: false, ...expected('none') },
        { value: 'Select', treatedAsEmpty: true, ...expected('Select') },
        { value: '', treatedAsEmpty: true, ...expected('') },
        { value: 'N/A', treatedAsEmpty: true, ...expected('N/A') },
        { value: '-', treatedAsEmpty: true, ...expected('-') },
      ]),
    );
    expect(blanks).toHaveLength(6);
    const second = await runCalibration({ agreement: tinyAgreement(), mapping: mappingOf({ emptyValues: ['Select', 'N/A', '-', 'unknown'] }), chunks: chunksOf(text), asOf: '2026-11-23' });
    expect(second.columns!.find((column) => column.column === 'Industry')!.blanks.find((blank) => blank.value === 'unknown')).toEqual({ value: 'unknown', treatedAsEmpty: true, ...expected('unknown') });
  });
});

describe('"not mapped" is not "too few leads"', () => {
  it('says "not mapped" for a criterion, a signal and a fast-track without a column, and runs', async () => {
    const agreement = tinyAgreement();
    const template = findTemplate('b2b-saas-mid-market')!.build();
    agreement.icp.push(template.icp.find((criterion) => criterion.id === 'icp-region')!);
    agreement.engagement.signals.push({ ...agreement.engagement.signals[0]!, id: 'signal-webinar', key: 'webinar', name: 'Webinar attended' });
    agreement.engagement.fastTracks = [{ id: 'ft-demo', name: 'Asked for a demo', signalKey: 'demoNow', description: '', consensus: agreement.engagement.signals[0]!.consensus }];
    const text = `Industry,Demo,Won\n${Array.from({ length: 80 }, (_, index) => `${index % 2 ? 'Software' : 'Retail'},${index % 3},${index % 4 ? 'no' : 'yes'}`).join('\n')}\n`;
    const result = await runCalibration({ agreement, mapping: mappingOf(), chunks: chunksOf(text), asOf: '2026-11-23' });
    const verdicts = Object.fromEntries(result.rules.map((rule) => [rule.id, ruleVerdictOf(rule)]));
    expect(verdicts).toMatchObject({ 'icp-region': 'not-mapped', webinar: 'not-mapped', 'ft-demo': 'not-mapped' });
    expect(verdicts['icp-industry']).not.toBe('not-mapped');
    expect(calibrationFacts(result, { leads: 'x.csv', accounts: null })).toContainEqual(['Rules not mapped (no column: not tested)', 'Region we sell in, Webinar attended, Asked for a demo']);
    // What was not measured has no rate in the JSON either (the "without" side would otherwise be the base rate).
    expect(calibrationSummary(result).rules.find((rule) => rule.id === 'icp-region')).toMatchObject({ mapped: false, verdict: 'not-mapped', verdictLabel: 'Not mapped', conversionWith: null, conversionWithout: null });
  });

  it('says first when one rule knocks out most leads', async () => {
    const agreement = tinyAgreement();
    agreement.icp.push(findTemplate('b2b-saas-mid-market')!.build().icp.find((criterion) => criterion.id === 'icp-region')!);
    const regions = Array.from({ length: 200 }, (_, index) => (index % 10 === 0 ? 'DACH' : index % 10 === 1 ? '' : 'North America'));
    const text = `Industry,Demo,Region,Won\n${regions.map((region, index) => `Software,1,${region},${index % 3 ? 'no' : 'yes'}`).join('\n')}\n`;
    const result = await runCalibration({ agreement, mapping: mappingOf({ attributes: { industry: { column: 'Industry' }, region: { column: 'Region' } } }), chunks: chunksOf(text), asOf: '2026-11-23' });
    const knockedOut = regions.filter((region) => region !== '' && region !== 'DACH').length;
    expect(dominantExclusion(result)).toMatchObject({ ruleId: 'icp-region', effect: 'must-have', count: knockedOut, of: 200 });
    expect(calibrationFacts(result, { leads: 'x.csv', accounts: null })[0]).toEqual(['Read this first', `${knockedOut} of 200 leads knocked out by “Region we sell in”`]);
    expect(calibrationSummary(result).knockout?.text).toBe(`${knockedOut} of 200 leads knocked out by “Region we sell in”`);
  });

  it('lists every value of a column with its count, not the first dozen', async () => {
    // 40 countries; "Germany" is rare and first appears after 2,000 rows.
    const countries = Array.from({ length: 40 }, (_, index) => `Country ${index}`);
    const column = [...Array.from({ length: 2400 }, (_, index) => countries[index % 40]!), 'Germany', 'Germany', 'Germany'];
    const text = `Country,Won\n${column.map((value) => `${value},no`).join('\n')}\n`;
    const profile = await profileExport(chunksOf(text));
    const values = profile.columns.find((entry) => entry.name === 'Country')!.values;
    expect(values).toHaveLength(41);
    expect(values).toContainEqual({ value: 'Germany', count: 3 });
    expect(values).toContainEqual({ value: 'Country 7', count: 60 });
  });
});
