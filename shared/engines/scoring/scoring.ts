import type { Agreement, FitGrade, IcpCriterion } from '../../model/agreement';
import { fitGrades } from '../../model/agreement';
import { attributeLabel } from '../../model/attribute-labels';
import { readNumber } from './numbers';

/**
 * The qualification engine: `compileScoring(agreement, { asOf })` turns the
 * agreed rules into an evaluator. `evaluate(lead)` explains one lead (the
 * lead tester); `scoreRow` is the allocation-free path calibration runs over
 * millions of normalised rows, with its own code (no reasons, no per-criterion
 * closures); a property test checks the two agree on random rules and leads.
 * Deterministic: the "as of" date is an input, never the clock.
 */

/** A value of a lead's attribute; null (or absent) is "unknown": not zero, not a match. */
export type LeadValue = string | number | boolean | null;

/** One lead as a person types it, or as a CRM row maps to it. */
export interface Lead {
  /** Attribute values by the agreement's attribute names (ICP attributes, `jobFunction`, `seniority`). */
  attributes: Record<string, LeadValue | undefined>;
  /** How many times each engagement signal happened, by signal key; absent = unknown. */
  signals: Record<string, number | null | undefined>;
  /** The date of the last activity (YYYY-MM-DD or ISO), for decay; absent = unknown. */
  lastActivity?: string | null;
}

/** The kinds of attribute an agreement reads. */
export type AttributeKind = 'category' | 'number' | 'boolean' | 'text';

/** An attribute the agreement reads, with the values it names (for categories). */
export interface AttributeSpec {
  /** The key the rules and the CRM mapping read (`annualRevenue`). */
  name: string;
  /** What people read (`attributeLabel`): "Annual revenue". */
  label: string;
  kind: AttributeKind;
  /** The categories the rules name (as written in the agreement), for suggestions and pickers. */
  values: string[];
  /** Labels of the rules that read it. */
  usedBy: string[];
}

/** The committee grid reads these two attributes. */
export const JOB_FUNCTION = 'jobFunction';
export const SENIORITY = 'seniority';

/** Why a lead scored as it did: one line per rule that fired, knocked it out, or could not be read. */
export interface ScoreReason {
  rule: 'icp' | 'committee' | 'signal' | 'fast-track' | 'decay';
  /** The item's id (criterion, signal, fast-track) or "committee" / "decay". */
  id: string;
  outcome: 'matched' | 'not-matched' | 'unknown' | 'knocked-out' | 'disqualified' | 'fast-tracked' | 'capped' | 'decayed';
  /** Points it added (negative when it removed); 0 when none. */
  points: number;
  text: string;
}

/** What the engine says about one lead. */
export interface Evaluation {
  fit: number;
  engagement: number;
  fitGrade: FitGrade;
  engagementLevel: 1 | 2 | 3 | 4;
  /** "B2": fit grade and engagement level. */
  grade: string;
  mql: boolean;
  fastTracked: boolean;
  disqualified: boolean;
  /** A must-have criterion is known not to match. */
  knockedOut: boolean;
  /** Where the lead lands: disqualified, MQL (handed to sales), or nurture (stays with marketing). */
  stage: 'disqualified' | 'mql' | 'nurture';
  reasons: ScoreReason[];
}

/** The numbers of one row, written into a reused object (no allocation per row). */
export interface RowScore {
  fit: number;
  engagement: number;
  /** 0 = A … 3 = D. */
  fitGradeIndex: number;
  engagementLevel: number;
  mql: boolean;
  fastTracked: boolean;
  disqualified: boolean;
  knockedOut: boolean;
}

/** The evaluator of one agreement's rules. */
export interface ScoringModel {
  attributes: AttributeSpec[];
  signals: { key: string; name: string }[];
  /** Every rule calibration can report on: ICP criteria, then signals, then fast-tracks; `hits` follow this order. */
  rules: { id: string; kind: 'icp' | 'signal' | 'fast-track'; label: string }[];
  /** Explains one lead (values are normalised first). */
  evaluate(lead: Lead): Evaluation;
  /**
   * Scores one normalised row: `values` by attribute index (see `normalizeValue`), `counts` by signal
   * index (NaN = unknown), `activityDays` days since the last activity (NaN = unknown). When `hits`
   * is given, `hits[i]` is set to 1 when rule i fired for this row, 2 when it is an ICP criterion known not to
   * match (unknown is 0), else 0.
   */
  scoreRow(values: ArrayLike<LeadValue>, counts: ArrayLike<number>, activityDays: number, out: RowScore, hits?: Uint8Array): RowScore;
  /** Days between a date and the "as of" date (NaN when the date cannot be read). */
  daysSince(date: string | null | undefined): number;
}

