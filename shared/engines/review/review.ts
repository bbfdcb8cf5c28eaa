import { compileCalendar, type WorkingCalendar } from '../calendar/business-time';
import { computeFunnel, funnelInputsOf, planVolumeTarget, WEEKS_PER_MONTH } from '../../model/funnel';
import type { Agreement, Commitment, CommitmentKind } from '../../model/agreement';
import { historyFieldLabels, historyFields, type HistoryField } from './mapping';
import { formatDay as readableDay } from '../../text/datetime';
import { formatPercent } from '../../text/percent';

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
  /** Field sales accepted or returned the SQL. */
  sqlAcceptedAt: number | null;
  sqlReturnedAt: number | null;
  opportunityAt: number | null;
  /** The opportunity's last update (last modified or last activity). */
  opportunityUpdatedAt: number | null;
  outcome: 'won' | 'lost' | null;
  /** When the opportunity was won or closed. */
  closedAt: number | null;
  amount: number | null;
  /**
   * The handoff's required fields that are empty for this lead, among those
   * the mapping names a column for: null when none is mapped, an empty list
   * when all mapped ones are filled.
   */
  missingRequired: readonly string[] | null;
}

/**
 * Whether a commitment was kept. `no-data`: the export cannot measure it (the reason is given);
 * `no-target`: measured, but the agreement or plan sets no target, so it is reported, not judged.
 */
export type CommitmentState = 'met' | 'at-risk' | 'missed' | 'no-data' | 'no-target';

/** How a state is written on the card, in the report and (upper case) by the CLI: one wording everywhere. */
export const stateLabels: Record<CommitmentState, string> = { met: 'Met', 'at-risk': 'At risk', missed: 'Missed', 'no-data': 'No data', 'no-target': 'Not judged: no target' };

/** Every state, in the order the headline counts them. */
export const commitmentStates = ['met', 'at-risk', 'missed', 'no-data', 'no-target'] as const satisfies readonly CommitmentState[];

/** How many commitments are in each state: the one count the card, the report and the CLI show. */
export function countStates(commitments: readonly { state: CommitmentState }[]): Record<CommitmentState, number> {
  const counts: Record<CommitmentState, number> = { met: 0, 'at-risk': 0, missed: 0, 'no-data': 0, 'no-target': 0 };
  for (const commitment of commitments) counts[commitment.state] += 1;
  return counts;
}

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
  /** Why there is no figure (a column to map, no value in the period, no target); null when measured. */
  noData: string | null;
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

/** One stage-to-stage conversion against the plan's rate (percent). */
export interface ConversionStep {
  step: string;
  actual: number | null;
  planned: number | null;
  state: CommitmentState;
  /** Why there is no figure; null when measured. */
  noData: string | null;
}

/** The whole review of a period. */
export interface ReviewResult {
  from: string;
  to: string;
  leads: number;
  mqls: number;
  commitments: CommitmentResult[];
  /** Stage-to-stage conversion against the plan's rates (percent). */
  conversion: ConversionStep[];
  /** MQLs per ISO week (Monday) and per month in the period, with the plan's need. */
  weekly: { week: string; mqls: number; /** Days of the week inside the period and the export (7 = a whole week). */ days?: number }[];
  monthly: { month: string; mqls: number; opportunities: number }[];
  need: { mqlsPerWeek: number | null; mqlsPerMonth: number | null; opportunitiesPerMonth: number | null };
  /** Which version of the agreement was reviewed ("version 2, signed 2026-10-01"), set by the caller that chose it. */
  agreementVersion?: string | null;
  /** Days of the period the export covers: up to its last recorded date (volumes are per covered day). */
  coverage: { periodDays: number; coveredDays: number; exportLastDate: string | null; /** The export's first created or MQL date. */ exportFirstDate?: string | null };
  /** Speed to first touch, in business hours: a histogram (0–1, 1–2, … 24+) for the chart. */
  speedHistogram: { label: string; count: number }[];
  reasons: { reason: string; count: number; known: boolean }[];
  problems: DataProblem[];
}

/** Share of leads within target that counts as met, and as at risk (below that it is missed). */
export const SHARE_MET = 0.9;
export const SHARE_AT_RISK = 0.75;
/** A volume or time at 90 % of its target (or within 1/0.9 of a time limit) is at risk; below that missed. */
export const VOLUME_AT_RISK = 0.9;
/** Days in a week and an average month (the funnel's 52/12 weeks), to scale a per-day rate to a commitment's window. */
export const DAYS_PER_WEEK = 7;
export const DAYS_PER_MONTH = 7 * WEEKS_PER_MONTH;
const MAX_LISTED = 500;
/** Days from 1970 the date counts cover (to 2169); later dates share the last slot. */
const DATE_DAYS = 73_000;
/** At most this many dates, this many days after all the others, are read as typing mistakes, not the export's last date. */
export const LAST_DATE_OUTLIERS = 10;
export const OUTLIER_GAP_DAYS = 60;
const HOUR = 3_600_000;

/** A share in the engine's sentences: one decimal, trailing zero dropped ("95 %", "87.5 %"), from the one formatter. */
const pct = (value: number) => formatPercent(value, { trim: true });
const stateOfShare = (share: number | null): CommitmentState => (share === null ? 'no-data' : share >= SHARE_MET ? 'met' : share >= SHARE_AT_RISK ? 'at-risk' : 'missed');
// A measured volume without a target is reported, not judged (never no data: the figure is there).
const stateOfVolume = (actual: number, target: number | null): CommitmentState => (target === null || target <= 0 ? 'no-target' : actual >= target ? 'met' : actual >= target * VOLUME_AT_RISK ? 'at-risk' : 'missed');
/** A time against its limit: at or under met, up to limit / 0.9 at risk. */
const stateOfTime = (actual: number, limit: number): CommitmentState => (actual <= limit + 1e-9 ? 'met' : actual * VOLUME_AT_RISK <= limit ? 'at-risk' : 'missed');
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const oneDecimal = (value: number) => (Math.round(value * 10) / 10).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

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

/**
 * Day numbers (days since 1970-01-01, local) as YYYY-MM-DD and as their month (YYYY-MM), cached: a review spans a
 * few hundred days and asks for the month of every MQL. One per review (each ReviewAggregator makes its own), never
 * a module's: the engine keeps no state between runs, and what one run cached goes with it.
 */
export class DayNames {
  private readonly texts = new Map<number, string>();
  private readonly months = new Map<number, string>();
  /** The day as YYYY-MM-DD. */
  day(day: number): string {
    let text = this.texts.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.texts.set(day, text);
    }
    return text;
  }
  /** The day's month as YYYY-MM. */
  month(day: number): string {
    let month = this.months.get(day);
    if (month === undefined) {
      month = this.day(day).slice(0, 7);
      this.months.set(day, month);
    }
    return month;
  }
}

