import { compileCalendar, timeZoneOf, type WorkingCalendar } from '../calendar/business-time';

/**
 * A deterministic generator of realistic lead histories for the SLA review:
 * arrivals around the clock and on weekends and holidays, touches within or
 * beyond the target, missing touches, rejections with and without reasons,
 * unreachable leads with too few attempts. Every lead's fate is decided
 * first and its timestamps built from it, so the true figures are known by
 * construction (`truth`) and the engine can be tested against them.
 */

/** The columns of a generated export (what a CRM report would have). */
export const historyColumns = ['Lead ID', 'Created', 'MQL Date', 'Owner', 'First Touch', 'Attempts', 'Accepted Date', 'Rejected Date', 'Rejection Reason', 'SQL Date', 'Opportunity Date', 'Outcome', 'Amount'] as const;

/** What the generator knows is true about the leads it wrote (MQLs in the period). */
export interface HistoryTruth {
  mqls: number;
  touchedWithin: number;
  touchMeasured: number;
  untouched: number;
  touchBeforeMql: number;
  decidedWithin: number;
  decisionMeasured: number;
  rejected: number;
  rejectedWithReason: number;
  unreachable: number;
  unreachableCompliant: number;
  accepted: number;
  sqls: number;
  opportunities: number;
}

/** Options: the period (YYYY-MM-DD), the calendar, and the agreed targets. */
export interface HistoryOptions {
  leads: number;
  from: string;
  to: string;
  calendar: WorkingCalendar;
  firstTouchHours: number;
  attempts: number;
  acceptDays: number;
  /** Reason codes to use; the first containing "UNREACH" is the unreachable one. */
  reasonCodes: string[];
  seed?: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;

/**
 * Writes the histories as CSV rows (header first) through `write`, with
 * mixed timestamp formats as CRMs export them, and returns the truth.
 */
export function generateHistories(options: HistoryOptions, write: (line: string) => void): HistoryTruth {
  const next = random(options.seed ?? 20261201);
  const calendar = compileCalendar(options.calendar);
  const zone = timeZoneOf(options.calendar.timeZone);
  const [startH, startM] = options.calendar.start.split(':').map(Number) as [number, number];
  const [endH, endM] = options.calendar.end.split(':').map(Number) as [number, number];
  const workingDayMs = (endH * 60 + endM - startH * 60 - startM) * 60_000;
  const from = zone.instantOf(Date.parse(`${options.from}T00:00:00Z`));
  const to = zone.instantOf(Date.parse(`${options.to}T00:00:00Z`)) + 86_400_000;
  const unreachableCode = options.reasonCodes.find((code) => /unreach/i.test(code)) ?? options.reasonCodes[0] ?? 'UNREACHABLE';
  const otherCodes = options.reasonCodes.filter((code) => code !== unreachableCode);
  const owners = ['SDR Anna', 'SDR Ben', 'SDR Chloé', 'SDR Dev'];
  const truth: HistoryTruth = { mqls: 0, touchedWithin: 0, touchMeasured: 0, untouched: 0, touchBeforeMql: 0, decidedWithin: 0, decisionMeasured: 0, rejected: 0, rejectedWithReason: 0, unreachable: 0, unreachableCompliant: 0, accepted: 0, sqls: 0, opportunities: 0 };
  // Formats vary by row, as when exports from two systems are merged.
  const pad = (value: number) => String(value).padStart(2, '0');
  const format = (instant: number, style: number) => {
    const local = new Date(instant + zone.offsetAt(instant));
    const [y, mo, d, h, mi] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()];
    if (style === 0) return new Date(instant).toISOString();
    if (style === 1) return `${pad(mo)}/${pad(d)}/${y} ${((h + 11) % 12) + 1}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
    return `${pad(d)}.${pad(mo)}.${y} ${pad(h)}:${pad(mi)}`;
  };
  write(`${historyColumns.join(',')}\r\n`);
  for (let index = 0; index < options.leads; index += 1) {
    const style = index % 3;
    const cell = (instant: number | null) => (instant === null ? '' : format(instant, style));
    // Arrivals: uniform over the period, so nights, weekends and holidays all occur.
    const mqlAt = Math.floor((from + next() * (to - from)) / 60_000) * 60_000;
    const createdAt = mqlAt - Math.floor(next() * 72) * HOUR;
    truth.mqls += 1;
    let firstTouchAt: number | null;
    const fate = next();
    if (fate < 0.06) {
      firstTouchAt = null;
      truth.untouched += 1;
      truth.touchMeasured += 1;
    } else if (fate < 0.08) {
      firstTouchAt = mqlAt - (1 + Math.floor(next() * 5)) * HOUR;
      truth.touchBeforeMql += 1;
    } else {
      const within = next() < 0.8;
      // Whole minutes of business time, strictly inside or beyond the target.
      const minutes = within ? 1 + Math.floor(next() * (options.firstTouchHours * 60 - 2)) : options.firstTouchHours * 60 + 1 + Math.floor(next() * 3 * 60 * options.firstTouchHours);
      firstTouchAt = calendar.addBusinessMs(mqlAt, minutes * 60_000);
      truth.touchMeasured += 1;
      if (within) truth.touchedWithin += 1;
    }
    const owner = owners[Math.floor(next() * owners.length)]!;
    let acceptedAt: number | null = null;
    let rejectedAt: number | null = null;
    let reason = '';
    let attempts: number | null = null;
    let sqlAt: number | null = null;
    let opportunityAt: number | null = null;
    let outcome = '';
    let amount = '';
    const decision = next();
    const base = firstTouchAt !== null && firstTouchAt > mqlAt ? firstTouchAt : mqlAt;
    const decisionIn = (withinTarget: boolean) => {
      const minutes = withinTarget ? Math.floor(next() * (options.acceptDays * workingDayMs) / 60_000 - (base - mqlAt) / 60_000 - 1) : options.acceptDays * (workingDayMs / 60_000) + 1 + Math.floor(next() * 600);
      return calendar.addBusinessMs(withinTarget ? base : mqlAt, Math.max(0, withinTarget ? minutes : minutes) * 60_000);
    };
    if (firstTouchAt === null) {
      // Nobody decided: counts as a miss of the decision commitment.
      truth.decisionMeasured += 1;
    } else if (decision < 0.55) {
      const within = next() < 0.85 && calendar.businessMs(mqlAt, base) < options.acceptDays * workingDayMs - 60_000;
      acceptedAt = decisionIn(within);
      truth.accepted += 1;
      if (firstTouchAt >= mqlAt || acceptedAt >= mqlAt) {
        truth.decisionMeasured += 1;
        if (calendar.businessMs(mqlAt, acceptedAt) <= options.acceptDays * workingDayMs) truth.decidedWithin += 1;
      }
      attempts = 1 + Math.floor(next() * 4);
      if (next() < 0.5) {
        sqlAt = calendar.addBusinessMs(acceptedAt, (1 + Math.floor(next() * 5)) * workingDayMs);
        truth.sqls += 1;
        if (next() < 0.6) {
          opportunityAt = calendar.addBusinessMs(sqlAt, (1 + Math.floor(next() * 5)) * workingDayMs);
          truth.opportunities += 1;
          if (next() < 0.7) {
            outcome = next() < 0.3 ? 'Won' : 'Lost';
            amount = outcome === 'Won' ? String(5000 + Math.floor(next() * 95) * 1000) : '';
          }
        }
      }
    } else {
      const within = next() < 0.85 && calendar.businessMs(mqlAt, base) < options.acceptDays * workingDayMs - 60_000;
      rejectedAt = decisionIn(within);
      truth.rejected += 1;
      truth.decisionMeasured += 1;
      if (calendar.businessMs(mqlAt, rejectedAt) <= options.acceptDays * workingDayMs) truth.decidedWithin += 1;
      const kind = next();
      if (kind < 0.4) {
        reason = unreachableCode;
        truth.unreachable += 1;
        truth.rejectedWithReason += 1;
        const compliant = next() < 0.7;
        attempts = compliant ? options.attempts + Math.floor(next() * 3) : 1 + Math.floor(next() * (options.attempts - 1));
        if (compliant) truth.unreachableCompliant += 1;
      } else if (kind < 0.85 && otherCodes.length > 0) {
        reason = otherCodes[Math.floor(next() * otherCodes.length)]!;
        truth.rejectedWithReason += 1;
        attempts = 1 + Math.floor(next() * 3);
      } else {
        attempts = 1 + Math.floor(next() * 3);
      }
    }
    if (firstTouchAt !== null && firstTouchAt < mqlAt) {
      // A touch logged before the MQL date: the decision time is still measured from the MQL date.
    }
    write(`L${String(index + 1).padStart(7, '0')},${cell(createdAt)},${cell(mqlAt)},${owner},${cell(firstTouchAt)},${attempts ?? ''},${cell(acceptedAt)},${cell(rejectedAt)},${reason},${cell(sqlAt)},${cell(opportunityAt)},${outcome},${amount}\r\n`);
  }
  return truth;
}
