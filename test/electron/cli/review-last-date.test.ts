import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

/** The export's last date decides what is overdue: one mistyped year must not make every open item late. */
const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as { openOpportunities: number; openUpdatedWithin: number };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-review-last-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Review = { coverage: { exportLastDate: string }; commitments: { kind: string; figures: Record<string, number | null> }[]; problems: { problem: string; count: number }[] };
const review = async (file: string) => JSON.parse((await runAccord(dir, ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', file, '--mapping', join(sample, 'mapping.json'), '--from', '2026-11-01', '--to', '2026-12-31', '--json'])).out) as Review;

/** The sample with the Created date of its n-th lead replaced (column 2 of the file). */
function withCreated(lead: number, created: string): string {
  const lines = readFileSync(join(sample, 'leads.csv'), 'utf8').split('\n');
  const cells = lines[lead]!.split(',');
  cells[1] = created;
  lines[lead] = cells.join(',');
  return lines.join('\n');
}

describe('the export’s last date, past a mistyped one', () => {
  it('sets aside a date decades after all the others, says so, and measures open opportunities as the truth has them', async () => {
    const clean = await review(join(sample, 'leads.csv'));
    await writeFile(join(dir, 'future.csv'), withCreated(5, '2062-12-13T10:00:00.000Z'));
    const typo = await review('future.csv');
    expect(typo.coverage.exportLastDate).toBe(clean.coverage.exportLastDate);
    const updates = typo.commitments.find((entry) => entry.kind === 'opportunity-update')!;
    expect(updates.figures).toMatchObject({ open: truth.openOpportunities, current: truth.openUpdatedWithin });
    expect(typo.problems).toContainEqual({ problem: "Dates more than 60 days after every other date of the export (the latest 2062-12-13): not taken as the export's last date", count: 1 });
  });

  it('keeps a late date that is part of the export (less than 60 days after the rest)', async () => {
    const clean = await review(join(sample, 'leads.csv'));
    const later = new Date(Date.parse(`${clean.coverage.exportLastDate}T12:00:00Z`) + 40 * 86_400_000).toISOString();
    await writeFile(join(dir, 'late.csv'), withCreated(5, later));
    const late = await review('late.csv');
    expect(late.coverage.exportLastDate).toBe(later.slice(0, 10));
    expect(late.problems.some((entry) => entry.problem.startsWith('Dates more than'))).toBe(false);
  });
});
