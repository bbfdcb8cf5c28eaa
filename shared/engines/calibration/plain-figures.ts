/**
 * Precision, recall and lift as sentences a room reads ("Of 100 leads the rule
 * passes, 14 convert; without the rule, 10.5 do"). One home: the calibration
 * screen and the agreement document both print these. A figure that cannot be
 * computed is said as "No data" with the reason, never "0 of 100".
 */
import type { CalibrationResult } from './calibrate';

/** The counts the sentences are made from (a calibration result has them all). */
export type PlainFigureCounts = Pick<CalibrationResult, 'scored' | 'positives' | 'mqls' | 'truePositives'>;

/** The three sentences; each is either a figure in words or "No data: …" with the reason. */
export interface PlainFigures {
  /** Precision against the base rate: of 100 MQLs, how many convert; of 100 leads overall, how many. */
  precision: string;
  /** Recall: of 100 leads that convert, how many the rule passes. */
  recall: string;
  /** Lift: how many times as often the rule's leads convert as leads overall. */
  lift: string;
}

/** "14", "10.5", "fewer than 0.1": a count per 100 with at most one decimal, never a rounded-away 0 for a share above 0. */
function per100(part: number, whole: number): string {
  const value = (part / whole) * 100;
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0 && value > 0) return 'fewer than 0.1';
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/**
 * The sentences for a result's precision, recall and lift, from its raw counts
 * (scored leads, leads that converted, MQLs, MQLs that converted).
 */
export function plainFigures(counts: PlainFigureCounts): PlainFigures {
  const { scored, positives, mqls, truePositives } = counts;
  const noLeads = 'No data: no lead was scored, so there is nothing to compare.';
  const precision =
    scored <= 0 ? noLeads : mqls <= 0 ? 'No data: no lead passes the rule, so there is no conversion to show.' : positives <= 0 ? 'No data: no lead in the export converted, so there is no conversion to compare.' : truePositives <= 0 ? `None of the leads the rule passes convert; without the rule, ${per100(positives, scored)} of 100 do.` : `Of 100 leads the rule passes, ${per100(truePositives, mqls)} convert; without the rule, ${per100(positives, scored)} do.`;
  const recall =
    scored <= 0 ? noLeads : positives <= 0 ? 'No data: no lead in the export converted, so there is nothing for the rule to catch.' : truePositives <= 0 ? 'It catches none of the leads that convert.' : `It catches ${per100(truePositives, positives)} of every 100 leads that convert.`;
  let lift: string;
  if (scored <= 0) lift = noLeads;
  else if (mqls <= 0) lift = 'No data: no lead passes the rule, so there is no lift.';
  else if (positives <= 0) lift = 'No data: no lead in the export converted, so there is no base rate to compare with.';
  else if (truePositives <= 0) lift = 'None of the leads the rule passes convert, so the rule does worse than no rule.';
  else {
    const times = truePositives / mqls / (positives / scored);
    const rounded = Math.round(times * 100) / 100;
    lift = `Leads the rule passes convert ${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} times as often as leads overall.`;
  }
  return { precision, recall, lift };
}
