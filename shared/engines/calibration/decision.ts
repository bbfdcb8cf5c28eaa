/**
 * From a calibration result back to the rules: where the MQL rule's threshold
 * sits on the sweep, what the revenue plan needs against it, and the edits the
 * calibration screen offers ("Use this threshold", a rule's "Remove" and
 * "Change points") as recipes for the agreement editor (undo and the
 * consensus-integrity rules stay the editor's). Pure; no DOM.
 */
import { computeFunnel, funnelInputsOf } from '../../model/funnel';
import { contentHash } from '../../model/canonical';
import type { Agreement } from '../../model/agreement';
import type { CalibrationResult, SweepPoint } from './calibrate';

/** The two scores the sweep moves the threshold of. */
export const sweptScores = ['fit', 'engagement'] as const;
/** A score whose threshold the sweep moves. */
export type SweptScore = (typeof sweptScores)[number];

/** The grade or level whose threshold the MQL rule's boundary is, and why it cannot be moved from the sweep (null when it can). */
export interface SweepBoundary {
  swept: SweptScore;
  /** "fit grade B", "engagement level 3": what the MQL rule asks for at least. */
  name: string;
  /** The score the MQL rule starts at now on this axis (0 when the rule takes every grade or level); null when that threshold is not entered. */
  current: number | null;
  /** Why "Use this threshold" cannot move it (every grade or level counts, so there is no threshold to move); null when it can. */
  fixed: string | null;
  /** The threshold it may take with the other grades (levels) kept in order: above `above` and below `below` (strictly), null when open. */
  above: number | null;
  below: number | null;
}

type ThresholdKey = { swept: 'fit'; key: 'A' | 'B' | 'C' } | { swept: 'engagement'; key: 4 | 3 | 2 };

const fitKeys = ['A', 'B', 'C'] as const;
const levelKeys = [4, 3, 2] as const;

/** Which threshold of the agreement is the MQL rule's boundary on a score (null: the rule takes every grade or level). */
function boundaryKey(agreement: Agreement, swept: SweptScore): ThresholdKey | null {
  const { mqlRule } = agreement.scoring;
  if (swept === 'fit') return mqlRule.minFitGrade === 'D' ? null : { swept, key: mqlRule.minFitGrade };
  return mqlRule.minEngagement === 1 ? null : { swept, key: mqlRule.minEngagement };
}

/**
 * Where the MQL rule's threshold sits on a score now, and the room it has:
 * the thresholds of grades A > B > C (levels 4 > 3 > 2) must stay in order
 * (the agreement's own rule), so a sweep point past a neighbour is refused
 * with the reason rather than moving the neighbour too.
 */
export function sweepBoundary(agreement: Agreement, swept: SweptScore): SweepBoundary {
  const key = boundaryKey(agreement, swept);
  if (!key) {
    const name = swept === 'fit' ? 'fit grade D' : 'engagement level 1';
    return { swept, name, current: 0, fixed: `The MQL rule takes every ${swept === 'fit' ? 'fit grade (D or better)' : 'engagement level (1 or more)'}: there is no ${swept} threshold to move. Change the MQL rule in part 7 to use one.`, above: null, below: null };
  }
  const values: (number | null)[] = key.swept === 'fit' ? fitKeys.map((grade) => agreement.scoring.fitThresholds[grade]) : levelKeys.map((level) => agreement.scoring.engagementThresholds[level]);
  const index = key.swept === 'fit' ? fitKeys.indexOf(key.key) : levelKeys.indexOf(key.key);
  const name = key.swept === 'fit' ? `fit grade ${key.key}` : `engagement level ${key.key}`;
  return { swept, name, current: values[index] ?? null, fixed: null, below: index > 0 ? (values[index - 1] ?? null) : null, above: values[index + 1] ?? null };
}

/** A change to the agreement, ready for the editor's `update`, with what it does in words. */
export interface AgreementEdit {
  /** "Fit grade B starts at 60 (was 50)". */
  text: string;
  /** The consensus items it changes, as `consensusItems` names them (part and id). */
  items: { section: string; id: string }[];
  recipe: (draft: Agreement) => void;
}

/** An edit, or why it cannot be made (said on the screen). */
export type EditOutcome = { ok: true; edit: AgreementEdit } | { ok: false; reason: string };

const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 1 });

/**
 * "Use this threshold": the MQL rule's boundary threshold on a score set to a
 * sweep point's. Refused (with the reason) when the rule takes every grade or
 * level, when it is the threshold already, when it is outside 0–100, or when it
 * would pass a neighbouring grade's (level's) threshold.
 */
