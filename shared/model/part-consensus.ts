import type { Agreement, Consensus } from './agreement';
import { validateAgreement } from './agreement-rules';
import { consensusTeams, withPosition, type ConsensusTeam } from './consensus';
import { consensusItems, sections, setConsensusOf, type ConsensusItem, type SectionId } from './sections';

/**
 * "Both sides agree to this part" (and "marketing agrees to all", "sales
 * agrees to all"): which items of a part get which positions. One home for the
 * rule, so the button, its message and its tests agree. A position set here is
 * an ordinary position: given for the item's content as it is now
 * (`withPosition` with the item's content hash), so a later change of the
 * item still says "changed since you agreed: reconfirm".
 *
 * A bulk yes never overrules what the room said or left open on purpose: an
 * item with a problem in its fields is not agreed (there is nothing sound to
 * agree to), a parked item stays parked, and a "no" of a team (for this content
 * or an earlier one) is not turned into a "yes" by a button for the whole part.
 * Those items are skipped and named, so the facilitator settles them one by one.
 */

/** Why an item of the part was left as it was. */
export type PartSkipReason = 'problem' | 'parked' | 'disagrees';

/** How each reason is said to people, with the count ("2 have a problem to fix first"). */
export const partSkipReasonText: Record<PartSkipReason, (count: number) => string> = {
  problem: (count) => `${count} ${count === 1 ? 'has' : 'have'} a problem to fix first`,
  parked: (count) => `${count} ${count === 1 ? 'is' : 'are'} parked`,
  disagrees: (count) => `${count} ${count === 1 ? 'has' : 'have'} a “disagree” to settle on its own`,
};

/** An item left as it was, and why. */
export interface PartSkip {
  item: ConsensusItem;
  reason: PartSkipReason;
  /** The detail for this item: the problem's message, or who disagrees. */
  detail: string;
}

/** What a bulk "agrees to all" does to one part, worked out before anything changes. */
export interface PartPositionsPlan {
  section: SectionId;
  /** The teams that agree (one, or both). */
  teams: readonly ConsensusTeam[];
  /** Every consensus item of the part, in order. */
  items: ConsensusItem[];
  /** The items whose consensus changes, with the consensus they get. */
  changes: { item: ConsensusItem; consensus: Consensus }[];
  /** Items every team of `teams` had already agreed to for their current content: nothing to do. */
  already: ConsensusItem[];
  /** Items left as they were, with the reason. */
  skipped: PartSkip[];
}

const teamNames: Record<ConsensusTeam, string> = { marketing: 'marketing', sales: 'sales' };

/**
 * Works out the positions "`teams` agree to every item of `section`" sets:
 * each item where a team is still to say (or agreed to other content) gets
 * that team's yes for its content now; items with a problem in their fields,
 * parked items and items a team disagrees with are skipped.
 */
export function planPartPositions(agreement: Agreement, section: SectionId, teams: readonly ConsensusTeam[]): PartPositionsPlan {
  const items = consensusItems(agreement).filter((item) => item.section === section);
  const problems = new Map<string, string>();
  for (const issue of validateAgreement(agreement)) {
    if (issue.section === section && !problems.has(issue.itemId)) problems.set(issue.itemId, issue.message);
  }
  const plan: PartPositionsPlan = { section, teams, items, changes: [], already: [], skipped: [] };
  for (const item of items) {
    const problem = problems.get(item.id);
    const against = teams.filter((team) => item.positions[team] === 'disagree' || item.positions[team] === 'changed-disagree');
    const toSet = teams.filter((team) => item.positions[team] !== 'agree');
    if (toSet.length === 0) plan.already.push(item);
    else if (problem !== undefined) plan.skipped.push({ item, reason: 'problem', detail: problem });
    else if (item.state === 'parked') plan.skipped.push({ item, reason: 'parked', detail: 'take it back into discussion first' });
    else if (against.length > 0) plan.skipped.push({ item, reason: 'disagrees', detail: `${against.map((team) => teamNames[team]).join(' and ')} ${against.length > 1 ? 'disagree' : 'disagrees'}` });
    else plan.changes.push({ item, consensus: toSet.reduce((consensus, team) => withPosition(consensus, team, 'agree', item.contentHash), item.consensus) });
  }
  return plan;
}

/** Writes a plan's positions into a draft of the agreement it was made from (one edit, so one undo step). */
export function applyPartPositions(draft: Agreement, plan: PartPositionsPlan): void {
  for (const { item, consensus } of plan.changes) setConsensusOf(draft, item, consensus);
}

const itemsText = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`;

/** Who agrees, as a sentence starts: "Marketing and sales", "Sales". */
export function teamsText(teams: readonly ConsensusTeam[]): string {
  const names = consensusTeams.filter((team) => teams.includes(team)).map((team) => teamNames[team]);
  const text = names.join(' and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * What a plan did, said to the room: "Marketing and sales agreed to 14 items
 * of Ideal customer profile. 2 skipped: 1 has a problem to fix first
 * (Criterion “Region”: Choose the attribute this criterion reads.); 1 is parked …".
 */
export function partPositionsText(plan: PartPositionsPlan): string {
  const title = sections.find((entry) => entry.id === plan.section)?.title ?? plan.section;
  const who = teamsText(plan.teams);
  const sentences: string[] = [];
  if (plan.items.length === 0) return `${title} has no items to agree to.`;
  if (plan.changes.length > 0) sentences.push(`${who} agreed to ${itemsText(plan.changes.length)} of ${title}.`);
  else if (plan.skipped.length === 0) sentences.push(`${who} had already agreed to every item of ${title}.`);
  else sentences.push(`Nothing was agreed in ${title}.`);
  if (plan.changes.length > 0 && plan.already.length > 0) sentences.push(`${itemsText(plan.already.length)} ${plan.already.length === 1 ? 'was' : 'were'} already agreed.`);
  if (plan.skipped.length > 0) {
    const reasons = (Object.keys(partSkipReasonText) as PartSkipReason[])
      .map((reason) => ({ reason, skips: plan.skipped.filter((skip) => skip.reason === reason) }))
      .filter(({ skips }) => skips.length > 0)
      .map(({ reason, skips }) => `${partSkipReasonText[reason](skips.length)} (${skips.map((skip) => `${skip.item.label}: ${skip.detail.replace(/\.$/, '')}`).join('; ')})`);
    sentences.push(`${itemsText(plan.skipped.length)} skipped: ${reasons.join('; ')}.`);
  }
  return sentences.join(' ');
}
