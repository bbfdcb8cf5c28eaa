import { timeZoneOf, type WorkingCalendar } from '../calendar/business-time';
import type { TextReading } from '../csv/decode';
import type { CsvStreamParser } from '../csv/csv';
import { InputError, readCsvStream } from '../csv/stream';
import type { Agreement } from '../../model/agreement';
import { historyFieldKinds, historyFields, type HistoryField, type ReviewMapping } from './mapping';
import { checkedRequiredFields, ReviewAggregator, type LeadHistory, type ReviewResult } from './review';
import { historyColumns, requiredFieldColumns } from './sample-histories';
import { SeenIds } from './seen-ids';
import { newMonthStarts, newSlashEvidence, noteSlashDate, quickTimestamp, slashOrderOf, timestampReader } from './timestamps';

export { historyFieldDescriptions, historyFieldLabels, historyFields, parseReviewMapping, ReviewMappingSchema, type HistoryField, type ReviewMapping } from './mapping';

/** The mapping for exports written by the sample generator (its columns, and a column per required field of the templates' MQL handoff). */
export const sampleReviewMapping: ReviewMapping = {
  version: 1,
  columns: Object.fromEntries(historyFields.map((field) => [field, historyColumns[field]])),
  won: ['Won', 'Closed Won'],
  lost: ['Lost', 'Closed Lost'],
  requiredFields: Object.fromEntries(requiredFieldColumns.map((field) => [field, field])),
};

/** The agreement's calendar, or a clear error: business hours need one. */
export function calendarOf(agreement: Agreement): WorkingCalendar {
  if (!agreement.calendar) throw new InputError('The agreement has no working calendar: add one in part 8 (Handoff and SLA) so business hours can be measured.');
  return agreement.calendar;
}

/**
 * Parses, maps and measures a lead-history export for one period in one
 * streaming pass. A timestamp that cannot be read is a data problem naming
 * the row (line) and column; the lead is still counted with that field empty.
 * Slashed dates are read in the order the mapping says; when it says none and
 * the export turns out to write the day first, `again` gives the same export
 * once more and it is read day first (refused without it).
 */
