/**
 * Group `pdf`: the sealed export of the largest template (every section
 * filled, three signatures) through the real pipeline on Debian's Chromium.
 */
import { deflateSync, crc32 } from 'node:zlib';
import { resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { bundledFontDataUrl } from '../../electron/hosts/node-host';
import { createSelfSignedIdentity } from '../../electron/pdf/certificate';
import { createChromiumPrinter } from '../../electron/pdf/chromium-printer';
import { exportAgreementPdf, type ExportTimings } from '../../electron/pdf/export';
import { exportSubject } from '../../shared/document/subject';
import { builtInTemplates } from '../../shared/templates/templates';
import { addSignature, signatories, startSigning } from '../../shared/model/versions';
import { readyAgreement } from '../fixtures/agreements';
import { median, type BenchFigure } from './format';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const RUNS = 10;

/** A PNG of a signature-like stroke, the size the signature pad produces. */
function strokePng(seed: number, width = 600, height = 180): string {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4, 255);
    row[0] = 0;
    for (let x = 0; x < width; x += 1) {
      const curve = height / 2 + Math.sin(x / (18 + seed * 3)) * 40 + Math.sin(x / 7) * 8;
      if (Math.abs(y - curve) < 2.2) row.fill(0, 1 + x * 4, 1 + x * 4 + 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** The largest built-in template, ready to sign, signed by three people. */
function signedLargestAgreement() {
  const largest = [...builtInTemplates].sort((a, b) => JSON.stringify(b.build()).length - JSON.stringify(a.build()).length)[0]!;
  const agreement = readyAgreement(largest.id);
  const third = agreement.participants.find((person) => !person.signs)!;
  third.signs = true;
  let version = startSigning('bench', 1, agreement, Date.now());
  signatories(agreement).forEach((person, index) => {
    version = addSignature(version, { participantId: person.id, method: index === 2 ? 'typed' : 'drawn', image: strokePng(index), signedAt: new Date().toISOString(), contentHash: version.contentHash }, Date.now());
  });
  if (version.status !== 'signed') throw new Error('The benchmark agreement did not lock after three signatures.');
  return { template: largest.id, ...exportSubject(agreement, [{ ...version, intact: true }], true, new Date().toISOString()) };
}

export async function benchPdf(): Promise<BenchFigure[]> {
  const { template, agreement, context } = signedLargestAgreement();
  const identity = createSelfSignedIdentity({ commonName: 'Bench Facilitator', organisation: 'Accord', passphrase: 'bench' });
  const printer = createChromiumPrinter(projectRoot);
  const fontDataUrl = await bundledFontDataUrl();
  try {
    const totals: number[] = [];
    const prints: number[] = [];
    let pages = 0;
    let bytes = 0;
    // Two warm-up exports: the browser starts, fonts and code paths warm up.
    for (let run = -2; run < RUNS; run += 1) {
      const timings: ExportTimings = { printMs: 0, finalizeMs: 0, sealMs: 0 };
      const started = performance.now();
      const pdf = await exportAgreementPdf(agreement, context, { paper: 'A4', printToPdf: printer, identity, fontDataUrl }, timings);
      const total = performance.now() - started;
      if (run < 0) continue;
      totals.push(total);
      prints.push(timings.printMs);
      bytes = pdf.length;
      pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
    }
    const exportMs = median(totals);
    const printMs = median(prints);
    console.log(`# pdf: template ${template}, ${signatories(agreement).length} signatures, ${pages} pages, ${Math.round(bytes / 1024)} kB, median of ${RUNS} warm runs`);
    return [
      { id: 'pdf.export-ms', value: exportMs, unit: 'ms', target: { op: '<=', value: 1500 } },
      { id: 'pdf.print-ms', value: printMs, unit: 'ms' },
      { id: 'pdf.seal-ratio', value: exportMs / printMs, unit: 'x', target: { op: '<=', value: 1.25 } },
      { id: 'pdf.pages', value: pages, unit: 'pages' },
    ];
  } finally {
    await printer.close();
  }
}
