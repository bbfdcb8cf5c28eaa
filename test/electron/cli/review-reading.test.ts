import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

/** `accord review` reads the export as the spreadsheet wrote it, and counts what it could not read. */
const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-review-reading-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const review = async (file: string) => {
  const { code, out, err } = await runAccord(dir, ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', file, '--mapping', join(sample, 'mapping.json'), '--from', '2026-11-01', '--to', '2026-12-31', '--json']);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as { mqls: number; commitments: { id: string; state: string; figures: Record<string, number | null> }[]; problems: { problem: string; count: number }[] };
};

describe('accord review reads the export’s bytes right', () => {
  it('gives the same review from Windows-1252 with a late accent as from UTF-8, and counts unreadable characters as a data problem', async () => {
    const lines = readFileSync(join(sample, 'leads.csv'), 'utf8').replace(/\n$/, '').split('\n');
    // The last lead's last name gets an accent (no commitment reads it): every line before is ASCII.
    const last = lines[lines.length - 1]!.split(',');
    last[18] = `${last[18]}ö`;
    lines[lines.length - 1] = last.join(',');
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(dir, 'utf8.csv'), text, 'utf8');
    await writeFile(join(dir, 'ansi.csv'), Buffer.from(Uint8Array.from(text, (char) => char.charCodeAt(0))));
    const fromUtf8 = await review('utf8.csv');
    const fromAnsi = await review('ansi.csv');
    expect(fromAnsi).toEqual(fromUtf8);
    expect(fromUtf8.problems.some((entry) => /could not be read \(shown as/.test(entry.problem))).toBe(false);
    // Two broken bytes in a UTF-8 file with a BOM: counted, named, and the rest of the review unchanged.
    await writeFile(join(dir, 'broken.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/ö\n$/, ''), 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    const broken = await review('broken.csv');
    expect(broken.problems).toContainEqual(expect.objectContaining({ problem: 'Characters that could not be read (shown as “�”; values with them match nothing)', count: 2 }));
    expect(broken.commitments).toEqual(fromUtf8.commitments);
  });
});
