/**
 * What an item says, in one home: per kind of consensus item, the card the
 * presenter window shows (a title and labelled lines: a criterion's attribute,
 * match, effect and points; a commitment's team, metric, target and window; …)
 * and the one line of the part table and the document ("Region is one of
 * DACH, Benelux · must-have"). Both are written from the same entry of one
 * table (`kindTexts`), which finds the item once and hands it to both, and the
 * table is a `Record` over every kind, so a new kind cannot drop out of either.
 * Also here: the grade grid of the MQL rule, the revenue plan's inputs, funnel
 * and capacity verdict, part 1's facts, and a commitment's target as written.
 *
 * A value that is not there yet is said ("not set yet" on a card, "not set" in
 * the shorter line), never shown as 0.
 */
import { computeFunnel, funnelInputsOf, funnelLevelLabels, planVolumeTarget, type CapacityCheck } from './funnel';
import { criterionAttributeLabel } from './attribute-labels';
import { fitGrades, type Agreement, type Commitment, type FitGrade, type IcpCriterion, type Scoring } from './agreement';
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


const unitLabels: Record<string, string> = { count: '', 'business-hours': ' business hours', hours: ' hours', 'business-days': ' business days', days: ' days', attempts: ' attempts', percent: ' %' };
const windowLabels: Record<string, string> = { 'per-week': 'per week', 'per-month': 'per month', 'per-period': 'per period', 'per-lead': 'per lead', 'per-opportunity': 'per opportunity' };
/** A figure of a target: "—" when not set (the document's own dash). */
const targetNumber = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US'));

/** The target of a commitment as a sentence part: "4 business hours per lead", "239 MQLs per month (from the plan)". */
export function commitmentTarget(agreement: Agreement, commitment: Agreement['commitments'][number]): string {
  if (commitment.kind === 'mql-volume') {
    const target = planVolumeTarget(agreement, commitment);
    return target ? `${target.value.toLocaleString('en-US')} ${target.unit} ${windowLabels[commitment.window]} (from the plan)` : 'from the plan (incomplete)';
  }
  const over = commitment.kind === 'attempts' && commitment.overDays !== null ? ` over ${commitment.overDays} days` : '';
  return `${targetNumber(commitment.target)}${unitLabels[commitment.unit] ?? ''}${over} ${windowLabels[commitment.window]}`;
}


const find = <T extends { id: string }>(list: readonly T[], id: string) => list.find((entry) => entry.id === id);

