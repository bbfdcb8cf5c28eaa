import type { Agreement, Commitment, IcpCriterion } from '../model/agreement';
import { criterionAttributeLabel } from '../model/attribute-labels';
import type { ConsensusItem, ConsensusItemKind } from '../model/sections';
import { teamLabels } from '../model/teams';
import { commitmentTarget } from './document';

/**
 * One short line of what an item says, for the compact table of a part (one
 * row per item): "Region is one of DACH, Benelux · must-have", "Inside sales
 * (SDR/BDR) · first touch after MQL within 4 business hours · per lead". The
 * row names the item already (its label); this line is its substance, so the
 * room sees what it agrees to without opening the card. A value not entered
 * yet reads "not set", never 0.
 */

const NOT_SET = 'not set';
const num = (value: number | null, suffix = '') => (value === null ? NOT_SET : `${value.toLocaleString('en-US')}${suffix}`);
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toLocaleString('en-US')}`;
const filled = (value: string) => value.trim();
/** The parts of a line that have something to say, joined by " · ". */
const line = (...parts: (string | null | undefined | false)[]) => parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' · ');

const effectShort: Record<IcpCriterion['effect'], string> = { 'must-have': 'must-have', points: 'points', disqualifier: 'disqualifier' };
const actionShort = { recycle: 'recycle to nurture', disqualify: 'disqualify', 'return-to-marketing': 'return to marketing' } as const;
const windowShort: Record<Commitment['window'], string> = { 'per-week': 'per week', 'per-month': 'per month', 'per-period': 'per period', 'per-lead': 'per lead', 'per-opportunity': 'per opportunity' };
const durationUnits: ReadonlySet<Commitment['unit']> = new Set(['business-hours', 'hours', 'business-days', 'days']);

function matchShort(match: IcpCriterion['match']): string {
  switch (match.kind) {
    case 'in': {
      const values = match.values.map(filled).filter((value) => value !== '');
      return values.length === 0 ? `is one of (values ${NOT_SET})` : values.length === 1 ? `is ${values[0]}` : `is one of ${values.join(', ')}`;
    }
    case 'range':
      if (match.min !== null && match.max !== null) return `from ${num(match.min)} to ${num(match.max)}`;
      if (match.min !== null) return `at least ${num(match.min)}`;
      if (match.max !== null) return `at most ${num(match.max)}`;
      return `in a range ${NOT_SET}`;
    case 'boolean':
      return match.value ? 'is yes' : 'is no';
    case 'contains':
      return filled(match.text) === '' ? `contains (text ${NOT_SET})` : `contains “${filled(match.text)}”`;
    default: {
      const unknown: never = match;
      return String(unknown);
    }
  }
}

function criterionLine(criterion: IcpCriterion, attributeName: string): string {
  const effect = criterion.effect === 'points' ? (criterion.points === null ? `points ${NOT_SET}` : `${signed(criterion.points)} points`) : criterion.points !== null && criterion.points !== 0 ? `${effectShort[criterion.effect]}, ${signed(criterion.points)} points` : effectShort[criterion.effect];
  return line(`${attributeName || `attribute ${NOT_SET}`} ${matchShort(criterion.match)}`, effect);
}

function commitmentLine(agreement: Agreement, commitment: Commitment): string {
  const metric = filled(commitment.metric) || `metric ${NOT_SET}`;
  if (commitment.kind === 'mql-volume') return line(teamLabels[commitment.team], `${metric}: ${commitmentTarget(agreement, commitment)}`);
  if (commitment.target === null) return line(teamLabels[commitment.team], `${metric}: target ${NOT_SET}`, windowShort[commitment.window]);
  // "4 business hours per lead" → "within 4 business hours · per lead": the window is its own part of the line.
  const target = commitmentTarget(agreement, commitment).replace(new RegExp(` ${windowShort[commitment.window]}$`), '');
  return line(teamLabels[commitment.team], `${metric} ${durationUnits.has(commitment.unit) ? 'within' : 'at least'} ${target}`, windowShort[commitment.window]);
}

type Summary = (agreement: Agreement, id: string) => string | null;
const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((entry) => entry.id === id);

/** Per kind, its line. A `Record` over every kind: a new kind without its line does not compile. */
const summaries: Record<ConsensusItemKind, Summary> = {
  'revenue-plan': (agreement) => {
    const plan = agreement.revenuePlan;
    const money = (value: number | null) => (value === null ? NOT_SET : `${plan.currency} ${value.toLocaleString('en-US')}`);
    return line(`${money(plan.revenueTarget)} per ${filled(plan.periodLabel).toLowerCase() || 'period'}`, `deals of ${money(plan.averageDealSize)}`, `win rate ${num(plan.winRate, ' %')}`, `${num(plan.sdrHeadcount)} SDRs`);
  },
  stage: (agreement, id) => {
    const stage = find(agreement.stages, id);
    return stage ? line(`owner ${teamLabels[stage.owner]}`, stage.maxDays !== null && `at most ${num(stage.maxDays)} days`, filled(stage.definition) || `definition ${NOT_SET}`) : null;
  },
  term: (agreement, id) => {
    const term = find(agreement.glossary, id);
    return term ? filled(term.definition) || `definition ${NOT_SET}` : null;
  },
  criterion: (agreement, id) => {
    const criterion = find(agreement.icp, id);
    // The attribute as people read it ("Annual revenue"), the name this criterion gives it or its default; never the key alone.
    return criterion ? criterionLine(criterion, criterion.attribute.trim() === '' ? '' : criterionAttributeLabel(agreement, criterion)) : null;
  },
  committee: (agreement) => {
    const committee = agreement.buyingCommittee;
    const scored = committee.cells.filter((cell) => cell.points !== null && cell.points !== 0).length;
    const roles = committee.requiredRoles.map((role) => role.replace('-', ' '));
    return line(`${committee.functions.length} functions × ${committee.seniorities.length} seniorities`, `${scored} cells with points`, roles.length > 0 ? `SQL needs: ${roles.join(', ')}` : 'no role required for SQL');
  },
  signal: (agreement, id) => {
    const signal = find(agreement.engagement.signals, id);
    return signal ? line(signal.points === null ? `points ${NOT_SET}` : `${signed(signal.points)} points`, signal.cap !== null && `at most ${num(signal.cap)}`) : null;
  },
  decay: (agreement) => {
    const decay = agreement.engagement.decay;
    if (decay.mode === 'none') return 'points never fade';
    if (decay.days === null) return decay.mode === 'half-life' ? `points halve every … days (${NOT_SET})` : `points reset after … days without activity (${NOT_SET})`;
    return decay.mode === 'half-life' ? `points halve every ${num(decay.days, ' days')}` : `points reset after ${num(decay.days, ' days')} without activity`;
  },
  'fast-track': (agreement, id) => {
    const trigger = find(agreement.engagement.fastTracks, id);
    return trigger ? line(`on “${filled(trigger.signalKey) || NOT_SET}”`, filled(trigger.description)) : null;
  },
  thresholds: (agreement) => {
    const { fitThresholds: fit, engagementThresholds: engagement, mqlRule } = agreement.scoring;
    const rule = `MQL: fit ${mqlRule.minFitGrade}${mqlRule.minFitGrade === 'A' ? '' : ' or better'} and engagement ${mqlRule.minEngagement}${mqlRule.minEngagement === 4 ? '' : ' or more'}${mqlRule.fastTrackQualifies ? ', or a fast track' : ''}`;
    return line(`fit A ≥ ${num(fit.A)}, B ≥ ${num(fit.B)}, C ≥ ${num(fit.C)}`, `engagement 4 ≥ ${num(engagement[4])}, 3 ≥ ${num(engagement[3])}, 2 ≥ ${num(engagement[2])}`, rule);
  },
  framework: (agreement) => {
    const framework = agreement.scoring.framework;
    const questions = framework.questions.filter((question) => filled(question.text) !== '').length;
    return line(framework.kind, `${num(framework.minimumMet)} of ${questions} questions met`);
  },
  handoff: (agreement, id) => {
    const handoff = find(agreement.handoffs, id);
    if (!handoff) return null;
    const fields = handoff.requiredFields.filter((field) => filled(field) !== '').length;
    return line(filled(handoff.what) || `what ${NOT_SET}`, filled(handoff.queue) && `through ${filled(handoff.queue)}`, `${fields} required ${fields === 1 ? 'field' : 'fields'}`);
  },
  commitment: (agreement, id) => {
    const commitment = find(agreement.commitments, id);
    return commitment ? commitmentLine(agreement, commitment) : null;
  },
  reason: (agreement, id) => {
    const reason = find(agreement.reasons, id);
    return reason ? line(filled(reason.code) || `code ${NOT_SET}`, `${actionShort[reason.action]}${reason.afterAgreedAttempts ? ', only after the agreed attempts' : ''}`) : null;
  },
  recycling: (agreement) => line(`re-entry after ${num(agreement.recycling.reentryAfterDays, ' days')}`, filled(agreement.recycling.rule)),
  kpi: (agreement, id) => {
    const kpi = find(agreement.kpis, id);
    return kpi ? line(`owner ${teamLabels[kpi.owner]}`, filled(kpi.definition) || `definition ${NOT_SET}`) : null;
  },
  meeting: (agreement, id) => {
    const meeting = find(agreement.meetings, id);
    return meeting ? line(meeting.cadence, `owner ${teamLabels[meeting.owner]}`, filled(meeting.purpose)) : null;
  },
};

/** The one-line substance of a consensus item (as `consensusItems` names it), or null when it no longer exists. */
export function itemSummary(agreement: Agreement, item: Pick<ConsensusItem, 'kind' | 'id'>): string | null {
  return summaries[item.kind](agreement, item.id);
}
