import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LIBRARY_DATABASE_VERSION, parseLibraryFile, serializeLibrary } from '../../../shared/model/library-file';
import { settingSchemas as librarySettingSchemas } from '../../../shared/model/records';
import { AccordDatabase } from '../../../renderer/db/database';
import { readLibrarySnapshot, replaceLibrary } from '../../../renderer/db/library-snapshot';
import { settingKeys } from '../../../renderer/db/settings-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { sampleLibrary } from '../../fixtures/library';

let counter = 0;
const opened: AccordDatabase[] = [];
function database(): AccordDatabase {
  counter += 1;
  const db = new AccordDatabase(`library-snapshot-${Date.now()}-${counter}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const meta = { exportedAt: new Date('2026-11-23T10:00:00Z'), appVersion: 'test' };

describe('library snapshot and replace', () => {
  it('the library file covers the database: same version, every setting key has a schema', () => {
    expect(database().verno).toBe(LIBRARY_DATABASE_VERSION);
    for (const key of Object.values(settingKeys)) expect(Object.keys(librarySettingSchemas)).toContain(key);
  });

  it('every record the app itself writes passes the import checks (the fixture database of the newest version)', () => {
    const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'databases', `v${LIBRARY_DATABASE_VERSION}.json`), 'utf8')) as { tables: Record<string, unknown[]> };
    const tables = { workshops: [], agreements: [], versions: [], templates: [], calibrations: [], reviews: [], sessions: [], settings: [], ...fixture.tables };
    const { text, counts, leftOut } = serializeLibrary(tables, meta);
    expect(leftOut).toEqual([]);
    expect(counts).toEqual(Object.fromEntries(Object.entries(tables).map(([table, records]) => [table, records.length])));
    expect(parseLibraryFile(text).counts).toEqual(counts);
  });

  it('reads every table and writes it back exactly', async () => {
    const source = database();
    await replaceLibrary(source, sampleLibrary());
    const raw = await readLibrarySnapshot(source);
    const text = serializeLibrary(raw, meta).text;
    const target = database();
    await new WorkshopRepository(target, () => 1, () => 'old').create({ title: 'Replaced' });
    await replaceLibrary(target, parseLibraryFile(text));
    expect(await readLibrarySnapshot(target)).toEqual(raw);
    expect(await target.workshops.get('old')).toBeUndefined();
  });

  it('a failure while writing leaves the old library untouched (one transaction)', async () => {
    const db = database();
    await new WorkshopRepository(db, () => 1, () => 'w-old').create({ title: 'Keep me' });
    const before = JSON.stringify(await readLibrarySnapshot(db));
    // The sixth table's write fails, after five tables were cleared and refilled.
    db.reviews.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(replaceLibrary(db, sampleLibrary())).rejects.toThrow('disk full');
    expect(JSON.stringify(await readLibrarySnapshot(db))).toBe(before);
  });
});
