import Dexie from 'dexie';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccordDatabase } from '../../../renderer/db/database';
import { AgreementRepository } from '../../../renderer/db/agreement-repository';
import { CalibrationRepository } from '../../../renderer/db/calibration-repository';
import { ReviewRepository } from '../../../renderer/db/review-repository';
import { SessionRepository } from '../../../renderer/db/session-repository';
import { SettingsRepository } from '../../../renderer/db/settings-repository';
import { VersionRepository } from '../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { CURRENT_DATABASE_VERSION, databaseHistory } from '../../../shared/migrations/index';
import { foldForSearch } from '../../../shared/text/fold';

interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const folder = join(import.meta.dirname, '..', '..', 'fixtures', 'databases');
const keys: Record<string, string> = { workshops: 'id', agreements: 'workshopId', templates: 'id', versions: 'id', calibrations: 'workshopId', reviews: 'id', sessions: 'workshopId', settings: 'key' };

/** Writes a fixture as the release of its version left it on disk. */
async function seed(fixture: Fixture): Promise<string> {
  const name = `accord-fixture-v${fixture.version}-${Date.now()}-${Math.random()}`;
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  old.close();
  return name;
}

describe('upgrade from every released database version (fixtures)', () => {
  it('has a fixture for every version ever released', () => {
    for (const { version } of databaseHistory) expect(existsSync(join(folder, `v${version}.json`)), `test/fixtures/databases/v${version}.json (run make-fixtures.ts)`).toBe(true);
  });

  for (const { version } of databaseHistory) {
    it(`opens a version-${version} database with the current code and loses nothing`, async () => {
      const fixture = JSON.parse(readFileSync(join(folder, `v${version}.json`), 'utf8')) as Fixture;
      const name = await seed(fixture);
      const current = new AccordDatabase(name);
      await current.open();
      expect(current.verno).toBe(CURRENT_DATABASE_VERSION);

      // Every record of every table is still there, unchanged (workshops gained searchText in version 2).
      for (const [table, rows] of Object.entries(fixture.tables)) {
        const stored = await current.table(table).toArray();
        expect(stored).toHaveLength(rows.length);
        for (const row of rows) {
          const found = stored.find((entry: Record<string, unknown>) => entry[keys[table]!] === row[keys[table]!]);
          const expected = table === 'workshops' && version === 1 ? { ...row, searchText: foldForSearch(`${String(row.title)} ${String(row.client)}`) } : row;
          expect(found, `${table} ${String(row[keys[table]!])}`).toEqual(expected);
        }
      }

      // And the app reads all of it through its repositories.
      const workshops = await new WorkshopRepository(current).list();
      expect(workshops.map((workshop) => workshop.title).sort()).toEqual(fixture.tables.workshops!.map((workshop) => String(workshop.title)).sort());
      for (const workshop of workshops) {
        const agreement = await new AgreementRepository(current).load(workshop.id);
        if (version >= 3) expect(agreement).toEqual((fixture.tables.agreements!.find((entry) => entry.workshopId === workshop.id) as { agreement: unknown }).agreement);
        else expect(agreement.workshop.title).toBe(workshop.title);
      }
      if (version >= 3) expect(await new AgreementRepository(current).listTemplates()).toHaveLength(fixture.tables.templates!.length);
      if (version >= 4) {
        const signed = fixture.tables.versions![0] as { workshopId: string; status: string };
        const loaded = await new VersionRepository(current).list(signed.workshopId);
        expect(loaded.map((entry) => [entry.status, entry.intact])).toEqual([['signed', true]]);
      }
      if (version >= 5) expect((await new CalibrationRepository(current).load(String(fixture.tables.calibrations![0]!.workshopId)))?.mapping).toBeTruthy();
      if (version >= 6) expect(await new ReviewRepository(current).list(String(fixture.tables.reviews![0]!.workshopId))).toHaveLength(1);
      if (version >= 7) {
        expect((await new SessionRepository(current).get(String(fixture.tables.sessions![0]!.workshopId)))?.agenda[2]?.minutes).toBe(35);
        expect(await new SettingsRepository(current).getBranding()).toMatchObject({ name: 'Northwind Advisory', accent: '#0b7285' });
      }
      current.close();
    });
  }
});
