import { ipcContract, isIpcChannel, type IpcChannel, type IpcResult } from '../../shared/ipc/contract';
import { firstIssueMessage } from '../../shared/model/validation';
import type { IpcHandlers } from '../handlers/index';

/** Sends a request to one channel's handler and answers an envelope. */
export type Dispatch = (channel: string, request: unknown) => Promise<IpcResult<unknown>>;

/**
 * The single path every IPC request takes, in Electron and in the Chromium
 * harness alike: the channel must exist, the request must pass its schema
 * (nothing runs otherwise), and the handler's answer must pass its own.
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
      return { ok: false, error: { code: 'failed', message: `${describeChannel(channel)} failed: ${message}` } };
    }
  };
}

function describeChannel(channel: IpcChannel): string {
  const names: Partial<Record<IpcChannel, string>> = { 'file:save-text': 'Saving the file', 'pdf:export-agreement': 'Exporting the PDF', 'pdf:export-review': 'Exporting the review report', 'pdf:verify': 'Verifying the PDF', 'seal:import-identity': 'Importing the certificate', 'seal:renew-identity': 'Making a new sealing certificate', 'seal:trust': 'Trusting the seal', 'seal:untrust': 'Removing the trusted seal', 'seal:list-trusted': 'Reading the trusted seals', 'backup:write': 'Writing the backup', 'backup:list': 'Listing the backups', 'backup:read': 'Reading the backup' };
  return names[channel] ?? `The request ${channel}`;
}
