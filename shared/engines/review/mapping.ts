import { z } from '../../model/zod';
import type { SlashOrder } from './timestamps';
import { InputError } from '../csv/stream';

/**
 * The review mapping: which column of a lead-history export holds which
 * history field, which outcome values mean won and lost, and which column
 * holds each of the handoff's required fields. One schema, read by the CLI,
 * the review worker and the tests; strict, so a typo such as `"wonAt"` is
 * refused with the key named instead of silently leaving a field unmapped.
 */

/** The fields of a lead history, and the order the screen asks for them in. */
export const historyFields = [
  'id',
  'createdAt',
  'mqlAt',
  'owner',
  'firstTouchAt',
  'attempts',
  'acceptedAt',
  'rejectedAt',
  'rejectionReason',
  'sqlAt',
  'sqlAcceptedAt',
  'sqlReturnedAt',
  'opportunityAt',
  'opportunityUpdatedAt',
  'outcome',
  'closedAt',
  'amount',
] as const;
/** One field of a lead history. */
export type HistoryField = (typeof historyFields)[number];

/** What each field's cells hold: a date and time (read by the timestamp readers), a number, or text. */
export const historyFieldKinds: Record<HistoryField, 'date' | 'number' | 'text'> = {
  id: 'text',
  createdAt: 'date',
  mqlAt: 'date',
  owner: 'text',
  firstTouchAt: 'date',
  attempts: 'number',
  acceptedAt: 'date',
  rejectedAt: 'date',
  rejectionReason: 'text',
  sqlAt: 'date',
  sqlAcceptedAt: 'date',
  sqlReturnedAt: 'date',
  opportunityAt: 'date',
  opportunityUpdatedAt: 'date',
  outcome: 'text',
  closedAt: 'date',
  amount: 'number',
};

/** Each field's short name, as the mapping screen labels it and a "no data" reason names it. */
export const historyFieldLabels: Record<HistoryField, string> = {
  id: 'Lead id',
  createdAt: 'Created',
  mqlAt: 'MQL date',
  owner: 'Owner or team',
  firstTouchAt: 'First touch',
  attempts: 'Call / e-mail attempts',
  acceptedAt: 'Accepted',
  rejectedAt: 'Rejected',
  rejectionReason: 'Rejection reason',
  sqlAt: 'SQL date',
  sqlAcceptedAt: 'SQL accepted',
  sqlReturnedAt: 'SQL returned',
  opportunityAt: 'Opportunity date',
  opportunityUpdatedAt: 'Opportunity last updated',
  outcome: 'Outcome (won / lost)',
  closedAt: 'Won or closed date',
  amount: 'Amount',
};

/** What each field is, for docs/data.md, "The review mapping", the JSON Schema and the mapping screen. */
export const historyFieldDescriptions: Record<HistoryField, string> = {
  id: 'Lead id: names the leads behind a miss',
  createdAt: 'Date the lead was created',
  mqlAt: 'Date the lead became an MQL (required: the period is chosen on it)',
  owner: 'Owner, SDR or team',
  firstTouchAt: 'Date of the first call, e-mail or meeting after the MQL date',
  attempts: 'Number of call / e-mail attempts',
  acceptedAt: 'Date sales accepted the MQL (SAL)',
  rejectedAt: 'Date sales rejected the MQL',
  rejectionReason: 'Reason code given with a rejection',
  sqlAt: 'Date the lead became an SQL',
  sqlAcceptedAt: 'Date field sales accepted the SQL',
  sqlReturnedAt: 'Date field sales returned the SQL',
  opportunityAt: 'Date the opportunity was created',
  opportunityUpdatedAt: 'Date the opportunity was last updated (last modified, last activity)',
  outcome: 'Outcome of the opportunity (values listed under won and lost)',
  closedAt: 'Date the opportunity was won or closed',
  amount: 'Deal amount',
};

const columnName = z.string().check(z.minLength(1, { error: 'A column name cannot be empty.' }), z.maxLength(500));

/**
 * The review mapping's schema (zod/mini, strict objects). `z.toJSONSchema`
 * turns it into the JSON Schema shipped as `accord schema review-mapping`.
 */
export const ReviewMappingSchema = z
  .strictObject({
    version: z.literal(1).check(z.describe('The mapping format; always 1.')),
    columns: z
      .strictObject(Object.fromEntries(historyFields.map((field) => [field, z.optional(columnName.check(z.describe(historyFieldDescriptions[field])))])) as Record<HistoryField, z.ZodMiniOptional<typeof columnName>>)
      .check(z.describe('History field → the column of the export that holds it. Only mqlAt is required.')),
    /** Outcome values that mean won and lost (compared without case). */
    won: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100), z.describe('Outcome values that mean won (compared without case).')), []),
    lost: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100), z.describe('Outcome values that mean lost (compared without case).')), []),
    /** The column holding each of the handoff's required fields (field name as the agreement writes it → column). */
    requiredFields: z.optional(z.record(z.string().check(z.maxLength(500)), columnName).check(z.describe('Required field of the handoff, as the agreement names it → the column that holds it (for data completeness).'))),
    slashDates: z.optional(z.enum(['month-first', 'day-first']).check(z.describe('How dates like 03/04/2026 are written: month first (US) or day first (UK, France, Spain). Left out, the whole export decides.'))),
  })
  .check(z.describe('Accord review mapping: which column of a lead-history export holds which field.'));

/** How an export's columns map to the history fields; stored with the workshop and shipped with the sample. */
export interface ReviewMapping {
  version: 1;
  columns: Partial<Record<HistoryField, string>>;
  /** Outcome values that mean won and lost. */
  won: string[];
  lost: string[];
  /** Required field of the handoff (as the agreement names it) → the column that holds it. */
  requiredFields?: Record<string, string>;
  /** How slashed dates (03/04/2026) are written; left out, the whole export decides (see runReview). */
  slashDates?: SlashOrder;
}

/** Where in the mapping a problem is, as a person reads it: `columns.wonAt`. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join('.');
}

/**
 * Reads a review mapping, or throws an InputError naming what is wrong: an
 * unknown key with the known ones listed, a missing version, a value of the
 * wrong type. Old mappings (version 1 without `requiredFields`) still read.
 */
export function parseReviewMapping(data: unknown): ReviewMapping {
  const parsed = ReviewMappingSchema.safeParse(data);
  if (parsed.success) {
    const { version, columns, won, lost, requiredFields, slashDates } = parsed.data;
    const kept: Partial<Record<HistoryField, string>> = {};
    for (const field of historyFields) if (columns[field] !== undefined) kept[field] = columns[field];
    return { version, columns: kept, won, lost, ...(requiredFields ? { requiredFields } : {}), ...(slashDates ? { slashDates } : {}) };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError('The mapping is not a review mapping: it must be a JSON object with "version": 1 and "columns".');
  const messages = parsed.error.issues.slice(0, 5).map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const inColumns = issue.path.length === 1 && issue.path[0] === 'columns';
      const known = inColumns ? historyFields : Object.keys(ReviewMappingSchema.shape);
      const where = issue.path.length ? ` in ${pathText(issue.path)}` : '';
      return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${key}”`).join(', ')}${where}; the known keys are: ${known.join(', ')}.`;
    }
    if (issue.path[0] === 'version') return 'The mapping is not a review mapping: "version" must be 1.';
    return `${pathText(issue.path) || 'The mapping'}: ${issue.message}`;
  });
  throw new InputError(`The review mapping is not valid. ${messages.join(' ')}`);
}
