import { createHash } from 'node:crypto';
import forge from 'node-forge';

/** A sealing identity: a PKCS#12 bundle and its passphrase. */
export interface SealingIdentity {
  p12: Buffer;
  passphrase: string;
  subject: string;
  /** True for the certificate Accord made itself (it proves integrity, not identity). */
  selfSigned: boolean;
  /** SHA-256 of the certificate's DER, 64 lowercase hex: the one thing that tells this seal from another with the same name. */
  fingerprint: string;
}

/**
 * SHA-256 of a certificate's DER encoding, 64 lowercase hex. The DER is the
 * one node-forge writes, which is exactly what the PKCS#7 seal embeds (the
 * sealer uses node-forge too), so this matches the fingerprint Verify reads
 * from a PDF sealed with this certificate.
 */
export function certificateFingerprint(certificate: forge.pki.Certificate): string {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  return createHash('sha256').update(Buffer.from(der, 'binary')).digest('hex');
}

/** "CN, O" of a certificate's subject (O only when there is one). */
function subjectOf(certificate: forge.pki.Certificate): string {
  const field = (name: string) => certificate.subject.getField(name)?.value as string | undefined;
  return [field('CN'), field('O')].filter(Boolean).join(', ');
}

/**
 * Creates a key pair and a self-signed certificate named after the consultant
 * (CN), valid ten years, packed as PKCS#12. `organisation` (O) is the
 * consultant's own firm when given, never the client: the seal is the
 * consultant's, and a client's name in it would read as the client's seal.
 * Time and key size are injectable for tests.
 */
export function createSelfSignedIdentity(options: { commonName: string; organisation?: string; passphrase: string; now?: Date; bits?: number }): SealingIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: options.bits ?? 2048, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  const now = options.now ?? new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const organisation = options.organisation?.trim();
  const attributes = [
    { name: 'commonName', value: options.commonName.trim() || 'Accord user' },
    ...(organisation ? [{ name: 'organizationName', value: organisation }] : []),
    { shortName: 'OU', value: 'Accord agreement seal (self-signed)' },
  ];
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], options.passphrase, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase: options.passphrase, subject: subjectOf(certificate), selfSigned: true, fingerprint: certificateFingerprint(certificate) };
}

/** Reads the subject and fingerprint of the certificate in a PKCS#12 bundle; throws with a clear message on a wrong passphrase or file. */
export function describeP12(p12: Buffer, passphrase: string): { subject: string; organisation: string | null; notAfter: Date; fingerprint: string } {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), passphrase);
  } catch {
    throw new Error('This .p12 file could not be opened: the passphrase is wrong or the file is not a PKCS#12 certificate.');
  }
  const certBag = forge.pki.oids.certBag!;
  const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const bags = parsed.getBags({ bagType: certBag })[certBag] ?? [];
  const certificate = bags[0]?.cert;
  const keys = parsed.getBags({ bagType: keyBag })[keyBag] ?? [];
  if (!certificate || keys.length === 0) throw new Error('This .p12 file holds no certificate with a private key.');
  const organisation = certificate.subject.getField('O')?.value as string | undefined;
  return { subject: subjectOf(certificate), organisation: organisation ?? null, notAfter: certificate.validity.notAfter, fingerprint: certificateFingerprint(certificate) };
}
