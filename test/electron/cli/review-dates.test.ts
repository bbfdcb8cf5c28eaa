import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

/**
 * Slashed dates read two ways. The shipped sample writes some as US Excel does
 * ("12/01/2026 2:44 AM"); rewritten as French or UK Excel writes them
 * ("01/12/2026 02:44"), the review must be the same, because the export itself
 * shows the order (a day after the 12th before the first slash).
 */
const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-review-dates-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}) (AM|PM)$/;
/** US "MM/DD/YYYY h:mm AM" → day-first "DD/MM/YYYY HH:mm", written by hand. */
function dayFirst(cell: string): string {
  const match = us.exec(cell);
  if (!match) return cell;
  const [, month, day, year, hour, minute, meridiem] = match;
  const hours = (Number(hour) % 12) + (meridiem === 'PM' ? 12 : 0);
  return `${day!.padStart(2, '0')}/${month!.padStart(2, '0')}/${year} ${String(hours).padStart(2, '0')}:${minute}`;
}

const rewrite = (convert: (cell: string) => string) =>
  readFileSync(join(sample, 'leads.csv'), 'utf8')
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.split(',').map(convert).join(',')))
    .join('\n');

const review = (file: string, mapping = join(sample, 'mapping.json')) => runAccord(dir, ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', file, '--mapping', mapping, '--from', '2026-11-01', '--to', '2026-12-31', '--json']);

describe('accord review reads slashed dates in the order the export shows', () => {
  it('gives the same review from day-first dates (French/UK Excel) as from the US original', async () => {
    const original = readFileSync(join(sample, 'leads.csv'), 'utf8');
    const usCells = original.split(/[,\n]/).filter((cell) => us.test(cell));
    // The test is only worth something if the sample has such dates, some after the 12th of a month.
    expect(usCells.length).toBeGreaterThan(50);
    expect(usCells.some((cell) => Number(us.exec(cell)![2]) > 12)).toBe(true);
    await writeFile(join(dir, 'day-first.csv'), rewrite(dayFirst));
    const fromUs = await review(join(sample, 'leads.csv'));
    const fromDayFirst = await review('day-first.csv');
    expect(fromDayFirst.err).toBe('');
    expect(fromDayFirst.code).toBe(0);
    expect(JSON.parse(fromDayFirst.out)).toEqual(JSON.parse(fromUs.out));
    expect((JSON.parse(fromUs.out) as { mqls: number }).mqls).toBe(460);
  });

  it('refuses an export that writes dates both ways, naming one of each', async () => {
    let flipped = 0;
    // Half the US dates rewritten day first: the file now has 13/11 and 11/13 kinds at once.
    await writeFile(join(dir, 'mixed.csv'), rewrite((cell) => (us.test(cell) && flipped++ % 2 === 0 ? dayFirst(cell) : cell)));
    const result = await review('mixed.csv');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/mixed\.csv writes dates both ways: “\d\d\/\d\d\/2026 \d\d:\d\d” can only be day first, “\d{1,2}\/\d{1,2}\/2026 \d{1,2}:\d\d [AP]M” only month first/);
  });

  it('follows the mapping when it says the order, and says so when the export cannot tell', async () => {
    const mapping = JSON.parse(readFileSync(join(sample, 'mapping.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'day-first.json'), JSON.stringify({ ...mapping, slashDates: 'day-first' }));
    await writeFile(join(dir, 'day-first.csv'), rewrite(dayFirst));
    const told = await review('day-first.csv', join(dir, 'day-first.json'));
    expect(JSON.parse(told.out)).toEqual(JSON.parse((await review(join(sample, 'leads.csv'))).out));
    // Only dates up to the 12th: both readings are possible, and the review says which it used.
    const early = ['Lead ID,Created,MQL Date,First Touch', '1,11/03/2026 9:00 AM,11/03/2026 9:30 AM,11/03/2026 10:00 AM', '2,11/04/2026 9:00 AM,11/05/2026 9:30 AM,11/05/2026 11:00 AM'].join('\n');
    await writeFile(join(dir, 'early.csv'), `${early}\n`);
    await writeFile(join(dir, 'early.json'), JSON.stringify({ version: 1, columns: { id: 'Lead ID', createdAt: 'Created', mqlAt: 'MQL Date', firstTouchAt: 'First Touch' } }));
    const unsure = JSON.parse((await review('early.csv', join(dir, 'early.json'))).out) as { problems: { problem: string; count: number }[] };
    expect(unsure.problems).toContainEqual(expect.objectContaining({ problem: expect.stringMatching(/^Dates such as 03\/04\/2026 that read both ways/), count: 6 }));
  });
});
