import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationFacts } from '../../../../shared/engines/calibration/calibrate';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { recencyVerdicts } from '../../../../shared/engines/calibration/recency';
import { readAccounts, runCalibration } from '../../../../shared/engines/calibration/run';
import { InputError } from '../../../../shared/engines/csv/stream';
import { serializeAccordFile } from '../../../../shared/model/accord-file';
import { calibrationSamples } from '../../../../shared/templates/samples';
import { windowStory } from '../../../support/calibration-window-story';
import { runAccord } from '../../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../../support/shared-data';

async function* chunksOf(text: string, size = 64 * 1024) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
const DAY = 86_400_000;
const crm = calibrationSamples.find((entry) => entry.id === 'crm-opportunities')!;

describe.skipIf(!hasSharedData)('too recent to judge, on the real CRM opportunities', () => {
  const text = () => readFileSync(join(sharedDataDir, 'crm-opportunities', 'sales_pipeline.csv'), 'utf8');
  const accounts = () => readAccounts(readFileSync(join(sharedDataDir, 'crm-opportunities', 'accounts.csv'), 'utf8'), 'account');

  it('leaves out the closed deals engaged within one sales cycle of the latest one, as computed from the rows', async () => {
    const agreement = crm.agreement();
    const cycle = agreement.revenuePlan.salesCycleDays!;
    // Independently: the closed deals (Won, Lost), their latest engage_date, and those a full cycle older.
    const rows = text().split(/\r?\n/).slice(1).filter((line) => line !== '').map((line) => line.split(','));
    const closed = rows.filter((row) => row[4] === 'Won' || row[4] === 'Lost');
    const last = Math.max(...closed.map((row) => Date.parse(row[5]!)));
    const cutoff = last - cycle * DAY;
    const old = closed.filter((row) => Date.parse(row[5]!) <= cutoff);
    const result = await runCalibration({ agreement, mapping: crm.mapping, accounts: accounts(), chunks: chunksOf(text()), asOf: '2026-11-23' });
    expect(result.recency).toMatchObject({ judged: true, cycleDays: cycle, lastDate: new Date(last).toISOString().slice(0, 10), lastDateFrom: 'lead-dates', cutoff: new Date(cutoff).toISOString().slice(0, 10), tooRecent: closed.length - old.length, undated: 0 });
    expect(result.scored).toBe(old.length);
    expect(result.positives).toBe(old.filter((row) => row[4] === 'Won').length);
    expect(result.rows).toBe(rows.length);
    expect(result.rows).toBe(result.scored + result.skipped.total + (result.recency?.judged ? result.recency.tooRecent : 0));
    // The document says it.
    const facts = Object.fromEntries(calibrationFacts(result, { leads: 'sales_pipeline.csv', accounts: 'accounts.csv' }));
    expect(facts['Too recent to judge']).toMatch(/^[\d,]+ leads dated after \d{4}-\d{2}-\d{2} \(younger than the 180-day sales cycle at \d{4}-\d{2}-\d{2}, the latest lead date; [\d,]+ of them converted already\): left out of these figures$/);
  });

  it('split and joined again equals one pass over every row (every tally is joined)', async () => {
    const agreement = crm.agreement();
    const split = await runCalibration({ agreement, mapping: crm.mapping, accounts: accounts(), chunks: chunksOf(text()), asOf: '2026-11-23' });
    const noCycle = crm.agreement();
    noCycle.revenuePlan.salesCycleDays = null;
    const whole = await runCalibration({ agreement: noCycle, mapping: crm.mapping, accounts: accounts(), chunks: chunksOf(text()), asOf: '2026-11-23' });
    expect(whole.recency).toEqual({ judged: false, reason: 'The revenue plan has no sales cycle length: enter it to see which leads were too recent to have converted.' });
    const { recency: _ignored, columns: _columns, read: _read, ...figures } = whole;
    // (The plan's MQLs per month depend on the cycle length, which this comparison removes.)
    expect(split.recency?.judged && split.recency.includingRecent).toEqual({ ...figures, planMqlsPerMonth: split.planMqlsPerMonth });
  });
});

