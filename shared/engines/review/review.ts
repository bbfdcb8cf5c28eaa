import { compileCalendar, type WorkingCalendar } from '../calendar/business-time';
import { computeFunnel, funnelInputsOf, planVolumeTarget } from '../funnel/funnel';
import type { Agreement, Commitment } from '../../model/agreement';

/**
 * The SLA review: every measurable commitment of the agreement, measured
 * on the CRM's own lead histories over a period, actual against target,
 * met / at risk / missed, with the leads behind a miss. Plain data in and
 * out; streaming (`add` row by row) with memory that does not grow with the
 * rows, except the ids of leads behind a miss (capped).
 */

/** One lead's history as the CRM recorded it (instants in ms; null = not recorded). */
export interface LeadHistory {
  id: string;
  createdAt: number | null;
  mqlAt: number | null;
  owner: string | null;
  firstTouchAt: number | null;
  attempts: number | null;
  acceptedAt: number | null;
  rejectedAt: number | null;
  rejectionReason: string | null;
  sqlAt: number | null;
  opportunityAt: number | null;
  outcome: 'won' | 'lost' | null;
  amount: number | null;
}

/** Whether a commitment was kept. */
export type CommitmentState = 'met' | 'at-risk' | 'missed' | 'no-data';

/** One commitment (or KPI) measured. */
export interface CommitmentResult {
  id: string;
  kind: string;
  team: string;
  metric: string;
  /** The headline figure, with its unit, e.g. "87.5 % within 4 business hours". */
  actual: string;
  target: string;
  state: CommitmentState;
  /** The numbers behind the headline. */
  figures: Record<string, number | null>;
  /** Ids of the leads behind a miss (at most 500), to open from the file. */
  missedLeads: string[];
  missedCount: number;
}

/** A data-quality problem: counted and listed, never silently used. */
export interface DataProblem {
  problem: string;
  count: number;
  examples: string[];
}

/** The whole review of a period. */
export interface ReviewResult {
  from: string;
  to: string;
  leads: number;
  mqls: number;
  commitments: CommitmentResult[];
  /** Stage-to-stage conversion against the plan's rates (percent). */
  conversion: { step: string; actual: number | null; planned: number | null; state: CommitmentState }[];
  /** MQLs per ISO week (Monday) and per month in the period, with the plan's need. */
  weekly: { week: string; mqls: number }[];
  monthly: { month: string; mqls: number; opportunities: number }[];
  need: { mqlsPerWeek: number | null; mqlsPerMonth: number | null; opportunitiesPerMonth: number | null };
  /** Speed to first touch, in business hours: a histogram (0–1, 1–2, … 24+) for the chart. */
  speedHistogram: { label: string; count: number }[];
  reasons: { reason: string; count: number; known: boolean }[];
  problems: DataProblem[];
}

/** Share of leads within target that counts as met, and as at risk (below that it is missed). */
export const SHARE_MET = 0.9;
export const SHARE_AT_RISK = 0.75;
const MAX_LISTED = 500;
const HOUR = 3_600_000;

const pct = (value: number) => `${(Math.round(value * 1000) / 10).toLocaleString('en-US')} %`;
const stateOfShare = (share: number | null): CommitmentState => (share === null ? 'no-data' : share >= SHARE_MET ? 'met' : share >= SHARE_AT_RISK ? 'at-risk' : 'missed');
const stateOfVolume = (actual: number, target: number | null): CommitmentState => (target === null || target <= 0 ? 'no-data' : actual >= target ? 'met' : actual >= target * 0.9 ? 'at-risk' : 'missed');

