/**
 * The only reader of `window.accord`. Every channel of the contract is here as
 * `accord.<method>(request)`, derived from the contract (shared/ipc/api.ts):
 * it resolves with the channel's answer or throws AccordIpcError, and says
 * clearly when the page runs without a shell (a plain browser tab, or a
 * component test). Stores call these; nothing here is written per channel.
 */
import { accordApiChannels, type AccordApiMethod, type AccordBridge, type AccordEvents, type ChannelOf } from '../../shared/ipc/api';
import type { IpcErrorCode, IpcRequest, IpcResponse, IpcResult } from '../../shared/ipc/contract';

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

/** Every channel of the contract as a function: the request as the contract types it, the answer unwrapped (a refusal or failure throws AccordIpcError). */
export type AccordCalls = {
  [M in AccordApiMethod]: (request: IpcRequest<ChannelOf<M>>) => Promise<IpcResponse<ChannelOf<M>>>;
};

/** The main side, one function per channel of the contract (`accord.saveTextFile({ … })`); without a shell each rejects with AccordIpcError('no-shell'). */
export const accord: AccordCalls = Object.fromEntries(
  (Object.keys(accordApiChannels) as AccordApiMethod[]).map((method) => [
    method,
    async (request: unknown) => unwrap(await (bridge()[method] as (request: unknown) => Promise<IpcResult<unknown>>)(request)),
  ]),
) as AccordCalls;

/** Subscribes to the native menu's commands; a no-op without a shell. */
export const onMenuCommand: AccordEvents['onMenuCommand'] = (listener) => (hasShell() ? bridge().onMenuCommand(listener) : () => {});

/** Subscribes to `.accord` files opened outside the page (double-click, File → Open…, Open Recent, an argument); a no-op without a shell. */
export const onOpenFile: AccordEvents['onOpenFile'] = (listener) => (hasShell() ? bridge().onOpenFile(listener) : () => {});

/** Where a save went: the path written, or null when the person cancelled the dialog (file:save-text and the PDF exports answer alike). */
export function savedPath(result: { saved: true; path: string } | { saved: false }): string | null {
  return result.saved ? result.path : null;
}

/** A file's bytes as the contract's `dataBase64` fields carry them. */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let index = 0; index < view.length; index += 0x8000) binary += String.fromCharCode(...view.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** The document context the agreement PDF needs (version, signatures, history). */
export type PdfContext = IpcRequest<'pdf:export-agreement'>['context'];

/** What Verify found in a PDF. */
export type VerifyReport = IpcResponse<'pdf:verify'>;

/** One backup in the app's data folder (newest first in a list). */
export type BackupEntry = IpcResponse<'backup:list'>[number];

/** A backup just written, and how many old ones the rotation removed. */
export type BackupWritten = IpcResponse<'backup:write'>;
