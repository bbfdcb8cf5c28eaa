import type { Agreement } from '../../model/agreement';
import { compileScoring } from '../scoring/scoring';
import { CalibrationAggregator, dominantExclusion, unmappedRulesNote, unmatchedOutcome, unreadableNumbers, unusedMappingValues, type CalibrationResult, type Tally } from './calibrate';
import { ruleVerdictLabels, ruleVerdictOf } from './verdict';
import { looksBinary, parseCsvText } from '../csv/csv';
import type { TextReading } from '../csv/decode';
import { describeExportRead, exportReadOf, InputError, readCsvStream } from '../csv/stream';
import { checkMappingAgainst, compileRowMapper, MappingError, type AccountsTable, type CalibrationMapping } from './mapping';
import { profileExport, resolveNumberFormats, undecidedNumberColumns } from './profile';
import type { OutcomeTable } from './outcome-file';
import { recencyOf, recencyPlan, RecencySplit, recencyText, recencyVerdicts, shownFigures } from './recency';

/** Reads the accounts file (small: read whole) into a table keyed by its key column. */
export function readAccounts(text: string, keyColumn: string, fileName = 'the accounts file'): AccountsTable {
  if (text.trim() === '') throw new InputError(`${fileName} is empty.`);
  if (looksBinary(text)) throw new InputError(`${fileName} is not a text CSV file.`);
  const { rows } = parseCsvText(text);
  const header = (rows[0] ?? []).map((name) => name.trim());
  const key = header.indexOf(keyColumn.trim());
  if (key < 0) throw new MappingError(`The join column “${keyColumn}” is not in ${fileName} (its columns: ${header.join(', ')}).`);
  const table = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const value = row[key]?.trim();
    if (value) table.set(value, row);
  }
  return { header, rows: table };
}

/** Options of one calibration run. */
export interface CalibrationRun {
  agreement: Agreement;
  mapping: CalibrationMapping;
  /** The export's text, in chunks (decoded by the caller, who knows the encoding). */
  chunks: AsyncIterable<string>;
  accounts?: AccountsTable | null;
  /** The outcome file (see `readOutcomeFile`), when the mapping's outcome is in a second file. */
  outcomes?: OutcomeTable | null;
  /** The date decay is measured to (YYYY-MM-DD). */
  asOf: string;
  fileName?: string;
  /** Called after each chunk with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Stops the run between chunks (throws an AbortError-named error). */
  signal?: { aborted: boolean };
  /** How the caller decoded the export's bytes (see `decodeChunks`), to report with the result. */
  reading?: TextReading;
  /**
   * The same export's text again, read first (and only) when the mapping does not say the decimal separator of a column
   * it reads as numbers: the whole column decides (see `resolveNumberFormats`). Without it, such a column is read with ".".
   */
  detectNumbersFrom?: AsyncIterable<string>;
}

/** The rules no mapped column feeds: a criterion whose attribute, a signal, a fast-track whose signal has no column. Keys are `kind:id`. */
export function unmappedRules(agreement: Agreement, mapping: CalibrationMapping): Set<string> {
  const unmapped = new Set<string>();
  for (const criterion of agreement.icp) if (criterion.attribute.trim() !== '' && !mapping.attributes[criterion.attribute.trim()]) unmapped.add(`icp:${criterion.id}`);
  for (const signal of agreement.engagement.signals) if (signal.key.trim() !== '' && !mapping.signals[signal.key.trim()]) unmapped.add(`signal:${signal.key.trim()}`);
  for (const trigger of agreement.engagement.fastTracks) {
    const key = trigger.signalKey.trim();
    if (key !== '' && !mapping.signals[key] && !mapping.attributes[key]) unmapped.add(`fast-track:${trigger.id}`);
  }
  return unmapped;
}

/**
 * Parses, maps, scores and aggregates an export in one streaming pass.
 * Throws InputError or MappingError with a message that names the
 * file, row or column; never returns a half result.
 */
