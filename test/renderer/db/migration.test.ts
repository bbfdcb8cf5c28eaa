import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';

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
    expect(current.verno).toBe(2);
    expect(list).toEqual([
      { id: 'b', title: 'Q3 SLA', client: '', status: 'draft', createdAt: 30, updatedAt: 40, searchText: 'q3 sla' },
      { id: 'a', title: 'Équipe Ventes 2026', client: 'Crème SA', status: 'signed', createdAt: 10, updatedAt: 20, searchText: 'equipe ventes 2026 creme sa' },
    ]);
    current.close();
  });
});
