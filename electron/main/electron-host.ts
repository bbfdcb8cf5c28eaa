import { app, dialog, type BrowserWindow } from 'electron';
import type { Host } from '../handlers/host';

/** The Host bound to Electron: native dialogs attached to the app window, Electron's paths. */
export function createElectronHost(getWindow: () => BrowserWindow | null): Host {
  return {
    shell: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    platform: process.platform,
    userDataDir: app.getPath('userData'),
    now: () => new Date(),
    async showSaveDialog(request) {
      const window = getWindow();
      const options = {
        title: request.title,
        defaultPath: `${app.getPath('documents')}/${request.defaultName}`,
        filters: request.filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
