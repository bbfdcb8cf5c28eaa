import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationFacts, unmappedRulesNote, unmatchedOutcome } from '../../../../shared/engines/calibration/calibrate';
import { MappingError, mappingMismatches, parseMapping, withoutMismatches, type CalibrationMapping } from '../../../../shared/engines/calibration/mapping';
import { readOutcomeFile } from '../../../../shared/engines/calibration/outcome-file';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { serializeAccordFile } from '../../../../shared/model/accord-file';
import { calibrationSamples } from '../../../../shared/templates/samples';
import { runAccord } from '../../../support/run-cli';

async function* chunksOf(text: string, size = 500) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

const sample = calibrationSamples.find((entry) => entry.id === 'xeducation')!;
const columns = ['Lead Number', 'What is your current occupation', 'Lead Origin', 'Lead Source', 'Specialization', 'Country', 'Do Not Email', 'TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit', 'Last Activity', 'Converted'];

/** A German Excel export of the sample's columns: semicolons, CRLF, decimal commas; lead i converts when i % 4 === 0. */
function germanExport(leads: number): string {
  const rows = Array.from({ length: leads }, (_, i) =>
    [String(1000 + i), i % 2 ? 'Working Professional' : 'Student', i % 3 ? 'Lead Add Form' : 'API', 'Reference', 'Finance Management', i % 5 ? 'India' : 'Deutschland', i % 7 ? 'No' : 'Yes', String(i % 9), String(100 * i), `${i % 4},5`, i % 2 ? 'SMS Sent' : 'Email Opened', i % 4 === 0 ? '1' : '0'].join(';'),
  );
  return [columns.join(';'), ...rows].join('\r\n') + '\r\n';
}
const numbers = { TotalVisits: { decimal: ',' as const }, 'Total Time Spent on Website': { decimal: ',' as const }, 'Page Views Per Visit': { decimal: ',' as const } };
const baseMapping = (): CalibrationMapping => parseMapping({ ...sample.mapping, numbers });