/** What a missing value reads as in the one-line summary (shorter than a card's NOT_SET). */
const LINE_NOT_SET = 'not set';
const lineNum = (value: number | null, suffix = '') => (value === null ? LINE_NOT_SET : `${value.toLocaleString('en-US')}${suffix}`);
const signedNumber = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toLocaleString('en-US')}`;
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
      return values.length === 0 ? `is one of (values ${LINE_NOT_SET})` : values.length === 1 ? `is ${values[0]}` : `is one of ${values.join(', ')}`;
    }
    case 'range':
      if (match.min !== null && match.max !== null) return `from ${lineNum(match.min)} to ${lineNum(match.max)}`;
      if (match.min !== null) return `at least ${lineNum(match.min)}`;
      if (match.max !== null) return `at most ${lineNum(match.max)}`;
      return `in a range ${LINE_NOT_SET}`;
    case 'boolean':
      return match.value ? 'is yes' : 'is no';
    case 'contains':
      return filled(match.text) === '' ? `contains (text ${LINE_NOT_SET})` : `contains “${filled(match.text)}”`;
    default: {
      const unknown: never = match;
      return String(unknown);
    }
  }
}

function criterionLine(criterion: IcpCriterion, attributeName: string): string {
  const effect = criterion.effect === 'points' ? (criterion.points === null ? `points ${LINE_NOT_SET}` : `${signedNumber(criterion.points)} points`) : criterion.points !== null && criterion.points !== 0 ? `${effectShort[criterion.effect]}, ${signedNumber(criterion.points)} points` : effectShort[criterion.effect];
  return line(`${attributeName || `attribute ${LINE_NOT_SET}`} ${matchShort(criterion.match)}`, effect);
}

function commitmentLine(agreement: Agreement, commitment: Commitment): string {
  const metric = filled(commitment.metric) || `metric ${LINE_NOT_SET}`;
  if (commitment.kind === 'mql-volume') return line(teamLabels[commitment.team], `${metric}: ${commitmentTarget(agreement, commitment)}`);
  if (commitment.target === null) return line(teamLabels[commitment.team], `${metric}: target ${LINE_NOT_SET}`, windowShort[commitment.window]);
  // "4 business hours per lead" → "within 4 business hours · per lead": the window is its own part of the line.
  const target = commitmentTarget(agreement, commitment).replace(new RegExp(` ${windowShort[commitment.window]}$`), '');
  return line(teamLabels[commitment.team], `${metric} ${durationUnits.has(commitment.unit) ? 'within' : 'at least'} ${target}`, windowShort[commitment.window]);
}


/**
 * How one kind of item is said: `find` picks the item out of the agreement
 * (undefined when it no longer exists), and the card and the line are written
 * from what it found, so the two always speak of the same fields.
 */
interface KindText<T> {
  find(agreement: Agreement, id: string): T | undefined;
  card(entry: T, agreement: Agreement): ItemSubstance;
  line(entry: T, agreement: Agreement): string;
}

/** A kind's texts, its entry type checked here and erased for the table (which only passes `find`'s result back in). */
const kindText = <T>(text: KindText<T>): KindText<unknown> => text as KindText<unknown>;
/** For the kinds that are the agreement's one part (the revenue plan, the grid, …): the agreement itself. */
const itself = (agreement: Agreement) => agreement;

/** Per kind, its card and its line. A `Record` over every kind: adding a kind without both does not compile. */
const kindTexts: Record<ConsensusItemKind, KindText<unknown>> = {
  'revenue-plan': kindText({
    find: itself,
    card: (agreement) => ({ title: 'The revenue plan', lines: planInputs(agreement) }),
    line: (agreement) => {
      const plan = agreement.revenuePlan;
      const money = (value: number | null) => (value === null ? LINE_NOT_SET : `${plan.currency} ${value.toLocaleString('en-US')}`);
      return line(`${money(plan.revenueTarget)} per ${filled(plan.periodLabel).toLowerCase() || 'period'}`, `deals of ${money(plan.averageDealSize)}`, `win rate ${lineNum(plan.winRate, ' %')}`, `${lineNum(plan.sdrHeadcount)} SDRs`);
    },
  }),
  stage: kindText({
    find: (agreement, id) => find(agreement.stages, id),
    card: (stage) => ({
      title: text(stage.name),
      lines: [
        { label: 'Definition', text: text(stage.definition) },
        { label: 'Entry', text: text(stage.entryCriteria) },
        { label: 'Exit', text: text(stage.exitCriteria) },
        { label: 'Owner', text: `${teamLabels[stage.owner]}${stage.maxDays === null ? '' : ` · at most ${stage.maxDays.toLocaleString('en-US')} days`}` },
      ],
    }),
    line: (stage) => line(`owner ${teamLabels[stage.owner]}`, stage.maxDays !== null && `at most ${lineNum(stage.maxDays)} days`, filled(stage.definition) || `definition ${LINE_NOT_SET}`),
  }),
  term: kindText({
    find: (agreement, id) => find(agreement.glossary, id),
    card: (term) => ({ title: text(term.term), lines: [{ label: 'Means', text: text(term.definition) }] }),
    line: (term) => filled(term.definition) || `definition ${LINE_NOT_SET}`,
  }),
  criterion: kindText({
    find: (agreement, id) => find(agreement.icp, id),
    card: (criterion, agreement) => {
      // The attribute by its display name (the criterion's, else the agreement's, else the template's); the key is for RevOps.
      const shown = criterion.attribute.trim() === '' ? NOT_SET : criterionAttributeLabel(agreement, criterion);
      const points = criterion.effect === 'points' ? [{ label: 'Points', text: criterion.points === null ? NOT_SET : `${criterion.points > 0 ? '+' : ''}${criterion.points.toLocaleString('en-US')}` }] : criterion.points !== null && criterion.points !== 0 ? [{ label: 'Points', text: criterion.points.toLocaleString('en-US') }] : [];
      return {
        title: criterion.label.trim() || shown,
        lines: [{ label: 'Attribute', text: shown }, { label: 'Match', text: matchText(criterion.match) }, { label: 'Effect', text: effectLabels[criterion.effect] }, ...points, ...optional('Why', criterion.rationale)],
      };
    },
    // The attribute as people read it ("Annual revenue"), the name this criterion gives it or its default; never the key alone.
    line: (criterion, agreement) => criterionLine(criterion, criterion.attribute.trim() === '' ? '' : criterionAttributeLabel(agreement, criterion)),
  }),
  committee: kindText({
    find: itself,
    card: (agreement) => {
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
    line: (agreement) => {
      const committee = agreement.buyingCommittee;
      const scored = committee.cells.filter((cell) => cell.points !== null && cell.points !== 0).length;
      const roles = committee.requiredRoles.map((role) => role.replace('-', ' '));
      return line(`${committee.functions.length} functions × ${committee.seniorities.length} seniorities`, `${scored} cells with points`, roles.length > 0 ? `SQL needs: ${roles.join(', ')}` : 'no role required for SQL');
    },
  }),
  signal: kindText({
    find: (agreement, id) => find(agreement.engagement.signals, id),
    card: (signal) => ({ title: text(signal.name), lines: [{ label: 'Points', text: signal.points === null ? NOT_SET : `${signal.points > 0 ? '+' : ''}${signal.points.toLocaleString('en-US')}${signal.cap === null ? '' : `, at most ${signal.cap.toLocaleString('en-US')}`}` }, ...optional('CRM field', signal.key)] }),
    line: (signal) => line(signal.points === null ? `points ${LINE_NOT_SET}` : `${signedNumber(signal.points)} points`, signal.cap !== null && `at most ${lineNum(signal.cap)}`),
  }),
  decay: kindText({
    find: (agreement) => agreement.engagement.decay,
    card: (decay) => ({ title: 'Score decay', lines: [{ label: 'Rule', text: decay.mode === 'none' ? 'Points never fade' : decay.mode === 'half-life' ? `Points halve every ${num(decay.days, ' days')}` : `Points reset after ${num(decay.days, ' days')} without activity` }] }),
    line: (decay) => {
      if (decay.mode === 'none') return 'points never fade';
      if (decay.days === null) return decay.mode === 'half-life' ? `points halve every … days (${LINE_NOT_SET})` : `points reset after … days without activity (${LINE_NOT_SET})`;
      return decay.mode === 'half-life' ? `points halve every ${lineNum(decay.days, ' days')}` : `points reset after ${lineNum(decay.days, ' days')} without activity`;
    },
  }),
  'fast-track': kindText({
    find: (agreement, id) => find(agreement.engagement.fastTracks, id),
    card: (trigger) => ({ title: text(trigger.name), lines: [{ label: 'What happens', text: text(trigger.description) }, ...optional('Signal', trigger.signalKey)] }),
    line: (trigger) => line(`on “${filled(trigger.signalKey) || LINE_NOT_SET}”`, filled(trigger.description)),
  }),
  thresholds: kindText({
    find: (agreement) => agreement.scoring,
    card: (scoring) => {
      const { fitThresholds: fit, engagementThresholds: engagement } = scoring;
      return {
        title: 'Grades and the MQL rule',
        lines: [
          { label: 'Fit grades', text: `A ≥ ${num(fit.A)} · B ≥ ${num(fit.B)} · C ≥ ${num(fit.C)} · D below` },
          { label: 'Engagement', text: `4 ≥ ${num(engagement[4])} · 3 ≥ ${num(engagement[3])} · 2 ≥ ${num(engagement[2])} · 1 below` },
          { label: 'MQL rule', text: mqlRuleText(scoring) },
        ],
      };
    },
    line: (scoring) => {
      const { fitThresholds: fit, engagementThresholds: engagement, mqlRule } = scoring;
      const rule = `MQL: fit ${mqlRule.minFitGrade}${mqlRule.minFitGrade === 'A' ? '' : ' or better'} and engagement ${mqlRule.minEngagement}${mqlRule.minEngagement === 4 ? '' : ' or more'}${mqlRule.fastTrackQualifies ? ', or a fast track' : ''}`;
      return line(`fit A ≥ ${lineNum(fit.A)}, B ≥ ${lineNum(fit.B)}, C ≥ ${lineNum(fit.C)}`, `engagement 4 ≥ ${lineNum(engagement[4])}, 3 ≥ ${lineNum(engagement[3])}, 2 ≥ ${lineNum(engagement[2])}`, rule);
    },
  }),
  framework: kindText({
    find: (agreement) => agreement.scoring.framework,
    card: (framework) => ({
      title: `Qualification framework: ${framework.kind}`,
      lines: [...framework.questions.map((question, index) => ({ label: String(index + 1), text: text(question.text) })), { label: 'Must be met', text: `${num(framework.minimumMet)} of ${framework.questions.length}` }],
    }),
    line: (framework) => line(framework.kind, `${lineNum(framework.minimumMet)} of ${framework.questions.filter((question) => filled(question.text) !== '').length} questions met`),
  }),
  handoff: kindText({
    find: (agreement, id) => find(agreement.handoffs, id),
    card: (handoff) => ({
      title: `${teamLabels[handoff.from]} → ${teamLabels[handoff.to]}`,
      lines: [{ label: 'What', text: text(handoff.what) }, ...optional('Through', handoff.queue), { label: 'Required fields', text: handoff.requiredFields.filter((field) => field.trim() !== '').join(', ') || 'none' }],
    }),
    line: (handoff) => {
      const fields = handoff.requiredFields.filter((field) => filled(field) !== '').length;
      return line(filled(handoff.what) || `what ${LINE_NOT_SET}`, filled(handoff.queue) && `through ${filled(handoff.queue)}`, `${fields} required ${fields === 1 ? 'field' : 'fields'}`);
    },
  }),
  commitment: kindText({
    find: (agreement, id) => find(agreement.commitments, id),
    card: (commitment, agreement) => ({
      title: text(commitment.metric),
      lines: [{ label: 'Team', text: teamLabels[commitment.team] }, { label: 'Target', text: commitment.target === null && commitment.kind !== 'mql-volume' ? NOT_SET : commitmentTarget(agreement, commitment) }, ...optional('Measured by', commitment.measuredBy), ...optional('Escalation', commitment.escalation)],
    }),
    line: (commitment, agreement) => commitmentLine(agreement, commitment),
  }),
  reason: kindText({
    find: (agreement, id) => find(agreement.reasons, id),
    card: (reason) => ({ title: text(reason.label), lines: [{ label: 'Code', text: text(reason.code) }, { label: 'Then', text: `${actionLabels[reason.action]}${reason.afterAgreedAttempts ? ', only after the agreed attempts' : ''}` }] }),
    line: (reason) => line(filled(reason.code) || `code ${LINE_NOT_SET}`, `${actionShort[reason.action]}${reason.afterAgreedAttempts ? ', only after the agreed attempts' : ''}`),
  }),
  recycling: kindText({
    find: (agreement) => agreement.recycling,
    card: (recycling) => ({ title: 'Recycling rule', lines: [{ label: 'Re-entry after', text: num(recycling.reentryAfterDays, ' days') }, ...optional('Rule', recycling.rule)] }),
    line: (recycling) => line(`re-entry after ${lineNum(recycling.reentryAfterDays, ' days')}`, filled(recycling.rule)),
  }),
  kpi: kindText({
    find: (agreement, id) => find(agreement.kpis, id),
    card: (kpi) => ({ title: text(kpi.name), lines: [{ label: 'Definition', text: text(kpi.definition) }, { label: 'Owner', text: teamLabels[kpi.owner] }] }),
    line: (kpi) => line(`owner ${teamLabels[kpi.owner]}`, filled(kpi.definition) || `definition ${LINE_NOT_SET}`),
  }),
  meeting: kindText({
    find: (agreement, id) => find(agreement.meetings, id),
    card: (meeting) => ({ title: text(meeting.name), lines: [{ label: 'When', text: `${cadenceLabels[meeting.cadence]} · ${teamLabels[meeting.owner]}` }, ...optional('Purpose', meeting.purpose)] }),
    line: (meeting) => line(meeting.cadence, `owner ${teamLabels[meeting.owner]}`, filled(meeting.purpose)),
  }),
};

/** The substance of one consensus item (as `consensusItems` names it), for its card; null when it no longer exists. */
export function itemSubstance(agreement: Agreement, item: Pick<ConsensusItem, 'kind' | 'id'>): ItemSubstance | null {
  const texts = kindTexts[item.kind];
  const entry = texts.find(agreement, item.id);
  return entry === undefined ? null : texts.card(entry, agreement);
}

/** The one-line substance of a consensus item, for the part table and the document; null when it no longer exists. */
export function itemSummary(agreement: Agreement, item: Pick<ConsensusItem, 'kind' | 'id'>): string | null {
  const texts = kindTexts[item.kind];
  const entry = texts.find(agreement, item.id);
  return entry === undefined ? null : texts.line(entry, agreement);
}
