/**
 * Electron entry point: lifecycle, the secure window, the app:// protocol,
 * the menu and IPC. Kept thin: everything testable lives in handlers/ and in
 * the pure modules beside this file.
 */
import { app, BrowserWindow, Menu, dialog, nativeTheme, protocol, screen, session, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentSecurityPolicy, APP_SCHEME } from '../../shared/security/content-security-policy';
import type { MenuCommand, OpenAccordFile } from '../../shared/ipc/contract';
import { createHandlers } from '../handlers/index';
import { createDispatcher } from '../ipc/dispatch';
import { mimeTypeFor, resolveAppUrl } from './app-protocol';
import { CloseHandshake } from './close-handshake';
import { createElectronHost } from './electron-host';
import { FileDelivery } from './file-delivery';
import { registerIpc, sendEvent } from './ipc';
import { buildMenuTemplate } from './menu';
import { accordPathsFromArgv, readAccordFile } from './open-files';
import { RecentFiles } from './recent-files';
import { appOrigin, isAllowedNavigation, isAllowedRequestUrl, isTrustedRendererUrl } from './security';
import { ThemeFollower } from './theme-follower';
import { WindowRegistry } from './window-registry';
import { defaultWindowSize, fitToDisplays, loadWindowState, minimumWindowSize, saveWindowState } from './window-state';

// Registered before `ready`, from the first release on: the scheme's origin is
// where IndexedDB lives, so it must never change.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

// Every renderer sandboxed, whatever a window's preferences say (before `ready`, as Electron requires).
app.enableSandbox();

const rendererRoot = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, 'preload.cjs');
const isDevelopment = !app.isPackaged;

// The app's state, made here once and passed to what needs it (each is Electron-free and unit-tested in test/electron/main).
/** The main and presenter windows, and whether the main window's page has loaded. */
const windows = new WindowRegistry<BrowserWindow>();
/** Opened .accord files on their way to the page (those opened before it loaded wait). */
const openedFiles = new FileDelivery({
  pageLoaded: () => windows.mainLoaded,
  hasWindow: () => windows.main !== null,
  send: (file) => {
    const window = windows.main;
    if (!window) return;
    sendEvent(window.webContents, 'file:open-accord', file);
    if (window.isMinimized()) window.restore();
    window.focus();
  },
  openWindow: () => void createMainWindow(),
});
/** File → Open Recent, and the OS's recent documents. */
const recentFiles = new RecentFiles({
  storePath: () => join(app.getPath('userData'), 'recent-files.json'),
  whenReady: () => app.whenReady(),
  os: {
    add: (path) => {
      if (process.platform === 'darwin' || process.platform === 'win32') app.addRecentDocument(path);
    },
    clear: () => app.clearRecentDocuments(),
  },
  changed: () => rebuildMenu(),
});
/** The theme chosen in the app: native dialogs and the title bar follow it, and the menu shows it. */
const theme = new ThemeFollower({
  apply: (choice) => {
    nativeTheme.themeSource = choice;
  },
  changed: () => rebuildMenu(),
});
/** Closing the main window waits for the page's last save and quit backup. */
const closing = new CloseHandshake<BrowserWindow>({
  pageLoaded: (window) => windows.main === window && windows.mainLoaded,
  askPage: (window, command) => sendEvent(window.webContents, 'menu:command', command),
  quitApp: () => app.quit(),
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS: a double-clicked .accord file, also before `ready` (the file that launched the app).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openAccordPath(path);
  });
  // Windows and Linux: a double-click starts a second instance with the file in its argv; it quits and we open the file.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const mainWindow = windows.main;
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    for (const path of accordPathsFromArgv(argv, workingDirectory)) void openAccordPath(path);
  });
  app.on('before-quit', () => closing.quitting());
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
  // No remote content at all, beneath the CSP: every request that is not app://accord, data: or blob: is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, { allowDevTools: isDevelopment }) }));
  protocol.handle(APP_SCHEME, serveRenderer);
  // After an export, "Show in folder" opens the system's file manager on the file (only files saved here; see handlers/index.ts).
  const host = { ...createElectronHost(() => windows.main, rendererRoot, openPresenterWindow, (choice) => theme.follow(choice), () => closing.ready()), showInFolder: (path: string) => shell.showItemInFolder(path) };
  // The main window may use every channel; any other window of ours (the read-only presenter) only those the contract marks `presenter`.
  registerIpc(createDispatcher(createHandlers(host), (message) => console.error(message)), (sender) => windows.windowOf(sender));
  // Files remembered before `ready` (the one that launched the app) stay newest.
  await recentFiles.load();
  rebuildMenu();
  await createMainWindow();
  openedFiles.started();
  // Windows and Linux: the .accord file(s) the app was started with (double-click, or an argument).
  for (const path of accordPathsFromArgv(process.argv, process.cwd())) void openAccordPath(path);
}