/**
 * Ids of the leads behind a miss, in file order. A lead still waiting (no touch, no decision, no
 * answer) keeps the instant its clock started: it is a miss only once its deadline has passed by the
 * export's last date, which is known at the end.
 */
class MissList {
  private readonly ids: string[] = [];
  private readonly since: number[] = [];
  add(id: string, waitingSince = Number.NaN): void {
    if (this.ids.length >= MAX_LISTED * 4) return;
    this.ids.push(id);
    this.since.push(waitingSince);
  }
  /** At most 500 ids: the timed misses, and the waiting leads whose deadline has passed. */
  pick(overdue: (since: number) => boolean): string[] {
    const picked: string[] = [];
    for (let index = 0; index < this.ids.length && picked.length < MAX_LISTED; index += 1) {
      const since = this.since[index]!;
      if (since !== since || overdue(since)) picked.push(this.ids[index]!);
    }
    return picked;
  }
}

/** A growable list of numbers (speeds, days to win), without per-value objects. */
class Numbers {
  values = new Float64Array(1024);
  count = 0;
  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }
  copy(): Float64Array {
    return this.values.slice(0, this.count);
  }
  countWhere(test: (value: number) => boolean): number {
    let count = 0;
    for (let index = 0; index < this.count; index += 1) if (test(this.values[index]!)) count += 1;
    return count;
  }
}

/** What a review knows beyond the period: the fields the export maps, and the handoff's required fields that have a column. */
export interface ReviewOptions {
  /** History fields with a mapped column; by default all (a caller that builds histories itself). */
  mapped?: readonly HistoryField[];
  /** Required fields of the handoff (as the agreement names them) that the mapping gives a column. */
  requiredFieldsMapped?: readonly string[];
  /** The mapping lists no outcome value for won (or for lost): a win rate cannot be told from it. */
  outcomeValuesMissing?: 'won' | 'lost' | null;
}

/** The measured part of a commitment's result (the id, kind, team and metric come from the commitment). */
type Measured = Omit<CommitmentResult, 'id' | 'kind' | 'team' | 'metric'>;
/** One meter per commitment kind: a `Record`, so a kind added to the model cannot be left out of the review. */
type Meters = Record<CommitmentKind, (commitment: Commitment) => Measured>;

/** A result with no figure, and why. */
function noData(reason: string, target: string, figures: Record<string, number | null> = {}): Measured {
  return { actual: `No data: ${reason}`, target, state: 'no-data', noData: reason, figures, missedLeads: [], missedCount: 0 };
}

/** The handoffs' required fields a data-completeness commitment is about: those of the handoffs its team makes. */
export function requiredFieldsOf(agreement: Agreement, commitment: Pick<Commitment, 'team'>): string[] {
  return [...new Set(agreement.handoffs.filter((handoff) => handoff.from === commitment.team).flatMap((handoff) => handoff.requiredFields.map((field) => field.trim()).filter(Boolean)))];
}

/** Every required field any data-completeness commitment of the agreement checks (what the export reader looks at). */
export function checkedRequiredFields(agreement: Agreement): string[] {
  return [...new Set(agreement.commitments.filter((commitment) => commitment.kind === 'data-completeness').flatMap((commitment) => requiredFieldsOf(agreement, commitment)))];
}

/** Elapsed time between two instants in a commitment's unit (business units follow the working calendar). */
function elapsedIn(unit: Commitment['unit'], calendar: { businessMs(from: number, to: number): number }, workingDayMs: number): (from: number, to: number) => number {
  if (unit === 'business-hours') return (from, to) => calendar.businessMs(from, to) / HOUR;
  if (unit === 'business-days') return (from, to) => calendar.businessMs(from, to) / workingDayMs;
  if (unit === 'hours') return (from, to) => (to - from) / HOUR;
  return (from, to) => (to - from) / DAY_MS;
}

const unitWords: Record<Commitment['unit'], string> = { count: '', 'business-hours': 'business hours', hours: 'hours', 'business-days': 'business days', days: 'days', attempts: 'attempts', percent: '%' };

/** The commitment kinds counted lead by lead against a target while the export streams. */
type TallyKind = 'first-touch' | 'attempts' | 'accept-reject' | 'sql-accept';
/** One commitment's leads within its own target, and the leads behind its miss. */
interface Tally {
  commitment: Commitment;
  target: number | null;
  within: number;
  missed: MissList;
  /** Elapsed time in the commitment's unit (used by sql-accept, whose unit the agreement chooses). */
  elapsed: (from: number, to: number) => number;
}
/** The tally of a commitment (made for every commitment of its kind in the constructor). */
function tallyOf(tallies: readonly Tally[], commitment: Commitment): Tally {
  return tallies.find((tally) => tally.commitment === commitment)!;
}

/** Streams lead histories into the review of one period. */
export class ReviewAggregator {
  private readonly calendar;
  /** This run's day names (see DayNames). */
  private readonly days = new DayNames();
  private readonly workingDayMs: number;
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly mapped: ReadonlySet<HistoryField>;
  private readonly requiredMapped: ReadonlySet<string>;
  private readonly outcomeValuesMissing: 'won' | 'lost' | null;
  private leads = 0;
  private mqls = 0;
  /** The latest instant recorded anywhere in the export: its last date, for coverage and "as of". */
  private lastSeen = Number.NEGATIVE_INFINITY;
  /** The latest date of any column, outliers included; `lastSeen` is settled from the day counts below. */
  private maxSeen = Number.NEGATIVE_INFINITY;
  /** Dates per UTC day since 1970 (later ones in the last slot), with each day's latest instant. */
  private readonly dayCounts = new Uint32Array(DATE_DAYS);
  private readonly dayLatest = new Float64Array(DATE_DAYS);
  private lastDateOutliers: { count: number; first: string } | null = null;
  /** The earliest created or MQL date: where the export starts (a period starting before it is covered from here). */
  private firstSeen = Number.POSITIVE_INFINITY;
  private readonly weekly = new Map<number, number>();
  private readonly monthly = new Map<string, { mqls: number; opportunities: number }>();
  private readonly speeds = new Numbers();
  private touchValues = 0;
  private touchEmpty = 0;
  /** When each lead without a touch (decision, answer) became an MQL (SQL): judged against the export's last date. */
  private readonly touchWaiting = new Numbers();
  private readonly decisionWaiting = new Numbers();
  private readonly sqlWaiting = new Numbers();
  private touchTimed = 0;
  private decisionValues = 0;
  private decisionEmpty = 0;
  private decisionTimed = 0;
  private attemptsValues = 0;
  private unreachable = 0;
  private rejected = 0;
  private reasonValues = 0;
  private rejectedWithReason = 0;
  private readonly rejectedWithoutReason: string[] = [];
  private readonly reasons = new Map<string, number>();
  private recycled = 0;
  private recycledLater = 0;
  private accepted = 0;
  private sqls = 0;
  private sqlAnswerValues = 0;
  private sqlUnanswered = 0;
  private sqlTimed = 0;
  private opportunities = 0;
  private opportunityUpdateValues = 0;
  private readonly openLastUpdate = new Numbers();
  private readonly openIds: string[] = [];
  private outcomes = 0;
  private closedAtValues = 0;
  private won = 0;
  private opportunitiesClosed = 0;
  private opportunitiesWon = 0;
  private readonly winDays = new Numbers();
  private readonly completeness: { commitmentId: string; fields: string[]; measured: number; complete: number; missed: string[]; byField: Map<string, number> }[];
  private readonly problems = new Map<string, DataProblem>();
  private readonly knownReasons: Map<string, { recycle: boolean; unreachable: boolean }>;
  /** Each timed commitment's own tally against its own target: a second commitment of a kind is never measured against the first one's. */
  private readonly touchTallies: Tally[];
  private readonly attemptsTallies: Tally[];
  private readonly decisionTallies: Tally[];
  /** Whether an accept/reject commitment is in business days (the business time is then computed once a lead). */
  private readonly decisionInBusinessDays: boolean;
  private readonly sqlTallies: Tally[];

