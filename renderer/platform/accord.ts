/**
 * The only reader of `window.accord`. Stores call these functions; they turn
 * the bridge's envelopes into values or AccordIpcError, and say clearly when
 * the page runs without a shell (a plain browser tab, or a component test).
 */
import type { AccordBridge } from '../../shared/ipc/api';
import type { AppInfo, ExportFileKind, IpcErrorCode, IpcResponse, IpcResult } from '../../shared/ipc/contract';
import type { BackupReason } from '../../shared/model/backup-names';
import type { MenuCommand, OpenAccordFile } from '../../shared/ipc/events';

declare global {
  interface Window {
    accord?: AccordBridge;
  }
}

/** A refused or failed request to the app's main side, with a message for people. */
export class AccordIpcError extends Error {
  readonly code: IpcErrorCode | 'no-shell';
  constructor(code: IpcErrorCode | 'no-shell', message: string) {
    super(message);
    this.name = 'AccordIpcError';
    this.code = code;
  }
}

function bridge(): AccordBridge {
  const accord = window.accord;
  if (!accord) {
    throw new AccordIpcError('no-shell', 'Accord is running without its desktop shell, so it cannot save files. Start it with "npm start" or "npm run start:chromium".');
  }
  return accord;
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new AccordIpcError(result.error.code, result.error.message);
}

/** Whether a desktop shell (Electron or the Chromium harness) is present. */
export function hasShell(): boolean {
  return typeof window !== 'undefined' && window.accord !== undefined;
}

/** Name, version and shell of the running app. */
export async function getAppInfo(): Promise<AppInfo> {
  return unwrap(await bridge().getAppInfo({}));
}

/** Asks where to save and writes a text file; resolves with the path, or null when cancelled. */
export async function saveTextFile(request: { suggestedName: string; kind: ExportFileKind; content: string }): Promise<string | null> {
  const result = unwrap(await bridge().saveTextFile(request));
  return result.saved ? result.path : null;
}

/** Shows a file this app saved in the system's file manager; resolves with why not, or null when it was shown. */
export async function showInFolder(path: string): Promise<string | null> {
  const result = unwrap(await bridge().showInFolder({ path }));
  return result.shown ? null : result.reason;
}

/** Subscribes to the native menu's commands; a no-op without a shell. */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  const accord = typeof window !== 'undefined' ? window.accord : undefined;
  return accord ? accord.onMenuCommand(listener) : () => {};
}

/** Subscribes to `.accord` files opened outside the page (double-click, File → Open…, Open Recent, an argument); a no-op without a shell. */
export function onOpenFile(listener: (file: OpenAccordFile) => void): () => void {
  const accord = typeof window !== 'undefined' ? window.accord : undefined;
  return accord ? accord.onOpenFile(listener) : () => {};
}

/** Tells the shell the colour theme the person chose, so native dialogs, the title bar and the View → Theme menu follow it. Best effort. */
export async function setShellTheme(theme: 'system' | 'light' | 'dark'): Promise<void> {
  if (!hasShell()) return;
  unwrap(await bridge().setTheme({ theme }));
}

/** Tells main the page saved and backed up, so the window may close. Best effort. */
export async function closeReady(): Promise<void> {
  if (!hasShell()) return;
  unwrap(await bridge().closeReady({}));
}

/** The document context the PDF needs (version, signatures, history). */
export type PdfContext = Parameters<AccordBridge['exportAgreementPdf']>[0]['context'];

/** Renders, seals and saves the agreement PDF; resolves with the path, or null when cancelled. */
export async function exportAgreementPdf(request: { suggestedName: string; paper: 'A4' | 'Letter'; agreement: unknown; context: PdfContext }): Promise<string | null> {
  const result = unwrap(await bridge().exportAgreementPdf(request));
  return result.saved ? result.path : null;
}

/** Renders, seals and saves the SLA review report; resolves with the path, or null when cancelled. */
export async function exportReviewPdf(request: Parameters<AccordBridge['exportReviewPdf']>[0]): Promise<string | null> {
  const result = unwrap(await bridge().exportReviewPdf(request));
  return result.saved ? result.path : null;
}

