import type { LibrarySnapshot, LibraryTable, RawLibrarySnapshot } from '../../shared/model/library-file';
import type { AccordDatabase } from './database';

function tablesOf(db: AccordDatabase) {
  return [db.workshops, db.agreements, db.versions, db.templates, db.calibrations, db.reviews, db.sessions, db.settings];
}

/**
 * Every record of every table, read in one read-only transaction, so the
 * snapshot is one consistent moment of the library (a save in between lands
 * wholly before or wholly after it).
 */
export async function readLibrarySnapshot(db: AccordDatabase): Promise<RawLibrarySnapshot> {
  return db.transaction('r', tablesOf(db), async () => {
    const [workshops, agreements, versions, templates, calibrations, reviews, sessions, settings] = await Promise.all([
      db.workshops.toArray(),
      db.agreements.toArray(),
      db.versions.toArray(),
      db.templates.toArray(),
      db.calibrations.toArray(),
      db.reviews.toArray(),
      db.sessions.toArray(),
      db.settings.toArray(),
    ]);
    return { workshops, agreements, versions, templates, calibrations, reviews, sessions, settings } satisfies Record<LibraryTable, unknown[]>;
  });
}

/**
 * Replaces the whole library with a checked snapshot, in ONE read-write
 * transaction: every table is cleared and refilled, and if anything fails
 * (a write refused, the tab closed, the disk full) IndexedDB rolls all of it
 * back, so the old library is untouched. `strict` durability (the
 * database's setting): once this resolves the new library is on disk.
 */
export async function replaceLibrary(db: AccordDatabase, snapshot: LibrarySnapshot): Promise<void> {
  await db.transaction('rw', tablesOf(db), async () => {
    await Promise.all(tablesOf(db).map((table) => table.clear()));
    await db.workshops.bulkAdd(snapshot.workshops);
    await db.agreements.bulkAdd(snapshot.agreements);
    await db.versions.bulkAdd(snapshot.versions);
    await db.templates.bulkAdd(snapshot.templates);
    await db.calibrations.bulkAdd(snapshot.calibrations);
    await db.reviews.bulkAdd(snapshot.reviews);
    await db.sessions.bulkAdd(snapshot.sessions);
    await db.settings.bulkAdd(snapshot.settings);
  });
}
