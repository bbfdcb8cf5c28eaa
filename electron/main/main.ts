/**
 * Electron entry point: lifecycle, the secure window, the app:// protocol,
 * the menu and IPC. Kept thin: everything testable lives in handlers/ and in
 * the pure modules beside this file.
 */
import { app, BrowserWindow, Menu, dialog, protocol, screen, session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentSecurityPolicy, APP_SCHEME } from '../../shared/security/content-security-policy';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../shared/ipc/events';
import { createHandlers } from '../handlers/index';
import { createDispatcher } from '../ipc/dispatch';
import { mimeTypeFor, resolveAppUrl } from './app-protocol';
import { createElectronHost } from './electron-host';
import { registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { appOrigin, isAllowedNavigation, isTrustedRendererUrl } from './security';
import { defaultWindowSize, fitToDisplays, loadWindowState, minimumWindowSize, saveWindowState } from './window-state';

// Registered before `ready`, from the first release on: the scheme's origin is
// where IndexedDB lives, so it must never change.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

const rendererRoot = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const isDevelopment = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  // Everything is denied except full screen for our own pages (the presenter view's F key).
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(permission === 'fullscreen' && isTrustedRendererUrl(contents.getURL())));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'fullscreen' && isTrustedRendererUrl(`${requestingOrigin}/`));
  protocol.handle(APP_SCHEME, serveRenderer);
  const host = createElectronHost(() => mainWindow, rendererRoot, openPresenterWindow);
  registerIpc(createDispatcher(createHandlers(host), (message) => console.error(message)));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        isDevelopment,
        send: sendMenuCommand,
        showAbout: () => void dialog.showMessageBox({ type: 'info', title: `About ${app.getName()}`, message: `${app.getName()} ${app.getVersion()}`, detail: 'Marketing and sales agree, test and sign how leads are qualified and handed over. Offline; your data stays on this computer.' }),
      }),
    ),
  );
  await createMainWindow();
}

async function serveRenderer(request: Request): Promise<Response> {
  const path = resolveAppUrl(rendererRoot, request.url);
  if (!path) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(path);
    return new Response(body, {
      headers: {
        'content-type': mimeTypeFor(path),
        'content-security-policy': contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The same locked-down preferences for every window of the app. */
function secureWebPreferences(): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools: isDevelopment,
  };
}

let presenterWindow: BrowserWindow | null = null;

/** The presenter view: full screen on another display when there is one, else a window beside the app. */
async function openPresenterWindow(workshopId: string): Promise<'second-display' | 'this-display'> {
  const appDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const other = screen.getAllDisplays().find((display) => display.id !== appDisplay.id);
  const area = (other ?? appDisplay).workArea;
  const url = `${appOrigin}/index.html#/presenter/${workshopId}`;
  if (presenterWindow && !presenterWindow.isDestroyed()) {
    await presenterWindow.loadURL(url);
    presenterWindow.focus();
    return other ? 'second-display' : 'this-display';
  }
  const window = new BrowserWindow({
    x: area.x + (other ? 0 : 40),
    y: area.y + (other ? 0 : 40),
    width: other ? area.width : Math.round(area.width * 0.7),
    height: other ? area.height : Math.round(area.height * 0.7),
    fullscreen: Boolean(other),
    title: 'Accord presenter',
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(),
  });
  presenterWindow = window;
  window.on('closed', () => {
    if (presenterWindow === window) presenterWindow = null;
  });
  await window.loadURL(url);
  return other ? 'second-display' : 'this-display';
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

async function createMainWindow(): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const saved = await loadWindowState(statePath);
  const bounds = fitToDisplays(saved?.bounds ?? null, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    ...(bounds ?? defaultWindowSize),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Accord',
    backgroundColor: '#f7f8fa',
    webPreferences: secureWebPreferences(),
  });
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const remember = () => {
    if (window.isDestroyed()) return;
    void saveWindowState(statePath, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }).catch(() => undefined);
  };
  let timer: NodeJS.Timeout | undefined;
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 400);
  };
  window.on('resize', rememberSoon);
  window.on('move', rememberSoon);
  window.on('close', remember);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(`${appOrigin}/index.html`);
}