  constructor(
    private readonly agreement: Agreement,
    private readonly period: { from: string; to: string },
    calendar: WorkingCalendar,
    /** Converts a period date (YYYY-MM-DD, local) to the instant it starts. */
    dayStart: (date: string) => number,
    options: ReviewOptions = {},
  ) {
    this.calendar = compileCalendar(calendar);
    const [startH, startM] = calendar.start.split(':').map(Number) as [number, number];
    const [endH, endM] = calendar.end.split(':').map(Number) as [number, number];
    this.workingDayMs = (endH * 60 + endM - startH * 60 - startM) * 60_000;
    this.fromMs = dayStart(period.from);
    this.toMs = dayStart(nextDay(period.to));
    this.mapped = new Set(options.mapped ?? historyFields);
    this.requiredMapped = new Set(options.requiredFieldsMapped ?? []);
    this.outcomeValuesMissing = options.outcomeValuesMissing ?? null;
    this.knownReasons = new Map(agreement.reasons.flatMap((reason) => [reason.code, reason.label].filter(Boolean).map((key) => [key.trim().toLowerCase(), { recycle: reason.action === 'recycle', unreachable: UNREACHABLE.test(reason.label) || UNREACHABLE.test(reason.code) || reason.afterAgreedAttempts }] as const)));
    const tallies = (kind: TallyKind) => agreement.commitments.filter((commitment) => commitment.kind === kind).map((commitment): Tally => ({ commitment, target: commitment.target, within: 0, missed: new MissList(), elapsed: elapsedIn(commitment.unit, this.calendar, this.workingDayMs) }));
    this.touchTallies = tallies('first-touch');
    this.attemptsTallies = tallies('attempts');
    this.decisionTallies = tallies('accept-reject');
    this.decisionInBusinessDays = this.decisionTallies.some((tally) => tally.commitment.unit === 'business-days');
    this.sqlTallies = tallies('sql-accept');
    this.completeness = agreement.commitments
      .filter((commitment) => commitment.kind === 'data-completeness')
      .map((commitment) => ({ commitmentId: commitment.id, fields: requiredFieldsOf(agreement, commitment), measured: 0, complete: 0, missed: [], byField: new Map() }));
  }

  /** The agreed reason a rejection's text names, looked up once per distinct text (a few dozen in an export). */
  private readonly reasonCache = new Map<string, { recycle: boolean; unreachable: boolean } | undefined>();
  private reasonOf(reason: string): { recycle: boolean; unreachable: boolean } | undefined {
    if (this.reasonCache.has(reason)) return this.reasonCache.get(reason);
    const known = this.knownReasons.get(reason.toLowerCase());
    if (this.reasonCache.size < 10_000) this.reasonCache.set(reason, known);
    return known;
  }

  private noteDate(instant: number | null): void {
    if (instant === null) return;
    if (instant > this.maxSeen) this.maxSeen = instant;
    const day = Math.min(DATE_DAYS - 1, Math.floor(instant / DAY_MS));
    if (day < 0) return;
    this.dayCounts[day]! += 1;
    if (instant > this.dayLatest[day]!) this.dayLatest[day] = instant;
  }

  /**
   * The export's last date, past lone outliers: a few dates (at most
   * LAST_DATE_OUTLIERS) more than OUTLIER_GAP_DAYS after every other date are
   * typing mistakes (a 2062 for a 2026), not the day the export was taken;
   * they would make every open item look overdue. They are set aside and said.
   */
  private settleLastDate(): void {
    this.lastSeen = this.maxSeen;
    this.lastDateOutliers = null;
    if (!Number.isFinite(this.maxSeen) || this.maxSeen < 0) return;
    const below = (from: number) => {
      for (let day = from - 1; day >= 0; day -= 1) if (this.dayCounts[day]! > 0) return day;
      return -1;
    };
    const top = Math.min(DATE_DAYS - 1, Math.floor(this.maxSeen / DAY_MS));
    let day = this.dayCounts[top]! > 0 ? top : below(top);
    let above = 0;
    let cut = -1;
    let outliers = 0;
    while (day >= 0) {
      above += this.dayCounts[day]!;
      if (above > LAST_DATE_OUTLIERS) break;
      const next = below(day);
      if (next < 0) break;
      if (day - next > OUTLIER_GAP_DAYS) {
        cut = next;
        outliers = above;
      }
      day = next;
    }
    if (cut < 0) return;
    this.lastSeen = this.dayLatest[cut]!;
    this.lastDateOutliers = { count: outliers, first: this.days.day(top) };
  }

  private problem(problem: string, id: string): void {
    const entry = this.problems.get(problem) ?? { problem, count: 0, examples: [] };
    entry.count += 1;
    if (entry.examples.length < 20) entry.examples.push(id);
    this.problems.set(problem, entry);
  }

