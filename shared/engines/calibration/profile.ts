/**
 * The whole-file profile of an export: every column's distinct values with
 * their counts (capped), and how its numbers are written. A first-rows sample
 * cannot tell a decimal comma ("2,5" may first appear on row 3,000) and lists
 * only a dozen values; this pass reads every row once, when the file is chosen
 * (in the worker), and again in `accord score` when the mapping does not say
 * a column's decimal separator. It keeps no row.
 */
import { detectDelimiter } from '../csv/csv';
import { readCsvStream } from '../csv/stream';
import { numberShape, type DecimalSeparator, type NumberShape } from '../scoring/numbers';
import type { ScoringModel } from '../scoring/scoring';
import type { AccountsTable, CalibrationMapping } from './mapping';

/** Distinct values listed per column; a column with more (ids, free text, timestamps) lists its most frequent ones. */
export const PROFILE_VALUE_LIMIT = 5000;

/** One column of the whole file. */
export interface ColumnStats {
  name: string;
  /** Cells that are not empty (after trimming). */
  filled: number;
  /** Distinct trimmed values, most frequent first, with their counts (up to PROFILE_VALUE_LIMIT). */
  values: { value: string; count: number }[];
  /** Cells whose value is not listed (first seen after the limit was reached). */
  unlistedCells: number;
  /** Non-empty cells by how they read as numbers (see `numberShape`). */
  shapes: Record<NumberShape, number>;
}

/** What the whole file shows. */
export interface ExportProfile {
  /** Data rows (the header excluded). */
  rows: number;
  /** The delimiter the file is read with. */
  delimiter: string;
  columns: ColumnStats[];
}

/** Why a column's decimal separator is what it is. */
export type DecimalBasis = 'column' | 'file' | 'delimiter' | 'either' | 'default';

/** A column's decimal separator and the evidence for it. */
export interface DecimalChoice {
  decimal: DecimalSeparator;
  basis: DecimalBasis;
  /** Cells that read only with ".", only with ",", and either way but differently ("1,234"). */
  evidence: { dot: number; comma: number; ambiguous: number };
}

/** How each basis reads in the preview and the CLI. */
export const decimalBasisLabels: Record<DecimalBasis, string> = {
  column: 'from the column’s values',
  file: 'from the file’s other columns (this one reads either way)',
  delimiter: 'from the “;” delimiter (the values read either way)',
  either: 'whole numbers: either reads the same',
  default: 'could not tell from the file: check it',
};

const emptyShapes = (): Record<NumberShape, number> => ({ plain: 0, dot: 0, comma: 0, ambiguous: 0, text: 0 });

/** Collects the profile row by row (for a stream, or rows already in memory). */
export class ExportProfiler {
  private rows = 0;
  private readonly columns: { seen: Map<string, { count: number; shape: NumberShape }>; filled: number; unlisted: number; shapes: Record<NumberShape, number> }[];

  constructor(private readonly header: readonly string[]) {
    this.columns = header.map(() => ({ seen: new Map(), filled: 0, unlisted: 0, shapes: emptyShapes() }));
  }

  /** Counts one data row. */
  add(fields: readonly string[]): void {
    this.rows += 1;
    const count = Math.min(fields.length, this.columns.length);
    for (let index = 0; index < count; index += 1) {
      const raw = fields[index]!;
      if (raw === '') continue;
      const column = this.columns[index]!;
      const entry = column.seen.get(raw);
      if (entry) {
        entry.count += 1;
        column.shapes[entry.shape] += 1;
        column.filled += 1;
        continue;
      }
      const value = raw.trim();
      if (value === '') continue;
      const shape = numberShape(value);
      column.filled += 1;
      column.shapes[shape] += 1;
      if (column.seen.size < PROFILE_VALUE_LIMIT) column.seen.set(raw, { count: 1, shape });
      else column.unlisted += 1;
    }
  }

  /** The profile so far. */
  result(delimiter: string): ExportProfile {
    return {
      rows: this.rows,
      delimiter,
      columns: this.header.map((name, index) => {
        const column = this.columns[index]!;
        // Raw texts differing only by surrounding spaces are one value.
        const values = new Map<string, number>();
        for (const [raw, entry] of column.seen) {
          const value = raw.trim();
          values.set(value, (values.get(value) ?? 0) + entry.count);
        }
        return {
          name: name.trim(),
          filled: column.filled,
          values: [...values.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count })),
          unlistedCells: column.unlisted,
          shapes: { ...column.shapes },
        };
      }),
    };
  }
}

/**
 * Profiles a whole export in one streaming pass (the same CSV reading as the
 * calibration run). Throws InputError on a file that cannot be read.
 */
