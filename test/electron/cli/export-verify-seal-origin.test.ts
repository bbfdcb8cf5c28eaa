import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/accord';
import { trustStoreFor } from '../../../electron/handlers/pdf';
import { createSelfSignedIdentity } from '../../../electron/pdf/certificate';
import { createChromiumPrinter } from '../../../electron/pdf/chromium-printer';
import { exportAgreementPdf } from '../../../electron/pdf/export';
import { plainFileProtector } from '../../../electron/pdf/identity-store';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import type { Agreement } from '../../../shared/model/agreement';
import { readyAgreement } from '../../fixtures/agreements';

// The attack: anyone can make a self-signed certificate with the same name, seal different terms with it,
// and the PDF is intact. What tells it apart is the certificate's fingerprint, judged against this computer's seals.
const root = resolve(__dirname, '../../..');
let dir: string;
let dataDir: string;
const printer = createChromiumPrinter(root);
const now = new Date('2026-11-25T10:00:00Z');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text), cwd: dir, now: () => now, env: { ACCORD_DATA_DIR: dataDir }, printToPdf: printer });
  return { code, out, err };
}

function context(agreement: Agreement) {
  return { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: now.toISOString(), consultant: { name: agreement.workshop.facilitator } };
}

/** The fingerprint as Node's own X509Certificate computes it (colon-separated upper-case hex), independently of Accord's code. */
function nodeFingerprint(p12: Buffer, passphrase: string): string {
  const pfx = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  const certificate = pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!]![0]!.cert!;
  return new X509Certificate(forge.pki.certificateToPem(certificate)).fingerprint256;
}

const fingerprintLine = (out: string) => /Seal fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec(out)?.[1];

let honestFingerprint: string;
let attackerFingerprint: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-seal-origin-'));
  dataDir = join(dir, 'data');
  const agreement = readyAgreement();
  await writeFile(join(dir, 'honest.accord'), serializeAccordFile(agreement, now));
  const exported = await cli('export', '--format', 'pdf', 'honest.accord', '--out', 'honest.pdf');
  expect(exported.err).toBe('');
  honestFingerprint = fingerprintLine(exported.out)!;
  expect(honestFingerprint).toBeDefined();

  // The attacker: a new self-signed certificate with the very same name, and different terms (win rate 25 % → 5 %).
  const forged = readyAgreement();
  forged.revenuePlan.winRate = 5;
  const attacker = createSelfSignedIdentity({ commonName: 'Dana Facilitator', passphrase: 'attacker', bits: 2048 });
  attackerFingerprint = nodeFingerprint(attacker.p12, 'attacker');
  await writeFile(join(dir, 'forged.pdf'), await exportAgreementPdf(forged, context(forged), { paper: 'A4', printToPdf: printer, identity: attacker }));
  // And the genuine terms sealed by the attacker: the attachment matches the .accord, the seal is not this computer's.
  await writeFile(join(dir, 'reseal.pdf'), await exportAgreementPdf(agreement, context(agreement), { paper: 'A4', printToPdf: printer, identity: attacker }));
}, 120_000);

