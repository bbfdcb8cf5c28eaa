/**
 * What an item says, as lines a person reads: the substance of each kind of
 * consensus item (a criterion's attribute, match, effect and points; a
 * commitment's team, metric, target and window; …), the grade grid of the MQL
 * rule, the revenue plan's inputs, funnel and capacity verdict, and part 1's
 * facts. One home, so the presenter window (and later the document) say the
 * same thing; every kind is listed in a `Record`, so a new kind cannot drop out.
 *
 * A value that is not there yet is said ("not set yet"), never shown as 0.
 */
import { computeFunnel, funnelInputsOf, funnelLevelLabels, type CapacityCheck } from './funnel';
import { commitmentTarget } from '../document/document';
import { criterionAttributeLabel } from './attribute-labels';
import { fitGrades, type Agreement, type FitGrade, type IcpCriterion, type Scoring } from './agreement';
import type { ConsensusItem, ConsensusItemKind } from './sections';
import { formatDay } from '../text/datetime';
import { teamLabels } from './teams';

/** One line of an item's substance: a short label ("Match") and what it says ("is one of: Germany, Austria"). */
export interface SubstanceLine {
  label: string;
  text: string;
}

/** An item's substance: its plain name and its lines. */
export interface ItemSubstance {
  /** The item's name without its kind ("Region we sell in", "SAL"). */
  title: string;
  lines: SubstanceLine[];
}

/** What a missing value reads as. */
export const NOT_SET = 'not set yet';

const text = (value: string | null | undefined) => (value && value.trim() !== '' ? value.trim() : NOT_SET);
const num = (value: number | null, suffix = '') => (value === null ? NOT_SET : `${value.toLocaleString('en-US')}${suffix}`);
const whole = (value: number) => Math.ceil(value - 1e-9).toLocaleString('en-US');
/** Only when there is something to say (optional fields). */
const optional = (label: string, value: string | null | undefined): SubstanceLine[] => (value && value.trim() !== '' ? [{ label, text: value.trim() }] : []);

