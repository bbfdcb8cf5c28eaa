import { buildAgreementDocument, type AgreementDocument, type DocumentContext } from '../../shared/document/document';
import { headerFooterTemplates, renderHtml } from '../../shared/document/html';
import { ACCORD_FILE_VERSION } from '../../shared/model/accord-file';
import type { Agreement } from '../../shared/model/agreement';
import type { Paper, PrintToPdf } from '../handlers/host';
import type { SealingIdentity } from './certificate';
import { finalizePdf } from './finalize';
import { sealPdf } from './seal';

/** The JSON attached to the PDF: the agreement and the version it is. */
export function attachmentJson(agreement: Agreement, context: DocumentContext, hash: string, exportedAt: string): string {
  return JSON.stringify({
    format: 'accord',
    fileVersion: ACCORD_FILE_VERSION,
    exportedAt,
    agreement,
    version: {
      number: context.versionNumber,
      status: context.status,
      contentHash: hash,
      signatures: context.signatures.map(({ image: _image, ...signature }) => signature),
      history: context.history,
    },
  });
}

/** Timings of one export, for the benchmark. */
export interface ExportTimings {
  printMs: number;
  finalizeMs: number;
  sealMs: number;
}

/**
 * The whole pipeline: document → print HTML → Chromium PDF → metadata and the
 * attached agreement → PKCS#7 seal over the whole file.
 */
export async function exportAgreementPdf(
  agreement: Agreement,
  context: DocumentContext,
  options: { paper: Paper; printToPdf: PrintToPdf; identity: SealingIdentity; fontDataUrl?: string; accent?: string },
  timings?: ExportTimings,
): Promise<Buffer> {
  const document = buildAgreementDocument(agreement, context);
  return exportDocumentPdf(document, { name: 'agreement.json', json: attachmentJson(agreement, context, document.contentHash, context.generatedAt) }, options, timings);
}

/** Prints, finalizes (metadata, attachment) and seals any document of the shared model (the agreement, the SLA review report). */
export async function exportDocumentPdf(
  document: AgreementDocument,
  attachment: { name: string; json: string },
  options: { paper: Paper; printToPdf: PrintToPdf; identity: SealingIdentity; fontDataUrl?: string; accent?: string },
  timings?: ExportTimings,
): Promise<Buffer> {
  const html = renderHtml(document, { fontDataUrl: options.fontDataUrl, accent: options.accent });
  let mark = performance.now();
  const printed = await options.printToPdf(html, { paper: options.paper, ...headerFooterTemplates(document) });
  if (timings) timings.printMs = performance.now() - mark;
  mark = performance.now();
  const created = new Date(document.generatedAt);
  const finalized = await finalizePdf(
    printed,
    { title: `${document.title} — ${document.client}`, author: document.facilitator, subject: `${document.versionLabel}, ${document.statusLine}. Content SHA-256 ${document.contentHash}`, keywords: ['Accord', document.report ? (document.report.keyword ?? 'SLA review') : 'lead management agreement', 'SLA', document.client, document.versionLabel], creationDate: Number.isNaN(created.getTime()) ? new Date() : created },
    attachment,
    { name: options.identity.subject, reason: `${document.versionLabel}: ${document.statusLine}`, location: document.client, contactInfo: document.facilitator },
  );
  if (timings) timings.finalizeMs = performance.now() - mark;
  mark = performance.now();
  const sealed = await sealPdf(finalized, options.identity);
  if (timings) timings.sealMs = performance.now() - mark;
  return sealed;
}
