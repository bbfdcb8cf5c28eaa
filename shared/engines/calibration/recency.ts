import type { Agreement } from '../../model/agreement';
import type { CalibrationResult, RecencyFacts } from '../../model/calibration-result';
import { dayText } from './dates';
import type { CalibrationMapping } from '../../model/calibration-mapping';
import type { MappedRow } from './mapping';
import type { OutcomeTable } from './outcome-file';
import { ruleVerdictOf, type RuleVerdictKind } from './verdict';

/**
 * Leads younger than one sales cycle at the export's last outcome date have
 * not had time to convert: counted as failures they make "recent" look bad
 * and anything correlated with the data window look predictive. Either the
 * split was made (`judged`) and the figures exclude them, with the figures
 * including them beside; or it could not be (no date column, no cycle
 * length, no readable date) and the reason says so: never a silent pretence.
 * Part of the stored result: its shape is the model's schema (shared/model/calibration-result.ts).
 */
export type { RecencyFacts } from '../../model/calibration-result';

/** What the run knows before reading: whether recency can be judged, the cycle, and a last date fixed by the outcome file. */
export type RecencyPlan = { judging: false; reason: string } | { judging: true; cycleDays: number; dateColumn: string; fixedLastDay: number | null };

/** Decides, from the agreement, the mapping and the outcome file, whether the run can judge recency, or why not. */
export function recencyPlan(agreement: Agreement, mapping: CalibrationMapping, outcomes: OutcomeTable | null): RecencyPlan {
  const cycle = agreement.revenuePlan.salesCycleDays;
  if (!mapping.date) return { judging: false, reason: 'No date column is mapped: map the leads’ created date to see which leads were too recent to have converted.' };
  if (typeof cycle !== 'number' || !(cycle > 0)) return { judging: false, reason: 'The revenue plan has no sales cycle length: enter it to see which leads were too recent to have converted.' };
  const fixed = outcomes && outcomes.lastDay === outcomes.lastDay ? outcomes.lastDay : null;
  return { judging: true, cycleDays: Math.round(cycle), dateColumn: mapping.date.column, fixedLastDay: fixed };
}

/**
 * What the split needs of the aggregator it splits (calibrate.ts's
 * CalibrationAggregator is the one): declared here rather than imported,
 * because calibrate.ts imports this module for the recency figures.
 */
export interface RecencyAggregator {
  /** Data rows seen (scored and skipped). */
  readonly rowCount: number;
  /** Counts a row that could not be used. */
  skip(reason: string, line: number): void;
  /** Scores and counts one mapped row. */
  add(row: MappedRow): void;
  /** Adds another aggregator's counts (one made by the same factory) to this one's. */
  absorb(other: RecencyAggregator): void;
  /** The figures so far. */
  result(): CalibrationResult;
}

/**
 * Streams scored rows into the figures that count (old enough) and keeps
 * the too-recent ones apart. The last date is the outcome file's when it has
 * one; otherwise it is the latest lead date, known only at the end, so the
 * rows within one cycle of the latest date so far wait in per-day groups
 * and join the counted figures as the latest date moves on (memory: one
 * cycle of days, not rows). Each row is scored once.
 */
export class RecencySplit {
  private readonly mature: RecencyAggregator;
  private readonly recent = new Map<number, RecencyAggregator>();
  private lastDay: number;
  private undated = 0;
  private dated = 0;
  private readonly judging: boolean;
  private readonly cycle: number;

  constructor(
    private readonly make: () => RecencyAggregator,
    private readonly plan: RecencyPlan,
  ) {
    this.mature = make();
    this.judging = plan.judging;
    this.cycle = plan.judging ? plan.cycleDays : 0;
    this.lastDay = plan.judging && plan.fixedLastDay !== null ? plan.fixedLastDay : Number.NEGATIVE_INFINITY;
  }

  /** Data rows seen so far (for progress). */
  get rowCount(): number {
    let rows = this.mature.rowCount;
    for (const group of this.recent.values()) rows += group.rowCount;
    return rows;
  }

  /** Counts a row that could not be used. */
  skip(reason: string, line: number): void {
    this.mature.skip(reason, line);
  }

  /** Scores and counts one mapped row, in the counted figures or with the too-recent ones. */
  add(row: MappedRow): void {
    if (!this.judging) return this.mature.add(row);
    const day = row.day;
    if (day !== day) {
      this.undated += 1;
      return this.mature.add(row);
    }
    this.dated += 1;
    if (day > this.lastDay && !(this.plan.judging && this.plan.fixedLastDay !== null)) {
      this.lastDay = day;
      this.settle();
    }
    if (day <= this.lastDay - this.cycle) return this.mature.add(row);
    let group = this.recent.get(day);
    if (!group) {
      group = this.make();
      this.recent.set(day, group);
    }
    group.add(row);
  }

