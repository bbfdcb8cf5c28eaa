import { computeFunnel, funnelInputsOf } from '../../model/funnel';
import type { CsvEncoding } from '../csv/csv';
import { describeExportRead, type ExportRead } from '../csv/stream';
import type { CalibrationResult, StoredExportRead, storedCsvEncodings, SweepPoint, Tally } from '../../model/calibration-result';
import type { Agreement } from '../../model/agreement';
import { fitGrades } from '../../model/agreement';
import type { RowScore, ScoringModel } from '../scoring/scoring';
import type { MappedRow } from './mapping';
import { recencyOf, recencyText, recencyVerdicts } from './recency';
import { ruleVerdictOf } from './verdict';
import { formatPercent } from '../../text/percent';

// The result's shape is one schema in the model (shared/model/calibration-result.ts): the database stores it and the
// library file checks it, so the engine's type is derived from it rather than mirrored by hand.
export type { CalibrationResult, OutcomeMatch, SweepPoint, Tally } from '../../model/calibration-result';

/** True when A and B are the same type (each assignable to the other). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The CSV reader's ExportRead and encodings (shared/engines/csv) must be what a stored result holds: a field or an
// encoding added there fails here until the model's schema has it, instead of every backup refusing the calibration.
const exportReadIsStored: Same<ExportRead, StoredExportRead> = true;
const encodingsAreStored: Same<CsvEncoding, (typeof storedCsvEncodings)[number]> = true;
void exportReadIsStored;
void encodingsAreStored;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Aggregates scored rows in one pass with fixed memory: counters, a grade
 * grid, months, per-rule tallies and 101-bin score histograms for the sweeps.
 */
export class CalibrationAggregator {
  private rows = 0;
  private scored = 0;
  private positives = 0;
  private mqls = 0;
  private truePositives = 0;
  private fastTracked = 0;
  private disqualified = 0;
  private knockedOut = 0;
  private readonly skips = new Map<string, { count: number; firstLine: number }>();
  private readonly gradeCounts = new Float64Array(16);
  private readonly gradePositives = new Float64Array(16);
  private readonly months = new Map<string, { leads: number; mqls: number; positives: number }>();
  private readonly ruleCount: Float64Array;
  private readonly rulePositives: Float64Array;
  private readonly ruleMisses: Float64Array;
  private readonly hits: Uint8Array;
  // Histograms for the sweeps: rows that pass everything but the swept threshold, by integer score.
  private readonly fitHistogram = new Float64Array(101);
  private readonly fitHistogramPositives = new Float64Array(101);
  private readonly engagementHistogram = new Float64Array(101);
  private readonly engagementHistogramPositives = new Float64Array(101);
  private fastTrackOnly = 0;
  private fastTrackOnlyPositives = 0;
  private readonly score: RowScore = { fit: 0, engagement: 0, fitGradeIndex: 3, engagementLevel: 1, mql: false, fastTracked: false, disqualified: false, knockedOut: false };
  private readonly minFitIndex: number;
  private readonly minLevel: number;
  private readonly fastTrackQualifies: boolean;
  private readonly engagementThresholds: [number, number, number];
  private readonly fitThresholds: [number, number, number];

  constructor(
    private readonly model: ScoringModel,
    private readonly agreement: Agreement,
    private readonly asOf: string,
  ) {
    this.ruleCount = new Float64Array(model.rules.length);
    this.rulePositives = new Float64Array(model.rules.length);
    this.ruleMisses = new Float64Array(model.rules.length);
    this.hits = new Uint8Array(model.rules.length);
    const { mqlRule, engagementThresholds, fitThresholds } = agreement.scoring;
    this.minFitIndex = fitGrades.indexOf(mqlRule.minFitGrade);
    this.minLevel = mqlRule.minEngagement;
    this.fastTrackQualifies = mqlRule.fastTrackQualifies;
    const inf = Number.POSITIVE_INFINITY;
    this.engagementThresholds = [engagementThresholds[4] ?? inf, engagementThresholds[3] ?? inf, engagementThresholds[2] ?? inf];
    this.fitThresholds = [fitThresholds.A ?? inf, fitThresholds.B ?? inf, fitThresholds.C ?? inf];
  }