export function thresholdEdit(agreement: Agreement, swept: SweptScore, threshold: number): EditOutcome {
  const boundary = sweepBoundary(agreement, swept);
  if (boundary.fixed) return { ok: false, reason: boundary.fixed };
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 100) return { ok: false, reason: `A ${swept} threshold is between 0 and 100.` };
  if (boundary.current === threshold) return { ok: false, reason: `${capitalise(boundary.name)} starts at ${n(threshold)} already.` };
  const key = boundaryKey(agreement, swept)!;
  const neighbour = (which: 'above' | 'below') => (key.swept === 'fit' ? fitKeys[fitKeys.indexOf(key.key) + (which === 'below' ? -1 : 1)] : levelKeys[levelKeys.indexOf(key.key) + (which === 'below' ? -1 : 1)]);
  if (boundary.below !== null && threshold >= boundary.below) return { ok: false, reason: `${capitalise(swept === 'fit' ? 'fit grade' : 'engagement level')} ${neighbour('below')} starts at ${n(boundary.below)}: ${boundary.name} must start below it. Change the grades in part 7 first.` };
  if (boundary.above !== null && threshold <= boundary.above) return { ok: false, reason: `${capitalise(swept === 'fit' ? 'fit grade' : 'engagement level')} ${neighbour('above')} starts at ${n(boundary.above)}: ${boundary.name} must start above it. Change the grades in part 7 first.` };
  const was = boundary.current === null ? 'no threshold before' : `was ${n(boundary.current)}`;
  return {
    ok: true,
    edit: {
      text: `${capitalise(boundary.name)} starts at a ${swept} score of ${n(threshold)} (${was})`,
      items: [{ section: 'scoring', id: 'thresholds' }],
      recipe: (draft) => {
        if (key.swept === 'fit') draft.scoring.fitThresholds[key.key] = threshold;
        else draft.scoring.engagementThresholds[key.key] = threshold;
      },
    },
  };
}

/** A rule of a calibration result, as its `rules` list names it. */
export type CalibratedRule = Pick<CalibrationResult['rules'][number], 'id' | 'kind' | 'label'>;

/** The agreement's item behind a calibrated rule (a criterion by id, a signal by key, a fast track by id), or null when it is gone. */
function ruleItem(agreement: Agreement, rule: CalibratedRule): { section: string; id: string; points: number | null; hasPoints: boolean; name: string } | null {
  switch (rule.kind) {
    case 'icp': {
      const criterion = agreement.icp.find((entry) => entry.id === rule.id);
      return criterion ? { section: 'icp', id: criterion.id, points: criterion.points, hasPoints: criterion.effect === 'points', name: `criterion “${criterion.label || criterion.attribute}”` } : null;
    }
    case 'signal': {
      const signal = agreement.engagement.signals.find((entry) => entry.key.trim() === rule.id);
      return signal ? { section: 'engagement', id: signal.id, points: signal.points, hasPoints: true, name: `signal “${signal.name || signal.key}”` } : null;
    }
    case 'fast-track': {
      const trigger = agreement.engagement.fastTracks.find((entry) => entry.id === rule.id);
      return trigger ? { section: 'engagement', id: trigger.id, points: null, hasPoints: false, name: `fast track “${trigger.name || trigger.signalKey}”` } : null;
    }
    default: {
      const unexpected: never = rule.kind;
      return unexpected;
    }
  }
}

/** What the screen may offer on a calibrated rule: whether it is still in the agreement, and its points when it has any. */
export function ruleEditable(agreement: Agreement, rule: CalibratedRule): { present: boolean; points: number | null; hasPoints: boolean } {
  const item = ruleItem(agreement, rule);
  return item ? { present: true, points: item.points, hasPoints: item.hasPoints } : { present: false, points: null, hasPoints: false };
}

/** "Remove": the criterion, signal or fast track taken out of the agreement (undo brings it back with its positions). */
export function removeRuleEdit(agreement: Agreement, rule: CalibratedRule): EditOutcome {
  const item = ruleItem(agreement, rule);
  if (!item) return { ok: false, reason: `“${rule.label}” is no longer in the agreement.` };
  return {
    ok: true,
    edit: {
      text: `${capitalise(item.name)} removed`,
      items: [{ section: item.section, id: item.id }],
      recipe: (draft) => {
        if (rule.kind === 'icp') draft.icp = draft.icp.filter((entry) => entry.id !== item.id);
        else if (rule.kind === 'signal') draft.engagement.signals = draft.engagement.signals.filter((entry) => entry.id !== item.id);
        else draft.engagement.fastTracks = draft.engagement.fastTracks.filter((entry) => entry.id !== item.id);
      },
    },
  };
}

/** Points a criterion or signal may take (the editor's range is not narrower). */
export const rulePointsRange = { min: -100, max: 100 } as const;