  /** Days that are now a full cycle before the latest date join the counted figures. */
  private settle(): void {
    const cutoff = this.lastDay - this.cycle;
    for (const [day, group] of this.recent) {
      if (day <= cutoff) {
        this.mature.absorb(group);
        this.recent.delete(day);
      }
    }
  }

  /** The figures (without the too-recent leads when recency was judged) and the recency facts. */
  result(): CalibrationResult & { recency: RecencyFacts } {
    const plan = this.plan;
    if (!plan.judging) return { ...this.mature.result(), recency: { judged: false, reason: plan.reason } };
    if (this.dated === 0) return { ...this.mature.result(), recency: { judged: false, reason: `No lead has a readable date in “${plan.dateColumn}” (YYYY-MM-DD or DD.MM.YYYY): their age is unknown, so none could be set aside as too recent.` } };
    const including = this.make();
    including.absorb(this.mature);
    let tooRecent = 0;
    let tooRecentPositives = 0;
    for (const group of this.recent.values()) {
      including.absorb(group);
      const figures = group.result();
      tooRecent += figures.scored;
      tooRecentPositives += figures.positives;
    }
    const includingRecent = including.result();
    const counted = this.mature.result();
    const lastDate = dayText(this.lastDay);
    return {
      ...counted,
      // Every row read, so that rows = scored + skipped + too recent.
      rows: includingRecent.rows,
      recency: { judged: true, cycleDays: this.cycle, lastDate, lastDateFrom: plan.fixedLastDay !== null ? 'outcome-file' : 'lead-dates', cutoff: dayText(this.lastDay - this.cycle), tooRecent, tooRecentPositives, undated: this.undated, includingRecent },
    };
  }
}

/** A result's recency facts; a result stored before recency was judged says so (run it again), never "none too recent". */
export function recencyOf(result: CalibrationResult): RecencyFacts {
  return result.recency ?? { judged: false, reason: 'This result was computed before Accord set aside the leads too recent to judge: run the calibration again.' };
}

/** The figures to show: without the too-recent leads (the default), or with them when `includeRecent` and recency was judged. */
export function shownFigures(result: CalibrationResult, includeRecent: boolean): CalibrationResult {
  const recency = result.recency;
  return includeRecent && recency?.judged ? { ...recency.includingRecent, columns: result.columns, recency } : result;
}

/** A rule's verdict without the too-recent leads and with them; `changes` marks a verdict that depends on the toggle. */
export interface RecencyVerdict {
  excluding: RuleVerdictKind;
  including: RuleVerdictKind;
  changes: boolean;
}

/**
 * Each rule's verdict both ways (keyed `kind:id`), or null when recency was
 * not judged. The screen marks, and the CLI and the document list, the rules
 * whose verdict changes when the too-recent leads are counted.
 */
export function recencyVerdicts(result: CalibrationResult): Map<string, RecencyVerdict> | null {
  const recency = result.recency;
  if (!recency?.judged) return null;
  const including = new Map(recency.includingRecent.rules.map((rule) => [`${rule.kind}:${rule.id}`, rule]));
  const verdicts = new Map<string, RecencyVerdict>();
  for (const rule of result.rules) {
    const key = `${rule.kind}:${rule.id}`;
    const other = including.get(key);
    const excluding = ruleVerdictOf(rule);
    const withRecent = other ? ruleVerdictOf(other) : excluding;
    verdicts.set(key, { excluding, including: withRecent, changes: excluding !== withRecent });
  }
  return verdicts;
}

/** "3,062 leads dated after 2017-06-30 (younger than the 180-day sales cycle at 2017-12-27, the latest lead date)": one sentence for the screen, the document and the CLI. */
export function recencyText(recency: RecencyFacts): string {
  if (!recency.judged) return `Not judged. ${recency.reason}`;
  const n = (value: number) => value.toLocaleString('en-US');
  const from = recency.lastDateFrom === 'outcome-file' ? 'the latest date in the outcome file' : 'the latest lead date';
  const undated = recency.undated > 0 ? `; ${n(recency.undated)} leads without a readable date are counted (their age is unknown)` : '';
  return `${n(recency.tooRecent)} leads dated after ${recency.cutoff} (younger than the ${recency.cycleDays}-day sales cycle at ${recency.lastDate}, ${from}; ${n(recency.tooRecentPositives)} of them converted already)${undated}`;
}
