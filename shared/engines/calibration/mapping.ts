import { normalizeValue, type AttributeKind, type LeadValue, type ScoringModel } from '../scoring/scoring';

/**
 * How a CRM export's columns feed the agreement's rules. Stored with the
 * workshop (never the rows), shipped as JSON with the samples, read by
 * `accord score --mapping`.
 */
export interface CalibrationMapping {
  version: 1;
  /** Values that mean "not answered" in this export ("Select", "N/A", "-"); compared ignoring case. */
  emptyValues: string[];
  /** Attribute → column, with optional value translations (export value → the agreement's value). */
  attributes: Record<string, { column: string; values?: Record<string, string> }>;
  /** Signal key → a numeric column (the count), or a column whose listed values count as one occurrence. */
  signals: Record<string, { column: string; equals?: string[] }>;
  /** The date of the last activity, for decay. */
  lastActivity?: { column: string } | null;
  /** The outcome: which values mean success; with `failure`, rows with other values are skipped (deals still open). */
  outcome: { column: string; success: string[]; failure?: string[] };
  /** A date column for leads per month. */
  date?: { column: string } | null;
  /** Join a second file (accounts): this export's `key` column = the accounts file's `accountsKey` column. Its columns are named `accounts.<column>`. */
  accounts?: { key: string; accountsKey: string } | null;
  /** Decay is measured to this date (YYYY-MM-DD); by default the latest date in the date column is not known in advance, so the run's day. */
  asOf?: string;
}

/** The default "means empty" values. */
export const defaultEmptyValues = ['Select', 'N/A', 'NA', '-', '--', 'null', 'none', 'unknown', '(blank)'];

