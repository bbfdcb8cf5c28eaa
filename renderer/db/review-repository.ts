import type { ReviewResult } from '../../shared/engines/review/review';
import type { AccordDatabase, ReviewRecord } from './database';
import { RepositoryError } from './workshop-repository';

/** The record kept of a review: states and figures per commitment, never rows or lead ids. */
export function reviewRecordOf(result: ReviewResult, workshopId: string, fileName: string, ranAt: number, id: string): ReviewRecord {
  return {
    id,
    workshopId,
    from: result.from,
    to: result.to,
    fileName,
    ranAt,
    mqls: result.mqls,
    // A no-data entry keeps no share (its `actual` says why), so the trend can never show it as 0 %; a no-target one keeps its state and figure text.
    commitments: result.commitments.map((commitment) => ({ id: commitment.id, metric: commitment.metric, state: commitment.state, actual: commitment.actual, share: commitment.state !== 'no-data' && typeof commitment.figures.share === 'number' ? commitment.figures.share : null })),
    // The record's shape is the library file's (strict): only these four fields, the reason stays in the state.
    conversion: result.conversion.map((step) => ({ step: step.step, actual: step.state === 'no-data' ? null : step.actual, planned: step.planned, state: step.state })),
  };
}

/** A workshop's SLA reviews, for the trend across review meetings. */
export class ReviewRepository {
  constructor(private readonly db: AccordDatabase) {}

  /** Every review of a workshop, oldest period first. */
  async list(workshopId: string): Promise<ReviewRecord[]> {
    const records = await this.db.reviews.where('workshopId').equals(workshopId).toArray();
    return records.sort((a, b) => a.from.localeCompare(b.from) || a.ranAt - b.ranAt);
  }

  /** Keeps a review; a second review of the same period replaces the first (the latest data wins). */
  async save(record: ReviewRecord): Promise<void> {
    await this.db.transaction('rw', this.db.workshops, this.db.reviews, async () => {
      if (!(await this.db.workshops.get(record.workshopId))) throw new RepositoryError('This workshop no longer exists.');
      const same = (await this.list(record.workshopId)).filter((entry) => entry.from === record.from && entry.to === record.to);
      await this.db.reviews.bulkDelete(same.map((entry) => entry.id));
      await this.db.reviews.add(record);
    });
  }
}
