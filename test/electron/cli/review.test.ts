import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
const args = ['review', '--agreement', join(sample, 'agreement.accord'), '--csv', join(sample, 'leads.csv'), '--mapping', join(sample, 'mapping.json'), '--from', '2026-11-01', '--to', '2026-12-31'];

describe('accord review', () => {
  it('prints every commitment with its actual, target and state, as JSON one entry per commitment', async () => {
    const truth = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as { mqls: number; touchedWithin: number; touchMeasured: number };
    const { code, out, err } = await runAccord(sample, [...args, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const review = JSON.parse(out) as { mqls: number; commitments: { kind: string; actual: string; target: string; state: string; figures: Record<string, number> }[] };
    expect(review.mqls).toBe(truth.mqls);
    expect(review.commitments.map((entry) => entry.kind)).toEqual(['mql-volume', 'first-touch', 'attempts', 'accept-reject', 'reason-codes', 'recycling', 'opportunities']);
    const touch = review.commitments.find((entry) => entry.kind === 'first-touch')!;
    expect(touch.figures).toMatchObject({ within: truth.touchedWithin, measured: truth.touchMeasured });
    for (const entry of review.commitments) expect(['met', 'at-risk', 'missed', 'no-data']).toContain(entry.state);
  });

  it('prints a readable review, and refuses a bad period or a missing file with exit 1', async () => {
    const { code, out } = await runAccord(sample, args);
    expect(code).toBe(0);
    expect(out).toMatch(/^SLA review 2026-11-01 – 2026-12-31: 460 MQLs of 460 leads/);
    expect(out).toMatch(/(MET|AT RISK|MISSED) +First touch after MQL\n +actual: [\d.]+ % within 4 business hours/);
    expect(out).toContain('Data problems (counted, not used)');
    expect(await runAccord(sample, [...args.slice(0, -4), '--from', '2026-12-31', '--to', '2026-11-01'])).toMatchObject({ code: 1, err: expect.stringMatching(/^accord review: Choose a review period/) });
    expect(await runAccord(sample, [...args.slice(0, 3), '--csv', 'nope.csv', ...args.slice(5)])).toMatchObject({ code: 1, err: 'accord review: cannot read the export nope.csv: it does not exist.\n' });
  });
});