afterAll(async () => {
  await printer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('accord verify: who made the seal, by fingerprint', () => {
  it('says "sealed by this computer" for its own PDF, with the certificate’s SHA-256 fingerprint', async () => {
    const result = await cli('verify', 'honest.pdf');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Certificate: Dana Facilitator\n');
    expect(result.out).toContain(`Fingerprint (SHA-256): ${honestFingerprint}\n`);
    const stored = JSON.parse(await readFile(join(dataDir, 'sealing-local', 'seal.json'), 'utf8')) as { p12: string; secret: string };
    expect(honestFingerprint).toBe(nodeFingerprint(Buffer.from(stored.p12, 'base64'), Buffer.from(stored.secret, 'base64').toString('utf8')));
    expect(result.out).toContain('Origin: Sealed by this computer\n');
  });

  it('says "unknown certificate" for a same-name certificate sealing different terms, with a different fingerprint', async () => {
    const result = await cli('verify', 'forged.pdf');
    expect(result.out).toContain('Certificate: Dana Facilitator\n');
    expect(result.out).toContain('Origin: Sealed by an unknown certificate (it says “Dana Facilitator”): anyone can create one with this name\n');
    const shown = /Fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec(result.out)?.[1];
    expect(shown).toBe(attackerFingerprint);
    expect(shown).not.toBe(honestFingerprint);
    const json = JSON.parse((await cli('verify', 'forged.pdf', '--json')).out) as { certificate: { fingerprint: string }; origin: { kind: string } };
    expect(json.origin).toEqual({ kind: 'unknown' });
    expect(json.certificate.fingerprint.toUpperCase().match(/.{2}/g)!.join(':')).toBe(shown);
  });

  it('--against says the attachment matches, never that the seal is authenticated, and states the origin apart', async () => {
    const result = await cli('verify', 'reseal.pdf', '--against', 'honest.accord');
    expect(result.out).toContain('Origin: Sealed by an unknown certificate');
    expect(result.out).toContain('The attached agreement matches the current draft of honest.accord (not a signed version). This compares content only; it says nothing about who sealed the PDF (see Origin).\n');
    expect(result.out).not.toMatch(/^Matches (signed version|the current draft)/m);
  });

  it('once the person trusts the fingerprint (as the Verify screen does), says "sealed by <name>, trusted on <date>"', async () => {
    const json = JSON.parse((await cli('verify', 'forged.pdf', '--json')).out) as { certificate: { fingerprint: string } };
    await trustStoreFor({ userDataDir: dataDir, secrets: plainFileProtector, now: () => now }).trust(json.certificate.fingerprint, 'Northwind Advisory');
    const result = await cli('verify', 'forged.pdf');
    expect(result.out).toContain('Origin: Sealed by Northwind Advisory, trusted on 2026-11-25\n');
    await trustStoreFor({ userDataDir: dataDir, secrets: plainFileProtector, now: () => now }).untrust(json.certificate.fingerprint);
  });

  it('a damaged trusted-seals file is said, not hidden as "unknown"', async () => {
    const path = join(dataDir, 'trusted-seals.json');
    const before = await readFile(path, 'utf8');
    await writeFile(path, '{ damaged');
    const result = await cli('verify', 'forged.pdf');
    expect(result.out).toContain(`Origin: cannot be judged: The list of trusted seals (${path}) is not valid JSON.`);
    await writeFile(path, before);
  });
});

describe('accord verify --require-known-seal', () => {
  it('exits 1 for an intact PDF from an unknown certificate, and 0 for this computer’s', async () => {
    const forged = await cli('verify', 'forged.pdf', '--require-known-seal');
    expect(forged.code).toBe(1);
    expect(forged.out).toContain('Refused (--require-known-seal): the seal is neither this computer’s nor one you trust.\n');
    expect((await cli('verify', 'forged.pdf')).code).toBe(0);
    expect((await cli('verify', 'honest.pdf', '--require-known-seal')).code).toBe(0);
    expect((await cli('verify', 'forged.pdf', '--require-known-seal', '--json')).code).toBe(1);
  });
});

describe('accord trust', () => {
  it('trusts a fingerprint as verify prints it, lists it, and removes it; verify follows', async () => {
    const shown = /Fingerprint \(SHA-256\): ([0-9A-F:]{95})/.exec((await cli('verify', 'forged.pdf')).out)![1]!;
    const trusted = await cli('trust', shown, '--name', 'Northwind Advisory');
    expect(trusted).toMatchObject({ code: 0, err: '' });
    expect(trusted.out).toBe(`Trusted “Northwind Advisory” (${shown}) on 2026-11-25: accord verify and the app now say “Sealed by Northwind Advisory” for it.\n`);
    expect((await cli('verify', 'forged.pdf', '--require-known-seal')).code).toBe(0);
    expect((await cli('trust', '--list')).out).toBe(`Northwind Advisory\n  ${shown}\n  trusted on 2026-11-25\n`);
    expect((await cli('trust', '--remove', shown)).out).toBe(`No longer trusted: ${shown}.\n`);
    expect((await cli('trust', '--remove', shown)).out).toBe('That seal was not trusted; nothing changed.\n');
    expect((await cli('verify', 'forged.pdf')).out).toContain('Origin: Sealed by an unknown certificate');
  });

  it('refuses this computer’s own seal, a non-fingerprint and an empty name, with the reason; answers --help', async () => {
    expect(await cli('trust', honestFingerprint, '--name', 'Me')).toMatchObject({ code: 1, err: 'accord trust: This is this computer’s own seal: it is always recognised and needs no trust.\n' });
    expect(await cli('trust', 'cafe', '--name', 'X')).toMatchObject({ code: 1, err: 'accord trust: This is not a SHA-256 fingerprint (64 hexadecimal digits).\n' });
    expect(await cli('trust', 'ab'.repeat(32), '--name', '  ')).toMatchObject({ code: 1, err: 'accord trust: Give the seal a name: who it belongs to.\n' });
    expect((await cli('trust', 'ab'.repeat(32))).code).toBe(2);
    expect((await cli('trust', '--help')).out).toContain('trust FINGERPRINT --name NAME');
    expect((await cli('trust', '--list')).out).toBe('No trusted seals.\n');
  });
});
