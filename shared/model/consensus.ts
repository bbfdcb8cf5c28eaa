import type { Consensus, Position } from './agreement';

/** A fresh item's consensus: proposed by someone, both teams still to say. */
export function proposedConsensus(proposedBy: Consensus['proposedBy'] = 'facilitator', notes = ''): Consensus {
  return { proposedBy, marketing: 'pending', sales: 'pending', state: 'proposed', notes };
}

/** A consensus both teams have agreed to (for templates built from practice). */
export function agreedConsensus(proposedBy: Consensus['proposedBy'] = 'facilitator'): Consensus {
  return { proposedBy, marketing: 'agree', sales: 'agree', state: 'agreed', notes: '' };
}

/** The state that follows from the two positions: both agree → agreed; either disagrees → disputed. */
export function stateFromPositions(marketing: Position, sales: Position): Consensus['state'] {
  if (marketing === 'agree' && sales === 'agree') return 'agreed';
  if (marketing === 'disagree' || sales === 'disagree') return 'disputed';
  return 'proposed';
}

/** Records one team's position; the state follows, unless the item is parked (parking is explicit). */
export function withPosition(consensus: Consensus, team: 'marketing' | 'sales', position: Position): Consensus {
  const next = { ...consensus, [team]: position };
  return { ...next, state: consensus.state === 'parked' ? 'parked' : stateFromPositions(next.marketing, next.sales) };
}

/** Parks an item for later, or takes it back into discussion. */
export function withParked(consensus: Consensus, parked: boolean): Consensus {
  return { ...consensus, state: parked ? 'parked' : stateFromPositions(consensus.marketing, consensus.sales) };
}

/** Whether an item lets the agreement be signed: agreed, or explicitly parked. */
export function isSettled(consensus: Consensus): boolean {
  return consensus.state === 'agreed' || consensus.state === 'parked';
}
