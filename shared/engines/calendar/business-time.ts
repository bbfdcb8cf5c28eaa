/**
 * Business time: how much of a span falls inside the agreed working hours,
 * in the agreement's time zone, skipping weekends and public holidays.
 * "A lead arriving Friday 17:30 answered Monday 09:30, with a 9:00–18:00
 * calendar, took 1 business hour." Pure: instants in, milliseconds out;
 * daylight-saving changes come from the time zone database (Intl).
 */

/** A working calendar. */
export interface WorkingCalendar {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Start and end of the working day, "HH:MM" (end may be "24:00"). */
  start: string;
  end: string;
  /** Public holidays, "YYYY-MM-DD" in the calendar's time zone. */
  holidays: string[];
}

/** A calendar problem, with what to fix. */
export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

function minutes(text: string, name: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const value = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || value > 24 * 60) throw new CalendarError(`The ${name} time “${text}” is not a time of day (HH:MM).`);
  return value;
}

/** Local date parts of an instant in a time zone, through one cached formatter per zone. */
function zonedParts(formatter: Intl.DateTimeFormat, instant: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = formatter.formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const hour = get('hour');
  return { year: get('year'), month: get('month'), day: get('day'), hour: hour === 24 ? 0 : hour, minute: get('minute'), second: get('second') };
}

/** Converts between instants and a time zone's wall-clock time (ms as if UTC). Throws CalendarError for an unknown zone. */
export function timeZoneOf(timeZone: string): { offsetAt(instant: number): number; instantOf(localMs: number): number } {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  } catch {
    throw new CalendarError(`“${timeZone}” is not a time zone this computer knows (use an IANA name such as Europe/Berlin).`);
  }
  // Offsets change only at transitions on quarter hours at the finest, so one lookup per quarter hour
  // is exact; a direct-mapped cache (typed arrays) keeps millions of lookups cheap.
  const QUARTER = 900_000;
  const SLOTS = 16_384;
  const cachedKeys = new Float64Array(SLOTS).fill(Number.NaN);
  const cachedOffsets = new Float64Array(SLOTS);
  // In front of it, one slot per UTC day whose offset is the same at both ends: no zone changes its
  // offset twice within a day, so such a day has one offset throughout (the quarter path gives the same).
  const DAY_SLOTS = 4096;
  const dayKeys = new Float64Array(DAY_SLOTS).fill(Number.NaN);
  const dayOffsets = new Float64Array(DAY_SLOTS);
  const offsetOf = (instant: number) => {
    const parts = zonedParts(formatter, instant);
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instant;
  };
  const offsetAt = (instant: number) => {
    const day = Math.floor(instant / DAY);
    const daySlot = day & (DAY_SLOTS - 1);
    if (dayKeys[daySlot] === day) return dayOffsets[daySlot]!;
    const offset = quarterOffsetAt(instant);
    if (Number.isFinite(day)) {
      const start = offsetOf(day * DAY);
      if (start === offsetOf((day + 1) * DAY)) {
        dayKeys[daySlot] = day;
        dayOffsets[daySlot] = start;
      }
    }
    return offset;
  };
  const quarterOffsetAt = (instant: number) => {
    const key = Math.floor(instant / QUARTER);
    const slot = ((key % SLOTS) + SLOTS) % SLOTS;
    if (cachedKeys[slot] === key) return cachedOffsets[slot]!;
    // One hour at a time: when the offset is the same at both ends of the hour, it holds for its four quarters.
    const hourKey = Math.floor(key / 4) * 4;
    const first = offsetOf(hourKey * QUARTER);
    const same = first === offsetOf((hourKey + 4) * QUARTER);
    for (let quarter = hourKey; quarter < hourKey + 4; quarter += 1) {
      if (!same && quarter !== key) continue;
      const target = ((quarter % SLOTS) + SLOTS) % SLOTS;
      cachedKeys[target] = quarter;
      cachedOffsets[target] = same ? first : offsetOf(quarter * QUARTER);
    }
    return cachedOffsets[slot]!;
  };
  // A wall-clock time skipped by daylight saving moves forward, as clocks do.
  const instantOf = (localMs: number) => localMs - offsetAt(localMs - offsetAt(localMs));
  return { offsetAt, instantOf };
}

/**
 * Compiles a calendar into a function that measures business milliseconds
 * between two instants (ms since epoch). A negative span measures as a
 * negative amount, so callers can flag it.
 */
