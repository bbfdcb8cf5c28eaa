import type { Agreement } from '../model/agreement';
import { blankAgreement } from '../model/blank-agreement';
import type { WorkshopRecordV2 } from './workshop-v2';

/** An agreement draft as database version 3 stores it, one per workshop. */
export interface AgreementRecordV3 {
  workshopId: string;
  agreement: Agreement;
  updatedAt: number;
}

/**
 * Version 2 → 3: every workshop gets its agreement draft. Workshops made
 * before agreements existed get a blank one carrying their title and client.
 */
export function agreementForWorkshopV3(workshop: WorkshopRecordV2): AgreementRecordV3 {
  return { workshopId: workshop.id, agreement: blankAgreement(workshop.title, workshop.client), updatedAt: workshop.updatedAt };
}