export async function runCalibration(run: CalibrationRun): Promise<CalibrationResult> {
  const fileName = run.fileName ?? 'The export';
  const model = compileScoring(run.agreement, { asOf: run.asOf });
  // Numbers as the export writes them: the columns the mapping does not decide are judged from the whole file first.
  const needsProfile = run.detectNumbersFrom && undecidedNumberColumns(model, run.mapping).some((column) => !column.startsWith('accounts.'));
  const profile = needsProfile ? await profileExport(run.detectNumbersFrom!, { fileName, signal: run.signal }) : null;
  const mapping = resolveNumberFormats(model, run.mapping, profile, run.accounts ?? null);
  // Leads younger than one sales cycle are counted apart (see RecencySplit); without a date column or cycle, it only passes rows on.
  const aggregator = new RecencySplit(() => new CalibrationAggregator(model, run.agreement, run.asOf), recencyPlan(run.agreement, mapping, run.outcomes ?? null));
  let mapper: ReturnType<typeof compileRowMapper> | null = null;
  let header: string[] | null = null;
  const report = await readCsvStream(
    run.chunks,
    { fileName, signal: run.signal, what: 'calibration' },
    (fields, line, parser) => {
      if (!mapper) {
        header = fields.map((name) => name.trim());
        // A key the agreement or the export does not have would be silently unused: refused before any row (app, worker and CLI alike).
        checkMappingAgainst(run.agreement, run.mapping, header, run.accounts?.header ?? null);
        mapper = compileRowMapper(model, mapping, header, run.accounts ?? null, run.outcomes ?? null);
        parser.keepColumns(mapper.columns);
        return;
      }
      const reason = mapper.map(fields);
      if (reason === null) aggregator.add(mapper.row);
      else if (reason !== 'empty line') aggregator.skip(reason, line);
    },
    () => run.onProgress?.(aggregator.rowCount),
  );
  if (!header || !mapper) throw new InputError(`${fileName} has no header row.`);
  const unmapped = unmappedRules(run.agreement, mapping);
  const aggregated = aggregator.result();
  const result: CalibrationResult = { ...aggregated, rules: aggregated.rules.map((rule) => ({ ...rule, mapped: !unmapped.has(`${rule.kind}:${rule.id}`) })), columns: (mapper as ReturnType<typeof compileRowMapper>).report(), read: exportReadOf(run.reading, report) };
  if (result.recency?.judged) {
    const including = result.recency.includingRecent;
    result.recency = { ...result.recency, includingRecent: { ...including, rules: including.rules.map((rule) => ({ ...rule, mapped: !unmapped.has(`${rule.kind}:${rule.id}`) })) } };
  }
  const stats = (mapper as ReturnType<typeof compileRowMapper>).stats;
  if (run.mapping.outcome.file && run.outcomes) result.outcomeMatch = outcomeMatchOf(run.outcomes, stats.matchedKeys);
  checkOutcome(run, result, stats.matched, fileName);
  if (result.rows === 0) throw new InputError(`${fileName} has a header but no rows.`);
  if (result.scored === 0) {
    const top = result.skipped.reasons[0];
    throw new InputError(`No row of ${fileName} could be used: ${top ? `${top.count.toLocaleString('en-US')} rows: ${top.reason} (first on line ${top.firstLine})` : 'every row was skipped'}. Check the outcome column “${run.mapping.outcome.column}” and its success values.`);
  }
  return result;
}

/** The outcome file's rows whose key no lead of the export has (rows with an empty key included). */
function outcomeMatchOf(table: OutcomeTable, matchedKeys: ReadonlySet<string>): NonNullable<CalibrationResult['outcomeMatch']> {
  let unmatchedRows = table.keylessRows;
  for (const [key, rows] of table.rowsByKey) if (!matchedKeys.has(key)) unmatchedRows += rows;
  return { fileName: table.fileName, rows: table.rows, unmatchedRows };
}

/**
 * Refuses an outcome that cannot tell converted leads from the others: an
 * outcome file none of whose keys is in the export, or an outcome with a
 * single value (every lead converted, or none). Either would print a base
 * rate of 100 % or 0 % and a lift that means nothing.
 */
function checkOutcome(run: CalibrationRun, result: CalibrationResult, matched: number, fileName: string): void {
  const outcome = run.mapping.outcome;
  const whole = result.recency?.judged ? result.recency.includingRecent : result;
  const n = (value: number) => value.toLocaleString('en-US');
  if (outcome.file && run.outcomes) {
    const table = run.outcomes;
    if (matched === 0) {
      throw new InputError(
        `No lead of ${fileName} is in ${table.fileName}: none of the ${n(whole.scored)} values of the export’s “${outcome.file.key}” column appears in its “${outcome.file.fileKey}” column (${n(table.outcomes.size)} ${table.outcomes.size === 1 ? 'key' : 'keys'}, e.g. ${table.examples.map((key) => `“${key}”`).join(', ')}). Check that both columns hold the same identifier.`,
      );
    }
    if (whole.scored > 0 && whole.positives === 0) throw new InputError(`${n(matched)} leads of ${fileName} are in ${table.fileName}, but none of them counts as converted (${outcome.column} is never ${outcome.success.join(' or ')}): check the values that mean success.`);
  }
  if (whole.scored === 0) return;
  if (whole.positives === 0) throw new InputError(`The outcome column “${outcome.column}” has no value meaning success (${outcome.success.join(', ')}) in ${fileName}: choose the values that mean a lead converted.`);
  if (whole.positives === whole.scored) {
    const hint = outcome.file
      ? `Every lead of ${fileName} is in the outcome file as converted: a file of closed deals should leave out the leads that did not convert, or say which of its values mean success.`
      : outcome.column.startsWith('accounts.')
        ? `The outcome is read from the joined accounts file, where only the leads it lists have a value: if that file lists the converted leads (closed deals), choose it as the outcome file instead, so that the leads not in it count as not converted.`
        : `Check the outcome column “${outcome.column}”: its values that mean failure may be missing, or treated as empty.`;
    throw new InputError(`Every one of the ${n(whole.scored)} leads scored counts as converted, so there is nothing to compare them with (a base rate of 100 % says nothing about the rules). ${hint}`);
  }
  if (result.scored === 0 && result.recency?.judged) {
    throw new InputError(`Every dated lead of ${fileName} is younger than the sales cycle (${result.recency.cycleDays} days) at the last outcome date ${result.recency.lastDate}: none has had the time to convert, so none can be judged.`);
  }
}

