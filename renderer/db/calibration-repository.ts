import { parseMapping } from '../../shared/engines/calibration/mapping';
import type { AccordDatabase, CalibrationRecord } from './database';
import { RepositoryError } from './workshop-repository';

/** A workshop's calibration: stored after a complete run only, so there is never a half result. */
export class CalibrationRepository {
  constructor(private readonly db: AccordDatabase) {}

  /** The stored calibration, or undefined. A damaged record is reported as none. */
  async load(workshopId: string): Promise<CalibrationRecord | undefined> {
    const record = await this.db.calibrations.get(workshopId);
    if (!record) return undefined;
    try {
      return { ...record, mapping: parseMapping(record.mapping) };
    } catch {
      return undefined;
    }
  }

  /** Stores a finished calibration (the mapping is checked first; rows are never part of it). */
  async save(record: CalibrationRecord): Promise<void> {
    let mapping;
    try {
      mapping = parseMapping(record.mapping);
    } catch (error) {
      throw new RepositoryError(error instanceof Error ? error.message : String(error));
    }
    if (!(await this.db.workshops.get(record.workshopId))) throw new RepositoryError('This workshop no longer exists.');
    await this.db.calibrations.put({ ...record, mapping });
  }
}
