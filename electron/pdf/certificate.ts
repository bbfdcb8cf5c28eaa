import forge from 'node-forge';

/** A sealing identity: a PKCS#12 bundle and its passphrase. */
export interface SealingIdentity {
  p12: Buffer;
  passphrase: string;
  subject: string;
  /** True for the certificate Accord made itself (it proves integrity, not identity). */
  selfSigned: boolean;
}

/**
 * Creates a key pair and a self-signed certificate named after the
 * facilitator and organisation, valid ten years, packed as PKCS#12.
 * Randomness and time are injectable for tests.
 */
export function createSelfSignedIdentity(options: { commonName: string; organisation: string; passphrase: string; now?: Date; bits?: number }): SealingIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: options.bits ?? 2048, e: 0x10001 });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  const now = options.now ?? new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const attributes = [
    { name: 'commonName', value: options.commonName || 'Accord user' },
    { name: 'organizationName', value: options.organisation || 'Accord' },
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
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase: options.passphrase, subject: `${options.commonName}, ${options.organisation}`, selfSigned: true };
}

/** Reads the subject of the certificate in a PKCS#12 bundle; throws with a clear message on a wrong passphrase or file. */
export function describeP12(p12: Buffer, passphrase: string): { subject: string; notAfter: Date } {
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
  const field = (name: string) => certificate.subject.getField(name)?.value as string | undefined;
  return { subject: [field('CN'), field('O')].filter(Boolean).join(', '), notAfter: certificate.validity.notAfter };
}
