import { constants, createHash, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { parseAccordFile, type AccordFileVersion } from '../../shared/model/accord-file';
import { historyBefore, settleSignedVersions, versionRuleCheck, versionSealPayload, type SealableVersion, type SealedHistoryEntry, type SettledImport, type VersionSealCheck } from '../../shared/model/accord-seal';
import type { Agreement } from '../../shared/model/agreement';
import type { SealOrigin } from '../../shared/model/seal-origin';
import { VERSION_SEAL_ALGORITHM, type VersionSeal } from '../../shared/model/versions';
import type { SealingIdentity } from './certificate';

/**
 * Seals and checks signed versions in `.accord` files (the payload and the
 * decision are in shared/model/accord-seal.ts). Only main and the CLI run
 * this: the key never reaches the renderer, and the renderer's word on a
 * seal is never taken.
 */

/** RSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (the digest's length). */
const pss = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

/** Who made a seal, by its certificate's SHA-256 fingerprint (the trust store's `describe`). */
export type DescribeSeal = (fingerprint: string) => Promise<SealOrigin>;

/** Why a version cannot be sealed (it breaks the signing rules); the message names each problem. */
export class SealRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealRefusedError';
  }
}

function openIdentity(identity: SealingIdentity): { privateKeyPem: string; certificateDer: Buffer } {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(identity.p12.toString('binary')), identity.passphrase);
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const certBag = forge.pki.oids.certBag!;
  const key = (p12.getBags({ bagType: keyBag })[keyBag] ?? [])[0]?.key;
  const certificate = (p12.getBags({ bagType: certBag })[certBag] ?? [])[0]?.cert;
  if (!key || !certificate) throw new Error('The sealing certificate holds no key or no certificate.');
  return { privateKeyPem: forge.pki.privateKeyToPem(key), certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary') };
}

/**
 * Seals each version with the installation's key, each over the history of
 * the versions before it in the list (oldest first). A version that breaks the
 * signing rules (signedVersionProblems: hash, signatures, signatories,
 * readiness) is refused: the seal says main checked it, so main never seals
 * what it would not accept as signed. The app seals one version, once, when
 * its signing completes (sealNewVersion); this whole-list form is for the CLI
 * and the test corpus.
 */
export function sealVersions<V extends SealableVersion>(versions: readonly V[], identity: SealingIdentity): (V & { seal: VersionSeal })[] {
  const refused = versions.map((version) => versionRuleCheck(version)).filter((check) => check !== null);
  if (refused.length > 0) throw new SealRefusedError(refused.map((check) => (check.state === 'rules' ? check.problems.join(' ') : '')).join(' '));
  if (versions.length === 0) return [];
  const { privateKeyPem, certificateDer } = openIdentity(identity);
  const key = createPrivateKey(privateKeyPem);
  const certificate = certificateDer.toString('base64');
  return versions.map((version, index) => ({
    ...version,
    seal: { algorithm: VERSION_SEAL_ALGORITHM, certificate, signature: sign('sha256', Buffer.from(versionSealPayload(version, historyBefore(versions, index)), 'utf8'), { key, ...pss }).toString('base64') },
  }));
}

/** How long after a version was locked main still seals it: signing has just completed, on this computer. */
export const SEAL_WINDOW_MS = 10 * 60 * 1000;

/**
 * Seals the version whose signing has just completed, over the history of the
 * signed versions before it. Main seals only at that moment (the renderer asks
 * right after the last signature), never at export: a version brought in by a
 * backup or a file was not signed here, and sealing it would pass it off as
 * this computer's. A version locked more than SEAL_WINDOW_MS ago (or in the
 * future) is refused, so a backup's old "signed" version cannot be sent for
 * sealing later; the rule check is the same as for every seal.
 */
export function sealNewVersion<V extends SealableVersion>(history: readonly SealableVersion[], version: V, identity: SealingIdentity, now: number): V & { seal: VersionSeal } {
  const age = now - version.lockedAt;
  if (!(age >= -60_000 && age <= SEAL_WINDOW_MS)) {
    throw new SealRefusedError(`Version ${version.number} was not signed just now (locked ${new Date(version.lockedAt).toISOString()}): only a version whose signing has just completed on this computer is sealed.`);
  }
  const numbers = [...history.map((earlier) => earlier.number), version.number];
  if (numbers.some((number, index) => number !== index + 1)) throw new SealRefusedError(`The history of version ${version.number} is not versions 1 to ${version.number - 1}: it cannot be sealed.`);
  return sealVersions([...history, version], identity).at(-1)! as V & { seal: VersionSeal };
}

function commonName(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((entry) => entry.startsWith('CN='));
  return line ? line.slice(3) : certificate.subject.replace(/\n/g, ', ');
}

/** Checks one version: the signing rules first, then its seal (over `history`, the versions before it) against its certificate; the origin by fingerprint. */
export async function checkVersionSeal(version: SealableVersion & { seal?: VersionSeal | undefined }, history: readonly SealedHistoryEntry[], describe: DescribeSeal): Promise<VersionSealCheck> {
  const rules = versionRuleCheck(version);
  if (rules) return rules;
  const { seal } = version;
  if (!seal) return { number: version.number, state: 'missing' };
  let certificate: X509Certificate;
  const der = Buffer.from(seal.certificate, 'base64');
  try {
    certificate = new X509Certificate(der);
  } catch {
    return { number: version.number, state: 'broken', reason: 'its certificate cannot be read' };
  }
  if (certificate.publicKey.asymmetricKeyType !== 'rsa') return { number: version.number, state: 'broken', reason: 'its certificate does not hold an RSA key' };
  let good: boolean;
  try {
    good = verify('sha256', Buffer.from(versionSealPayload(version, history), 'utf8'), { key: certificate.publicKey, ...pss }, Buffer.from(seal.signature, 'base64'));
  } catch {
    good = false;
  }
  if (!good) return { number: version.number, state: 'broken', reason: 'the version, or the history of versions before it, was changed after it was sealed, or the seal was made for another version' };
  const fingerprint = createHash('sha256').update(der).digest('hex');
  return { number: version.number, state: 'sealed', fingerprint, certificateName: commonName(certificate), origin: await describe(fingerprint) };
}

/** Checks every version, in order (oldest first), each over the history of the versions before it. */
export async function checkVersionSeals(versions: readonly (SealableVersion & { seal?: VersionSeal | undefined })[], describe: DescribeSeal): Promise<VersionSealCheck[]> {
  const checks: VersionSealCheck[] = [];
  for (const [index, version] of versions.entries()) checks.push(await checkVersionSeal(version, historyBefore(versions, index), describe));
  return checks;
}

/** An `.accord` file as main and the CLI take it: the draft, and the signed versions only when every one is sealed and keeps the rules. */
export type ReadAccordFile = ({ ok: true; agreement: Agreement } & SettledImport<AccordFileVersion>) | { ok: false; message: string };

/**
 * Reads an `.accord` file and decides what of it is signed: the one path for
 * the CLI (the app does the same in two steps: the renderer parses, main
 * checks the seals through `accord:check-seals`).
 */
export async function readAccordFile(text: string, describe: DescribeSeal): Promise<ReadAccordFile> {
  const parsed = parseAccordFile(text);
  if (!parsed.ok) return parsed;
  const checks = await checkVersionSeals(parsed.claimedVersions, describe);
  return { ok: true, agreement: parsed.agreement, ...settleSignedVersions(parsed.claimedVersions, checks) };
}
