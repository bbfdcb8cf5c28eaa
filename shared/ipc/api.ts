import { ipcContract, ipcEvents, parseIpcEvent, type IpcChannel, type IpcEvent, type IpcEventPayload, type IpcRequest, type IpcResponse, type IpcResult } from './contract';
import { createEventBuffer } from './event-buffer';

/** The function name the contract gives a channel. */
type MethodOf<C extends IpcChannel> = (typeof ipcContract)[C]['method'];

/**
 * The named functions exposed on `window.accord`, each bound to one channel,
 * read from the contract (each channel's `method`). Both the Electron preload
 * and the Chromium harness build `window.accord` from this map, so the two
 * shells expose exactly the same surface.
 */
export const accordApiChannels = Object.fromEntries(Object.entries(ipcContract).map(([channel, spec]) => [spec.method, channel])) as { [C in IpcChannel as MethodOf<C>]: C };

/** Name of a function on `window.accord`. */
export type AccordApiMethod = keyof typeof accordApiChannels;

/** The channel a function of `window.accord` is bound to. */
export type ChannelOf<M extends AccordApiMethod> = (typeof accordApiChannels)[M];

/** The typed surface of `window.accord`: every function answers an envelope, never throws across the bridge. */
export type AccordApi = {
  [M in AccordApiMethod]: (request: IpcRequest<ChannelOf<M>>) => Promise<IpcResult<IpcResponse<ChannelOf<M>>>>;
};

/** Sends one request on a channel and resolves with the envelope. */
export type IpcInvoke = (channel: IpcChannel, request: unknown) => Promise<IpcResult<unknown>>;

/** Builds the `window.accord` object from a transport; used by the preload and the harness. */
export function createAccordApi(invoke: IpcInvoke): AccordApi {
  const api: Record<string, (request: unknown) => Promise<IpcResult<unknown>>> = {};
  for (const [method, channel] of Object.entries(accordApiChannels) as [string, IpcChannel][]) {
    api[method] = (request: unknown) => invoke(channel, request);
  }
  return api as AccordApi;
}

/** The subscription name the contract gives an event. */
type SubscribeOf<E extends IpcEvent> = (typeof ipcEvents)[E]['subscribe'];

/** Events main pushes to the renderer: one subscription per event of the contract, each returning its unsubscribe function. */
export type AccordEvents = {
  [E in IpcEvent as SubscribeOf<E>]: (listener: (payload: IpcEventPayload<E>) => void) => () => void;
};

/** How a shell receives events from main (Electron's ipcRenderer.on / removeListener); the handler gets the raw, unchecked payload. */
export interface EventTransport {
  on(event: IpcEvent, handler: (payload: unknown) => void): void;
  off(event: IpcEvent, handler: (payload: unknown) => void): void;
}

/**
 * Builds the event subscriptions of `window.accord` from the contract's
 * events: every payload is parsed with its schema first (a malformed one never
 * reaches the page), and a buffered event that arrives before anyone listens
 * waits for the first listener. Used by the preload.
 */
export function createAccordEvents(transport: EventTransport): AccordEvents {
  const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
  for (const [event, spec] of Object.entries(ipcEvents) as [IpcEvent, (typeof ipcEvents)[IpcEvent]][]) {
    const read = (raw: unknown, deliver: (payload: unknown) => void) => {
      const payload = parseIpcEvent(event, raw);
      if (payload !== null) deliver(payload);
    };
    if (spec.buffered) {
      const buffer = createEventBuffer<unknown>();
      transport.on(event, (raw) => read(raw, (payload) => buffer.push(payload)));
      events[spec.subscribe] = (listener) => buffer.subscribe(listener);
    } else {
      events[spec.subscribe] = (listener) => {
        const handler = (raw: unknown) => read(raw, listener);
        transport.on(event, handler);
        return () => transport.off(event, handler);
      };
    }
  }
  return events as AccordEvents;
}

/** Everything `window.accord` offers: the IPC functions and the event subscriptions. */
export type AccordBridge = AccordApi & AccordEvents;
