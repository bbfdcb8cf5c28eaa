import type { Agreement, ParkedTopic } from './agreement';
import { consensusItems, type ConsensusItem } from './sections';

/** What is still open in an agreement: the items that are disputed or parked, and the parking lot's open topics. */
export interface OpenQuestions {
  disputed: ConsensusItem[];
  /** Items set aside by both sides ("parked"), not yet agreed. */
  parkedItems: ConsensusItem[];
  /** Topics of the parking lot that are still open. */
  topics: ParkedTopic[];
  counts: {
    disputed: number;
    parkedItems: number;
    topics: number;
    /** Parked items and open topics together: the session summary's "Parked". */
    parked: number;
    /** Everything the Open questions drawer lists: the header's "n open". */
    open: number;
  };
}

/**
 * The one count of what is open. The header's "n open", the Open questions
 * drawer and the session summary's "Parked" all read it, so they can never
 * disagree ("1 open" while the drawer lists 2 and the summary says "Parked 2").
 */
export function openQuestions(agreement: Agreement): OpenQuestions {
  const items = consensusItems(agreement);
  const disputed = items.filter((item) => item.state === 'disputed');
  const parkedItems = items.filter((item) => item.state === 'parked');
  const topics = agreement.parkingLot.filter((topic) => topic.status === 'open');
  return {
    disputed,
    parkedItems,
    topics,
    counts: {
      disputed: disputed.length,
      parkedItems: parkedItems.length,
      topics: topics.length,
      parked: parkedItems.length + topics.length,
      open: disputed.length + parkedItems.length + topics.length,
    },
  };
}
