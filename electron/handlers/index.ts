import type { IpcChannel, IpcResponse, IpcValidRequest } from '../../shared/ipc/contract';
import { listBackups, readBackup, writeBackup } from './backups';
import { saveTextFile } from './files';
import { exportPdfHandler, exportReviewHandler, exportSummaryHandler, getIdentityHandler, importP12Handler, listTrustedHandler, renewIdentityHandler, trustSealHandler, untrustSealHandler, verifyPdfHandler } from './pdf';
import type { Host } from './host';
import { checkSealsHandler, sealVersionsHandler } from './accord-seal';

/** One handler per channel, each taking the validated request. */
export type IpcHandlers = {
  [C in IpcChannel]: (request: IpcValidRequest<C>) => Promise<IpcResponse<C>>;
};

/** Binds every domain's handlers to a host. Adding a channel to the contract without a handler fails to type-check. */
export function createHandlers(host: Host): IpcHandlers {
  // "Show in folder" reveals only what this app saved in this session: the page never names an arbitrary path.
  const saved = new Set<string>();
  const remember = async <T extends { saved: boolean; path?: string }>(result: Promise<T>): Promise<T> => {
    const value = await result;
    if (value.saved && value.path) saved.add(value.path);
    return value;
  };
  return {
    'app:get-info': async () => ({
      name: host.appName,
      version: host.appVersion,
      shell: host.shell,
      platform: host.platform,
    }),
    'file:save-text': (request) => remember(saveTextFile(host, request)),
    'file:show-in-folder': async (request) => {
      if (!saved.has(request.path)) return { shown: false, reason: 'Accord shows only files it saved since it was started.' };
      if (!host.showInFolder) return { shown: false, reason: `This window has no file manager to open. The file is at ${request.path}.` };
      host.showInFolder(request.path);
      return { shown: true };
    },
    'pdf:export-agreement': (request) => remember(exportPdfHandler(host, request)),
    'pdf:export-review': (request) => remember(exportReviewHandler(host, request)),
    'pdf:export-summary': (request) => remember(exportSummaryHandler(host, request)),
    'pdf:verify': (request) => verifyPdfHandler(host, request),
    'window:open-presenter': async (request) => ({ placement: await host.openPresenter(request.workshopId) }),
    'window:close-ready': async () => {
      host.closeReady();
      return {};
    },
    'window:set-theme': async (request) => {
      host.setTheme(request.theme);
      return {};
    },
    'backup:write': (request) => writeBackup(host, request),
    'backup:list': () => listBackups(host),
    'backup:read': (request) => readBackup(host, request),
    'seal:get-identity': (request) => getIdentityHandler(host, request),
    'seal:import-identity': (request) => importP12Handler(host, request),
    'seal:renew-identity': (request) => renewIdentityHandler(host, request),
    'seal:list-trusted': () => listTrustedHandler(host),
    'seal:trust': (request) => trustSealHandler(host, request),
    'seal:untrust': (request) => untrustSealHandler(host, request),
    'accord:seal-versions': (request) => sealVersionsHandler(host, request),
    'accord:check-seals': (request) => checkSealsHandler(host, request),
  };
}
