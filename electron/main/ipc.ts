import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ipcContract, windowMayCall, type IpcChannel, type IpcEvent, type IpcEventPayload, type IpcResult, type IpcWindow } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { isTrustedRendererUrl } from './security';

/**
 * The one file that touches ipcMain. Every channel of the contract is
 * registered through the same typed path: the sender must be the main frame
 * of our own `app://` page, the window must be allowed that channel (the
 * read-only presenter window only the channels the contract marks
 * `presenter`), then the dispatcher validates the request.
 */
export function registerIpc(dispatch: Dispatch, windowOf: (sender: WebContents) => IpcWindow): void {
  for (const channel of Object.keys(ipcContract) as IpcChannel[]) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<IpcResult<unknown>> => {
      const frame = event.senderFrame;
      if (!frame || frame !== event.sender.mainFrame || !isTrustedRendererUrl(frame.url)) {
        return { ok: false, error: { code: 'forbidden-sender', message: `Refused ${channel}: the request did not come from Accord's own window.` } };
      }
      if (!windowMayCall(windowOf(event.sender), channel)) {
        return { ok: false, error: { code: 'forbidden-sender', message: `Refused ${channel}: this window may not ask for it.` } };
      }
      return dispatch(channel, request);
    });
  }
}

/** Sends an event of the contract to a page, its payload typed by the contract (the preload parses it again before the page sees it). */
export function sendEvent<E extends IpcEvent>(contents: WebContents, event: E, payload: IpcEventPayload<E>): void {
  contents.send(event, payload);
}
