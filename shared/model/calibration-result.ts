import { criterionEffects } from './agreement';
import { decimalSeparators } from './decimal-separators';
import { z } from './zod';

/**
 * What a calibration run found, as one schema: the engine's result type is
 * derived from it (shared/engines/calibration/calibrate.ts), the database
 * stores it with the workshop, and the library file checks it when a backup
 * is written or read. One shape, so a field the engine adds cannot be
 * dropped or refused by a backup without the type check saying so. Rates are
 * fractions from 0 to 1. Holds no row.
 */

const count = z.number().check(z.nonnegative());
const rate = z.number();
const text = (max: number) => z.string().check(z.maxLength(max, { error: `Longer than ${max.toLocaleString('en-US')} characters.` }));
const dayText = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Not a date (YYYY-MM-DD).' }));

/** Conversion of a group of rows. */
export const TallySchema = z.strictObject({ count, positives: count });

/** Conversion of a group of rows. */
export type Tally = z.output<typeof TallySchema>;

/** One point of a threshold sweep: the MQLs at this threshold, their conversion (0–1) and the share of all successes they catch (0–1). */
export const SweepPointSchema = z.strictObject({ threshold: z.number(), mqls: count, conversion: rate, recall: rate });

/** One point of a threshold sweep. */
export type SweepPoint = z.output<typeof SweepPointSchema>;

/** A blank-like value found in a column ('' for an empty cell), whether this run read it as empty, with the conversion of the rows that have it. */
const BlankTallySchema = z.strictObject({ value: text(1000), treatedAsEmpty: z.boolean(), count, positives: count });

/** A blank-like value found in a column, with the conversion of the rows that have it. */
export type BlankTally = z.output<typeof BlankTallySchema>;

/**
 * A value the mapping names that no cell of its column had, as the mapping writes it, and what reads it: the attribute
 * it translates for (with the translation), or the signal it counts for.
 */
const UnusedMappingValueSchema = z.strictObject({
  value: text(1000),
  use: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('translation'), attribute: text(1000), to: text(1000) }), z.strictObject({ kind: z.literal('counted'), signal: text(1000) })]),
});

/** A value the mapping names that no cell of its column had. */
export type UnusedMappingValue = z.output<typeof UnusedMappingValueSchema>;

/**
 * What one column the mapping reads showed, over the scored rows: the decimal separator its numbers were read with
 * (null when not read as numbers), cells that are neither empty nor a number (read as unknown, counted rather than
 * silently), negative numbers where a count is read, a few of the cells that are not numbers as written, every
 * blank-like value found (most frequent first), and the mapping's values no cell had (usually a misspelling, which would
 * otherwise silently match nothing; results stored before it was checked lack it).
 */
const ColumnReportSchema = z.strictObject({
  column: text(1000),
  decimal: z.nullable(z.enum(decimalSeparators)),
  notNumbers: count,
  negative: count,
  examples: z.array(text(1000)).check(z.maxLength(20)),
  blanks: z.array(BlankTallySchema).check(z.maxLength(1000)),
  unusedValues: z.optional(z.array(UnusedMappingValueSchema).check(z.maxLength(1000))),
});

/** What one column the mapping reads showed, over the scored rows. */
export type ColumnReport = z.output<typeof ColumnReportSchema>;

/**
 * The figures of one run. `grades`: grade ("A1"…"D4") → leads with their conversions. `months`: leads and MQLs per
 * month (when a date column is mapped), oldest first. `planMqlsPerMonth`: the revenue plan's, to compare with. `rules`:
 * for every criterion, signal and fast-track, conversion where it fired and where it did not; `mapped` is false when no
 * column feeds it ("not mapped", not "too few leads"), `effect` is a criterion's, `notMatched` counts the leads known not
 * to match a criterion (for a must-have, the leads it knocks out); results stored before these lack them. `columns`:
 * per column the attributes and signals read. `sweep`: the fit threshold (other parts of the rule as agreed) and the
 * engagement threshold.
 */
