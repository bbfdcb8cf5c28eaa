import { foldForSearch } from '../text/fold';

/**
 * The longest search text a record keeps (the library file's limit). Folding can lengthen a text many times (NFKD:
 * one “ﷺ” becomes 18 characters), so a title within its own limit could otherwise make a record every backup refuses.
 */
export const MAX_SEARCH_TEXT_CHARS = 1000;

/** The text search looks in, kept on the record so it can be indexed; cut at MAX_SEARCH_TEXT_CHARS. */
export function workshopSearchText(title: string, client: string): string {
  return foldForSearch(`${title} ${client}`).slice(0, MAX_SEARCH_TEXT_CHARS);
}

/** Whether a workshop matches a search query (accents, case and extra spaces ignored; every word must match). */
export function matchesSearch(record: { searchText: string }, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  return words.every((word) => record.searchText.includes(word));
}
