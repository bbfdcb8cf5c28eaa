import { join } from 'node:path';
import type { IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { checkLogoDataUrl, type Branding } from '../../shared/model/branding';
import { buildReviewDocument, reviewAttachment } from '../../shared/document/review-report';
import { buildSessionSummary, summaryDocument } from '../../shared/document/session-summary';
import type { ReviewResult } from '../../shared/engines/review/review';
import { exportAgreementPdf, exportDocumentPdf } from '../pdf/export';
import { IdentityStore } from '../pdf/identity-store';
import { verifyPdf } from '../pdf/verify';
import { withExtension, writeChosenFile } from './files';
import type { Host } from './host';

/**
 * The sealing identity lives in the app's data folder, never in the renderer's
 * database. A shell without the OS keychain (the Chromium shell, the command
 * line) keeps its own, so it never meets a secret it cannot decrypt.
 */
export function identityStoreFor(host: Pick<Host, 'userDataDir' | 'secrets'>): IdentityStore {
  return new IdentityStore(join(host.userDataDir, host.secrets.encrypted ? 'sealing' : 'sealing-local'), host.secrets);
}

/**
 * Re-checks the consultant's logo by its content (the contract checked its
 * prefix, size and the accent's format and contrast): the renderer is
 * untrusted, and an SVG must be clean before it reaches the print HTML.
 */
export function checkConsultant(consultant: Branding | undefined): void {
  if (!consultant?.logoDataUrl) return;
  const checked = checkLogoDataUrl(consultant.logoDataUrl, 'The consultant logo');
  if (!checked.ok) throw new Error(`${checked.message} Choose another logo in Settings → Branding.`);
}

/** `pdf:export-agreement`: asks where to save, renders, attaches, seals, writes. */
export async function exportPdfHandler(host: Host, request: IpcValidRequest<'pdf:export-agreement'>): Promise<IpcResponse<'pdf:export-agreement'>> {
  const parsed = parseAgreement(request.agreement);
  if (!parsed.ok) throw new Error(parsed.message);
  checkConsultant(request.context.consultant);
  const agreement = parsed.agreement;
  const target = await host.showSaveDialog({ title: 'Export the agreement as PDF', defaultName: withExtension(request.suggestedName, 'pdf'), filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  if (target === null) return { saved: false };
  const identity = await identityStoreFor(host).get({ commonName: agreement.workshop.facilitator || 'Accord user', organisation: agreement.workshop.client || 'Accord' });
  const pdf = await exportAgreementPdf(agreement, request.context, { paper: request.paper, printToPdf: host.printToPdf, identity, fontDataUrl: await host.fontDataUrl() });
  const path = await writeChosenFile(target, pdf);
  return { saved: true, path, bytes: pdf.length };
}

/** `pdf:export-review`: the SLA review report, printed and sealed like the agreement. */
export async function exportReviewHandler(host: Host, request: IpcValidRequest<'pdf:export-review'>): Promise<IpcResponse<'pdf:export-review'>> {
  const parsed = parseAgreement(request.agreement);
  if (!parsed.ok) throw new Error(parsed.message);
  checkConsultant(request.consultant);
  const agreement = parsed.agreement;
  const target = await host.showSaveDialog({ title: 'Export the SLA review as PDF', defaultName: withExtension(request.suggestedName, 'pdf'), filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  if (target === null) return { saved: false };
  const identity = await identityStoreFor(host).get({ commonName: agreement.workshop.facilitator || 'Accord user', organisation: agreement.workshop.client || 'Accord' });
  const review = request.review as ReviewResult;
  const document = buildReviewDocument(agreement, review, host.now().toISOString(), request.consultant);
  const pdf = await exportDocumentPdf(document, { name: 'review.json', json: JSON.stringify(reviewAttachment(review)) }, { paper: request.paper, printToPdf: host.printToPdf, identity, fontDataUrl: await host.fontDataUrl() });
  const path = await writeChosenFile(target, pdf);
  return { saved: true, path, bytes: pdf.length };
}

/** `pdf:export-summary`: the one-page session summary, printed and sealed like the review report (no signature page). */
export async function exportSummaryHandler(host: Host, request: IpcValidRequest<'pdf:export-summary'>): Promise<IpcResponse<'pdf:export-summary'>> {
  const parsed = parseAgreement(request.agreement);
  if (!parsed.ok) throw new Error(parsed.message);
  checkConsultant(request.consultant);
  const agreement = parsed.agreement;
  const target = await host.showSaveDialog({ title: 'Export the session summary as PDF', defaultName: withExtension(request.suggestedName, 'pdf'), filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  if (target === null) return { saved: false };
  const identity = await identityStoreFor(host).get({ commonName: agreement.workshop.facilitator || 'Accord user', organisation: agreement.workshop.client || 'Accord' });
  const summary = buildSessionSummary(agreement, { generatedAt: host.now(), ...(request.session ? { session: request.session } : {}) });
  const document = summaryDocument(summary, agreement, request.consultant);
  const pdf = await exportDocumentPdf(document, { name: 'session-summary.json', json: JSON.stringify(summary) }, { paper: request.paper, printToPdf: host.printToPdf, identity, fontDataUrl: await host.fontDataUrl() });
  const path = await writeChosenFile(target, pdf);
  return { saved: true, path, bytes: pdf.length };
}

/** `pdf:verify`: checks a PDF's seal and its attached agreement. */
export async function verifyPdfHandler(request: IpcValidRequest<'pdf:verify'>): Promise<IpcResponse<'pdf:verify'>> {
  return verifyPdf(Buffer.from(request.dataBase64, 'base64'));
}

/** `seal:get-identity`: who seals, and whether that is Accord's own certificate. */
export async function getIdentityHandler(host: Host, request: IpcValidRequest<'seal:get-identity'>): Promise<IpcResponse<'seal:get-identity'>> {
  const identity = await identityStoreFor(host).get({ commonName: request.commonName || 'Accord user', organisation: request.organisation || 'Accord' });
  return { subject: identity.subject, selfSigned: identity.selfSigned, keyProtectedByOs: host.secrets.encrypted };
}

/** `seal:import-identity`: replaces the sealing identity with the person's own certificate. */
export async function importP12Handler(host: Host, request: IpcValidRequest<'seal:import-identity'>): Promise<IpcResponse<'seal:import-identity'>> {
  return identityStoreFor(host).importP12(Buffer.from(request.dataBase64, 'base64'), request.passphrase);
}
