/**
 * Numbers as exports write them. A German or French Excel writes "2,5" and
 * "1.234,5" / "1 234,5"; an English one "2.5" and "1,234.5". Which character
 * is the decimal separator is a property of the column (the export's locale),
 * never guessed per value: `readNumber` reads one text with a given
 * separator, `numberShape` says how a text reads under each, so a whole
 * column can be judged (see `decideDecimal` in the calibration profile).
 */

import type { DecimalSeparator } from '../../model/decimal-separators';

// The separators live in the model (mappings and stored results name them); re-exported for the engine's readers.
export { decimalSeparators, type DecimalSeparator } from '../../model/decimal-separators';

/** How a text reads as a number: under either separator alike, only one, differently (e.g. "1,234"), or not at all. */
export type NumberShape = 'plain' | 'dot' | 'comma' | 'ambiguous' | 'text';

// Thousands separators that go with each decimal separator: the other mark, spaces (French uses a
// no-break space U+00A0 or a narrow no-break space U+202F), and the apostrophe (Swiss).
const GROUPED: Record<DecimalSeparator, RegExp> = {
  '.': /^\d{1,3}(?:([, \u00a0\u202f'’])\d{3})(?:\1\d{3})*$/,
  ',': /^\d{1,3}(?:([. \u00a0\u202f'’])\d{3})(?:\1\d{3})*$/,
};
const DIGITS = /^\d+$/;
const EXPONENT = /[eE][+-]?\d{1,3}$/;

/**
 * Reads a number written with the given decimal separator and, optionally,
 * thousands separators in groups of three ("1.234,5" with ","; "1,234.5" with
 * "."); a leading sign, a trailing exponent ("1,5E+03"). Anything else, or
 * blank text, is NaN: never a guess.
 */
export function readNumber(text: string, decimal: DecimalSeparator): number {
  let body = text.trim();
  if (body === '') return Number.NaN;
  if (DIGITS.test(body)) return Number(body);
  let sign = 1;
  const first = body.charCodeAt(0);
  // "-", "+" and the minus sign U+2212 that typeset reports use.
  if (first === 45 || first === 43 || first === 0x2212) {
    if (first !== 43) sign = -1;
    body = body.slice(1);
  }
  let exponent = '';
  const power = EXPONENT.exec(body);
  if (power) {
    exponent = power[0];
    body = body.slice(0, power.index);
  }
  const at = body.indexOf(decimal);
  const whole = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (at >= 0 && !DIGITS.test(fraction)) return Number.NaN;
  if (whole === '' ? at < 0 : !DIGITS.test(whole) && !GROUPED[decimal].test(whole)) return Number.NaN;
  const digits = whole.replace(/\D/g, '');
  const number = Number(`${digits === '' ? '0' : digits}${fraction === '' ? '' : `.${fraction}`}${exponent}`);
  return Number.isFinite(number) ? sign * number : Number.NaN;
}

/** How one text reads under each decimal separator (for judging a whole column). */
export function numberShape(text: string): NumberShape {
  const dot = readNumber(text, '.');
  const comma = readNumber(text, ',');
  const readsDot = dot === dot;
  const readsComma = comma === comma;
  if (readsDot && readsComma) return dot === comma ? 'plain' : 'ambiguous';
  return readsDot ? 'dot' : readsComma ? 'comma' : 'text';
}