/** The k-th smallest value (0-based), in place, in linear time on average (Hoare's selection). */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i += 1;
      while (values[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** A quantile with linear interpolation between neighbours (as a sorted list would give). */
function quantile(values: Float64Array, q: number): number | null {
  if (values.length === 0) return null;
  const position = (values.length - 1) * q;
  const low = Math.floor(position);
  const lowValue = select(values, low);
  if (position === low) return lowValue;
  // The next value up is the smallest of those above position `low` after selection.
  let next = Number.POSITIVE_INFINITY;
  for (let index = low + 1; index < values.length; index += 1) if (values[index]! < next) next = values[index]!;
  return lowValue + (next - lowValue) * (position - low);
}

/** Words that mark a rejection as "unable to reach" (the reason the attempts commitment is about). */
const UNREACHABLE = /unable to reach|unreachable|no response|not reached|no answer|nicht erreicht/i;

const DAY_MS = 86_400_000;
/** The month (YYYY-MM) of a day number, cached. */
const dayMonth = new Map<number, string>();
function monthOf(day: number): string {
  let month = dayMonth.get(day);
  if (month === undefined) {
    month = formatDay(day).slice(0, 7);
    dayMonth.set(day, month);
  }
  return month;
}

/** Day numbers (days since 1970-01-01, local) to YYYY-MM-DD, cached: a review spans a few hundred days. */
const dayText = new Map<number, string>();
function formatDay(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayText.set(day, text);
  }
  return text;
}

/** Streams lead histories into the review of one period. */
export class ReviewAggregator {
  private readonly calendar;
  private readonly workingDayMs: number;
  private readonly fromMs: number;
  private readonly toMs: number;
  private leads = 0;
  private mqls = 0;
  private readonly weekly = new Map<number, number>();
  private readonly monthly = new Map<string, { mqls: number; opportunities: number }>();
  private speeds = new Float64Array(1024);
  private speedCount = 0;
  private touchedWithin = 0;
  private touchMeasured = 0;
  private readonly touchMissed: string[] = [];
  private touchMissedCount = 0;
  private decisionWithin = 0;
  private decisionMeasured = 0;
  private readonly decisionMissed: string[] = [];
  private decisionMissedCount = 0;
  private unreachable = 0;
  private unreachableCompliant = 0;
  private readonly attemptsMissed: string[] = [];
  private rejected = 0;
  private rejectedWithReason = 0;
  private readonly rejectedWithoutReason: string[] = [];
  private readonly reasons = new Map<string, number>();
  private recycled = 0;
  private recycledLater = 0;
  private accepted = 0;
  private sqls = 0;
  private opportunities = 0;
  private won = 0;
  private closed = 0;
  private readonly problems = new Map<string, DataProblem>();
  private readonly knownReasons: Map<string, { recycle: boolean; unreachable: boolean }>;
  private readonly targets: { firstTouchHours: number | null; attempts: number | null; acceptDays: number | null };

  constructor(
    private readonly agreement: Agreement,
    private readonly period: { from: string; to: string },
    calendar: WorkingCalendar,
    /** Converts a period date (YYYY-MM-DD, local) to the instant it starts. */
    dayStart: (date: string) => number,
  ) {
    this.calendar = compileCalendar(calendar);
    const [startH, startM] = calendar.start.split(':').map(Number) as [number, number];
    const [endH, endM] = calendar.end.split(':').map(Number) as [number, number];
    this.workingDayMs = (endH * 60 + endM - startH * 60 - startM) * 60_000;
    this.fromMs = dayStart(period.from);
    this.toMs = dayStart(nextDay(period.to));
    this.knownReasons = new Map(agreement.reasons.flatMap((reason) => [reason.code, reason.label].filter(Boolean).map((key) => [key.trim().toLowerCase(), { recycle: reason.action === 'recycle', unreachable: UNREACHABLE.test(reason.label) || UNREACHABLE.test(reason.code) || reason.afterAgreedAttempts }] as const)));
    const target = (kind: Commitment['kind']) => agreement.commitments.find((commitment) => commitment.kind === kind)?.target ?? null;
    this.targets = { firstTouchHours: target('first-touch'), attempts: target('attempts'), acceptDays: target('accept-reject') };
  }

  private problem(problem: string, id: string): void {
    const entry = this.problems.get(problem) ?? { problem, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 20) entry.examples.push(id);
    this.problems.set(problem, entry);
  }

  /** Adds one lead (leads whose MQL date is outside the period are counted for data quality only). */
  add(lead: LeadHistory): void {
    this.leads += 1;
    if (lead.mqlAt === null) return;
    if (lead.mqlAt < this.fromMs || lead.mqlAt >= this.toMs) return;
    this.mqls += 1;
    const day = this.calendar.localDay(lead.mqlAt);
    // Monday of the ISO week (1970-01-01 was a Thursday), as a day number; formatted in result().
    const week = day - ((day + 3) % 7);
    this.weekly.set(week, (this.weekly.get(week) ?? 0) + 1);
    const month = monthOf(day);
    let monthEntry = this.monthly.get(month);
    if (!monthEntry) {
      monthEntry = { mqls: 0, opportunities: 0 };
      this.monthly.set(month, monthEntry);
    }
    monthEntry.mqls += 1;
    if (lead.createdAt !== null && lead.createdAt > lead.mqlAt) this.problem('MQL date before the lead was created', lead.id);
    if (lead.createdAt !== null && lead.firstTouchAt !== null && lead.firstTouchAt < lead.createdAt) this.problem('First touch before the lead was created', lead.id);

    // Speed to first touch, in business hours from the MQL date.
    if (lead.firstTouchAt === null) {
      this.touchMeasured += 1;
      this.touchMissedCount += 1;
      if (this.touchMissed.length < MAX_LISTED) this.touchMissed.push(lead.id);
      this.problem('No first touch recorded', lead.id);
    } else if (lead.firstTouchAt < lead.mqlAt) {
      this.problem('First touch before the MQL date', lead.id);
    } else {
      const hours = this.calendar.businessMs(lead.mqlAt, lead.firstTouchAt) / HOUR;
      if (this.speedCount === this.speeds.length) {
        const grown = new Float64Array(this.speeds.length * 2);
        grown.set(this.speeds);
        this.speeds = grown;
      }
      this.speeds[this.speedCount++] = hours;
      this.touchMeasured += 1;
      if (this.targets.firstTouchHours !== null && hours <= this.targets.firstTouchHours + 1e-9) this.touchedWithin += 1;
      else {
        this.touchMissedCount += 1;
        if (this.touchMissed.length < MAX_LISTED) this.touchMissed.push(lead.id);
      }
    }

    // Accept or reject within the agreed business days.
    const decidedAt = lead.acceptedAt ?? lead.rejectedAt;
    if (decidedAt !== null) {
      if (decidedAt < lead.mqlAt) this.problem('Accepted or rejected before the MQL date', lead.id);
      else {
        this.decisionMeasured += 1;
        const days = this.calendar.businessMs(lead.mqlAt, decidedAt) / this.workingDayMs;
        if (this.targets.acceptDays !== null && days <= this.targets.acceptDays + 1e-9) this.decisionWithin += 1;
        else {
          this.decisionMissedCount += 1;
          if (this.decisionMissed.length < MAX_LISTED) this.decisionMissed.push(lead.id);
        }
      }
    } else {
      this.decisionMeasured += 1;
      this.decisionMissedCount += 1;
      if (this.decisionMissed.length < MAX_LISTED) this.decisionMissed.push(lead.id);
    }
    if (lead.acceptedAt !== null && lead.rejectedAt !== null) this.problem('Both accepted and rejected', lead.id);

    if (lead.acceptedAt !== null) this.accepted += 1;
    if (lead.rejectedAt !== null) {
      this.rejected += 1;
      const reason = lead.rejectionReason?.trim() ?? '';
      const known = reason === '' ? undefined : this.knownReasons.get(reason.toLowerCase());
      if (reason === '') {
        if (this.rejectedWithoutReason.length < MAX_LISTED) this.rejectedWithoutReason.push(lead.id);
      } else {
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
        if (known) this.rejectedWithReason += 1;
        else this.problem('Rejection reason not in the agreed reason codes', lead.id);
      }
      if (known?.unreachable) {
        this.unreachable += 1;
        if (lead.attempts === null) this.problem('Rejected as unable to reach, attempts not recorded', lead.id);
        if (this.targets.attempts !== null && (lead.attempts ?? 0) >= this.targets.attempts) this.unreachableCompliant += 1;
        else if (this.attemptsMissed.length < MAX_LISTED) this.attemptsMissed.push(lead.id);
      }
      if (known?.recycle) {
        this.recycled += 1;
        if (lead.sqlAt !== null || lead.opportunityAt !== null || lead.outcome === 'won') this.recycledLater += 1;
      }
    }
    if (lead.sqlAt !== null) this.sqls += 1;
    if (lead.opportunityAt !== null) {
      this.opportunities += 1;
      monthEntry.opportunities += 1;
    }
    if (lead.outcome !== null) {
      this.closed += 1;
      if (lead.outcome === 'won') this.won += 1;
    }
    if (lead.attempts !== null && lead.attempts < 0) this.problem('Negative number of attempts', lead.id);
  }

  /** The review. */
  result(): ReviewResult {
    const agreement = this.agreement;
    const funnel = computeFunnel(funnelInputsOf(agreement));
    const need = (level: 'mqls' | 'opportunities', window: 'perWeek' | 'perMonth') => (funnel.ok ? (funnel.levels.find((entry) => entry.level === level)?.[window] ?? null) : null);
    const months = [...this.monthly.keys()].length || 1;
    const commitments: CommitmentResult[] = [];
    for (const commitment of agreement.commitments) {
      const base = { id: commitment.id, kind: commitment.kind, team: commitment.team, metric: commitment.metric };
      if (commitment.kind === 'mql-volume') {
        const target = planVolumeTarget(agreement, commitment);
        const byOpportunities = agreement.revenuePlan.headlineKpi !== 'mqls';
        const perMonth = (byOpportunities ? this.opportunities : this.mqls) / months;
        const perWindow = commitment.window === 'per-week' ? perMonth / (52 / 12) : perMonth;
        commitments.push({ ...base, actual: `${Math.round(perWindow).toLocaleString('en-US')} ${byOpportunities ? 'opportunities' : 'MQLs'} ${commitment.window === 'per-week' ? 'a week' : 'a month'} on average`, target: target ? `${target.value.toLocaleString('en-US')} ${target.unit} (from the plan)` : 'the plan is incomplete', state: stateOfVolume(perWindow, target?.value ?? null), figures: { actual: perWindow, target: target?.value ?? null, months }, missedLeads: [], missedCount: 0 });
      } else if (commitment.kind === 'first-touch') {
        const sorted = this.speeds.slice(0, this.speedCount);
        const share = this.touchMeasured ? this.touchedWithin / this.touchMeasured : null;
        commitments.push({ ...base, actual: share === null ? 'no MQLs' : `${pct(share)} within ${commitment.target ?? '?'} business hours; median ${(quantile(sorted, 0.5) ?? 0).toFixed(1)} h, 90th percentile ${(quantile(sorted, 0.9) ?? 0).toFixed(1)} h`, target: `${commitment.target ?? '?'} business hours, for ${pct(SHARE_MET)} of MQLs`, state: commitment.target === null ? 'no-data' : stateOfShare(share), figures: { share, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), measured: this.touchMeasured, within: this.touchedWithin }, missedLeads: this.touchMissed, missedCount: this.touchMissedCount });
      } else if (commitment.kind === 'attempts') {
        const share = this.unreachable ? this.unreachableCompliant / this.unreachable : null;
        commitments.push({ ...base, actual: share === null ? 'no lead rejected as unable to reach' : `${pct(share)} of ${this.unreachable.toLocaleString('en-US')} “unable to reach” rejections after ${commitment.target} attempts or more`, target: `${commitment.target ?? '?'} attempts before “unable to reach”`, state: commitment.target === null ? 'no-data' : stateOfShare(share), figures: { share, rejections: this.unreachable, compliant: this.unreachableCompliant }, missedLeads: this.attemptsMissed, missedCount: this.unreachable - this.unreachableCompliant });
      } else if (commitment.kind === 'accept-reject') {
        const share = this.decisionMeasured ? this.decisionWithin / this.decisionMeasured : null;
        commitments.push({ ...base, actual: share === null ? 'no MQLs' : `${pct(share)} accepted or rejected within ${commitment.target} business days`, target: `${commitment.target ?? '?'} business days, for ${pct(SHARE_MET)} of MQLs`, state: commitment.target === null ? 'no-data' : stateOfShare(share), figures: { share, measured: this.decisionMeasured, within: this.decisionWithin }, missedLeads: this.decisionMissed, missedCount: this.decisionMissedCount });
      }
    }
    // Rejections with an agreed reason code: a KPI of the loop.
    const reasonShare = this.rejected ? this.rejectedWithReason / this.rejected : null;
    commitments.push({ id: 'rejection-reasons', kind: 'reason-codes', team: 'inside-sales', metric: 'Rejections with an agreed reason code', actual: reasonShare === null ? 'no rejections' : `${pct(reasonShare)} of ${this.rejected.toLocaleString('en-US')} rejections`, target: `every rejection (at least ${pct(SHARE_MET)})`, state: stateOfShare(reasonShare), figures: { share: reasonShare, rejected: this.rejected, withReason: this.rejectedWithReason }, missedLeads: this.rejectedWithoutReason, missedCount: this.rejected - this.rejectedWithReason });
    commitments.push({ id: 'recycled', kind: 'recycling', team: 'marketing', metric: 'Recycled leads that came back', actual: this.recycled ? `${this.recycledLater.toLocaleString('en-US')} of ${this.recycled.toLocaleString('en-US')} recycled leads later reached SQL, opportunity or a win` : 'no recycled leads', target: 'followed up in nurture', state: 'no-data', figures: { recycled: this.recycled, cameBack: this.recycledLater }, missedLeads: [], missedCount: 0 });
    const opportunitiesNeeded = need('opportunities', 'perMonth');
    const opportunitiesPerMonth = this.opportunities / months;
    commitments.push({ id: 'opportunities-sourced', kind: 'opportunities', team: 'marketing', metric: 'Opportunities sourced', actual: `${Math.round(opportunitiesPerMonth).toLocaleString('en-US')} a month on average`, target: opportunitiesNeeded === null ? 'the plan is incomplete' : `${Math.ceil(opportunitiesNeeded).toLocaleString('en-US')} a month (from the plan)`, state: stateOfVolume(opportunitiesPerMonth, opportunitiesNeeded === null ? null : Math.ceil(opportunitiesNeeded)), figures: { actual: opportunitiesPerMonth, target: opportunitiesNeeded }, missedLeads: [], missedCount: 0 });

    const plan = agreement.revenuePlan;
    const rate = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
    const step = (label: string, actual: number | null, planned: number | null) => ({ step: label, actual, planned, state: (actual === null || planned === null ? 'no-data' : actual >= planned ? 'met' : actual >= planned * 0.9 ? 'at-risk' : 'missed') as CommitmentState });
    const speedBins = [1, 2, 4, 8, 16, 24];
    const histogram = [...speedBins.map((limit, index) => ({ label: `${index === 0 ? 0 : speedBins[index - 1]}–${limit} h`, count: 0 })), { label: '24 h +', count: 0 }];
    for (const hours of this.speeds.subarray(0, this.speedCount)) {
      const bin = speedBins.findIndex((limit) => hours < limit);
      histogram[bin < 0 ? speedBins.length : bin]!.count += 1;
    }
    return {
      from: this.period.from,
      to: this.period.to,
      leads: this.leads,
      mqls: this.mqls,
      commitments,
      conversion: [
        step('MQL → SAL', rate(this.accepted, this.mqls), plan.mqlToSal),
        step('SAL → SQL', rate(this.sqls, this.accepted), plan.salToSql),
        step('SQL → opportunity', rate(this.opportunities, this.sqls), plan.sqlToOpportunity),
        step('Opportunity → won', rate(this.won, this.closed), plan.winRate),
      ],
      weekly: [...this.weekly.entries()].sort(([a], [b]) => a - b).map(([week, mqls]) => ({ week: formatDay(week), mqls })),
      monthly: [...this.monthly.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, entry]) => ({ month, ...entry })),
      need: { mqlsPerWeek: need('mqls', 'perWeek'), mqlsPerMonth: need('mqls', 'perMonth'), opportunitiesPerMonth: opportunitiesNeeded },
      speedHistogram: histogram,
      reasons: [...this.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count, known: this.knownReasons.has(reason.toLowerCase()) })),
      problems: [...this.problems.values()].sort((a, b) => b.count - a.count),
    };
  }
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
