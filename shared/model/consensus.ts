import type { Consensus, ConsensusState, Position } from './agreement';

/**
 * Consensus on one item. A team's position counts only for the content it was
 * given for: each position records the item's content hash at that moment
 * (`itemContentHash` in sections.ts), and every reader derives the item's
 * state from the positions that still match the item's content now. A yes
 * given for 25 % is not a yes for 22 %; undoing back to 25 % makes it one
 * again, because the hash matches again.
 */

/** The two teams whose positions make an item agreed. */
export const consensusTeams = ['marketing', 'sales'] as const;
/** A team that gives a position on an item. */
export type ConsensusTeam = (typeof consensusTeams)[number];

/** Where each team's content hash is kept in the consensus. */
export const positionHashKey: Record<ConsensusTeam, 'marketingFor' | 'salesFor'> = { marketing: 'marketingFor', sales: 'salesFor' };

/**
 * A team's position as it stands for the item's current content: `changed-agree`
 * and `changed-disagree` are positions given for other content, to be reconfirmed.
 */
export type PositionStatus = Position | 'changed-agree' | 'changed-disagree';

/** A fresh item's consensus: proposed by someone, both teams still to say. */
export function proposedConsensus(proposedBy: Consensus['proposedBy'] = 'facilitator', notes = ''): Consensus {
  return { proposedBy, marketing: 'pending', sales: 'pending', state: 'proposed', notes };
}

/**
 * A consensus both teams have agreed to, for the content whose hash is given;
 * without one (test fixtures, records from before hashes) the positions count
 * as given for the content the item has when it is next opened (see
 * `stampPositions`).
 */
export function agreedConsensus(proposedBy: Consensus['proposedBy'] = 'facilitator', contentHash?: string): Consensus {
  return { proposedBy, marketing: 'agree', sales: 'agree', ...(contentHash === undefined ? {} : { marketingFor: contentHash, salesFor: contentHash }), state: 'agreed', notes: '' };
}

/** The state that follows from two positions: both agree → agreed; either disagrees → disputed. */
export function stateFromPositions(marketing: Position, sales: Position): Exclude<ConsensusState, 'parked'> {
  if (marketing === 'agree' && sales === 'agree') return 'agreed';
  if (marketing === 'disagree' || sales === 'disagree') return 'disputed';
  return 'proposed';
}

/**
 * Where a team stands on the item's current content. A position with no hash
 * is one recorded before hashes existed (a signed version of then, a fixture):
 * it counts as it was recorded, because drafts are stamped when opened.
 */
export function positionStatus(consensus: Consensus, team: ConsensusTeam, contentHash: string): PositionStatus {
  const position = consensus[team];
  if (position === 'pending') return 'pending';
  const givenFor = consensus[positionHashKey[team]];
  if (givenFor === undefined || givenFor === contentHash) return position;
  return position === 'agree' ? 'changed-agree' : 'changed-disagree';
}

/** The position that counts for the item's current content: one given for other content counts as still to say. */
export function currentPosition(consensus: Consensus, team: ConsensusTeam, contentHash: string): Position {
  const status = positionStatus(consensus, team, contentHash);
  return status === 'changed-agree' || status === 'changed-disagree' ? 'pending' : status;
}

/** The item's state, derived from the positions that count for its current content; parking is explicit and stays. */
export function consensusState(consensus: Consensus, contentHash: string): ConsensusState {
  if (consensus.state === 'parked') return 'parked';
  return stateFromPositions(currentPosition(consensus, 'marketing', contentHash), currentPosition(consensus, 'sales', contentHash));
}

/** Whether a position was given for other content than the item has now. */
export function isChanged(status: PositionStatus): status is 'changed-agree' | 'changed-disagree' {
  return status === 'changed-agree' || status === 'changed-disagree';
}

/** How a position given for other content is said to people, on the screen and in the readiness list. */
export function changedPositionText(status: 'changed-agree' | 'changed-disagree'): string {
  return status === 'changed-agree' ? 'changed since you agreed: reconfirm' : 'changed since you disagreed: reconfirm';
}

/**
 * Records one team's position for the content whose hash is given; the state
 * follows, unless the item is parked (parking is explicit). A pending position
 * carries no hash.
 */
export function withPosition(consensus: Consensus, team: ConsensusTeam, position: Position, contentHash: string): Consensus {
  const { [positionHashKey[team]]: _old, ...rest } = consensus;
  const next: Consensus = { ...rest, [team]: position, ...(position === 'pending' ? {} : { [positionHashKey[team]]: contentHash }) };
  return { ...next, state: consensus.state === 'parked' ? 'parked' : consensusState({ ...next, state: 'proposed' }, contentHash) };
}

/** Parks an item for later, or takes it back into discussion (its state then follows from the positions for the current content). */
export function withParked(consensus: Consensus, parked: boolean, contentHash: string): Consensus {
  return { ...consensus, state: parked ? 'parked' : consensusState({ ...consensus, state: 'proposed' }, contentHash) };
}

/** Whether an item lets the agreement be signed: agreed for its current content, or explicitly parked. */
export function isSettled(consensus: Consensus, contentHash: string): boolean {
  const state = consensusState(consensus, contentHash);
  return state === 'agreed' || state === 'parked';
}

/**
 * Gives every position without a hash the hash of the content it is read with
 * (the migration of positions recorded before hashes existed), and the stored
 * state its derived value. Returns the same object when nothing changes.
 */
export function stampPositions(consensus: Consensus, contentHash: string): Consensus {
  let next = consensus;
  for (const team of consensusTeams) {
    if (next[team] !== 'pending' && next[positionHashKey[team]] === undefined) next = { ...next, [positionHashKey[team]]: contentHash };
    if (next[team] === 'pending' && next[positionHashKey[team]] !== undefined) {
      const { [positionHashKey[team]]: _drop, ...rest } = next;
      next = rest;
    }
  }
  const state = consensusState(next, contentHash);
  return state === next.state ? next : { ...next, state };
}
