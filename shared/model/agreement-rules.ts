import { computeFunnel, funnelInputsOf, type FunnelField } from './funnel';
import type { Agreement } from './agreement';
import { consensusTeams, isChanged, type ConsensusTeam } from './consensus';
import { consensusItems, sections, type ConsensusItem, type SectionId } from './sections';

/**
 * One problem in a draft: where it is (section, item, field) and what to do.
 * Drafts may be saved with problems; each one blocks signing.
 */
export interface FieldIssue {
  section: SectionId;
  /** The item's id, or a fixed name for single items ("revenue-plan", "workshop"). */
  itemId: string;
  field: string;
  message: string;
}

const blank = (text: string) => text.trim() === '';

/** Every problem of a draft, in agenda order. */
export function validateAgreement(agreement: Agreement): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (section: SectionId, itemId: string, field: string, message: string) => issues.push({ section, itemId, field, message });

  // 1. Workshop and people
  const { workshop } = agreement;
  if (blank(workshop.title)) add('workshop', 'workshop', 'title', 'Give the workshop a title.');
  if (blank(workshop.client)) add('workshop', 'workshop', 'client', 'Name the client organisation.');
  if (blank(workshop.facilitator)) add('workshop', 'workshop', 'facilitator', 'Name the facilitator.');
  if (blank(workshop.date)) add('workshop', 'workshop', 'date', 'Enter the workshop date.');
  if (workshop.validityMonths === null) add('workshop', 'workshop', 'validityMonths', 'Enter how many months the agreement is valid.');
  else if (!Number.isInteger(workshop.validityMonths) || workshop.validityMonths < 1 || workshop.validityMonths > 60) add('workshop', 'workshop', 'validityMonths', 'The validity is a whole number of months, from 1 to 60.');
  if (blank(workshop.nextReviewDate)) add('workshop', 'workshop', 'nextReviewDate', 'Enter the next review date.');
  else if (!blank(workshop.date) && workshop.nextReviewDate <= workshop.date) add('workshop', 'workshop', 'nextReviewDate', 'The next review comes after the workshop date.');
  for (const person of agreement.participants) {
    if (blank(person.name)) add('workshop', person.id, 'name', person.title.trim() ? `Name the participant who is ${person.title.trim()}.` : 'Every participant needs a name.');
  }
  if (!agreement.participants.some((person) => person.signs)) add('workshop', 'participants', 'signs', 'Choose at least one participant who signs.');
  const sponsor = (role: 'cmo' | 'head-of-sales') => agreement.participants.some((person) => person.sponsor === role && !blank(person.name));
  if (!sponsor('cmo')) add('workshop', 'participants', 'sponsor', 'Name the marketing executive sponsor (CMO).');
  if (!sponsor('head-of-sales')) add('workshop', 'participants', 'sponsor', 'Name the sales executive sponsor (head of sales).');

  // 2. Revenue plan
  const funnel = computeFunnel(funnelInputsOf(agreement));
  if (!funnel.ok) {
    for (const [field, message] of Object.entries(funnel.errors) as [FunnelField, string][]) add('revenue', 'revenue-plan', field, message);
  }

  // 3. Vocabulary
  for (const stage of agreement.stages) {
    if (blank(stage.name)) add('vocabulary', stage.id, 'name', 'Every stage needs a name.');
    if (blank(stage.definition)) add('vocabulary', stage.id, 'definition', `Define “${stage.name || 'this stage'}” in plain language.`);
    if (stage.maxDays !== null && stage.maxDays < 0) add('vocabulary', stage.id, 'maxDays', 'The longest time in a stage cannot be negative.');
  }
  for (const kind of ['mql', 'sal', 'sql'] as const) {
    if (!agreement.stages.some((stage) => stage.kind === kind)) add('vocabulary', 'stages', 'kind', `The vocabulary needs a ${kind.toUpperCase()} stage.`);
  }
  for (const term of agreement.glossary) {
    if (blank(term.term) || blank(term.definition)) add('vocabulary', term.id, blank(term.term) ? 'term' : 'definition', 'A glossary entry needs a term and its definition.');
  }

  // 4. ICP
  // One attribute, one way of reading it: a number rule and a text rule on "employees" would make the rules' order
  // (in no one's agreement) decide how a value is read. Category and text rules both read text.
  const readAs = (criterion: Agreement['icp'][number]) => attributeReadings[criterion.match.kind];
  const firstReader = new Map<string, Agreement['icp'][number]>();
  for (const criterion of agreement.icp) {
    const name = criterion.attribute.trim();
    if (name === '') continue;
    const first = firstReader.get(name);
    if (!first) firstReader.set(name, criterion);
    else if (readAs(first) !== readAs(criterion)) add('icp', criterion.id, 'match', `“${criterion.label || name}” reads “${name}” as ${readAs(criterion)}, but “${first.label || name}” reads it as ${readAs(first)}: one attribute is read one way (use the same kind of rule, or another attribute).`);
  }
  for (const criterion of agreement.icp) {
    if (blank(criterion.attribute)) add('icp', criterion.id, 'attribute', 'Choose the attribute this criterion reads.');
    if (criterion.effect === 'points' && (criterion.points === null || criterion.points <= 0)) add('icp', criterion.id, 'points', 'A preference adds points: enter more than 0.');
    if (criterion.effect === 'disqualifier' && criterion.points !== null && criterion.points > 0) add('icp', criterion.id, 'points', 'A disqualifier takes points away or excludes: use 0 or less.');
    const { match } = criterion;
    if (match.kind === 'in' && match.values.filter((value) => !blank(value)).length === 0) add('icp', criterion.id, 'match', 'List the values that match.');
    if (match.kind === 'range' && match.min === null && match.max === null) add('icp', criterion.id, 'match', 'Enter a minimum, a maximum or both.');
    if (match.kind === 'range' && match.min !== null && match.max !== null && match.min > match.max) add('icp', criterion.id, 'match', 'The minimum is above the maximum.');
    if (match.kind === 'contains' && blank(match.text)) add('icp', criterion.id, 'match', 'Enter the text to look for.');
  }

  // 5. Decision makers
  const committee = agreement.buyingCommittee;
  for (const cell of committee.cells) {
    if (cell.points !== null && (cell.points < -100 || cell.points > 100)) add('committee', 'buying-committee', `${cell.function}|${cell.seniority}`, `Points for ${cell.seniority} in ${cell.function} must be between −100 and 100.`);
  }
  for (const role of committee.requiredRoles) {
    if (!committee.cells.some((cell) => cell.role === role)) add('committee', 'buying-committee', 'requiredRoles', `The role “${role}” is required for SQL but no cell of the grid has it.`);
  }

  // 6. Engagement
  for (const signal of agreement.engagement.signals) {
    if (blank(signal.name)) add('engagement', signal.id, 'name', 'Every signal needs a name.');
    if (signal.points === null) add('engagement', signal.id, 'points', `Enter the points for “${signal.name || 'this signal'}”.`);
    if (signal.cap !== null && signal.points !== null && signal.points > 0 && signal.cap < signal.points) add('engagement', signal.id, 'cap', 'The cap is below one occurrence’s points.');
  }
  const decay = agreement.engagement.decay;
  if (decay.mode !== 'none' && (decay.days === null || decay.days <= 0)) add('engagement', 'decay', 'days', 'Enter after how many days points decay.');
  for (const trigger of agreement.engagement.fastTracks) {
    if (blank(trigger.name)) add('engagement', trigger.id, 'name', 'Every fast track needs a name.');
    if (blank(trigger.signalKey)) add('engagement', trigger.id, 'signalKey', 'Choose the signal that triggers it.');
  }

  // 7. Scoring
  const { fitThresholds: fit, engagementThresholds: engaged } = agreement.scoring;
  const ordered = (values: (number | null)[], field: string, name: string) => {
    if (values.some((value) => value === null)) add('scoring', 'thresholds', field, `Enter every ${name} threshold.`);
    else if (values.some((value) => value! < 0 || value! > 100)) add('scoring', 'thresholds', field, `${name[0]!.toUpperCase()}${name.slice(1)} thresholds are between 0 and 100.`);
    else if (!(values[0]! > values[1]! && values[1]! > values[2]!)) add('scoring', 'thresholds', field, `Each ${name} threshold must be above the next one.`);
  };
  ordered([fit.A, fit.B, fit.C], 'fitThresholds', 'fit grade');
  ordered([engaged[4], engaged[3], engaged[2]], 'engagementThresholds', 'engagement level');
  const framework = agreement.scoring.framework;
  const questions = framework.questions.filter((question) => !blank(question.text)).length;
  if (questions === 0) add('scoring', 'framework', 'questions', 'List the qualification questions.');
  if (framework.minimumMet === null || framework.minimumMet < 1) add('scoring', 'framework', 'minimumMet', 'Enter how many questions must be met (at least 1).');
  else if (framework.minimumMet > questions) add('scoring', 'framework', 'minimumMet', `Only ${questions} questions are listed; ${framework.minimumMet} cannot be met.`);

  // 8. Handoff and SLA
  for (const handoff of agreement.handoffs) {
    if (blank(handoff.what)) add('handoff', handoff.id, 'what', 'Say what is handed over.');
    if (handoff.from === handoff.to) add('handoff', handoff.id, 'to', 'A handoff goes from one team to another.');
  }
  for (const commitment of agreement.commitments) {
    if (blank(commitment.metric)) add('handoff', commitment.id, 'metric', 'Every commitment needs a metric.');
    if (commitment.kind !== 'mql-volume') {
      if (commitment.target === null) add('handoff', commitment.id, 'target', `Enter the target of “${commitment.metric || 'this commitment'}”.`);
      else if (commitment.target < 0) add('handoff', commitment.id, 'target', 'A target cannot be negative.');
      else if (commitment.unit === 'percent' && commitment.target > 100) add('handoff', commitment.id, 'target', 'A percentage target cannot be above 100.');
    }
    if (commitment.kind === 'attempts' && (commitment.overDays === null || commitment.overDays <= 0)) add('handoff', commitment.id, 'overDays', 'Enter over how many days the attempts are made.');
    if (blank(commitment.measuredBy)) add('handoff', commitment.id, 'measuredBy', 'Say which CRM report measures it.');
  }
  if (!agreement.commitments.some((commitment) => commitment.kind === 'mql-volume')) add('handoff', 'commitments', 'kind', 'Marketing’s volume commitment (linked to the revenue plan) is missing.');

  // 9. Reasons
  for (const reason of agreement.reasons) {
    if (blank(reason.code) || blank(reason.label)) add('reasons', reason.id, blank(reason.code) ? 'code' : 'label', 'A reason needs a code and a label.');
  }
  const codes = agreement.reasons.map((reason) => reason.code.trim().toLowerCase()).filter((code) => code !== '');
  for (const code of new Set(codes.filter((code, index) => codes.indexOf(code) !== index))) add('reasons', 'reasons', 'code', `The reason code “${code}” is used twice.`);
  if (agreement.recycling.reentryAfterDays !== null && agreement.recycling.reentryAfterDays < 0) add('reasons', 'recycling', 'reentryAfterDays', 'The re-entry delay cannot be negative.');

  // 10. Cadence
  for (const kpi of agreement.kpis) if (blank(kpi.name)) add('cadence', kpi.id, 'name', 'Every KPI needs a name.');
  for (const meeting of agreement.meetings) if (blank(meeting.name)) add('cadence', meeting.id, 'name', 'Every meeting needs a name.');

  // 11. Log
  for (const action of agreement.actions) {
    if (blank(action.task)) add('log', action.id, 'task', 'Every action item needs a task.');
    if (action.status === 'open' && blank(action.owner)) add('log', action.id, 'owner', `Give “${action.task || 'this action'}” an owner.`);
  }
  return issues;
}

