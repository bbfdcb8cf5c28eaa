import { join } from 'node:path';
import type { IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import type { Agreement } from '../../shared/model/agreement';
import { buildAgreementDocument, type AgreementDocument, type DocumentContext } from '../../shared/document/document';
import { parseAgreement } from '../../shared/model/parse-agreement';
import { signedClaimProblem } from '../../shared/model/signed-claim';
import { checkLogoDataUrl, type Branding } from '../../shared/model/branding';
import { buildReviewDocument, reviewAttachment } from '../../shared/document/review-report';
import { buildSessionSummary, summaryDocument } from '../../shared/document/session-summary';
import type { ReviewResult } from '../../shared/engines/review/review';
import { describeP12, type SealingIdentity } from '../pdf/certificate';
import { attachmentJson, exportDocumentPdf } from '../pdf/export';
import { IdentityStore, type SealingNames } from '../pdf/identity-store';
import { TrustStore, TrustStoreError } from '../pdf/trust-store';
import { verifyPdf } from '../pdf/verify';
import type { SealOrigin } from '../../shared/model/seal-origin';
import { withExtension, writeChosenFile } from './files';
import type { Host, Paper } from './host';

/**
 * The sealing identity lives in the app's data folder, never in the renderer's
 * database. A shell without the OS keychain (the Chromium shell, the command
 * line) keeps its own, so it never meets a secret it cannot decrypt.
 */
export function identityStoreFor(host: Pick<Host, 'userDataDir' | 'secrets'>): IdentityStore {
  return new IdentityStore(join(host.userDataDir, host.secrets.encrypted ? 'sealing' : 'sealing-local'), host.secrets);
}

/**
 * The seals this computer knows (its own, and those the person trusts), for
 * every shell of the app and the CLI: one file in the data folder. Its own
 * seals are the identities of both shells' folders (the Electron app's, kept
 * with the OS keychain, and the Chromium shell's and CLI's), read by their
 * fingerprint only, so no key is opened and none is created.
 */
export function trustStoreFor(host: Pick<Host, 'userDataDir' | 'secrets' | 'now'>): TrustStore {
  const folders = ['sealing', 'sealing-local'].map((folder) => new IdentityStore(join(host.userDataDir, folder), host.secrets));
  const own = {
    current: async () => (await Promise.all(folders.map((store) => store.fingerprint()))).filter((fingerprint): fingerprint is string => fingerprint !== null),
  };
  return new TrustStore(join(host.userDataDir, 'trusted-seals.json'), own, () => host.now().toISOString().slice(0, 10));
}

/**
 * The names of a new sealing certificate: the consultant (Settings →
 * Branding's name or firm), else the workshop's facilitator. Never the
 * client: the seal is the consultant's, not the client's.
 */
export function sealingNames(consultantName: string | undefined, facilitator: string | undefined): SealingNames {
  return { commonName: consultantName?.trim() || facilitator?.trim() || 'Accord user' };
}

/** Who made a seal, by its certificate's fingerprint; a damaged trusted-seals file is said, never hidden as "unknown". */
export async function describeSeal(host: Pick<Host, 'userDataDir' | 'secrets' | 'now'>, fingerprint: string | undefined): Promise<{ origin?: SealOrigin; originProblem?: string }> {
  if (!fingerprint) return {};
  try {
    return { origin: await trustStoreFor(host).describe(fingerprint) };
  } catch (error) {
    if (error instanceof TrustStoreError) return { originProblem: error.message };
    throw error;
  }
}

/** The sealing identity for an export: the one this computer has, or a new one named after the consultant. */
async function sealingIdentity(host: Host, consultantName: string | undefined, facilitator: string): Promise<SealingIdentity> {
  return identityStoreFor(host).get(sealingNames(consultantName, facilitator));
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

/**
 * What the renderer sends as a version's signatures and history is checked
 * against the agreement itself before anything is sealed (the renderer is
 * untrusted): every signature for this content's canonical hash, a signed
 * version's items all agreed for their content, earlier versions cited on the
 * audit page parsed and matching their recorded hashes (signed-claim.ts).
 * Refuses with the reason, before the save dialog, so nothing is written.
 */
export function checkedContext(agreement: Agreement, context: IpcValidRequest<'pdf:export-agreement'>['context']): DocumentContext {
  const earlier = (context.earlier ?? []).map((version) => {
    const parsed = parseAgreement(version.agreement);
    if (!parsed.ok) throw new Error(`Version ${version.number}, cited on the audit page: ${parsed.message}`);
    return { number: version.number, agreement: parsed.agreement };
  });
  const { earlier: _unchecked, ...rest } = context;
  const checked: DocumentContext = { ...rest, ...(earlier.length > 0 ? { earlier } : {}) };
  const problem = signedClaimProblem(agreement, checked);
  if (problem) throw new Error(problem);
  return checked;
}

/** What every PDF export's request carries: the name to suggest, the paper, and the agreement (re-read with parseAgreement: the renderer is untrusted). */
interface PdfExportRequest {
  suggestedName: string;
  paper: Paper;
  agreement: unknown;
}

/** What every PDF export answers (the three channels share the shape). */
type PdfExportResponse = IpcResponse<'pdf:export-agreement'>;

/**
 * One kind of PDF export, as a configuration of the one pipeline
 * (`exportPdf`): what it checks before the save dialog, and which document
 * it prints with which attachment. Everything else (the agreement re-read,
 * the logo re-checked, the dialog, the seal, the write that never overwrites
 * unasked) is the pipeline's, the same for every kind.
 */
interface PdfExportKind<R extends PdfExportRequest, Checked> {
  /** The save dialog's title. */
  title: string;
  /** The consultant whose logo is printed and whose name a first sealing certificate carries. */
  consultant(request: R): Branding | undefined;
  /** Checks made before the dialog: a refusal throws with the reason, and nothing is asked or written. */
  check(agreement: Agreement, request: R): Checked;
  /** The document to print and the JSON attached to it, built once the person chose where to save. */
  build(agreement: Agreement, checked: Checked, request: R, host: Host): { document: AgreementDocument; attachment: { name: string; json: string } };
}

/** The one PDF pipeline: re-read and check → ask where to save → render, attach, seal → write. */
async function exportPdf<R extends PdfExportRequest, Checked>(host: Host, request: R, kind: PdfExportKind<R, Checked>): Promise<PdfExportResponse> {
  const parsed = parseAgreement(request.agreement);
  if (!parsed.ok) throw new Error(parsed.message);
  const agreement = parsed.agreement;
  const consultant = kind.consultant(request);
  checkConsultant(consultant);
  const checked = kind.check(agreement, request);
  const target = await host.showSaveDialog({ title: kind.title, defaultName: withExtension(request.suggestedName, 'pdf'), filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  if (target === null) return { saved: false };
  const identity = await sealingIdentity(host, consultant?.name, agreement.workshop.facilitator);
  const { document, attachment } = kind.build(agreement, checked, request, host);
  const pdf = await exportDocumentPdf(document, attachment, { paper: request.paper, printToPdf: host.printToPdf, identity, fontDataUrl: await host.fontDataUrl() });
  const path = await writeChosenFile(target, pdf);
  return { saved: true, path, bytes: pdf.length };
}

/** The agreement: its signatures and history checked against it before anything is asked; attached as the `.accord`-like agreement.json. */
const agreementPdf: PdfExportKind<IpcValidRequest<'pdf:export-agreement'>, DocumentContext> = {
  title: 'Export the agreement as PDF',
  consultant: (request) => request.context.consultant,
  check: (agreement, request) => checkedContext(agreement, request.context),
  build: (agreement, context) => {
    const document = buildAgreementDocument(agreement, context);
    return { document, attachment: { name: 'agreement.json', json: attachmentJson(agreement, context, document.contentHash, context.generatedAt) } };
  },
};

/** The SLA review report, with the review's results attached. */
const reviewPdf: PdfExportKind<IpcValidRequest<'pdf:export-review'>, null> = {
  title: 'Export the SLA review as PDF',
  consultant: (request) => request.consultant,
  check: () => null,
  build: (agreement, _checked, request, host) => {
    const review = request.review as ReviewResult;
    return {
      document: buildReviewDocument(agreement, review, host.now().toISOString(), request.consultant, request.trend ?? []),
      attachment: { name: 'review.json', json: JSON.stringify(reviewAttachment(review)) },
    };
  },
};

/** The one-page session summary (no signature page), with the summary attached. */
const summaryPdf: PdfExportKind<IpcValidRequest<'pdf:export-summary'>, null> = {
  title: 'Export the session summary as PDF',
  consultant: (request) => request.consultant,
  check: () => null,
  build: (agreement, _checked, request, host) => {
    const summary = buildSessionSummary(agreement, { generatedAt: host.now(), ...(request.session ? { session: request.session } : {}) });
    return { document: summaryDocument(summary, agreement, request.consultant), attachment: { name: 'session-summary.json', json: JSON.stringify(summary) } };
  },
};

/** `pdf:export-agreement`: asks where to save, renders, attaches, seals, writes. */
export function exportPdfHandler(host: Host, request: IpcValidRequest<'pdf:export-agreement'>): Promise<IpcResponse<'pdf:export-agreement'>> {
  return exportPdf(host, request, agreementPdf);
}

/** `pdf:export-review`: the SLA review report, printed and sealed like the agreement. */
export function exportReviewHandler(host: Host, request: IpcValidRequest<'pdf:export-review'>): Promise<IpcResponse<'pdf:export-review'>> {
  return exportPdf(host, request, reviewPdf);
}

/** `pdf:export-summary`: the one-page session summary, printed and sealed like the review report. */
export function exportSummaryHandler(host: Host, request: IpcValidRequest<'pdf:export-summary'>): Promise<IpcResponse<'pdf:export-summary'>> {
  return exportPdf(host, request, summaryPdf);
}

/** `pdf:verify`: checks a PDF's seal and its attached agreement, and says who made the seal by its certificate's fingerprint. */
export async function verifyPdfHandler(host: Host, request: IpcValidRequest<'pdf:verify'>): Promise<IpcResponse<'pdf:verify'>> {
  const result = await verifyPdf(Buffer.from(request.dataBase64, 'base64'));
  return { ...result, ...(await describeSeal(host, result.certificate?.fingerprint)) };
}

/** `seal:get-identity`: who seals, by name and fingerprint, and whether that is Accord's own certificate. */
export async function getIdentityHandler(host: Host, request: IpcValidRequest<'seal:get-identity'>): Promise<IpcResponse<'seal:get-identity'>> {
  const identity = await identityStoreFor(host).get(sealingNames(request.name, undefined));
  const { organisation } = describeP12(identity.p12, identity.passphrase);
  // Earlier versions wrote the client's name as O of the certificate Accord made ("Accord" when there was no client); today's carry none.
  const namesOrganisation = identity.selfSigned && organisation && organisation !== 'Accord' ? organisation : null;
  return { subject: identity.subject, fingerprint: identity.fingerprint, selfSigned: identity.selfSigned, keyProtectedByOs: host.secrets.encrypted, namesOrganisation };
}

/** `seal:import-identity`: replaces the sealing identity with the person's own certificate; the one it replaces stays this computer's. */
export async function importP12Handler(host: Host, request: IpcValidRequest<'seal:import-identity'>): Promise<IpcResponse<'seal:import-identity'>> {
  const store = identityStoreFor(host);
  const previous = await store.peek();
  const imported = await store.importP12(Buffer.from(request.dataBase64, 'base64'), request.passphrase);
  if (previous && previous.fingerprint !== imported.fingerprint) await trustStoreFor(host).rememberPreviousOwn(previous);
  return imported;
}

/** `seal:renew-identity`: a new self-signed certificate named after the consultant; the old one stays this computer's (what it sealed still says so). */
export async function renewIdentityHandler(host: Host, request: IpcValidRequest<'seal:renew-identity'>): Promise<IpcResponse<'seal:renew-identity'>> {
  const { identity, previous } = await identityStoreFor(host).renew(sealingNames(request.name, undefined));
  if (previous && previous.fingerprint !== identity.fingerprint) await trustStoreFor(host).rememberPreviousOwn(previous);
  return { subject: identity.subject, fingerprint: identity.fingerprint, previousFingerprint: previous?.fingerprint ?? null };
}

/** `seal:list-trusted`: the seals the person trusts, and this computer's earlier ones. */
export async function listTrustedHandler(host: Host): Promise<IpcResponse<'seal:list-trusted'>> {
  const store = trustStoreFor(host);
  return { trusted: await store.list(), previousOwn: await store.previousOwn() };
}

/** `seal:trust`: trusts a seal's fingerprint under a name, from today. */
export async function trustSealHandler(host: Host, request: IpcValidRequest<'seal:trust'>): Promise<IpcResponse<'seal:trust'>> {
  return trustStoreFor(host).trust(request.fingerprint, request.name);
}

/** `seal:untrust`: stops trusting a seal. */
export async function untrustSealHandler(host: Host, request: IpcValidRequest<'seal:untrust'>): Promise<IpcResponse<'seal:untrust'>> {
  return { removed: await trustStoreFor(host).untrust(request.fingerprint) };
}
