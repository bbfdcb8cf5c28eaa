import Dexie, { type Table } from 'dexie';
import { agreementForWorkshopV3, migrateWorkshopV1ToV2, type WorkshopRecordV1, type WorkshopRecordV2 } from '../../shared/migrations/index';
import type { Agreement } from '../../shared/model/agreement';
import type { VersionRecord } from '../../shared/model/versions';
import type { LibraryAgreementRecord, LibraryCalibrationRecord, LibraryReviewRecord, LibrarySessionRecord } from '../../shared/model/library-file';
import type { WorkshopRecord } from '../../shared/model/workshop';

/** Name of the IndexedDB database; never change it (it is where every user's library lives). */
export const DATABASE_NAME = 'accord';

/** A workshop's agreement draft (the shape lives in shared/model/library-file.ts, which backups also read). */
export type AgreementRecord = LibraryAgreementRecord;

/** A workshop's calibration: the mapping, which files it ran on, and the results. Never the rows. */
export type CalibrationRecord = LibraryCalibrationRecord;

/** One SLA review's results, kept for trends: per commitment its state and figures; no rows, no lead ids. */
export type ReviewRecord = LibraryReviewRecord;

/** A workshop's facilitated session: its agenda (order, time boxes, skips) and timer. Not part of the agreement. */
export type SessionRecord = LibrarySessionRecord;

/** One app-wide setting of this computer (e.g. the consultant's branding), validated on read. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A template a consultant saved from one of their agreements. */
export interface TemplateRecord {
  id: string;
  name: string;
  description: string;
  agreement: Agreement;
  createdAt: number;
}

/**
 * The local database. Every `version(n)` ever released stays here forever,
 * oldest first; each upgrade only calls a pure function of shared/migrations.
 * Transactions use strict durability: a committed write is on disk, so a crash
 * or power cut right after a change loses nothing.
 */
export class AccordDatabase extends Dexie {
  workshops!: Table<WorkshopRecord, string>;
  agreements!: Table<AgreementRecord, string>;
  templates!: Table<TemplateRecord, string>;
  versions!: Table<VersionRecord, string>;
  calibrations!: Table<CalibrationRecord, string>;
  reviews!: Table<ReviewRecord, string>;
  sessions!: Table<SessionRecord, string>;
  settings!: Table<SettingRecord, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ workshops: 'id, updatedAt, status' });
    this.version(2)
      .stores({ workshops: 'id, updatedAt, status' })
      .upgrade((transaction) =>
        transaction
          .table<WorkshopRecordV1>('workshops')
          .toCollection()
          .modify((record) => {
            Object.assign(record, migrateWorkshopV1ToV2(record));
          }),
      );
    this.version(3)
      .stores({ workshops: 'id, updatedAt, status', agreements: 'workshopId', templates: 'id, createdAt' })
      .upgrade(async (transaction) => {
        const workshops = await transaction.table<WorkshopRecordV2>('workshops').toArray();
        await transaction.table('agreements').bulkPut(workshops.map(agreementForWorkshopV3));
      });
    // Version 4 adds signed and signing versions; nothing existing changes.
    this.version(4).stores({ workshops: 'id, updatedAt, status', agreements: 'workshopId', templates: 'id, createdAt', versions: 'id, workshopId, contentHash' });
    // Version 5 adds calibrations; nothing existing changes.
    this.version(5).stores({ workshops: 'id, updatedAt, status', agreements: 'workshopId', templates: 'id, createdAt', versions: 'id, workshopId, contentHash', calibrations: 'workshopId' });
    // Version 6 adds reviews; nothing existing changes.
    this.version(6).stores({ workshops: 'id, updatedAt, status', agreements: 'workshopId', templates: 'id, createdAt', versions: 'id, workshopId, contentHash', calibrations: 'workshopId', reviews: 'id, workshopId' });
    // Version 7 adds the facilitated session (agenda and timer) per workshop, and app settings; nothing existing changes.
    this.version(7).stores({ workshops: 'id, updatedAt, status', agreements: 'workshopId', templates: 'id, createdAt', versions: 'id, workshopId, contentHash', calibrations: 'workshopId', reviews: 'id, workshopId', sessions: 'workshopId', settings: 'key' });
  }
}

let shared: AccordDatabase | null = null;

/** The app's database, opened once. */
export function getDatabase(): AccordDatabase {
  shared ??= new AccordDatabase();
  return shared;
}
