import type { WorkshopRecord } from '../../shared/model/workshop';
import type { AccordDatabase } from './database';

/**
 * Reads the whole library, most recently changed first. Kept apart from the
 * repository (which validates writes with zod) so that the start-up entry can
 * start this read before the rest of the app has even loaded.
 */
export function readWorkshops(db: AccordDatabase): Promise<WorkshopRecord[]> {
  return db.workshops.orderBy('updatedAt').reverse().toArray();
}
