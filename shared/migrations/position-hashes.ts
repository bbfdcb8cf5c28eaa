import type { Agreement } from '../model/agreement';
import { stampPositions } from '../model/consensus';
import { mapConsensus } from '../model/sections';

/**
 * Positions recorded before each one kept the content hash it was given for
 * have none. They are taken as given for the content the item has when the
 * draft is first opened by this version (the only honest reading left: what
 * was agreed before cannot be recovered), and each gets that hash, so that
 * from then on a change of the content is seen. Positions still pending get
 * none; the stored state is set to the derived one. Signed versions are never
 * passed here: their content and hash never change. Returns the same object
 * when there is nothing to stamp, so a stamped draft is not rewritten.
 */
export function stampPositionHashes(agreement: Agreement): Agreement {
  return mapConsensus(agreement, (item) => stampPositions(item.consensus, item.contentHash));
}
