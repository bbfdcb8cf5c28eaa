/**
 * The one file that touches ipcRenderer. It exposes `window.accord`: named
 * functions only (never a raw invoke), built from the shared channel map.
 * Sandboxed preloads may only require 'electron', so this is bundled alone.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createAccordApi, type AccordBridge } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/contract';
import { isMenuCommand, MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/events';

const api = createAccordApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>);

const events = {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('accord', { ...api, ...events } satisfies AccordBridge);