export async function runReview(run: { agreement: Agreement; mapping: ReviewMapping; chunks: AsyncIterable<string>; from: string; to: string; fileName?: string; onProgress?: (rows: number) => void; signal?: { aborted: boolean }; reading?: TextReading; again?: () => { chunks: AsyncIterable<string>; reading?: TextReading } }): Promise<ReviewResult & { unreadable: { line: number; column: string; message: string }[]; unreadableCount: number }> {
  const fileName = run.fileName ?? 'The export';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(run.from) || !/^\d{4}-\d{2}-\d{2}$/.test(run.to) || run.to < run.from) throw new InputError(`Choose a review period: from and to as dates (YYYY-MM-DD), with to not before from (got ${run.from} – ${run.to}).`);
  if (!run.mapping.columns.mqlAt) throw new InputError('Map the MQL date column: every commitment is measured from it.');
  const calendar = calendarOf(run.agreement);
  // A required field the agreement does not name (a typo such as "Compnay") would be silently unchecked: refuse it.
  const knownRequired = [...new Set(run.agreement.handoffs.flatMap((handoff) => handoff.requiredFields.map((field) => field.trim()).filter(Boolean)))];
  const unknownRequired = Object.keys(run.mapping.requiredFields ?? {}).filter((field) => !knownRequired.includes(field.trim()));
  if (unknownRequired.length > 0) throw new InputError(`The mapping's requiredFields name ${unknownRequired.map((field) => `“${field}”`).join(', ')}, not a required field of the agreement's handoffs; the known fields are: ${knownRequired.join(', ') || '(none)'}.`);
  const noWon = run.mapping.won.length === 0;
  const noLost = run.mapping.lost.length === 0;
  const mapped = historyFields.filter((field) => Boolean(run.mapping.columns[field]));
  // Only the required fields a data-completeness commitment checks are read, each from its mapped column.
  const requiredFields = checkedRequiredFields(run.agreement).filter((field) => Boolean(run.mapping.requiredFields?.[field]));
  const zone = timeZoneOf(calendar.timeZone);
  // Slashed dates: as the mapping says, else read month first while the whole export is watched for the order (see the end).
  const slashOrder = run.mapping.slashDates ?? 'month-first';
  const slashEvidence = newSlashEvidence();
  // This run's month-start cache, shared by its two readers (the engine keeps no state between runs).
  const months = newMonthStarts();
  const readTime = timestampReader(calendar.timeZone, slashOrder, months);
  const readQuick = quickTimestamp(calendar.timeZone, slashOrder, months);
  const aggregator = new ReviewAggregator(run.agreement, { from: run.from, to: run.to }, calendar, (date) => zone.instantOf(Date.parse(`${date}T00:00:00Z`)), { mapped, requiredFieldsMapped: requiredFields, outcomeValuesMissing: noWon ? 'won' : noLost ? 'lost' : null });
  // Outcome values that are neither won nor lost: counted per value (a few distinct ones), reported as data problems.
  const otherOutcomes = new Map<string, { text: string; count: number }>();
  const won = new Set(run.mapping.won.map((value) => value.trim().toLowerCase()));
  const lost = new Set(run.mapping.lost.map((value) => value.trim().toLowerCase()));
  let indexes: Partial<Record<HistoryField, number>> | null = null;
  let requiredIndexes: number[] = [];
  const complete: readonly string[] = Object.freeze([]);
  let header: string[] | null = null;
  let expected = 0;
  let rows = 0;
  let ragged = 0;
  const unreadable: { line: number; column: string; message: string }[] = [];
  let unreadableCount = 0;
  // The row being read; the readers below are made once (not per row) and read it.
  let current: string[] = [];
  // The lead handed to the aggregator, refilled for every row (see onRow).
  const row: LeadHistory = { id: '', createdAt: null, mqlAt: null, owner: null, firstTouchAt: null, attempts: null, acceptedAt: null, rejectedAt: null, rejectionReason: null, sqlAt: null, sqlAcceptedAt: null, sqlReturnedAt: null, opportunityAt: null, opportunityUpdatedAt: null, outcome: null, closedAt: null, amount: null, missingRequired: null };
  let currentLine = 0;
  // Rows that repeat a lead id already read: not counted again (see SeenIds), listed with a few examples.
  const seenIds = new SeenIds();
  let repeated = 0;
  const repeatedExamples: string[] = [];
  // Date columns are read in place in the parser's text (see keepColumns below): where each cell is, when it is.
  let rowText = '';
  let cellStart = new Int32Array(0);
  let cellEnd = new Int32Array(0);
  const cell = (index: number | undefined) => {
    if (index === undefined) return '';
    const text = current[index]!;
    // Trim only when there is something to trim (most cells have none).
    return text === '' || (text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) ? text : text.trim();
  };
  const time = (index: number | undefined): number | null => {
    if (index === undefined) return null;
    let raw: string;
    const start = index < cellStart.length ? cellStart[index]! : -1;
    // Untrimmed first: exports rarely pad dates, and trimming millions of cells costs.
    if (start >= 0) {
      const end = cellEnd[index]!;
      if (start === end) return null;
      noteSlashDate(rowText, slashEvidence, start, end);
      const quick = readQuick(rowText, start, end);
      if (quick === quick) return quick;
      raw = rowText.slice(start, end);
    } else {
      raw = current[index]!;
      if (raw === '') return null;
      noteSlashDate(raw, slashEvidence);
      const quick = readQuick(raw);
      if (quick === quick) return quick;
    }
    const value = raw.trim();
    if (value === '') return null;
    const parsed = readTime(value);
    if (parsed.ok) return parsed.instant;
    unreadableCount += 1;
    if (unreadable.length < 200) unreadable.push({ line: currentLine, column: header![index]!, message: parsed.message });
    return null;
  };
  const otherOutcome = (folded: string, text: string): null => {
    const entry = otherOutcomes.get(folded);
    if (entry) entry.count += 1;
    else if (otherOutcomes.size < 50) otherOutcomes.set(folded, { text, count: 1 });
    return null;
  };
  const onRow = (fields: string[], line: number, parser: CsvStreamParser) => {
    if (!indexes) {
      header = fields.map((name) => name.trim());
      expected = header.length;
      indexes = {};
      for (const field of historyFields) {
        const column = run.mapping.columns[field];
        if (!column) continue;
        const index = header!.indexOf(column.trim());
        if (index < 0) throw new InputError(`The column “${column}” (for ${field}) is not in ${fileName}.`);
        indexes[field] = index;
      }
      requiredIndexes = requiredFields.map((field) => {
        const column = run.mapping.requiredFields![field]!;
        const index = header!.indexOf(column.trim());
        if (index < 0) throw new InputError(`The column “${column}” (for the required field ${field}) is not in ${fileName}.`);
        return index;
      });
      // Only the columns the review reads are sliced (a lead export carries names, e-mails, notes nobody measures), and
      // date columns not even those: their characters are read in place (a slice's characters cost twice as much to read).
      // Required fields are only checked for a value: in place too.
      const textIndexes = historyFields.filter((field) => historyFieldKinds[field] !== 'date').map((field) => indexes![field]).filter((index): index is number => index !== undefined);
      const inPlace = [...historyFields.filter((field) => historyFieldKinds[field] === 'date').map((field) => indexes![field]), ...requiredIndexes].filter((index): index is number => index !== undefined && !textIndexes.includes(index));
      parser.keepColumns(textIndexes, inPlace);
      cellStart = parser.cellStart;
      cellEnd = parser.cellEnd;
      return;
    }
    if (fields.length === 1 && fields[0] === '') return;
    rows += 1;
    if (fields.length !== expected) {
      ragged += 1;
      return;
    }
    const at = indexes;
    current = fields;
    rowText = parser.rowText;
    const id = cell(at.id);
    if (id !== '' && seenIds.add(id)) {
      repeated += 1;
      // A fresh copy: the cell is a slice that would keep its whole chunk of the file alive.
      if (repeatedExamples.length < 20) repeatedExamples.push(`line ${line}: ${[...id].join('')}`);
      return;
    }
    currentLine = line;
    const attempts = cell(at.attempts);
    const outcome = cell(at.outcome).toLowerCase();
    const amount = cell(at.amount);
    // The required fields left empty; the shared empty list when all are there (no array per complete lead).
    let missingRequired: readonly string[] | null = requiredIndexes.length === 0 ? null : complete;
    for (let index = 0; index < requiredIndexes.length; index += 1) {
      const column = requiredIndexes[index]!;
      // Filled unless empty or only spaces; trimming only when the first character is a space. Read in place when it is.
      const start = column < cellStart.length ? cellStart[column]! : -1;
      if (start >= 0) {
        const end = cellEnd[column]!;
        if (end > start && (rowText.charCodeAt(start) > 32 || rowText.slice(start, end).trim() !== '')) continue;
      } else {
        const value = current[column]!;
        if (value !== '' && (value.charCodeAt(0) > 32 || value.trim() !== '')) continue;
      }
      if (missingRequired === complete) missingRequired = [];
      (missingRequired as string[]).push(requiredFields[index]!);
    }
    // One object for every row, refilled in place: the aggregator keeps values, never the lead, and a
    // million short-lived 18-field objects are collector work. The field order stays the same, so one shape.
    const lead = row;
    lead.id = id || `line ${line}`;
    lead.createdAt = time(at.createdAt);
    lead.mqlAt = time(at.mqlAt);
    lead.owner = cell(at.owner) || null;
    lead.firstTouchAt = time(at.firstTouchAt);
    lead.attempts = attempts === '' || !Number.isFinite(Number(attempts)) ? null : Number(attempts);
    lead.acceptedAt = time(at.acceptedAt);
    lead.rejectedAt = time(at.rejectedAt);
    lead.rejectionReason = cell(at.rejectionReason) || null;
    lead.sqlAt = time(at.sqlAt);
    lead.sqlAcceptedAt = time(at.sqlAcceptedAt);
    lead.sqlReturnedAt = time(at.sqlReturnedAt);
    lead.opportunityAt = time(at.opportunityAt);
    lead.opportunityUpdatedAt = time(at.opportunityUpdatedAt);
    lead.outcome = outcome === '' ? null : won.has(outcome) ? 'won' : lost.has(outcome) ? 'lost' : otherOutcome(outcome, cell(at.outcome));
    lead.closedAt = time(at.closedAt);
    lead.amount = amount === '' || !Number.isFinite(Number(amount)) ? null : Number(amount);
    lead.missingRequired = missingRequired;
    aggregator.add(lead);
  };
  const report = await readCsvStream(run.chunks, { fileName, signal: run.signal, what: 'review' }, onRow, () => run.onProgress?.(rows));
  if (rows === 0) throw new InputError(`${fileName} has a header but no rows.`);
  if (!run.mapping.slashDates) {
    // A slashed date reads two ways; the export decides: a 13 or more before the first slash is a day, after it a month's day.
    const order = slashOrderOf(slashEvidence);
    const example = (text: string | null) => (text ? `“${text}”` : '');
    if (order === 'both') throw new InputError(`${fileName} writes dates both ways: ${example(slashEvidence.dayFirstExample)} can only be day first, ${example(slashEvidence.monthFirstExample)} only month first. Correct the export, or say "slashDates": "day-first" or "month-first" in the mapping.`);
    if (order === 'day-first') {
      // Everything read so far used the other order: read the export again, day first.
      if (!run.again) throw new InputError(`${fileName} writes dates day first (e.g. ${example(slashEvidence.dayFirstExample)}): say "slashDates": "day-first" in the mapping.`);
      const next = run.again();
      return runReview({ ...run, chunks: next.chunks, reading: next.reading, again: undefined, mapping: { ...run.mapping, slashDates: 'day-first' } });
    }
  }
  const result = aggregator.result();
  // How the file was read is a data problem only where text was lost or kept as it stood; a clean switch to Windows-1252 is not.
  for (const problem of report.problems) result.problems.unshift({ problem: `Rows read with a problem, kept as they stand: ${problem.message}`, count: problem.count, examples: [`line ${problem.firstLine}`] });
  if (run.reading && run.reading.replacementCharacters > 0) result.problems.unshift({ problem: 'Characters that could not be read (shown as “�”; values with them match nothing)', count: run.reading.replacementCharacters, examples: [] });
  const outcomeColumn = run.mapping.columns.outcome ?? 'Outcome';
  const others = [...otherOutcomes.values()].sort((x, y) => y.count - x.count);
  for (const { text, count } of others) result.problems.unshift({ problem: `Outcome value “${text}” in ${outcomeColumn} is neither won nor lost (list it under won or lost in the mapping)`, count, examples: [] });
  // A win rate over only the outcomes the mapping knows would leave the unknown ones out of the closed deals: no figure.
  if (others.length > 0) {
    const why = `${others.map(({ text, count }) => `${count.toLocaleString('en-US')} ${count === 1 ? 'value' : 'values'} “${text}”`).join(', ')} in ${outcomeColumn} ${others.length === 1 && others[0]!.count === 1 ? 'is' : 'are'} neither won nor lost`;
    result.conversion = result.conversion.map((step) => (step.step === 'Opportunity → won' && step.noData === null ? { ...step, actual: null, state: 'no-data', noData: why } : step));
  }
  if (!run.mapping.slashDates && slashOrderOf(slashEvidence) === 'unknown') result.problems.unshift({ problem: `Dates such as 03/04/2026 that read both ways (no day after the 12th shows the order): read month first (US); say "slashDates": "day-first" in the mapping if the export writes the day first`, count: slashEvidence.seen, examples: [] });
  if (repeated > 0) result.problems.unshift({ problem: `Rows that repeat a lead id already read: not counted again (the review reads one row per lead; an activity export lists a lead once per activity, so export the leads, not their activities)`, count: repeated, examples: repeatedExamples });
  if (ragged > 0) result.problems.unshift({ problem: 'Rows with a different number of fields than the header (not used)', count: ragged, examples: [] });
  if (unreadableCount > 0) result.problems.unshift({ problem: 'Timestamps that could not be read (left empty)', count: unreadableCount, examples: unreadable.slice(0, 20).map((entry) => `line ${entry.line}, ${entry.column}: ${entry.message}`) });
  return { ...result, unreadable, unreadableCount };
}

