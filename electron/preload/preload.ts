/**
 * The one file that touches ipcRenderer. It exposes `window.accord`: named
 * functions only (never a raw invoke) and one subscription per event, both
 * derived from the contract (shared/ipc/api.ts); every event payload is parsed
 * with its schema before the page sees it. Sandboxed preloads may only
 * require 'electron', so this is bundled alone.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createAccordApi, createAccordEvents, type AccordBridge } from '../../shared/ipc/api';
import type { IpcEvent, IpcResult } from '../../shared/ipc/contract';

const api = createAccordApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>);

// ipcRenderer passes its event first; the page gets only the checked payload.
const wrappers = new Map<(payload: unknown) => void, (event: IpcRendererEvent, payload: unknown) => void>();
const events = createAccordEvents({
  on(event: IpcEvent, handler) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
    wrappers.set(handler, wrapped);
    ipcRenderer.on(event, wrapped);
  },
  off(event: IpcEvent, handler) {
    const wrapped = wrappers.get(handler);
    if (!wrapped) return;
    wrappers.delete(handler);
    ipcRenderer.removeListener(event, wrapped);
  },
});

contextBridge.exposeInMainWorld('accord', { ...api, ...events } satisfies AccordBridge);
