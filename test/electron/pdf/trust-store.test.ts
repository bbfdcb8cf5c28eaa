import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityStoreFor, trustStoreFor } from '../../../electron/handlers/pdf';
import { plainFileProtector } from '../../../electron/pdf/identity-store';
import { TrustStoreError } from '../../../electron/pdf/trust-store';

let dir: string;
let today = new Date('2026-11-23T10:00:00Z');
const host = () => ({ userDataDir: dir, secrets: plainFileProtector, now: () => today });
const other = 'ab'.repeat(32);
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-trust-'));
  today = new Date('2026-11-23T10:00:00Z');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the trust store', () => {
  it('knows this computer’s own seal by fingerprint, without creating one', async () => {
    expect(await trustStoreFor(host()).describe(other)).toEqual({ kind: 'unknown' });
    const identity = await identityStoreFor(host()).get({ commonName: 'Priya Raman' });
    expect(await trustStoreFor(host()).describe(identity.fingerprint)).toEqual({ kind: 'this-computer' });
    // Upper case with colons, as people copy it, is the same fingerprint.
    expect(await trustStoreFor(host()).describe(identity.fingerprint.toUpperCase().match(/.{2}/g)!.join(':'))).toEqual({ kind: 'this-computer' });
  }, 30_000);

  it('trusts a seal under a name and the day, lists it, keeps it across stores, and forgets it when removed', async () => {
    const store = trustStoreFor(host());
    expect(await store.trust(other.toUpperCase(), '  Northwind Advisory  ')).toEqual({ fingerprint: other, name: 'Northwind Advisory', trustedOn: '2026-11-23' });
    expect(await trustStoreFor(host()).describe(other)).toEqual({ kind: 'trusted', name: 'Northwind Advisory', trustedOn: '2026-11-23' });
    expect(await trustStoreFor(host()).list()).toEqual([{ fingerprint: other, name: 'Northwind Advisory', trustedOn: '2026-11-23' }]);
    today = new Date('2026-12-01T09:00:00Z');
    await store.trust(other, 'Northwind (Priya)');
    expect(await store.list()).toEqual([{ fingerprint: other, name: 'Northwind (Priya)', trustedOn: '2026-12-01' }]);
    expect(await store.untrust(other)).toBe(true);
    expect(await store.untrust(other)).toBe(false);
    expect(await trustStoreFor(host()).describe(other)).toEqual({ kind: 'unknown' });
  });

  it('two quick trusts from one store are both kept', async () => {
    const store = trustStoreFor(host());
    await Promise.all([store.trust('11'.repeat(32), 'One'), store.trust('22'.repeat(32), 'Two')]);
    expect((await store.list()).map((seal) => seal.name).sort()).toEqual(['One', 'Two']);
  });

  it('refuses an empty name, control characters, a non-fingerprint and this computer’s own seal, changing nothing', async () => {
    const store = trustStoreFor(host());
    await expect(store.trust(other, '   ')).rejects.toThrow('Give the seal a name: who it belongs to.');
    await expect(store.trust(other, 'a\u0007b')).rejects.toThrow('The name may not contain control characters.');
    await expect(store.trust('not-a-fingerprint', 'X')).rejects.toThrow('This is not a SHA-256 fingerprint (64 hexadecimal digits).');
    const identity = await identityStoreFor(host()).get({ commonName: 'Priya Raman' });
    await expect(store.trust(identity.fingerprint, 'Me')).rejects.toThrow('This is this computer’s own seal');
    expect(await store.list()).toEqual([]);
  }, 30_000);

  it('a damaged file is a clear message with the path, is never overwritten, and loses nothing', async () => {
    const path = join(dir, 'trusted-seals.json');
    const damaged = '{"format":"accord-trusted-seals","version":1,"trusted":[{"fingerprint":"xyz","name":"A","trustedOn":"2026-01-01"}],"previousOwn":[]}';
    await writeFile(path, damaged);
    const store = trustStoreFor(host());
    await expect(store.describe(other)).rejects.toThrow(TrustStoreError);
    await expect(store.list()).rejects.toThrow(`The list of trusted seals (${path}) is not one Accord can read (trusted.0.fingerprint: This is not a SHA-256 fingerprint (64 hexadecimal digits).). It was left as it is`);
    await expect(store.trust(other, 'B')).rejects.toThrow(/It was left as it is: repair it, or move it away/);
    await writeFile(path, '{ not json');
    await expect(store.untrust(other)).rejects.toThrow(/is not valid JSON/);
    expect(await readFile(path, 'utf8')).toBe('{ not json');
  });
});