  /** Adds one lead (leads whose MQL date is outside the period are counted for data quality and the export's last date only). */
  add(lead: LeadHistory): void {
    this.leads += 1;
    // The export's last recorded date: every date goes into a per-day count, so a lone mistyped date far ahead can be set aside (see settleLastDate).
    this.noteDate(lead.createdAt);
    this.noteDate(lead.mqlAt);
    this.noteDate(lead.firstTouchAt);
    this.noteDate(lead.acceptedAt);
    this.noteDate(lead.rejectedAt);
    this.noteDate(lead.sqlAt);
    this.noteDate(lead.sqlAcceptedAt);
    this.noteDate(lead.sqlReturnedAt);
    this.noteDate(lead.opportunityAt);
    this.noteDate(lead.opportunityUpdatedAt);
    this.noteDate(lead.closedAt);
    if (lead.mqlAt !== null && lead.mqlAt < this.firstSeen) this.firstSeen = lead.mqlAt;
    if (lead.createdAt !== null && lead.createdAt < this.firstSeen) this.firstSeen = lead.createdAt;
    if (lead.mqlAt === null) return;
    if (lead.mqlAt < this.fromMs || lead.mqlAt >= this.toMs) return;
    this.mqls += 1;
    const day = this.calendar.localDay(lead.mqlAt);
    // Monday of the ISO week (1970-01-01 was a Thursday), as a day number; formatted in result().
    const week = day - ((day + 3) % 7);
    this.weekly.set(week, (this.weekly.get(week) ?? 0) + 1);
    const month = this.days.month(day);
    let monthEntry = this.monthly.get(month);
    if (!monthEntry) {
      monthEntry = { mqls: 0, opportunities: 0 };
      this.monthly.set(month, monthEntry);
    }
    monthEntry.mqls += 1;
    if (lead.createdAt !== null && lead.createdAt > lead.mqlAt) this.problem('MQL date before the lead was created', lead.id);
    if (lead.createdAt !== null && lead.firstTouchAt !== null && lead.firstTouchAt < lead.createdAt) this.problem('First touch before the lead was created', lead.id);

    // Speed to first touch, in business hours from the MQL date. A lead without a touch counts
    // against the commitment only if other leads have one (decided in result()).
    if (lead.firstTouchAt === null) {
      this.touchEmpty += 1;
      this.touchWaiting.push(lead.mqlAt);
      for (const tally of this.touchTallies) tally.missed.add(lead.id, lead.mqlAt);
      this.problem('No first touch recorded', lead.id);
    } else {
      this.touchValues += 1;
      if (lead.firstTouchAt < lead.mqlAt) this.problem('First touch before the MQL date', lead.id);
      else {
        // The distribution of speeds is in business hours; each commitment is judged in its own unit (clock hours are clock hours).
        const hours = this.calendar.businessMs(lead.mqlAt, lead.firstTouchAt) / HOUR;
        this.speeds.push(hours);
        this.touchTimed += 1;
        for (const tally of this.touchTallies) {
          const elapsed = tally.commitment.unit === 'business-hours' ? hours : tally.elapsed(lead.mqlAt, lead.firstTouchAt);
          if (tally.target !== null && elapsed <= tally.target + 1e-9) tally.within += 1;
          else tally.missed.add(lead.id);
        }
      }
    }

    // Accept or reject within the agreed business days.
    const decidedAt = lead.acceptedAt ?? lead.rejectedAt;
    if (decidedAt !== null) {
      this.decisionValues += 1;
      if (decidedAt < lead.mqlAt) this.problem('Accepted or rejected before the MQL date', lead.id);
      else {
        this.decisionTimed += 1;
        const days = this.decisionInBusinessDays ? this.calendar.businessMs(lead.mqlAt, decidedAt) / this.workingDayMs : Number.NaN;
        for (const tally of this.decisionTallies) {
          const elapsed = tally.commitment.unit === 'business-days' ? days : tally.elapsed(lead.mqlAt, decidedAt);
          if (tally.target !== null && elapsed <= tally.target + 1e-9) tally.within += 1;
          else tally.missed.add(lead.id);
        }
      }
    } else {
      this.decisionEmpty += 1;
      this.decisionWaiting.push(lead.mqlAt);
      for (const tally of this.decisionTallies) tally.missed.add(lead.id, lead.mqlAt);
    }
    if (lead.acceptedAt !== null && lead.rejectedAt !== null) this.problem('Both accepted and rejected', lead.id);

    if (lead.attempts !== null) this.attemptsValues += 1;
    if (lead.acceptedAt !== null) this.accepted += 1;
    if (lead.rejectedAt !== null) {
      this.rejected += 1;
      const reason = lead.rejectionReason?.trim() ?? '';
      const known = reason === '' ? undefined : this.reasonOf(reason);
      if (reason === '') {
        if (this.rejectedWithoutReason.length < MAX_LISTED) this.rejectedWithoutReason.push(lead.id);
      } else {
        this.reasonValues += 1;
        this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
        if (known) this.rejectedWithReason += 1;
        else this.problem('Rejection reason not in the agreed reason codes', lead.id);
      }
      if (known?.unreachable) {
        this.unreachable += 1;
        if (lead.attempts === null) this.problem('Rejected as unable to reach, attempts not recorded', lead.id);
        for (const tally of this.attemptsTallies) {
          if (tally.target !== null && (lead.attempts ?? 0) >= tally.target) tally.within += 1;
          else tally.missed.add(lead.id);
        }
      }
      if (known?.recycle) {
        this.recycled += 1;
        if (lead.sqlAt !== null || lead.opportunityAt !== null || lead.outcome === 'won') this.recycledLater += 1;
      }
    }

    // Field sales accepts or returns the SQL within the agreed time.
    if (lead.sqlAt !== null) {
      this.sqls += 1;
      const accepted = lead.sqlAcceptedAt;
      const returned = lead.sqlReturnedAt;
      const answeredAt = accepted === null ? returned : returned === null ? accepted : Math.min(accepted, returned);
      if (answeredAt === null) {
        this.sqlUnanswered += 1;
        this.sqlWaiting.push(lead.sqlAt);
        for (const tally of this.sqlTallies) tally.missed.add(lead.id, lead.sqlAt);
      } else {
        this.sqlAnswerValues += 1;
        if (answeredAt < lead.sqlAt) this.problem('SQL accepted or returned before the SQL date', lead.id);
        else {
          this.sqlTimed += 1;
          for (const tally of this.sqlTallies) {
            if (tally.target !== null && tally.elapsed(lead.sqlAt, answeredAt) <= tally.target + 1e-9) tally.within += 1;
            else tally.missed.add(lead.id);
          }
        }
      }
    }

    if (lead.opportunityUpdatedAt !== null) this.opportunityUpdateValues += 1;
    if (lead.closedAt !== null) this.closedAtValues += 1;
    if (lead.opportunityAt !== null) {
      this.opportunities += 1;
      monthEntry.opportunities += 1;
      if (lead.outcome !== null) {
        this.opportunitiesClosed += 1;
        if (lead.outcome === 'won') this.opportunitiesWon += 1;
      } else if (lead.closedAt === null) {
        // Open: its age since the last update is measured against the export's last date in result().
        const updated = lead.opportunityUpdatedAt;
        this.openLastUpdate.push(updated !== null && updated > lead.opportunityAt ? updated : lead.opportunityAt);
        if (this.openIds.length < 20_000) this.openIds.push(lead.id);
      }
    }
    if (lead.outcome !== null) {
      this.outcomes += 1;
      if (lead.outcome === 'won') {
        this.won += 1;
        if (lead.closedAt !== null) {
          if (lead.closedAt < lead.mqlAt) this.problem('Won before the MQL date', lead.id);
          else this.winDays.push((lead.closedAt - lead.mqlAt) / DAY_MS);
        }
      }
    }
    const missing = lead.missingRequired;
    if (missing !== null) {
      for (let index = 0; index < this.completeness.length; index += 1) {
        const entry = this.completeness[index]!;
        entry.measured += 1;
        let complete = true;
        for (let at = 0; at < missing.length; at += 1) {
          const field = missing[at]!;
          if (!entry.fields.includes(field)) continue;
          complete = false;
          entry.byField.set(field, (entry.byField.get(field) ?? 0) + 1);
        }
        if (complete) entry.complete += 1;
        else if (entry.missed.length < MAX_LISTED) entry.missed.push(lead.id);
      }
    }
    if (lead.attempts !== null && lead.attempts < 0) this.problem('Negative number of attempts', lead.id);
  }

