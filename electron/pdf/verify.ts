import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { parseAccordFile } from '../../shared/model/accord-file';
import { contentHash } from '../../shared/model/canonical';
import { isDict, isHexDigit, isName, isStream, isString, PdfStructureError, PdfView, readXrefChain, structureEnd, textOf, type PdfDict, type PdfString, type PdfValue } from './pdf-structure';
import { pagesOf, pageTexts } from './pdf-text';

/**
 * What Verify found. Only `intact` means the file is exactly what was sealed.
 * `several-seals`: the file carries more than one signature (Accord seals once;
 * any later signature was added after the seal, over content the seal does not cover).
 */
export type VerifyStatus = 'intact' | 'modified' | 'not-whole-document' | 'several-seals' | 'not-sealed' | 'not-pdf' | 'damaged';

/** One signature field as the file shows it, checked on its own. */
export interface SignatureReport {
  /** The field's name (/T). */
  field: string;
  /** Who the certificate says it is (CN, O), or null when it cannot be read. */
  signer: string | null;
  /** SHA-256 of the signer certificate's DER, when it can be read. */
  fingerprint: string | null;
  /** The ByteRange as written, or null when it is not four whole numbers. */
  byteRange: number[] | null;
  /** The signature is valid over the bytes its ByteRange names. */
  valid: boolean;
  /** Its ByteRange ends at the end of the file. */
  coversWholeFile: boolean;
}

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
  /** Every signature field the file carries, when there is more than one (each checked on its own). */
  signatures?: SignatureReport[];
  /**
   * The agreement attached to the PDF, read only from the revision the seal
   * signs (never from bytes added after it), and the hashes compared.
   */
  embedded?: {
    title: string;
    client: string;
    versionNumber: number | null;
    versionStatus: string | null;
    /** The canonical content hash of the attached agreement, recomputed here. */
    computedHash: string;
    /** The hash in the document's metadata (Info /Subject, “Content SHA-256 …”) of the signed revision, or null when there is none. */
    metadataHash: string | null;
    /** The recomputed hash appears in full in the text of the signed revision's pages. */
    printedOnPages: boolean;
    /** The hash the attachment itself records (version.contentHash), or null. */
    attachmentRecordedHash: string | null;
    /** The recomputed hash equals the metadata's, is printed on the pages, and equals what the attachment records. */
    hashMatches: boolean;
  };
}

/** One signature dictionary as found through a revision's form fields. */
interface FoundSignature {
  field: string;
  dict: PdfDict;
}

/** The signature fields of a view: Root → AcroForm → Fields (and their Kids), /FT /Sig with a /V dictionary. */
function signatureFields(view: PdfView): FoundSignature[] {
  const root = view.get(view.trailer, 'Root');
  if (!isDict(root)) throw new PdfStructureError('the trailer has no document catalog (/Root)');
  const form = view.get(root, 'AcroForm');
  if (form === undefined || form === null) return [];
  if (!isDict(form)) throw new PdfStructureError('the form dictionary (/AcroForm) is not a dictionary');
  const fields = view.get(form, 'Fields');
  if (!Array.isArray(fields)) return [];
  const found: FoundSignature[] = [];
  let visited = 0;
  const walk = (node: PdfValue | undefined, inheritedType: string | null, name: string, depth: number) => {
    visited += 1;
    if (!isDict(node) || depth > 16 || visited > 10_000) return;
    const ownType = view.get(node, 'FT');
    const type = isName(ownType) ? ownType.name : inheritedType;
    const part = textOf(view.get(node, 'T'));
    const fullName = part === null ? name : name ? `${name}.${part}` : part;
    const kids = view.get(node, 'Kids');
    if (Array.isArray(kids)) for (const kid of kids) walk(view.resolve(kid), type, fullName, depth + 1);
    const value = view.get(node, 'V');
    if (type === 'Sig' && isDict(value)) found.push({ field: fullName || '(unnamed)', dict: value });
  };
  for (const field of fields) walk(view.resolve(field), null, '', 0);
  return found;
}

