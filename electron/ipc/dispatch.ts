import { ipcContract, isIpcChannel, type IpcResult } from '../../shared/ipc/contract';
import { firstIssueMessage } from '../../shared/model/validation';
import type { IpcHandlers } from '../handlers/index';

/** Sends a request to one channel's handler and answers an envelope. */
export type Dispatch = (channel: string, request: unknown) => Promise<IpcResult<unknown>>;

/**
 * The single path every IPC request takes, in Electron and in the Chromium
 * harness alike: the channel must exist, the request must pass its schema
 * (nothing runs otherwise), and the handler's answer must pass its own. A
 * failure says what failed in the channel's own words (its contract label).
 */
export function createDispatcher(handlers: IpcHandlers, log: (message: string) => void = () => {}): Dispatch {
  return async (channel, request) => {
    if (!isIpcChannel(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `There is no IPC channel called "${channel}".` } };
    }
    const contract = ipcContract[channel];
    const parsed = contract.request.safeParse(request);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: `Refused ${channel}: ${firstIssueMessage(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[channel] as (valid: unknown) => Promise<unknown>;
      const value = contract.response.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`IPC ${channel} failed: ${message}`);
      return { ok: false, error: { code: 'failed', message: `${contract.label} failed: ${message}` } };
    }
  };
}

