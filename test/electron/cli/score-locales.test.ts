import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';
import { hasSharedData, sharedDataDir } from '../../support/shared-data';

/**
 * The X Education export re-written as German, French and English Excel
 * write it, read by `accord score` with the sample mapping (which says nothing
 * about decimal separators): each must give the MQL count of the original,
 * computed here in plain code from the original rows.
 */
const fixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'calibration', 'xeducation');
const NARROW_NBSP = '\u202f';

/** A plain CSV line splitter (quotes, doubled quotes; the file has no line breaks inside fields). */
function splitLine(line: string, delimiter = ','): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < line.length; at += 1) {
    const char = line[at]!;
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        cell += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Windows-1252 bytes of ASCII text with the few other characters used here. */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { ß: 0xdf, ü: 0xfc, '–': 0x96, ä: 0xe4 };
  return Buffer.from([...text].map((char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : (extra[char] ?? 0x3f))));
}

const original = hasSharedData ? readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8').split('\n').filter((line) => line !== '') : [];
const header = original.length ? splitLine(original[0]!) : [];
const rows = original.slice(1).map((line) => splitLine(line));
const col = (name: string) => header.indexOf(name);

/** The sample agreement's MQL rule, in plain code: fit ≥ 20 (grade C) and engagement ≥ 45 (level 3), not disqualified. */
function expectedMqls(): number {
  const is = (value: string, list: string[]) => list.some((entry) => entry.toLowerCase() === value.trim().toLowerCase());
  const num = (value: string) => (value.trim() === '' ? 0 : Number(value));
  let mqls = 0;
  for (const row of rows) {
    const get = (name: string) => row[col(name)]!;
    let fit = 0;
    if (is(get('What is your current occupation'), ['Working Professional', 'Businessman'])) fit += 35;
    if (is(get('Lead Origin'), ['Lead Add Form'])) fit += 30;
    if (is(get('Lead Source'), ['Reference', 'Welingak Website'])) fit += 15;
    if (is(get('Specialization'), ['Finance Management', 'Human Resource Management', 'Marketing Management', 'Operations Management'])) fit += 10;
    if (is(get('Country'), ['India'])) fit += 10;
    const disqualified = is(get('Do Not Email'), ['Yes']);
    const engagement = Math.min(24, 4 * num(get('TotalVisits'))) + Math.min(40, 0.04 * num(get('Total Time Spent on Website'))) + Math.min(12, 3 * num(get('Page Views Per Visit'))) + (is(get('Last Activity'), ['SMS Sent']) ? 25 : 0) + (is(get('Last Activity'), ['Email Opened']) ? 10 : 0);
    if (!disqualified && Math.min(fit, 100) >= 20 && Math.min(engagement, 100) >= 45) mqls += 1;
  }
  return mqls;
}

const decimalColumns = ['TotalVisits', 'Page Views Per Visit'];
const thousandsColumn = 'Total Time Spent on Website';

/** The rows as a locale's Excel writes them: its delimiter, decimal mark and thousands separator; quoted where needed. */
function rewrite(delimiter: string, decimal: string, thousands: string): string {
  const quote = (cell: string) => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [header.map((name) => (name === 'City' ? 'Stadt (Großraum)' : name)), ...rows].map((row, index) =>
    row
      .map((cell, at) => {
        if (index === 0) return quote(cell);
        if (decimalColumns.includes(header[at]!)) return quote(cell.replace('.', decimal));
        if (header[at] === thousandsColumn && cell.length > 3) return quote(`${cell.slice(0, -3)}${thousands}${cell.slice(-3)}`);
        if (header[at] === 'Tags' && cell === 'Will revert after reading the email') return quote('Will revert – after reading the email');
        return quote(cell);
      })
      .join(delimiter),
  );
  return `${lines.join('\r\n')}\r\n`;
}

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
});
