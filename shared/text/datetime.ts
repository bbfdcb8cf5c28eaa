/**
 * The one home for how Accord writes dates, times and fingerprints for people:
 * the screen, the PDF, the Markdown and the CLI call these, so "2026-12-01T10:26:58.627Z"
 * never reaches a reader and every surface writes the same moment the same way.
 */

/** A moment as an ISO string or epoch milliseconds. */
export type Moment = string | number | Date;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter (creating one costs more than formatting). An unknown time zone falls back to UTC. */
function formatter(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${JSON.stringify(options)}`;
  let known = formatters.get(key);
  if (!known) {
    try {
      known = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      known = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, known);
  }
  return known;
}

function toDate(moment: Moment): Date | null {
  const date = moment instanceof Date ? moment : new Date(moment);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Month names are Accord's own: ICU versions differ ("Sep" in one, "Sept" in another), and the screen (Chromium) and
// the CLI (Node) must write the same day the same way.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar parts of a moment in a time zone (numbers), and the zone's short name. */
function partsOf(date: Date, timeZone: string | undefined, withTime: boolean): Record<string, string> {
  const options: Intl.DateTimeFormatOptions = withTime
    ? { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }
    : { year: 'numeric', month: 'numeric', day: 'numeric' };
  const parts: Record<string, string> = {};
  for (const part of formatter(timeZone, options).formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

function dayText(parts: Record<string, string>): string {
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1] ?? parts.month} ${parts.year}`;
}

/**
 * "1 Dec 2026, 11:26 CET": a moment in the workshop's time zone (the agreement's calendar), with the zone named so
 * a reader in another zone is not misled. Text that is not a moment is returned as it is (never "Invalid Date").
 */
export function formatDateTime(moment: Moment, timeZone?: string): string {
  const date = toDate(moment);
  if (!date) return String(moment);
  const parts = partsOf(date, timeZone, true);
  return `${dayText(parts)}, ${parts.hour}:${parts.minute} ${parts.timeZoneName}`;
}

/** "11:26": the time of day of a moment in the time zone (for a span within one day whose date is said once). */
export function formatTime(moment: Moment, timeZone?: string): string {
  const date = toDate(moment);
  if (!date) return String(moment);
  return formatter(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "1 Dec 2026": the calendar day of a moment in the time zone, or of a plain "YYYY-MM-DD" day (read as that day, not shifted). */
export function formatDay(moment: Moment, timeZone?: string): string {
  if (typeof moment === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(moment)) {
    const date = toDate(`${moment}T12:00:00Z`);
    return date ? dayText(partsOf(date, 'UTC', false)) : moment;
  }
  const date = toDate(moment);
  if (!date) return String(moment);
  return dayText(partsOf(date, timeZone, false));
}

/** "1 Nov – 31 Dec 2026" (or "1 Nov 2026 – 31 Jan 2027"): a period of two "YYYY-MM-DD" days, both included. */
export function formatDayRange(from: string, to: string): string {
  const start = formatDay(from);
  const end = formatDay(to);
  if (start === end) return start;
  const sameYear = from.slice(0, 4) === to.slice(0, 4) && /^\d{4}-/.test(from);
  return `${sameYear ? start.replace(/\s\d{4}$/, '') : start} – ${end}`;
}

/**
 * "91C9 49B5 BF16 A1B2": the first sixteen hex digits of a SHA-256 in four groups, short enough to read aloud and
 * compare by eye; show the full hash one click away (it is what a check compares).
 */
export function shortFingerprint(hash: string): string {
  const hex = hash.replace(/[^0-9a-f]/giu, '').toUpperCase();
  return (hex.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}
