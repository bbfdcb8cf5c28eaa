import type { BlankTally, ColumnReport, UnusedMappingValue } from '../../model/calibration-result';
import { MappingError, type CalibrationMapping } from '../../model/calibration-mapping';
import { readLeadDate, type LeadDate } from './dates';
import type { OutcomeTable } from './outcome-file';
import { agreementAttributes, normalizeValue, type AttributeKind, type LeadValue, type ScoringModel } from '../scoring/scoring';
import type { Agreement } from '../../model/agreement';
import { readNumber, type DecimalSeparator } from '../scoring/numbers';

// The mapping's shape, schema and parser live in the model (the library file checks stored mappings, and the model sits
// below the engines); re-exported so the engine's readers import one module.
export { CalibrationMappingSchema, defaultEmptyValues, MappingError, MappingSchema, parseMapping, type CalibrationMapping, type OutcomeFileMapping, type OutcomeMapping } from '../../model/calibration-mapping';

/** Values that often stand for "not answered"; each one found in a mapped column is shown with its count and conversion. */
export const blankLikeValues = ['', 'Select', 'N/A', '-', 'NA', 'n.a.', '--', '?', 'null', 'nil', 'none', 'unknown', '(blank)', 'not provided', 'not specified', '#N/A', 'k.A.', 'keine Angabe', 'non renseigné', 'inconnu'];

/** One row, mapped: what the engine reads, the outcome and the month. Reused from row to row. */
export interface MappedRow {
  values: LeadValue[];
  counts: Float64Array;
  activityDays: number;
  success: boolean;
  /** YYYY-MM, or null when there is no date column or the date cannot be read. */
  month: string | null;
  /** The lead's date in days since 1970-01-01 (for "too recent to judge"), or NaN when there is no date column or no whole date. */
  day: number;
}

/** Turns rows of one export (and its joined accounts) into engine input. */
export interface RowMapper {
  row: MappedRow;
  /** The export's columns the mapping reads (the parser need not read the others). */
  columns: number[];
  /** Maps one row into `row`; returns null when it was mapped, or why the row is skipped. */
  map(fields: readonly string[]): string | null;
  /** With the outcome in a second file: how many rows' keys were found in it (0 means the files do not match), and which keys. */
  stats: { matched: number; matchedKeys: Set<string> };
  /** What the mapped rows so far showed in each column the attributes and signals read. */
  report(): ColumnReport[];
}

// What a column showed is part of the stored result: its shape is the model's schema (shared/model/calibration-result.ts).
export type { BlankTally, ColumnReport, UnusedMappingValue } from '../../model/calibration-result';

const fold = (text: string) => text.trim().toLowerCase();

/**
 * Raw text → its meaning, for one column. A CRM column repeats a few values
 * millions of times: while it has few distinct values they are compared
 * directly (cheaper than hashing a fresh string), then a Map takes over.
 * The few keys are chained by length, so a lookup usually compares the
 * text with one key only (the one it equals).
 */
class ValueCache<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  /** The next key of the same length bucket (-1: none), and each bucket's first key. */
  private readonly next: number[] = [];
  private readonly heads = new Int32Array(LENGTH_BUCKETS).fill(-1);
  private map: Map<string, T> | null = null;

  constructor(private readonly limit: number) {}

  get(raw: string): T | undefined {
    if (this.map) return this.map.get(raw);
    const keys = this.keys;
    for (let index = this.heads[raw.length & (LENGTH_BUCKETS - 1)]!; index >= 0; index = this.next[index]!) if (keys[index] === raw) return this.values[index];
    return undefined;
  }

  set(raw: string, value: T): void {
    if (this.map) {
      if (this.map.size < this.limit) this.map.set(raw, value);
      return;
    }
    const bucket = raw.length & (LENGTH_BUCKETS - 1);
    this.keys.push(raw);
    this.values.push(value);
    this.next.push(this.heads[bucket]!);
    this.heads[bucket] = this.keys.length - 1;
    if (this.keys.length > 16) this.map = new Map(this.keys.map((key, index) => [key, this.values[index]!]));
  }
}

