import { z } from './zod';

/** A stored session (agenda and timer of one workshop), checked on read: a damaged record is replaced by the defaults. */
export const StoredSessionSchema = z.object({
  workshopId: z.string().check(z.minLength(1), z.maxLength(64)),
  agenda: z
    .array(
      z.object({
        sectionId: z.string().check(z.maxLength(40)),
        title: z.string().check(z.maxLength(200)),
        minutes: z.int().check(z.minimum(1), z.maximum(600)),
        skipped: z.boolean(),
      }),
    )
    .check(z.maxLength(50)),
  timer: z.object({
    startedAt: z.nullable(z.number()),
    current: z.int().check(z.nonnegative()),
    runningSince: z.nullable(z.number()),
    spent: z.record(z.string().check(z.maxLength(40)), z.number().check(z.nonnegative())),
  }),
  sound: z.boolean(),
  updatedAt: z.number(),
});
