import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { identityStoreFor, trustStoreFor } from '../../../electron/handlers/pdf';
import { readAccordFile } from '../../../electron/pdf/accord-seal';
import { parseLibraryFile, serializeLibrary } from '../../../shared/model/library-file';
import { signatories } from '../../../shared/model/versions';
import { createWorkshopRecord } from '../../../shared/model/workshop-factory';
import { AccordDatabase } from '../../../renderer/db/database';
import { WorkshopRepository } from '../../../renderer/db/workshop-repository';
import { exportAgreement } from '../../../renderer/store/export-actions';
import { createVersionsStore } from '../../../renderer/store/versions-store';
import type { LoadedVersion } from '../../../renderer/db/version-repository';
import { testIdentities } from '../../fixtures/accord-attacks/make-attacks';
import { readyAgreement, signaturePng, signedVersionOf } from '../../fixtures/agreements';
import { installShell } from '../support/shell';

let counter = 0;

describe('.accord seals: made in main when signing completes, never at export', () => {
  it('a version signed here is sealed the moment its last signature is given, and the .accord export carries that seal ("Sealed by this computer")', async () => {
    const shell = await installShell();
    const db = new AccordDatabase(`export-accord-seal-${Date.now()}-${counter++}`);
    try {
      const { installation } = testIdentities();
      await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
      const agreement = readyAgreement();
      const workshop = await new WorkshopRepository(db).create({ title: 'Acme', client: 'Acme GmbH', agreement });
      const store = createVersionsStore(db, { now: () => Date.now(), beforeSigning: async () => {}, onChanged: () => {} });
      await store.getState().load(workshop.id);
      await store.getState().startSigning();
      const signing = store.getState().versions.find((version) => version.status === 'signing')!;
      const people = signatories(agreement);
      for (const [index, person] of people.entries()) {
        await store.getState().sign({ participantId: person.id, method: 'drawn', image: signaturePng, signedAt: new Date().toISOString(), contentHash: signing.contentHash });
        // No seal before the last signature; one right after it, stored with the version.
        expect(Boolean(store.getState().versions[0]!.seal)).toBe(index === people.length - 1);
      }
      const versions = store.getState().versions;
      const path = await exportAgreement('accord', agreement, versions, 'signed');
      const trust = trustStoreFor(shell.host);
      const read = await readAccordFile(await readFile(path!, 'utf8'), (fingerprint) => trust.describe(fingerprint));
      expect(read.ok && read.checks.map((check) => (check.state === 'sealed' ? [check.fingerprint, check.origin.kind] : check.state))).toEqual([[installation.fingerprint, 'this-computer']]);
    } finally {
      db.close();
      await shell.dispose();
    }
  });

  it('attack B: a library file\'s made-up signed version (no seal) is exported unsealed, and its reader gets a draft, not "Sealed by this computer"', async () => {
    const shell = await installShell();
    try {
      const { installation } = testIdentities();
      await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
      // The attacker's backup: a version nobody signed (any lead is an MQL), every signature made up, all rules consistent.
      const forged = readyAgreement();
      forged.scoring.mqlRule = { minFitGrade: 'D', minEngagement: 1, fastTrackQualifies: true };
      const version = signedVersionOf(forged);
      const record = createWorkshopRecord({ title: 'Acme', client: forged.workshop.client }, 'w-1', Date.parse('2026-11-30T00:00:00Z'));
      const raw = { workshops: [{ ...record, status: 'signed' as const }], agreements: [{ workshopId: 'w-1', agreement: forged, updatedAt: record.updatedAt }], versions: [{ ...version, id: 'w-1:1', workshopId: 'w-1', status: 'signed' as const }], templates: [], calibrations: [], reviews: [], sessions: [], settings: [] };
      const library = parseLibraryFile(serializeLibrary(raw as never, { exportedAt: new Date(), appVersion: 'x' }).text);
      const restored: LoadedVersion = { ...library.versions[0]!, intact: true };
      expect(restored.seal).toBeUndefined();
      const path = await exportAgreement('accord', library.agreements[0]!.agreement, [restored], 'signed');
      const text = await readFile(path!, 'utf8');
      expect((JSON.parse(text) as { versions: { seal?: unknown }[] }).versions.map((entry) => entry.seal)).toEqual([undefined]);
      const trust = trustStoreFor(shell.host);
      const read = await readAccordFile(text, (fingerprint) => trust.describe(fingerprint));
      expect(read.ok && read.versions).toEqual([]);
      expect(read.ok && read.checks).toEqual([{ number: 1, state: 'missing' }]);
      expect(read.ok && read.warning?.message).toMatch(/^The file says version 1 is signed, but version 1 has no seal: nothing proves it was not changed after signing\./);
    } finally {
      await shell.dispose();
    }
  });

  it('main refuses to seal a version that was not signed just now (a backup\'s old "signed" version sent for sealing), or that breaks the signing rules', async () => {
    const shell = await installShell();
    try {
      const { installation } = testIdentities();
      await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
      const version = signedVersionOf(readyAgreement());
      await expect(window.accord!.sealAccordVersions({ versions: [version], name: '' })).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/Version 1 was not signed just now/) } });
      const fresh = { ...version, lockedAt: Date.now(), signatures: [...version.signatures, { ...version.signatures[0]!, name: 'Mallory' }] };
      await expect(window.accord!.sealAccordVersions({ versions: [fresh], name: '' })).resolves.toMatchObject({ ok: false, error: { message: expect.stringMatching(/says “Mallory” but the signatory it is for is Person 1\./) } });
    } finally {
      await shell.dispose();
    }
  });
});
