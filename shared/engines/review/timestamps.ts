import { timeZoneOf } from '../calendar/business-time';

/**
 * Timestamps as CRMs export them: ISO 8601 (with or without a zone),
 * `MM/DD/YYYY hh:mm AM`, `DD.MM.YYYY HH:mm`, a date alone. A time without a
 * zone is read in the agreement's time zone. Anything else is refused with
 * the text, so the caller can name the row and column.
 */
export type TimestampResult = { ok: true; instant: number } | { ok: false; message: string };

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;
const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Two digits at `at`; -1 when one is not a digit (NaN past the end, which the callers refuse). Small so the engine inlines it. */
function two(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens < 0 || tens > 9 || ones < 0 || ones > 9 ? -1 : tens * 10 + ones;
}

/** Four digits at `at` (a year), as `two` twice. */
function four(text: string, at: number): number {
  const high = two(text, at);
  const low = two(text, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

/** One digit at `at`, or -1. */
/**
 * How a slashed date such as 03/04/2026 is read: month first (US Excel and
 * most US CRMs) or day first (French, UK, Spanish Excel). The text cannot say;
 * the whole column can (a 13 or more before the first slash is a day), see run-review.
 */
export type SlashOrder = 'month-first' | 'day-first';

function one(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * The usual zone-less shapes read without a regular expression (a review reads
 * millions): "YYYY-MM-DD HH:MM[:SS]", "MM/DD/YYYY h:mm AM", "DD.MM.YYYY HH:MM",
 * in `text` from `start` to `end` (a cell read in place: no character at or
 * past `end` is taken as the value's). Returns local wall-clock ms, or NaN to
 * let the full reader decide.
 */
function quickLocal(months: MonthStarts, text: string, start: number, end: number, dayFirst: boolean): number {
  const length = end - start;
  if (length < 16) return Number.NaN;
  const third = text.charCodeAt(start + 2);
  let year: number, month: number, day: number;
  if (text.charCodeAt(start + 4) === 45 && text.charCodeAt(start + 7) === 45) {
    year = four(text, start);
    month = two(text, start + 5);
    day = two(text, start + 8);
  } else if (third === 46 && text.charCodeAt(start + 5) === 46) {
    day = two(text, start);
    month = two(text, start + 3);
    year = four(text, start + 6);
  } else if (third === 47 && text.charCodeAt(start + 5) === 47) {
    month = two(text, start + (dayFirst ? 3 : 0));
    day = two(text, start + (dayFirst ? 0 : 3));
    year = four(text, start + 6);
  } else return Number.NaN;
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  const separator = text.charCodeAt(start + 10);
  if (separator !== 32 && separator !== 84) return Number.NaN;
  // Hour: one or two digits, then ":MM", then optional ":SS", then optional " AM"/" PM" (16 characters at least, checked above).
  let at = start + 11;
  const twoDigitHour = text.charCodeAt(at + 1) !== 58;
  let hour = twoDigitHour ? two(text, at) : one(text, at);
  at += twoDigitHour ? 2 : 1;
  if (hour < 0 || text.charCodeAt(at) !== 58) return Number.NaN;
  const minute = two(text, at + 1);
  at += 3;
  let second = 0;
  if (at + 3 <= end && text.charCodeAt(at) === 58) {
    second = two(text, at + 1);
    at += 3;
  }
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  if (at < end) {
    // " AM" / " PM", read without allocating.
    while (at < end && text.charCodeAt(at) === 32) at += 1;
    if (at + 2 !== end) return Number.NaN;
    const first = text.charCodeAt(at) | 32;
    if ((first !== 97 && first !== 112) || (text.charCodeAt(at + 1) | 32) !== 109) return Number.NaN;
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (first === 112 ? 12 : 0);
  }
  if (hour > 23 || day > daysInMonth(year, month)) return Number.NaN;
  return utcMs(months, year, month, day, hour, minute, second);
}

const MONTH_SLOTS = 1024;

/**
 * The day number of each month's first day, as a direct-mapped cache (typed arrays: a review reads millions of
 * timestamps over a few months). One per review run (runReview makes one for its readers; a reader made alone gets
 * its own), never a module's: the engine keeps no state between runs.
 */
export interface MonthStarts {
  /** year × 12 + month of the entry in each slot (NaN: empty). */
  readonly keys: Float64Array;
  /** Days since 1970-01-01 of that month's first day. */
  readonly firstDays: Float64Array;
}

/** An empty month-start cache. */
export function newMonthStarts(): MonthStarts {
  return { keys: new Float64Array(MONTH_SLOTS).fill(Number.NaN), firstDays: new Float64Array(MONTH_SLOTS) };
}

/** Milliseconds since the epoch of a proleptic Gregorian date-time, by arithmetic (Date.UTC is several times slower). */
function utcMs(months: MonthStarts, year: number, month: number, day: number, hour: number, minute: number, second: number, milliseconds = 0): number {
  // The day number of the month's first day, looked up (an export spans a few months; the arithmetic below runs once per month).
  const key = year * 12 + month;
  const slot = key & (MONTH_SLOTS - 1);
  let first = months.keys[slot] === key ? months.firstDays[slot]! : Number.NaN;
  if (first !== first) {
    first = civilDays(year, month, 1);
    months.keys[slot] = key;
    months.firstDays[slot] = first;
  }
  return (((first + day - 1) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + milliseconds;
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function civilDays(year: number, month: number, day: number): number {
  // Days from civil (H. Hinnant): March-based years make leap days fall at the end.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "YYYY-MM-DDTHH:MM:SS(.sss)Z" in `text` from `start` to `end`, without the native parser's generality; NaN for anything else. */
function quickUtc(months: MonthStarts, text: string, start: number, end: number): number {
  const length = end - start;
  if ((length !== 20 && length !== 24) || text.charCodeAt(end - 1) !== 90 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45 || text.charCodeAt(start + 10) !== 84 || text.charCodeAt(start + 13) !== 58 || text.charCodeAt(start + 16) !== 58) return Number.NaN;
  const year = four(text, start);
  const month = two(text, start + 5);
  const day = two(text, start + 8);
  const hour = two(text, start + 11);
  const minute = two(text, start + 14);
  const second = two(text, start + 17);
  let milliseconds = 0;
  if (length === 24) {
    if (text.charCodeAt(start + 19) !== 46) return Number.NaN;
    const hundreds = one(text, start + 20);
    const rest = two(text, start + 21);
    milliseconds = hundreds < 0 || rest < 0 ? -1 : hundreds * 100 + rest;
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milliseconds < 0) return Number.NaN;
  return utcMs(months, year, month, day, hour, minute, second, milliseconds);
}

/** Creates a reader of timestamps in a time zone (for zone-less values); `months` is the run's cache (see MonthStarts). */
export function timestampReader(timeZone: string, order: SlashOrder = 'month-first', months: MonthStarts = newMonthStarts()): (text: string) => TimestampResult {
  const dayFirst = order === 'day-first';
  const zone = timeZoneOf(timeZone);
  const local = (year: number, month: number, day: number, hour: number, minute: number, second: number, text: string): TimestampResult => {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return { ok: false, message: `“${text}” is not a valid date and time` };
    const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
    if (new Date(localMs).getUTCDate() !== day) return { ok: false, message: `“${text}” is not a valid date and time` };
    return { ok: true, instant: zone.instantOf(localMs) };
  };
  return (raw) => {
    const text = raw.trim();
    // The common machine format (ISO in UTC, as most CRM APIs export) goes straight to the native parser.
    const utc = quickUtc(months, text, 0, text.length);
    if (utc === utc) return { ok: true, instant: utc };
    const quick = quickLocal(months, text, 0, text.length, dayFirst);
    if (quick === quick) return { ok: true, instant: zone.instantOf(quick) };
    let match = iso.exec(text);
    if (match) {
      const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zoneText] = match;
      const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
      if (zoneText) {
        const instant = Date.parse(`${y}-${mo}-${d}T${h.padStart(2, '0')}:${mi}:${s.padStart(2, '0')}.${String(milliseconds).padStart(3, '0')}${zoneText.toUpperCase() === 'Z' ? 'Z' : zoneText.length === 5 ? `${zoneText.slice(0, 3)}:${zoneText.slice(3)}` : zoneText}`);
        return Number.isNaN(instant) ? { ok: false, message: `“${text}” is not a valid date and time` } : { ok: true, instant };
      }
      const result = local(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), text);
      return result.ok ? { ok: true, instant: result.instant + milliseconds } : result;
    }
    match = us.exec(text);
    if (match) {
      const [, first, second, y, h = '0', mi = '0', s = '0', meridiem] = match;
      const [mo, d] = dayFirst ? [second, first] : [first, second];
      let hour = Number(h);
      if (meridiem) {
        if (hour < 1 || hour > 12) return { ok: false, message: `“${text}” is not a valid date and time` };
        hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
      }
      return local(Number(y), Number(mo), Number(d), hour, Number(mi), Number(s), text);
    }
    match = european.exec(text);
    if (match) {
      const [, d, mo, y, h = '0', mi = '0', s = '0'] = match;
      return local(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), text);
    }
    return { ok: false, message: `“${text}” is not a date and time Accord can read (ISO 8601, MM/DD/YYYY hh:mm AM or DD/MM/YYYY HH:mm as the column shows, or DD.MM.YYYY HH:mm)` };
  };
}

/**
 * The allocation-free path for millions of values: the instant, or NaN when the
 * text is not one of the usual shapes (ask `timestampReader` then, for the answer and its message).
 * Reads `text` from `start` to `end` (a cell in place in the parser's text), the whole text without them.
 */
export function quickTimestamp(timeZone: string, order: SlashOrder = 'month-first', months: MonthStarts = newMonthStarts()): (text: string, start?: number, end?: number) => number {
  const dayFirst = order === 'day-first';
  const zone = timeZoneOf(timeZone);
  // Wall-clock hour → its offset, when the whole hour has one (every hour but those a clock change
  // falls in): one typed-array lookup instead of the zone's two per value.
  const HOUR_MS = 3_600_000;
  const SLOTS = 8192;
  const hourKeys = new Float64Array(SLOTS).fill(Number.NaN);
  const hourShift = new Float64Array(SLOTS);
  const instantOf = (local: number) => {
    const hour = Math.floor(local / HOUR_MS);
    const slot = hour & (SLOTS - 1);
    if (hourKeys[slot] === hour) return local - hourShift[slot]!;
    const start = hour * HOUR_MS;
    const shift = start - zone.instantOf(start);
    // Cache only an hour whose start and end convert with the same shift (no clock change inside it).
    if (start + HOUR_MS - 1 - zone.instantOf(start + HOUR_MS - 1) === shift && local - zone.instantOf(local) === shift) {
      hourKeys[slot] = hour;
      hourShift[slot] = shift;
      return local - shift;
    }
    return zone.instantOf(local);
  };
  return (text, start = 0, end = text.length) => {
    const utc = quickUtc(months, text, start, end);
    if (utc === utc) return utc;
    const local = quickLocal(months, text, start, end, dayFirst);
    return local === local ? instantOf(local) : Number.NaN;
  };
}

/** Evidence, cell by cell, of how a column writes slashed dates: a number above 12 before the first slash is a day, after it the month's day. */
export interface SlashEvidence {
  /** Slashed dates seen. */
  seen: number;
  /** Of them, ones that can only be day first (13/04/2026), and only month first (04/13/2026). */
  dayFirst: number;
  monthFirst: number;
  /** An example of each, for the message. */
  dayFirstExample: string | null;
  monthFirstExample: string | null;
}

/** A fresh evidence record. */
export function newSlashEvidence(): SlashEvidence {
  return { seen: 0, dayFirst: 0, monthFirst: 0, dayFirstExample: null, monthFirstExample: null };
}

/**
 * Notes a cell's evidence when it is a slashed date (cheap for every other text: two character checks). The cell is
 * `text` from `start` to `end` (in place in the parser's text), the whole text without them.
 */
export function noteSlashDate(text: string, evidence: SlashEvidence, start = 0, end = text.length): void {
  // Digits read by character code, no slice or Number: this runs for every date cell of a review. Nothing is read
  // past the cell: the first four characters are there (the shortest such text, "1/2/", has four), the rest is checked.
  const length = end - start;
  if (length < 4) return;
  const c1 = text.charCodeAt(start + 1);
  const slash = c1 === 47 ? 1 : text.charCodeAt(start + 2) === 47 ? 2 : -1;
  if (slash < 0) return;
  const d0 = text.charCodeAt(start) - 48;
  const d1 = c1 - 48;
  if (d0 < 0 || d0 > 9 || (slash === 2 && (d1 < 0 || d1 > 9))) return;
  const first = slash === 1 ? d0 : d0 * 10 + d1;
  const a = text.charCodeAt(start + slash + 1) - 48;
  const b = slash + 2 < length ? text.charCodeAt(start + slash + 2) - 48 : -1;
  if (a < 0 || a > 9) return;
  const twoDigits = b >= 0 && b <= 9;
  const closing = slash + (twoDigits ? 3 : 2);
  if (closing >= length || text.charCodeAt(start + closing) !== 47) return;
  const second = twoDigits ? a * 10 + b : a;
  if (first < 1 || second < 1) return;
  evidence.seen += 1;
  if (first > 12 && second <= 12) {
    evidence.dayFirst += 1;
    evidence.dayFirstExample ??= text.slice(start, end);
  } else if (second > 12 && first <= 12) {
    evidence.monthFirst += 1;
    evidence.monthFirstExample ??= text.slice(start, end);
  }
}

/** What the evidence says: an order, both (a column that mixes them), or nothing (every date reads both ways). */
export function slashOrderOf(evidence: SlashEvidence): SlashOrder | 'both' | 'unknown' | 'none' {
  if (evidence.seen === 0) return 'none';
  if (evidence.dayFirst > 0 && evidence.monthFirst > 0) return 'both';
  if (evidence.dayFirst > 0) return 'day-first';
  if (evidence.monthFirst > 0) return 'month-first';
  return 'unknown';
}
