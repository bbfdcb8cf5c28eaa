import { describe, expect, it } from 'vitest';
import { RepositoryError, WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { freshDatabase } from '../support/render-app';

function repository() {
  let now = 1000;
  let id = 0;
  return new WorkshopRepository(freshDatabase(), () => (now += 10), () => `id${(id += 1)}`);
}

describe('WorkshopRepository', () => {
  it('creates drafts and lists the most recently changed first', async () => {
    const repo = repository();
    await repo.create({ title: 'First', client: 'A' });
    await repo.create({ title: 'Second' });
    expect((await repo.list()).map((w) => w.title)).toEqual(['Second', 'First']);
    await repo.rename('id1', 'First, renamed');
    expect((await repo.list()).map((w) => w.title)).toEqual(['First, renamed', 'Second']);
  });

  it('refuses an empty title on create and writes nothing', async () => {
    const repo = repository();
    await expect(repo.create({ title: '   ' })).rejects.toThrow('Give the workshop a title; it cannot be empty.');
    expect(await repo.list()).toEqual([]);
  });

  it('refuses an empty rename and keeps the old title', async () => {
    const repo = repository();
    const created = await repo.create({ title: 'Keep me' });
    await expect(repo.rename(created.id, ' ')).rejects.toBeInstanceOf(RepositoryError);
    expect(await repo.get(created.id)).toEqual(created);
  });

  it('keeps the search text in step with title and client', async () => {
    const repo = repository();
    const created = await repo.create({ title: 'Plan', client: 'Old' });
    await repo.setClient(created.id, 'Société Générale');
    expect((await repo.get(created.id))?.searchText).toBe('plan societe generale');
  });

  it('says so when the workshop is gone', async () => {
    const repo = repository();
    await expect(repo.rename('missing', 'x')).rejects.toThrow('This workshop no longer exists');
  });

  it('deletes', async () => {
    const repo = repository();
    const created = await repo.create({ title: 'Gone soon' });
    await repo.remove(created.id);
    expect(await repo.get(created.id)).toBeUndefined();
  });
});
