import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityStoreFor, trustStoreFor } from '../../../electron/handlers/pdf';
import { plainFileProtector } from '../../../electron/pdf/identity-store';
import { readAccordFile, SealRefusedError, sealNewVersion, sealVersions, type DescribeSeal } from '../../../electron/pdf/accord-seal';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import { versionSealPayload } from '../../../shared/model/accord-seal';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';
import { buildAccordAttacks, testIdentities, type AccordAttack } from '../../fixtures/accord-attacks/make-attacks';

let dataDir: string;
let describeSeal: DescribeSeal;
let attacks: AccordAttack[];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'accord-seal-'));
  const host = { userDataDir: dataDir, secrets: plainFileProtector, now: () => new Date('2026-11-30T00:00:00Z') };
  // This computer's sealing identity is the corpus's "installation" key; the stranger's is anyone else's.
  const { installation } = testIdentities();
  await identityStoreFor(host).importP12(installation.p12, installation.passphrase);
  const trust = trustStoreFor(host);
  describeSeal = (fingerprint) => trust.describe(fingerprint);
  attacks = buildAccordAttacks();
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('.accord seals: every attack of the corpus', () => {
  it('holds every attack the issue names, and the limits the library keeps', () => {
    const names = attacks.map((attack) => attack.name);
    for (const name of ['edited-hash-recomputed', 'mallory-for-the-cmo', 'duplicate-signature', 'non-signatory-signature', 'limit-number-1e300', 'limit-signedAt-41-chars', 'limit-image-1.5MB', 'limit-101-signatures', 'limit-createdAt-infinity', 'history-hole-version-2-removed', 'history-newest-removed']) expect(names).toContain(name);
    expect(names.some((name) => /^unready-\d+-blockers$/.test(name))).toBe(true);
  });

  it.each(buildAccordAttacks().map((attack) => [attack.name, attack] as const))('%s: imports as it must', async (_name, attack) => {
    const read = await readAccordFile(attack.text, describeSeal);
    const { outcome } = attack;
    if (outcome.kind === 'refused') {
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toMatch(outcome.message);
      return;
    }
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    if (outcome.kind === 'draft') {
      // Never as signed: no version is kept, and the warning says why.
      expect(read.versions).toEqual([]);
      expect(read.warning?.title).toBe('Imported as a draft, not as signed');
      expect(read.warning?.message).toMatch(/^The file says versions? [\d, ]+ (is|are) signed, but /);
      expect(read.warning?.message).toMatch(outcome.warning);
      return;
    }
    if (outcome.origin === 'unknown') expect(read.warning?.message).toBe('Version 1: sealed by an unknown certificate (it says “Dana Facilitator”): anyone can create one with this name. The seal proves the version is unchanged since that certificate sealed it, not who sealed it: compare its fingerprint (version history) with the sender\'s before trusting it.');
    else expect(read.warning).toBeNull();
    const claimed = (JSON.parse(attack.text) as { versions: unknown[] }).versions.length;
    expect(read.versions).toHaveLength(claimed);
    for (const check of read.checks) expect(check).toMatchObject({ state: 'sealed', origin: { kind: outcome.origin }, certificateName: 'Dana Facilitator' });
  });
});

