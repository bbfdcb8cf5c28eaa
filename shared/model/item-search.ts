import { foldForSearch } from '../text/fold';
import type { Agreement } from './agreement';
import { consensusItems, sections, type SectionId } from './sections';

/** An item the command palette offers for a search: where it lives and what it is called. */
export interface ItemMatch {
  section: SectionId;
  id: string;
  label: string;
  /** "7. Handoff and SLA": the part it is in. */
  part: string;
}

/**
 * The agreement's items a search finds ("first touch" → Commitment “First touch
 * after MQL”), with the same folding as the library search (accents, case and
 * extra spaces ignored; every word must appear in the item's name). The part's
 * title is left out on purpose: "ideal customer" should go to the part, not
 * list its every criterion. An empty search finds nothing: the palette then
 * lists commands only.
 */
export function searchItems(agreement: Agreement, query: string, limit = 8): ItemMatch[] {
  const words = foldForSearch(query).split(' ').filter((word) => word.length > 0);
  if (words.length === 0) return [];
  const titles = new Map(sections.map((section) => [section.id, `${section.number}. ${section.title}`]));
  const found: ItemMatch[] = [];
  for (const item of consensusItems(agreement)) {
    const part = titles.get(item.section)!;
    const text = foldForSearch(item.label);
    if (words.every((word) => text.includes(word))) found.push({ section: item.section, id: item.id, label: item.label, part });
    if (found.length === limit) break;
  }
  return found;
}