  /** Data rows seen so far (for progress). */
  get rowCount(): number {
    return this.rows;
  }

  /** Counts a row that could not be used, with the reason and the first line it happened on. */
  skip(reason: string, line: number): void {
    this.rows += 1;
    const entry = this.skips.get(reason);
    if (entry) entry.count += 1;
    else this.skips.set(reason, { count: 1, firstLine: line });
  }

  /** Scores and counts one mapped row. */
  add(row: MappedRow): void {
    this.rows += 1;
    this.scored += 1;
    const score = this.model.scoreRow(row.values, row.counts, row.activityDays, this.score, this.hits);
    const success = row.success;
    if (success) this.positives += 1;
    const grade = score.fitGradeIndex * 4 + (4 - score.engagementLevel);
    this.gradeCounts[grade]! += 1;
    if (success) this.gradePositives[grade]! += 1;
    if (score.mql) {
      this.mqls += 1;
      if (success) this.truePositives += 1;
    }
    if (score.fastTracked) this.fastTracked += 1;
    if (score.disqualified) this.disqualified += 1;
    if (score.knockedOut) this.knockedOut += 1;
    const hits = this.hits;
    for (let index = 0; index < hits.length; index += 1) {
      const hit = hits[index];
      if (hit === 1) {
        this.ruleCount[index]! += 1;
        if (success) this.rulePositives[index]! += 1;
      } else if (hit === 2) this.ruleMisses[index]! += 1;
    }
    if (row.month !== null) {
      let month = this.months.get(row.month);
      if (!month) {
        month = { leads: 0, mqls: 0, positives: 0 };
        this.months.set(row.month, month);
      }
      month.leads += 1;
      if (score.mql) month.mqls += 1;
      if (success) month.positives += 1;
    }
    if (!score.disqualified && !score.knockedOut) {
      if (score.fastTracked && this.fastTrackQualifies) {
        this.fastTrackOnly += 1;
        if (success) this.fastTrackOnlyPositives += 1;
      } else {
        if (score.engagementLevel >= this.minLevel) {
          const bin = Math.floor(score.fit);
          this.fitHistogram[bin]! += 1;
          if (success) this.fitHistogramPositives[bin]! += 1;
        }
        if (score.fitGradeIndex <= this.minFitIndex) {
          const bin = Math.floor(score.engagement);
          this.engagementHistogram[bin]! += 1;
          if (success) this.engagementHistogramPositives[bin]! += 1;
        }
      }
    }
  }

  private sweep(histogram: Float64Array, positives: Float64Array): SweepPoint[] {
    const points: SweepPoint[] = [];
    const count = this.fastTrackOnly;
    const hit = this.fastTrackOnlyPositives;
    const cumulative = new Float64Array(102);
    const cumulativePositives = new Float64Array(102);
    for (let bin = 100; bin >= 0; bin -= 1) {
      cumulative[bin] = cumulative[bin + 1]! + histogram[bin]!;
      cumulativePositives[bin] = cumulativePositives[bin + 1]! + positives[bin]!;
    }
    for (let threshold = 0; threshold <= 100; threshold += 5) {
      const mqls = count + cumulative[threshold]!;
      const tp = hit + cumulativePositives[threshold]!;
      points.push({ threshold, mqls, conversion: ratio(tp, mqls), recall: ratio(tp, this.positives) });
    }
    return points;
  }

