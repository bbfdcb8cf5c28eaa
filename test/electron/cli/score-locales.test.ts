import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../support/shared-data';
import { col, expectedMqls, NARROW_NBSP, rewrite, rows, windows1252 } from '../../support/xeducation-locales';

/**
 * The X Education export re-written as German, French and English Excel
 * write it, read by `accord score` with the sample mapping (which says nothing
 * about decimal separators): each must give the MQL count of the original,
 * computed here in plain code from the original rows.
 */
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'calibration', 'xeducation');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-locales-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const score = (file: string, mapping = join(fixtures, 'mapping.json'), json = true) => runAccord(dir, ['score', '--agreement', join(fixtures, 'agreement.accord'), '--csv', file, '--mapping', mapping, ...(json ? ['--json'] : [])]);

describe.skipIf(!hasSharedData)('accord score reads numbers as each locale writes them', () => {
  it('the independent count of the original is the 2,011 MQLs the issue quotes', () => {
    expect(rows).toHaveLength(9240);
    expect(expectedMqls()).toBe(2011);
  });

  it.each([
    ['German Excel (semicolons, "1.234,5", Windows-1252)', 'german.csv', () => windows1252(rewrite(';', ',', '.'))],
    ['French Excel "Unicode text" (UTF-16LE with BOM, tabs, "1 234,5" with a narrow no-break space)', 'french.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rewrite('\t', ',', NARROW_NBSP), 'utf16le')])],
    ['English Excel (commas, "1,234.5", UTF-8)', 'english.csv', () => Buffer.from(rewrite(',', '.', ','), 'utf8')],
  ])('%s gives the MQLs of the original', async (_label, name, bytes) => {
    await writeFile(join(dir, name), bytes());
    const { code, out, err } = await score(name);
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out) as { rows: number; positives: number; mqls: number; notNumbers: string[] };
    expect(summary).toMatchObject({ rows: 9240, positives: 3561, mqls: expectedMqls() });
    expect(summary.notNumbers).toEqual([]);
  });

  it('says which columns it read with a decimal comma', async () => {
    await writeFile(join(dir, 'german.csv'), windows1252(rewrite(';', ',', '.')));
    const { code, out } = await score('german.csv', join(fixtures, 'mapping.json'), false);
    expect(code).toBe(0);
    expect(out).toContain('Numbers          “Page Views Per Visit” read with a decimal comma');
    expect(out).toContain('Numbers          “Total Time Spent on Website” read with a decimal comma');
  });

  it('follows the mapping’s decimal separator over the detected one, and counts the values that are then not numbers', async () => {
    await writeFile(join(dir, 'german.csv'), windows1252(rewrite(';', ',', '.')));
    const mapping = JSON.parse(readFileSync(join(fixtures, 'mapping.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'dot.json'), JSON.stringify({ ...mapping, numbers: { 'Page Views Per Visit': { decimal: '.' } } }));
    const withComma = rows.filter((row) => row[col('Page Views Per Visit')]!.includes('.')).length;
    const { code, out } = await score('german.csv', 'dot.json', false);
    expect(code).toBe(0);
    expect(withComma).toBe(1279);
    expect(out).toContain(`Not read         ${withComma.toLocaleString('en-US')} values in “Page Views Per Visit” are not numbers (e.g. “`);
  });

  it('lists the blank-like values it did not read as empty, with their conversion', async () => {
    const { code, out } = await score(join(sharedDataDir, 'xeducation', 'Leads.csv'), join(fixtures, 'mapping.json'), false);
    expect(code).toBe(0);
    const unknown = rows.filter((row) => row[col('Country')]!.trim().toLowerCase() === 'unknown');
    const converted = unknown.filter((row) => row[col('Converted')] === '1').length;
    expect(out).toContain(`Means empty?     “unknown” in “Country”: ${unknown.length} leads, ${((converted / unknown.length) * 100).toFixed(1)} % converted; read as a value`);
  });

  it('names a translation and a counted value that no cell has (a misspelling), before any figure, and not the ones in use', async () => {
    await writeFile(join(dir, 'german.csv'), windows1252(rewrite(';', ',', '.')));
    const mapping = JSON.parse(readFileSync(join(fixtures, 'mapping.json'), 'utf8')) as { attributes: Record<string, { column: string; values?: Record<string, string> }>; signals: Record<string, { column: string; equals?: string[] }> };
    // "Indai" is nobody's country; "India" (spelt right) is in the export, and so is "Email Opened".
    mapping.attributes.country!.values = { Indai: 'India', India: 'India' };
    mapping.signals.lastSms!.equals = ['SMS Sent', 'SMS Snet'];
    await writeFile(join(dir, 'misspelt.json'), JSON.stringify(mapping));
    const countries = new Set(rows.map((row) => row[col('Country')]!.trim().toLowerCase()));
    const activities = new Set(rows.map((row) => row[col('Last Activity')]!.trim().toLowerCase()));
    expect([countries.has('indai'), countries.has('india'), activities.has('sms snet'), activities.has('sms sent')]).toEqual([false, true, false, true]);
    const { code, out } = await score('german.csv', 'misspelt.json', false);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const first = lines.filter((line) => line.startsWith('Read this first'));
    expect(first).toEqual([
      'Read this first  No cell of “Country” reads “Indai”: its translation to “India” (country) was never used. Check the spelling against the column\'s values.',
      'Read this first  No cell of “Last Activity” reads “SMS Snet”, a value the signal lastSms counts: it was never counted. Check the spelling against the column\'s values.',
    ]);
    expect(lines.findIndex((line) => line.startsWith('Read this first'))).toBeLessThan(lines.findIndex((line) => line.startsWith('MQLs')));
    const json = JSON.parse((await score('german.csv', 'misspelt.json')).out) as { unusedValues: string[] };
    expect(json.unusedValues).toHaveLength(2);
  });
});