const LENGTH_BUCKETS = 32;

/** The joined accounts file, keyed by its key column. */
export interface AccountsTable {
  header: string[];
  rows: Map<string, string[]>;
}

/** A raw text whose reading is tallied per row: a blank-like value, or a cell that is not a number. */
interface SpecialValue {
  value: LeadValue;
  blank: BlankTally | null;
  bad: boolean;
  negative: boolean;
}

/** The per-column tallies behind `ColumnReport`; one per column, kept by the first reader of it. */
interface ColumnTally {
  column: string;
  decimal: DecimalSeparator | null;
  notNumbers: number;
  negative: number;
  examples: string[];
  blanks: Map<string, BlankTally>;
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14];

/**
 * A count written as plain digits with at most one inner "." ("140", "2.63"), read without `+raw`, which calls into
 * the engine's runtime for each fresh string; NaN for anything else (which `+raw` then reads). The same number as
 * `+raw`: with at most 15 digits, the digits and the power of ten are exact doubles, and one division rounds correctly.
 */
function plainDecimal(raw: string): number {
  const length = raw.length;
  if (length === 0 || length > 15) return Number.NaN;
  let digits = 0;
  let point = -1;
  for (let index = 0; index < length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code >= 48 && code <= 57) digits = digits * 10 + (code - 48);
    else if (code === 46 && point < 0 && index > 0 && index < length - 1) point = index;
    else return Number.NaN;
  }
  return point < 0 ? digits : digits / POWERS_OF_TEN[length - 1 - point]!;
}

const EXAMPLES = 5;
// Raw texts tallied per row, per column; past this many, further ones are read each time (correct, slower).
const SPECIAL_LIMIT = 10_000;

/**
 * Compiles a mapping against the export's header (and the accounts file's).
 * Throws MappingError naming what is missing: a column not in the file, a
 * join column that does not exist. An attribute or signal without a column
 * is not refused: it is unknown for every lead, and the result says "not mapped".
 */