  /**
   * Adds another aggregator's counts to this one (same agreement and model):
   * the too-recent leads are counted apart, then joined. Every per-row tally
   * is added here; a test checks that split-and-joined equals one pass.
   */
  absorb(other: CalibrationAggregator): void {
    this.rows += other.rows;
    this.scored += other.scored;
    this.positives += other.positives;
    this.mqls += other.mqls;
    this.truePositives += other.truePositives;
    this.fastTracked += other.fastTracked;
    this.disqualified += other.disqualified;
    this.knockedOut += other.knockedOut;
    this.fastTrackOnly += other.fastTrackOnly;
    this.fastTrackOnlyPositives += other.fastTrackOnlyPositives;
    for (const [reason, entry] of other.skips) {
      const mine = this.skips.get(reason);
      if (mine) {
        mine.count += entry.count;
        mine.firstLine = Math.min(mine.firstLine, entry.firstLine);
      } else this.skips.set(reason, { ...entry });
    }
    for (const [month, entry] of other.months) {
      const mine = this.months.get(month);
      if (mine) {
        mine.leads += entry.leads;
        mine.mqls += entry.mqls;
        mine.positives += entry.positives;
      } else this.months.set(month, { ...entry });
    }
    const add = (into: Float64Array, from: Float64Array) => {
      for (let index = 0; index < into.length; index += 1) into[index]! += from[index]!;
    };
    add(this.gradeCounts, other.gradeCounts);
    add(this.gradePositives, other.gradePositives);
    add(this.ruleCount, other.ruleCount);
    add(this.rulePositives, other.rulePositives);
    add(this.ruleMisses, other.ruleMisses);
    add(this.fitHistogram, other.fitHistogram);
    add(this.fitHistogramPositives, other.fitHistogramPositives);
    add(this.engagementHistogram, other.engagementHistogram);
    add(this.engagementHistogramPositives, other.engagementHistogramPositives);
  }

  /** The result so far (call at the end, or for a progress preview). */
  result(): CalibrationResult {
    const grades: Record<string, Tally> = {};
    for (let index = 0; index < 16; index += 1) grades[`${fitGrades[Math.floor(index / 4)]}${4 - (index % 4)}`] = { count: this.gradeCounts[index]!, positives: this.gradePositives[index]! };
    const precision = ratio(this.truePositives, this.mqls);
    const baseRate = ratio(this.positives, this.scored);
    const funnel = computeFunnel(funnelInputsOf(this.agreement));
    const mqlLevel = funnel.ok ? funnel.levels.find((level) => level.level === 'mqls') : undefined;
    return {
      rows: this.rows,
      scored: this.scored,
      skipped: { total: this.rows - this.scored, reasons: [...this.skips.entries()].map(([reason, entry]) => ({ reason, ...entry })).sort((a, b) => b.count - a.count) },
      positives: this.positives,
      baseRate,
      mqls: this.mqls,
      truePositives: this.truePositives,
      precision,
      recall: ratio(this.truePositives, this.positives),
      lift: baseRate > 0 ? precision / baseRate : 0,
      fastTracked: this.fastTracked,
      disqualified: this.disqualified,
      knockedOut: this.knockedOut,
      grades,
      months: [...this.months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, entry]) => ({ month, ...entry })),
      planMqlsPerMonth: mqlLevel ? mqlLevel.perMonth : null,
      rules: this.model.rules.map((rule, index) => {
        const count = this.ruleCount[index]!;
        const positives = this.rulePositives[index]!;
        const effect = rule.kind === 'icp' ? (this.agreement.icp.find((criterion) => criterion.id === rule.id)?.effect ?? null) : null;
        return { ...rule, with: { count, positives }, without: { count: this.scored - count, positives: this.positives - positives }, mapped: true, effect, ...(rule.kind === 'icp' ? { notMatched: this.ruleMisses[index]! } : {}) };
      }),
      sweep: { fit: this.sweep(this.fitHistogram, this.fitHistogramPositives), engagement: this.sweep(this.engagementHistogram, this.engagementHistogramPositives) },
      asOf: this.asOf,
    };
  }
}

/** One rule removing more than this share of the scored leads is said first, before any other figure. */
export const dominantExclusionShare = 0.5;

/** A rule that knocks out (must-have) or disqualifies (disqualifier) most leads: the explanation of few MQLs. */
export interface DominantExclusion {
  ruleId: string;
  label: string;
  effect: 'must-have' | 'disqualifier';
  /** Leads it knocked out or disqualified. */
  count: number;
  /** Leads scored. */
  of: number;
  /** "8,120 of 9,240 leads knocked out by “Region we sell in”". */
  text: string;
}

