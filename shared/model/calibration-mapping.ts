import { decimalSeparators } from './decimal-separators';
import { z } from './zod';

/**
 * How a CRM export's columns feed the agreement's rules: the calibration
 * mapping. Stored with the workshop (never the rows), backed up in the
 * library file, shipped as JSON with the samples, read by `accord score
 * --mapping`. In the model, below the engines, because the library file
 * checks stored mappings and the model sits below the engines
 * (shared/engines/calibration/mapping.ts compiles a mapping into a row mapper).
 */

/** A mapping problem found before any row is read, naming the column or attribute. */
export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

/**
 * The "means empty" values ticked by default: only the obvious ones. An empty cell is always empty.
 * Values such as "unknown" or "none" can be a real category (in one real export, the best-converting
 * origin), so they are shown with their count and conversion and the person decides.
 */
export const defaultEmptyValues = ['Select', 'N/A', '-'];

/** A column name: any text with something in it. */
const ColumnSchema = (message: string) => z.string({ error: message }).check(z.regex(/\S/, { error: message }));
const TextListSchema = (message: string) => z.array(z.string({ error: message }), { error: message });

/**
 * A strict object: an unknown key (a typo such as "wonAt") is refused with
 * its name and the known ones, instead of being ignored and the intended
 * setting silently missing.
 */
