/**
 * The one file that touches ipcRenderer. It exposes `window.accord`: named
 * functions only (never a raw invoke), built from the shared channel map.
 * Sandboxed preloads may only require 'electron', so this is bundled alone.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createAccordApi, type AccordBridge } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/contract';
import { createEventBuffer, isMenuCommand, isOpenAccordFile, MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL, type MenuCommand, type OpenAccordFile } from '../../shared/ipc/events';

const api = createAccordApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>);

// Files opened before the page subscribes (the one that launched the app) wait here; malformed ones never reach the page.
const openedFiles = createEventBuffer<OpenAccordFile>();
ipcRenderer.on(OPEN_FILE_CHANNEL, (_event: unknown, file: unknown) => {
  if (isOpenAccordFile(file)) openedFiles.push({ name: file.name, content: file.content });
});

const events = {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: unknown, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, wrapped);
  },
  onOpenFile(listener: (file: OpenAccordFile) => void): () => void {
    return openedFiles.subscribe(listener);
  },
};

contextBridge.exposeInMainWorld('accord', { ...api, ...events } satisfies AccordBridge);