/** The menu depends on the recent files and the theme, so it is rebuilt when either changes. */
function rebuildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        isDevelopment,
        send: sendMenuCommand,
        showAbout: () => void dialog.showMessageBox({ type: 'info', title: `About ${app.getName()}`, message: `${app.getName()} ${app.getVersion()}`, detail: 'Marketing and sales agree, test and sign how leads are qualified and handed over. Offline; your data stays on this computer.' }),
        openFile: () => void chooseAccordFile(),
        recentFiles: recentFiles.files,
        openRecent: (path) => void openAccordPath(path),
        clearRecent: () => void recentFiles.remember(null),
        theme: theme.choice,
      }),
    ),
  );
}

/** File → Open…: asks for an .accord file, then opens it like a double-click. */
async function chooseAccordFile(): Promise<void> {
  const options: Electron.OpenDialogOptions = { title: 'Open an Accord file', filters: [{ name: 'Accord agreement', extensions: ['accord'] }], properties: ['openFile'] };
  const mainWindow = windows.main;
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const path = result.filePaths[0];
  if (!result.canceled && path) await openAccordPath(path);
}

/** Reads an .accord file (size-limited) and hands it to the renderer, which imports it exactly as its Import button does. */
async function openAccordPath(path: string): Promise<void> {
  let file: OpenAccordFile;
  try {
    file = await readAccordFile(path);
  } catch (error) {
    await app.whenReady();
    const message = error instanceof Error ? error.message : String(error);
    const mainWindow = windows.main;
    void (mainWindow ? dialog.showMessageBox(mainWindow, { type: 'error', message: 'Not imported', detail: message }) : dialog.showMessageBox({ type: 'error', message: 'Not imported', detail: message }));
    return;
  }
  await recentFiles.remember(path);
  // macOS keeps running without a window: delivering opens one, and the file waits for its page.
  openedFiles.deliver(file);
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
  // No <webview> ever (webviewTag is off too); nothing may open a new window (links, window.open, middle-click).
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Every window of the app (main and presenter) is made here, with the same
 * locked-down preferences written out literally, so that Electronegativity's
 * static checks see them (build/scripts/electronegativity.ts).
 */
function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click must not open windows (they are denied anyway); no Blink feature is ever enabled.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
      devTools: isDevelopment,
    },
  });
}

/** The presenter view: full screen on another display when there is one, else a window beside the app. */
async function openPresenterWindow(workshopId: string): Promise<'second-display' | 'this-display'> {
  const mainWindow = windows.main;
  const appDisplay = mainWindow ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  const other = screen.getAllDisplays().find((display) => display.id !== appDisplay.id);
  const area = (other ?? appDisplay).workArea;
  const url = `${appOrigin}/index.html#/presenter/${workshopId}`;
  const presenterWindow = windows.presenter;
  if (presenterWindow) {
    await presenterWindow.loadURL(url);
    presenterWindow.focus();
    return other ? 'second-display' : 'this-display';
  }
  const window = createSecureWindow({
    x: area.x + (other ? 0 : 40),
    y: area.y + (other ? 0 : 40),
    width: other ? area.width : Math.round(area.width * 0.7),
    height: other ? area.height : Math.round(area.height * 0.7),
    fullscreen: Boolean(other),
    title: 'Accord presenter',
    backgroundColor: '#ffffff',
  });
  windows.setPresenter(window);
  window.on('closed', () => windows.closed(window));
  await window.loadURL(url);
  return other ? 'second-display' : 'this-display';
}

function sendMenuCommand(command: MenuCommand): void {
  const mainWindow = windows.main;
  if (mainWindow) sendEvent(mainWindow.webContents, 'menu:command', command);
}

async function createMainWindow(): Promise<void> {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const saved = await loadWindowState(statePath);
  const bounds = fitToDisplays(saved?.bounds ?? null, screen.getAllDisplays().map((display) => display.workArea));
  const window = createSecureWindow({
    ...(bounds ?? defaultWindowSize),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'Accord',
    backgroundColor: '#f7f8fa',
  });
  windows.setMain(window);
  // The preload keeps files that arrive before the page listens; main keeps those that arrive before the preload ran.
  window.webContents.on('did-finish-load', () => {
    if (!windows.pageLoaded(window)) return;
    for (const file of openedFiles.takePending()) sendEvent(window.webContents, 'file:open-accord', file);
  });
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
  closing.guard(window);
  window.on('closed', () => {
    // The presenter only follows the main window: it never stays behind alone.
    if (windows.closed(window) === 'main') windows.presenter?.close();
  });
  await window.loadURL(`${appOrigin}/index.html`);
}
