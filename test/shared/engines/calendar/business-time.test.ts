import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessHours, CalendarError, compileCalendar, type WorkingCalendar } from '../../../../shared/engines/calendar/business-time';

const berlin: WorkingCalendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: ['2026-12-25', '2026-12-26'] };
const at = (iso: string) => Date.parse(iso);

describe('business time', () => {
  it('counts a lead from Friday 17:30 to Monday 09:30 as 1 business hour, not 64 hours', () => {
    // 2026-11-27 is a Friday; Berlin is UTC+1 in November.
    expect(businessHours(berlin, at('2026-11-27T17:30:00+01:00'), at('2026-11-30T09:30:00+01:00'))).toBe(1);
  });

  it('counts nothing outside the working day, and whole days inside it', () => {
    expect(businessHours(berlin, at('2026-11-24T19:00:00+01:00'), at('2026-11-25T08:00:00+01:00'))).toBe(0);
    expect(businessHours(berlin, at('2026-11-24T08:00:00+01:00'), at('2026-11-24T20:00:00+01:00'))).toBe(9);
    expect(businessHours(berlin, at('2026-11-23T09:00:00+01:00'), at('2026-11-30T09:00:00+01:00'))).toBe(45);
  });

  it('skips public holidays', () => {
    // Thursday 24 Dec 17:00 → Monday 28 Dec 10:00, with 25 Dec (Fri) a holiday: 1 + 1 hours.
    expect(businessHours(berlin, at('2026-12-24T17:00:00+01:00'), at('2026-12-28T10:00:00+01:00'))).toBe(2);
  });

  it('measures in the calendar’s time zone, not the computer’s', () => {
    const newYork: WorkingCalendar = { ...berlin, timeZone: 'America/New_York', holidays: [] };
    // 15:00 UTC on a Tuesday is 16:00 in Berlin and 10:00 in New York.
    const from = at('2026-11-24T15:00:00Z');
    const to = at('2026-11-24T18:00:00Z');
    expect(businessHours(berlin, from, to)).toBe(2); // 16:00–18:00 Berlin
    expect(businessHours(newYork, from, to)).toBe(3); // 10:00–13:00 New York
  });

  it('follows daylight-saving changes', () => {
    const always: WorkingCalendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00', holidays: [] };
    // Clocks go forward on 29 March 2026: noon to noon is 23 real hours.
    expect(businessHours(always, at('2026-03-28T12:00:00+01:00'), at('2026-03-29T12:00:00+02:00'))).toBe(23);
    // And back on 25 October 2026: 25 hours.
    expect(businessHours(always, at('2026-10-24T12:00:00+02:00'), at('2026-10-25T12:00:00+01:00'))).toBe(25);
    // A 09:00–18:00 day keeps 9 hours on either side of the change.
    expect(businessHours(berlin, at('2026-03-27T09:00:00+01:00'), at('2026-03-30T18:00:00+02:00'))).toBe(18);
  });

  it('gives a negative span a negative amount (a touch before creation is a data problem, not zero)', () => {
    expect(businessHours(berlin, at('2026-11-24T11:00:00+01:00'), at('2026-11-24T10:00:00+01:00'))).toBe(-1);
  });

  it('never counts more than the clock does, and adds up over a split (property)', () => {
    const calendar = compileCalendar(berlin);
    const instant = fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2026-12-31T00:00:00Z') });
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        const [from, middle, to] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const whole = calendar.businessMs(from, to);
        return whole >= 0 && whole <= to - from && whole === calendar.businessMs(from, middle) + calendar.businessMs(middle, to);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees quarter hour by quarter hour with the wall clock, on one day and across days, through clock changes (property)', () => {
    // The reference, written independently: walk the span a minute at a time and ask Intl for each minute's wall clock.
    const wallClock = (zone: string) => {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
      return (instant: number) => {
        const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
        return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1, minute: Number(parts.hour) * 60 + Number(parts.minute) };
      };
    };
    const calendars: WorkingCalendar[] = [
      berlin,
      { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5, 6], start: '00:30', end: '24:00', holidays: ['2026-11-26'] },
      { timeZone: 'Australia/Lord_Howe', workingDays: [1, 2, 3, 4, 5, 6, 7], start: '01:00', end: '03:30', holidays: [] },
      { timeZone: 'Asia/Kolkata', workingDays: [7, 1, 2, 3, 4], start: '10:00', end: '19:30', holidays: ['2026-03-29'] },
    ];
    const compiled = calendars.map((calendar) => ({ calendar, measure: compileCalendar(calendar), clock: wallClock(calendar.timeZone) }));
    // Quarter-hour-aligned starts (every boundary here is on a quarter hour, so a quarter-hour walk is exact) near the 2026 clock changes of these zones, and spans from minutes to four days.
    const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z', '2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z', '2026-06-15T00:00:00Z'].map(at);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: compiled.length - 1 }), fc.constantFrom(...changes), fc.integer({ min: -36 * 4, max: 36 * 4 }), fc.integer({ min: 0, max: 4 * 24 * 4 }), (which, change, offset, length) => {
        const { calendar, measure, clock } = compiled[which]!;
        const QUARTER = 900_000;
        const from = change + offset * QUARTER;
        const to = from + length * QUARTER;
        const [startH, startM] = calendar.start.split(':').map(Number) as [number, number];
        const [endH, endM] = calendar.end.split(':').map(Number) as [number, number];
        let expected = 0;
        for (let quarter = from; quarter < to; quarter += QUARTER) {
          const local = clock(quarter);
          if (calendar.workingDays.includes(local.weekday) && !calendar.holidays.includes(local.date) && local.minute >= startH * 60 + startM && local.minute < endH * 60 + endM) expected += QUARTER;
        }
        const local = clock(from);
        return measure.businessMs(from, to) === expected && measure.businessMs(to, from) === -expected && measure.localDate(from) === local.date && measure.localDay(from) === Date.parse(`${local.date}T00:00:00Z`) / 86_400_000;
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  it.each([
    [{ timeZone: 'Mars/Olympus' }, '“Mars/Olympus” is not a time zone this computer knows (use an IANA name such as Europe/Berlin).'],
    [{ start: '18:00', end: '09:00' }, 'The working day must end after it starts (18:00–09:00).'],
    [{ start: '9am' }, 'The start time “9am” is not a time of day (HH:MM).'],
    [{ workingDays: [0, 1] }, 'Working days are numbered 1 (Monday) to 7 (Sunday).'],
    [{ holidays: ['25.12.2026'] }, 'The holiday “25.12.2026” is not a date (YYYY-MM-DD).'],
  ])('refuses a calendar %j with a message', (change, message) => {
    expect(() => compileCalendar({ ...berlin, ...change })).toThrow(new CalendarError(message));
  });
});