export function compileRowMapper(model: ScoringModel, mapping: CalibrationMapping, header: readonly string[], accounts: AccountsTable | null, outcomes: OutcomeTable | null = null): RowMapper {
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

  const empty = new Set(mapping.emptyValues.map(fold));
  empty.add('');
  // Blank-like values are tallied (count, conversion) whether or not they are ticked, so the person can decide.
  const blankLike = new Set([...blankLikeValues.map(fold), ...empty]);
  const tallies = new Map<string, ColumnTally>();
  /** The column's tally, and whether this reader keeps it (a column read twice, e.g. by two signals, is counted once). */
  const tallyOf = (column: string, decimal: DecimalSeparator | null): { tally: ColumnTally; counting: boolean } => {
    const name = column.trim();
    const known = tallies.get(name);
    if (known) {
      known.decimal ??= decimal;
      return { tally: known, counting: false };
    }
    const tally: ColumnTally = { column: name, decimal, notNumbers: 0, negative: 0, examples: [], blanks: new Map() };
    tallies.set(name, tally);
    return { tally, counting: true };
  };
  const decimalOf = (column: string): DecimalSeparator => mapping.numbers?.[column.trim()]?.decimal ?? mapping.numbers?.[column]?.decimal ?? '.';

  const attributeReaders = model.attributes.map((attribute) => {
    const entry = mapping.attributes[attribute.name];
    if (!entry) return null;
    const at = locate(entry.column, `The attribute “${attribute.name}”`);
    const translations = new Map(Object.entries(entry.values ?? {}).map(([from, to]) => [fold(from), to]));
    const decimal = attribute.kind === 'number' ? decimalOf(entry.column) : null;
    // Translations met by a cell (noted on a cache miss only, so once per distinct text): the others are reported.
    return { ...at, name: attribute.name, column: entry.column.trim(), kind: attribute.kind, translations, translationsWritten: entry.values ?? {}, usedTranslations: new Set<string>(), decimal, cache: new ValueCache<LeadValue>(50_000), specials: new Map<string, SpecialValue>(), ...tallyOf(entry.column, decimal) };
  });
  const signalReaders = model.signals.map((signal) => {
    const entry = mapping.signals[signal.key];
    if (!entry) return null;
    const at = locate(entry.column, `The signal “${signal.key}”`);
    const decimal = entry.equals ? null : decimalOf(entry.column);
    return { ...at, key: signal.key, column: entry.column.trim(), equals: entry.equals ? new Set(entry.equals.map(fold)) : null, equalsWritten: entry.equals ?? [], usedEquals: new Set<string>(), decimal, specials: new Map<string, SpecialValue>(), ...tallyOf(entry.column, decimal) };
  });
  // The outcome from a second file: the row's key is looked up there; a lead not found did not convert.
  const outcomeFile = mapping.outcome.file ?? null;
  if (outcomeFile && !outcomes) throw new MappingError('The outcome is in a second file: choose the outcome file.');
  const outcomeKey = outcomeFile ? columnIndex.get(outcomeFile.key.trim()) : undefined;
  if (outcomeFile && outcomeKey === undefined) throw new MappingError(`The outcome file is matched on the export’s column “${outcomeFile.key}”, which is not in the export.`);
  const outcomeRows = outcomes?.outcomes ?? new Map<string, 1 | 0 | string>();
  const noKey = outcomeFile ? `no value in the key column “${outcomeFile.key.trim()}”` : '';
  const outcome = outcomeFile ? { source: 'row' as const, index: outcomeKey! } : locate(mapping.outcome.column, 'The outcome');
  const success = new Set(mapping.outcome.success.map(fold));
  const failure = mapping.outcome.failure ? new Set(mapping.outcome.failure.map(fold)) : null;
  const date = mapping.date ? locate(mapping.date.column, 'The date') : null;
  const lastActivity = mapping.lastActivity ? locate(mapping.lastActivity.column, 'The last-activity date') : null;

  const row: MappedRow = { values: new Array<LeadValue>(model.attributes.length).fill(null), counts: new Float64Array(model.signals.length), activityDays: Number.NaN, success: false, month: null, day: Number.NaN };
  const dateCache = new ValueCache<LeadDate>(50_000);
  const stats = { matched: 0, matchedKeys: new Set<string>() };
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

  /** Counts one row's special value in its column's tally (the row's outcome is already known). */
  const note = (reader: { tally: ColumnTally; counting: boolean }, special: SpecialValue, raw: string) => {
    if (!reader.counting) return;
    if (special.blank) {
      special.blank.count += 1;
      if (row.success) special.blank.positives += 1;
    }
    if (special.bad || special.negative) {
      const tally = reader.tally;
      if (special.bad) {
        tally.notNumbers += 1;
        const text = raw.trim();
        if (tally.examples.length < EXAMPLES && !tally.examples.includes(text)) tally.examples.push(text);
      } else tally.negative += 1;
    }
  };
  /** Keeps a special value for the next rows with the same text (up to a limit: past it, each is worked out again). */
  const remember = (reader: { specials: Map<string, SpecialValue>; tally: ColumnTally }, raw: string, key: string, value: LeadValue, bad: boolean, negative: boolean): SpecialValue => {
    let blank: BlankTally | null = null;
    if (blankLike.has(key)) {
      blank = reader.tally.blanks.get(key) ?? null;
      if (!blank) {
        blank = { value: raw.trim(), treatedAsEmpty: empty.has(key), count: 0, positives: 0 };
        reader.tally.blanks.set(key, blank);
      }
    }
    const special: SpecialValue = { value, blank, bad, negative };
    if (reader.specials.size < SPECIAL_LIMIT) reader.specials.set(raw, special);
    return special;
  };

  /** A raw text not in the cache: a known special value, or the first time it is seen: empty, translated, normalised; then cached. */
  const normalise = (reader: NonNullable<(typeof attributeReaders)[number]>, raw: string): LeadValue => {
    let special = reader.specials.get(raw);
    if (!special) {
      let value: LeadValue;
      let bad = false;
      const key = fold(raw);
      if (empty.has(key)) value = null;
      else {
        const translated = reader.translations.get(key);
        if (translated !== undefined) reader.usedTranslations.add(key);
        if (reader.decimal !== null) {
          const number = readNumber(translated ?? raw, reader.decimal);
          bad = number !== number;
          value = bad ? null : number;
        } else value = normalizeValue(translated ?? raw, reader.kind as AttributeKind);
      }
      if (!bad && !blankLike.has(key)) {
        reader.cache.set(raw, value);
        return value;
      }
      special = remember(reader, raw, key, value, bad, false);
    }
    note(reader, special, raw);
    return special.value;
  };

  /** A signal's count from a text that is not a plain count already cached: blank-like, not a number, negative, or seen for the first time. */
  const countOf = (reader: (typeof activeSignals)[number], raw: string): number => {
    let special = reader.specials.get(raw);
    if (!special) {
      const key = fold(raw);
      let count = Number.NaN;
      let bad = false;
      if (!empty.has(key)) {
        if (reader.equals) {
          count = reader.equals.has(key) ? 1 : 0;
          if (count === 1) reader.usedEquals.add(key);
        }
        else {
          const number = readNumber(raw, reader.decimal!);
          bad = number !== number;
          count = number;
        }
      }
      const negative = count < 0;
      if (!bad && !negative && !blankLike.has(key)) {
        reader.cache.set(raw, count);
        return count;
      }
      special = remember(reader, raw, key, negative ? Number.NaN : count, bad, negative);
    }
    note(reader, special, raw);
    return special.value as number;
  };

  const columns = [joinColumn, outcome, date, lastActivity, ...attributeReaders, ...signalReaders].flatMap((entry) => (entry === undefined || entry === null ? [] : typeof entry === 'number' ? [entry] : entry.source === 'row' ? [entry.index] : []));
  return {
    row,
    stats,
    columns: [...new Set(columns)],
    report() {
      const unused = new Map<string, UnusedMappingValue[]>();
      const add = (column: string, entry: UnusedMappingValue) => unused.set(column, [...(unused.get(column) ?? []), entry]);
      for (const reader of attributeReaders) {
        if (!reader) continue;
        for (const [from, to] of Object.entries(reader.translationsWritten)) if (!reader.usedTranslations.has(fold(from))) add(reader.column, { value: from, use: { kind: 'translation', attribute: reader.name, to } });
      }
      for (const reader of signalReaders) {
        if (!reader) continue;
        for (const value of reader.equalsWritten) if (!reader.usedEquals.has(fold(value))) add(reader.column, { value, use: { kind: 'counted', signal: reader.key } });
      }
      return [...tallies.values()].map((tally) => ({ column: tally.column, decimal: tally.decimal, notNumbers: tally.notNumbers, negative: tally.negative, examples: [...tally.examples], blanks: [...tally.blanks.values()].map((blank) => ({ ...blank })).sort((a, b) => b.count - a.count), unusedValues: unused.get(tally.column) ?? [] }));
    },
    map(fields) {
      if (fields.length !== expected) return fields.length === 1 && fields[0] === '' ? 'empty line' : `${fields.length} fields where the header has ${expected}`;
      let account = noAccount;
      if (joinColumn !== undefined) {
        const key = fields[joinColumn]!.trim();
        account = (key === '' ? undefined : accounts!.rows.get(key)) ?? noAccount;
      }
      let verdict: 1 | 0 | string;
      if (outcomeFile) {
        const key = fields[outcome.index]!.trim();
        const found = key === '' ? undefined : outcomeRows.get(key);
        if (found !== undefined) {
          stats.matched += 1;
          stats.matchedKeys.add(key);
        }
        verdict = key === '' ? noKey : (found ?? 0);
      } else verdict = outcomeOf(outcome.source === 'row' ? fields[outcome.index]! : (account[outcome.index] ?? ''));
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
      // A count column written the JavaScript way ("3", "2.5") is read without a lookup; anything else ("2,5", "", "N/A") goes by its column's reading.
      const counts = row.counts;
      for (let index = 0; index < activeSignals.length; index += 1) {
        const reader = activeSignals[index]!;
        const raw = reader.source === 'row' ? fields[reader.index]! : (account[reader.index] ?? '');
        if (reader.decimal === '.') {
          const plain = plainDecimal(raw);
          if (plain > 0 || raw === '0') {
            counts[reader.slot] = plain;
            continue;
          }
          const number = +raw;
          if (number > 0 ? number < Number.POSITIVE_INFINITY : raw === '0') {
            counts[reader.slot] = number;
            continue;
          }
        }
        const cached = reader.cache.get(raw);
        counts[reader.slot] = cached !== undefined ? cached : countOf(reader, raw);
      }
      row.activityDays = lastActivity ? model.daysSince(lastActivity.source === 'row' ? fields[lastActivity.index]! : (account[lastActivity.index] ?? '')) : Number.NaN;
      if (date) {
        const raw = date.source === 'row' ? fields[date.index]! : (account[date.index] ?? '');
        let when = dateCache.get(raw);
        if (when === undefined) {
          when = readLeadDate(raw);
          dateCache.set(raw, when);
        }
        row.month = when.month;
        row.day = when.day;
      }
      return null;
    },
  };
}