/** The byte range as four whole numbers, or null. */
function byteRangeOf(view: PdfView, dict: PdfDict): number[] | null {
  const range = view.get(dict, 'ByteRange');
  if (!Array.isArray(range)) return null;
  const numbers = range.map((item) => view.resolve(item));
  if (!numbers.every((item): item is number => typeof item === 'number' && Number.isSafeInteger(item))) return null;
  return numbers;
}

type Pkcs7Check = { ok: boolean; problem?: string; signer: string; signedAt?: string; certificate?: VerifyResult['certificate'] };

/** Checks the PKCS#7 signature: the digest of the signed bytes and the signature over the signed attributes. */
function checkPkcs7(signedBytes: Buffer, contents: Buffer): Pkcs7Check {
  // node-forge accepts an options object here; its type definitions only know the boolean form.
  const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { parseAllBytes: boolean }) => forge.asn1.Asn1;
  const buffer = forge.util.createBuffer(contents.toString('binary'));
  const asn1 = fromDer(buffer, { parseAllBytes: false });
  // The placeholder is padded with zeros after the DER; the DER's own length says where it ends, and nothing but zeros may follow.
  const rest = contents.subarray(contents.length - buffer.length());
  if (rest.some((byte) => byte !== 0)) return { ok: false, problem: 'the signature value has data after its end', signer: 'unknown' };
  const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & {
    rawCapture: { signerInfos: forge.asn1.Asn1[]; certificates?: { value: forge.asn1.Asn1[] }; content?: unknown };
  };
  if (message.rawCapture.content !== undefined) return { ok: false, problem: 'the signature carries its own content (it is not detached)', signer: 'unknown' };
  const signerInfos = message.rawCapture.signerInfos;
  if (signerInfos.length !== 1) return { ok: false, problem: `the signature has ${signerInfos.length} signers, not one`, signer: 'unknown' };
  const parts = signerInfos[0]!.value as forge.asn1.Asn1[];
  // SignerInfo: version, issuerAndSerialNumber, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.
  const issuerAndSerial = parts[1]?.value as forge.asn1.Asn1[] | undefined;
  const serialDer = issuerAndSerial?.[1] ? forge.asn1.toDer(issuerAndSerial[1]).getBytes() : null;
  const issuerDer = issuerAndSerial?.[0] ? forge.asn1.toDer(issuerAndSerial[0]).getBytes() : null;
  const rawCertificates = message.rawCapture.certificates?.value ?? [];
  // The signer's certificate is the one whose issuer and serial number the signer names (RFC 5652, 5.3), compared as DER as carried.
  const index = rawCertificates.findIndex((raw) => {
    const fields = ((raw.value as forge.asn1.Asn1[])[0]?.value ?? []) as forge.asn1.Asn1[];
    const at = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    const serial = fields[at];
    const issuer = fields[at + 2];
    return serial !== undefined && issuer !== undefined && forge.asn1.toDer(serial).getBytes() === serialDer && forge.asn1.toDer(issuer).getBytes() === issuerDer;
  });
  const certificate = message.certificates[index];
  const certificateAsn1 = rawCertificates[index];
  if (!certificate || !certificateAsn1) return { ok: false, problem: 'the signature does not carry its signer’s certificate', signer: 'unknown' };
  const subject = (name: string) => certificate.subject.getField(name)?.value as string | undefined;
  const signer = [subject('CN'), subject('O')].filter(Boolean).join(', ') || 'unknown';
  // The fingerprint is over the certificate's DER as the seal carries it (re-encoding the parsed certificate could differ).
  const fingerprint = createHash('sha256').update(Buffer.from(forge.asn1.toDer(certificateAsn1).getBytes(), 'binary')).digest('hex');
  const base = { signer, certificate: { fingerprint, subject: signer } };
  const digestAlgorithm = forge.asn1.derToOid(((parts[2]?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as string | undefined) ?? '');
  if (digestAlgorithm !== forge.pki.oids.sha256) return { ...base, ok: false, problem: 'the signature does not use SHA-256' };
  const attributesNode = parts.find((part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0);
  const signatureNode = parts[parts.length - 1];
  if (!attributesNode || !signatureNode || typeof signatureNode.value !== 'string') return { ...base, ok: false, problem: 'the signature has no signed attributes' };
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
  if (messageDigest !== digest) return { ...base, signedAt, ok: false, problem: 'the signed bytes’ digest differs from the one sealed' };
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
  return { ...base, signedAt, ok: valid, problem: valid ? undefined : 'the signature does not verify with its certificate' };
}

/** A signature's byte range checked against its own dictionary: `[0, a, b, c]`, the hex /Contents exactly filling `a…b`, nothing else unsigned. */
function checkShape(bytes: Buffer, view: PdfView, dict: PdfDict): { ok: true; range: [number, number, number, number]; contents: PdfString } | { ok: false; status: 'damaged' | 'modified'; problem: string } {
  const filter = view.get(dict, 'Filter');
  const subFilter = view.get(dict, 'SubFilter');
  if (!isName(subFilter) || subFilter.name !== 'adbe.pkcs7.detached' || !isName(filter)) return { ok: false, status: 'damaged', problem: 'it is not a detached PKCS#7 signature (/SubFilter /adbe.pkcs7.detached), as Accord makes' };
  const range = byteRangeOf(view, dict);
  if (!range) return { ok: false, status: 'damaged', problem: 'its /ByteRange is missing or is not a list of whole numbers' };
  if (range.length !== 4) return { ok: false, status: 'damaged', problem: `its /ByteRange has ${range.length} numbers, not four` };
  const [start, a, b, c] = range as [number, number, number, number];
  if (start !== 0) return { ok: false, status: 'damaged', problem: `its /ByteRange does not start at the file’s first byte ([${range.join(' ')}])` };
  if (a <= 0 || c <= 0 || b <= a) return { ok: false, status: 'damaged', problem: `its /ByteRange [${range.join(' ')}] is empty, zero or overlapping` };
  if (b + c > bytes.length) return { ok: false, status: 'damaged', problem: `its /ByteRange [${range.join(' ')}] reaches past the end of the file (${bytes.length} bytes): it has been cut or damaged` };
  const contents = view.get(dict, 'Contents');
  if (!isString(contents)) return { ok: false, status: 'damaged', problem: 'it has no signature value (/Contents)' };
  if (!contents.hex) return { ok: false, status: 'damaged', problem: 'its signature value (/Contents) is not a hex string' };
  if (contents.start !== a || contents.end !== b) {
    const extra = b - a - (contents.end - contents.start);
    return { ok: false, status: 'modified', problem: `its /ByteRange leaves bytes ${a}–${b} unsigned, but its signature value sits at bytes ${contents.start}–${contents.end}${extra > 0 ? `: ${extra} bytes that are not the signature are left out of the seal (content inserted after sealing)` : ': the unsigned bytes are not the signature value'}` };
  }
  if (bytes[a] !== 0x3c || bytes[b - 1] !== 0x3e) return { ok: false, status: 'modified', problem: 'the unsigned gap is not exactly the signature value' };
  for (let at = a + 1; at < b - 1; at += 1) if (!isHexDigit(bytes[at])) return { ok: false, status: 'modified', problem: `the unsigned gap holds a byte that is not a hex digit at ${at}` };
  if (contents.bytes.length === 0 || contents.bytes.every((byte) => byte === 0)) return { ok: false, status: 'damaged', problem: 'its signature value is empty (all zeros)' };
  return { ok: true, range: [start, a, b, c], contents };
}

/** The attachment each kind of Accord document carries (`exportDocumentPdf`'s callers): exactly one, under this name. */
const ACCORD_ATTACHMENTS = ['agreement.json', 'review.json', 'session-summary.json'] as const;
/** Bounds on the EmbeddedFiles name tree walk: deeper or larger trees are not what Accord writes and are refused. */
const NAME_TREE_MAX_DEPTH = 16;
const NAME_TREE_MAX_NODES = 1_000;

/** A file specification a viewer would list, where it was found, and the names it goes by. */
interface FoundFile {
  spec: PdfDict;
  /** The name-tree key, when it was found in the EmbeddedFiles name tree. */
  key: string | null;
  /** The file name the specification gives (/UF, else /F): what a viewer shows. */
  fileName: string | null;
  where: string;
}

/** The file name a file specification shows (/UF, else /F); null when it has none or is not a dictionary. */
function specFileName(view: PdfView, spec: PdfValue | undefined): string | null {
  if (isString(spec)) return textOf(spec);
  if (!isDict(spec)) return null;
  return textOf(view.get(spec, 'UF')) ?? textOf(view.get(spec, 'F'));
}

/**
 * Every file specification of a revision that a viewer would list as an attachment: the whole
 * EmbeddedFiles name tree (/Names and /Kids, bounded), the catalog's and pages' /AF arrays and
 * FileAttachment annotations. One specification found in several places is listed once.
 */
function attachedFiles(view: PdfView, root: PdfDict): FoundFile[] {
  const found: FoundFile[] = [];
  const seen = new Map<PdfValue, FoundFile>();
  const add = (raw: PdfValue | undefined, key: string | null, where: string) => {
    const spec = view.resolve(raw);
    if (spec === undefined || spec === null) return;
    const known = isDict(spec) ? seen.get(spec) : undefined;
    if (known) {
      if (key !== null && known.key === null) known.key = key;
      return;
    }
    const file: FoundFile = { spec: isDict(spec) ? spec : { kind: 'dict', entries: new Map() } as PdfDict, key, fileName: specFileName(view, spec), where };
    if (isDict(spec)) seen.set(spec, file);
    found.push(file);
  };
  const names = view.get(root, 'Names');
  const tree = isDict(names) ? view.get(names, 'EmbeddedFiles') : undefined;
  let nodes = 0;
  const walk = (node: PdfValue | undefined, depth: number) => {
    nodes += 1;
    if (!isDict(node) || depth > NAME_TREE_MAX_DEPTH || nodes > NAME_TREE_MAX_NODES) throw new PdfStructureError('the attachments’ name tree (EmbeddedFiles) cannot be read or is deeper or larger than a document has');
    const list = view.get(node, 'Names');
    if (list !== undefined) {
      if (!Array.isArray(list) || list.length % 2 !== 0) throw new PdfStructureError('the attachments’ name tree (EmbeddedFiles) has a /Names entry that is not a list of name and file pairs');
      for (let index = 0; index < list.length; index += 2) add(list[index + 1], textOf(view.resolve(list[index])) ?? '(unreadable name)', 'the EmbeddedFiles name tree');
    }
    const kids = view.get(node, 'Kids');
    if (kids !== undefined) {
      if (!Array.isArray(kids)) throw new PdfStructureError('the attachments’ name tree (EmbeddedFiles) has a /Kids entry that is not a list');
      for (const kid of kids) walk(view.resolve(kid), depth + 1);
    }
  };
  if (tree !== undefined && tree !== null) walk(tree, 0);
  const associated = (owner: PdfDict, where: string) => {
    const af = view.get(owner, 'AF');
    if (Array.isArray(af)) for (const item of af) add(item, null, where);
  };
  associated(root, 'the catalog’s associated files (/AF)');
  pagesOf(view, root).forEach(({ page }, index) => {
    associated(page, `page ${index + 1}’s associated files (/AF)`);
    const annots = view.get(page, 'Annots');
    if (!Array.isArray(annots)) return;
    for (const raw of annots) {
      const annot = view.resolve(raw);
      const subtype = isDict(annot) ? view.get(annot, 'Subtype') : undefined;
      if (isDict(annot) && isName(subtype) && subtype.name === 'FileAttachment') add(view.get(annot, 'FS') ?? null, null, `a file attachment annotation on page ${index + 1}`);
    }
  });
  return found;
}

/**
 * The one attachment an Accord document carries, from the signed revision: exactly one file, under
 * one of Accord's names, its name-tree key and its file name the same, its data readable as UTF-8.
 * Anything else (none, a second file, another name, a file that cannot be read) is a refusal with a reason.
 */
function theAttachment(view: PdfView, root: PdfDict): { ok: true; name: (typeof ACCORD_ATTACHMENTS)[number]; json: string } | { ok: false; problem: string } {
  const files = attachedFiles(view, root);
  // Control characters (a NUL hidden in a name-tree key) are shown, never printed raw.
  const shown = (text: string) => [...text].map((char) => (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f ? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}` : char)).join('');
  const label = (file: FoundFile) => `“${shown(file.fileName ?? file.key ?? 'unnamed')}”${file.key !== null && file.key !== file.fileName ? ` (listed as “${shown(file.key)}”)` : ''}`;
  if (files.length === 0) return { ok: false, problem: `the sealed document carries no attachment (an Accord PDF carries exactly one: ${ACCORD_ATTACHMENTS.join(', ')}), so its content cannot be checked` };
  if (files.length > 1) return { ok: false, problem: `the sealed document carries ${files.length} attachments (${files.map(label).join(', ')}), but an Accord PDF carries exactly one (a viewer may show a file whose content was not checked)` };
  const [file] = files as [FoundFile];
  const name = ACCORD_ATTACHMENTS.find((candidate) => candidate === file.fileName);
  if (!name || file.key !== name) return { ok: false, problem: `the sealed document’s attachment ${label(file)} is not where an Accord PDF carries it (in the EmbeddedFiles name tree as ${ACCORD_ATTACHMENTS.join(', ')}, the key and the file name the same), so its content was not checked` };
  const ef = view.get(file.spec, 'EF');
  const stream = isDict(ef) ? view.get(ef, 'F') : undefined;
  if (!isStream(stream)) return { ok: false, problem: `the sealed document’s attachment ${name} has no embedded data` };
  try {
    return { ok: true, name, json: new TextDecoder('utf-8', { fatal: true }).decode(view.decode(stream)) };
  } catch {
    return { ok: false, problem: `the sealed document’s attachment ${name} cannot be read as UTF-8 text` };
  }
}

/** What a readable revision says about the agreement attached to it, and the hashes compared; a problem when the attachment is not the one an Accord PDF carries or cannot be checked. */
function readEmbedded(view: PdfView): { embedded: VerifyResult['embedded']; problem?: string } {
  const root = view.get(view.trailer, 'Root');
  if (!isDict(root)) throw new PdfStructureError('the trailer has no document catalog (/Root)');
  const found = theAttachment(view, root);
  if (!found.ok) return { embedded: undefined, problem: found.problem };
  const { name, json } = found;
  if (name !== 'agreement.json') {
    // A review report or a session summary: the seal covers the attachment as it is; no content hash is printed for it to match.
    try {
      const value: unknown = JSON.parse(json);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { embedded: undefined, problem: `the sealed document’s attachment ${name} is not a JSON object` };
    } catch {
      return { embedded: undefined, problem: `the sealed document’s attachment ${name} is not valid JSON` };
    }
    return { embedded: undefined };
  }
  const parsed = parseAccordFile(json);
  if (!parsed.ok) return { embedded: undefined, problem: 'the sealed document’s attachment agreement.json is not a readable Accord agreement, so its content cannot be checked against the document' };
  const data = JSON.parse(json) as { version?: { number?: unknown; status?: unknown; contentHash?: unknown } };
  const computedHash = contentHash(parsed.agreement);
  const info = view.get(view.trailer, 'Info');
  const subject = isDict(info) ? textOf(view.get(info, 'Subject')) : null;
  const metadataHash = /Content SHA-256 ([0-9a-f]{64})\b/.exec(subject ?? '')?.[1] ?? null;
  const printedOnPages = pageTexts(view, root).some((text) => text.replace(/\s+/g, '').includes(computedHash));
  const attachmentRecordedHash = typeof data.version?.contentHash === 'string' ? data.version.contentHash : null;
  return { embedded: {
    title: parsed.agreement.workshop.title,
    client: parsed.agreement.workshop.client,
    versionNumber: typeof data.version?.number === 'number' ? data.version.number : null,
    versionStatus: typeof data.version?.status === 'string' ? data.version.status : null,
    computedHash,
    metadataHash,
    printedOnPages,
    attachmentRecordedHash,
    hashMatches: metadataHash === computedHash && printedOnPages && (attachmentRecordedHash === null || attachmentRecordedHash === computedHash),
  } };
}

/** A sentence saying exactly which hashes differ. */
function hashProblem(embedded: NonNullable<VerifyResult['embedded']>): string {
  const problems: string[] = [];
  if (embedded.metadataHash === null) problems.push('the document’s metadata (Subject) records no content hash');
  else if (embedded.metadataHash !== embedded.computedHash) problems.push('the hash in the document’s metadata (Subject) is a different one');
  if (!embedded.printedOnPages) problems.push('the pages do not show it');
  if (embedded.attachmentRecordedHash !== null && embedded.attachmentRecordedHash !== embedded.computedHash) problems.push('the attachment records a different hash');
  return `The seal is intact, but the attached agreement’s content hash does not match the document: ${problems.join('; ')}.`;
}

/** Checks one signature on its own (for the list when a file carries several). */
function reportOne(bytes: Buffer, view: PdfView, found: FoundSignature): SignatureReport {
  const byteRange = byteRangeOf(view, found.dict);
  const report: SignatureReport = { field: found.field, signer: null, fingerprint: null, byteRange, valid: false, coversWholeFile: false };
  const shape = checkShape(bytes, view, found.dict);
  if (!shape.ok) return report;
  const [, a, b, c] = shape.range;
  report.coversWholeFile = b + c === bytes.length;
  try {
    const check = checkPkcs7(Buffer.concat([bytes.subarray(0, a), bytes.subarray(b, b + c)]), shape.contents.bytes);
    return { ...report, signer: check.signer, fingerprint: check.certificate?.fingerprint ?? null, valid: check.ok };
  } catch {
    return report;
  }
}

/**
 * Verifies an exported agreement PDF by its structure: the seal is found
 * through the document's own cross-reference table (trailer → Root → AcroForm
 * → Fields → the /Sig field's /V), its ByteRange must be `[0, a, b, c]` with
 * the hex signature exactly filling `a…b`, the revision it signs is read on its
 * own (one revision, one signature), and the attached agreement, the metadata
 * and the page text are read only from those signed bytes. Never throws on
 * bad input: every outcome is a status with a message.
 */
export async function verifyPdf(input: Uint8Array): Promise<VerifyResult> {
  await Promise.resolve();
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return { status: 'not-pdf', message: 'This is not a PDF file.', coversWholeFile: false };
  }
  const damaged = (problem: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({ status: 'damaged', message: `The seal cannot be checked: ${problem}.`, coversWholeFile: false, ...extra });

  // 1. The file as a viewer sees it: its cross-reference chain, newest revision first.
  let view: PdfView;
  let found: FoundSignature[];
  try {
    // A reader finds the structure at the last %%EOF; bytes after it are covered by no seal (step 2 says so).
    const chain = readXrefChain(bytes, structureEnd(bytes));
    view = new PdfView(bytes, chain);
    found = signatureFields(view);
    // A later revision may have dropped the seal's field: look at the older revisions' own views too.
    for (let older = 1; found.length === 0 && older < chain.length; older += 1) {
      const earlier = signatureFields(new PdfView(bytes, chain.slice(older)));
      if (earlier.length > 0) return { status: 'modified', message: `An update added after sealing removed the seal from what viewers show (${chain.length} revisions): the file was changed after it was sealed.`, coversWholeFile: false };
    }
  } catch (error) {
    if (error instanceof PdfStructureError && error.foreign) return { status: 'not-sealed', message: `This PDF carries no Accord seal that can be verified: ${error.message}.`, coversWholeFile: false };
    return damaged(`the file’s structure cannot be read (${error instanceof PdfStructureError ? error.message : 'unreadable'})`);
  }
  if (found.length === 0) return { status: 'not-sealed', message: 'This PDF carries no Accord seal (no digital signature): it cannot be verified.', coversWholeFile: false };
  if (found.length > 1) {
    const signatures = found.map((signature) => reportOne(bytes, view, signature));
    // No one signer is named: each signature is listed with its own certificate.
    return {
      status: 'several-seals',
      message: `This PDF carries ${found.length} signatures. Accord seals a file once; a further signature was added after sealing, over content the seal does not cover.`,
      coversWholeFile: false,
      signatures,
    };
  }

  // 2. The one signature: its byte range must leave out exactly its own signature value.
  const seal = found[0]!;
  const shape = checkShape(bytes, view, seal.dict);
  if (!shape.ok) return shape.status === 'damaged' ? damaged(`the seal’s signature is malformed: ${shape.problem}`) : { status: 'modified', message: `The seal is broken: ${shape.problem}.`, coversWholeFile: false };
  const [, a, b, c] = shape.range;
  const signedEnd = b + c;
  const coversWholeFile = signedEnd === bytes.length;

  // 3. The revision the seal signs, read on its own from the signed bytes: one revision, one signature, this one.
  let signedView: PdfView;
  try {
    const signedChain = readXrefChain(bytes, signedEnd);
    if (signedChain.length !== 1) return damaged(`the seal signs a file that already had ${signedChain.length} revisions, which Accord never seals`);
    signedView = new PdfView(bytes, signedChain, signedEnd);
    const own = signatureFields(signedView);
    if (own.length !== 1) return damaged(`the revision the seal signs has ${own.length} signature fields, not one`);
    const ownContents = signedView.get(own[0]!.dict, 'Contents');
    if (!isString(ownContents) || ownContents.start !== a || ownContents.end !== b || byteRangeOf(signedView, own[0]!.dict)?.join(' ') !== shape.range.join(' ')) {
      return damaged('the signature the file shows is not the one its signed revision holds');
    }
  } catch (error) {
    return damaged(`the revision the seal signs cannot be read (${error instanceof PdfStructureError ? error.message : 'unreadable'})`);
  }

  // 4. The signature itself.
  let check: Pkcs7Check;
  try {
    check = checkPkcs7(Buffer.concat([bytes.subarray(0, a), bytes.subarray(b, signedEnd)]), shape.contents.bytes);
  } catch {
    return damaged('the signature value cannot be read', { coversWholeFile });
  }
  const base = { coversWholeFile, signer: check.signer, signedAt: check.signedAt, certificate: check.certificate };
  if (!check.ok) return { ...base, status: 'modified', message: `The seal is broken (${check.problem ?? 'invalid'}): the file was changed after it was sealed.` };

  // 5. What the seal covers: the attachment, the metadata and the pages of the signed revision only.
  let embedded: VerifyResult['embedded'];
  let attachmentProblem: string | undefined;
  try {
    ({ embedded, problem: attachmentProblem } = readEmbedded(signedView));
  } catch (error) {
    return damaged(`the sealed document cannot be read (${error instanceof PdfStructureError ? error.message : 'unreadable'})`, base);
  }
  const result = { ...base, embedded };
  if (!coversWholeFile) {
    return { ...result, status: 'not-whole-document', message: `The seal covers only the first ${signedEnd} bytes: ${bytes.length - signedEnd} bytes were added after sealing (an update), so the seal does not cover the whole document and what a viewer shows may differ from what was sealed (what the seal covers is shown below).` };
  }
  if (attachmentProblem !== undefined) return { ...result, status: 'modified', message: `The seal is intact, but the file is not an intact Accord document: ${attachmentProblem}.` };
  if (embedded && !embedded.hashMatches) return { ...result, status: 'modified', message: hashProblem(embedded) };
  return { ...result, status: 'intact', message: 'The seal is intact and covers the whole document: the file is exactly as it was sealed.' };
}
