import type { Tally } from '../../model/calibration-result';

/** What the data says about one agreed rule; the screen, the document and the CLI all use {@link ruleVerdict}. */
export const ruleVerdictKinds = ['predicts', 'against', 'no-difference', 'too-few', 'not-mapped'] as const;

/** One verdict on a rule. */
export type RuleVerdictKind = (typeof ruleVerdictKinds)[number];

/** Below this many leads on either side (with the rule, without it) a conversion rate says too little to judge. */
export const minimumLeadsPerSide = 30;
/** "Predicts success": the rule's leads convert at least this many times as often as the others. */
export const predictsRatio = 1.15;
/** "Works against success": the rule's leads convert at most this many times as often as the others. */
export const againstRatio = 0.87;

/** The verdicts in plain words, as the screen, the PDF and the CLI print them. */
export const ruleVerdictLabels: Record<RuleVerdictKind, string> = {
  predicts: 'Predicts success',
  against: 'Works against success',
  'no-difference': 'Does not predict',
  'too-few': 'Too few leads to tell',
  'not-mapped': 'Not mapped',
};

const rate = (tally: Tally) => (tally.count > 0 ? tally.positives / tally.count : 0);

/**
 * Whether a rule's leads convert better than the others'. When the leads
 * without the rule never converted, any conversion with it is better
 * (predicts); when neither side converted, the rule makes no difference.
 * A rule no column feeds (`mapped` false) is "not mapped".
 */
export function ruleVerdict(withRule: Tally, withoutRule: Tally, mapped = true): RuleVerdictKind {
  // No column feeds the rule: every lead is unknown on it. That is a mapping gap, not a small sample.
  if (!mapped) return 'not-mapped';
  if (withRule.count < minimumLeadsPerSide || withoutRule.count < minimumLeadsPerSide) return 'too-few';
  const withRate = rate(withRule);
  const withoutRate = rate(withoutRule);
  const ratio = withoutRate > 0 ? withRate / withoutRate : withRate > 0 ? Number.POSITIVE_INFINITY : 1;
  if (ratio >= predictsRatio) return 'predicts';
  if (ratio <= againstRatio) return 'against';
  return 'no-difference';
}

/** The verdict on one rule of a calibration result (its `mapped` flag included; results stored before it count as mapped). */
export function ruleVerdictOf(rule: { with: Tally; without: Tally; mapped?: boolean }): RuleVerdictKind {
  return ruleVerdict(rule.with, rule.without, rule.mapped !== false);
}
