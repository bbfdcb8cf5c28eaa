import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityStoreFor } from '../../../../electron/handlers/pdf';
import { readLibrarySnapshot, replaceLibrary } from '../../../../renderer/db/library-snapshot';
import { VersionRepository } from '../../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../../renderer/db/workshop-repository';
import { createFileActions } from '../../../../renderer/store/file-actions';
import { createLibraryStore } from '../../../../renderer/store/library-store';
import { parseLibraryFile, serializeLibrary } from '../../../../shared/model/library-file';
import { buildAccordAttacks, testIdentities } from '../../../fixtures/accord-attacks/make-attacks';
import { readyAgreement, signedVersionOf } from '../../../fixtures/agreements';
import { freshDatabase } from '../../support/render-app';
import { installShell } from '../../support/shell';

let shell: Awaited<ReturnType<typeof installShell>>;

beforeAll(async () => {
  // The real handlers main runs, on a data folder whose sealing identity is the corpus's "installation" key.
  shell = await installShell();
  const { installation } = testIdentities();
  await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
});

afterAll(async () => {
  await shell.dispose();
});

/** A backup of the library, then a restore of that backup: what every backup does, checked end to end. */
async function backupRoundTrip(db: ReturnType<typeof freshDatabase>) {
  const backup = serializeLibrary(await readLibrarySnapshot(db), { exportedAt: new Date('2026-11-30T00:00:00Z'), appVersion: 'test', databaseVersion: db.verno });
  const restored = parseLibraryFile(backup.text);
  const target = freshDatabase();
  await replaceLibrary(target, restored);
  return { backup, restored, target };
}

describe('importing the .accord attack corpus through the app (real handlers for the seal checks)', () => {
  it.each(buildAccordAttacks().map((attack) => [attack.name, attack] as const))('%s: signed only when sealed and valid; every backup keeps it and restores', async (_name, attack) => {
    const db = freshDatabase();
    const library = createLibraryStore(new WorkshopRepository(db));
    await library.getState().create({ title: 'Existing' });
    const actions = createFileActions(db, library);
    const file = new File([attack.text], `${attack.name}.accord`, { type: 'application/json' });
    const { outcome } = attack;
    if (outcome.kind === 'refused') {
      await expect(actions.importAccord(file)).rejects.toThrow(outcome.message);
      expect(await db.workshops.count()).toBe(1);
      expect(await db.versions.count()).toBe(0);
    } else {
      const { workshopId, warning } = await actions.importAccord(file);
      const workshop = await db.workshops.get(workshopId);
      const versions = await new VersionRepository(db).list(workshopId);
      if (outcome.kind === 'draft') {
        expect(warning?.title).toBe('Imported as a draft, not as signed');
        expect(warning?.message).toMatch(outcome.warning);
        expect(workshop?.status).toBe('draft');
        expect(versions).toEqual([]);
      } else {
        if (outcome.origin === 'unknown') expect(warning?.title).toBe('Signed, but sealed by a certificate this computer does not know');
        else expect(warning).toBeNull();
        // Signed when the draft is the signed content; amended when the file's draft moved on (the edited version differs from it).
        expect(workshop?.status).toBe(attack.name.startsWith('honest') ? 'signed' : 'amended');
        const claimed = (JSON.parse(attack.text) as { versions: { number: number }[] }).versions.map((version) => version.number);
        expect(versions.map((version) => [version.number, version.status, version.intact, version.seal?.algorithm])).toEqual(claimed.map((number) => [number, 'signed', true, 'RSA-PSS-SHA256']));
      }
    }
    // Whatever was accepted survives a backup and its restore: nothing left out, nothing refused.
    const { backup, restored, target } = await backupRoundTrip(db);
    expect(backup.leftOut).toEqual([]);
    expect(restored.counts).toEqual(backup.counts);
    expect(await target.versions.toArray()).toEqual(await db.versions.toArray());
    expect(await target.workshops.count()).toBe(await db.workshops.count());
  });
});

describe('the repositories keep the library file\'s limits (a second line behind the import)', () => {
  const agreement = readyAgreement();
  const honest = signedVersionOf(agreement);
  it.each([
    ['number 1e300', { ...honest, number: 1e300 }, /number: The version number must be a whole number\./],
    ['signedAt of 41 characters', { ...honest, signatures: honest.signatures.map((signature) => ({ ...signature, signedAt: `${signature.signedAt}${' '.repeat(17)}` })) }, /signedAt: The signing time is longer than 40 characters\./],
    ['a 1.5 MB image', { ...honest, signatures: honest.signatures.map((signature) => ({ ...signature, image: `data:image/png;base64,${'A'.repeat(1_500_000)}` })) }, /image: A signature image is larger than 1\.5 MB\./],
    ['101 signatures', { ...honest, signatures: Array.from({ length: 101 }, () => honest.signatures[0]!) }, /signatures: More than 100 signatures\./],
    ['createdAt Infinity', { ...honest, createdAt: Number.POSITIVE_INFINITY }, /createdAt: /],
  ])('WorkshopRepository.create refuses a version with %s; nothing is written and the backup round-trips', async (_label, version, message) => {
    const db = freshDatabase();
    const repository = new WorkshopRepository(db);
    await expect(repository.create({ title: 'Imported', agreement, versions: [version] })).rejects.toThrow(message);
    expect(await db.workshops.count()).toBe(0);
    expect(await db.versions.count()).toBe(0);
    const { backup } = await backupRoundTrip(db);
    expect(backup.leftOut).toEqual([]);
  });

  it('VersionRepository.write refuses what the library file would refuse', async () => {
    const db = freshDatabase();
    await expect(new VersionRepository(db).write({ ...honest, id: 'w-1:1', workshopId: 'w-1', createdAt: Number.POSITIVE_INFINITY })).rejects.toThrow(/Version 1 cannot be stored: createdAt: /);
    expect(await db.versions.count()).toBe(0);
  });
});
