import { z } from './zod';

/** One section of the session: its whole minutes (at least 1), and whether it is skipped this session. */
export const AgendaItemSchema = z.object({
  sectionId: z.string().check(z.maxLength(40)),
  title: z.string().check(z.maxLength(200)),
  minutes: z.int().check(z.minimum(1), z.maximum(600)),
  skipped: z.boolean(),
});

/** One section of the session (shared/engines/agenda/agenda.ts works on it). */
export type AgendaItem = z.output<typeof AgendaItemSchema>;

/**
 * The timer's state: when the session started, the index in the agenda of the item being discussed, when the current
 * stretch started (null while paused or before the start), and the milliseconds spent per section id before it.
 */
export const SessionTimerSchema = z.object({
  startedAt: z.nullable(z.number()),
  current: z.int().check(z.nonnegative()),
  runningSince: z.nullable(z.number()),
  spent: z.record(z.string().check(z.maxLength(40)), z.number().check(z.nonnegative())),
});

/** The timer's state: which item runs, since when, and time already spent per item. */
export type SessionTimer = z.output<typeof SessionTimerSchema>;

/** A stored session (agenda and timer of one workshop), checked on read: a damaged record is replaced by the defaults. */
export const StoredSessionSchema = z.object({
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  agenda: z.array(AgendaItemSchema).check(z.maxLength(50)),
  timer: SessionTimerSchema,
  sound: z.boolean(),
  updatedAt: z.number(),
});
