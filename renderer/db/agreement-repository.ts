import type { Agreement } from '../../shared/model/agreement';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { WorkshopTitleSchema } from '../../shared/model/workshop';
import type { AccordDatabase, TemplateRecord } from './database';
import { RepositoryError, touchRecord } from './workshop-repository';

/** Agreement drafts and the consultant's own templates. */
export class AgreementRepository {
  constructor(
    private readonly db: AccordDatabase,
    private readonly clock: () => number = () => Date.now(),
    private readonly newId: () => string = () => crypto.randomUUID(),
  ) {}

  /** A workshop's agreement, checked on the way out: damaged data is reported, never half-loaded. */
  async load(workshopId: string): Promise<Agreement> {
    const stored = await this.db.agreements.get(workshopId);
    if (!stored) throw new RepositoryError('This workshop has no agreement; it may have been deleted.');
    const parsed = parseAgreement(stored.agreement);
    if (!parsed.ok) throw new RepositoryError(parsed.message);
    return parsed.agreement;
  }

  /**
   * Saves a draft (unfinished drafts are fine; they block signing, not saving)
   * and keeps the library's title, client and last change in step, in one
   * transaction. A structurally broken agreement is refused.
   */
  async save(workshopId: string, agreement: Agreement): Promise<void> {
    const parsed = parseAgreement(agreement);
    if (!parsed.ok) throw new RepositoryError(parsed.message);
    await this.db.transaction('rw', this.db.workshops, this.db.agreements, async () => {
      const current = await this.db.workshops.get(workshopId);
      if (!current) throw new RepositoryError('This workshop no longer exists; it may have been deleted.');
      const title = WorkshopTitleSchema.safeParse(agreement.workshop.title);
      const next = touchRecord(current, { ...current, title: title.success ? title.data : current.title, client: agreement.workshop.client.trim() }, this.clock());
      await this.db.workshops.put(next);
      await this.db.agreements.put({ workshopId, agreement: parsed.agreement, updatedAt: next.updatedAt });
    });
  }

  /** The consultant's saved templates, newest first. */
  async listTemplates(): Promise<TemplateRecord[]> {
    return this.db.templates.orderBy('createdAt').reverse().toArray();
  }

  /** Saves an agreement (already stripped of the room's specifics) as a template. */
  async saveTemplate(name: string, description: string, agreement: Agreement): Promise<TemplateRecord> {
    if (name.trim() === '') throw new RepositoryError('Give the template a name.');
    const parsed = parseAgreement(agreement);
    if (!parsed.ok) throw new RepositoryError(parsed.message);
    const record: TemplateRecord = { id: this.newId(), name: name.trim().slice(0, 120), description: description.trim().slice(0, 400), agreement: parsed.agreement, createdAt: this.clock() };
    await this.db.templates.add(record);
    return record;
  }

  /** Deletes a saved template. */
  async removeTemplate(id: string): Promise<void> {
    await this.db.templates.delete(id);
  }
}
