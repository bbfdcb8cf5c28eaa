import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { PDFDocument } from 'pdf-lib';

/** What the finished PDF says about itself. */
export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creationDate: Date;
}

/** Room reserved for the PKCS#7 signature (hex digits are twice this). */
export const SIGNATURE_LENGTH = 8192;

/**
 * Turns Chromium's printed PDF into the document we seal: metadata, the
 * machine-readable agreement attached (before sealing, so the seal covers
 * it), and an empty signature field of fixed size.
 */
export async function finalizePdf(printed: Uint8Array, metadata: PdfMetadata, attachment: { name: string; json: string }, seal: { name: string; reason: string; location: string; contactInfo: string }): Promise<Buffer> {
  const pdfDoc = await PDFDocument.load(printed, { updateMetadata: false });
  pdfDoc.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdfDoc.setAuthor(metadata.author);
  pdfDoc.setSubject(metadata.subject);
  pdfDoc.setKeywords(metadata.keywords);
  pdfDoc.setCreator('Accord');
  pdfDoc.setProducer('Accord (Chromium print, pdf-lib, @signpdf)');
  pdfDoc.setCreationDate(metadata.creationDate);
  pdfDoc.setModificationDate(metadata.creationDate);
  await pdfDoc.attach(new TextEncoder().encode(attachment.json), attachment.name, {
    mimeType: 'application/json',
    description: 'The agreement, machine-readable (Accord schema).',
    creationDate: metadata.creationDate,
    modificationDate: metadata.creationDate,
  });
  pdflibAddPlaceholder({ pdfDoc, reason: seal.reason, contactInfo: seal.contactInfo, name: seal.name, location: seal.location, signatureLength: SIGNATURE_LENGTH, signingTime: metadata.creationDate });
  return Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
}