/**
 * The rule that removes the most leads, when it removes more than half of
 * them (a region must-have against another region's export gives 0 MQLs and
 * lift 0.00; this says why). Null when no rule does, or for a result stored
 * before knock-outs were counted per rule.
 */
export function dominantExclusion(result: CalibrationResult): DominantExclusion | null {
  let best: DominantExclusion | null = null;
  for (const rule of result.rules) {
    if (rule.effect !== 'must-have' && rule.effect !== 'disqualifier') continue;
    const count = rule.effect === 'must-have' ? (rule.notMatched ?? 0) : rule.with.count;
    if (count > result.scored * dominantExclusionShare && (!best || count > best.count)) {
      const n = (value: number) => value.toLocaleString('en-US');
      best = { ruleId: rule.id, label: rule.label, effect: rule.effect, count, of: result.scored, text: `${n(count)} of ${n(result.scored)} leads ${rule.effect === 'must-have' ? 'knocked out' : 'disqualified'} by “${rule.label}”` };
    }
  }
  return best;
}

/** "1,279 values in “Page Views Per Visit” are not numbers (e.g. “2,5”)", one line per column that has any. */
export function unreadableNumbers(result: CalibrationResult): string[] {
  const n = (value: number) => value.toLocaleString('en-US');
  const examples = (list: string[]) => (list.length ? ` (e.g. ${list.slice(0, 3).map((value) => `“${value}”`).join(', ')})` : '');
  return (result.columns ?? []).flatMap((column) => [
    ...(column.notNumbers > 0 ? [`${n(column.notNumbers)} value${column.notNumbers === 1 ? '' : 's'} in “${column.column}” ${column.notNumbers === 1 ? 'is' : 'are'} not ${column.notNumbers === 1 ? 'a number' : 'numbers'}${examples(column.examples)}; read as unknown`] : []),
    ...(column.negative > 0 ? [`${n(column.negative)} value${column.negative === 1 ? '' : 's'} in “${column.column}” ${column.negative === 1 ? 'is' : 'are'} negative where a count is read; read as unknown`] : []),
  ]);
}

/**
 * Outcome-file rows that match no lead, as a share of the file, above which it is said first, before any figure: most
 * of the file matching nothing means the two files are likely not of the same leads (another period, region or CRM).
 */
export const unmatchedOutcomeShare = 0.5;

/**
 * "4,903 of 5,448 rows of deals.csv match no lead of the export", and whether it is most of the file (`first`: said
 * before the figures). Null when there is no outcome file, every row matched, or the result was stored before it was counted.
 */
export function unmatchedOutcome(result: CalibrationResult): { text: string; first: boolean; unmatchedRows: number; rows: number } | null {
  const match = result.outcomeMatch;
  if (!match || match.unmatchedRows === 0) return null;
  const n = (value: number) => value.toLocaleString('en-US');
  const first = match.unmatchedRows > match.rows * unmatchedOutcomeShare;
  const text = `${n(match.unmatchedRows)} of ${n(match.rows)} ${match.rows === 1 ? 'row' : 'rows'} of ${match.fileName} match no lead of the export${first ? ': the two files may not be of the same leads (another period, region or CRM); the base rate and every conversion below count only the leads found' : ''}`;
  return { text, first, unmatchedRows: match.unmatchedRows, rows: match.rows };
}

/**
 * "2 rules not mapped (India, Website visit): MQLs, precision and lift are computed without them", said before the
 * figures; null when every rule is mapped. A rule no column feeds scores no lead, so the headline figures leave it out.
 */
export function unmappedRulesNote(result: CalibrationResult): { text: string; labels: string[] } | null {
  const labels = result.rules.filter((rule) => ruleVerdictOf(rule) === 'not-mapped').map((rule) => rule.label);
  if (labels.length === 0) return null;
  return { labels, text: `${labels.length} ${labels.length === 1 ? 'rule' : 'rules'} not mapped (${labels.join(', ')}): MQLs, precision and lift are computed without ${labels.length === 1 ? 'it' : 'them'}` };
}

