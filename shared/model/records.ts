import { BrandingSchema } from './branding';
import { CalibrationResultSchema } from './calibration-result';
import type { CalibrationMapping } from './calibration-mapping';
import type { WithAgreement } from './parse-agreement';
import { StoredSessionSchema } from './session';
import { RecordIdSchema } from './workshop';
import { z } from './zod';

/**
 * The records of the database, one schema each, and their types derived
 * from the schemas: the database (renderer/db/database.ts) stores these
 * types, and the library file (shared/model/library-file.ts, backups,
 * export and import) checks every record against these schemas. One shape
 * per record, so a field added for the database is checked by every backup,
 * and a record a backup refuses cannot be written by the app. Versions and
 * their signatures are in shared/model/versions.ts (the `.accord` file shares
 * their schema), workshops in shared/model/workshop.ts.
 *
 * An agreement or a mapping inside a record is `unknown` to its schema and
 * read after by parseAgreement or parseMapping, which give the messages
 * people read; the record types say what they hold once read.
 */

export { RecordIdSchema, WorkshopRecordSchema, type WorkshopRecord } from './workshop';
export { VersionRecordSchema, type VersionRecord } from './versions';

const timestamp = z.int().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max, { error: `Longer than ${max.toLocaleString('en-US')} characters.` }));

/** A workshop's agreement draft. */
export const AgreementRecordSchema = z.strictObject({ workshopId: RecordIdSchema, agreement: z.unknown(), updatedAt: timestamp });

/** A workshop's agreement draft. */
export type AgreementRecord = WithAgreement<z.output<typeof AgreementRecordSchema>>;

/** A template a consultant saved from one of their agreements. */
export const TemplateRecordSchema = z.strictObject({
  id: RecordIdSchema,
  name: z.string().check(z.minLength(1, { error: 'A template needs a name.' }), z.maxLength(120, { error: 'Longer than 120 characters.' })),
  description: text(400),
  agreement: z.unknown(),
  createdAt: timestamp,
});

/** A template a consultant saved from one of their agreements. */
export type TemplateRecord = WithAgreement<z.output<typeof TemplateRecordSchema>>;

/**
 * A workshop's last calibration: the mapping, which files it ran on (`outcome`: the outcome file, when the outcome
 * came from a second file; absent in records stored before), and the results. Never the rows.
 */
export const CalibrationRecordSchema = z.strictObject({
  workshopId: RecordIdSchema,
  mapping: z.unknown(),
  files: z.strictObject({ leads: text(1000), accounts: z.nullable(text(1000)), outcome: z.optional(z.nullable(text(1000))) }),
  result: z.nullable(CalibrationResultSchema),
  ranAt: z.number(),
});

/** A workshop's calibration: the mapping (read with parseMapping), which files it ran on, and the results. Never the rows. */
export type CalibrationRecord = Omit<z.output<typeof CalibrationRecordSchema>, 'mapping'> & { mapping: CalibrationMapping };

/** What a review's headline figure measures: a share of 1 (within target), a count per the commitment's window, days, or a count of a whole (`of`). */
export const measuredUnits = ['share', 'per-window', 'days', 'count'] as const;

/**
 * A commitment's headline figure kept as data (its value and unit; the state is kept beside it), so the
 * trend writes it where it is shown, in today's words. Reviews stored before kept the engine's sentence
 * (`actual`) instead: they are still read (the sentence is kept, never shown as a figure), and their share,
 * stored then as now, still fills the trend.
 */
export const MeasuredFigureSchema = z.strictObject({ value: z.number(), unit: z.enum(measuredUnits), of: z.optional(z.number()) });

/** A review's headline figure as data (see MeasuredFigureSchema). */
export type MeasuredFigure = z.output<typeof MeasuredFigureSchema>;

/**
 * The headline figure of a measured commitment, from the engine's figures: its share within target, else its
 * volume per window (`actual`), else a median time in days, else recycled leads that came back of those recycled;
 * null without data or without one such figure.
 */
export function measuredFigure(commitment: { state: string; figures: Readonly<Record<string, number | null | undefined>> }): MeasuredFigure | null {
  if (commitment.state === 'no-data') return null;
  const { share, actual, median, cameBack, recycled } = commitment.figures;
  if (typeof share === 'number' && Number.isFinite(share)) return { value: share, unit: 'share' };
  if (typeof actual === 'number' && Number.isFinite(actual)) return { value: actual, unit: 'per-window' };
  if (typeof median === 'number' && Number.isFinite(median)) return { value: median, unit: 'days' };
  if (typeof cameBack === 'number' && typeof recycled === 'number') return { value: cameBack, unit: 'count', of: recycled };
  return null;
}

/** One SLA review's results, kept for trends: per commitment its state and figures; no rows, no lead ids. */
export const ReviewRecordSchema = z.strictObject({
  id: RecordIdSchema,
  workshopId: RecordIdSchema,
  from: text(40),
  to: text(40),
  fileName: text(1000),
  ranAt: z.number(),
  mqls: z.number(),
  commitments: z.array(z.strictObject({ id: text(200), metric: text(2000), state: text(40), share: z.nullable(z.number()), measured: z.optional(z.nullable(MeasuredFigureSchema)), /** The engine's sentence, in reviews stored before `measured`: read, never written. */ actual: z.optional(text(2000)) })).check(z.maxLength(1000)),
  conversion: z.array(z.strictObject({ step: text(200), actual: z.nullable(z.number()), planned: z.nullable(z.number()), state: text(40) })).check(z.maxLength(100)),
});

/** One SLA review's results, kept for trends. */
export type ReviewRecord = z.output<typeof ReviewRecordSchema>;

/** A workshop's facilitated session: its agenda (order, time boxes, skips) and timer. Not part of the agreement. */
export const SessionRecordSchema = z.strictObject(StoredSessionSchema.shape);

/** A workshop's facilitated session: its agenda and timer. */
export type SessionRecord = z.output<typeof SessionRecordSchema>;

/** Each setting's schema, by its key; an unknown key is refused (add its schema here when adding a setting). */
export const settingSchemas = { branding: BrandingSchema } as const;

/** A setting's key. */
export type SettingKey = keyof typeof settingSchemas;

const settingKeys = Object.keys(settingSchemas) as [SettingKey, ...SettingKey[]];

/** One app-wide setting of this computer (e.g. the consultant's branding): its key, and its value (checked with that key's schema, on read). */
export const SettingRecordSchema = z.strictObject({ key: z.enum(settingKeys, { error: `Unknown setting (known: ${settingKeys.join(', ')}).` }), value: z.unknown() });

/** One setting as the database holds it: its value is checked with its key's schema on every read (a damaged one is ignored). */
export type SettingRecord = z.output<typeof SettingRecordSchema>;

/** One setting, its value read with its key's schema. */
export type CheckedSettingRecord = { [K in SettingKey]: { key: K; value: z.output<(typeof settingSchemas)[K]> } }[SettingKey];
