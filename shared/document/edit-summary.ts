import type { Agreement } from '../model/agreement';
import { diffAgreements, diffConsensus } from './diff';

/** How many changes a sentence names before it says "and n more". */
const NAMED_CHANGES = 3;

/**
 * What one edit changed, in the words of the amendment diff (shared/document/diff.ts)
 * plus the items' consensus: ["Win rate: 22 % → 25 %"], ["Criterion “Uses a CRM” added"],
 * ["“First touch after MQL”: Marketing to say → agrees"]. Empty when the edit changed
 * nothing either diff names (a field they do not cover).
 */
export function describeEdit(before: Agreement, after: Agreement): string[] {
  return [...diffAgreements(before, after), ...diffConsensus(before, after)].map((change) => change.text);
}

/**
 * The notice after undo or redo, saying what was undone or redone:
 * "Undid: Win rate: 22 % → 25 %". `edit` is the edit itself, from the agreement
 * before it to the agreement after it: for undo, from what the screen shows after
 * undoing to what it showed before; for redo, the other way round. An edit that
 * neither diff names is said plainly ("Undid the last change"), never left silent.
 */
export function undoSentence(kind: 'undo' | 'redo', edit: { before: Agreement; after: Agreement }): string {
  const verb = kind === 'undo' ? 'Undid' : 'Redid';
  const changes = describeEdit(edit.before, edit.after);
  if (changes.length === 0) return `${verb} the last change`;
  const named = changes.slice(0, NAMED_CHANGES).join('; ');
  const more = changes.length - NAMED_CHANGES;
  return more > 0 ? `${verb}: ${named}; and ${more} more ${more === 1 ? 'change' : 'changes'}` : `${verb}: ${named}`;
}