function strictShape<Shape extends Record<string, z.ZodMiniType>>(shape: Shape, where: string, notAnObject: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys: string[] }).keys;
        return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((key) => `“${key}”`).join(', ')} in ${where} (known keys: ${known}).`;
      }
      return notAnObject;
    },
  });
}

const AttributeEntrySchema = strictShape(
  {
    column: ColumnSchema('attribute “{name}” needs a column.'),
    /** Value translations: export value → the agreement's value. */
    values: z.optional(z.record(z.string(), z.string({ error: 'the value translations of “{name}” must map texts to texts.' }), { error: 'the value translations of “{name}” must map texts to texts.' })),
  },
  'attribute “{name}”',
  'attribute “{name}” needs a column.',
);
const SignalEntrySchema = strictShape({ column: ColumnSchema('signal “{name}” needs a column.'), equals: z.optional(TextListSchema('signal “{name}”: equals must be a list of texts.')) }, 'signal “{name}”', 'signal “{name}” needs a column.');
const OptionalColumnSchema = (name: string) => z.optional(z.nullable(strictShape({ column: ColumnSchema(`${name} needs a column.`) }, name, `${name} needs a column.`)));

/**
 * The outcome from a second file (a closed-deals or opportunities export): a lead converted when its `key` value appears
 * in the file's `fileKey` column; leads not found there did not convert. `date` is the file's won date, and its latest
 * value is the export's last outcome date (for "too recent to judge").
 */
const OutcomeFileSchema = strictShape(
  {
    /** The export's column that identifies a lead (e.g. "Prospect ID"). */
    key: ColumnSchema('outcome.file.key must name the export’s column that identifies a lead.'),
    /** The outcome file's column holding the same key. */
    fileKey: ColumnSchema('outcome.file.fileKey must name the outcome file’s column holding the same key.'),
    /** The outcome file's date column (the won date), optional. */
    date: z.optional(ColumnSchema('outcome.file.date must name a date column of the outcome file.')),
  },
  'outcome.file',
  'outcome.file needs key and fileKey.',
);

const OutcomeSchema = strictShape(
  {
    column: z.optional(z.string({ error: 'choose the outcome column.' })),
    success: z.optional(TextListSchema('say which outcome values mean success.')),
    failure: z.optional(TextListSchema('outcome.failure must be a list of texts.')),
    file: z.optional(OutcomeFileSchema),
  },
  'outcome',
  'choose the outcome column.',
);

/**
 * The calibration mapping as it is written to a file (`accord score
 * --mapping`) or stored: strict objects, so a typo is refused with the known
 * keys. Keys left out take their defaults in {@link MappingSchema}. Plain
 * shapes only (no transforms), so `z.toJSONSchema(CalibrationMappingSchema)`
 * gives the file format's JSON Schema.
 */
export const CalibrationMappingSchema = strictShape(
  {
    version: z.literal(1, { error: (issue) => `unknown version ${JSON.stringify(issue.input)} (this Accord reads version 1).` }),
    /** Values that mean "not answered" in this export ("Select", "N/A", "-"); compared ignoring case. */
    emptyValues: z.optional(TextListSchema('emptyValues must be a list of texts.')),
    /** Attribute → column, with optional value translations (export value → the agreement's value). */
    attributes: z.optional(z.record(z.string(), AttributeEntrySchema, { error: 'attributes must map attribute names to columns.' })),
    /** Signal key → a numeric column (the count), or a column whose listed values count as one occurrence. */
    signals: z.optional(z.record(z.string(), SignalEntrySchema, { error: 'signals must map signal keys to columns.' })),
    /** The date of the last activity, for decay. */
    lastActivity: OptionalColumnSchema('lastActivity'),
    /**
     * The outcome: which values of `column` mean success; with `failure`, rows with other values are skipped (deals still open).
     * With `file`, the outcome is in a second file (see {@link OutcomeFileMapping}) and `column`, `success`, `failure` are an
     * optional value condition on that file's rows ('' and [] when every lead found in the file counts as converted).
     */
    outcome: OutcomeSchema,
    /** A date column for leads per month. */
    date: OptionalColumnSchema('date'),
    /** Join a second file (accounts): this export's `key` column = the accounts file's `accountsKey` column. Its columns are named `accounts.<column>`. */
    accounts: z.optional(z.nullable(strictShape({ key: z.string({ error: 'accounts needs key and accountsKey.' }), accountsKey: z.string({ error: 'accounts needs key and accountsKey.' }) }, 'accounts', 'accounts needs key and accountsKey.'))),
    /** Decay is measured to this date (YYYY-MM-DD); by default the latest date in the date column is not known in advance, so the run's day. */
    asOf: z.optional(z.string({ error: 'asOf must be a date (YYYY-MM-DD).' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'asOf must be a date (YYYY-MM-DD).' }))),
    /**
     * The decimal separator of a column read as numbers, by column name ("accounts.<column>" for the accounts file), when
     * the person chose it. A column it does not name is judged from all its values (see `resolveNumberFormats`).
     */
    numbers: z.optional(
      z.record(z.string(), strictShape({ decimal: z.enum(decimalSeparators, { error: 'numbers: decimal must be "." or ",".' }) }, 'numbers', 'numbers must map column names to { "decimal": "." or "," }.'), {
        error: 'numbers must map column names to { "decimal": "." or "," }.',
      }),
    ),
  },
  'the mapping',
  'expected a JSON object.',
);

/** A mapping as written, before its defaults. */
type WrittenMapping = z.output<typeof CalibrationMappingSchema>;
type WithRequired<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: Exclude<T[P], undefined> };

/** The outcome of a checked mapping: `column` is '' and `success` [] when every lead found in the outcome file counts as converted. */
export type OutcomeMapping = WithRequired<WrittenMapping['outcome'], 'column' | 'success'>;

/** The outcome from a second file (see the `outcome.file` key of {@link CalibrationMappingSchema}). */
export type OutcomeFileMapping = NonNullable<OutcomeMapping['file']>;

/**
 * A checked calibration mapping, as the engine reads it and the database
 * stores it: the written shape with its defaults filled in (empty values,
 * no attributes, no signals, no outcome column or success values).
 */
export type CalibrationMapping = Omit<WithRequired<WrittenMapping, 'emptyValues' | 'attributes' | 'signals'>, 'outcome'> & { outcome: OutcomeMapping };

/**
 * What the outcome must say, beyond its shape: with the outcome in the
 * export, its column and success values; with it in a second file, either
 * none of column, success and failure (every lead found converted), or a
 * column with its success values. Null when it holds.
 */
function outcomeProblem(outcome: WrittenMapping['outcome']): string | null {
  const column = outcome.column?.trim() ?? '';
  const success = outcome.success ?? [];
  if (!outcome.file) {
    if (column === '') return 'choose the outcome column.';
    if (success.length === 0) return 'say which outcome values mean success.';
  } else if (column === '' && (success.length > 0 || outcome.failure)) {
    return 'outcome.success and outcome.failure need outcome.column: the column of the outcome file whose values they list (leave all three out to count every lead found in the file as converted).';
  } else if (column !== '' && success.length === 0) {
    return `say which values of the outcome file’s column “${column}” mean success.`;
  }
  return null;
}

/**
 * The mapping as it is read: the written shape, the outcome's rules, then
 * the defaults of the keys left out. What parseMapping checks with.
 */
export const MappingSchema = z.pipe(
  CalibrationMappingSchema.check(
    z.superRefine((mapping, context) => {
      const problem = outcomeProblem(mapping.outcome);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem, path: ['outcome'], input: mapping.outcome });
    }),
  ),
  z.transform(
    // In one key order whatever the file's, as parseMapping always gave (a stored mapping reads the same).
    ({ outcome, ...mapping }): CalibrationMapping => ({
      version: mapping.version,
      emptyValues: mapping.emptyValues ?? defaultEmptyValues,
      attributes: mapping.attributes ?? {},
      signals: mapping.signals ?? {},
      lastActivity: mapping.lastActivity ?? null,
      outcome: { column: outcome.column ?? '', success: outcome.success ?? [], ...(outcome.failure ? { failure: outcome.failure } : {}), ...(outcome.file ? { file: outcome.file } : {}) },
      date: mapping.date ?? null,
      accounts: mapping.accounts ?? null,
      ...(mapping.asOf !== undefined ? { asOf: mapping.asOf } : {}),
      ...(mapping.numbers ? { numbers: mapping.numbers } : {}),
    }),
  ),
);

/** Where a schema issue is, for the message: "{name}" in a message is the attribute or signal it is about. */
function issueMessage(issue: { path: PropertyKey[]; message: string }): string {
  const [section, name] = issue.path;
  return (section === 'attributes' || section === 'signals') && name !== undefined ? issue.message.replaceAll('{name}', String(name)) : issue.message;
}

/** Checks an untrusted mapping (a file, the database) and returns it typed, or throws MappingError with what is wrong. */
export function parseMapping(data: unknown): CalibrationMapping {
  const parsed = MappingSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  // A typo is the likelier mistake than a missing key it causes: name the unknown key first.
  const issue = parsed.error.issues.find((entry) => entry.code === 'unrecognized_keys') ?? parsed.error.issues[0];
  throw new MappingError(`The mapping is not valid: ${issue ? issueMessage(issue) : 'expected a JSON object.'}`);
}