/**
 * The values the mapping names that no cell had, each as a sentence (the screen, the CLI): a misspelt translation
 * ("Indai" → "India") or counted value would otherwise match nothing without a word.
 */
export function unusedMappingValues(result: CalibrationResult): string[] {
  return (result.columns ?? []).flatMap((column) =>
    (column.unusedValues ?? []).map((entry) => {
      switch (entry.use.kind) {
        case 'translation':
          return `No cell of “${column.column}” reads “${entry.value}”: its translation to “${entry.use.to}” (${entry.use.attribute}) was never used. Check the spelling against the column's values.`;
        case 'counted':
          return `No cell of “${column.column}” reads “${entry.value}”, a value the signal ${entry.use.signal} counts: it was never counted. Check the spelling against the column's values.`;
        default: {
          const unexpected: never = entry.use;
          return unexpected;
        }
      }
    }),
  );
}

/** The calibration summary the agreement document prints (label, value). */
export function calibrationFacts(result: CalibrationResult, files: { leads: string; accounts: string | null; outcome?: string | null }): [string, string][] {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const predictive = result.rules.filter((rule) => ruleVerdictOf(rule) === 'predicts');
  const exclusion = dominantExclusion(result);
  const unmapped = result.rules.filter((rule) => ruleVerdictOf(rule) === 'not-mapped');
  const recency = recencyOf(result);
  const dependsOnRecent = [...(recencyVerdicts(result)?.entries() ?? [])].filter(([, verdict]) => verdict.changes).map(([key]) => result.rules.find((rule) => `${rule.kind}:${rule.id}` === key)?.label ?? key);
  const unmatched = unmatchedOutcome(result);
  const unmappedNote = unmappedRulesNote(result);
  return [
    ...(unmatched?.first ? [['Read this first', unmatched.text] as [string, string]] : []),
    ...(unmappedNote ? [['Read this first', unmappedNote.text] as [string, string]] : []),
    ...(exclusion ? [['Read this first', exclusion.text] as [string, string]] : []),
    ['Data', `${files.leads}${files.accounts ? ` joined with ${files.accounts}` : ''}${files.outcome ? `, converted = found in ${files.outcome}` : ''}, scored as of ${result.asOf}`],
    ['Rows', `${n(result.rows)} read, ${n(result.scored)} scored, ${n(result.skipped.total)} skipped${recency.judged ? `, ${n(recency.tooRecent)} too recent to judge` : ''}`],
    ...(unmatched && !unmatched.first ? [['Outcome file', unmatched.text] as [string, string]] : []),
    ['Too recent to judge', recency.judged ? `${recencyText(recency)}: left out of these figures` : `Not judged. ${recency.reason}`],
    ['Base rate', `${formatPercent(result.baseRate)} (${n(result.positives)} successes)`],
    ['MQLs by the agreed rule', `${n(result.mqls)}, of which ${n(result.truePositives)} succeeded`],
    ['Precision (MQL conversion)', result.mqls > 0 ? formatPercent(result.precision) : 'no data: no lead is an MQL by the agreed rule'],
    ['Recall (successes caught)', formatPercent(result.recall)],
    ['Lift over the base rate', result.mqls > 0 ? `${result.lift.toFixed(2)} ×` : 'no data: no MQL'],
    ['Rules that predict success', predictive.map((rule) => rule.label).join(', ') || 'none clearly'],
    ...(dependsOnRecent.length ? [['Verdicts that change when the too-recent leads are counted', dependsOnRecent.join(', ')] as [string, string]] : []),
    ...(unmapped.length ? [['Rules not mapped (no column: not tested)', unmapped.map((rule) => rule.label).join(', ')] as [string, string]] : []),
    ...unreadableNumbers(result).map((line) => ['Values not read', line] as [string, string]),
    ...describeExportRead(result.read).map((line) => ['How the file was read', line] as [string, string]),
  ];
}
