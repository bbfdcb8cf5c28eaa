import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../support/shared-data';

const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'calibration');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-score-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runAccord(dir, argv);

describe('accord score', () => {
  it.skipIf(!hasSharedData)('prints the calibration summary of X Education as JSON, rates as fractions', async () => {
    const { code, out, err } = await run('score', '--agreement', join(fixtures, 'xeducation', 'agreement.accord'), '--csv', join(sharedDataDir, 'xeducation', 'Leads.csv'), '--mapping', join(fixtures, 'xeducation', 'mapping.json'), '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(['rows', 'skipped', 'positives', 'baseRate', 'mqls', 'truePositives', 'precision', 'recall', 'lift', 'grades']));
    expect(summary).toMatchObject({ rows: 9240, skipped: 0, positives: 3561 });
    expect(summary.baseRate).toBeCloseTo(0.3854, 4);
    for (const key of ['precision', 'recall', 'baseRate']) {
      expect(summary[key]).toBeGreaterThanOrEqual(0);
      expect(summary[key]).toBeLessThanOrEqual(1);
    }
    expect(Object.values(summary.grades as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(9240);
  });

  it.skipIf(!hasSharedData)('--json also prints per-rule figures with the verdict, conversion per grade and the sweeps, the same as computed from the rows', async () => {
    const { code, out } = await run('score', '--agreement', join(fixtures, 'xeducation', 'agreement.accord'), '--csv', join(sharedDataDir, 'xeducation', 'Leads.csv'), '--mapping', join(fixtures, 'xeducation', 'mapping.json'), '--json');
    expect(code).toBe(0);
    type Rule = { id: string; leadsWith: number; conversionWith: number | null; leadsWithout: number; conversionWithout: number | null; verdict: string };
    const summary = JSON.parse(out) as { rules: Rule[]; conversionByGrade: Record<string, { leads: number; converted: number; conversion: number | null }>; sweep: { fit: { threshold: number; mqls: number; conversion: number | null }[] }; mqls: number };
    // Independently, from the file: "Country" is India (a fit criterion), "Converted" is 1. A tiny quote-aware split.
    const split = (line: string) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((match) => match[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')).slice(0, -1);
    const lines = readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8').split('\n').filter((line) => line.trim() !== '');
    const header = split(lines[0]!);
    const country = header.indexOf('Country');
    const converted = header.indexOf('Converted');
    let india = 0;
    let indiaWon = 0;
    let won = 0;
    for (const line of lines.slice(1)) {
      const fields = split(line);
      const isWon = fields[converted] === '1';
      if (isWon) won += 1;
      if (fields[country]!.trim().toLowerCase() === 'india') {
        india += 1;
        if (isWon) indiaWon += 1;
      }
    }
    const rest = lines.length - 1 - india;
    const rule = summary.rules.find((entry) => entry.id === 'icp-country')!;
    expect(rule.leadsWith).toBe(india);
    expect(rule.leadsWithout).toBe(rest);
    expect(rule.conversionWith).toBeCloseTo(indiaWon / india, 12);
    expect(rule.conversionWithout).toBeCloseTo((won - indiaWon) / rest, 12);
    const ratio = indiaWon / india / ((won - indiaWon) / rest);
    expect(rule.verdict).toBe(ratio >= 1.15 ? 'predicts' : ratio <= 0.87 ? 'against' : 'no-difference');
    expect(summary.rules.map((entry) => entry.id)).toEqual(expect.arrayContaining(['icp-occupation', 'icp-origin', 'totalVisits', 'lastSms']));
    // Per grade: every lead once, every conversion once, rates over the grade's own leads; an empty grade has no rate.
    const grades = Object.values(summary.conversionByGrade);
    expect(grades.reduce((sum, grade) => sum + grade.leads, 0)).toBe(lines.length - 1);
    expect(grades.reduce((sum, grade) => sum + grade.converted, 0)).toBe(won);
    for (const grade of grades) expect(grade.conversion).toBe(grade.leads ? grade.converted / grade.leads : null);
    // The fit sweep at the agreed C threshold (20) is the agreed rule: the same MQLs.
    expect(summary.sweep.fit).toHaveLength(21);
    expect(summary.sweep.fit.find((point) => point.threshold === 20)!.mqls).toBe(summary.mqls);
  });

  it.skipIf(!hasSharedData)('joins the accounts and reports the open deals it skipped', async () => {
    const { code, out } = await run('score', '--agreement', join(fixtures, 'crm-opportunities', 'agreement.accord'), '--csv', join(sharedDataDir, 'crm-opportunities', 'sales_pipeline.csv'), '--accounts', join(sharedDataDir, 'crm-opportunities', 'accounts.csv'), '--join', 'account', '--mapping', join(fixtures, 'crm-opportunities', 'mapping.json'), '--include-recent');
    expect(code).toBe(0);
    expect(out).toContain('Rows read        8,800');
    expect(out).toMatch(/Too recent {7}[\d,]+ leads dated after \d{4}-\d{2}-\d{2} \(younger than the 180-day sales cycle at \d{4}-\d{2}-\d{2}, the latest lead date; [\d,]+ of them converted already\): counted \(--include-recent\)/);
    expect(out).toContain('Successes        4,238 (base rate 63.2 %)');
    expect(out).toContain('1,589 × outcome “Engaging” is neither success nor failure (first on line 11)');
  });

  it('exits 1 with a clear message on unreadable input, and 2 on a wrong command line', async () => {
    const agreement = join(fixtures, 'xeducation', 'agreement.accord');
    const mapping = join(fixtures, 'xeducation', 'mapping.json');
    expect(await run('score', '--csv', 'x.csv')).toMatchObject({ code: 2 });
    const missing = await run('score', '--agreement', agreement, '--csv', 'nope.csv', '--mapping', mapping);
    expect(missing).toMatchObject({ code: 1, err: 'accord score: cannot read the export nope.csv: it does not exist.\n' });
    await writeFile(join(dir, 'binary.csv'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0, 0, 9, 9]));
    expect((await run('score', '--agreement', agreement, '--csv', 'binary.csv', '--mapping', mapping)).err).toBe('accord score: binary.csv is not a text CSV file (it looks like binary data).\n');
    await writeFile(join(dir, 'bad.json'), '{"version": 1, "outcome": {"column": "Converted"}}');
    expect((await run('score', '--agreement', agreement, '--csv', 'binary.csv', '--mapping', 'bad.json')).err).toBe('accord score: The mapping is not valid: say which outcome values mean success.\n');
    await writeFile(join(dir, 'other.csv'), 'a,b\n1,2\n');
    expect((await run('score', '--agreement', agreement, '--csv', 'other.csv', '--mapping', mapping)).err).toBe('accord score: The attribute “occupation” reads the column “What is your current occupation”, which is not in the export.\n');
  });
});