/**
 * How a text value and a rule's value are compared: trimmed, in Unicode NFC, lower case. NFC because the agreement's
 * content hash treats "Österreich" written with one code point or two as the same text (canonical.ts), so every
 * comparison must too: otherwise an edit the hash cannot see would change what a rule does.
 */
export function foldValue(text: string): string {
  return text.trim().normalize('NFC').toLowerCase();
}

/** Normalises a value as the fast path expects it: text folded (foldValue), "" → unknown. */
export function normalizeValue(value: LeadValue | undefined, kind: AttributeKind): LeadValue {
  if (value === undefined || value === null) return null;
  if (kind === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (typeof value === 'boolean') return null;
    // A person types either way: "1,200" and "2.5" as in English, else "2,5" as in German (a column of an export has one separator: see calibration).
    const english = readNumber(value, '.');
    const number = english === english ? english : readNumber(value, ',');
    return number === number ? number : null;
  }
  if (kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
    const text = foldValue(value);
    if (['yes', 'y', 'true', '1', 'ja', 'oui', 'si', 'sí'].includes(text)) return true;
    if (['no', 'n', 'false', '0', 'nein', 'non'].includes(text)) return false;
    return null;
  }
  const text = foldValue(String(value));
  return text === '' ? null : text;
}

function attributeKind(match: IcpCriterion['match']): AttributeKind {
  return match.kind === 'in' ? 'category' : match.kind === 'range' ? 'number' : match.kind === 'boolean' ? 'boolean' : 'text';
}

/** The attributes an agreement's rules read, in the order they appear. */
export function agreementAttributes(agreement: Agreement): AttributeSpec[] {
  const byName = new Map<string, AttributeSpec>();
  for (const criterion of agreement.icp) {
    const name = criterion.attribute.trim();
    if (name === '') continue;
    const kind = attributeKind(criterion.match);
    const spec = byName.get(name) ?? { name, label: attributeLabel(agreement, name), kind, values: [], usedBy: [] };
    // One attribute read two ways (say, a category list and a text match) is typed by its first rule.
    if (criterion.match.kind === 'in') for (const value of criterion.match.values) if (!spec.values.includes(value)) spec.values.push(value);
    spec.usedBy.push(criterion.label || spec.label);
    byName.set(name, spec);
  }
  const committee = agreement.buyingCommittee;
  if (committee.cells.some((cell) => cell.points !== null && cell.points !== 0)) {
    byName.set(JOB_FUNCTION, { name: JOB_FUNCTION, label: attributeLabel(agreement, JOB_FUNCTION), kind: 'category', values: [...committee.functions], usedBy: ['Decision-maker grid'] });
    byName.set(SENIORITY, { name: SENIORITY, label: attributeLabel(agreement, SENIORITY), kind: 'category', values: [...committee.seniorities], usedBy: ['Decision-maker grid'] });
  }
  return [...byName.values()];
}

const DAY = 86_400_000;

function parseDay(date: string | null | undefined): number {
  if (!date) return Number.NaN;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date.trim());
  if (match) return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const parsed = Date.parse(date);
  return Number.isNaN(parsed) ? Number.NaN : Math.floor(parsed / DAY) * DAY;
}

const fmt = (value: number) => (Math.round(value * 10) / 10).toLocaleString('en-US');
const signed = (value: number) => (value >= 0 ? `+${fmt(value)}` : `−${fmt(-value)}`);
const clamp100 = (value: number) => (value < 0 ? 0 : value > 100 ? 100 : value);

/** 1 match, 0 no match, -1 unknown. */
type Matcher = (value: LeadValue) => 1 | 0 | -1;