export function compileCalendar(calendar: WorkingCalendar): { businessMs(from: number, to: number): number; addBusinessMs(from: number, amount: number): number; localDate(instant: number): string; localDay(instant: number): number } {
  const { offsetAt, instantOf } = timeZoneOf(calendar.timeZone);
  const startMinute = minutes(calendar.start, 'start');
  const endMinute = minutes(calendar.end, 'end');
  if (endMinute <= startMinute) throw new CalendarError(`The working day must end after it starts (${calendar.start}–${calendar.end}).`);
  const workingDays = new Set(calendar.workingDays);
  if ([...workingDays].some((day) => !Number.isInteger(day) || day < 1 || day > 7)) throw new CalendarError('Working days are numbered 1 (Monday) to 7 (Sunday).');
  for (const holiday of calendar.holidays) if (holiday !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(holiday)) throw new CalendarError(`The holiday “${holiday}” is not a date (YYYY-MM-DD).`);
  const holidays = new Set(calendar.holidays);

  // Working windows per local day (day numbers since 1970-01-01), cached in typed arrays: a review
  // measures millions of spans over a few hundred days, and a Map keyed by large numbers costs a hash each time.
  // A day that is not a working day has a NaN start.
  const WINDOW_SLOTS = 4096;
  const windowKeys = new Float64Array(WINDOW_SLOTS).fill(Number.NaN);
  const windowStarts = new Float64Array(WINDOW_SLOTS);
  const windowEnds = new Float64Array(WINDOW_SLOTS);
  /** The cache slot of a local day's window, filled on first use. */
  const windowSlot = (day: number): number => {
    const slot = day & (WINDOW_SLOTS - 1);
    if (windowKeys[slot] === day) return slot;
    const localDay = day * DAY;
    const date = new Date(localDay);
    const iso = date.toISOString().slice(0, 10);
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    const working = workingDays.has(weekday) && !holidays.has(iso);
    windowKeys[slot] = day;
    windowStarts[slot] = working ? instantOf(localDay + startMinute * 60_000) : Number.NaN;
    windowEnds[slot] = working ? instantOf(localDay + endMinute * 60_000) : Number.NaN;
    return slot;
  };
  const dayNumberOf = (instant: number) => Math.floor((instant + offsetAt(instant)) / DAY);
  const localDayOf = (instant: number) => dayNumberOf(instant) * DAY;

  const measure = (from: number, to: number): number => {
    const first = dayNumberOf(from);
    const last = dayNumberOf(to);
    // Most spans (a first touch, an answer) start and end on one day: one window, no loop.
    if (first === last) {
      const slot = windowSlot(first);
      const start = Math.max(from, windowStarts[slot]!);
      const end = Math.min(to, windowEnds[slot]!);
      return end > start ? end - start : 0;
    }
    let total = 0;
    // At most a few years of days; a longer span is a data problem the caller reports anyway.
    for (let day = first, guard = 0; day <= last && guard < 4000; day += 1, guard += 1) {
      const slot = windowSlot(day);
      const windowStart = windowStarts[slot]!;
      if (windowStart !== windowStart) continue;
      const start = Math.max(from, windowStart);
      const end = Math.min(to, windowEnds[slot]!);
      if (end > start) total += end - start;
    }
    return total;
  };

  return {
    businessMs(from, to) {
      if (!Number.isFinite(from) || !Number.isFinite(to)) return Number.NaN;
      return to >= from ? measure(from, to) : -measure(to, from);
    },
    localDate(instant) {
      return new Date(localDayOf(instant)).toISOString().slice(0, 10);
    },
    localDay(instant) {
      return dayNumberOf(instant);
    },
    addBusinessMs(from, amount) {
      // The instant when `amount` of business time has passed after `from` (the inverse of businessMs).
      let remaining = amount;
      for (let day = dayNumberOf(from), guard = 0; guard < 4000; day += 1, guard += 1) {
        const slot = windowSlot(day);
        const windowStart = windowStarts[slot]!;
        if (windowStart !== windowStart) continue;
        const windowEnd = windowEnds[slot]!;
        const start = Math.max(from, windowStart);
        if (windowEnd <= start) continue;
        if (windowEnd - start >= remaining) return start + remaining;
        remaining -= windowEnd - start;
      }
      return Number.NaN;
    },
  };
}

/** Business hours between two instants (for messages and tests). */
export function businessHours(calendar: WorkingCalendar, from: number, to: number): number {
  return compileCalendar(calendar).businessMs(from, to) / HOUR;
}

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A calendar in words: "Mon–Fri 09:00–18:00, Europe/Berlin; 2 public holidays". */
export function describeCalendar(calendar: WorkingCalendar): string {
  const days = [...calendar.workingDays].sort((a, b) => a - b);
  const consecutive = days.length > 2 && days.every((day, index) => index === 0 || day === days[index - 1]! + 1);
  const dayText = days.length === 0 ? 'no working days' : consecutive ? `${weekdayNames[days[0]! - 1]}–${weekdayNames[days.at(-1)! - 1]}` : days.map((day) => weekdayNames[day - 1]).join(', ');
  const holidays = calendar.holidays.filter((holiday) => holiday !== '').length;
  return `${dayText} ${calendar.start}–${calendar.end}, ${calendar.timeZone}${holidays ? `; ${holidays} public ${holidays === 1 ? 'holiday' : 'holidays'}` : ''}`;
}
