import type { Agreement, Consensus } from '../model/agreement';
import { proposedConsensus } from '../model/consensus';

function resetConsensus(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resetConsensus);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, entry]) => {
      if (key === 'consensus') return [key, proposedConsensus((entry as Consensus).proposedBy)] as const;
      return [key, resetConsensus(entry)] as const;
    });
    return Object.fromEntries(entries);
  }
  return value;
}

/**
 * Turns a client's agreement into a reusable template for the next client:
 * the rules stay; the room does not (client, people's names, dates, every
 * item's consensus, parking lot, decisions and action items).
 */
export function agreementToTemplate(agreement: Agreement): Agreement {
  const copy = resetConsensus(JSON.parse(JSON.stringify(agreement))) as Agreement;
  return {
    ...copy,
    workshop: { ...copy.workshop, client: '', facilitator: copy.workshop.facilitator, date: '', nextReviewDate: '' },
    participants: copy.participants.map((person) => ({ ...person, name: '' })),
    parkingLot: [],
    decisions: [],
    actions: [],
  };
}
