import { workshopSearchText } from '../model/workshop-search';

/** A workshop as database version 1 stored it (first release). */
export interface WorkshopRecordV1 {
  id: string;
  title: string;
  client: string;
  status: 'draft' | 'signing' | 'signed' | 'amended';
  createdAt: number;
  updatedAt: number;
}

/** A workshop as database version 2 stores it: v1 plus the folded search text. */
export interface WorkshopRecordV2 extends WorkshopRecordV1 {
  searchText: string;
}

/**
 * Version 1 → 2: adds `searchText` (folded title and client) so the library
 * search ignores accents and case. Pure: the Dexie upgrade only calls this.
 */
export function migrateWorkshopV1ToV2(record: WorkshopRecordV1): WorkshopRecordV2 {
  return { ...record, searchText: workshopSearchText(record.title ?? '', record.client ?? '') };
}