// A criterion's match kind and effect as small integers, for the fast path's switch (Record: a new kind cannot be left out).
const MATCH_IN = 0;
const MATCH_RANGE = 1;
const MATCH_BOOLEAN = 2;
const MATCH_CONTAINS = 3;
const MATCH_CODES: Record<IcpCriterion['match']['kind'], number> = { in: MATCH_IN, range: MATCH_RANGE, boolean: MATCH_BOOLEAN, contains: MATCH_CONTAINS };
const EFFECT_POINTS = 0;
const EFFECT_MUST_HAVE = 1;
const EFFECT_CODES: Record<IcpCriterion['effect'], number> = { points: EFFECT_POINTS, 'must-have': EFFECT_MUST_HAVE, disqualifier: 2 };

function matcherFor(match: IcpCriterion['match']): Matcher {
  switch (match.kind) {
    case 'in': {
      const set = new Set(match.values.map(foldValue));
      return (value) => (typeof value !== 'string' ? -1 : set.has(value) ? 1 : 0);
    }
    case 'range': {
      const min = match.min ?? Number.NEGATIVE_INFINITY;
      const max = match.max ?? Number.POSITIVE_INFINITY;
      return (value) => (typeof value !== 'number' ? -1 : value >= min && value <= max ? 1 : 0);
    }
    case 'boolean': {
      const wanted = match.value;
      return (value) => (typeof value !== 'boolean' ? -1 : value === wanted ? 1 : 0);
    }
    case 'contains': {
      const needle = foldValue(match.text);
      return (value) => (typeof value !== 'string' ? -1 : value.includes(needle) ? 1 : 0);
    }
  }
}

function describeMatch(match: IcpCriterion['match']): string {
  if (match.kind === 'in') return `is one of ${match.values.join(', ')}`;
  if (match.kind === 'range') return match.min !== null && match.max !== null ? `is ${fmt(match.min)}–${fmt(match.max)}` : match.min !== null ? `is at least ${fmt(match.min)}` : `is at most ${fmt(match.max ?? 0)}`;
  if (match.kind === 'boolean') return `is ${match.value ? 'yes' : 'no'}`;
  return `contains “${match.text}”`;
}

