import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ipcContract, type IpcChannel, type IpcResult } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedRendererUrl } from './security';

/**
 * The one file that touches ipcMain. Every channel of the contract is
 * registered through the same typed path: the sender must be the main frame
 * of our own `app://` page, the window must be allowed that channel (the
 * read-only presenter window gets only what it needs), then the dispatcher
 * validates the request.
 */
export function registerIpc(dispatch: Dispatch, allows: (sender: WebContents, channel: IpcChannel) => boolean = () => true): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<IpcResult<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedRendererUrl(frame.url)) {
        return { ok: false, error: { code: 'forbidden-sender', message: `Refused ${channel}: the request did not come from Accord's own window.` } };
      }
      if (!allows(event.sender, channel)) {
        return { ok: false, error: { code: 'forbidden-sender', message: `Refused ${channel}: this window may not ask for it.` } };
      }
      return dispatch(channel, request);
    });
  }
}
