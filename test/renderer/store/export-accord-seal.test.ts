import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { identityStoreFor, trustStoreFor } from '../../../electron/handlers/pdf';
import { readAccordFile } from '../../../electron/pdf/accord-seal';
import { exportAgreement } from '../../../renderer/store/export-actions';
import type { LoadedVersion } from '../../../renderer/db/version-repository';
import { testIdentities } from '../../fixtures/accord-attacks/make-attacks';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';
import { installShell } from '../support/shell';

describe('exporting an .accord file seals its signed versions in main', () => {
  it('a version signed here is sealed by this computer; an imported one keeps its own seal; the file reads back as signed', async () => {
    const shell = await installShell();
    try {
      const { installation, stranger } = testIdentities();
      await identityStoreFor(shell.host).importP12(installation.p12, installation.passphrase);
      const agreement = readyAgreement();
      const local: LoadedVersion = { ...signedVersionOf(agreement, 1), id: 'w:1', workshopId: 'w', intact: true };
      // Version 2 came from another computer with its seal (made here with the stranger's key, as that computer would).
      const { sealVersions } = await import('../../../electron/pdf/accord-seal');
      const imported: LoadedVersion = { ...sealVersions([signedVersionOf(agreement, 2)], stranger)[0]!, id: 'w:2', workshopId: 'w', intact: true };
      const path = await exportAgreement('accord', agreement, [local, imported], 'signed');
      const text = await readFile(path!, 'utf8');
      const file = JSON.parse(text) as { versions: { seal?: { certificate: string } }[] };
      expect(file.versions.map((version) => version.seal?.certificate === imported.seal!.certificate)).toEqual([false, true]);
      const trust = trustStoreFor(shell.host);
      const read = await readAccordFile(text, (fingerprint) => trust.describe(fingerprint));
      expect(read.ok && read.versions.map((version) => version.number)).toEqual([1, 2]);
      expect(read.ok && read.checks.map((check) => (check.state === 'sealed' ? [check.fingerprint, check.origin.kind] : check.state))).toEqual([
        [installation.fingerprint, 'this-computer'],
        [stranger.fingerprint, 'unknown'],
      ]);
    } finally {
      await shell.dispose();
    }
  });

  it('main refuses to seal a version that breaks the signing rules (an untrusted renderer cannot get one sealed)', async () => {
    const shell = await installShell();
    try {
      const agreement = readyAgreement();
      const version = signedVersionOf(agreement);
      const forged: LoadedVersion = { ...version, signatures: [...version.signatures, { ...version.signatures[0]!, name: 'Mallory' }], id: 'w:1', workshopId: 'w', intact: true };
      await expect(exportAgreement('accord', agreement, [forged], 'signed')).rejects.toThrow(/A signature on Version 1 says “Mallory” but the signatory it is for is Person 1\./);
    } finally {
      await shell.dispose();
    }
  });
});
