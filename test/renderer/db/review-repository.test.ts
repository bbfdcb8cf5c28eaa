import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReviewRepository, reviewRecordOf } from '../../../renderer/db/review-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import type { ReviewResult } from '../../../shared/engines/review/review';
import { ReviewRecordSchema } from '../../../shared/model/records';
import { freshDatabase } from '../support/render-app';

const result = (from: string, to: string, share: number): ReviewResult => ({
  from,
  to,
  leads: 10,
  mqls: 8,
  commitments: [{ id: 'commit-first-touch', kind: 'first-touch', team: 'inside-sales', metric: 'First touch after MQL', actual: `${share * 100} %`, target: '4 business hours', state: share >= 0.9 ? 'met' : 'missed', noData: null, figures: { share }, missedLeads: ['L1', 'L2'], missedCount: 2 }],
  conversion: [],
  coverage: { periodDays: 30, coveredDays: 30, exportLastDate: to },
  weekly: [],
  monthly: [],
  need: { mqlsPerWeek: null, mqlsPerMonth: null, opportunitiesPerMonth: null },
  speedHistogram: [],
  reasons: [],
  problems: [{ problem: 'No first touch recorded', count: 1, examples: ['L2'] }],
});

describe('ReviewRepository', () => {
  it('keeps each review’s results for the trend, never the lead ids; a period reviewed again replaces its record', async () => {
    const db = freshDatabase();
    const workshop = await new WorkshopRepository(db).create({ title: 'Reviewed' });
    const reviews = new ReviewRepository(db);
    await reviews.save(reviewRecordOf(result('2026-11-01', '2026-11-30', 0.8), workshop.id, 'nov.csv', 1, 'a'));
    await reviews.save(reviewRecordOf(result('2026-10-01', '2026-10-31', 0.95), workshop.id, 'oct.csv', 2, 'b'));
    await reviews.save(reviewRecordOf(result('2026-11-01', '2026-11-30', 0.85), workshop.id, 'nov-fixed.csv', 3, 'c'));
    const list = await reviews.list(workshop.id);
    expect(list.map((entry) => [entry.from, entry.fileName, entry.commitments[0]!.share])).toEqual([
      ['2026-10-01', 'oct.csv', 0.95],
      ['2026-11-01', 'nov-fixed.csv', 0.85],
    ]);
    expect(JSON.stringify(list)).not.toContain('L1');
    expect(JSON.stringify(list)).not.toContain('L2');
    await new WorkshopRepository(db).remove(workshop.id);
    expect(await db.reviews.count()).toBe(0);
  });

  it('keeps a no-data entry as no data (no share, no actual rate), in the shape the library file checks', async () => {
    const db = freshDatabase();
    const workshop = await new WorkshopRepository(db).create({ title: 'Reviewed' });
    const base = result('2026-11-01', '2026-11-30', 0.5);
    const noData: ReviewResult = {
      ...base,
      // A no-data entry whose figures still carry a share must not be kept as one.
      commitments: [{ ...base.commitments[0]!, state: 'no-data', noData: 'map the First touch column to measure this', actual: 'No data: map the First touch column to measure this', figures: { share: 0 } }],
      conversion: [{ step: 'MQL → SAL', actual: 0, planned: 70, state: 'no-data', noData: 'map the Accepted column to measure this' }],
    };
    const record = reviewRecordOf(noData, workshop.id, 'nov.csv', 1, 'n');
    // Data, not prose: no sentence is stored, and a no-data entry has no figure at all (never a 0).
    expect(record.commitments[0]).toEqual({ id: 'commit-first-touch', metric: 'First touch after MQL', state: 'no-data', share: null, measured: null });
    expect(record.conversion[0]).toEqual({ step: 'MQL → SAL', actual: null, planned: 70, state: 'no-data' });
    await new ReviewRepository(db).save(record);
    expect(await new ReviewRepository(db).list(workshop.id)).toEqual([record]);
  });

  it('keeps a measured figure without a target as not judged (its figure, no share), not as no data', async () => {
    const db = freshDatabase();
    const workshop = await new WorkshopRepository(db).create({ title: 'Reviewed' });
    const base = result('2026-11-01', '2026-11-30', 0.95);
    const actual = '0 of 115 recycled leads later reached SQL, opportunity or a win';
    const withRecycling: ReviewResult = { ...base, commitments: [...base.commitments, { id: 'kpi-recycled', kind: 'recycling', team: 'marketing', metric: 'Recycled leads that came back', actual, target: 'followed up in nurture', state: 'no-target', noData: null, figures: { recycled: 115, cameBack: 0 }, missedLeads: [], missedCount: 0 }] };
    const record = reviewRecordOf(withRecycling, workshop.id, 'nov.csv', 1, 'r');
    expect(record.commitments[1]).toEqual({ id: 'kpi-recycled', metric: 'Recycled leads that came back', state: 'no-target', share: null, measured: { value: 0, unit: 'count', of: 115 } });
    expect(JSON.stringify(record)).not.toContain(actual);
    expect(record.commitments.filter((entry) => entry.state === 'no-data')).toEqual([]);
    await new ReviewRepository(db).save(record);
    expect((await new ReviewRepository(db).list(workshop.id))[0]!.commitments.map((entry) => entry.state)).toEqual(['met', 'no-target']);
  });

  it('keeps the headline figure as data (value and unit), never the engine’s sentence, and still reads a review stored with only its sentence', async () => {
    const db = freshDatabase();
    const workshop = await new WorkshopRepository(db).create({ title: 'Reviewed' });
    const base = result('2026-11-01', '2026-11-30', 0.875);
    const volume = { id: 'commit-volume', kind: 'mql-volume', team: 'marketing', metric: 'MQLs a month', actual: '230 MQLs a month on average', target: '239 MQLs per month (from the plan)', state: 'at-risk' as const, noData: null, figures: { actual: 230, target: 239, count: 230, days: 30 }, missedLeads: [], missedCount: 0 };
    const record = reviewRecordOf({ ...base, commitments: [...base.commitments, volume] }, workshop.id, 'nov.csv', 1, 'm');
    expect(record.commitments.map((entry) => entry.measured)).toEqual([{ value: 0.875, unit: 'share' }, { value: 230, unit: 'per-window' }]);
    expect(JSON.stringify(record)).not.toContain('MQLs a month on average');
    // A review kept by an earlier version (as in the v7 database fixture): the sentence, no measured figure. It is still read, and its share still fills the trend.
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'databases', 'v7.json'), 'utf8')) as { tables: { reviews: unknown[] } };
    const stored = fixture.tables.reviews[0] as { commitments: { actual?: string; measured?: unknown }[] };
    expect(stored.commitments.every((entry) => typeof entry.actual === 'string' && entry.measured === undefined)).toBe(true);
    expect(ReviewRecordSchema.safeParse(stored).success).toBe(true);
  });
});