const effectLabels: Record<IcpCriterion['effect'], string> = { 'must-have': 'Must-have: a lead without it is knocked out', points: 'Adds points', disqualifier: 'Disqualifier: a lead with it is out' };
const roleLabels = { 'decision-maker': 'Decision maker', influencer: 'Influencer', champion: 'Champion', user: 'User', blocker: 'Blocker' } as const;
const actionLabels = { recycle: 'Recycle to nurture', disqualify: 'Disqualify', 'return-to-marketing': 'Return to marketing' } as const;
const cadenceLabels = { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' } as const;
const kpiLabels = { mqls: 'MQLs', 'sales-accepted-opportunities': 'Sales-accepted opportunities' } as const;

/** How a criterion reads its attribute: "is one of: Germany, Austria", "from 50 to 500", "yes", "contains “gmail”". */
export function matchText(match: IcpCriterion['match']): string {
  switch (match.kind) {
    case 'in':
      return match.values.length > 0 ? `is one of: ${match.values.join(', ')}` : `is one of: ${NOT_SET}`;
    case 'range':
      if (match.min !== null && match.max !== null) return `from ${num(match.min)} to ${num(match.max)}`;
      if (match.min !== null) return `at least ${num(match.min)}`;
      if (match.max !== null) return `at most ${num(match.max)}`;
      return `a range ${NOT_SET}`;
    case 'boolean':
      return match.value ? 'yes' : 'no';
    case 'contains':
      return match.text.trim() !== '' ? `contains “${match.text.trim()}”` : `contains ${NOT_SET}`;
    default: {
      const unknown: never = match;
      return String(unknown);
    }
  }
}

/** One cell of the grade grid: a fit grade and an engagement level, and whether the MQL rule passes it. */
export interface GradeCell {
  grade: FitGrade;
  level: 1 | 2 | 3 | 4;
  mql: boolean;
}

/** The engagement levels, highest first (the grid's columns). */
export const engagementLevels = [4, 3, 2, 1] as const;

/**
 * The grade grid of the MQL rule: one row per fit grade (A first), one cell per
 * engagement level (4 first); a cell is an MQL when its grade is at least the
 * rule's grade and its level at least the rule's level.
 */
export function gradeGrid(scoring: Pick<Scoring, 'mqlRule'>): GradeCell[][] {
  const { minFitGrade, minEngagement } = scoring.mqlRule;
  const lowest = fitGrades.indexOf(minFitGrade);
  return fitGrades.map((grade, index) => engagementLevels.map((level) => ({ grade, level, mql: index <= lowest && level >= minEngagement })));
}

/** One cell of the decision-maker grid: its points (null when not set) and its buying role, if any. */
export interface CommitteeCell {
  seniority: string;
  points: number | null;
  role: string | null;
}

/**
 * The decision-maker grid as rows (one per job function) of cells (one per
 * seniority, in the agreement's order); a pair the grid has no cell for has
 * no points and no role.
 */
export function committeeGrid(agreement: Agreement): { seniorities: string[]; rows: { function: string; cells: CommitteeCell[] }[]; requiredRoles: string[] } {
  const committee = agreement.buyingCommittee;
  return {
    seniorities: [...committee.seniorities],
    rows: committee.functions.map((fn) => ({
      function: fn,
      cells: committee.seniorities.map((seniority) => {
        const cell = committee.cells.find((entry) => entry.function === fn && entry.seniority === seniority);
        return { seniority, points: cell?.points ?? null, role: cell?.role ? roleLabels[cell.role] : null };
      }),
    })),
    requiredRoles: committee.requiredRoles.map((role) => roleLabels[role]),
  };
}

/** The MQL rule as a sentence: "Fit B or better and engagement 3 or higher, or a fast-track trigger". */
export function mqlRuleText(scoring: Pick<Scoring, 'mqlRule'>): string {
  const rule = scoring.mqlRule;
  const fit = rule.minFitGrade === 'A' ? 'Fit A' : rule.minFitGrade === 'D' ? 'Any fit grade' : `Fit ${rule.minFitGrade} or better`;
  const engagement = rule.minEngagement === 4 ? 'engagement 4' : rule.minEngagement === 1 ? 'any engagement' : `engagement ${rule.minEngagement} or higher`;
  return `${fit} and ${engagement}${rule.fastTrackQualifies ? ', or a fast-track trigger' : ''}`;
}

/** The plan's funnel as lines people read, and the capacity verdict; or why it cannot be computed. */
export type PlanFunnel =
  | { ok: true; levels: { label: string; perMonth: string; perWeek: string }[]; capacity: Pick<CapacityCheck, 'status' | 'message'> }
  | { ok: false; reasons: string[] };

/** The revenue plan's funnel (from the shared funnel engine), per month and per week, rounded up. */
export function planFunnel(agreement: Agreement): PlanFunnel {
  const funnel = computeFunnel(funnelInputsOf(agreement));
  if (!funnel.ok) return { ok: false, reasons: Object.values(funnel.errors) };
  return {
    ok: true,
    levels: [...funnel.levels].reverse().map((level) => ({ label: funnelLevelLabels[level.level], perMonth: whole(level.perMonth), perWeek: whole(level.perWeek) })),
    capacity: { status: funnel.capacity.status, message: funnel.capacity.message },
  };
}

/** The revenue plan's inputs as lines. */
export function planInputs(agreement: Agreement): SubstanceLine[] {
  const plan = agreement.revenuePlan;
  const money = (value: number | null) => (value === null ? NOT_SET : `${plan.currency} ${value.toLocaleString('en-US')}`);
  return [
    { label: 'Period', text: plan.periodWeeks === null ? text(plan.periodLabel) : `${text(plan.periodLabel)} (${num(plan.periodWeeks)} weeks)` },
    { label: 'Revenue target', text: money(plan.revenueTarget) },
    { label: 'Average deal', text: money(plan.averageDealSize) },
    { label: 'Win rate', text: num(plan.winRate, ' %') },
    { label: 'Lead → MQL → SAL → SQL → opp.', text: [plan.leadToMql, plan.mqlToSal, plan.salToSql, plan.sqlToOpportunity].map((rate) => num(rate, ' %')).join(' → ') },
    { label: 'Sales cycle', text: num(plan.salesCycleDays, ' days') },
    { label: 'SDR team', text: plan.sdrHeadcount === null || plan.leadsPerSdrPerWeek === null ? NOT_SET : `${num(plan.sdrHeadcount)} SDRs × ${num(plan.leadsPerSdrPerWeek)} leads a week` },
    { label: 'Marketing’s headline KPI', text: kpiLabels[plan.headlineKpi] },
  ];
}

/** Part 1, which has no consensus items: the workshop's facts and who is in the room. */
export function workshopFacts(agreement: Agreement): { lines: SubstanceLine[]; people: { name: string; detail: string }[] } {
  const { workshop } = agreement;
  return {
    lines: [
      { label: 'Client', text: text(workshop.client) },
      { label: 'Facilitator', text: text(workshop.facilitator) },
      { label: 'Date', text: workshop.date.trim() === '' ? NOT_SET : formatDay(workshop.date) },
      { label: 'Valid for', text: workshop.validityMonths === null ? NOT_SET : `${workshop.validityMonths} months` },
      ...(workshop.nextReviewDate.trim() === '' ? [] : [{ label: 'Next review', text: formatDay(workshop.nextReviewDate) }]),
    ],
    people: agreement.participants.map((person) => ({
      name: person.name.trim() || 'Name not set yet',
      detail: [person.title.trim(), teamLabels[person.team], person.sponsor === 'cmo' ? 'marketing sponsor' : person.sponsor === 'head-of-sales' ? 'sales sponsor' : '', person.signs ? 'signs' : ''].filter(Boolean).join(' · '),
    })),
  };
}

type Writer = (agreement: Agreement, id: string) => ItemSubstance | null;

const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((entry) => entry.id === id);

/** Per kind, what its substance is. A `Record` over every kind: adding a kind without its lines does not compile. */
const writers: Record<ConsensusItemKind, Writer> = {
  'revenue-plan': (agreement) => ({ title: 'The revenue plan', lines: planInputs(agreement) }),
  stage: (agreement, id) => {
    const stage = find(agreement.stages, id);
    if (!stage) return null;
    return {
      title: text(stage.name),
      lines: [
        { label: 'Definition', text: text(stage.definition) },
        { label: 'Entry', text: text(stage.entryCriteria) },
        { label: 'Exit', text: text(stage.exitCriteria) },
        { label: 'Owner', text: `${teamLabels[stage.owner]}${stage.maxDays === null ? '' : ` · at most ${stage.maxDays.toLocaleString('en-US')} days`}` },
      ],
    };
  },
  term: (agreement, id) => {
    const term = find(agreement.glossary, id);
    return term ? { title: text(term.term), lines: [{ label: 'Means', text: text(term.definition) }] } : null;
  },
  criterion: (agreement, id) => {
    const criterion = find(agreement.icp, id);
    if (!criterion) return null;
    // The attribute by its display name (the criterion's, else the agreement's, else the template's); the key is for RevOps.
    const shown = criterion.attribute.trim() === '' ? NOT_SET : criterionAttributeLabel(agreement, criterion);
    const points = criterion.effect === 'points' ? [{ label: 'Points', text: criterion.points === null ? NOT_SET : `${criterion.points > 0 ? '+' : ''}${criterion.points.toLocaleString('en-US')}` }] : criterion.points !== null && criterion.points !== 0 ? [{ label: 'Points', text: criterion.points.toLocaleString('en-US') }] : [];
    return {
      title: criterion.label.trim() || shown,
      lines: [{ label: 'Attribute', text: shown }, { label: 'Match', text: matchText(criterion.match) }, { label: 'Effect', text: effectLabels[criterion.effect] }, ...points, ...optional('Why', criterion.rationale)],
    };
  },
  committee: (agreement) => {
    const committee = agreement.buyingCommittee;
    const rows = committee.functions.map((fn) => {
      const cells = committee.seniorities
        .map((seniority) => ({ seniority, cell: committee.cells.find((entry) => entry.function === fn && entry.seniority === seniority) }))
        .filter(({ cell }) => cell && ((cell.points !== null && cell.points !== 0) || cell.role))
        .map(({ seniority, cell }) => `${seniority} ${cell!.points === null ? NOT_SET : `${cell!.points > 0 ? '+' : ''}${cell!.points}`}${cell!.role ? ` (${roleLabels[cell!.role]})` : ''}`);
      return { label: text(fn), text: cells.length > 0 ? cells.join(', ') : 'no points' };
    });
    return { title: 'The decision-maker grid', lines: [...rows, { label: 'Required for SQL', text: committee.requiredRoles.map((role) => roleLabels[role]).join(', ') || 'no role required' }] };
  },
  signal: (agreement, id) => {
    const signal = find(agreement.engagement.signals, id);
    if (!signal) return null;
    return { title: text(signal.name), lines: [{ label: 'Points', text: signal.points === null ? NOT_SET : `${signal.points > 0 ? '+' : ''}${signal.points.toLocaleString('en-US')}${signal.cap === null ? '' : `, at most ${signal.cap.toLocaleString('en-US')}`}` }, ...optional('CRM field', signal.key)] };
  },
  decay: (agreement) => {
    const decay = agreement.engagement.decay;
    const rule = decay.mode === 'none' ? 'Points never fade' : decay.mode === 'half-life' ? `Points halve every ${num(decay.days, ' days')}` : `Points reset after ${num(decay.days, ' days')} without activity`;
    return { title: 'Score decay', lines: [{ label: 'Rule', text: rule }] };
  },
  'fast-track': (agreement, id) => {
    const trigger = find(agreement.engagement.fastTracks, id);
    if (!trigger) return null;
    return { title: text(trigger.name), lines: [{ label: 'What happens', text: text(trigger.description) }, ...optional('Signal', trigger.signalKey)] };
  },
  thresholds: (agreement) => {
    const { fitThresholds: fit, engagementThresholds: engagement } = agreement.scoring;
    return {
      title: 'Grades and the MQL rule',
      lines: [
        { label: 'Fit grades', text: `A ≥ ${num(fit.A)} · B ≥ ${num(fit.B)} · C ≥ ${num(fit.C)} · D below` },
        { label: 'Engagement', text: `4 ≥ ${num(engagement[4])} · 3 ≥ ${num(engagement[3])} · 2 ≥ ${num(engagement[2])} · 1 below` },
        { label: 'MQL rule', text: mqlRuleText(agreement.scoring) },
      ],
    };
  },
  framework: (agreement) => {
    const framework = agreement.scoring.framework;
    return {
      title: `Qualification framework: ${framework.kind}`,
      lines: [...framework.questions.map((question, index) => ({ label: String(index + 1), text: text(question.text) })), { label: 'Must be met', text: `${num(framework.minimumMet)} of ${framework.questions.length}` }],
    };
  },
  handoff: (agreement, id) => {
    const handoff = find(agreement.handoffs, id);
    if (!handoff) return null;
    return {
      title: `${teamLabels[handoff.from]} → ${teamLabels[handoff.to]}`,
      lines: [{ label: 'What', text: text(handoff.what) }, ...optional('Through', handoff.queue), { label: 'Required fields', text: handoff.requiredFields.filter((field) => field.trim() !== '').join(', ') || 'none' }],
    };
  },
  commitment: (agreement, id) => {
    const commitment = find(agreement.commitments, id);
    if (!commitment) return null;
    return {
      title: text(commitment.metric),
      lines: [{ label: 'Team', text: teamLabels[commitment.team] }, { label: 'Target', text: commitment.target === null && commitment.kind !== 'mql-volume' ? NOT_SET : commitmentTarget(agreement, commitment) }, ...optional('Measured by', commitment.measuredBy), ...optional('Escalation', commitment.escalation)],
    };
  },
  reason: (agreement, id) => {
    const reason = find(agreement.reasons, id);
    if (!reason) return null;
    return { title: text(reason.label), lines: [{ label: 'Code', text: text(reason.code) }, { label: 'Then', text: `${actionLabels[reason.action]}${reason.afterAgreedAttempts ? ', only after the agreed attempts' : ''}` }] };
  },
  recycling: (agreement) => ({ title: 'Recycling rule', lines: [{ label: 'Re-entry after', text: num(agreement.recycling.reentryAfterDays, ' days') }, ...optional('Rule', agreement.recycling.rule)] }),
  kpi: (agreement, id) => {
    const kpi = find(agreement.kpis, id);
    return kpi ? { title: text(kpi.name), lines: [{ label: 'Definition', text: text(kpi.definition) }, { label: 'Owner', text: teamLabels[kpi.owner] }] } : null;
  },
  meeting: (agreement, id) => {
    const meeting = find(agreement.meetings, id);
    return meeting ? { title: text(meeting.name), lines: [{ label: 'When', text: `${cadenceLabels[meeting.cadence]} · ${teamLabels[meeting.owner]}` }, ...optional('Purpose', meeting.purpose)] } : null;
  },
};

/** The substance of one consensus item (as `consensusItems` names it), or null when it no longer exists. */
export function itemSubstance(agreement: Agreement, item: Pick<ConsensusItem, 'kind' | 'id'>): ItemSubstance | null {
  return writers[item.kind](agreement, item.id);
}
