import type { AccordFileVersion } from '../../shared/model/accord-file';
import type { Agreement } from '../../shared/model/agreement';
import { contentHash } from '../../shared/model/canonical';
import { FileVersionSchema, type VersionRecord } from '../../shared/model/versions';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { blankAgreement } from '../../shared/model/blank-agreement';
import { ClientNameSchema, WorkshopTitleSchema, type WorkshopRecord } from '../../shared/model/workshop';
import { createWorkshopRecord } from '../../shared/model/workshop-factory';
import { duplicateAgreement, duplicateTitle } from '../../shared/model/duplicate-workshop';
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

/**
 * Workshops in the local library, each with its agreement draft. Validates
 * before every write, so nothing invalid is ever stored; the library record
 * and the agreement's title and client always change together.
 */
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

  /**
   * Creates a draft workshop with its agreement: the given one (a template's),
   * or a blank one. Throws RepositoryError with the reason on invalid input.
   */
  async create(input: { title: string; client?: string; agreement?: Agreement; versions?: readonly AccordFileVersion[] }): Promise<WorkshopRecord> {
    let record: WorkshopRecord;
    try {
      record = createWorkshopRecord(input, this.newId(), this.clock());
    } catch (error) {
      throw new RepositoryError(describe(error));
    }
    const base = input.agreement ? (JSON.parse(JSON.stringify(input.agreement)) as Agreement) : blankAgreement();
    const agreement: Agreement = { ...base, workshop: { ...base.workshop, title: record.title, client: record.client } };
    // Signed versions (from an imported file) come in unchanged: their content is what was signed. Each is checked
    // against the one schema the library file (backups) uses, so nothing stored here can be refused by a backup or restore.
    const versions: VersionRecord[] = (input.versions ?? []).map((version) => {
      const checked = FileVersionSchema.safeParse(version);
      if (!checked.success) throw new RepositoryError(`Version ${String(version.number)} cannot be stored: ${firstIssueMessage(checked.error)}`);
      const content = parseAgreement(checked.data.agreement);
      if (!content.ok) throw new RepositoryError(`Version ${version.number} cannot be stored: ${content.message}`);
      return { ...version, id: `${record.id}:${version.number}`, workshopId: record.id };
    });
    if (input.agreement) {
      const draft = parseAgreement(agreement);
      if (!draft.ok) throw new RepositoryError(draft.message);
    }
    const last = versions.at(-1);
    if (last) record = { ...record, status: contentHash(agreement) === last.contentHash || contentHash(base) === last.contentHash ? 'signed' : 'amended' };
    await this.db.transaction('rw', this.db.workshops, this.db.agreements, this.db.versions, async () => {
      await this.db.workshops.add(record);
      await this.db.agreements.add({ workshopId: record.id, agreement, updatedAt: record.updatedAt });
      if (versions.length > 0) await this.db.versions.bulkAdd(versions);
    });
    return record;
  }

  /** Renames a workshop; an empty title is refused and the old one stays. */
  async rename(id: string, title: string): Promise<WorkshopRecord> {
    const parsed = WorkshopTitleSchema.safeParse(title);
    if (!parsed.success) throw new RepositoryError(firstIssueMessage(parsed.error));
    return this.change(id, { title: parsed.data });
  }

  /** Changes the client's name. */
  async setClient(id: string, client: string): Promise<WorkshopRecord> {
    const parsed = ClientNameSchema.safeParse(client);
    if (!parsed.success) throw new RepositoryError(firstIssueMessage(parsed.error));
    return this.change(id, { client: parsed.data });
  }

  /**
   * Duplicates a workshop as an independent draft: a new id, "Copy of …", the
   * original's current draft with every item's consensus back to proposed
   * (shared/model/duplicate-workshop). No versions, signatures, calibration,
   * SLA reviews or session come along; the original is not changed.
   */
  async duplicate(id: string): Promise<WorkshopRecord> {
    const [original, stored] = await Promise.all([this.db.workshops.get(id), this.db.agreements.get(id)]);
    if (!original || !stored) throw new RepositoryError('This workshop no longer exists; it may have been deleted.');
    return this.create({ title: duplicateTitle(original.title), client: original.client, agreement: duplicateAgreement(stored.agreement) });
  }

  /**
   * Archives a workshop (hidden from the library unless archived ones are
   * shown) or brings it back. Nothing else changes: its content, versions and
   * signatures stay as they are, and so does its "last change" (archiving is
   * not a change to the agreement).
   */
  async setArchived(id: string, archived: boolean): Promise<WorkshopRecord> {
    return this.db.transaction('rw', this.db.workshops, async () => {
      const current = await this.db.workshops.get(id);
      if (!current) throw new RepositoryError('This workshop no longer exists; it may have been deleted.');
      const { archivedAt: _was, ...rest } = current;
      const next: WorkshopRecord = archived ? { ...rest, archivedAt: current.archivedAt ?? this.clock() } : rest;
      await this.db.workshops.put(next);
      return next;
    });
  }

  /** Deletes a workshop, its agreement, versions and calibration for good (the person confirmed it). */
  async remove(id: string): Promise<void> {
    await this.db.transaction('rw', [this.db.workshops, this.db.agreements, this.db.versions, this.db.calibrations, this.db.reviews, this.db.sessions], async () => {
      await this.db.workshops.delete(id);
      await this.db.agreements.delete(id);
      await this.db.versions.where('workshopId').equals(id).delete();
      await this.db.calibrations.delete(id);
      await this.db.reviews.where('workshopId').equals(id).delete();
      await this.db.sessions.delete(id);
    });
  }

  private async change(id: string, fields: { title?: string; client?: string }): Promise<WorkshopRecord> {
    return this.db.transaction('rw', this.db.workshops, this.db.agreements, async () => {
      const current = await this.db.workshops.get(id);
      if (!current) throw new RepositoryError('This workshop no longer exists; it may have been deleted.');
      const next = touchRecord(current, { ...current, ...fields }, this.clock());
      await this.db.workshops.put(next);
      const stored = await this.db.agreements.get(id);
      if (stored) {
        const agreement = { ...stored.agreement, workshop: { ...stored.agreement.workshop, title: next.title, client: next.client } };
        await this.db.agreements.put({ workshopId: id, agreement, updatedAt: next.updatedAt });
      }
      return next;
    });
  }
}

/** The library record after a change: new time, search text in step. */
export function touchRecord(current: WorkshopRecord, edited: WorkshopRecord, now: number): WorkshopRecord {
  return { ...edited, updatedAt: Math.max(now, current.updatedAt), searchText: workshopSearchText(edited.title, edited.client) };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return firstIssueMessage(error as ValidationError);
  }
  return error instanceof Error ? error.message : String(error);
}
