import type { Agreement } from './agreement';
import { proposedConsensus } from './consensus';
import { mapConsensus } from './sections';
import { WORKSHOP_TEXT_MAX } from './workshop';

/**
 * The title of a duplicate: "Copy of …", cut (with an ellipsis) so it stays
 * within the longest title a workshop may have.
 */
export function duplicateTitle(title: string): string {
  const full = `Copy of ${title.trim()}`;
  return full.length <= WORKSHOP_TEXT_MAX ? full : `${full.slice(0, WORKSHOP_TEXT_MAX - 1).trimEnd()}…`;
}

/**
 * The agreement a duplicated workshop starts from: every part of the draft as
 * written (people, plan, rules, commitments, log), but every item's consensus
 * back to "proposed" (who proposed it and the notes stay). Positions and
 * parking were given in the original's room to the original's draft; an
 * independent copy is agreed again, so a copy is never "ready to sign" on
 * the strength of what was said about another workshop.
 */
export function duplicateAgreement(agreement: Agreement): Agreement {
  const copy = JSON.parse(JSON.stringify(agreement)) as Agreement;
  return mapConsensus(copy, (item) => proposedConsensus(item.consensus.proposedBy, item.consensus.notes));
}
