import { describe, expect, it } from 'vitest';
import { timestampReader } from '../../../shared/engines/review/timestamps';

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
