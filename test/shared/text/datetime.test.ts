import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDayRange, shortFingerprint } from '../../../shared/text/datetime';

describe('dates, times and fingerprints for people', () => {
  it('writes a moment in the workshop time zone with the zone named', () => {
    expect(formatDateTime('2026-12-01T10:26:58.627Z', 'Europe/Berlin')).toBe('1 Dec 2026, 11:26 CET');
    expect(formatDateTime('2026-07-01T10:26:58.627Z', 'America/New_York')).toBe('1 Jul 2026, 06:26 GMT-4');
    expect(formatDateTime(Date.UTC(2026, 11, 1, 23, 30), 'Asia/Tokyo')).toBe('2 Dec 2026, 08:30 GMT+9');
  });
  it('never prints Invalid Date and survives an unknown zone', () => {
    expect(formatDateTime('not a date', 'Europe/Berlin')).toBe('not a date');
    expect(formatDateTime('2026-12-01T10:26:58Z', 'Mars/Olympus')).toBe('1 Dec 2026, 10:26 UTC');
  });
  it('reads a plain day as that day, whatever the zone', () => {
    expect(formatDay('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDay('2026-12-31T23:30:00Z', 'Europe/Berlin')).toBe('1 Jan 2027');
  });
  it('writes a period without repeating the year', () => {
    expect(formatDayRange('2026-11-01', '2026-12-31')).toBe('1 Nov – 31 Dec 2026');
    expect(formatDayRange('2026-12-01', '2027-01-31')).toBe('1 Dec 2026 – 31 Jan 2027');
    expect(formatDayRange('2026-12-01', '2026-12-01')).toBe('1 Dec 2026');
  });
  it('shortens a SHA-256 to four groups of four', () => {
    expect(shortFingerprint('91c949b5bf16a1b2c3d4e5f60718293a4b5c6d7e8f9001122334455667788990')).toBe('91C9 49B5 BF16 A1B2');
  });
});

describe('the same words on every engine', () => {
  it('writes month names of its own (ICU writes "Sept" in one version, "Sep" in another)', () => {
    expect(formatDay('2026-09-01')).toBe('1 Sep 2026');
    expect(formatDateTime('2026-09-01T08:05:00Z', 'UTC')).toBe('1 Sep 2026, 08:05 UTC');
  });
});