/** A key of the mapping that names nothing the agreement or the export has: read, it would be silently unused. */
export interface MappingMismatch {
  kind: 'attribute' | 'signal' | 'numbers' | 'value';
  /** The attribute or signal key, or the column named in `numbers`. */
  key: string;
  /** For a value translation: the export's value translated. */
  from?: string;
  message: string;
}

/**
 * The mapping's keys the agreement or the export does not have: an attribute
 * or signal key that is none of the agreement's (a typo such as "countyr",
 * or a criterion removed since), a `numbers` column that is not in the
 * export (or the accounts file, for "accounts.<column>"), a value translation
 * to a category the agreement's criterion does not list. Without the header
 * (`null`), the `numbers` columns are not checked. A translation of a value the criterion lists
 * to one it does not is refused; between two values it does not list, it changes no score and is kept. A fast-track's signal key
 * counts as known under either section (it may be fed by either).
 */
export function mappingMismatches(agreement: Agreement, mapping: CalibrationMapping, header: readonly string[] | null, accountsHeader: readonly string[] | null = null): MappingMismatch[] {
  const list = (names: Iterable<string>) => [...names].map((name) => `“${name}”`).join(', ') || 'none';
  const attributes = agreementAttributes(agreement);
  const fastTrackKeys = agreement.engagement.fastTracks.map((trigger) => trigger.signalKey.trim()).filter((key) => key !== '');
  const attributeNames = new Set([...attributes.map((attribute) => attribute.name), ...fastTrackKeys]);
  const signalKeys = new Set([...agreement.engagement.signals.map((signal) => signal.key.trim()).filter((key) => key !== ''), ...fastTrackKeys]);
  const found: MappingMismatch[] = [];
  for (const [name, entry] of Object.entries(mapping.attributes)) {
    if (!attributeNames.has(name)) {
      found.push({ kind: 'attribute', key: name, message: `the mapping names the attribute “${name}”, which is not an attribute of the agreement (its attributes: ${list(attributeNames)}).` });
      continue;
    }
    const spec = attributes.find((attribute) => attribute.name === name);
    if (!spec || !entry.values) continue;
    // A category is compared folded, as the engine compares it; a translation to an empty value reads the lead as unknown.
    const categories = new Set(spec.values.map(fold));
    const empty = new Set([...mapping.emptyValues.map(fold), '']);
    for (const [from, to] of Object.entries(entry.values)) {
      // A category translated to one the criterion does not list loses the match it had ("India" → "Indien"); a clean-up
      // between two values it does not list ("Philipines" → "Philippines") changes no score and is kept.
      const known = spec.kind === 'category' ? categories.has(fold(to)) || !categories.has(fold(from)) : spec.kind === 'boolean' ? normalizeValue(to, 'boolean') !== null : true;
      if (!known && !empty.has(fold(to))) {
        found.push({ kind: 'value', key: name, from, message: `the mapping translates “${from}” of “${name}” to “${to}”, which is not a value of the agreement’s ${spec.kind === 'boolean' ? 'yes/no criterion' : 'criterion'} on “${name}” (${spec.kind === 'boolean' ? 'write yes or no' : `its values: ${list(spec.values)}`}).` });
      }
    }
  }
  for (const key of Object.keys(mapping.signals)) {
    if (!signalKeys.has(key)) found.push({ kind: 'signal', key, message: `the mapping names the signal “${key}”, which is not a signal of the agreement (its signals: ${list(signalKeys)}).` });
  }
  if (header) {
    const columns = new Set(header.map((name) => name.trim()));
    const accountColumns = new Set((accountsHeader ?? []).map((name) => `accounts.${name.trim()}`));
    for (const column of Object.keys(mapping.numbers ?? {})) {
      const name = column.trim();
      if (columns.has(name) || accountColumns.has(name)) continue;
      // An accounts column is checked only when the accounts file is there to check it against.
      if (name.startsWith('accounts.') && !accountsHeader) continue;
      const inAccounts = name.startsWith('accounts.');
      found.push({ kind: 'numbers', key: column, message: `the mapping sets the decimal separator of “${column}”, which is not a column of the ${inAccounts ? 'accounts file' : 'export'} (its columns: ${list(inAccounts ? accountColumns : columns)}).` });
    }
  }
  return found;
}