describe('an identity an earlier Accord made with the client’s name', () => {
  it('is kept and said (namesOrganisation); renewing names the consultant only, and the old fingerprint stays this computer’s', async () => {
    const { createHandlers } = await import('../../../electron/handlers/index');
    const { createNodeHost } = await import('../../../electron/hosts/node-host');
    const { createSelfSignedIdentity } = await import('../../../electron/pdf/certificate');
    const nodeHost = createNodeHost({ appVersion: '0.0.0-test', userDataDir: dir, saveDir: join(dir, 'saved'), now: () => today });
    const handlers = createHandlers(nodeHost);
    // The old layout, as Accord wrote it before: O = the client.
    const old = createSelfSignedIdentity({ commonName: 'Dana Facilitator', organisation: 'Acme GmbH', passphrase: 'old', bits: 1024 });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'sealing-local'), { recursive: true });
    await writeFile(join(dir, 'sealing-local', 'seal.p12'), old.p12);
    await writeFile(join(dir, 'sealing-local', 'seal.secret'), 'old');

    const before = await handlers['seal:get-identity']({ name: 'Priya Raman' });
    expect(before).toMatchObject({ subject: 'Dana Facilitator, Acme GmbH', fingerprint: old.fingerprint, selfSigned: true, namesOrganisation: 'Acme GmbH' });

    const renewed = await handlers['seal:renew-identity']({ name: 'Priya Raman' });
    expect(renewed).toMatchObject({ subject: 'Priya Raman', previousFingerprint: old.fingerprint });
    expect(renewed.fingerprint).not.toBe(old.fingerprint);
    expect(await handlers['seal:get-identity']({ name: 'x' })).toMatchObject({ subject: 'Priya Raman', namesOrganisation: null });
    const store = trustStoreFor(host());
    expect(await store.describe(old.fingerprint)).toEqual({ kind: 'this-computer' });
    expect(await store.describe(renewed.fingerprint)).toEqual({ kind: 'this-computer' });
    expect(await handlers['seal:list-trusted']({})).toEqual({ trusted: [], previousOwn: [{ fingerprint: old.fingerprint, subject: 'Dana Facilitator, Acme GmbH', until: '2026-11-23' }] });
    // The old files are still there: nothing is lost.
    expect((await readFile(join(dir, 'sealing-local', 'seal.p12'))).equals(old.p12)).toBe(true);
  }, 60_000);
});

describe('the seal:* channels refuse what the renderer should not send', () => {
  it('a name with control characters, an over-long name and a non-fingerprint are refused before any handler runs', async () => {
    const { createHandlers } = await import('../../../electron/handlers/index');
    const { createNodeHost } = await import('../../../electron/hosts/node-host');
    const { createDispatcher } = await import('../../../electron/ipc/dispatch');
    const dispatch = createDispatcher(createHandlers(createNodeHost({ appVersion: '0.0.0-test', userDataDir: dir, saveDir: join(dir, 'saved'), now: () => today })));
    expect(await dispatch('seal:trust', { fingerprint: other, name: 'x'.repeat(121) })).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('Keep the name under 121 characters.') } });
    expect(await dispatch('seal:trust', { fingerprint: 'x'.repeat(64), name: 'A' })).toEqual({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('This is not a SHA-256 fingerprint') } });
    expect(await dispatch('seal:untrust', { fingerprint: other, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch('seal:list-trusted', {})).toEqual({ ok: true, value: { trusted: [], previousOwn: [] } });
    expect(await dispatch('seal:trust', { fingerprint: other.toUpperCase().match(/.{2}/g)!.join(':'), name: ' Northwind ' })).toEqual({ ok: true, value: { fingerprint: other, name: 'Northwind', trustedOn: '2026-11-23' } });
  });
});
