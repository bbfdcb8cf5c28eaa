import { describe, expect, it } from 'vitest';
import { agreementForWorkshopV3, CURRENT_DATABASE_VERSION, databaseHistory, migrateWorkshopV1ToV2, type WorkshopRecordV1 } from '../../../shared/migrations/index';
import { AgreementSchema } from '../../../shared/model/agreement';

describe('database migrations', () => {
  it('v1 → v2 keeps every field and adds the folded search text', () => {
    const v1: WorkshopRecordV1 = { id: 'a', title: 'Équipe Ventes', client: 'Crème Brûlée SA', status: 'signed', createdAt: 1, updatedAt: 2 };
    expect(migrateWorkshopV1ToV2(v1)).toEqual({ ...v1, searchText: 'equipe ventes creme brulee sa' });
  });
  it('does not change its input', () => {
    const v1: WorkshopRecordV1 = { id: 'a', title: 'T', client: '', status: 'draft', createdAt: 1, updatedAt: 1 };
    const copy = structuredClone(v1);
    migrateWorkshopV1ToV2(v1);
    expect(v1).toEqual(copy);
  });
  it('lists every released version in order, ending with the current one', () => {
    expect(databaseHistory.map((entry) => entry.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(databaseHistory.at(-1)?.version).toBe(CURRENT_DATABASE_VERSION);
  });
});

describe('v2 → v3', () => {
  it('gives every workshop a valid blank agreement with its title and client', () => {
    const record = agreementForWorkshopV3({ id: 'w', title: 'Old workshop', client: 'Old client', status: 'draft', createdAt: 1, updatedAt: 5, searchText: 'old workshop old client' });
    expect(record.workshopId).toBe('w');
    expect(record.updatedAt).toBe(5);
    expect(record.agreement.workshop).toMatchObject({ title: 'Old workshop', client: 'Old client' });
    expect(AgreementSchema.safeParse(record.agreement).success).toBe(true);
  });
});
