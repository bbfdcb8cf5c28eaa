import { z } from '../model/zod';

/**
 * The one IPC contract: every channel (`domain:verb-noun`) with the schema of
 * its request and its response. Main validates every request against it (the
 * renderer is untrusted); the preload and the Chromium harness expose only the
 * named functions of `accordApiChannels`, never a raw `invoke`.
 */

/** Kinds of file the app writes; each has its own extension and dialog filter. */
export const exportFileKinds = ['accord', 'markdown', 'json', 'csv', 'pdf'] as const;

/** A kind of file the app writes. */
export type ExportFileKind = (typeof exportFileKinds)[number];

/** Extension used for each kind of exported file. */
export const exportFileExtensions: Record<ExportFileKind, string> = {
  accord: 'accord',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
  pdf: 'pdf',
};

/** Largest text file the renderer may ask main to write (50 MB). */
export const MAX_SAVE_TEXT_CHARS = 50 * 1024 * 1024;

// eslint-disable-next-line no-control-regex -- control characters are exactly what this must refuse
const forbiddenFileNameCharacters = /[/\\:*?"<>|\u0000-\u001f]/u;

/** A suggested file name: a bare name, never a path, so the renderer cannot pick where files go. */
export const SuggestedFileNameSchema = z.string({ error: 'The file name must be text.' }).check(
  z.trim(),
  z.minLength(1, { error: 'The file name is empty.' }),
  z.maxLength(200, { error: 'The file name is longer than 200 characters.' }),
  z.refine((name) => !forbiddenFileNameCharacters.test(name), {
    error: 'The file name may not contain / \\ : * ? " < > | or control characters.',
  }),
  z.refine((name) => name !== '.' && name !== '..', { error: 'The file name may not be "." or "..".' }),
);

/** What the app and its shell say about themselves. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(['electron', 'chromium']),
  platform: z.string(),
});

/** What the app and its shell say about themselves. */
export type AppInfo = z.output<typeof AppInfoSchema>;

/** Channels and their request/response schemas. */
export const ipcContract = {
  'app:get-info': {
    request: z.strictObject({}),
    response: AppInfoSchema,
  },
  'file:save-text': {
    request: z.strictObject({
      suggestedName: SuggestedFileNameSchema,
      kind: z.enum(exportFileKinds, { error: `The kind must be one of: ${exportFileKinds.join(', ')}.` }),
      content: z.string({ error: 'The content must be text.' }).check(z.maxLength(MAX_SAVE_TEXT_CHARS, { error: 'The content is larger than 50 MB.' })),
    }),
    response: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), path: z.string(), bytes: z.int().check(z.nonnegative()) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
} as const;

/** A channel name of the contract. */
export type IpcChannel = keyof typeof ipcContract;

/** What a caller passes on a channel (before validation). */
export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;

/** What a handler receives on a channel (after validation). */
export type IpcValidRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;

/** What a channel answers. */
export type IpcResponse<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['response']>;

/** Why an IPC call failed. */
export type IpcErrorCode = 'unknown-channel' | 'invalid-request' | 'forbidden-sender' | 'failed';

/** Every IPC answer is an envelope, so errors cross the bridge as data, with a message a person can read. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

/** Whether a string names a channel of the contract. */
export function isIpcChannel(channel: string): channel is IpcChannel {
  return Object.prototype.hasOwnProperty.call(ipcContract, channel);
}