/** "Change points": a points criterion's or a signal's points set to a new value. */
export function changePointsEdit(agreement: Agreement, rule: CalibratedRule, points: number): EditOutcome {
  const item = ruleItem(agreement, rule);
  if (!item) return { ok: false, reason: `“${rule.label}” is no longer in the agreement.` };
  if (!item.hasPoints) return { ok: false, reason: `${capitalise(item.name)} has no points (it knocks out, disqualifies or hands over).` };
  if (!Number.isFinite(points) || points < rulePointsRange.min || points > rulePointsRange.max) return { ok: false, reason: `Points are between ${rulePointsRange.min} and ${rulePointsRange.max}.` };
  if (item.points === points) return { ok: false, reason: `${capitalise(item.name)} has ${n(points)} points already.` };
  return {
    ok: true,
    edit: {
      text: `${capitalise(item.name)}: ${n(points)} points (was ${item.points === null ? 'none' : n(item.points)})`,
      items: [{ section: item.section, id: item.id }],
      recipe: (draft) => {
        if (rule.kind === 'icp') {
          const criterion = draft.icp.find((entry) => entry.id === item.id);
          if (criterion) criterion.points = points;
        } else {
          const signal = draft.engagement.signals.find((entry) => entry.id === item.id);
          if (signal) signal.points = points;
        }
      },
    },
  };
}

/**
 * A fingerprint of what a calibration scores with (criteria, the grid, signals,
 * decay, fast tracks, thresholds and the MQL rule), without any consensus: a
 * result computed for another fingerprint is of other rules (stale). Positions
 * given or taken do not change it.
 */
export function rulesFingerprint(agreement: Agreement): string {
  const { icp, buyingCommittee, engagement, scoring } = agreement;
  const rules = JSON.parse(JSON.stringify({ icp, buyingCommittee, engagement, fitThresholds: scoring.fitThresholds, engagementThresholds: scoring.engagementThresholds, mqlRule: scoring.mqlRule }, (key, value: unknown) => (key === 'consensus' ? undefined : value))) as unknown;
  return contentHash(rules);
}

/** The plan's MQL need from the reverse funnel (shared/model/funnel.ts), or why there is none. */
export type PlanMqlNeed = { ok: true; perPeriod: number; perMonth: number; perWeek: number; periodWeeks: number } | { ok: false; reason: string };

/** The revenue plan's MQLs needed per period, month and week, as the funnel computes them. */
export function planMqlNeed(agreement: Agreement): PlanMqlNeed {
  const funnel = computeFunnel(funnelInputsOf(agreement));
  const level = funnel.ok ? funnel.levels.find((entry) => entry.level === 'mqls') : undefined;
  if (!funnel.ok || !level) return { ok: false, reason: 'The revenue plan is incomplete (part 2), so there is no MQL need to compare with.' };
  return { ok: true, perPeriod: level.perPeriod, perMonth: level.perMonth, perWeek: level.perWeek, periodWeeks: agreement.revenuePlan.periodWeeks! };
}

/** One sweep point with its MQLs a month over the export's months; rates null when they cannot be computed (no MQL, no success). */
export interface SweepPointAgainstPlan {
  threshold: number;
  mqls: number;
  /** MQLs a month over the months the export spans; null when no lead is dated. */
  mqlsPerMonth: number | null;
  conversion: number | null;
  recall: number | null;
}

/** The sweep of one score against the plan's need and the current threshold. */
export interface SweepAgainstPlan {
  boundary: SweepBoundary;
  plan: PlanMqlNeed;
  /** Months from the first to the last month with a dated lead, both included; null when no lead is dated (no date column). */
  months: number | null;
  /** Scored leads without a month (counted in the MQLs, not placed in any month); 0 when every lead is dated. */
  undated: number;
  points: SweepPointAgainstPlan[];
}

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return year! * 12 + (number! - 1);
};

/**
 * The threshold sweep of a score set against the plan: each point's MQLs a
 * month over the months the export spans (so they compare with the funnel's
 * MQLs a month), the plan's need, and where the MQL rule's threshold sits now.
 */
export function sweepAgainstPlan(result: CalibrationResult, agreement: Agreement, swept: SweptScore): SweepAgainstPlan {
  const dated = result.months.filter((month) => /^\d{4}-\d{2}$/.test(month.month));
  const months = dated.length === 0 ? null : monthIndex(dated.at(-1)!.month) - monthIndex(dated[0]!.month) + 1;
  const datedLeads = dated.reduce((sum, month) => sum + month.leads, 0);
  const points = result.sweep[swept].map((point: SweepPoint) => ({
    threshold: point.threshold,
    mqls: point.mqls,
    mqlsPerMonth: months === null ? null : point.mqls / months,
    conversion: point.mqls > 0 ? point.conversion : null,
    recall: result.positives > 0 ? point.recall : null,
  }));
  return { boundary: sweepBoundary(agreement, swept), plan: planMqlNeed(agreement), months, undated: months === null ? result.scored : Math.max(0, result.scored - datedLeads), points };
}

/** The sweep point nearest a threshold (the lower one on a tie), or null for an empty sweep. */
export function nearestSweepPoint<P extends { threshold: number }>(points: readonly P[], threshold: number): P | null {
  let best: P | null = null;
  for (const point of points) if (!best || Math.abs(point.threshold - threshold) < Math.abs(best.threshold - threshold)) best = point;
  return best;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
