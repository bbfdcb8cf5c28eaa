import { addSignature, isIntact, startSigning, VersionRecordSchema, type SignatureRecord, type VersionRecord, type VersionSeal } from '../../shared/model/versions';
import { firstIssueMessage } from '../../shared/model/validation';
import { parseAgreement } from '../../shared/model/parse-agreement';
import type { WorkshopStatus } from '../../shared/model/workshop';
import type { AccordDatabase } from './database';
import { RepositoryError } from './workshop-repository';

/** A stored version as the app shows it: with the result of re-checking its hash. */
export interface LoadedVersion extends VersionRecord {
  /** False when the stored content no longer matches its hash: shown as tampered, never trusted. */
  intact: boolean;
}

/**
 * Versions of a workshop's agreement. A signed version is immutable: every
 * write to it is refused, and its hash is re-checked whenever it is read.
 */
export class VersionRepository {
  constructor(
    private readonly db: AccordDatabase,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Every version of a workshop, oldest first, each re-checked. */
  async list(workshopId: string): Promise<LoadedVersion[]> {
    const versions = await this.db.versions.where('workshopId').equals(workshopId).toArray();
    return versions.sort((a, b) => a.number - b.number).map((version) => ({ ...version, intact: isIntact(version) }));
  }

  /** The versions whose content has this hash (to tell whether a PDF belongs to this library). */
  async findByHash(hash: string): Promise<LoadedVersion[]> {
    const versions = await this.db.versions.where('contentHash').equals(hash).toArray();
    return versions.map((version) => ({ ...version, intact: isIntact(version) }));
  }

  /** Freezes the current draft for signature. Refused unless the draft is ready, or while a version is being signed. */
  async startSigning(workshopId: string): Promise<VersionRecord> {
    return this.db.transaction('rw', this.db.workshops, this.db.agreements, this.db.versions, async () => {
      const existing = await this.list(workshopId);
      if (existing.some((version) => version.status === 'signing')) throw new RepositoryError('A version is already being signed.');
      const draft = await this.db.agreements.get(workshopId);
      if (!draft) throw new RepositoryError('This workshop no longer exists.');
      const parsed = parseAgreement(draft.agreement);
      if (!parsed.ok) throw new RepositoryError(parsed.message);
      const number = (existing.at(-1)?.number ?? 0) + 1;
      let version: VersionRecord;
      try {
        version = startSigning(workshopId, number, parsed.agreement, this.clock());
      } catch (error) {
        throw new RepositoryError(error instanceof Error ? error.message : String(error));
      }
      await this.db.versions.add(version);
      await this.setStatus(workshopId, 'signing');
      return version;
    });
  }

  /** Stops signing without a signature kept; the draft can be edited again. */
  async cancelSigning(workshopId: string): Promise<void> {
    await this.db.transaction('rw', this.db.workshops, this.db.versions, async () => {
      const versions = await this.list(workshopId);
      const signing = versions.find((version) => version.status === 'signing');
      if (!signing) return;
      await this.db.versions.delete(signing.id);
      await this.setStatus(workshopId, versions.some((version) => version.status === 'signed') ? 'amended' : 'draft');
    });
  }

  /** Records one signature on the version being signed; the last one locks it. */
  async sign(workshopId: string, signature: Pick<SignatureRecord, 'participantId' | 'method' | 'image' | 'signedAt' | 'contentHash'>): Promise<VersionRecord> {
    return this.db.transaction('rw', this.db.workshops, this.db.versions, async () => {
      const signing = (await this.list(workshopId)).find((version) => version.status === 'signing');
      if (!signing) throw new RepositoryError('No version of this workshop is waiting for signatures.');
      if (!signing.intact) throw new RepositoryError(`Version ${signing.number} no longer matches its hash; it cannot be signed.`);
      let next: VersionRecord;
      try {
        const { intact: _intact, ...record } = signing;
        next = addSignature(record, signature, this.clock());
      } catch (error) {
        throw new RepositoryError(error instanceof Error ? error.message : String(error));
      }
      await this.write(next);
      if (next.status === 'signed') await this.setStatus(workshopId, 'signed');
      return next;
    });
  }

  /**
   * Keeps the seal main made for a version whose signing has just completed.
   * Only a signed version without a seal takes one, and only this way: a
   * signed version is otherwise never written again.
   */
  async storeSeal(workshopId: string, number: number, seal: VersionSeal): Promise<void> {
    await this.db.transaction('rw', this.db.versions, async () => {
      const stored = await this.db.versions.get(`${workshopId}:${number}`);
      if (!stored || stored.status !== 'signed') throw new RepositoryError(`Version ${number} is not signed: there is nothing to seal.`);
      if (stored.seal) throw new RepositoryError(`Version ${number} is already sealed.`);
      const checked = VersionRecordSchema.safeParse({ ...stored, seal });
      if (!checked.success) throw new RepositoryError(`The seal of version ${number} cannot be stored: ${firstIssueMessage(checked.error)}`);
      await this.db.versions.put({ ...stored, seal });
    });
  }

  /** Starts an amendment after a signed version: the draft is editable again, to be signed as the next version. */
  async amend(workshopId: string): Promise<void> {
    await this.db.transaction('rw', this.db.workshops, this.db.versions, async () => {
      const last = (await this.list(workshopId)).at(-1);
      if (!last || last.status !== 'signed') throw new RepositoryError('Only a signed agreement can be amended.');
      await this.setStatus(workshopId, 'amended');
    });
  }

  /** The one path that writes a version: a signed version is never overwritten, and nothing the library file (backups) would refuse is stored. */
  async write(version: VersionRecord): Promise<void> {
    const checked = VersionRecordSchema.safeParse(version);
    if (!checked.success) throw new RepositoryError(`Version ${String(version.number)} cannot be stored: ${firstIssueMessage(checked.error)}`);
    const content = parseAgreement(version.agreement);
    if (!content.ok) throw new RepositoryError(`Version ${version.number} cannot be stored: ${content.message}`);
    const stored = await this.db.versions.get(version.id);
    if (stored?.status === 'signed') throw new RepositoryError(`Version ${stored.number} is signed and locked; start an amendment to change the agreement.`);
    await this.db.versions.put(version);
  }

  private async setStatus(workshopId: string, status: WorkshopStatus): Promise<void> {
    const record = await this.db.workshops.get(workshopId);
    if (record) await this.db.workshops.put({ ...record, status, updatedAt: Math.max(this.clock(), record.updatedAt) });
  }
}
