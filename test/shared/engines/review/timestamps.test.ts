import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newSlashEvidence, noteSlashDate, quickTimestamp, timestampReader } from '../../../../shared/engines/review/timestamps';

const read = timestampReader('Europe/Berlin');
const instant = (text: string) => {
  const result = read(text);
  if (!result.ok) throw new Error(result.message);
  return new Date(result.instant).toISOString();
};

describe('CRM timestamps', () => {
  it.each([
    ['2026-11-27T17:30:00Z', '2026-11-27T17:30:00.000Z'],
    ['2026-11-27T17:30:00+01:00', '2026-11-27T16:30:00.000Z'],
    ['2026-11-27 17:30:00-0500', '2026-11-27T22:30:00.000Z'],
    ['2026-11-27T17:30:12.345', '2026-11-27T16:30:12.345Z'],
    ['2026-11-27 17:30', '2026-11-27T16:30:00.000Z'],
    ['2026-07-01 09:00', '2026-07-01T07:00:00.000Z'],
    ['2026-11-27', '2026-11-26T23:00:00.000Z'],
    ['11/27/2026 5:30 PM', '2026-11-27T16:30:00.000Z'],
    ['11/27/2026 12:05 AM', '2026-11-26T23:05:00.000Z'],
    ['11/27/2026, 09:15', '2026-11-27T08:15:00.000Z'],
    ['27.11.2026 17:30', '2026-11-27T16:30:00.000Z'],
    ['27.11.2026', '2026-11-26T23:00:00.000Z'],
  ])('reads %s (zone-less in the agreement’s zone)', (text, expected) => {
    expect(instant(text)).toBe(expected);
  });

  it.each(['yesterday', '2026-13-01 10:00', '31.02.2026 10:00', '11/27/2026 13:00 PM', '', '27/11/2026 10:00'])('refuses %j with a message', (text) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^“.*” is not a (valid )?date and time/);
  });
});

describe('timestamp arithmetic', () => {
  it('reads any ISO instant and any local time exactly as the platform computes it (property)', async () => {
    const fc = (await import('fast-check')).default;
    const utc = timestampReader('UTC');
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        const fromIso = utc(iso);
        const local = utc(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
        return fromIso.ok && fromIso.instant === date.getTime() && local.ok && local.instant === Math.floor(date.getTime() / 1000) * 1000;
      }),
      { numRuns: 500 },
    );
  });
});

describe('the quick reader (the review’s hot path)', () => {
  it('gives the same instant as the full reader for every local minute across the clock changes, in zones with hour and half-hour shifts', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata']) {
      const quick = quickTimestamp(zone);
      const full = timestampReader(zone);
      const pad = (value: number) => String(value).padStart(2, '0');
      // Every 7 minutes of 2026, in the order a file gives them (repeated hours hit the cache).
      for (let local = Date.UTC(2026, 0, 1); local < Date.UTC(2027, 0, 1); local += 7 * 60_000) {
        const date = new Date(local);
        const text = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
        const expected = full(text);
        if (!expected.ok || quick(text) !== expected.instant) throw new Error(`${zone} ${text}: quick ${new Date(quick(text)).toISOString()}, full ${expected.ok ? new Date(expected.instant).toISOString() : expected.message}`);
      }
    }
  });
});

describe('slashed-date evidence', () => {
  it('reads the two numbers around the first slash of any text as a split would (property)', () => {
    const digitsText = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '/', ' ', 'a', ':'), maxLength: 12 });
    fc.assert(
      fc.property(digitsText, (text) => {
        const evidence = newSlashEvidence();
        noteSlashDate(text, evidence);
        // The same rule written the plain way: 1–2 digits, a slash, 1–2 digits, a slash.
        const match = /^(\d{1,2})\/(\d{1,2})\//.exec(text);
        const first = match ? Number(match[1]) : 0;
        const second = match ? Number(match[2]) : 0;
        const seen = match !== null && first >= 1 && second >= 1 ? 1 : 0;
        return evidence.seen === seen && evidence.dayFirst === (seen && first > 12 && second <= 12 ? 1 : 0) && evidence.monthFirst === (seen && second > 12 && first <= 12 ? 1 : 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a cell in place exactly as the cell alone, whatever surrounds it: nothing past the cell is read (property)', () => {
    const unit = fc.constantFrom('0', '1', '2', '3', '9', '/', ' ', ':', '-', '.', 'T', 'Z', 'A', 'P', 'M');
    const quick = quickTimestamp('Europe/Berlin');
    const dates = fc.oneof(fc.string({ unit, maxLength: 24 }), fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('12/01/2026 2:44 AM', '24.12.2026 11:20', '2026-11-17 12:52:07', '13/04/2026', '1/2/', '1/3'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), dates, fc.string({ unit, maxLength: 6 }), (before, cell, after) => {
        const text = before + cell + after;
        const start = before.length;
        const end = start + cell.length;
        const alone = newSlashEvidence();
        const placed = newSlashEvidence();
        noteSlashDate(cell, alone);
        noteSlashDate(text, placed, start, end);
        return Object.is(quick(cell), quick(text, start, end)) && JSON.stringify(alone) === JSON.stringify(placed);
      }),
      { numRuns: 5000 },
    );
  });
});

