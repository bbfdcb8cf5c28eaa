import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MappingError, parseMapping, type CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { readAccounts, runCalibration } from '../../../../shared/engines/calibration/run';
import { InputError } from '../../../../shared/engines/csv/stream';
import { serializeAccordFile } from '../../../../shared/model/accord-file';
import { calibrationSamples } from '../../../../shared/templates/samples';
import { runAccord } from '../../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../../support/shared-data';

async function* chunksOf(text: string, size = 64 * 1024) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const sample = calibrationSamples.find((entry) => entry.id === 'xeducation')!;
const leadsPath = join(sharedDataDir, 'xeducation', 'Leads.csv');

/** The X Education leads, read with a small quote-aware split: what the original "Converted" column says, per lead number. */
function originalOutcomes() {
  const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((match) => match[1]!.replace(/^"|"$/g, '')).slice(0, -1);
  const lines = readFileSync(leadsPath, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const header = split(lines[0]!);
  const number = header.indexOf('Lead Number');
  const converted = header.indexOf('Converted');
  return lines.slice(1).map((line) => {
    const fields = split(line);
    return { lead: fields[number]!, converted: fields[converted] === '1' };
  });
}

/** The sample mapping, with the outcome in a second file matched on "Lead Number" (the "Converted" column is not read). */
function withOutcomeFile(file: NonNullable<CalibrationMapping['outcome']['file']>, condition: Partial<Pick<CalibrationMapping['outcome'], 'column' | 'success' | 'failure'>> = {}): CalibrationMapping {
  return parseMapping({ ...sample.mapping, outcome: { ...condition, file } });
}

/** Windows-1252, as German Excel saves "CSV (Trennzeichen-getrennt)": ü, ß and € are one byte each. */
const cp1252 = (text: string) => Buffer.from([...text].map((char) => ({ ü: 0xfc, ß: 0xdf, ä: 0xe4, '€': 0x80 })[char] ?? char.charCodeAt(0)));

describe.skipIf(!hasSharedData)('the outcome from a second file', () => {
  it('a lead converted when its number is in the closed-deals file: the base rate of the original “Converted” column', async () => {
    const leads = originalOutcomes();
    const won = leads.filter((lead) => lead.converted);
    // German Excel: semicolons, CRLF, a header with an umlaut; only the converted leads are listed.
    const closed = ['Lead-Nr.;Kunde;Betrag (€)', ...won.map((lead, index) => `${lead.lead};Kunde ${index};1.200,00`)].join('\r\n');
    const outcomes = await readOutcomeFile(chunksOf(closed, 1000), withOutcomeFile({ key: 'Lead Number', fileKey: 'Lead-Nr.' }), 'abschluesse.csv');
    expect(outcomes.outcomes.size).toBe(won.length);
    const result = await runCalibration({ agreement: sample.agreement(), mapping: withOutcomeFile({ key: 'Lead Number', fileKey: 'Lead-Nr.' }), outcomes, chunks: chunksOf(readFileSync(leadsPath, 'utf8')), asOf: '2026-11-23' });
    expect(result).toMatchObject({ rows: leads.length, scored: leads.length, positives: won.length });
    expect(result.baseRate).toBeCloseTo(won.length / leads.length, 12);
    expect(won.length).toBe(3561);
  });

  it('through the CLI: a Windows-1252 file with a stage column (only “Gewonnen” counts) and a won date', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-outcome-'));
    try {
      const leads = originalOutcomes();
      // Every fourth lead that did not convert is in the file too, as lost; some converted leads appear twice (a lost deal, then a won one).
      const rows = leads.flatMap((lead, index) => (lead.converted ? [...(index % 5 === 0 ? [`${lead.lead};Verloren;03.02.2026`] : []), `${lead.lead};Gewonnen;${String((index % 28) + 1).padStart(2, '0')}.0${(index % 9) + 1}.2026`] : index % 4 === 0 ? [`${lead.lead};Verloren;15.01.2026`] : []));
      await writeFile(join(dir, 'abschlüsse.csv'), cp1252(['Lead-Nr.;Abschluß;Datum', ...rows].join('\r\n')));
      const mapping = { ...sample.mapping, outcome: { column: 'Abschluß', success: ['Gewonnen'], file: { key: 'Lead Number', fileKey: 'Lead-Nr.', date: 'Datum' } } };
      await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping));
      await writeFile(join(dir, 'agreement.accord'), serializeAccordFile(sample.agreement(), new Date('2026-11-23T10:00:00Z')));
      const { code, out, err } = await runAccord(dir, ['score', '--agreement', 'agreement.accord', '--csv', leadsPath, '--mapping', 'mapping.json', '--outcome', 'abschlüsse.csv', '--json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const summary = JSON.parse(out) as { rows: number; positives: number; baseRate: number; recency: { judged: boolean; reason?: string } };
      const won = leads.filter((lead) => lead.converted).length;
      expect(summary).toMatchObject({ rows: leads.length, positives: won });
      expect(summary.baseRate).toBeCloseTo(won / leads.length, 12);
      // The sample maps no lead date, so recency is not judged, and the summary says why.
      expect(summary.recency).toEqual({ judged: false, reason: 'No date column is mapped: map the leads’ created date to see which leads were too recent to have converted.' });

      // The CLI insists on the file the mapping needs, and on a mapping for the file it is given.
      expect(await runAccord(dir, ['score', '--agreement', 'agreement.accord', '--csv', leadsPath, '--mapping', 'mapping.json'])).toMatchObject({ code: 1, err: 'accord score: the mapping reads the outcome from a second file: give it with --outcome FILE (matched on the export’s “Lead Number” = the file’s “Lead-Nr.”).\n' });
      await writeFile(join(dir, 'plain.json'), JSON.stringify(sample.mapping));
      expect(await runAccord(dir, ['score', '--agreement', 'agreement.accord', '--csv', leadsPath, '--mapping', 'plain.json', '--outcome', 'abschlüsse.csv'])).toMatchObject({ code: 1 });

      // A key column that holds other identifiers matches nothing: exit 1 with the reason, never a base rate.
      await writeFile(join(dir, 'wrong-key.json'), JSON.stringify({ ...mapping, outcome: { ...mapping.outcome, file: { ...mapping.outcome.file, key: 'Prospect ID' } } }));
      const wrong = await runAccord(dir, ['score', '--agreement', 'agreement.accord', '--csv', leadsPath, '--mapping', 'wrong-key.json', '--outcome', 'abschlüsse.csv', '--json']);
      expect(wrong.code).toBe(1);
      expect(wrong.out).toBe('');
      expect(wrong.err).toMatch(/^accord score: No lead of .*Leads\.csv is in abschlüsse\.csv: none of the 9,240 values of the export’s “Prospect ID” column appears in its “Lead-Nr\.” column \([\d,]+ keys, e\.g\. “\d+”, “\d+”, “\d+”\)\. Check that both columns hold the same identifier\.\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('an outcome file that lists every lead (a single value) is refused, not a base rate of 100 %', async () => {
    const leads = originalOutcomes();
    const everyone = ['Lead-Nr.', ...leads.map((lead) => lead.lead)].join('\n');
    const mapping = withOutcomeFile({ key: 'Lead Number', fileKey: 'Lead-Nr.' });
    const outcomes = await readOutcomeFile(chunksOf(everyone), mapping, 'all.csv');
    const run = runCalibration({ agreement: sample.agreement(), mapping, outcomes, chunks: chunksOf(readFileSync(leadsPath, 'utf8')), asOf: '2026-11-23', fileName: 'Leads.csv' });
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow('Every one of the 9,240 leads scored counts as converted, so there is nothing to compare them with (a base rate of 100 % says nothing about the rules). Every lead of Leads.csv is in the outcome file as converted');
  });

  it('the closed-deals file joined as accounts (the old workaround) is refused with the way out, not a base rate of 100 %', async () => {
    const leads = originalOutcomes();
    const won = leads.filter((lead) => lead.converted);
    const accounts = readAccounts(['Lead-Nr.,Phase', ...won.map((lead) => `${lead.lead},Gewonnen`)].join('\n'), 'Lead-Nr.', 'abschluesse.csv');
    const mapping = parseMapping({ ...sample.mapping, outcome: { column: 'accounts.Phase', success: ['Gewonnen'] }, accounts: { key: 'Lead Number', accountsKey: 'Lead-Nr.' } });
    const run = runCalibration({ agreement: sample.agreement(), mapping, accounts, chunks: chunksOf(readFileSync(leadsPath, 'utf8')), asOf: '2026-11-23' });
    await expect(run).rejects.toThrow(`Every one of the ${won.length.toLocaleString('en-US')} leads scored counts as converted`);
    await expect(run).rejects.toThrow('choose it as the outcome file instead, so that the leads not in it count as not converted.');
  });
});

describe('the outcome file is checked', () => {
  const mapping = parseMapping({ version: 1, outcome: { column: 'Stage', success: ['Won'], file: { key: 'Lead', fileKey: 'Lead ID', date: 'Won on' } } });
  it.each([
    ['a key column it lacks', 'ID,Stage,Won on\n1,Won,2026-01-02\n', MappingError, 'The outcome file’s key column “Lead ID” is not in deals.csv (its columns: ID, Stage, Won on).'],
    ['a stage column it lacks', 'Lead ID,Won on\n1,2026-01-02\n', MappingError, 'The outcome column “Stage” is not in deals.csv (its columns: Lead ID, Won on).'],
    ['a header only', 'Lead ID,Stage,Won on\n', InputError, 'deals.csv has a header but no rows: no lead could be found in it.'],
    ['an empty file', '', InputError, 'deals.csv is empty.'],
  ])('refuses %s with a message', async (_label, text, type, message) => {
    const read = readOutcomeFile(chunksOf(text), mapping, 'deals.csv');
    await expect(read).rejects.toBeInstanceOf(type);
    await expect(read).rejects.toThrow(message);
  });

  it('keeps each lead’s best outcome and the latest won date', async () => {
    const table = await readOutcomeFile(chunksOf('Lead ID;Stage;Won on\r\n7;Lost;2026-01-02\r\n7;Won;2026-03-04\r\n8;Lost;05.06.2026\r\n;Won;2026-01-01\r\n9;Open;2025-12-31\r\n'), mapping, 'deals.csv');
    expect([...table.outcomes]).toEqual([
      ['7', 1],
      ['8', 0],
      ['9', 0],
    ]);
    expect(new Date(table.lastDay * 86_400_000).toISOString().slice(0, 10)).toBe('2026-06-05');
  });

  it('a lead without a key is skipped with the reason, not counted as not converted', async () => {
    const agreement = sample.agreement();
    const outcomes = await readOutcomeFile(chunksOf('Lead ID\n1\n'), parseMapping({ version: 1, outcome: { file: { key: 'Lead', fileKey: 'Lead ID' } } }), 'deals.csv');
    const result = await runCalibration({ agreement, mapping: parseMapping({ version: 1, attributes: {}, outcome: { file: { key: 'Lead', fileKey: 'Lead ID' } } }), outcomes, chunks: chunksOf('Lead,Name\n1,a\n2,b\n\n3,c\n ,d\n'), asOf: '2026-11-23' });
    expect(result).toMatchObject({ rows: 4, scored: 3, positives: 1 });
    expect(result.skipped.reasons).toEqual([{ reason: 'no value in the key column “Lead”', count: 1, firstLine: 6 }]);
  });
});

