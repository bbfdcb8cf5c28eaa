/** Calendar days as whole numbers (days since 1970-01-01, UTC), so ages are plain subtractions. */
const DAY = 86_400_000;

/** A lead's date as calibration reads it: the day, and its month (YYYY-MM) for leads per month. */
export interface LeadDate {
  /** Days since 1970-01-01, or NaN when the text holds no whole date. */
  day: number;
  /** YYYY-MM, or null when the text holds no date. */
  month: string | null;
}

const noDate: LeadDate = { day: Number.NaN, month: null };

/**
 * Reads a date as CRM exports write it: ISO (2026-11-23, with or without a
 * time; 2026-11 gives the month only) or the German/European day-first form
 * with dots (23.11.2026). Slashed dates (11/12/2026) are left unread: the
 * same text is 11 December in Europe and 12 November in the US.
 */
export function readLeadDate(text: string): LeadDate {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?/.exec(value);
  let year: number, month: number, day: number;
  if (match) {
    year = Number(match[1]);
    month = Number(match[2]);
    day = match[3] === undefined ? Number.NaN : Number(match[3]);
  } else {
    match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(value);
    if (!match) return noDate;
    day = Number(match[1]);
    month = Number(match[2]);
    year = Number(match[3]);
  }
  if (month < 1 || month > 12) return noDate;
  const monthText = `${year}-${String(month).padStart(2, '0')}`;
  if (day !== day) return { day: Number.NaN, month: monthText };
  const time = Date.UTC(year, month - 1, day);
  // 31.02. is not a day: Date.UTC would roll it over into March.
  if (day < 1 || new Date(time).getUTCDate() !== day) return { day: Number.NaN, month: monthText };
  return { day: Math.round(time / DAY), month: monthText };
}

/** A day number as YYYY-MM-DD. */
export function dayText(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
