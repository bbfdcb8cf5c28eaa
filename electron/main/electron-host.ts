import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Host, SecretProtector } from '../handlers/host';
import { plainFileProtector } from '../pdf/identity-store';

/** The OS keychain (safeStorage) when it is available; otherwise a user-only file. */
function osProtector(): SecretProtector {
  if (!safeStorage.isEncryptionAvailable()) return plainFileProtector;
  return { encrypted: true, protect: (secret) => safeStorage.encryptString(secret), unprotect: (data) => safeStorage.decryptString(data) };
}

/** The Host bound to Electron: native dialogs attached to the app window, Electron's paths. */
export function createElectronHost(getWindow: () => BrowserWindow | null, rendererRoot: string, openPresenter: Host['openPresenter'], setTheme: Host['setTheme'], closeReady: Host['closeReady']): Host {
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
      // The native dialog asked before replacing an existing file (showOverwriteConfirmation).
      return result.canceled || !result.filePath ? null : { path: result.filePath, replace: true };
    },
    // Printing happens in a hidden, sandboxed window without JavaScript: the HTML is ours, built in main.
    async printToPdf(html, options) {
      // No preload and no JavaScript; the default session's guards apply (only data: and app: requests, permissions denied).
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          javascript: false,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await window.loadURL(`data:text/html;base64,${Buffer.from(html).toString('base64')}`);
        return await window.webContents.printToPDF({
          pageSize: options.paper,
          printBackground: true,
          // Tagged (a structure tree screen readers follow) with an outline (bookmarks from the parts' headings).
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerTemplate,
          footerTemplate: options.footerTemplate,
          margins: { top: 0.79, bottom: 0.71, left: 0.63, right: 0.63 },
        });
      } finally {
        window.destroy();
      }
    },
    async fontDataUrl() {
      const assets = join(rendererRoot, 'assets');
      const file = (await readdir(assets).catch(() => [] as string[])).find((name) => name.startsWith('inter-latin-wght-normal') && name.endsWith('.woff2'));
      return file ? `data:font/woff2;base64,${(await readFile(join(assets, file))).toString('base64')}` : undefined;
    },
    secrets: osProtector(),
    openPresenter,
    setTheme,
    closeReady,
  };
}