/** Compiles the agreement's rules. `asOf` (YYYY-MM-DD) is the date decay is measured to. */
export function compileScoring(agreement: Agreement, options: { asOf: string }): ScoringModel {
  const attributes = agreementAttributes(agreement);
  const slot = new Map(attributes.map((attribute, index) => [attribute.name, index]));
  const asOfDay = parseDay(options.asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`“${options.asOf}” is not a date (YYYY-MM-DD).`);

  const criteria = agreement.icp
    .filter((criterion) => slot.has(criterion.attribute.trim()))
    .map((criterion) => ({
      id: criterion.id,
      label: criterion.label || attributes[slot.get(criterion.attribute.trim())!]!.label,
      attribute: criterion.attribute.trim(),
      /** What the reasons call the attribute (its display name, never the key). */
      shown: attributes[slot.get(criterion.attribute.trim())!]!.label,
      index: slot.get(criterion.attribute.trim())!,
      effect: criterion.effect,
      points: criterion.points ?? 0,
      spec: criterion.match,
      match: matcherFor(criterion.match),
      describe: describeMatch(criterion.match),
    }));

  const committee = agreement.buyingCommittee;
  const functionIndex = new Map(committee.functions.map((name, index) => [foldValue(name), index]));
  const seniorityIndex = new Map(committee.seniorities.map((name, index) => [foldValue(name), index]));
  const grid = new Float64Array(Math.max(1, committee.functions.length * committee.seniorities.length));
  for (const cell of committee.cells) {
    const f = functionIndex.get(foldValue(cell.function));
    const s = seniorityIndex.get(foldValue(cell.seniority));
    if (f !== undefined && s !== undefined) grid[f * committee.seniorities.length + s] = cell.points ?? 0;
  }
  const functionSlot = slot.get(JOB_FUNCTION) ?? -1;
  const senioritySlot = slot.get(SENIORITY) ?? -1;
  const seniorityCount = committee.seniorities.length;

  const signals = agreement.engagement.signals
    .filter((signal) => signal.key.trim() !== '')
    .map((signal) => ({ key: signal.key.trim(), name: signal.name || signal.key, points: signal.points ?? 0, cap: signal.cap }));
  const signalSlot = new Map(signals.map((signal, index) => [signal.key, index]));
  const fastTracks = agreement.engagement.fastTracks
    .filter((trigger) => trigger.signalKey.trim() !== '')
    .map((trigger) => ({ id: trigger.id, name: trigger.name || trigger.signalKey, key: trigger.signalKey.trim(), signalIndex: signalSlot.get(trigger.signalKey.trim()) ?? -1, attributeIndex: slot.get(trigger.signalKey.trim()) ?? -1 }));

  const decay = agreement.engagement.decay;
  const decayDays = decay.days ?? 0;
  const decayMode = decay.mode === 'none' || decayDays <= 0 ? 'none' : decay.mode;
  const { fitThresholds, engagementThresholds, mqlRule } = agreement.scoring;
  const fitA = fitThresholds.A ?? Number.POSITIVE_INFINITY;
  const fitB = fitThresholds.B ?? Number.POSITIVE_INFINITY;
  const fitC = fitThresholds.C ?? Number.POSITIVE_INFINITY;
  const level4 = engagementThresholds[4] ?? Number.POSITIVE_INFINITY;
  const level3 = engagementThresholds[3] ?? Number.POSITIVE_INFINITY;
  const level2 = engagementThresholds[2] ?? Number.POSITIVE_INFINITY;
  const minFitIndex = fitGrades.indexOf(mqlRule.minFitGrade);
  const minLevel = mqlRule.minEngagement;
  const fastTrackQualifies = mqlRule.fastTrackQualifies;

  const rules = [
    ...criteria.map((criterion) => ({ id: criterion.id, kind: 'icp' as const, label: criterion.label })),
    ...signals.map((signal) => ({ id: signal.key, kind: 'signal' as const, label: signal.name })),
    ...fastTracks.map((trigger) => ({ id: trigger.id, kind: 'fast-track' as const, label: trigger.name })),
  ];
  const signalRuleOffset = criteria.length;
  const fastTrackRuleOffset = criteria.length + signals.length;

  function run(values: ArrayLike<LeadValue>, counts: ArrayLike<number>, activityDays: number, out: RowScore, hits: Uint8Array | undefined, reasons: ScoreReason[] | null): RowScore {
    let fit = 0;
    let knockedOut = false;
    let disqualified = false;
    for (let index = 0; index < criteria.length; index += 1) {
      const criterion = criteria[index]!;
      const value = values[criterion.index] ?? null;
      const result = criterion.match(value);
      // 2: known not to match (a must-have's knock-out), so calibration can tell it from unknown.
      if (hits) hits[index] = result === 1 ? 1 : result === 0 ? 2 : 0;
      if (criterion.effect === 'points') {
        if (result === 1) fit += criterion.points;
        if (reasons) {
          if (result === 1) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'matched', points: criterion.points, text: `${criterion.label}: ${criterion.shown} ${criterion.describe} (${signed(criterion.points)} fit)` });
          else if (result === -1) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'unknown', points: 0, text: `${criterion.label}: ${criterion.shown} is unknown, so no points (not counted as a match)` });
          else reasons.push({ rule: 'icp', id: criterion.id, outcome: 'not-matched', points: 0, text: `${criterion.label}: ${criterion.shown} does not match (${criterion.describe})` });
        }
      } else if (criterion.effect === 'must-have') {
        if (result === 0) knockedOut = true;
        if (reasons) {
          if (result === 0) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'knocked-out', points: 0, text: `Must-have “${criterion.label}” not met: ${criterion.shown} does not match (${criterion.describe}); the lead cannot be an MQL` });
          else if (result === -1) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'unknown', points: 0, text: `Must-have “${criterion.label}”: ${criterion.shown} is unknown; not confirmed, not held against the lead` });
          else reasons.push({ rule: 'icp', id: criterion.id, outcome: 'matched', points: 0, text: `Must-have “${criterion.label}” met` });
        }
      } else {
        if (result === 1) disqualified = true;
        if (reasons) {
          if (result === 1) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'disqualified', points: 0, text: `Disqualified: ${criterion.label} (${criterion.shown} ${criterion.describe})` });
          else if (result === -1) reasons.push({ rule: 'icp', id: criterion.id, outcome: 'unknown', points: 0, text: `Disqualifier “${criterion.label}”: ${criterion.shown} is unknown; not applied` });
        }
      }
    }

    if (functionSlot >= 0) {
      const fn = values[functionSlot] ?? null;
      const sen = values[senioritySlot] ?? null;
      const f = fn === null ? undefined : functionIndex.get(fn as string);
      const s = sen === null ? undefined : seniorityIndex.get(sen as string);
      if (f !== undefined && s !== undefined) {
        const points = grid[f * seniorityCount + s]!;
        fit += points;
        if (reasons) reasons.push({ rule: 'committee', id: 'committee', outcome: points !== 0 ? 'matched' : 'not-matched', points, text: `Decision-maker grid: ${committee.functions[f]} × ${committee.seniorities[s]} (${signed(points)} fit)` });
      } else if (reasons) {
        const missing = fn === null || sen === null;
        reasons.push({ rule: 'committee', id: 'committee', outcome: missing ? 'unknown' : 'not-matched', points: 0, text: missing ? `Decision-maker grid: ${fn === null ? 'job function' : 'seniority'} unknown, so no points` : `Decision-maker grid: “${String(fn)} × ${String(sen)}” is not in the grid, so no points` });
      }
    }

    let engagement = 0;
    for (let index = 0; index < signals.length; index += 1) {
      const signal = signals[index]!;
      const count = counts[index]!;
      const known = count === count; // NaN is unknown
      const happened = known && count > 0;
      if (hits) hits[signalRuleOffset + index] = happened ? 1 : 0;
      if (!happened) {
        if (reasons && !known) reasons.push({ rule: 'signal', id: signal.key, outcome: 'unknown', points: 0, text: `${signal.name}: no data, so no points` });
        continue;
      }
      const raw = signal.points * count;
      const capped = signal.cap !== null && signal.cap >= 0 && raw > signal.cap ? signal.cap : raw;
      engagement += capped;
      if (reasons) reasons.push({ rule: 'signal', id: signal.key, outcome: capped !== raw ? 'capped' : 'matched', points: capped, text: `${signal.name} × ${fmt(count)}: ${signed(capped)} engagement${capped !== raw ? ` (capped at ${fmt(signal.cap!)}; ${fmt(raw)} before the cap)` : ''}` });
    }
    if (decayMode !== 'none' && engagement > 0) {
      if (activityDays !== activityDays) {
        if (reasons) reasons.push({ rule: 'decay', id: 'decay', outcome: 'unknown', points: 0, text: 'Decay: the date of the last activity is unknown, so no decay is applied' });
      } else if (activityDays > 0) {
        const before = engagement;
        engagement = decayMode === 'inactivity' ? (activityDays > decayDays ? 0 : engagement) : engagement * Math.pow(0.5, activityDays / decayDays);
        if (reasons && engagement !== before) reasons.push({ rule: 'decay', id: 'decay', outcome: 'decayed', points: engagement - before, text: decayMode === 'inactivity' ? `Decay: no activity for ${fmt(activityDays)} days (more than ${fmt(decayDays)}), so engagement falls to 0` : `Decay: last activity ${fmt(activityDays)} days ago, half-life ${fmt(decayDays)} days: ${fmt(before)} → ${fmt(engagement)}` });
      }
    }

    let fastTracked = false;
    for (let index = 0; index < fastTracks.length; index += 1) {
      const trigger = fastTracks[index]!;
      const count = trigger.signalIndex >= 0 ? counts[trigger.signalIndex]! : Number.NaN;
      const flag = trigger.attributeIndex >= 0 ? values[trigger.attributeIndex] : null;
      const fired = count > 0 || flag === true;
      if (hits) hits[fastTrackRuleOffset + index] = fired ? 1 : 0;
      if (fired) {
        fastTracked = true;
        if (reasons) reasons.push({ rule: 'fast-track', id: trigger.id, outcome: 'fast-tracked', points: 0, text: `Fast-track: ${trigger.name}${fastTrackQualifies ? ' hands the lead to sales at once, whatever the score' : ' (the MQL rule does not let fast-tracks qualify on their own)'}` });
      }
    }

    fit = clamp100(fit);
    engagement = clamp100(engagement);
    const fitGradeIndex = fit >= fitA ? 0 : fit >= fitB ? 1 : fit >= fitC ? 2 : 3;
    const engagementLevel = engagement >= level4 ? 4 : engagement >= level3 ? 3 : engagement >= level2 ? 2 : 1;
    out.fit = fit;
    out.engagement = engagement;
    out.fitGradeIndex = fitGradeIndex;
    out.engagementLevel = engagementLevel;
    out.fastTracked = fastTracked;
    out.disqualified = disqualified;
    out.knockedOut = knockedOut;
    out.mql = !disqualified && !knockedOut && ((fitGradeIndex <= minFitIndex && engagementLevel >= minLevel) || (fastTracked && fastTrackQualifies));
    return out;
  }

  // The fast path calibration runs per row: the same arithmetic as `run`, without its `reasons` branches, and with the
  // criteria flattened into parallel arrays read by a switch, so that no call goes through the per-criterion matcher
  // closures (a call site that sees several closures is not inlined). A property test checks it agrees with `evaluate`.
  const criterionCount = criteria.length;
  const matchKind = new Uint8Array(criterionCount);
  const effectOf = new Uint8Array(criterionCount);
  const valueIndex = new Int32Array(criterionCount);
  const pointsOf = new Float64Array(criterionCount);
  const lowOf = new Float64Array(criterionCount);
  const highOf = new Float64Array(criterionCount);
  const categoriesOf: (Set<string> | null)[] = [];
  const textOf: string[] = [];
  const wantedOf: boolean[] = [];
  criteria.forEach((criterion, index) => {
    const match = criterion.spec;
    matchKind[index] = MATCH_CODES[match.kind];
    effectOf[index] = EFFECT_CODES[criterion.effect];
    valueIndex[index] = criterion.index;
    pointsOf[index] = criterion.points;
    categoriesOf.push(match.kind === 'in' ? new Set(match.values.map(foldValue)) : null);
    lowOf[index] = match.kind === 'range' ? (match.min ?? Number.NEGATIVE_INFINITY) : 0;
    highOf[index] = match.kind === 'range' ? (match.max ?? Number.POSITIVE_INFINITY) : 0;
    wantedOf.push(match.kind === 'boolean' ? match.value : false);
    textOf.push(match.kind === 'contains' ? foldValue(match.text) : '');
  });
  const signalCount = signals.length;
  const signalPoints = Float64Array.from(signals, (signal) => signal.points);
  // No cap, or a negative one, is no cap (as in `run`).
  const signalCap = Float64Array.from(signals, (signal) => (signal.cap !== null && signal.cap >= 0 ? signal.cap : Number.POSITIVE_INFINITY));
  const triggerSignal = Int32Array.from(fastTracks, (trigger) => trigger.signalIndex);
  const triggerAttribute = Int32Array.from(fastTracks, (trigger) => trigger.attributeIndex);

  function scoreRow(values: ArrayLike<LeadValue>, counts: ArrayLike<number>, activityDays: number, out: RowScore, hits?: Uint8Array): RowScore {
    let fit = 0;
    let knockedOut = false;
    let disqualified = false;
    for (let index = 0; index < criterionCount; index += 1) {
      const value = values[valueIndex[index]!] ?? null;
      let result: 1 | 0 | -1;
      switch (matchKind[index]) {
        case MATCH_IN:
          // A value of another kind (an attribute also read as a number elsewhere) is unknown here, never a crash.
          result = typeof value !== 'string' ? -1 : categoriesOf[index]!.has(value) ? 1 : 0;
          break;
        case MATCH_RANGE:
          result = typeof value !== 'number' ? -1 : value >= lowOf[index]! && value <= highOf[index]! ? 1 : 0;
          break;
        case MATCH_BOOLEAN:
          result = typeof value !== 'boolean' ? -1 : value === wantedOf[index] ? 1 : 0;
          break;
        default:
          result = typeof value !== 'string' ? -1 : value.includes(textOf[index]!) ? 1 : 0;
      }
      if (hits) hits[index] = result === 1 ? 1 : result === 0 ? 2 : 0;
      const effect = effectOf[index];
      if (effect === EFFECT_POINTS) {
        if (result === 1) fit += pointsOf[index]!;
      } else if (effect === EFFECT_MUST_HAVE) {
        if (result === 0) knockedOut = true;
      } else if (result === 1) disqualified = true;
    }
    if (functionSlot >= 0) {
      const fn = values[functionSlot] ?? null;
      const sen = values[senioritySlot] ?? null;
      const f = fn === null ? undefined : functionIndex.get(fn as string);
      const s = sen === null ? undefined : seniorityIndex.get(sen as string);
      if (f !== undefined && s !== undefined) fit += grid[f * seniorityCount + s]!;
    }
    let engagement = 0;
    for (let index = 0; index < signalCount; index += 1) {
      const count = counts[index]!;
      // NaN (unknown) fails the comparison: no points, as a count of 0.
      const happened = count > 0;
      if (hits) hits[signalRuleOffset + index] = happened ? 1 : 0;
      if (!happened) continue;
      const raw = signalPoints[index]! * count;
      const cap = signalCap[index]!;
      engagement += raw > cap ? cap : raw;
    }
    if (decayMode !== 'none' && engagement > 0 && activityDays > 0) {
      engagement = decayMode === 'inactivity' ? (activityDays > decayDays ? 0 : engagement) : engagement * Math.pow(0.5, activityDays / decayDays);
    }
    let fastTracked = false;
    for (let index = 0; index < triggerSignal.length; index += 1) {
      const signalIndex = triggerSignal[index]!;
      const attributeIndex = triggerAttribute[index]!;
      const fired = (signalIndex >= 0 && counts[signalIndex]! > 0) || (attributeIndex >= 0 && values[attributeIndex] === true);
      if (hits) hits[fastTrackRuleOffset + index] = fired ? 1 : 0;
      if (fired) fastTracked = true;
    }
    fit = clamp100(fit);
    engagement = clamp100(engagement);
    const fitGradeIndex = fit >= fitA ? 0 : fit >= fitB ? 1 : fit >= fitC ? 2 : 3;
    const engagementLevel = engagement >= level4 ? 4 : engagement >= level3 ? 3 : engagement >= level2 ? 2 : 1;
    out.fit = fit;
    out.engagement = engagement;
    out.fitGradeIndex = fitGradeIndex;
    out.engagementLevel = engagementLevel;
    out.fastTracked = fastTracked;
    out.disqualified = disqualified;
    out.knockedOut = knockedOut;
    out.mql = !disqualified && !knockedOut && ((fitGradeIndex <= minFitIndex && engagementLevel >= minLevel) || (fastTracked && fastTrackQualifies));
    return out;
  }

  const daysSince = (date: string | null | undefined) => {
    const day = parseDay(date);
    return Number.isNaN(day) ? Number.NaN : Math.round((asOfDay - day) / DAY);
  };

  return {
    attributes,
    signals: signals.map(({ key, name }) => ({ key, name })),
    rules,
    scoreRow,
    daysSince,
    evaluate(lead) {
      const values = attributes.map((attribute) => normalizeValue(lead.attributes[attribute.name], attribute.kind));
      const counts = signals.map((signal) => {
        const count = lead.signals[signal.key];
        return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : Number.NaN;
      });
      const reasons: ScoreReason[] = [];
      const score = run(values, counts, daysSince(lead.lastActivity), { fit: 0, engagement: 0, fitGradeIndex: 3, engagementLevel: 1, mql: false, fastTracked: false, disqualified: false, knockedOut: false }, undefined, reasons);
      const fitGrade = fitGrades[score.fitGradeIndex]!;
      const engagementLevel = score.engagementLevel as 1 | 2 | 3 | 4;
      return {
        fit: score.fit,
        engagement: score.engagement,
        fitGrade,
        engagementLevel,
        grade: `${fitGrade}${engagementLevel}`,
        mql: score.mql,
        fastTracked: score.fastTracked,
        disqualified: score.disqualified,
        knockedOut: score.knockedOut,
        stage: score.disqualified ? 'disqualified' : score.mql ? 'mql' : 'nurture',
        reasons,
      };
    },
  };
}