/** A mapping problem found before any row is read, naming the column or attribute. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/** Checks an untrusted mapping (a file, the database) and returns it typed, or throws MappingError with what is wrong. */
export function parseMapping(data: unknown): CalibrationMapping {
  const fail = (message: string): never => {
    throw new MappingError(`The mapping is not valid: ${message}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('expected a JSON object.');
  const raw = data as Record<string, unknown>;
  if (raw.version !== 1) fail(`unknown version ${JSON.stringify(raw.version)} (this Accord reads version 1).`);
  const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
  const isColumn = (value: unknown): value is { column: string } => typeof value === 'object' && value !== null && typeof (value as { column?: unknown }).column === 'string' && (value as { column: string }).column.trim() !== '';
  const emptyValues = raw.emptyValues === undefined ? defaultEmptyValues : isStringArray(raw.emptyValues) ? raw.emptyValues : fail('emptyValues must be a list of texts.');
  const attributes: CalibrationMapping['attributes'] = {};
  for (const [name, entry] of Object.entries((raw.attributes ?? {}) as Record<string, unknown>)) {
    if (!isColumn(entry)) fail(`attribute “${name}” needs a column.`);
    const values = (entry as { values?: unknown }).values;
    if (values !== undefined && (typeof values !== 'object' || values === null || Object.values(values).some((value) => typeof value !== 'string'))) fail(`the value translations of “${name}” must map texts to texts.`);
    attributes[name] = { column: (entry as { column: string }).column, ...(values ? { values: values as Record<string, string> } : {}) };
  }
  const signals: CalibrationMapping['signals'] = {};
  for (const [key, entry] of Object.entries((raw.signals ?? {}) as Record<string, unknown>)) {
    if (!isColumn(entry)) fail(`signal “${key}” needs a column.`);
    const equals = (entry as { equals?: unknown }).equals;
    if (equals !== undefined && !isStringArray(equals)) fail(`signal “${key}”: equals must be a list of texts.`);
    signals[key] = { column: (entry as { column: string }).column, ...(equals ? { equals: equals as string[] } : {}) };
  }
  const outcome = raw.outcome as Record<string, unknown> | undefined;
  if (!isColumn(outcome)) fail('choose the outcome column.');
  if (!isStringArray(outcome!.success) || outcome!.success.length === 0) fail('say which outcome values mean success.');
  if (outcome!.failure !== undefined && !isStringArray(outcome!.failure)) fail('outcome.failure must be a list of texts.');
  const optionalColumn = (value: unknown, name: string) => (value === undefined || value === null ? null : isColumn(value) ? { column: value.column } : fail(`${name} needs a column.`));
  const accounts = raw.accounts === undefined || raw.accounts === null ? null : typeof (raw.accounts as { key?: unknown }).key === 'string' && typeof (raw.accounts as { accountsKey?: unknown }).accountsKey === 'string' ? { key: (raw.accounts as { key: string }).key, accountsKey: (raw.accounts as { accountsKey: string }).accountsKey } : fail('accounts needs key and accountsKey.');
  if (raw.asOf !== undefined && (typeof raw.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.asOf))) fail('asOf must be a date (YYYY-MM-DD).');
  return {
    version: 1,
    emptyValues,
    attributes,
    signals,
    lastActivity: optionalColumn(raw.lastActivity, 'lastActivity'),
    outcome: { column: (outcome as { column: string }).column, success: outcome!.success as string[], ...(outcome!.failure ? { failure: outcome!.failure as string[] } : {}) },
    date: optionalColumn(raw.date, 'date'),
    accounts,
    ...(typeof raw.asOf === 'string' ? { asOf: raw.asOf } : {}),
  };
}

/** One row, mapped: what the engine reads, the outcome and the month. Reused from row to row. */
export interface MappedRow {
  values: LeadValue[];
  counts: Float64Array;
  activityDays: number;
  success: boolean;
  /** YYYY-MM, or null when there is no date column or the date cannot be read. */
  month: string | null;
}

/** Turns rows of one export (and its joined accounts) into engine input. */
export interface RowMapper {
  row: MappedRow;
  /** The export's columns the mapping reads (the parser need not read the others). */
  columns: number[];
  /** Maps one row into `row`; returns null when it was mapped, or why the row is skipped. */
  map(fields: readonly string[]): string | null;
}

const fold = (text: string) => text.trim().toLowerCase();

/**
 * Raw text → its meaning, for one column. A CRM column repeats a few values
 * millions of times: while it has few distinct values they are compared
 * directly (cheaper than hashing a fresh string), then a Map takes over.
 */
class ValueCache<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private map: Map<string, T> | null = null;

  constructor(private readonly limit: number) {}

  get(raw: string): T | undefined {
    if (this.map) return this.map.get(raw);
    const keys = this.keys;
    for (let index = 0; index < keys.length; index += 1) if (keys[index] === raw) return this.values[index];
    return undefined;
  }

  set(raw: string, value: T): void {
    if (this.map) {
      if (this.map.size < this.limit) this.map.set(raw, value);
      return;
    }
    this.keys.push(raw);
    this.values.push(value);
    if (this.keys.length > 16) this.map = new Map(this.keys.map((key, index) => [key, this.values[index]!]));
  }
}

/** The joined accounts file, keyed by its key column. */
export interface AccountsTable {
  header: string[];
  rows: Map<string, string[]>;
}

/**
 * Compiles a mapping against the export's header (and the accounts file's).
 * Throws MappingError naming what is missing: a column not in the file, a
 * must-have attribute left unmapped, a join column that does not exist.
 */
export function compileRowMapper(model: ScoringModel, mapping: CalibrationMapping, header: readonly string[], accounts: AccountsTable | null, mustHaveAttributes: readonly string[] = []): RowMapper {
  const columnIndex = new Map(header.map((name, index) => [name.trim(), index]));
  const accountIndex = new Map((accounts?.header ?? []).map((name, index) => [`accounts.${name.trim()}`, index]));
  if (mapping.accounts && !accounts) throw new MappingError('The mapping joins an accounts file; choose it.');
  const joinColumn = mapping.accounts ? columnIndex.get(mapping.accounts.key.trim()) : undefined;
  if (mapping.accounts && joinColumn === undefined) throw new MappingError(`The join column “${mapping.accounts.key}” is not in the export.`);

  /** Where a column's value comes from: the row, or the joined account. */
  const locate = (column: string, what: string): { source: 'row' | 'account'; index: number } => {
    const name = column.trim();
    if (columnIndex.has(name)) return { source: 'row', index: columnIndex.get(name)! };
    if (accountIndex.has(name)) return { source: 'account', index: accountIndex.get(name)! };
    throw new MappingError(`${what} reads the column “${column}”, which is not in the ${name.startsWith('accounts.') ? 'accounts file' : 'export'}.`);
  };

  for (const attribute of mustHaveAttributes) {
    if (!mapping.attributes[attribute]) throw new MappingError(`The must-have criterion on “${attribute}” needs a column: map “${attribute}” to one, or every lead would be unknown on it.`);
  }
  const empty = new Set(mapping.emptyValues.map(fold));
  empty.add('');

  const attributeReaders = model.attributes.map((attribute) => {
    const entry = mapping.attributes[attribute.name];
    if (!entry) return null;
    const at = locate(entry.column, `The attribute “${attribute.name}”`);
    const translations = new Map(Object.entries(entry.values ?? {}).map(([from, to]) => [fold(from), to]));
    return { ...at, kind: attribute.kind, translations, cache: new ValueCache<LeadValue>(50_000) };
  });
  const signalReaders = model.signals.map((signal) => {
    const entry = mapping.signals[signal.key];
    if (!entry) return null;
    const at = locate(entry.column, `The signal “${signal.key}”`);
    return { ...at, equals: entry.equals ? new Set(entry.equals.map(fold)) : null };
  });
  const outcome = locate(mapping.outcome.column, 'The outcome');
  const success = new Set(mapping.outcome.success.map(fold));
  const failure = mapping.outcome.failure ? new Set(mapping.outcome.failure.map(fold)) : null;
  const date = mapping.date ? locate(mapping.date.column, 'The date') : null;
  const lastActivity = mapping.lastActivity ? locate(mapping.lastActivity.column, 'The last-activity date') : null;

  const row: MappedRow = { values: new Array<LeadValue>(model.attributes.length).fill(null), counts: new Float64Array(model.signals.length), activityDays: Number.NaN, success: false, month: null };
  const expected = header.length;
  const noAccount: string[] = [];
  // Per-value caches: a CRM column repeats a few values millions of times, so each raw text is folded once.
  const outcomeCache = new ValueCache<1 | 0 | string>(10_000);
  const outcomeOf = (raw: string): 1 | 0 | string => {
    let verdict = outcomeCache.get(raw);
    if (verdict !== undefined) return verdict;
    const value = fold(raw);
    if (success.has(value)) verdict = 1;
    else if (value === '' || empty.has(value)) verdict = 'no outcome value';
    else if (failure === null || failure.has(value)) verdict = 0;
    else verdict = `outcome “${raw.trim()}” is neither success nor failure`;
    outcomeCache.set(raw, verdict);
    return verdict;
  };
  const activeAttributes = attributeReaders.flatMap((reader, slot) => (reader ? [{ ...reader, slot }] : []));
  const activeSignals = signalReaders.flatMap((reader, slot) => (reader ? [{ ...reader, slot, cache: new ValueCache<number>(10_000) }] : []));
  row.counts.fill(Number.NaN);

  /** The first time a raw text is seen in a column: empty, translated, normalised; then cached. */
  const normalise = (reader: NonNullable<(typeof attributeReaders)[number]>, raw: string): LeadValue => {
    let value: LeadValue;
    const key = fold(raw);
    if (empty.has(key)) value = null;
    else {
      const translated = reader.translations.get(key);
      value = normalizeValue(translated ?? raw, reader.kind as AttributeKind);
    }
    reader.cache.set(raw, value);
    return value;
  };

  const columns = [joinColumn, outcome, date, lastActivity, ...attributeReaders, ...signalReaders].flatMap((entry) => (entry === undefined || entry === null ? [] : typeof entry === 'number' ? [entry] : entry.source === 'row' ? [entry.index] : []));
  return {
    row,
    columns: [...new Set(columns)],
    map(fields) {
      if (fields.length !== expected) return fields.length === 1 && fields[0] === '' ? 'empty line' : `${fields.length} fields where the header has ${expected}`;
      let account = noAccount;
      if (joinColumn !== undefined) {
        const key = fields[joinColumn]!.trim();
        account = (key === '' ? undefined : accounts!.rows.get(key)) ?? noAccount;
      }
      const verdict = outcomeOf(outcome.source === 'row' ? fields[outcome.index]! : (account[outcome.index] ?? ''));
      if (typeof verdict === 'string') return verdict;
      row.success = verdict === 1;

      // Only the mapped attributes and signals: the others stay unknown (null / NaN) from the start.
      const values = row.values;
      for (let index = 0; index < activeAttributes.length; index += 1) {
        const reader = activeAttributes[index]!;
        const raw = reader.source === 'row' ? fields[reader.index]! : (account[reader.index] ?? '');
        const cached = reader.cache.get(raw);
        values[reader.slot] = cached !== undefined ? cached : normalise(reader, raw);
      }
      const counts = row.counts;
      for (let index = 0; index < activeSignals.length; index += 1) {
        const reader = activeSignals[index]!;
        const raw = reader.source === 'row' ? fields[reader.index]! : (account[reader.index] ?? '');
        if (reader.equals) {
          let count = reader.cache.get(raw);
          if (count === undefined) {
            const value = fold(raw);
            count = value === '' || empty.has(value) ? Number.NaN : reader.equals.has(value) ? 1 : 0;
            reader.cache.set(raw, count);
          }
          counts[reader.slot] = count;
        } else {
          const number = raw === '' ? Number.NaN : +raw;
          counts[reader.slot] = number >= 0 ? number : Number.NaN;
        }
      }
      row.activityDays = lastActivity ? model.daysSince(lastActivity.source === 'row' ? fields[lastActivity.index]! : (account[lastActivity.index] ?? '')) : Number.NaN;
      if (date) {
        const text = (date.source === 'row' ? fields[date.index]! : (account[date.index] ?? '')).trim();
        const match = /^(\d{4})-(\d{2})/.exec(text);
        row.month = match ? `${match[1]}-${match[2]}` : null;
      }
      return null;
    },
  };
}
