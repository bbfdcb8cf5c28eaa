import Dexie, { type Table } from 'dexie';
import { agreementForWorkshopV3, migrateWorkshopV1ToV2, type WorkshopRecordV1, type WorkshopRecordV2 } from '../../shared/migrations/index';
import type { AgreementRecord, CalibrationRecord, ReviewRecord, SessionRecord, SettingRecord, TemplateRecord, VersionRecord, WorkshopRecord } from '../../shared/model/records';

/** Name of the IndexedDB database; never change it (it is where every user's library lives). */
export const DATABASE_NAME = 'accord';

// The records' types are derived from their schemas in shared/model/records.ts, which the library file (backups) checks.
export type { AgreementRecord, CalibrationRecord, ReviewRecord, SessionRecord, SettingRecord, TemplateRecord } from '../../shared/model/records';

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