export async function profileExport(chunks: AsyncIterable<string>, options: { fileName?: string; signal?: { aborted: boolean }; onProgress?: () => void } = {}): Promise<ExportProfile> {
  let profiler: ExportProfiler | null = null;
  let delimiter = ',';
  let first = true;
  async function* watched() {
    for await (const chunk of chunks) {
      // The reader picks the delimiter from its first non-empty chunk; so does this.
      if (first && chunk.trim() !== '') {
        first = false;
        delimiter = detectDelimiter(chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
      }
      yield chunk;
    }
  }
  await readCsvStream(
    watched(),
    { fileName: options.fileName ?? 'The export', signal: options.signal, what: 'reading of the file' },
    (fields) => {
      if (!profiler) profiler = new ExportProfiler(fields.map((name) => name.trim()));
      else if (!(fields.length === 1 && fields[0] === '')) profiler.add(fields);
    },
    options.onProgress,
  );
  return (profiler ?? new ExportProfiler([])).result(delimiter);
}

/**
 * A column's decimal separator, from all its values: the separator that more
 * of its values can only be read with. When its values read either way
 * ("1,234", or only whole numbers), the file's other columns decide, then a
 * ";" delimiter (the habit of comma-decimal locales), else ".".
 */
export function decideDecimal(shapes: Record<NumberShape, number>, file: { dot: number; comma: number } = { dot: 0, comma: 0 }, delimiter = ','): DecimalChoice {
  const evidence = { dot: shapes.dot, comma: shapes.comma, ambiguous: shapes.ambiguous };
  if (shapes.dot !== shapes.comma) return { decimal: shapes.dot > shapes.comma ? '.' : ',', basis: 'column', evidence };
  if (shapes.ambiguous === 0 && shapes.dot === 0) {
    // Only whole numbers (or none): every reading agrees; the file's habit is kept for the record.
    return { decimal: file.comma > file.dot ? ',' : '.', basis: 'either', evidence };
  }
  if (file.dot !== file.comma) return { decimal: file.dot > file.comma ? '.' : ',', basis: 'file', evidence };
  if (delimiter === ';') return { decimal: ',', basis: 'delimiter', evidence };
  return { decimal: '.', basis: 'default', evidence };
}

/** Every column's decimal separator, judged with the rest of the file. */
export function decideDecimals(profile: ExportProfile): Map<string, DecimalChoice> {
  const file = { dot: 0, comma: 0 };
  for (const column of profile.columns) {
    file.dot += column.shapes.dot;
    file.comma += column.shapes.comma;
  }
  return new Map(profile.columns.map((column) => [column.name, decideDecimal(column.shapes, file, profile.delimiter)]));
}

/** Share of a column's filled cells, blank-like values left out, that read as numbers with the given separator. */
export function numericShare(column: ColumnStats, decimal: DecimalSeparator, blankLike: ReadonlySet<string> = new Set()): number {
  let blanks = 0;
  for (const entry of column.values) if (blankLike.has(entry.value.toLowerCase())) blanks += entry.count;
  const filled = column.filled - blanks;
  if (filled <= 0) return 0;
  const numbers = column.shapes.plain + column.shapes.ambiguous + (decimal === '.' ? column.shapes.dot : column.shapes.comma);
  return Math.min(1, numbers / filled);
}

/** The columns a mapping reads as numbers: number attributes and signals counted from a number (not `equals`). */
export function numberColumns(model: Pick<ScoringModel, 'attributes' | 'signals'>, mapping: CalibrationMapping): string[] {
  const columns = new Set<string>();
  for (const attribute of model.attributes) {
    const entry = mapping.attributes[attribute.name];
    if (entry && attribute.kind === 'number') columns.add(entry.column.trim());
  }
  for (const signal of model.signals) {
    const entry = mapping.signals[signal.key];
    if (entry && !entry.equals) columns.add(entry.column.trim());
  }
  return [...columns];
}

/** The columns read as numbers whose decimal separator the mapping does not say. */
export function undecidedNumberColumns(model: Pick<ScoringModel, 'attributes' | 'signals'>, mapping: CalibrationMapping): string[] {
  return numberColumns(model, mapping).filter((column) => !mapping.numbers?.[column]);
}

/** Profiles the accounts file (already in memory) as `accounts.<column>` columns. */
export function profileAccounts(accounts: AccountsTable): ExportProfile {
  const profiler = new ExportProfiler(accounts.header.map((name) => `accounts.${name.trim()}`));
  for (const row of accounts.rows.values()) profiler.add(row);
  return profiler.result(',');
}

/**
 * The mapping with a decimal separator for every column it reads as numbers:
 * the person's choice where the mapping has one, else the one `decideDecimals`
 * finds in the whole file (the export's profile; the accounts table for
 * `accounts.` columns). A column neither knows stays as it is (read with ".").
 * The app and `accord score` both call this, so one file reads one way.
 */
export function resolveNumberFormats(model: Pick<ScoringModel, 'attributes' | 'signals'>, mapping: CalibrationMapping, profile: ExportProfile | null, accounts: AccountsTable | null = null): CalibrationMapping {
  const undecided = undecidedNumberColumns(model, mapping);
  if (undecided.length === 0) return mapping;
  const choices = new Map<string, DecimalChoice>([...(profile ? decideDecimals(profile) : []), ...(accounts && undecided.some((column) => column.startsWith('accounts.')) ? decideDecimals(profileAccounts(accounts)) : [])]);
  const numbers = { ...mapping.numbers };
  for (const column of undecided) {
    const choice = choices.get(column);
    if (choice) numbers[column] = { decimal: choice.decimal };
  }
  return { ...mapping, numbers };
}