describe('too recent to judge: a verdict that only the data window made', () => {
  it('leaves out the leads younger than the cycle at the outcome file’s last date, and marks the rule whose verdict changes', async () => {
    const { leads, export_, deals, agreement, mapping } = windowStory();
    const outcomes = await readOutcomeFile(chunksOf(deals), mapping, 'abschluesse.csv');
    const result = await runCalibration({ agreement, mapping, outcomes, chunks: chunksOf(export_, 500), asOf: '2026-01-15' });
    // Independently: the last won date is 31.12.2025; leads dated after 01.11.2025 (60 days before) are too recent.
    const cutoff = Date.UTC(2025, 10, 1);
    const dayOf = (date: string) => Date.UTC(Number(date.slice(6)), Number(date.slice(3, 5)) - 1, Number(date.slice(0, 2)));
    const counted = leads.filter((lead) => dayOf(lead.date) <= cutoff);
    const recent = leads.filter((lead) => dayOf(lead.date) > cutoff);
    expect(result.recency).toMatchObject({ judged: true, lastDate: '2025-12-31', lastDateFrom: 'outcome-file', cutoff: '2025-11-01', tooRecent: recent.length, tooRecentPositives: 0 });
    expect(result.scored).toBe(counted.length);
    expect(result.positives).toBe(counted.filter((lead) => lead.won).length);
    const rate = (group: typeof leads) => group.filter((lead) => lead.won).length / group.length;
    const rule = result.rules.find((entry) => entry.id === 'icp-year')!;
    const in2024 = (group: typeof leads) => group.filter((lead) => lead.year === '2024');
    const not2024 = (group: typeof leads) => group.filter((lead) => lead.year !== '2024');
    expect(rule.with.positives / rule.with.count).toBeCloseTo(rate(in2024(counted)), 12);
    expect(rule.without.positives / rule.without.count).toBeCloseTo(rate(not2024(counted)), 12);
    // Counted: 2024 and old-enough 2025 convert alike (no verdict); with the recent leads, 2024 "predicts".
    const ratio = (group: typeof leads) => rate(in2024(group)) / rate(not2024(group));
    expect(ratio(counted)).toBeLessThan(1.15);
    expect(ratio(leads)).toBeGreaterThanOrEqual(1.15);
    expect(recencyVerdicts(result)!.get('icp:icp-year')).toEqual({ excluding: 'no-difference', including: 'predicts', changes: true });
    const facts = Object.fromEntries(calibrationFacts(result, { leads: 'leads.csv', accounts: null, outcome: 'abschluesse.csv' }));
    expect(facts['Verdicts that change when the too-recent leads are counted']).toBe('First contact in 2024');
    expect(facts.Data).toBe('leads.csv, converted = found in abschluesse.csv, scored as of 2026-01-15');
  });

  it('through the CLI: left out by default, counted with --include-recent, the rule marked both ways', async () => {
    const { leads, export_, deals, agreement, mapping } = windowStory();
    const dir = await mkdtemp(join(tmpdir(), 'accord-recency-'));
    try {
      await writeFile(join(dir, 'leads.csv'), export_);
      await writeFile(join(dir, 'deals.csv'), deals);
      await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping));
      await writeFile(join(dir, 'agreement.accord'), serializeAccordFile(agreement, new Date('2026-01-15T10:00:00Z')));
      const args = ['score', '--agreement', 'agreement.accord', '--csv', 'leads.csv', '--mapping', 'mapping.json', '--outcome', 'deals.csv', '--json'];
      type Summary = { scored?: number; positives: number; rows: number; recency: { judged: boolean; included: boolean; tooRecent: number }; rules: { id: string; verdict: string; recency: { excluding: string; including: string; changes: boolean } | null }[] };
      const excluded = JSON.parse((await runAccord(dir, args)).out) as Summary;
      const included = JSON.parse((await runAccord(dir, [...args, '--include-recent'])).out) as Summary;
      const won = leads.filter((lead) => lead.won).length;
      expect(excluded.recency).toMatchObject({ judged: true, included: false, tooRecent: 200 });
      expect(included.recency).toMatchObject({ judged: true, included: true, tooRecent: 200 });
      expect(included.positives).toBe(won);
      expect(excluded.rules[0]).toMatchObject({ id: 'icp-year', verdict: 'no-difference', recency: { changes: true } });
      expect(included.rules[0]).toMatchObject({ id: 'icp-year', verdict: 'predicts', recency: { changes: true } });
      const text = await runAccord(dir, args.slice(0, -1));
      expect(text.out).toContain('First contact in 2024: 200, 25.0 % / 25.0 %, Does not predict (with the too-recent leads: Predicts success)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['no date column', (story: ReturnType<typeof windowStory>) => void (story.mapping.date = null), 'No date column is mapped: map the leads’ created date to see which leads were too recent to have converted.'],
    ['no cycle length', (story: ReturnType<typeof windowStory>) => void (story.agreement.revenuePlan.salesCycleDays = null), 'The revenue plan has no sales cycle length: enter it to see which leads were too recent to have converted.'],
    ['no readable date', (story: ReturnType<typeof windowStory>) => void (story.export_ = story.export_.replace(/;\d{2}\.\d{2}\.\d{4};/g, ';11/12/2025;')), 'No lead has a readable date in “Erstkontakt” (YYYY-MM-DD or DD.MM.YYYY): their age is unknown, so none could be set aside as too recent.'],
  ])('says why recency was not judged with %s, and counts every lead', async (_label, change, reason) => {
    const story = windowStory();
    change(story);
    const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'deals.csv');
    const result = await runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15' });
    expect(result.recency).toEqual({ judged: false, reason });
    expect(result.scored).toBe(story.leads.length);
    expect(Object.fromEntries(calibrationFacts(result, { leads: 'leads.csv', accounts: null }))['Too recent to judge']).toBe(`Not judged. ${reason}`);
  });

  it('refuses an export whose every dated lead is too recent', async () => {
    const story = windowStory();
    story.agreement.revenuePlan.salesCycleDays = 5000;
    const outcomes = await readOutcomeFile(chunksOf(story.deals), story.mapping, 'deals.csv');
    const run = runCalibration({ agreement: story.agreement, mapping: story.mapping, outcomes, chunks: chunksOf(story.export_), asOf: '2026-01-15', fileName: 'leads.csv' });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow('Every dated lead of leads.csv is younger than the sales cycle (5000 days) at the last outcome date 2025-12-31: none has had the time to convert, so none can be judged.');
  });
});
