import { foldForSearch } from '../text/fold';

/** The text search looks in, kept on the record so it can be indexed. */
export function workshopSearchText(title: string, client: string): string {
  return foldForSearch(`${title} ${client}`);
}

/** Whether a workshop matches a search query (accents, case and extra spaces ignored; every word must match). */
export function matchesSearch(record: { searchText: string }, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  return words.every((word) => record.searchText.includes(word));
}
