import { describe, expect, it } from 'vitest';
import { VersionRepository } from '../../../renderer/db/version-repository';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { createLibraryStore } from '../../../renderer/store/library-store';
import { createFileActions } from '../../../renderer/store/file-actions';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import { signatories } from '../../../shared/model/versions';
import { findTemplate } from '../../../shared/templates/templates';
import { readyAgreement, signaturePng, signedVersionOf } from '../../fixtures/agreements';
import { freshDatabase } from '../support/render-app';
import { installShell } from '../support/shell';
import { identityStoreFor } from '../../../electron/handlers/pdf';
import { buildAccordAttacks, testIdentities } from '../../fixtures/accord-attacks/make-attacks';

async function setup() {
  const db = freshDatabase();
  let now = 1_000;
  const clock = () => (now += 10);
  const workshops = new WorkshopRepository(db, clock);
  const versions = new VersionRepository(db, clock);
  const workshop = await workshops.create({ title: 'Acme alignment', client: 'Acme GmbH', agreement: readyAgreement() });
  return { db, workshops, versions, workshop };
}

async function signAll(versions: VersionRepository, workshopId: string) {
  const version = await versions.startSigning(workshopId);
  let latest = version;
  for (const person of signatories(version.agreement)) {
    latest = await versions.sign(workshopId, { participantId: person.id, method: 'typed', image: signaturePng, signedAt: '2026-11-23T10:00:00.000Z', contentHash: version.contentHash });
  }
  return latest;
}

describe('VersionRepository', () => {
  it('refuses to start signing a draft that is not ready, and stores nothing', async () => {
    const { db, workshops, versions } = await setup();
    const draft = await workshops.create({ title: 'Unready', agreement: findTemplate('b2b-saas-mid-market')!.build() });
    await expect(versions.startSigning(draft.id)).rejects.toThrow(/^The agreement is not ready to sign/);
    expect(await db.versions.count()).toBe(0);
    expect((await workshops.get(draft.id))?.status).toBe('draft');
  });

  it('locks the version when the last signatory signs, and the workshop is signed', async () => {
    const { workshops, versions, workshop } = await setup();
    const signed = await signAll(versions, workshop.id);
    expect(signed).toMatchObject({ number: 1, status: 'signed' });
    expect(signed.lockedAt).not.toBeNull();
    expect((await workshops.get(workshop.id))?.status).toBe('signed');
    const [loaded] = await versions.list(workshop.id);
    expect(loaded).toMatchObject({ status: 'signed', intact: true, signatures: [{ name: 'Person 1' }, { name: 'Person 2' }] });
  });

  it('refuses any write to a signed version, and the stored version stays as signed', async () => {
    const { db, versions, workshop } = await setup();
    const signed = await signAll(versions, workshop.id);
    const before = await db.versions.get(signed.id);
    const changed = { ...signed, agreement: { ...signed.agreement, workshop: { ...signed.agreement.workshop, client: 'Someone else' } } };
    await expect(versions.write(changed)).rejects.toThrow('Version 1 is signed and locked; start an amendment to change the agreement.');
    await expect(versions.sign(workshop.id, { participantId: signed.signatures[0]!.participantId, method: 'typed', image: signaturePng, signedAt: 'x', contentHash: signed.contentHash })).rejects.toThrow('No version of this workshop is waiting for signatures.');
    expect(await db.versions.get(signed.id)).toEqual(before);
  });

  it('re-checks the hash on load and shows a tampered version as tampered, never as signed', async () => {
    const { db, versions, workshop } = await setup();
    const signed = await signAll(versions, workshop.id);
    // Someone edits the database behind the app's back.
    await db.versions.put({ ...signed, agreement: { ...signed.agreement, workshop: { ...signed.agreement.workshop, client: 'Evil Corp' } } });
    const [loaded] = await versions.list(workshop.id);
    expect(loaded?.intact).toBe(false);
    expect((await versions.findByHash(signed.contentHash))[0]?.intact).toBe(false);
  });

  it('refuses to collect a signature on a version being signed whose content was changed', async () => {
    const { db, versions, workshop } = await setup();
    const version = await versions.startSigning(workshop.id);
    await db.versions.put({ ...version, agreement: { ...version.agreement, workshop: { ...version.agreement.workshop, client: 'Evil Corp' } } });
    const person = signatories(version.agreement)[0]!;
    await expect(versions.sign(workshop.id, { participantId: person.id, method: 'typed', image: signaturePng, signedAt: 'x', contentHash: version.contentHash })).rejects.toThrow('Version 1 no longer matches its hash; it cannot be signed.');
  });

  it('amends a signed agreement: the workshop is editable again and the next version is 2', async () => {
    const { workshops, versions, workshop } = await setup();
    await expect(versions.amend(workshop.id)).rejects.toThrow('Only a signed agreement can be amended.');
    await signAll(versions, workshop.id);
    await versions.amend(workshop.id);
    expect((await workshops.get(workshop.id))?.status).toBe('amended');
    expect((await versions.startSigning(workshop.id)).number).toBe(2);
  });

  it('deletes a workshop with its versions', async () => {
    const { db, workshops, versions, workshop } = await setup();
    await signAll(versions, workshop.id);
    await workshops.remove(workshop.id);
    expect(await db.versions.count()).toBe(0);
  });
});

describe('importing an .accord file', () => {
  function file(name: string, text: string) {
    return new File([text], name, { type: 'application/json' });
  }

  it('imports the agreement with its sealed signed versions and signatures; the workshop is signed', async () => {
    const shell = await installShell();
    try {
      // The corpus's installation key is this computer's sealing identity.
      const { installation } = testIdentities();
      await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
      const db = freshDatabase();
      const library = createLibraryStore(new WorkshopRepository(db));
      const actions = createFileActions(db, library);
      const honest = buildAccordAttacks().find((attack) => attack.name === 'honest-sealed')!;
      const { workshopId: id, warning } = await actions.importAccord(file('acme.accord', honest.text));
      expect(warning).toBeNull();
      expect(library.getState().workshops[0]).toMatchObject({ id, status: 'signed', client: 'Acme GmbH' });
      const [version] = await new VersionRepository(db).list(id);
      expect(version).toMatchObject({ number: 1, status: 'signed', intact: true, workshopId: id, seal: { algorithm: 'RSA-PSS-SHA256' } });
      expect(version?.signatures).toHaveLength(2);
    } finally {
      await shell.dispose();
    }
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2), /^acme\.accord was not imported\. This file is not valid JSON/],
    ['of an unknown schema version', (text: string) => text.replace('"schemaVersion": 1', '"schemaVersion": 99'), /^acme\.accord was not imported\. This agreement was made by a newer version of Accord/],
  ])('refuses a file %s; nothing in the library changes', async (label, damage, message) => {
    const db = freshDatabase();
    const library = createLibraryStore(new WorkshopRepository(db));
    await library.getState().create({ title: 'Existing' });
    const actions = createFileActions(db, library);
    const agreement = readyAgreement();
    const text = serializeAccordFile(agreement, new Date(), [signedVersionOf(agreement)]);
    // The version's copy of the client comes after the draft's: damage only the version's.
    const at = text.lastIndexOf('"client": "Acme GmbH"');
    const damaged = label.startsWith('with a signed') ? text.slice(0, at) + damage(text.slice(at)) : damage(text);
    await expect(actions.importAccord(file('acme.accord', damaged))).rejects.toThrow(message);
    expect((await db.workshops.toArray()).map((workshop) => workshop.title)).toEqual(['Existing']);
    expect(await db.agreements.count()).toBe(1);
    expect(await db.versions.count()).toBe(0);
  });
});
