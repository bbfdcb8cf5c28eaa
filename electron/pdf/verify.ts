import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { parseAccordFile } from '../../shared/model/accord-file';
import { contentHash } from '../../shared/model/canonical';

/** What Verify found. Only `intact` means the file is exactly what was sealed. */
export type VerifyStatus = 'intact' | 'modified' | 'not-whole-document' | 'not-sealed' | 'not-pdf' | 'damaged';

/** The verdict on a PDF, with everything a person needs to trust it or not. */
export interface VerifyResult {
  status: VerifyStatus;
  message: string;
  coversWholeFile: boolean;
  signer?: string;
  signedAt?: string;
  /** The signer's certificate as the seal carries it: who made the seal is judged by this fingerprint, never by the name. */
  certificate?: {
    /** SHA-256 of the signer certificate's DER, 64 lowercase hex digits. */
    fingerprint: string;
    /** The certificate's subject as it reads (CN, O): a claim, not an identity. */
    subject: string;
  };
  /** The agreement attached to the PDF, when there is one. */
  embedded?: {
    title: string;
    client: string;
    versionNumber: number | null;
    versionStatus: string | null;
    /** The hash recorded (and printed) in the document. */
    recordedHash: string | null;
    /** The hash recomputed from the attached agreement. */
    computedHash: string;
    hashMatches: boolean;
  };
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Finds the last signature's byte range and contents in the raw file. */
function findSignature(text: string): { byteRange: [number, number, number, number]; contentsHex: string } | null {
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return null;
  const byteRange = [Number(last[1]), Number(last[2]), Number(last[3]), Number(last[4])] as [number, number, number, number];
  const open = text.indexOf('<', byteRange[1]);
  if (open !== byteRange[1]) return { byteRange, contentsHex: '' };
  const close = text.indexOf('>', open);
  return { byteRange, contentsHex: text.slice(open + 1, close) };
}

/** Checks the PKCS#7 signature: the digest of the signed bytes and the signature over the signed attributes. */
function checkPkcs7(signedBytes: Buffer, contentsHex: string): { ok: boolean; signer: string; signedAt?: string; certificate?: VerifyResult['certificate'] } {
  // The placeholder is padded with zeros after the DER; the DER's own length says where it ends
  // (stripping trailing "00" would also cut a signature whose last byte is zero, one in 256).
  const der = Buffer.from(contentsHex, 'hex');
  // node-forge accepts an options object here; its type definitions only know the boolean form.
  const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { parseAllBytes: boolean }) => forge.asn1.Asn1;
  const asn1 = fromDer(der.toString('binary'), { parseAllBytes: false });
  const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: { signerInfos: forge.asn1.Asn1[]; certificates?: { value: forge.asn1.Asn1[] } } };
  const certificate = message.certificates[0];
  if (!certificate) return { ok: false, signer: 'unknown' };
  const subject = (name: string) => certificate.subject.getField(name)?.value as string | undefined;
  const signer = [subject('CN'), subject('O')].filter(Boolean).join(', ') || 'unknown';
  // The fingerprint is over the certificate's DER as the seal carries it (re-encoding the parsed certificate could differ).
  const certificateAsn1 = message.rawCapture.certificates?.value[0];
  const fingerprint = createHash('sha256').update(Buffer.from(forge.asn1.toDer(certificateAsn1 ?? forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')).digest('hex');
  const cert = { fingerprint, subject: signer };
  const signerInfo = message.rawCapture.signerInfos[0];
  if (!signerInfo || !Array.isArray(signerInfo.value)) return { ok: false, signer, certificate: cert };
  const parts = signerInfo.value as forge.asn1.Asn1[];
  const attributesNode = parts.find((part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0);
  const signatureNode = parts[parts.length - 1];
  if (!attributesNode || !signatureNode || typeof signatureNode.value !== 'string') return { ok: false, signer, certificate: cert };
  let messageDigest: string | undefined;
  let signedAt: string | undefined;
  for (const attribute of attributesNode.value as forge.asn1.Asn1[]) {
    const [oidNode, valuesNode] = attribute.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(oidNode!.value as string);
    const value = (valuesNode!.value as forge.asn1.Asn1[])[0]!;
    if (oid === forge.pki.oids.messageDigest!) messageDigest = value.value as string;
    if (oid === forge.pki.oids.signingTime!) {
      const raw = value.value as string;
      signedAt = (value.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(raw) : forge.asn1.generalizedTimeToDate(raw)).toISOString();
    }
  }
  const digest = createHash('sha256').update(signedBytes).digest('binary');
  if (messageDigest !== digest) return { ok: false, signer, signedAt, certificate: cert };
  // The signature is over the DER of the signed attributes as a SET (RFC 5652, 5.4).
  const attributesSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributesNode.value as forge.asn1.Asn1[]);
  const attributesDigest = forge.md.sha256.create();
  attributesDigest.update(forge.asn1.toDer(attributesSet).getBytes());
  const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
  let valid: boolean;
  try {
    valid = publicKey.verify(attributesDigest.digest().getBytes(), signatureNode.value);
  } catch {
    valid = false;
  }
  return { ok: valid, signer, signedAt, certificate: cert };
}

/** Reads `agreement.json` attached to the PDF, if any. */
async function readAttachment(bytes: Uint8Array): Promise<string | null> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let index = 0; index + 1 < list.size(); index += 2) {
    const name = list.lookup(index);
    const label = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : '';
    if (label !== 'agreement.json') continue;
    const spec = list.lookup(index + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'));
    if (stream instanceof PDFRawStream) return new TextDecoder().decode(decodePDFRawStream(stream).decode());
  }
  return null;
}

/**
 * Verifies an exported agreement PDF: is it sealed, is the seal intact, does
 * it cover the whole file, who sealed it and when, and does the attached
 * agreement match the hash recorded in the document. Never throws on bad
 * input: every outcome is a status with a message.
 */
export async function verifyPdf(input: Uint8Array): Promise<VerifyResult> {
  const bytes = Buffer.from(input);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return { status: 'not-pdf', message: 'This is not a PDF file.', coversWholeFile: false };
  }
  const text = latin1(bytes);
  const signature = findSignature(text);
  if (!signature || signature.contentsHex === '') {
    return { status: 'not-sealed', message: 'This PDF carries no Accord seal (no digital signature): it cannot be verified.', coversWholeFile: false };
  }
  const [start, firstLength, secondStart, secondLength] = signature.byteRange;
  if (start !== 0 || secondStart + secondLength > bytes.length || firstLength > bytes.length) {
    return { status: 'damaged', message: 'The seal’s byte range does not fit this file: it has been cut or damaged.', coversWholeFile: false };
  }
  const signedBytes = Buffer.concat([bytes.subarray(0, firstLength), bytes.subarray(secondStart, secondStart + secondLength)]);
  const coversWholeFile = secondStart + secondLength === bytes.length;
  let check: ReturnType<typeof checkPkcs7>;
  try {
    check = checkPkcs7(signedBytes, signature.contentsHex);
  } catch {
    return { status: 'damaged', message: 'The seal is damaged and cannot be read.', coversWholeFile };
  }
  let embedded: VerifyResult['embedded'];
  try {
    const json = await readAttachment(coversWholeFile ? bytes : bytes.subarray(0, secondStart + secondLength));
    if (json) {
      const data = JSON.parse(json) as { version?: { number?: number; status?: string; contentHash?: string } };
      const parsed = parseAccordFile(json);
      if (parsed.ok) {
        const computedHash = contentHash(parsed.agreement);
        const recordedHash = data.version?.contentHash ?? null;
        embedded = {
          title: parsed.agreement.workshop.title,
          client: parsed.agreement.workshop.client,
          versionNumber: data.version?.number ?? null,
          versionStatus: data.version?.status ?? null,
          recordedHash,
          computedHash,
          hashMatches: recordedHash === computedHash,
        };
      }
    }
  } catch {
    embedded = undefined;
  }
  const base = { coversWholeFile, signer: check.signer, signedAt: check.signedAt, certificate: check.certificate, embedded };
  if (!check.ok) return { ...base, status: 'modified', message: 'The seal is broken: the file was changed after it was sealed.' };
  if (!coversWholeFile) return { ...base, status: 'not-whole-document', message: 'The seal is intact, but bytes were added after sealing: the seal does not cover the whole document.' };
  if (embedded && !embedded.hashMatches) return { ...base, status: 'modified', message: 'The seal is intact, but the attached agreement does not match the hash recorded in the document.' };
  return { ...base, status: 'intact', message: 'The seal is intact and covers the whole document: the file is exactly as it was sealed.' };
}
