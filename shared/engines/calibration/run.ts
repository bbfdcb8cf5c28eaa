import type { Agreement } from '../../model/agreement';
import { compileScoring } from '../scoring/scoring';
import { CalibrationAggregator, type CalibrationResult, type Tally } from './calibrate';
import { ruleVerdict, ruleVerdictLabels } from './verdict';
import { looksBinary, parseCsvText } from '../csv/csv';
import { InputError, readCsvStream } from '../csv/stream';
import { compileRowMapper, MappingError, type AccountsTable, type CalibrationMapping } from './mapping';

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

/** The agreement's must-have attributes: a calibration without them would say nothing about them. */
export function mustHaveAttributes(agreement: Agreement): string[] {
  return [...new Set(agreement.icp.filter((criterion) => criterion.effect === 'must-have' && criterion.attribute.trim() !== '').map((criterion) => criterion.attribute.trim()))];
}

/** Options of one calibration run. */
export interface CalibrationRun {
  agreement: Agreement;
  mapping: CalibrationMapping;
  /** The export's text, in chunks (decoded by the caller, who knows the encoding). */
  chunks: AsyncIterable<string>;
  accounts?: AccountsTable | null;
  /** The date decay is measured to (YYYY-MM-DD). */
  asOf: string;
  fileName?: string;
  /** Called after each chunk with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Stops the run between chunks (throws an AbortError-named error). */
  signal?: { aborted: boolean };
}

/**
 * Parses, maps, scores and aggregates an export in one streaming pass.
 * Throws InputError or MappingError with a message that names the
 * file, row or column; never returns a half result.
 */
export async function runCalibration(run: CalibrationRun): Promise<CalibrationResult> {
  const fileName = run.fileName ?? 'The export';
  const model = compileScoring(run.agreement, { asOf: run.asOf });
  const aggregator = new CalibrationAggregator(model, run.agreement, run.asOf);
  let mapper: ReturnType<typeof compileRowMapper> | null = null;
  let header: string[] | null = null;
  await readCsvStream(
    run.chunks,
    { fileName, signal: run.signal, what: 'calibration' },
    (fields, line, parser) => {
      if (!mapper) {
        header = fields.map((name) => name.trim());
        mapper = compileRowMapper(model, run.mapping, header, run.accounts ?? null, mustHaveAttributes(run.agreement));
        parser.keepColumns(mapper.columns);
        return;
      }
      const reason = mapper.map(fields);
      if (reason === null) aggregator.add(mapper.row);
      else if (reason !== 'empty line') aggregator.skip(reason, line);
    },
    () => run.onProgress?.(aggregator.rowCount),
  );
  if (!header) throw new InputError(`${fileName} has no header row.`);
  const result = aggregator.result();
  if (result.rows === 0) throw new InputError(`${fileName} has a header but no rows.`);
  if (result.scored === 0) {
    const top = result.skipped.reasons[0];
    throw new InputError(`No row of ${fileName} could be used: ${top ? `${top.count.toLocaleString('en-US')} rows: ${top.reason} (first on line ${top.firstLine})` : 'every row was skipped'}. Check the outcome column “${run.mapping.outcome.column}” and its success values.`);
  }
  if (result.positives === 0) throw new InputError(`The outcome column “${run.mapping.outcome.column}” has no value meaning success (${run.mapping.outcome.success.join(', ')}) in ${fileName}: choose the values that mean a lead converted.`);
  return result;
}

/** A conversion rate, or null when there are no leads to have one (no data, not 0 %). */
const conversionOf = (tally: Tally): number | null => (tally.count > 0 ? tally.positives / tally.count : null);

/**
 * The summary `accord score --json` prints; rates are fractions from 0 to 1,
 * and a rate over no leads is null. The same figures as the app's results
 * (per grade, per rule with the shared verdict, per month, the sweeps), read
 * from the same result object.
 */
export function calibrationSummary(result: CalibrationResult) {
  return {
    rows: result.rows,
    skipped: result.skipped.total,
    skippedReasons: result.skipped.reasons,
    positives: result.positives,
    baseRate: result.baseRate,
    mqls: result.mqls,
    truePositives: result.truePositives,
    precision: result.precision,
    recall: result.recall,
    lift: result.lift,
    grades: Object.fromEntries(Object.entries(result.grades).map(([grade, tally]) => [grade, tally.count])),
    conversionByGrade: Object.fromEntries(Object.entries(result.grades).map(([grade, tally]) => [grade, { leads: tally.count, converted: tally.positives, conversion: conversionOf(tally) }])),
    rules: result.rules.map((rule) => {
      const verdict = ruleVerdict(rule.with, rule.without);
      return { id: rule.id, kind: rule.kind, label: rule.label, leadsWith: rule.with.count, convertedWith: rule.with.positives, conversionWith: conversionOf(rule.with), leadsWithout: rule.without.count, convertedWithout: rule.without.positives, conversionWithout: conversionOf(rule.without), verdict, verdictLabel: ruleVerdictLabels[verdict] };
    }),
    months: result.months.map((month) => ({ ...month, conversion: conversionOf({ count: month.leads, positives: month.positives }) })),
    planMqlsPerMonth: result.planMqlsPerMonth,
    // A threshold no lead passes has no conversion (null), not 0 %.
    sweep: { fit: result.sweep.fit.map((point) => ({ ...point, conversion: point.mqls > 0 ? point.conversion : null })), engagement: result.sweep.engagement.map((point) => ({ ...point, conversion: point.mqls > 0 ? point.conversion : null })) },
  };
}