/** Reads the rows of the given lead ids from an export (the leads behind a miss are read from the file, never stored). */
export async function collectLeadRows(chunks: AsyncIterable<string>, idColumn: string, ids: readonly string[], limit = 500): Promise<{ header: string[]; rows: string[][] }> {
  const wanted = new Set(ids);
  let header: string[] | null = null;
  let idIndex = -1;
  const rows: string[][] = [];
  await readCsvStream(chunks, { fileName: 'The export', what: 'search' }, (fields) => {
    if (!header) {
      header = fields.map((name) => name.trim());
      idIndex = header.indexOf(idColumn.trim());
      return;
    }
    if (rows.length < limit && idIndex >= 0 && wanted.has((fields[idIndex] ?? '').trim())) rows.push([...fields]);
  });
  return { header: header ?? [], rows };
}

/** Suggests which column holds each history field, from usual CRM column names. */
export function suggestReviewMapping(header: readonly string[], agreement?: Agreement): ReviewMapping {
  const names: Record<HistoryField, string[]> = {
    id: ['lead id', 'id', 'record id', 'lead number'],
    createdAt: ['created', 'created date', 'create date', 'created at'],
    mqlAt: ['mql date', 'mql', 'became mql', 'marketing qualified date'],
    owner: ['owner', 'lead owner', 'sdr', 'assigned to'],
    firstTouchAt: ['first touch', 'first activity', 'first contact', 'first call'],
    attempts: ['attempts', 'call attempts', 'activities', 'touches'],
    acceptedAt: ['accepted date', 'accepted', 'sal date'],
    rejectedAt: ['rejected date', 'rejected', 'disqualified date'],
    rejectionReason: ['rejection reason', 'reason', 'disqualification reason', 'lost reason'],
    sqlAt: ['sql date', 'sql', 'sales qualified date'],
    sqlAcceptedAt: ['sql accepted', 'sql accepted date', 'sql accepted at'],
    sqlReturnedAt: ['sql returned', 'sql returned date', 'sql rejected', 'returned to sdr'],
    opportunityAt: ['opportunity date', 'opportunity created', 'opp date'],
    opportunityUpdatedAt: ['last updated', 'opportunity last updated', 'last modified', 'last modified date', 'last activity'],
    outcome: ['outcome', 'stage', 'deal stage', 'status', 'won lost'],
    closedAt: ['closed date', 'close date', 'won date', 'closed', 'date won'],
    amount: ['amount', 'value', 'deal value', 'close value'],
  };
  const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const columns: Partial<Record<HistoryField, string>> = {};
  const used = new Set<string>();
  for (const field of historyFields) {
    const match = names[field].map((name) => header.find((column) => !used.has(column) && fold(column) === name)).find(Boolean) ?? names[field].map((name) => header.find((column) => !used.has(column) && fold(column).includes(name))).find(Boolean);
    if (match) {
      columns[field] = match;
      used.add(match);
    }
  }
  // A required field of the handoff is suggested from a column with the same name.
  const requiredFields: Record<string, string> = {};
  for (const field of agreement ? checkedRequiredFields(agreement) : []) {
    const match = header.find((column) => !used.has(column) && fold(column) === fold(field));
    if (match) requiredFields[field] = match;
  }
  return { version: 1, columns, won: ['Won', 'Closed Won'], lost: ['Lost', 'Closed Lost'], requiredFields };
}
