import type { ReviewResult } from '../../shared/engines/review/review';
import { measuredFigure } from '../../shared/model/records';
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
    // Data, not prose: the headline figure as a value and unit (the trend words it where it is shown). A no-data entry keeps no share
    // and no figure, so the trend can never show it as 0 %; a no-target one keeps its state and its figure.
    commitments: result.commitments.map((commitment) => ({ id: commitment.id, metric: commitment.metric, state: commitment.state, share: commitment.state !== 'no-data' && typeof commitment.figures.share === 'number' ? commitment.figures.share : null, measured: measuredFigure(commitment) })),
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
