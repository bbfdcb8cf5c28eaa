import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedData, sharedDataDir } from './shared-data';

/**
 * The X Education export (../shared/data/xeducation/Leads.csv) re-written as
 * German, French and English Excel write it, and the sample agreement's MQL
 * count computed from the original rows in plain code (not by the engine), for
 * the CLI and end-to-end tests of numbers as locales write them.
 */

/** The narrow no-break space newer French locales group thousands with. */
export const NARROW_NBSP = '\u202f';

/** A plain CSV line splitter (quotes, doubled quotes; the file has no line breaks inside fields). */
export function splitLine(line: string, delimiter = ','): string[] {
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
export function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { ß: 0xdf, ü: 0xfc, '–': 0x96, ä: 0xe4 };
  return Buffer.from([...text].map((char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : (extra[char] ?? 0x3f))));
}

const original = hasSharedData ? readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8').split('\n').filter((line) => line !== '') : [];
export const header = original.length ? splitLine(original[0]!) : [];
export const rows = original.slice(1).map((line) => splitLine(line));
export const col = (name: string) => header.indexOf(name);

/** The sample agreement's MQL rule, in plain code: fit ≥ 20 (grade C) and engagement ≥ 45 (level 3), not disqualified. */
export function expectedMqls(): number {
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
export function rewrite(delimiter: string, decimal: string, thousands: string): string {
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

