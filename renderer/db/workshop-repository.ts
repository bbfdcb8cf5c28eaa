import { ClientNameSchema, WorkshopTitleSchema, type WorkshopRecord } from '../../shared/model/workshop';
import { createWorkshopRecord } from '../../shared/model/workshop-factory';
import { workshopSearchText } from '../../shared/model/workshop-search';
import { firstIssueMessage, type ValidationError } from '../../shared/model/validation';
import type { AccordDatabase } from './database';
import { readWorkshops } from './workshop-queries';

/** A change the repository refused, with the reason for people. */
export class RepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RepositoryError';
  }
}

/** Workshops in the local library. Validates before every write, so nothing invalid is ever stored. */
export class WorkshopRepository {
  constructor(
    private readonly db: AccordDatabase,
    private readonly clock: () => number = () => Date.now(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** Every workshop, most recently changed first. */
  async list(): Promise<WorkshopRecord[]> {
    return readWorkshops(this.db);
  }

  /** One workshop, or undefined. */
  async get(id: string): Promise<WorkshopRecord | undefined> {
    return this.db.workshops.get(id);
  }

  /** Creates a draft workshop; throws RepositoryError with the reason on invalid input. */
  async create(input: { title: string; client?: string }): Promise<WorkshopRecord> {
    let record: WorkshopRecord;
    try {
      record = createWorkshopRecord(input, this.newId(), this.clock());
    } catch (error) {
      throw new RepositoryError(describe(error));
    }
    await this.db.workshops.add(record);
    return record;
  }

  /** Renames a workshop; an empty title is refused and the old one stays. */
  async rename(id: string, title: string): Promise<WorkshopRecord> {
    const parsed = WorkshopTitleSchema.safeParse(title);
    if (!parsed.success) throw new RepositoryError(firstIssueMessage(parsed.error));
    return this.change(id, (record) => ({ ...record, title: parsed.data }));
  }

  /** Changes the client's name. */
  async setClient(id: string, client: string): Promise<WorkshopRecord> {
    const parsed = ClientNameSchema.safeParse(client);
    if (!parsed.success) throw new RepositoryError(firstIssueMessage(parsed.error));
    return this.change(id, (record) => ({ ...record, client: parsed.data }));
  }

  /** Deletes a workshop for good. */
  async remove(id: string): Promise<void> {
    await this.db.workshops.delete(id);
  }

  private async change(id: string, edit: (record: WorkshopRecord) => WorkshopRecord): Promise<WorkshopRecord> {
    return this.db.transaction('rw', this.db.workshops, async () => {
      const current = await this.db.workshops.get(id);
      if (!current) throw new RepositoryError('This workshop no longer exists; it may have been deleted.');
      const edited = edit(current);
      const next: WorkshopRecord = {
        ...edited,
        updatedAt: Math.max(this.clock(), current.updatedAt),
        searchText: workshopSearchText(edited.title, edited.client),
      };
      await this.db.workshops.put(next);
      return next;
    });
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return firstIssueMessage(error as ValidationError);
  }
  return error instanceof Error ? error.message : String(error);
}
