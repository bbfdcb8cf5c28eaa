import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { AgreementRepository } from '../../../renderer/db/agreement-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { findTemplate } from '../../../shared/templates/templates';
import { CURRENT_DATABASE_VERSION } from '../../../shared/migrations/index';

describe('database upgrade', () => {
  it('opens a version-1 database with the current code and loses nothing', async () => {
    const name = `accord-v1-${Date.now()}`;
    // Exactly what the first release created and wrote.
    const v1 = new Dexie(name);
    v1.version(1).stores({ workshops: 'id, updatedAt, status' });
    await v1.table('workshops').bulkAdd([
      { id: 'a', title: 'Équipe Ventes 2026', client: 'Crème SA', status: 'signed', createdAt: 10, updatedAt: 20 },
      { id: 'b', title: 'Q3 SLA', client: '', status: 'draft', createdAt: 30, updatedAt: 40 },
    ]);
    v1.close();

    const current = new AccordDatabase(name);
    const repository = new WorkshopRepository(current);
    const list = await repository.list();
    expect(current.verno).toBe(CURRENT_DATABASE_VERSION);
    const agreement = await new AgreementRepository(current).load('a');
    expect(agreement.workshop).toMatchObject({ title: 'Équipe Ventes 2026', client: 'Crème SA' });
    expect(list).toEqual([
      { id: 'b', title: 'Q3 SLA', client: '', status: 'draft', createdAt: 30, updatedAt: 40, searchText: 'q3 sla' },
      { id: 'a', title: 'Équipe Ventes 2026', client: 'Crème SA', status: 'signed', createdAt: 10, updatedAt: 20, searchText: 'equipe ventes 2026 creme sa' },
    ]);
    current.close();
  });
});

describe('database upgrade from version 2', () => {
  it('opens a version-2 database, keeps every workshop and gives each an agreement', async () => {
    const name = `accord-v2-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({ workshops: 'id, updatedAt, status' });
    v2.version(2).stores({ workshops: 'id, updatedAt, status' });
    await v2.table('workshops').add({ id: 'x', title: 'Q1 SLA', client: 'Zeta', status: 'draft', createdAt: 1, updatedAt: 2, searchText: 'q1 sla zeta' });
    v2.close();
    const current = new AccordDatabase(name);
    expect(await new WorkshopRepository(current).list()).toEqual([{ id: 'x', title: 'Q1 SLA', client: 'Zeta', status: 'draft', createdAt: 1, updatedAt: 2, searchText: 'q1 sla zeta' }]);
    const agreements = new AgreementRepository(current);
    expect((await agreements.load('x')).workshop.title).toBe('Q1 SLA');
    // and the upgraded database is fully usable: save a template-based agreement into it
    await agreements.save('x', { ...findTemplate('smb-product-led')!.build(), workshop: { ...findTemplate('smb-product-led')!.build().workshop, title: 'Q1 SLA', client: 'Zeta' } });
    expect((await agreements.load('x')).scoring.framework.kind).toBe('CHAMP');
    current.close();
  });
});