describe('an outcome file that mostly matches nothing is said (issue 12, defect 10)', () => {
  // A closed-deals file from the whole CRM: 5 of its keys are leads of the export, 40 are not, one lead has two deals, one row lost its key.
  const leads = 30;
  const dealKeys = [...[0, 4, 8, 12, 16].map((i) => String(1000 + i)), ...Array.from({ length: 40 }, (_, i) => String(5000 + i)), '1004', ''];
  const deals = ['Lead-Nr.;Gewonnen am', ...dealKeys.map((key) => `${key};01.03.2026`)].join('\r\n');
  const mapping = () => parseMapping({ ...sample.mapping, numbers, outcome: { file: { key: 'Lead Number', fileKey: 'Lead-Nr.' } } });
  // Independently: the deal rows whose key is the number of no lead of the export.
  const exportKeys = new Set(Array.from({ length: leads }, (_, i) => String(1000 + i)));
  const unmatched = dealKeys.filter((key) => !exportKeys.has(key)).length;

  it('counts the outcome rows that match no lead, says it first when it is most of the file, and stores it', async () => {
    const outcomes = await readOutcomeFile(chunksOf(deals), mapping(), 'abschluesse.csv');
    const result = await runCalibration({ agreement: sample.agreement(), mapping: mapping(), outcomes, chunks: chunksOf(germanExport(leads)), asOf: '2026-11-23' });
    expect(unmatched).toBe(41);
    expect(result.outcomeMatch).toEqual({ fileName: 'abschluesse.csv', rows: dealKeys.length, unmatchedRows: unmatched });
    const note = unmatchedOutcome(result)!;
    expect(note.first).toBe(true);
    expect(note.text).toMatch(new RegExp(`^${unmatched} of ${dealKeys.length} rows of abschluesse.csv match no lead of the export`));
    const facts = calibrationFacts(result, { leads: 'leads.csv', accounts: null, outcome: 'abschluesse.csv' });
    expect(facts[0]).toEqual(['Read this first', note.text]);
    // The stored result keeps it (schema), and a result stored before it still reads.
    expect(unmatchedOutcome({ ...result, outcomeMatch: undefined })).toBeNull();
  });

  it('a few unmatched rows are a fact line, not a warning first', async () => {
    const fewDeals = ['Lead-Nr.', '1000', '1004', '1008', '9999'].join('\r\n');
    const outcomes = await readOutcomeFile(chunksOf(fewDeals), mapping(), 'deals.csv');
    const result = await runCalibration({ agreement: sample.agreement(), mapping: mapping(), outcomes, chunks: chunksOf(germanExport(leads)), asOf: '2026-11-23' });
    const note = unmatchedOutcome(result)!;
    expect(note).toMatchObject({ first: false, unmatchedRows: 1, rows: 4, text: '1 of 4 rows of deals.csv match no lead of the export' });
    const facts = calibrationFacts(result, { leads: 'leads.csv', accounts: null, outcome: 'deals.csv' });
    expect(facts.find(([label]) => label === 'Read this first')).toBeUndefined();
    expect(facts).toContainEqual(['Outcome file', note.text]);
  });

  it('the CLI says it before the figures, and in --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-unmatched-'));
    try {
      await writeFile(join(dir, 'agreement.accord'), serializeAccordFile(sample.agreement(), new Date('2026-11-23T10:00:00Z')));
      await writeFile(join(dir, 'leads.csv'), germanExport(leads));
      await writeFile(join(dir, 'deals.csv'), deals);
      await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping()));
      const args = ['score', '--agreement', 'agreement.accord', '--csv', 'leads.csv', '--mapping', 'mapping.json', '--outcome', 'deals.csv', '--as-of', '2026-11-23'];
      const text = await runAccord(dir, args);
      expect(text.code).toBe(0);
      const lines = text.out.split('\n');
      expect(lines[1]).toMatch(new RegExp(`^Read this first  ${unmatched} of ${dealKeys.length} rows of deals.csv match no lead of the export`));
      expect(lines.findIndex((line) => line.startsWith('Successes'))).toBeGreaterThan(1);
      const json = await runAccord(dir, [...args, '--json']);
      expect(JSON.parse(json.out).outcomeMatch).toMatchObject({ fileName: 'deals.csv', rows: dealKeys.length, unmatchedRows: unmatched, first: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('mapping keys are checked against the agreement (issue 12, defect 11)', () => {
  const agreement = sample.agreement();
  const attributeNames = agreement.icp.map((criterion) => criterion.attribute);
  const signalKeys = agreement.engagement.signals.map((signal) => signal.key);
  const run = (mapping: CalibrationMapping) => runCalibration({ agreement, mapping, chunks: chunksOf(germanExport(20)), asOf: '2026-11-23' });

  it('an attribute key that is no attribute of the agreement is refused, naming it and listing the attributes', async () => {
    const { country, ...others } = baseMapping().attributes;
    const error = await run({ ...baseMapping(), attributes: { ...others, countyr: country! } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message).toContain('“countyr”');
    for (const name of attributeNames) expect((error as Error).message).toContain(`“${name}”`);
  });

  it('a signal key, a numbers column not in the export, a translation to a category the agreement lacks: each refused by name', async () => {
    const { totalVisits, ...signals } = baseMapping().signals;
    const signalError = (await run({ ...baseMapping(), signals: { ...signals, totalVisit: totalVisits! } }).catch((caught: unknown) => caught)) as Error;
    expect(signalError).toBeInstanceOf(MappingError);
    expect(signalError.message).toContain('“totalVisit”');
    for (const key of signalKeys) expect(signalError.message).toContain(`“${key}”`);
    const numbersError = (await run({ ...baseMapping(), numbers: { ...numbers, 'Page Views Per Vist': { decimal: ',' } } }).catch((caught: unknown) => caught)) as Error;
    expect(numbersError.message).toContain('“Page Views Per Vist”, which is not a column of the export');
    const translated = baseMapping();
    translated.attributes.country = { column: 'Country', values: { India: 'Indien' } };
    const valueError = (await run(translated).catch((caught: unknown) => caught)) as Error;
    expect(valueError.message).toContain('“India” of “country” to “Indien”');
    // A translation to a value the criterion lists, in another case, is fine (categories compare folded).
    translated.attributes.country = { column: 'Country', values: { Deutschland: 'INDIA' } };
    await expect(run(translated)).resolves.toMatchObject({ rows: 20 });
    // A clean-up between two values the criterion does not list changes no score: kept.
    translated.attributes.country = { column: 'Country', values: { Deutschland: 'Germany' } };
    await expect(run(translated)).resolves.toMatchObject({ rows: 20 });
  });

  it('the CLI exits 1 with the message; the app drops stale keys of its own stored mapping', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-fit-'));
    try {
      const { country, ...others } = baseMapping().attributes;
      await writeFile(join(dir, 'agreement.accord'), serializeAccordFile(agreement, new Date('2026-11-23T10:00:00Z')));
      await writeFile(join(dir, 'leads.csv'), germanExport(20));
      await writeFile(join(dir, 'mapping.json'), JSON.stringify({ ...baseMapping(), attributes: { ...others, countyr: country } }));
      const { code, err, out } = await runAccord(dir, ['score', '--agreement', 'agreement.accord', '--csv', 'leads.csv', '--mapping', 'mapping.json', '--as-of', '2026-11-23']);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('the mapping names the attribute “countyr”, which is not an attribute of the agreement');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // A criterion removed from the agreement after the mapping was stored: the stale key is listed, and dropping it makes the mapping run.
    const smaller = { ...agreement, icp: agreement.icp.filter((criterion) => criterion.attribute !== 'country') };
    const found = mappingMismatches(smaller, baseMapping(), columns);
    expect(found.map((mismatch) => [mismatch.kind, mismatch.key])).toEqual([['attribute', 'country']]);
    const pruned = withoutMismatches(baseMapping(), found);
    expect(Object.keys(pruned.attributes)).toEqual(attributeNames.filter((name) => name !== 'country'));
    await expect(runCalibration({ agreement: smaller, mapping: pruned, chunks: chunksOf(germanExport(20)), asOf: '2026-11-23' })).resolves.toMatchObject({ rows: 20 });
  });
});

describe('the headline figures say they were computed without the unmapped rules (issue 12, defect 12)', () => {
  const agreement = sample.agreement();
  const mapping = () => {
    const { country: _country, ...attributes } = baseMapping().attributes;
    const { totalVisits: _visits, ...signals } = baseMapping().signals;
    return { ...baseMapping(), attributes, signals };
  };
  // Independently: the rules whose attribute or signal key the mapping leaves out.
  const expected = [...agreement.icp.filter((criterion) => criterion.attribute === 'country').map((criterion) => criterion.label), ...agreement.engagement.signals.filter((signal) => signal.key === 'totalVisits').map((signal) => signal.name)];
  const sentence = `${expected.length} rules not mapped (${expected.join(', ')}): MQLs, precision and lift are computed without them`;

  it('a first note in the result’s facts', async () => {
    const result = await runCalibration({ agreement, mapping: mapping(), chunks: chunksOf(germanExport(40)), asOf: '2026-11-23' });
    expect(expected).toEqual(['India', 'Website visit']);
    expect(unmappedRulesNote(result)?.text).toBe(sentence);
    expect(calibrationFacts(result, { leads: 'leads.csv', accounts: null })[0]).toEqual(['Read this first', sentence]);
    const mapped = await runCalibration({ agreement, mapping: baseMapping(), chunks: chunksOf(germanExport(40)), asOf: '2026-11-23' });
    expect(unmappedRulesNote(mapped)).toBeNull();
  });

  it('the CLI’s first lines and --json say it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-unmapped-'));
    try {
      await writeFile(join(dir, 'agreement.accord'), serializeAccordFile(agreement, new Date('2026-11-23T10:00:00Z')));
      await writeFile(join(dir, 'leads.csv'), germanExport(40));
      await writeFile(join(dir, 'mapping.json'), JSON.stringify(mapping()));
      const args = ['score', '--agreement', 'agreement.accord', '--csv', 'leads.csv', '--mapping', 'mapping.json', '--as-of', '2026-11-23'];
      const text = await runAccord(dir, args);
      expect(text.out.split('\n')[1]).toBe(`Read this first  ${sentence}`);
      const json = JSON.parse((await runAccord(dir, [...args, '--json'])).out);
      expect(json.unmapped).toEqual({ labels: expected, text: sentence });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

