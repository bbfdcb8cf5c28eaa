/**
 * Every database schema version ever released, oldest first. Dexie keeps each
 * `db.version(n)` forever; the upgrade of version n calls the pure transform
 * listed here, so a migration is unit-tested without IndexedDB.
 */
export const databaseHistory = [
  { version: 1, released: '0.1.0', change: 'Workshops: id, title, client, status, createdAt, updatedAt.' },
  { version: 2, released: '0.1.0', change: 'Workshops gain searchText (folded title + client) for accent-insensitive search.' },
  { version: 3, released: '0.2.0', change: 'Agreements (one draft per workshop) and user templates; existing workshops get a blank agreement.' },
  { version: 4, released: '0.3.0', change: 'Versions: frozen content, its hash and signatures; signed versions are immutable.' },
  { version: 5, released: '0.4.0', change: 'Calibrations: the mapping and results of a workshop\'s calibration (never the rows).' },
  { version: 6, released: '0.5.0', change: 'Reviews: each SLA review\'s results per commitment, for trends (never the rows or lead ids).' },
  { version: 7, released: '0.6.0', change: 'Sessions (agenda and timer per workshop) and settings (branding of this computer).' },
] as const;

/** The schema version the current code writes. */
export const CURRENT_DATABASE_VERSION = 7;

export { migrateWorkshopV1ToV2 } from './workshop-v2';
export type { WorkshopRecordV1, WorkshopRecordV2 } from './workshop-v2';
export { agreementForWorkshopV3 } from './agreement-v3';
export type { AgreementRecordV3 } from './agreement-v3';
export { stampPositionHashes } from './position-hashes';
