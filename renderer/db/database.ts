import Dexie, { type Table } from 'dexie';
import { migrateWorkshopV1ToV2, type WorkshopRecordV1 } from '../../shared/migrations/index';
import type { WorkshopRecord } from '../../shared/model/workshop';

/** Name of the IndexedDB database; never change it (it is where every user's library lives). */
export const DATABASE_NAME = 'accord';

/**
 * The local database. Every `version(n)` ever released stays here forever,
 * oldest first; each upgrade only calls a pure function of shared/migrations.
 * Transactions use strict durability: a committed write is on disk, so a crash
 * or power cut right after a change loses nothing.
 */
export class AccordDatabase extends Dexie {
  workshops!: Table<WorkshopRecord, string>;

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
  }
}

let shared: AccordDatabase | null = null;

/** The app's database, opened once. */
export function getDatabase(): AccordDatabase {
  shared ??= new AccordDatabase();
  return shared;
}
