import type { IpcChannel, IpcRequest, IpcResponse, IpcResult } from './contract';
import type { MenuCommand, OpenAccordFile } from './events';

/**
 * The named functions exposed on `window.accord`, each bound to one channel.
 * Both the Electron preload and the Chromium harness build `window.accord`
 * from this map, so the two shells expose exactly the same surface.
 */
export const accordApiChannels = {
  getAppInfo: 'app:get-info',
  saveTextFile: 'file:save-text',
  showInFolder: 'file:show-in-folder',
  exportAgreementPdf: 'pdf:export-agreement',
  exportReviewPdf: 'pdf:export-review',
  exportSummaryPdf: 'pdf:export-summary',
  verifyPdf: 'pdf:verify',
  getSealingIdentity: 'seal:get-identity',
  importSealingCertificate: 'seal:import-identity',
  renewSealingCertificate: 'seal:renew-identity',
  listTrustedSeals: 'seal:list-trusted',
  trustSeal: 'seal:trust',
  untrustSeal: 'seal:untrust',
  sealAccordVersions: 'accord:seal-versions',
  checkAccordSeals: 'accord:check-seals',
  openPresenterWindow: 'window:open-presenter',
  writeBackup: 'backup:write',
  listBackups: 'backup:list',
  readBackup: 'backup:read',
  setTheme: 'window:set-theme',
  closeReady: 'window:close-ready',
} as const satisfies Record<string, IpcChannel>;

/** Name of a function on `window.accord`. */
export type AccordApiMethod = keyof typeof accordApiChannels;

/** The typed surface of `window.accord`: every function answers an envelope, never throws across the bridge. */
export type AccordApi = {
  [M in AccordApiMethod]: (
    request: IpcRequest<(typeof accordApiChannels)[M]>,
  ) => Promise<IpcResult<IpcResponse<(typeof accordApiChannels)[M]>>>;
};

/** Sends one request on a channel and resolves with the envelope. */
export type IpcInvoke = (channel: IpcChannel, request: unknown) => Promise<IpcResult<unknown>>;

/** Builds the `window.accord` object from a transport; used by the preload and the harness. */
export function createAccordApi(invoke: IpcInvoke): AccordApi {
  const api: Record<string, (request: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const [method, channel] of Object.entries(accordApiChannels)) {
    api[method] = (request: unknown) => invoke(channel, request);
  }
  return api as AccordApi;
}

/** Events main pushes to the renderer. */
export interface AccordEvents {
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Subscribes to `.accord` files opened outside the page (double-click, Open…, Open Recent, an argument); returns the unsubscribe function. */
  onOpenFile(listener: (file: OpenAccordFile) => void): () => void;
}

/** Everything `window.accord` offers: the IPC functions and the event subscriptions. */
export type AccordBridge = AccordApi & AccordEvents;