  /** The review. */
  result(): ReviewResult {
    const agreement = this.agreement;
    const plan = agreement.revenuePlan;
    const funnel = computeFunnel(funnelInputsOf(agreement));
    const need = (level: 'mqls' | 'opportunities', window: 'perWeek' | 'perMonth') => (funnel.ok ? (funnel.levels.find((entry) => entry.level === level)?.[window] ?? null) : null);
    const mapped = (field: HistoryField) => this.mapped.has(field);
    const label = (field: HistoryField) => historyFieldLabels[field];
    const mapFirst = (...fields: HistoryField[]) => `map the ${fields.map(label).join(' and the ')} column${fields.length > 1 ? 's' : ''} to measure this`;
    const unmapped = (...fields: HistoryField[]) => fields.filter((field) => !mapped(field));
    const empty = (field: string) => `the ${field} column has no value for the MQLs of the period`;
    /** A pair of columns measured together (accepted / rejected, SQL accepted / returned): both are needed, or why not. */
    const pairReason = (first: HistoryField, second: HistoryField, withoutSecond: string, withoutFirst: string): string | null =>
      !mapped(first) && !mapped(second) ? mapFirst(first, second)
      : !mapped(second) ? `map the ${label(second)} date column too: ${withoutSecond}`
      : !mapped(first) ? `map the ${label(first)} date column too: ${withoutFirst}`
      : null;

    this.settleLastDate();
    if (this.lastDateOutliers) {
      const { count, first } = this.lastDateOutliers;
      this.problems.set('Dates far after the rest of the export', { problem: `Dates more than ${OUTLIER_GAP_DAYS} days after every other date of the export (the latest ${first}): not taken as the export's last date`, count, examples: [] });
    }
    // Coverage: the period's days up to the export's last recorded date; volumes are per covered day.
    const fromDay = Date.parse(`${this.period.from}T00:00:00Z`) / DAY_MS;
    const toDay = Date.parse(`${this.period.to}T00:00:00Z`) / DAY_MS;
    const periodDays = toDay - fromDay + 1;
    const lastDay = Number.isFinite(this.lastSeen) ? this.calendar.localDay(this.lastSeen) : null;
    const firstDay = Number.isFinite(this.firstSeen) ? this.calendar.localDay(this.firstSeen) : null;
    // Coverage clips both ends: before the export's first date and after its last one nothing could be recorded.
    const coveredStart = firstDay === null ? fromDay : Math.max(fromDay, firstDay);
    const coveredEnd = lastDay === null ? fromDay - 1 : Math.min(toDay, lastDay);
    const coveredDays = Math.max(0, coveredEnd - coveredStart + 1);
    const exportLastDate = lastDay === null ? null : this.days.day(lastDay);
    const exportFirstDate = firstDay === null ? null : this.days.day(firstDay);
    // The sentences people read write the days as people do ("27 Nov 2026"); `coverage` keeps the ISO days for machines.
    const lastDayText = exportLastDate === null ? null : readableDay(exportLastDate);
    const firstDayText = exportFirstDate === null ? null : readableDay(exportFirstDate);
    const startsLate = firstDay !== null && firstDay > fromDay;
    const endsEarly = lastDay !== null && lastDay < toDay;
    const coverageNote = coveredDays < periodDays && exportLastDate !== null ? `; the export ${startsLate ? `starts on ${firstDayText}` : ''}${startsLate && endsEarly ? ' and ' : ''}${endsEarly ? `ends on ${lastDayText}` : ''}, so ${coveredDays} of the period’s ${periodDays} days are counted` : '';
    const windowDays = (window: Commitment['window']) => (window === 'per-week' ? DAYS_PER_WEEK : window === 'per-period' && plan.periodWeeks ? plan.periodWeeks * DAYS_PER_WEEK : DAYS_PER_MONTH);
    const windowWords = (window: Commitment['window']) => (window === 'per-week' ? 'a week' : window === 'per-period' && plan.periodWeeks ? `per ${plan.periodWeeks}-week plan period` : 'a month');
    /** A count over the covered days as a rate per window, or why it cannot be one. */
    const rate = (count: number, window: Commitment['window']) => (coveredDays > 0 ? (count / coveredDays) * windowDays(window) : null);
    const noCoverage = exportLastDate === null ? 'the export has no dates' : lastDay! < fromDay ? `the export ends ${lastDayText}, before this period` : firstDay !== null && firstDay > toDay ? `the export starts ${firstDayText}, after this period` : 'the export covers no day of the period';

    const meters: Meters = {
      'mql-volume': (commitment) => {
        const target = planVolumeTarget(agreement, commitment);
        const targetText = target ? `${target.value.toLocaleString('en-US')} ${target.unit} ${windowWords(commitment.window)} (from the plan)` : 'the plan is incomplete';
        const byOpportunities = plan.headlineKpi !== 'mqls';
        if (byOpportunities && !mapped('opportunityAt')) return noData(mapFirst('opportunityAt'), targetText);
        const count = byOpportunities ? this.opportunities : this.mqls;
        // No MQL over covered days is a measured 0; an empty opportunity column may be unrecorded, so it is no data.
        if (count === 0 && (byOpportunities || coveredDays === 0)) return noData(byOpportunities ? empty(label('opportunityAt')) : coveredDays === 0 ? noCoverage : 'no MQL in the period', targetText);
        const perWindow = rate(count, commitment.window);
        if (perWindow === null) return noData(noCoverage, targetText);
        const what = byOpportunities ? 'opportunities' : 'MQLs';
        return { actual: `${whole(perWindow)} ${what} ${windowWords(commitment.window)} (${whole(count)} in ${coveredDays} days${coverageNote})`, target: targetText, state: stateOfVolume(perWindow, target?.value ?? null), noData: null, figures: { actual: perWindow, target: target?.value ?? null, count, days: coveredDays }, missedLeads: [], missedCount: 0 };
      },
      'first-touch': (commitment) => {
        const unit = unitWords[commitment.unit];
        const targetText = `${commitment.target ?? '?'} ${unit}, for ${pct(SHARE_MET)} of MQLs`;
        if (!mapped('firstTouchAt')) return noData(mapFirst('firstTouchAt'), targetText);
        if (this.touchValues === 0) return noData(empty(label('firstTouchAt')), targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        // A lead without a touch is a miss once its deadline has passed by the export's last date; before that it is still open.
        const tally = tallyOf(this.touchTallies, commitment);
        const overdue = (since: number) => tally.elapsed(since, this.lastSeen) > commitment.target! + 1e-9;
        const late = this.touchWaiting.countWhere(overdue);
        const open = this.touchEmpty - late;
        const measured = this.touchTimed + late;
        if (measured === 0) return noData(`every MQL of the period is still within its ${commitment.target} ${unit} at the export’s last date`, targetText);
        const share = tally.within / measured;
        const speeds = this.speeds.copy();
        const median = quantile(speeds, 0.5);
        const p90 = quantile(speeds, 0.9);
        const times = median === null || p90 === null ? 'no touch timed' : `median ${oneDecimal(median)} h, 90th percentile ${oneDecimal(p90)} h`;
        return { actual: `${pct(share)} within ${commitment.target} ${unit}; ${times}${this.touchEmpty ? ` (${whole(late)} MQLs without a first touch count as missed)` : ''}${open ? `; ${whole(open)} ${open === 1 ? 'MQL' : 'MQLs'} not yet touched ${open === 1 ? 'is' : 'are'} still within the target at ${lastDayText} and not counted` : ''}`, target: targetText, state: stateOfShare(share), noData: null, figures: { share, median, p90, measured, within: tally.within, withoutTouch: late, stillOpen: open }, missedLeads: tally.missed.pick(overdue), missedCount: measured - tally.within };
      },
      attempts: (commitment) => {
        const targetText = `${commitment.target ?? '?'} attempts before “unable to reach”`;
        const missing = unmapped('rejectedAt', 'rejectionReason', 'attempts');
        if (missing.length > 0) return noData(mapFirst(...missing), targetText);
        if (this.attemptsValues === 0) return noData(empty(label('attempts')), targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        if (this.unreachable === 0) return noData('no lead was rejected as unable to reach in the period', targetText, { share: null, rejections: 0, compliant: 0 });
        const tally = tallyOf(this.attemptsTallies, commitment);
        const share = tally.within / this.unreachable;
        return { actual: `${pct(share)} of ${whole(this.unreachable)} “unable to reach” rejections after ${commitment.target} attempts or more`, target: targetText, state: stateOfShare(share), noData: null, figures: { share, rejections: this.unreachable, compliant: tally.within }, missedLeads: tally.missed.pick(() => true), missedCount: this.unreachable - tally.within };
      },
      'accept-reject': (commitment) => {
        const unit = unitWords[commitment.unit];
        const targetText = `${commitment.target ?? '?'} ${unit}, for ${pct(SHARE_MET)} of MQLs`;
        // Both halves of the pair: with one, a lead decided the other way looks undecided and would count as missed.
        const pairMissing = pairReason('acceptedAt', 'rejectedAt', 'a rejected lead looks undecided without it', 'an accepted lead looks undecided without it');
        if (pairMissing !== null) return noData(pairMissing, targetText);
        if (this.decisionValues === 0) return noData('the Accepted and Rejected columns have no value for the MQLs of the period', targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        const tally = tallyOf(this.decisionTallies, commitment);
        const overdue = (since: number) => tally.elapsed(since, this.lastSeen) > commitment.target! + 1e-9;
        const late = this.decisionWaiting.countWhere(overdue);
        const open = this.decisionEmpty - late;
        const measured = this.decisionTimed + late;
        if (measured === 0) return noData(`every MQL of the period is still within its ${commitment.target} ${unit} at the export’s last date`, targetText);
        const share = tally.within / measured;
        return { actual: `${pct(share)} accepted or rejected within ${commitment.target} ${unit}${late ? ` (${whole(late)} MQLs neither accepted nor rejected count as missed)` : ''}${open ? `; ${whole(open)} undecided ${open === 1 ? 'MQL is' : 'MQLs are'} still within the target at ${lastDayText} and not counted` : ''}`, target: targetText, state: stateOfShare(share), noData: null, figures: { share, measured, within: tally.within, undecided: late, stillOpen: open }, missedLeads: tally.missed.pick(overdue), missedCount: measured - tally.within };
      },
      'sql-accept': (commitment) => {
        const unit = unitWords[commitment.unit];
        const targetText = `${commitment.target ?? '?'} ${unit}, for ${pct(SHARE_MET)} of SQLs`;
        if (!mapped('sqlAt')) return noData(mapFirst('sqlAt'), targetText);
        const pairMissing = pairReason('sqlAcceptedAt', 'sqlReturnedAt', 'a returned SQL looks unanswered without it', 'an accepted SQL looks unanswered without it');
        if (pairMissing !== null) return noData(pairMissing, targetText);
        if (this.sqls === 0) return noData(empty(label('sqlAt')), targetText);
        if (this.sqlAnswerValues === 0) return noData('the SQL accepted and SQL returned columns have no value for the SQLs of the period', targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        const tally = tallyOf(this.sqlTallies, commitment);
        const overdue = (since: number) => tally.elapsed(since, this.lastSeen) > commitment.target! + 1e-9;
        const late = this.sqlWaiting.countWhere(overdue);
        const open = this.sqlUnanswered - late;
        const measured = this.sqlTimed + late;
        if (measured === 0) return noData(`every SQL of the period is still within its ${commitment.target} ${unit} at the export’s last date`, targetText);
        const share = tally.within / measured;
        return { actual: `${pct(share)} of ${whole(measured)} SQLs accepted or returned within ${commitment.target} ${unit}${late ? ` (${whole(late)} SQLs neither accepted nor returned count as missed)` : ''}${open ? `; ${whole(open)} unanswered ${open === 1 ? 'SQL is' : 'SQLs are'} still within the target at ${lastDayText} and not counted` : ''}`, target: targetText, state: stateOfShare(share), noData: null, figures: { share, measured, within: tally.within, unanswered: late, stillOpen: open }, missedLeads: tally.missed.pick(overdue), missedCount: measured - tally.within };
      },
      'opportunity-update': (commitment) => {
        const unit = unitWords[commitment.unit];
        const targetText = `every open opportunity updated within ${commitment.target ?? '?'} ${unit} (at least ${pct(SHARE_MET)})`;
        const missing = unmapped('opportunityAt', 'opportunityUpdatedAt');
        if (missing.length > 0) return noData(mapFirst(...missing), targetText);
        if (!mapped('outcome') && !mapped('closedAt')) return noData('map the Outcome or the Won or closed date column, so closed opportunities are left out', targetText);
        if (this.opportunities === 0) return noData(empty(label('opportunityAt')), targetText);
        if (this.opportunityUpdateValues === 0) return noData(empty(label('opportunityUpdatedAt')), targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        const open = this.openLastUpdate.count;
        if (open === 0) return noData('no opportunity from the MQLs of the period is still open', targetText, { share: null, open: 0, current: 0 });
        const elapsed = elapsedIn(commitment.unit, this.calendar, this.workingDayMs);
        let current = 0;
        const missed: string[] = [];
        for (let index = 0; index < open; index += 1) {
          if (elapsed(this.openLastUpdate.values[index]!, this.lastSeen) <= commitment.target + 1e-9) current += 1;
          else if (missed.length < MAX_LISTED && index < this.openIds.length) missed.push(this.openIds[index]!);
        }
        const share = current / open;
        return { actual: `${pct(share)} of ${whole(open)} open opportunities updated within ${commitment.target} ${unit} of ${lastDayText} (the export’s last date)`, target: targetText, state: stateOfShare(share), noData: null, figures: { share, open, current }, missedLeads: missed, missedCount: open - current };
      },
      'data-completeness': (commitment) => {
        const fields = requiredFieldsOf(agreement, commitment);
        const targetText = `${commitment.target ?? '?'} % of handed-over leads with every required field`;
        if (fields.length === 0) return noData('the agreement lists no required fields for this team’s handoff', targetText);
        const missing = fields.filter((field) => !this.requiredMapped.has(field));
        if (missing.length > 0) return noData(`map a column for each required field of the handoff (${missing.join(', ')})`, targetText);
        const entry = this.completeness.find((candidate) => candidate.commitmentId === commitment.id);
        if (!entry || entry.measured === 0) return noData('no MQL in the period', targetText);
        if (commitment.target === null) return noData('the agreement sets no target', targetText);
        const share = entry.complete / entry.measured;
        const worst = [...entry.byField.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
        return { actual: `${pct(share)} of ${whole(entry.measured)} MQLs with all ${fields.length} required fields${worst.length ? `; most often missing: ${worst.map(([field, count]) => `${field} (${whole(count)})`).join(', ')}` : ''}`, target: targetText, state: stateOfVolume(share * 100, commitment.target), noData: null, figures: { share, measured: entry.measured, complete: entry.complete }, missedLeads: entry.missed, missedCount: entry.measured - entry.complete };
      },
      custom: (commitment) => noData('a custom commitment is not measured from the export: report it by hand', commitment.target === null ? '—' : `${commitment.target} ${unitWords[commitment.unit]}`.trim()),
    };

    // A period the export does not reach at all: every figure says so, not "no MQL in the period".
    const uncovered = coveredDays === 0 && exportLastDate !== null;
    const measure = (commitment: Commitment): Measured => {
      const measured = meters[commitment.kind](commitment);
      return uncovered && commitment.kind !== 'custom' ? noData(noCoverage, measured.target) : measured;
    };
    const commitments: CommitmentResult[] = agreement.commitments.map((commitment) => ({ id: commitment.id, kind: commitment.kind, team: commitment.team, metric: commitment.metric, ...measure(commitment) }));
    const kpi = (id: string, kind: string, team: string, metric: string, measured: Measured): CommitmentResult => ({ id, kind, team, metric, ...(uncovered ? noData(noCoverage, measured.target) : measured) });

    // Rejections with an agreed reason code: a KPI of the loop.
    const reasonTarget = `every rejection (at least ${pct(SHARE_MET)})`;
    const reasonsMissing = unmapped('rejectedAt', 'rejectionReason');
    const reasonShare = this.rejected ? this.rejectedWithReason / this.rejected : null;
    commitments.push(
      kpi('rejection-reasons', 'reason-codes', 'inside-sales', 'Rejections with an agreed reason code',
        reasonsMissing.length > 0 ? noData(mapFirst(...reasonsMissing), reasonTarget)
        : reasonShare === null ? noData(empty(label('rejectedAt')), reasonTarget, { share: null, rejected: 0, withReason: 0 })
        : this.reasonValues === 0 ? noData(`the ${label('rejectionReason')} column has no value for the rejections of the period`, reasonTarget)
        : { actual: `${pct(reasonShare)} of ${whole(this.rejected)} rejections`, target: reasonTarget, state: stateOfShare(reasonShare), noData: null, figures: { share: reasonShare, rejected: this.rejected, withReason: this.rejectedWithReason }, missedLeads: this.rejectedWithoutReason, missedCount: this.rejected - this.rejectedWithReason }),
    );
    // Recycling has no agreed target: it is reported, never judged.
    const recycleMissing = unmapped('rejectedAt', 'rejectionReason');
    const recycleText = 'followed up in nurture';
    commitments.push(
      kpi('recycled', 'recycling', 'marketing', 'Recycled leads that came back',
        recycleMissing.length > 0 ? noData(mapFirst(...recycleMissing), recycleText)
        : this.recycled === 0 ? noData('no rejection of the period was recycled (no reason that means recycle)', recycleText, { recycled: 0, cameBack: 0 })
        : { actual: `${whole(this.recycledLater)} of ${whole(this.recycled)} recycled leads later reached SQL, opportunity or a win`, target: recycleText, state: 'no-target', noData: null, figures: { recycled: this.recycled, cameBack: this.recycledLater }, missedLeads: [], missedCount: 0 }),
    );
    const opportunitiesNeeded = need('opportunities', 'perMonth');
    const opportunityTarget = opportunitiesNeeded === null ? 'the plan is incomplete' : `${Math.ceil(opportunitiesNeeded).toLocaleString('en-US')} a month (from the plan)`;
    const opportunitiesPerMonth = rate(this.opportunities, 'per-month');
    commitments.push(
      kpi('opportunities-sourced', 'opportunities', 'marketing', 'Opportunities sourced',
        !mapped('opportunityAt') ? noData(mapFirst('opportunityAt'), opportunityTarget)
        : this.opportunities === 0 ? noData(empty(label('opportunityAt')), opportunityTarget)
        : opportunitiesPerMonth === null ? noData(noCoverage, opportunityTarget)
        : { actual: `${whole(opportunitiesPerMonth)} a month (${whole(this.opportunities)} in ${coveredDays} days${coverageNote})`, target: opportunityTarget, state: stateOfVolume(opportunitiesPerMonth, opportunitiesNeeded === null ? null : Math.ceil(opportunitiesNeeded)), noData: null, figures: { actual: opportunitiesPerMonth, target: opportunitiesNeeded, count: this.opportunities, days: coveredDays }, missedLeads: [], missedCount: 0 }),
    );
    // Time to win: MQL → won in calendar days, against the plan's MQL-to-deal time (sales cycle plus the stages before it).
    const planDays = funnel.ok ? (funnel.levels.find((entry) => entry.level === 'mqls')?.leadTimeDays ?? null) : plan.salesCycleDays;
    const winTarget = planDays === null ? 'the plan has no sales cycle' : `median within ${whole(planDays)} days (the plan’s sales cycle${funnel.ok && plan.salesCycleDays !== null && planDays !== plan.salesCycleDays ? ` of ${whole(plan.salesCycleDays)} days plus the stages before it` : ''})`;
    const winMissing = unmapped('outcome', 'closedAt');
    const winDays = this.winDays.copy();
    const winMedian = quantile(winDays, 0.5);
    const winP90 = quantile(winDays, 0.9);
    commitments.push(
      kpi('time-to-win', 'time-to-win', 'field-sales', 'Time to win (MQL → won)',
        winMissing.length > 0 ? noData(mapFirst(...winMissing), winTarget)
        : this.outcomeValuesMissing === 'won' ? noData('the mapping lists no outcome value for won: list the values that mean won', winTarget)
        : this.closedAtValues === 0 ? noData(empty(label('closedAt')), winTarget)
        : winMedian === null || winP90 === null ? noData('no MQL of the period has been won yet', winTarget, { median: null, p90: null, won: 0 })
        : { actual: `median ${oneDecimal(winMedian)} days, 90th percentile ${oneDecimal(winP90)} days, over ${whole(winDays.length)} won so far (deals still open are not in it)`, target: winTarget, state: planDays === null ? 'no-target' : stateOfTime(winMedian, planDays), noData: null, figures: { median: winMedian, p90: winP90, won: winDays.length, planDays }, missedLeads: [], missedCount: 0 }),
    );

    // Stage conversion: a step is measured only when both of its stages' columns are mapped and have values.
    const percent = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null);
    const step = (label: string, actual: number | null, planned: number | null, reason: string | null): ConversionStep => {
      const why = (uncovered ? noCoverage : null) ?? reason ?? (actual === null ? 'nothing reached the earlier stage in the period' : planned === null ? 'the plan has no rate for this step' : null);
      if (why !== null) return { step: label, actual: reason === null ? actual : null, planned, state: 'no-data', noData: why };
      return { step: label, actual, planned, state: stateOfVolume(actual!, planned!), noData: null };
    };
    const needs = (...fields: HistoryField[]): string | null => {
      const missing = unmapped(...fields);
      if (missing.length > 0) return mapFirst(...missing);
      const counts: Partial<Record<HistoryField, number>> = { acceptedAt: this.accepted, sqlAt: this.sqls, opportunityAt: this.opportunities, outcome: this.outcomes };
      if (fields.includes('outcome') && this.outcomeValuesMissing !== null) return `the mapping lists no outcome value for ${this.outcomeValuesMissing}: list the values that mean won and lost`;
      const blank = fields.find((field) => counts[field] === 0);
      return blank === undefined ? null : empty(label(blank));
    };
    const plannedWin = [plan.mqlToSal, plan.salToSql, plan.sqlToOpportunity, plan.winRate].every((value) => value !== null) ? ((plan.mqlToSal! / 100) * (plan.salToSql! / 100) * (plan.sqlToOpportunity! / 100) * (plan.winRate! / 100)) * 100 : null;
    const conversion: ConversionStep[] = [
      step('MQL → SAL', percent(this.accepted, this.mqls), plan.mqlToSal, needs('acceptedAt')),
      step('SAL → SQL', percent(this.sqls, this.accepted), plan.salToSql, needs('acceptedAt', 'sqlAt')),
      step('SQL → opportunity', percent(this.opportunities, this.sqls), plan.sqlToOpportunity, needs('sqlAt', 'opportunityAt')),
      step('Opportunity → won', percent(this.opportunitiesWon, this.opportunitiesClosed), plan.winRate, needs('opportunityAt', 'outcome') ?? (this.opportunitiesClosed === 0 ? 'no opportunity of the period has closed yet' : null)),
      step('MQL → won', percent(this.won, this.mqls), plannedWin === null ? null : Math.round(plannedWin * 100) / 100, needs('outcome')),
    ];

    const speedBins = [1, 2, 4, 8, 16, 24];
    const histogram = [...speedBins.map((limit, index) => ({ label: `${index === 0 ? 0 : speedBins[index - 1]}–${limit} h`, count: 0 })), { label: '24 h +', count: 0 }];
    for (const hours of this.speeds.values.subarray(0, this.speeds.count)) {
      const bin = speedBins.findIndex((limit) => hours < limit);
      histogram[bin < 0 ? speedBins.length : bin]!.count += 1;
    }
    // A missing first touch is a data problem only where first touches are recorded at all.
    if (!mapped('firstTouchAt') || this.touchValues === 0) this.problems.delete('No first touch recorded');
    return {
      from: this.period.from,
      to: this.period.to,
      leads: this.leads,
      mqls: this.mqls,
      commitments,
      conversion,
      // A week cut by the period's start or end (or the export's last date) has fewer days: the chart and report say so.
      // Every covered week appears, a week with no MQL as 0 (not left out of the chart).
      weekly: weeksOf(coveredStart, coveredEnd, this.weekly).map((week) => ({ week: this.days.day(week), mqls: this.weekly.get(week) ?? 0, days: Math.max(0, Math.min(week + 6, coveredEnd) - Math.max(week, coveredStart) + 1) })),
      monthly: [...this.monthly.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, entry]) => ({ month, ...entry })),
      need: { mqlsPerWeek: need('mqls', 'perWeek'), mqlsPerMonth: need('mqls', 'perMonth'), opportunitiesPerMonth: opportunitiesNeeded },
      coverage: { periodDays, coveredDays, exportLastDate, exportFirstDate },
      speedHistogram: histogram,
      reasons: [...this.reasons.entries()].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count, known: this.knownReasons.has(reason.toLowerCase()) })),
      problems: [...this.problems.values()].sort((a, b) => b.count - a.count),
    };
  }
}

/** The Mondays (day numbers) of the weeks from `start` to `end`, and of any week with MQLs outside them (none is dropped). */
function weeksOf(start: number, end: number, counted: ReadonlyMap<number, number>): number[] {
  const weeks = new Set(counted.keys());
  for (let week = start - ((start + 3) % 7); week <= end; week += 7) weeks.add(week);
  return [...weeks].sort((a, b) => a - b);
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
