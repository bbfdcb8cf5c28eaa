import { MAX_SEARCH_TEXT_CHARS } from './workshop-search';
import { z } from './zod';

/** Where a workshop stands in its life: editing, collecting signatures, signed, or amended after signing. */
export const workshopStatuses = ['draft', 'signing', 'signed', 'amended'] as const;

/** A workshop's lifecycle status. */
export type WorkshopStatus = (typeof workshopStatuses)[number];

/** Schema of a workshop's lifecycle status. */
export const WorkshopStatusSchema = z.enum(workshopStatuses);

/** Longest title or client name we accept; long enough for any real name, short enough for a projector. */
export const WORKSHOP_TEXT_MAX = 120;

/** A workshop title: trimmed, never empty or only spaces. */
export const WorkshopTitleSchema = z.string({ error: 'The title must be text.' }).check(
  z.trim(),
  z.minLength(1, { error: 'Give the workshop a title; it cannot be empty.' }),
  z.maxLength(WORKSHOP_TEXT_MAX, { error: `Keep the title under ${WORKSHOP_TEXT_MAX + 1} characters.` }),
);

/** A client organisation's name: trimmed, may be empty while it is not known yet. */
export const ClientNameSchema = z.string({ error: 'The client name must be text.' }).check(
  z.trim(),
  z.maxLength(WORKSHOP_TEXT_MAX, { error: `Keep the client name under ${WORKSHOP_TEXT_MAX + 1} characters.` }),
);

/** What a person types to create a workshop. */
export const NewWorkshopSchema = z.object({
  title: WorkshopTitleSchema,
  client: z._default(ClientNameSchema, ''),
});

/** Validated input for a new workshop. */
export type NewWorkshop = z.output<typeof NewWorkshopSchema>;

/** Workshop, template and review ids: what the app makes (UUIDs), and what a route may carry. */
export const RecordIdSchema = z.string({ error: 'The id must be text.' }).check(z.regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'The id must be 1 to 64 letters, digits or "-" (as the app makes them).' }));

/** A workshop as the library stores it (schema version 2 of the database), and as the library file checks it. */
export const WorkshopRecordSchema = z.strictObject({
  id: RecordIdSchema,
  title: WorkshopTitleSchema,
  client: ClientNameSchema,
  status: WorkshopStatusSchema,
  createdAt: z.int().check(z.nonnegative()),
  updatedAt: z.int().check(z.nonnegative()),
  /** Folded "title client", kept in step with them, so search ignores accents and case (cut at MAX_SEARCH_TEXT_CHARS). */
  searchText: z.string().check(z.maxLength(MAX_SEARCH_TEXT_CHARS, { error: `Longer than ${MAX_SEARCH_TEXT_CHARS.toLocaleString('en-US')} characters.` })),
  /** When it was archived (ms since the epoch): hidden from the library unless "Show archived" is on. Absent while active. */
  archivedAt: z.optional(z.int().check(z.nonnegative())),
});

/** A workshop as the library stores it. */
export type WorkshopRecord = z.output<typeof WorkshopRecordSchema>;
