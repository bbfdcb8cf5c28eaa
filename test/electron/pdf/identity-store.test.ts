import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity, describeP12 } from '../../../electron/pdf/certificate';
import { IdentityStore, plainFileProtector } from '../../../electron/pdf/identity-store';

// Small keys keep a first identity fast; the store's logic does not depend on the size.
const options = { bits: 1024 };
let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'accord-identity-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The certificate's SHA-256 computed here, independently of the store: DER of the first certificate in the p12. */
function fingerprintOf(p12: Buffer, passphrase: string): string {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const bag = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]![0]!;
  return createHash('sha256').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert!)).getBytes(), 'binary')).digest('hex');
}

describe('the sealing identity when it is first created', () => {
  it('four concurrent first get() calls on one store all return the identity that stays, and it opens afterwards', async () => {
    const store = new IdentityStore(folder, plainFileProtector, options);
    const identities = await Promise.all([1, 2, 3, 4].map(() => store.get({ commonName: 'Priya Raman' })));
    const stored = await new IdentityStore(folder, plainFileProtector, options).get({ commonName: 'Someone else' });
    for (const identity of identities) expect(identity.p12.equals(stored.p12)).toBe(true);
    expect(identities[0]!.fingerprint).toBe(fingerprintOf(stored.p12, stored.passphrase));
  }, 60_000);

  it('two stores on one folder (as two processes) racing for the first identity leave one identity that opens, and both seal with it', async () => {
    const first = new IdentityStore(folder, plainFileProtector, options);
    const second = new IdentityStore(folder, plainFileProtector, options);
    const [a, b, c, d] = await Promise.all([first.get({ commonName: 'A' }), second.get({ commonName: 'B' }), first.get({ commonName: 'C' }), second.get({ commonName: 'D' })]);
    const stored = await new IdentityStore(folder, plainFileProtector, options).get({ commonName: 'E' });
    // The passphrase that stays opens the p12 that stays (the race once left another identity's passphrase beside it).
    expect(() => describeP12(stored.p12, stored.passphrase)).not.toThrow();
    for (const identity of [a, b, c, d]) expect(identity!.p12.equals(stored.p12)).toBe(true);
    // No temporary files are left behind.
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('names the consultant only: no organisation (the client) in a new certificate', async () => {
    const identity = await new IdentityStore(folder, plainFileProtector, options).get({ commonName: 'Priya Raman' });
    const { subject, organisation } = describeP12(identity.p12, identity.passphrase);
    expect(subject).toBe('Priya Raman');
    expect(organisation).toBeNull();
  }, 30_000);
});

describe('existing installations and damaged files', () => {
  it('reads the old two-file layout (seal.p12 + seal.secret) and keeps using it', async () => {
    const old = createSelfSignedIdentity({ commonName: 'Dana Facilitator', organisation: 'Acme GmbH', passphrase: 'old-passphrase', bits: 1024 });
    await writeFile(join(folder, 'seal.p12'), old.p12);
    await writeFile(join(folder, 'seal.secret'), 'old-passphrase');
    const store = new IdentityStore(folder, plainFileProtector, options);
    const [one, two] = await Promise.all([store.get({ commonName: 'New name' }), store.get({ commonName: 'New name' })]);
    expect(one.p12.equals(old.p12)).toBe(true);
    expect(two.p12.equals(old.p12)).toBe(true);
    expect(one.subject).toBe('Dana Facilitator, Acme GmbH');
    expect(await store.fingerprint()).toBe(fingerprintOf(old.p12, 'old-passphrase'));
    // Copied once into seal.json, the old files kept: a shell without this keychain still knows the fingerprint.
    const copied = JSON.parse(await readFile(join(folder, 'seal.json'), 'utf8')) as { fingerprint: string; p12: string };
    expect(copied.fingerprint).toBe(fingerprintOf(old.p12, 'old-passphrase'));
    expect(Buffer.from(copied.p12, 'base64').equals(old.p12)).toBe(true);
    expect((await readFile(join(folder, 'seal.p12'))).equals(old.p12)).toBe(true);
    const otherKeychain = { encrypted: true, protect: () => Buffer.alloc(0), unprotect: (): string => { throw new Error('not this keychain'); } };
    expect(await new IdentityStore(folder, otherKeychain).fingerprint()).toBe(fingerprintOf(old.p12, 'old-passphrase'));
    expect((await store.get({ commonName: 'x' })).p12.equals(old.p12)).toBe(true);
  }, 30_000);

  it('a seal.json that is not an identity is an error with what to do, and is never replaced', async () => {
    await writeFile(join(folder, 'seal.json'), '{"format":"something else"}');
    const store = new IdentityStore(folder, plainFileProtector, options);
    await expect(store.get({ commonName: 'X' })).rejects.toThrow(/cannot be opened .*Import your certificate again, or delete that folder/);
    expect(await readFile(join(folder, 'seal.json'), 'utf8')).toBe('{"format":"something else"}');
  });

  it('renewing keeps the previous identity file beside the new one', async () => {
    const store = new IdentityStore(folder, plainFileProtector, options);
    const first = await store.get({ commonName: 'Priya Raman' });
    const { identity, previous } = await store.renew({ commonName: 'Priya Raman' });
    expect(previous?.fingerprint).toBe(first.fingerprint);
    expect(identity.fingerprint).not.toBe(first.fingerprint);
    expect((await store.get({ commonName: 'x' })).fingerprint).toBe(identity.fingerprint);
    const kept = (await readdir(folder)).filter((name) => name.startsWith('seal.previous-'));
    expect(kept).toEqual([`seal.previous-${first.fingerprint.slice(0, 16)}.json`]);
  }, 30_000);
});