const CalibrationFiguresSchema = z.strictObject({
  /** Data rows read (the header excluded). */
  rows: count,
  scored: count,
  skipped: z.strictObject({ total: count, reasons: z.array(z.strictObject({ reason: text(2000), count, firstLine: z.number() })).check(z.maxLength(10_000)) }),
  positives: count,
  baseRate: rate,
  mqls: count,
  truePositives: count,
  precision: rate,
  recall: rate,
  lift: rate,
  fastTracked: count,
  disqualified: count,
  knockedOut: count,
  grades: z.record(text(8), TallySchema),
  months: z.array(z.strictObject({ month: text(20), leads: count, mqls: count, positives: count })).check(z.maxLength(2400)),
  planMqlsPerMonth: z.nullable(z.number()),
  rules: z
    .array(
      z.strictObject({
        id: text(200),
        kind: z.enum(['icp', 'signal', 'fast-track']),
        label: text(2000),
        with: TallySchema,
        without: TallySchema,
        mapped: z.optional(z.boolean()),
        effect: z.optional(z.nullable(z.enum(criterionEffects))),
        notMatched: z.optional(count),
      }),
    )
    .check(z.maxLength(2000)),
  sweep: z.strictObject({ fit: z.array(SweepPointSchema).check(z.maxLength(1000)), engagement: z.array(SweepPointSchema).check(z.maxLength(1000)) }),
  asOf: text(40),
  columns: z.optional(z.array(ColumnReportSchema).check(z.maxLength(2000))),
});

/** The figures of one run, without what is said about the run (recency, how the export was read, the outcome file's match). */
export type CalibrationFigures = z.output<typeof CalibrationFiguresSchema>;

/**
 * Leads too recent to judge (see shared/engines/calibration/recency.ts): left out of the figures (with the figures
 * including them, the toggle), or why that could not be judged. `lastDate` is the export's last outcome date, from the
 * outcome file's date column or the latest lead date; leads dated after `cutoff` are younger than one sales cycle at it;
 * `undated` scored leads have no readable date, so their age is unknown and they stay in the figures.
 */
const RecencySchema = z.discriminatedUnion('judged', [
  z.strictObject({ judged: z.literal(false), reason: text(2000) }),
  z.strictObject({ judged: z.literal(true), cycleDays: count, lastDate: dayText, lastDateFrom: z.enum(['outcome-file', 'lead-dates']), cutoff: dayText, tooRecent: count, tooRecentPositives: count, undated: count, includingRecent: CalibrationFiguresSchema }),
]);

/** Leads too recent to judge, or why that could not be judged. */
export type RecencyFacts = z.output<typeof RecencySchema>;

/**
 * The encodings an export can be read in, as a stored result names them. The CSV reader's own list
 * (`csvEncodings`, shared/engines/csv/decode.ts) must equal it: shared/engines/calibration/calibrate.ts checks the two
 * types against each other, so an encoding added to the reader fails the type check until it is added here.
 */
export const storedCsvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;

/**
 * How the export was read (see shared/engines/csv/stream.ts): the encoding (null when the text came already decoded),
 * the line from which it was read as Windows-1252, characters that could not be read, rows read with a problem but kept.
 */
const ExportReadSchema = z.strictObject({
  encoding: z.nullable(z.enum(storedCsvEncodings)),
  switchedAtLine: z.nullable(count),
  replacementCharacters: count,
  problems: z.array(z.strictObject({ message: text(2000), count, firstLine: count })).check(z.maxLength(100)),
});

/** How the export was read, as a stored result holds it. */
export type StoredExportRead = z.output<typeof ExportReadSchema>;

/** How well the outcome file matched the export: its data rows, and those whose key is in no lead of the export (an empty key included). */
const OutcomeMatchSchema = z.strictObject({ fileName: text(1000), rows: count, unmatchedRows: count });

/** How well the outcome file matched the export. */
export type OutcomeMatch = z.output<typeof OutcomeMatchSchema>;

/**
 * What calibration found: the figures, and (each absent in results stored before it) the leads too recent to judge,
 * how the export was read, how the outcome file matched, and `rulesFingerprint`, the fingerprint of the agreement it was
 * computed with (set by the app when the run ends: another fingerprint means the rules changed since).
 */
export const CalibrationResultSchema = z.strictObject({
  ...CalibrationFiguresSchema.shape,
  recency: z.optional(RecencySchema),
  read: z.optional(ExportReadSchema),
  outcomeMatch: z.optional(OutcomeMatchSchema),
  rulesFingerprint: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

/** What calibration found; rates are fractions from 0 to 1. Holds no row. */
export type CalibrationResult = z.output<typeof CalibrationResultSchema>;
