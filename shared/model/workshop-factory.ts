import { foldForSearch } from '../text/fold';
import { NewWorkshopSchema, type WorkshopRecord } from './workshop';

/** The text search looks in, kept on the record so it can be indexed. */
export function workshopSearchText(title: string, client: string): string {
  return foldForSearch(`${title} ${client}`);
}

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

/** Whether a workshop matches a search query (accents, case and extra spaces ignored; every word must match). */
export function matchesSearch(record: Pick<WorkshopRecord, 'searchText'>, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  return words.every((word) => record.searchText.includes(word));
}
