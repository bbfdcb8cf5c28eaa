import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // All seven commitments of the agreement, then the loop's KPIs: none left out.
    expect(review.commitments.map((entry) => entry.kind)).toEqual(['mql-volume', 'first-touch', 'attempts', 'accept-reject', 'sql-accept', 'opportunity-update', 'data-completeness', 'reason-codes', 'recycling', 'opportunities', 'time-to-win']);
    const all = JSON.parse(readFileSync(join(sample, 'truth.json'), 'utf8')) as Record<string, number>;
    const figures = (kind: string) => review.commitments.find((entry) => entry.kind === kind)!.figures;
    expect(figures('sql-accept')).toMatchObject({ measured: all.sqlMeasured! + all.sqlUnanswered!, within: all.sqlWithin });
    expect(figures('opportunity-update')).toMatchObject({ open: all.openOpportunities, current: all.openUpdatedWithin });
    expect(figures('data-completeness')).toMatchObject({ measured: all.mqls, complete: all.complete });
    expect(figures('time-to-win')).toMatchObject({ won: all.won });
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

  it('answers --help, and refuses a mapping with a typo naming the key and the known ones', async () => {
    const help = await runAccord(sample, ['review', '--help']);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain('review --agreement FILE.accord --csv LEADS.csv --mapping MAPPING.json');
    const dir = mkdtempSync(join(tmpdir(), 'accord-review-cli-'));
    const typo = join(dir, 'mapping.json');
    writeFileSync(typo, JSON.stringify({ version: 1, columns: { mqlAt: 'MQL Date', wonAt: 'Closed Date' }, won: ['Won'], lost: ['Lost'] }));
    const refused = await runAccord(sample, [...args.slice(0, 5), '--mapping', typo, ...args.slice(7)]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^accord review: .*mapping\.json: The review mapping is not valid\. Unknown key “wonAt” in columns; the known keys are: id, createdAt, mqlAt, owner, firstTouchAt, attempts, acceptedAt, rejectedAt, rejectionReason, sqlAt, sqlAcceptedAt, sqlReturnedAt, opportunityAt, opportunityUpdatedAt, outcome, closedAt, amount\.\n$/);
  });

  it('prints "no data" with the reason for what the mapping leaves out, in the text and the JSON alike', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'accord-review-cli-'));
    const bare = join(dir, 'mapping.json');
    writeFileSync(bare, JSON.stringify({ version: 1, columns: { id: 'Lead ID', mqlAt: 'MQL Date' } }));
    const bareArgs = [...args.slice(0, 5), '--mapping', bare, ...args.slice(7)];
    const text = await runAccord(sample, bareArgs);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/NO DATA +First touch after MQL\n +actual: No data: map the First touch column to measure this\n/);
    expect(text.out).toMatch(/NO DATA +Accept or reject MQLs\n +actual: No data: map the Accepted or the Rejected date column to measure this\n/);
    expect(text.out).toMatch(/MQL → SAL +no data \(plan 70 %\) NO DATA: map the Accepted column to measure this\n/);
    expect(text.out).not.toMatch(/MISSED/);
    const json = JSON.parse((await runAccord(sample, [...bareArgs, '--json'])).out) as { commitments: { kind: string; state: string; noData: string | null; figures: Record<string, number | null> }[] };
    expect(json.commitments.find((entry) => entry.kind === 'first-touch')).toMatchObject({ state: 'no-data', noData: 'map the First touch column to measure this', figures: {} });
  });
});
