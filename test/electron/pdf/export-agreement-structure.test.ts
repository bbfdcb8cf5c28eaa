import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedIdentity } from '../../../electron/pdf/certificate';
import { createChromiumPrinter } from '../../../electron/pdf/chromium-printer';
import { exportAgreementPdf } from '../../../electron/pdf/export';
import { verifyPdf } from '../../../electron/pdf/verify';
import { buildAgreementDocument } from '../../../shared/document/document';
import { headerFooterTemplates, renderHtml } from '../../../shared/document/html';
import { exportSubject } from '../../../shared/document/subject';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';
import { poppler as run } from '../../e2e/support/poppler';

// The agreement PDF as Debian's Chromium prints it and Accord seals it, read back with poppler and pdf-lib.
/** The text of each page (pdftotext -layout), the running header and footer left out. */
function pageTexts(path: string): string[] {
  return run('pdftotext', ['-layout', path, '-'])
    .split('\f')
    .slice(0, -1)
    .map((page) => page.split('\n').filter((line) => line.trim() !== '' && !/SHA-256 [0-9a-f]{16}…/.test(line) && !line.includes('· Acme GmbH')).join('\n'));
}

/** The outline as a tree of titles (pdf-lib reads the objects; Chromium writes them). */
function outlineOf(doc: PDFDocument): { title: string; children: { title: string }[] }[] {
  const lookup = (value: PDFObject | undefined) => (value instanceof PDFRef ? doc.context.lookup(value) : value);
  const walk = (first: PDFObject | undefined): { title: string; children: { title: string }[] }[] => {
    const items: { title: string; children: { title: string }[] }[] = [];
    let item = lookup(first);
    while (item instanceof PDFDict) {
      const title = lookup(item.get(PDFName.of('Title')));
      items.push({ title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '', children: walk(item.get(PDFName.of('First'))) });
      item = lookup(item.get(PDFName.of('Next')));
    }
    return items;
  };
  const outlines = lookup(doc.catalog.get(PDFName.of('Outlines')));
  return outlines instanceof PDFDict ? walk(outlines.get(PDFName.of('First'))) : [];
}

let dir: string;
let printer: ReturnType<typeof createChromiumPrinter>;
const identity = createSelfSignedIdentity({ commonName: 'Dana Facilitator', passphrase: 'test', bits: 1024 });
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-agreement-pdf-'));
  printer = createChromiumPrinter(process.cwd());
});
afterAll(async () => {
  await printer.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the agreement PDF', () => {
  it('is tagged, has one bookmark per part, opens with the one-page executive summary, and its seal still verifies', { timeout: 60_000 }, async () => {
    const agreement = readyAgreement();
    const { agreement: content, context } = exportSubject(agreement, [{ ...signedVersionOf(agreement), intact: true }], true, '2026-12-01T10:26:58.627Z');
    const pdf = await exportAgreementPdf(content, context, { paper: 'A4', printToPdf: printer, identity });
    const path = join(dir, 'agreement.pdf');
    await writeFile(path, pdf);

    // The seal covers the whole file, tagging and outline included.
    expect((await verifyPdf(pdf)).status).toBe('intact');
    expect(run('pdfsig', [path])).toContain('Signature is Valid.');
    expect(run('pdfinfo', [path])).toMatch(/Tagged:\s+yes/);

    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const outline = outlineOf(doc);
    // One root (the title, the cover's heading) holding one entry per part, in order, then the signature and audit pages.
    expect(outline).toHaveLength(1);
    const parts = buildAgreementDocument(content, context).sections.map((section) => section.title);
    expect(parts[0]).toBe('Executive summary');
    expect(outline[0]!.children.map((entry) => entry.title)).toEqual([...parts, 'Signatures', 'Audit']);

    // Page 2 is the summary, whole: the next part starts on page 3.
    const pages = pageTexts(path);
    expect(pages[1]!.trimStart().startsWith('Executive summary')).toBe(true);
    expect(pages[1]).toContain('An MQL is a lead with fit grade B or better');
    expect(pages[1]).toMatch(/Signed by[\s\S]*Person 2[\s\S]*23 Nov 2026, 11:00 CET/);
    expect(pages[2]!.trimStart().startsWith('1. Workshop and people')).toBe(true);
    // For a person to look at: pdftoppm -png -f 2 -l 2 of this file.
    run('pdftoppm', ['-png', '-r', '70', '-f', '2', '-l', '2', path, join(process.cwd(), 'test-results', 'agreement-summary')]);
  });

  it('keeps the calendar line with the commitments it ends, and ends on a page with real content', { timeout: 60_000 }, async () => {
    // Eight commitments on A4 put the end of the commitments table at a page break: the calendar line fell onto a page of its own.
    const agreement = readyAgreement();
    agreement.commitments.push({ ...agreement.commitments[1]!, id: 'commit-first-touch-2', metric: 'First touch after a demo request', target: 1 });
    for (const paper of ['A4', 'Letter'] as const) {
      const document = buildAgreementDocument(agreement, { versionNumber: 1, status: 'draft', signatures: [], history: [], generatedAt: '2026-12-01T10:00:00.000Z' });
      const path = join(dir, `calendar-${paper}.pdf`);
      await writeFile(path, await printer(renderHtml(document), { paper, ...headerFooterTemplates(document) }));
      const pages = pageTexts(path);
      const calendarPage = pages.find((page) => page.includes('Business hours and days'))!;
      expect(calendarPage, paper).toBeDefined();
      // Independently: at least one commitment row (its team and its target) shares the page with the calendar line.
      const rowsOnPage = agreement.commitments.filter((commitment) => calendarPage.includes(commitment.metric.split(' ').slice(0, 2).join(' ')));
      expect(rowsOnPage.length, `${paper}: ${calendarPage}`).toBeGreaterThan(0);
      // Every page carries more than a line; the last one is the audit page.
      for (const page of pages) expect(page.split('\n').length, page).toBeGreaterThan(2);
      expect(pages.at(-1)).toContain('Audit');
    }
  });
});
