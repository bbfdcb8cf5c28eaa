import { compileCalendar, timeZoneOf, type WorkingCalendar } from '../calendar/business-time';
import type { HistoryField } from './mapping';

/**
 * A deterministic generator of realistic lead histories for the SLA review:
 * arrivals around the clock and on weekends and holidays, touches within or
 * beyond the target, missing touches, rejections with and without reasons,
 * unreachable leads with too few attempts. Every lead's fate is decided
 * first and its timestamps built from it, so the true figures are known by
 * construction (`truth`) and the engine can be tested against them.
 */

/** The columns of a generated export (what a CRM report would have), by the history field each holds. */
export const historyColumns: Record<HistoryField, string> = {
  id: 'Lead ID',
  createdAt: 'Created',
  mqlAt: 'MQL Date',
  owner: 'Owner',
  firstTouchAt: 'First Touch',
  attempts: 'Attempts',
  acceptedAt: 'Accepted Date',
  rejectedAt: 'Rejected Date',
  rejectionReason: 'Rejection Reason',
  sqlAt: 'SQL Date',
  sqlAcceptedAt: 'SQL Accepted',
  sqlReturnedAt: 'SQL Returned',
  opportunityAt: 'Opportunity Date',
  opportunityUpdatedAt: 'Last Updated',
  outcome: 'Outcome',
  closedAt: 'Closed Date',
  amount: 'Amount',
};

/** The required fields of the templates' MQL handoff; the generator writes a column named after each. */
export const requiredFieldColumns = ['First name', 'Last name', 'Company', 'Job title', 'E-mail', 'Country', 'Lead source', 'Score and grade'] as const;
/** Sample values per required field (short: the bench writes a million rows). */
const requiredSamples: Record<string, string[]> = {
  'First name': ['Anna', 'Ben', 'Chloé', 'Dev', 'Eva'],
  'Last name': ['Berg', 'Chen', 'Dubois', 'Kowalski', 'Lee'],
  Company: ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark'],
  'Job title': ['CTO', 'Head of IT', 'CFO', 'VP Sales', 'Ops lead'],
  'E-mail': ['a@acme.de', 'b@globex.fr', 'c@initech.com', 'd@umbrella.io', 'e@stark.de'],
  Country: ['DE', 'FR', 'AT', 'CH', 'NL'],
  'Lead source': ['Webinar', 'Paid search', 'Event', 'Referral', 'Content'],
  'Score and grade': ['A1', 'A2', 'B1', 'B2', 'C1'],
};

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
  /** SQLs accepted or returned by field sales (in time or late), and those never answered past their deadline. */
  sqlMeasured: number;
  sqlWithin: number;
  sqlUnanswered: number;
  /** Unanswered SQLs still within the agreed business days at the export's last date (not counted). */
  sqlNotYetDue: number;
  /** Opportunities still open at the export's last date, and those updated within the agreed days of it. */
  openOpportunities: number;
  openUpdatedWithin: number;
  /** Opportunities won and lost (closed by the export date). */
  won: number;
  lost: number;
  /** MQL → won in days, over the won leads. */
  winMedianDays: number | null;
  winP90Days: number | null;
  /** MQLs with every required field filled. */
  complete: number;
  /** The export's last recorded date (YYYY-MM-DD, local). */
  exportLastDate: string;
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
  /** Business days field sales has to accept or return an SQL (2 by default). */
  sqlAcceptDays?: number;
  /** Days within which an open opportunity is updated (7 by default). */
  opportunityUpdateDays?: number;
  /** The handoff's required fields, one column each (the templates' MQL handoff by default). */
  requiredFields?: readonly string[];
  seed?: number;
}

/** A quantile of sorted values with linear interpolation (what a spreadsheet's PERCENTILE.INC gives). */
function sortedQuantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  return sorted[low]! + ((sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (position - low));
}

