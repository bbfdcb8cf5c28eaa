import { workshopSearchText } from './workshop-search';
import { NewWorkshopSchema, type WorkshopRecord } from './workshop';

/**
 * Builds a new draft workshop record. Id and time are injected so the model
 * stays deterministic and testable. Throws a ZodError on invalid input.
 */
export function createWorkshopRecord(input: { title: string; client?: string }, id: string, now: number): WorkshopRecord {
  const valid = NewWorkshopSchema.parse(input);
  return {
    id,
    title: valid.title,
    client: valid.client,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
    searchText: workshopSearchText(valid.title, valid.client),
  };
}