/** How each kind of ICP rule reads its attribute (the scoring engine reads category and text lists alike, as text). */
const attributeReadings: Record<Agreement['icp'][number]['match']['kind'], string> = { in: 'text', contains: 'text', range: 'a number', boolean: 'yes or no' };

/** Something that stops the agreement from being signed, with where to go to fix it. */
export interface Blocker {
  section: SectionId;
  itemId: string;
  field?: string;
  message: string;
}

const teamNames = (teams: ConsensusTeam[]) => teams.join(' and ');

/** Why an item blocks signing, in the facilitator's words; a position given for other content is named as such. */
export function consensusBlocker(item: Pick<ConsensusItem, 'label' | 'state' | 'positions'>): string {
  const { label, state, positions } = item;
  if (state === 'disputed') {
    const who = consensusTeams.filter((team) => positions[team] === 'disagree');
    return `${label} is disputed: ${teamNames(who)} disagree${who.length > 1 ? '' : 's'}. Agree on it or park it.`;
  }
  const waiting = consensusTeams.filter((team) => positions[team] !== 'agree');
  const changed = consensusTeams.filter((team) => isChanged(positions[team]));
  if (changed.length > 0) {
    const since = changed.every((team) => positions[team] === 'changed-agree') ? 'agreed' : changed.every((team) => positions[team] === 'changed-disagree') ? 'disagreed' : 'gave their positions';
    return `${label} changed since ${teamNames(changed)} ${since}: reconfirm. Waiting for ${teamNames(waiting)}.`;
  }
  return `${label} is not agreed yet: waiting for ${teamNames(waiting)}.`;
}

/**
 * Whether an agreement can be signed and, if not, exactly what blocks it:
 * every item agreed for the content it has now (a yes given for other
 * content does not count) or explicitly parked, and no problem left in the draft.
 */
export function readiness(agreement: Agreement): { ready: boolean; blockers: Blocker[] } {
  const order = new Map(sections.map((section, index) => [section.id, index]));
  const blockers: Blocker[] = [
    ...validateAgreement(agreement).map((issue) => ({ section: issue.section, itemId: issue.itemId, field: issue.field, message: issue.message })),
    ...consensusItems(agreement)
      .filter((item) => item.state !== 'agreed' && item.state !== 'parked')
      .map((item) => ({ section: item.section, itemId: item.id, message: consensusBlocker(item) })),
  ];
  blockers.sort((a, b) => order.get(a.section)! - order.get(b.section)!);
  return { ready: blockers.length === 0, blockers };
}
