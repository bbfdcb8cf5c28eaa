import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity, type SealingIdentity } from '../../../electron/pdf/certificate';
import { finalizePdf } from '../../../electron/pdf/finalize';
import { sealPdf } from '../../../electron/pdf/seal';
import { verifyPdf } from '../../../electron/pdf/verify';
import { serializeAccordFile } from '../../../shared/model/accord-file';
import { contentHash } from '../../../shared/model/canonical';
import { readyAgreement } from '../../fixtures/agreements';

// What Chromium would print, made here with pdf-lib so the test needs no browser.
// Like the real export, it prints the content hash (here on the last page).
async function printedPdf(printedHash = ''): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= 3; page += 1) doc.addPage([595, 842]).drawText(`Lead management agreement, page ${page}`, { x: 50, y: 780, size: 14, font });
  if (printedHash) doc.getPage(2).drawText(`Content SHA-256 ${printedHash}`, { x: 50, y: 700, size: 8, font });
  return doc.save();
}

let identity: SealingIdentity;
let sealed: Buffer;
let signedRange: [number, number, number, number];
const agreement = readyAgreement();
const hash = contentHash(agreement);

async function seal(json: string, printedHash = hash): Promise<Buffer> {
  const finalized = await finalizePdf(
    await printedPdf(printedHash),
    { title: 'Agreement', author: 'Dana', subject: `Version 1, Signed. Content SHA-256 ${printedHash}`, keywords: ['Accord'], creationDate: new Date('2026-11-23T10:00:00Z') },
    { name: 'agreement.json', json },
    { name: identity.subject, reason: 'Version 1', location: 'Acme', contactInfo: 'Dana' },
  );
  return sealPdf(finalized, identity);
}

beforeAll(async () => {
  identity = createSelfSignedIdentity({ commonName: 'Dana Facilitator', organisation: 'Acme GmbH', passphrase: 'test-passphrase', bits: 1024 });
  const json = JSON.stringify({ ...JSON.parse(serializeAccordFile(agreement, new Date('2026-11-23T10:00:00Z'))), version: { number: 1, status: 'signed', contentHash: hash } });
  sealed = await seal(json);
  const match = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(sealed.toString('latin1'))!;
  signedRange = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])];
}, 60_000);

describe('seal and verify', () => {
  it('verifies a freshly sealed PDF as intact, covering the whole file, with who sealed it and the attached agreement', async () => {
    const result = await verifyPdf(sealed);
    expect(result.status).toBe('intact');
    expect(result.coversWholeFile).toBe(true);
    expect(result.signer).toBe('Dana Facilitator, Acme GmbH');
    // The PKCS#7 signing time is when the seal was made.
    expect(Math.abs(Date.parse(result.signedAt!) - Date.now())).toBeLessThan(120_000);
    expect(result.embedded).toMatchObject({ client: 'Acme GmbH', versionNumber: 1, versionStatus: 'signed', computedHash: hash, metadataHash: hash, printedOnPages: true, attachmentRecordedHash: hash, hashMatches: true });
    expect(signedRange[0]).toBe(0);
    expect(signedRange[2] + signedRange[3]).toBe(sealed.length);
  });

  it('rejects the file when any single byte inside the signed range is changed', async () => {
    const [, firstLength, secondStart, secondLength] = signedRange;
    // Every 997th byte of both signed ranges, plus each range's first and last byte.
    const positions = new Set([0, firstLength - 1, secondStart, secondStart + secondLength - 1]);
    for (let at = 0; at < firstLength; at += 997) positions.add(at);
    for (let at = secondStart; at < secondStart + secondLength; at += 997) positions.add(at);
    const verdicts = new Map<string, number>();
    for (const at of positions) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 0x01;
      const result = await verifyPdf(tampered);
      expect(result.status, `byte ${at}`).not.toBe('intact');
      verdicts.set(result.status, (verdicts.get(result.status) ?? 0) + 1);
    }
    expect(positions.size).toBeGreaterThan(10);
    // A change is caught by the digest ("modified"), makes the structure unreadable ("damaged"), or (byte 0) the header ("not-pdf").
    expect([...verdicts.keys()].every((status) => status === 'modified' || status === 'damaged' || status === 'not-pdf'), JSON.stringify([...verdicts])).toBe(true);
    expect(verdicts.get('modified') ?? 0).toBeGreaterThan(positions.size * 0.5);
  }, 60_000);

  it('reports "not the whole document" when bytes are appended after sealing', async () => {
    const result = await verifyPdf(Buffer.concat([sealed, Buffer.from('\n% appended later\n')]));
    expect(result.status).toBe('not-whole-document');
    expect(result.coversWholeFile).toBe(false);
    expect(result.message).toMatch(/does not cover the whole document/);
  });

  it('says when the attached agreement does not match the hash recorded in the document', async () => {
    const other = await seal(JSON.stringify({ ...JSON.parse(serializeAccordFile(agreement, new Date())), version: { number: 1, status: 'signed', contentHash: '0'.repeat(64) } }));
    const result = await verifyPdf(other);
    expect(result.status).toBe('modified');
    expect(result.embedded).toMatchObject({ attachmentRecordedHash: '0'.repeat(64), metadataHash: hash, printedOnPages: true, hashMatches: false });
  });

  it('compares the attachment with the hash the pages and the metadata show, not with what the attachment records of itself', async () => {
    // The attachment agrees with itself (its recorded hash is its own), but the document was printed for other content.
    const printed = 'ab'.repeat(32);
    const result = await verifyPdf(await seal(JSON.stringify({ ...JSON.parse(serializeAccordFile(agreement, new Date('2026-11-23T10:00:00Z'))), version: { number: 1, status: 'signed', contentHash: hash } }), printed));
    expect(result.status).toBe('modified');
    expect(result.embedded).toMatchObject({ computedHash: hash, attachmentRecordedHash: hash, metadataHash: printed, printedOnPages: false, hashMatches: false });
    expect(result.message).toMatch(/metadata \(Subject\) is a different one; the pages do not show it/);
  });

  it('says so for a PDF without a seal, for a damaged seal, and for something that is not a PDF', async () => {
    expect((await verifyPdf(Buffer.from(await printedPdf()))).status).toBe('not-sealed');
    expect(await verifyPdf(Buffer.from('hello, this is a text file'))).toMatchObject({ status: 'not-pdf', coversWholeFile: false });
    expect((await verifyPdf(Buffer.alloc(0))).status).toBe('not-pdf');
    expect((await verifyPdf(sealed.subarray(0, Math.floor(sealed.length / 2)))).status).toBe('damaged');
    const zeroed = Buffer.from(sealed);
    zeroed.fill(0x30, signedRange[1] + 1, signedRange[2] - 1);
    expect((await verifyPdf(zeroed)).status).toBe('damaged');
  });
});