/** Refuses a mapping with a key the agreement or the export does not have (see {@link mappingMismatches}), naming each one. */
export function checkMappingAgainst(agreement: Agreement, mapping: CalibrationMapping, header: readonly string[] | null, accountsHeader: readonly string[] | null = null): void {
  const found = mappingMismatches(agreement, mapping, header, accountsHeader);
  if (found.length === 0) return;
  throw new MappingError(`The mapping does not fit the agreement: ${found.map((mismatch) => mismatch.message).join(' Also, ')}`);
}

/** The mapping without the keys listed (an app's stored mapping after the agreement changed: see the store's notice). */
export function withoutMismatches(mapping: CalibrationMapping, mismatches: readonly MappingMismatch[]): CalibrationMapping {
  const attributes = { ...mapping.attributes };
  const signals = { ...mapping.signals };
  const numbers = { ...(mapping.numbers ?? {}) };
  for (const mismatch of mismatches) {
    if (mismatch.kind === 'attribute') delete attributes[mismatch.key];
    else if (mismatch.kind === 'signal') delete signals[mismatch.key];
    else if (mismatch.kind === 'numbers') delete numbers[mismatch.key];
    else {
      const entry = attributes[mismatch.key];
      if (entry?.values && mismatch.from !== undefined) {
        const { [mismatch.from]: _dropped, ...values } = entry.values;
        attributes[mismatch.key] = { column: entry.column, ...(Object.keys(values).length ? { values } : {}) };
      }
    }
  }
  return { ...mapping, attributes, signals, ...(mapping.numbers ? { numbers } : {}) };
}
