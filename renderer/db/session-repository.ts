import { StoredSessionSchema } from '../../shared/model/session';
import type { AccordDatabase, SessionRecord } from './database';

/** A workshop's facilitated session (agenda and timer); one record per workshop. */
export class SessionRepository {
  constructor(private readonly db: AccordDatabase) {}

  /** The stored session, or null when there is none or it is damaged (the defaults then apply). */
  async get(workshopId: string): Promise<SessionRecord | null> {
    const record = await this.db.sessions.get(workshopId);
    if (!record) return null;
    const parsed = StoredSessionSchema.safeParse(record);
    return parsed.success ? parsed.data : null;
  }

  async put(record: SessionRecord): Promise<void> {
    await this.db.sessions.put(record);
  }
}