describe('sealing', () => {
  it('seals the whole version: any change to content, a signature, a date or the number changes the payload', () => {
    const version = signedVersionOf(readyAgreement());
    const payload = versionSealPayload(version, []);
    expect(versionSealPayload({ ...version, lockedAt: version.lockedAt + 1 }, [])).not.toBe(payload);
    expect(versionSealPayload({ ...version, number: 2 }, [])).not.toBe(payload);
    expect(versionSealPayload({ ...version, signatures: version.signatures.slice(1) }, [])).not.toBe(payload);
    expect(JSON.parse(payload)).toMatchObject({ purpose: 'accord-signed-version-seal/2', algorithm: 'RSA-PSS-SHA256', history: [] });
  });

  it('covers the history below the version: a dropped or changed earlier version changes the payload', () => {
    const version = signedVersionOf(readyAgreement(), 3);
    const history = [{ number: 1, contentHash: 'a'.repeat(64) }, { number: 2, contentHash: 'b'.repeat(64) }];
    const payload = versionSealPayload(version, history);
    expect(versionSealPayload(version, [history[0]!])).not.toBe(payload);
    expect(versionSealPayload(version, [history[0]!, { number: 2, contentHash: 'c'.repeat(64) }])).not.toBe(payload);
    expect(JSON.parse(payload).history).toEqual(history);
  });

  it('refuses to seal a version that breaks the signing rules (main never seals what it would not accept)', () => {
    const version = signedVersionOf(readyAgreement());
    const { installation } = testIdentities();
    expect(() => sealVersions([{ ...version, signatures: [...version.signatures, version.signatures[0]!] }], installation)).toThrow(SealRefusedError);
    expect(() => sealVersions([{ ...version, signatures: [...version.signatures, version.signatures[0]!] }], installation)).toThrow(/Version 1 holds two signatures for Person 1\./);
  });

  it('main seals a version only as its signing completes: one locked 11 minutes ago (a backup\'s "signed" version sent at export) is refused', () => {
    const { installation } = testIdentities();
    const version = signedVersionOf(readyAgreement());
    expect(() => sealNewVersion([], version, installation, version.lockedAt + 11 * 60 * 1000)).toThrow(/Version 1 was not signed just now .*only a version whose signing has just completed on this computer is sealed\./);
    expect(() => sealNewVersion([], version, installation, version.lockedAt - 5 * 60 * 1000)).toThrow(SealRefusedError);
    expect(sealNewVersion([], version, installation, version.lockedAt + 2_000).seal.algorithm).toBe('RSA-PSS-SHA256');
  });

  it('main seals a new version over the history before it, and refuses a history with a hole', async () => {
    const { installation } = testIdentities();
    const agreement = readyAgreement();
    const [v1, v2, v3] = [1, 2, 3].map((number) => signedVersionOf({ ...agreement, revenuePlan: { ...agreement.revenuePlan, winRate: 0.3 - number / 100 } }, number)) as [ReturnType<typeof signedVersionOf>, ReturnType<typeof signedVersionOf>, ReturnType<typeof signedVersionOf>];
    const sealed1 = sealNewVersion([], v1, installation, v1.lockedAt);
    const sealed2 = sealNewVersion([sealed1], v2, installation, v2.lockedAt);
    const sealed3 = sealNewVersion([sealed1, sealed2], v3, installation, v3.lockedAt);
    const whole = await readAccordFile(serializeAccordFile(agreement, new Date(), [sealed1, sealed2, sealed3]), describeSeal);
    expect(whole.ok && whole.checks.map((check) => check.state)).toEqual(['sealed', 'sealed', 'sealed']);
    const holed = await readAccordFile(serializeAccordFile(agreement, new Date(), [sealed1, sealed3]), describeSeal);
    expect(holed.ok && holed.versions).toEqual([]);
    expect(holed.ok && holed.checks.map((check) => check.state)).toEqual(['sealed', 'broken']);
    expect(() => sealNewVersion([sealed1], v3, installation, v3.lockedAt)).toThrow(/The history of version 3 is not versions 1 to 2/);
  });

  it('a file sealed and read back on this computer says "Sealed by this computer" with the certificate fingerprint', async () => {
    const agreement = readyAgreement();
    const { installation } = testIdentities();
    const text = serializeAccordFile(agreement, new Date(), sealVersions([signedVersionOf(agreement)], installation));
    const read = await readAccordFile(text, describeSeal);
    expect(read.ok && read.checks[0]).toMatchObject({ state: 'sealed', fingerprint: installation.fingerprint, origin: { kind: 'this-computer' } });
  });
});
