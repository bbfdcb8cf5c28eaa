/**
 * How the app writes a percentage, in one place: the calibration and review
 * screens, the PDF and Markdown documents and the CLI all call formatPercent,
 * so "12.5 %" reads the same everywhere (a space before the sign, as the
 * documents have always written it).
 */

/** How a percentage is written. */
export interface PercentOptions {
  /** Decimals shown: 1 unless said ("12.5 %"); 0 gives whole percents ("13 %"). */
  digits?: number;
  /** Drop trailing zeros ("90 %" rather than "90.0 %"), as a sentence writes a threshold. */
  trim?: boolean;
  /** What the number is: a share of 1 (0.125, the default) or already a percentage (12.5, as conversion steps are kept). */
  scale?: 'share' | 'percent';
  /** What is written when there is no figure (null, or not a finite number): the reason, never "0 %". */
  noData?: string;
}

/** Written for a figure that is not a finite number when no reason was given: never a made-up 0 %. */
const NO_FIGURE = 'no data';

/**
 * A share as a percentage: formatPercent(0.125) is "12.5 %", with
 * `{ digits: 0 }` "13 %", with `{ trim: true }` 0.9 is "90 %". A caller
 * whose figure may be missing must say what to write instead (`noData`), so
 * a missing figure can never come out as "0 %".
 */
export function formatPercent(share: number, options?: PercentOptions): string;
export function formatPercent(share: number | null, options: PercentOptions & { noData: string }): string;
export function formatPercent(share: number | null, options: PercentOptions = {}): string {
  const { digits = 1, trim = false, scale = 'share', noData = NO_FIGURE } = options;
  if (share === null || !Number.isFinite(share)) return noData;
  const percent = scale === 'share' ? share * 100 : share;
  if (!trim) return `${percent.toFixed(digits)} %`;
  const factor = 10 ** digits;
  return `${(Math.round(percent * factor) / factor).toLocaleString('en-US', { maximumFractionDigits: digits })} %`;
}
