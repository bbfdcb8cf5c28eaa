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

/** A workshop as the library stores it (schema version 2 of the database). */
export const WorkshopRecordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  title: WorkshopTitleSchema,
  client: ClientNameSchema,
  status: WorkshopStatusSchema,
  createdAt: z.int().check(z.nonnegative()),
  updatedAt: z.int().check(z.nonnegative()),
  /** Folded "title client", kept in step with them, so search ignores accents and case. */
  searchText: z.string(),
  /** When it was archived (ms since the epoch): hidden from the library unless "Show archived" is on. Absent while active. */
  archivedAt: z.optional(z.int().check(z.nonnegative())),
});

/** A workshop as the library stores it. */
export type WorkshopRecord = z.output<typeof WorkshopRecordSchema>;