/** Renders, seals and saves the one-page session summary; resolves with the path, or null when cancelled. */
export async function exportSummaryPdf(request: Parameters<AccordBridge['exportSummaryPdf']>[0]): Promise<string | null> {
  const result = unwrap(await bridge().exportSummaryPdf(request));
  return result.saved ? result.path : null;
}

/** What Verify found in a PDF. */
export type VerifyReport = Awaited<ReturnType<typeof verifyPdfBytes>>;

/** Verifies a PDF's seal and attached agreement. */
export async function verifyPdfBytes(name: string, bytes: ArrayBuffer) {
  return unwrap(await bridge().verifyPdf({ name, dataBase64: toBase64(bytes) }));
}

/** Who seals exported PDFs (`name`: the consultant's, used only when the first certificate is made). */
export async function getSealingIdentity(name: string) {
  return unwrap(await bridge().getSealingIdentity({ name }));
}

/** Replaces the sealing certificate with the person's own .p12. */
export async function importSealingCertificate(bytes: ArrayBuffer, passphrase: string) {
  return unwrap(await bridge().importSealingCertificate({ dataBase64: toBase64(bytes), passphrase }));
}

/** Makes a new self-signed sealing certificate named after the consultant (the old one still counts as this computer's). */
export async function renewSealingCertificate(name: string) {
  return unwrap(await bridge().renewSealingCertificate({ name }));
}

/** The seals the person trusts, and this computer's earlier ones. */
export async function listTrustedSeals() {
  return unwrap(await bridge().listTrustedSeals({}));
}

/** Trusts a seal's certificate fingerprint under a name, from today. */
export async function trustSeal(fingerprint: string, name: string) {
  return unwrap(await bridge().trustSeal({ fingerprint, name }));
}

/** Stops trusting a seal; resolves with whether it was trusted. */
export async function untrustSeal(fingerprint: string): Promise<boolean> {
  return unwrap(await bridge().untrustSeal({ fingerprint })).removed;
}

function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let index = 0; index < view.length; index += 0x8000) binary += String.fromCharCode(...view.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** Opens the presenter view of a workshop in a second window (or a second page of the Chromium shell). */
export async function openPresenterWindow(workshopId: string): Promise<'second-display' | 'this-display' | 'page'> {
  return unwrap(await bridge().openPresenterWindow({ workshopId })).placement;
}

/** One backup in the app's data folder (newest first in a list). */
export type BackupEntry = IpcResponse<'backup:list'>[number];

/** A backup just written, and how many old ones the rotation removed. */
export type BackupWritten = IpcResponse<'backup:write'>;

/** Writes a library file as a backup in the app's data folder (main names it and rotates the folder). */
export async function writeBackup(reason: BackupReason, content: string): Promise<BackupWritten> {
  return unwrap(await bridge().writeBackup({ reason, content }));
}

/** The backups in the app's data folder, newest first. */
export async function listBackups(): Promise<BackupEntry[]> {
  return unwrap(await bridge().listBackups({}));
}

/** The text of one backup, by the name the list gave. */
export async function readBackup(name: string): Promise<string> {
  return unwrap(await bridge().readBackup({ name })).content;
}

/** Has main seal the version whose signing just completed (the last of `versions`, the signed history oldest first) with this installation's key. */
export async function sealAccordVersions(versions: readonly unknown[], consultantName: string): Promise<IpcResponse<'accord:seal-versions'>['seal']> {
  return unwrap(await bridge().sealAccordVersions({ versions: [...versions], name: consultantName })).seal;
}

/** Checks versions claimed as signed, and their seals, in main; who sealed each by its certificate's fingerprint. */
export async function checkAccordSeals(versions: readonly unknown[]): Promise<IpcResponse<'accord:check-seals'>['checks']> {
  return unwrap(await bridge().checkAccordSeals({ versions: [...versions] })).checks;
}
