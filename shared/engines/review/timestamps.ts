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

/** Creates a reader of timestamps in a time zone (for zone-less values). */
export function timestampReader(timeZone: string): (text: string) => TimestampResult {
  const zone = timeZoneOf(timeZone);
  const local = (year: number, month: number, day: number, hour: number, minute: number, second: number, text: string): TimestampResult => {
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return { ok: false, message: `“${text}” is not a valid date and time` };
    const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
    if (new Date(localMs).getUTCDate() !== day) return { ok: false, message: `“${text}” is not a valid date and time` };
    return { ok: true, instant: zone.instantOf(localMs) };
  };
  return (raw) => {
    const text = raw.trim();
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
      const [, mo, d, y, h = '0', mi = '0', s = '0', meridiem] = match;
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
    return { ok: false, message: `“${text}” is not a date and time Accord can read (ISO 8601, MM/DD/YYYY hh:mm AM, or DD.MM.YYYY HH:mm)` };
  };
}
