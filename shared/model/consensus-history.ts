import type { Agreement } from './agreement';
import { consensusItems, type ConsensusItem } from './sections';

/** A signed version as the consensus history needs it: its number and content. */
export interface SignedContent {
  number: number;
  agreement: Agreement;
}

/** How an item is keyed across versions: "section:id". */
export function itemKey(item: Pick<ConsensusItem, 'section' | 'id'>): string {
  return `${item.section}:${item.id}`;
}

/** One item of an agreement with where its agreement comes from. */
export interface ItemHistory {
  item: ConsensusItem;
  /**
   * For an item agreed now: the first signed version of the unbroken run,
   * ending at the last signed version given, in which this item had the
   * same content and was agreed ("agreed on version n content"). Null when
   * it is not agreed now, or was agreed on content no signed version had.
   */
  agreedOnVersion: number | null;
  /** True when the last signed version given had this item with other content, or not at all: both sides have to say again. */
  changedSinceSigned: boolean;
}

/** Signed versions' items by `itemKey`, newest first: computed once per list of versions, read on every change of the draft. */
export interface SignedItems {
  number: number;
  items: ReadonlyMap<string, ConsensusItem>;
}

/** The items of signed versions, newest first, for `consensusHistory`. */
export function signedItemsOf(signed: readonly SignedContent[]): SignedItems[] {
  return [...signed].sort((a, b) => b.number - a.number).map((version) => ({ number: version.number, items: new Map(consensusItems(version.agreement).map((item) => [itemKey(item), item])) }));
}

/**
 * Each item of `agreement` with the signed version whose content it was
 * agreed on. `signed` are the versions before this content (a draft's signed
 * versions; for signed version m, those up to m), in any order. An item
 * counts as agreed on version n only if its content hash is the one it had
 * in n and in every signed version after n, and it was agreed in each.
 */
export function consensusHistory(agreement: Agreement, signed: readonly SignedContent[] | readonly SignedItems[]): ItemHistory[] {
  const ordered = signed.length > 0 && 'items' in signed[0]! ? (signed as readonly SignedItems[]) : signedItemsOf(signed as readonly SignedContent[]);
  return consensusItems(agreement).map((item) => {
    const last = ordered[0]?.items.get(itemKey(item));
    const changedSinceSigned = ordered.length > 0 && (!last || last.contentHash !== item.contentHash);
    let agreedOnVersion: number | null = null;
    if (item.state === 'agreed') {
      for (const version of ordered) {
        const then = version.items.get(itemKey(item));
        if (!then || then.contentHash !== item.contentHash || then.state !== 'agreed') break;
        agreedOnVersion = version.number;
      }
    }
    return { item, agreedOnVersion, changedSinceSigned };
  });
}

/** "agreed on version 2 content": how the screen, the presenter and the document say where an item's agreement comes from. */
export function agreedOnText(version: number): string {
  return `agreed on version ${version} content`;
}

/** For each item agreed on a signed version's content (see `consensusHistory`), that version, by `itemKey`. */
export function agreedOnVersions(agreement: Agreement, signed: readonly SignedContent[] | readonly SignedItems[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const entry of consensusHistory(agreement, signed)) if (entry.agreedOnVersion !== null) map.set(itemKey(entry.item), entry.agreedOnVersion);
  return map;
}