/** Mulberry32: a small seeded PRNG (numbers in [0, 1)), so a generated history or export is the same every run. */
export function seededRandom(seed: number): () => number {
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
  const next = seededRandom(options.seed ?? 20261201);
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
  const truth: HistoryTruth = { mqls: 0, touchedWithin: 0, touchMeasured: 0, untouched: 0, touchBeforeMql: 0, decidedWithin: 0, decisionMeasured: 0, rejected: 0, rejectedWithReason: 0, unreachable: 0, unreachableCompliant: 0, accepted: 0, sqls: 0, opportunities: 0, sqlMeasured: 0, sqlWithin: 0, sqlUnanswered: 0, sqlNotYetDue: 0, openOpportunities: 0, openUpdatedWithin: 0, won: 0, lost: 0, winMedianDays: null, winP90Days: null, complete: 0, exportLastDate: '' };
  const sqlAcceptDays = options.sqlAcceptDays ?? 2;
  const updateDays = options.opportunityUpdateDays ?? 7;
  const requiredFields = options.requiredFields ?? requiredFieldColumns;
  // The export is pulled three weeks after the period: nothing later is recorded.
  const exportAt = to + 21 * 86_400_000;
  let lastInstant = Number.NEGATIVE_INFINITY;
  const openLastUpdates: number[] = [];
  const unansweredSince: number[] = [];
  const winDays: number[] = [];
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  // Formats vary by row, as when exports from two systems are merged.
  const pad = (value: number) => String(value).padStart(2, '0');
  const format = (instant: number, style: number) => {
    const local = new Date(instant + zone.offsetAt(instant));
    const [y, mo, d, h, mi] = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()];
    if (style === 0) return new Date(instant).toISOString();
    if (style === 1) return `${pad(mo)}/${pad(d)}/${y} ${((h + 11) % 12) + 1}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
    return `${pad(d)}.${pad(mo)}.${y} ${pad(h)}:${pad(mi)}`;
  };
  const columnOrder = ['id', 'createdAt', 'mqlAt', 'owner', 'firstTouchAt', 'attempts', 'acceptedAt', 'rejectedAt', 'rejectionReason', 'sqlAt', 'sqlAcceptedAt', 'sqlReturnedAt', 'opportunityAt', 'opportunityUpdatedAt', 'outcome', 'closedAt', 'amount'] as const satisfies readonly HistoryField[];
  write(`${[...columnOrder.map((field) => historyColumns[field]), ...requiredFields.map(quote)].join(',')}\r\n`);
  for (let index = 0; index < options.leads; index += 1) {
    const style = index % 3;
    const cell = (instant: number | null) => {
      if (instant === null) return '';
      if (instant > lastInstant) lastInstant = instant;
      return format(instant, style);
    };
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
    let sqlAcceptedAt: number | null = null;
    let sqlReturnedAt: number | null = null;
    let updatedAt: number | null = null;
    let closedAt: number | null = null;
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
      const sqlCandidate = next() < 0.5 ? calendar.addBusinessMs(acceptedAt, (1 + Math.floor(next() * 5)) * workingDayMs) : null;
      if (sqlCandidate !== null && sqlCandidate <= exportAt) {
        sqlAt = sqlCandidate;
        truth.sqls += 1;
        // Field sales answers (accepts or returns) in time, late, or not at all.
        const answer = next();
        const inTime = next() < 0.8;
        const answerAt = answer < 0.1 ? null : calendar.addBusinessMs(sqlAt, inTime ? (1 + Math.floor(next() * (sqlAcceptDays * workingDayMs / 60_000 - 2))) * 60_000 : sqlAcceptDays * workingDayMs + (1 + Math.floor(next() * 3 * workingDayMs / 60_000)) * 60_000);
        if (answerAt === null || answerAt > exportAt) unansweredSince.push(sqlAt);
        else {
          truth.sqlMeasured += 1;
          if (inTime) truth.sqlWithin += 1;
          if (answer < 0.75) sqlAcceptedAt = answerAt;
          else sqlReturnedAt = answerAt;
        }
        const opportunityCandidate = sqlReturnedAt === null && next() < 0.6 ? calendar.addBusinessMs(sqlAt, (1 + Math.floor(next() * 5)) * workingDayMs) : null;
        if (opportunityCandidate !== null && opportunityCandidate <= exportAt) {
          opportunityAt = opportunityCandidate;
          truth.opportunities += 1;
          const closesAt = next() < 0.7 ? opportunityAt + (5 + Math.floor(next() * 40)) * 86_400_000 + Math.floor(next() * 600) * 60_000 : null;
          if (closesAt !== null && closesAt <= exportAt) {
            outcome = next() < 0.3 ? 'Won' : 'Lost';
            closedAt = closesAt;
            updatedAt = closesAt;
            amount = outcome === 'Won' ? String(5000 + Math.floor(next() * 95) * 1000) : '';
            if (outcome === 'Won') {
              truth.won += 1;
              winDays.push((closesAt - mqlAt) / 86_400_000);
            } else truth.lost += 1;
          } else {
            // Open at the export: updated recently, long ago, or only created (no update recorded).
            const kind = next();
            const span = exportAt - opportunityAt;
            if (kind < 0.15) updatedAt = null;
            else if (kind < 0.75) updatedAt = exportAt - Math.floor(next() * Math.min(span, updateDays * 86_400_000) / 60_000) * 60_000;
            else updatedAt = opportunityAt + Math.floor(next() * span / 60_000) * 60_000;
            openLastUpdates.push(updatedAt ?? opportunityAt);
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
    // Required fields: each left empty now and then, as forms and enrichment do.
    let required = '';
    let complete = true;
    for (const field of requiredFields) {
      const values = requiredSamples[field] ?? ['x'];
      const filled = next() >= 0.012;
      if (!filled) complete = false;
      required += `,${filled ? quote(values[index % values.length]!) : ''}`;
    }
    if (complete) truth.complete += 1;
    write(`L${String(index + 1).padStart(7, '0')},${cell(createdAt)},${cell(mqlAt)},${owner},${cell(firstTouchAt)},${attempts ?? ''},${cell(acceptedAt)},${cell(rejectedAt)},${reason},${cell(sqlAt)},${cell(sqlAcceptedAt)},${cell(sqlReturnedAt)},${cell(opportunityAt)},${cell(updatedAt)},${outcome},${cell(closedAt)},${amount}${required}\r\n`);
  }
  // An unanswered SQL is late once its business days have passed by the export's last date; younger ones are still open.
  for (const since of unansweredSince) {
    if (calendar.businessMs(since, lastInstant) > sqlAcceptDays * workingDayMs) truth.sqlUnanswered += 1;
    else truth.sqlNotYetDue += 1;
  }
  // Open opportunities are judged at the export's last recorded date, as the review does.
  truth.openOpportunities = openLastUpdates.length;
  truth.openUpdatedWithin = openLastUpdates.filter((updated) => lastInstant - updated <= updateDays * 86_400_000).length;
  winDays.sort((a, b) => a - b);
  truth.winMedianDays = sortedQuantile(winDays, 0.5);
  truth.winP90Days = sortedQuantile(winDays, 0.9);
  truth.exportLastDate = new Date(lastInstant + zone.offsetAt(lastInstant)).toISOString().slice(0, 10);
  return truth;
}