/** A conversion rate, or null when there are no leads to have one (no data, not 0 %). */
const conversionOf = (tally: Tally): number | null => (tally.count > 0 ? tally.positives / tally.count : null);

/**
 * The summary `accord score --json` prints; rates are fractions from 0 to 1,
 * and a rate over no leads is null. The same figures as the app's results
 * (per grade, per rule with the shared verdict, per month, the sweeps), read
 * from the same result object. With recency judged, the figures leave the
 * too-recent leads out unless `includeRecent`; `recency` says which.
 */
export function calibrationSummary(stored: CalibrationResult, options: { includeRecent?: boolean } = {}) {
  const includeRecent = options.includeRecent === true && stored.recency?.judged === true;
  const result = shownFigures(stored, includeRecent);
  const verdicts = recencyVerdicts(stored);
  return {
    rows: result.rows,
    /** Rules no column feeds, said before any figure (the headline figures are computed without them); null when every rule is mapped. */
    unmapped: unmappedRulesNote(result),
    /** With the outcome in a second file: its rows, those matching no lead, the sentence, and whether it is said first (most of the file); null otherwise. */
    outcomeMatch: stored.outcomeMatch ? { ...stored.outcomeMatch, text: unmatchedOutcome(stored)?.text ?? null, first: unmatchedOutcome(stored)?.first ?? false } : null,
    /** Values the mapping names that no cell had (a misspelt translation or counted value), as sentences, said before any figure. */
    unusedValues: unusedMappingValues(result),
    /** A rule that knocked out or disqualified most leads, said before any figure; null when none did. */
    knockout: dominantExclusion(result),
    /** Per column read as numbers: cells that are not numbers, as sentences. */
    notNumbers: unreadableNumbers(result),
    /** How the export was read: encoding, unreadable characters, rows read with a problem (sentences in `readNotes`). */
    read: result.read ?? null,
    readNotes: describeExportRead(result.read),
    /** Per mapped column: the decimal separator used, unreadable cells, blank-like values with their conversion. */
    columns: result.columns ?? [],
    skipped: result.skipped.total,
    skippedReasons: result.skipped.reasons,
    positives: result.positives,
    baseRate: result.baseRate,
    mqls: result.mqls,
    truePositives: result.truePositives,
    // No MQL: no MQL conversion and no lift (null, "no data"), not 0.
    precision: result.mqls > 0 ? result.precision : null,
    recall: result.recall,
    lift: result.mqls > 0 ? result.lift : null,
    grades: Object.fromEntries(Object.entries(result.grades).map(([grade, tally]) => [grade, tally.count])),
    conversionByGrade: Object.fromEntries(Object.entries(result.grades).map(([grade, tally]) => [grade, { leads: tally.count, converted: tally.positives, conversion: conversionOf(tally) }])),
    rules: result.rules.map((rule) => {
      const verdict = ruleVerdictOf(rule);
      // A rule no column feeds measured nothing: no conversion either way (the "without" side would be the base rate).
      const measured = verdict !== 'not-mapped';
      // Both ways when recency was judged: `changes` marks a verdict that depends on counting the too-recent leads.
      const recency = verdicts?.get(`${rule.kind}:${rule.id}`) ?? null;
      return { id: rule.id, kind: rule.kind, label: rule.label, leadsWith: rule.with.count, convertedWith: rule.with.positives, conversionWith: measured ? conversionOf(rule.with) : null, leadsWithout: rule.without.count, convertedWithout: rule.without.positives, conversionWithout: measured ? conversionOf(rule.without) : null, mapped: measured, verdict, verdictLabel: ruleVerdictLabels[verdict], recency };
    }),
    months: result.months.map((month) => ({ ...month, conversion: conversionOf({ count: month.leads, positives: month.positives }) })),
    planMqlsPerMonth: result.planMqlsPerMonth,
    // A threshold no lead passes has no conversion (null), not 0 %.
    sweep: { fit: result.sweep.fit.map((point) => ({ ...point, conversion: point.mqls > 0 ? point.conversion : null })), engagement: result.sweep.engagement.map((point) => ({ ...point, conversion: point.mqls > 0 ? point.conversion : null })) },
    recency: recencySummary(stored, includeRecent),
  };
}

/** Leads too recent to judge, for the summary: counts and dates, whether the figures include them, or why it was not judged. */
function recencySummary(result: CalibrationResult, included: boolean) {
  const recency = recencyOf(result);
  if (!recency.judged) return { judged: false as const, reason: recency.reason };
  const { includingRecent: _figures, ...facts } = recency;
  return { ...facts, included, text: recencyText(recency) };
}
