/**
 * Electron entry point: lifecycle, the secure window, the app:// protocol,
 * the menu and IPC. Kept thin: everything testable lives in handlers/ and in
 * the pure modules beside this file.
 */
import { app, BrowserWindow, Menu, dialog, nativeTheme, protocol, screen, session, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentSecurityPolicy, APP_SCHEME } from '../../shared/security/content-security-policy';
import { MENU_COMMAND_CHANNEL, OPEN_FILE_CHANNEL, type MenuCommand, type OpenAccordFile } from '../../shared/ipc/events';
import { createHandlers } from '../handlers/index';
import { createDispatcher } from '../ipc/dispatch';
import { mimeTypeFor, resolveAppUrl } from './app-protocol';
import { createElectronHost } from './electron-host';
import { registerIpc } from './ipc';
import { buildMenuTemplate, type ThemeChoice } from './menu';
import { accordPathsFromArgv, addRecentFile, loadRecentFiles, readAccordFile, saveRecentFiles } from './open-files';
import { appOrigin, isAllowedNavigation, isAllowedRequestUrl, isTrustedRendererUrl } from './security';
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
let mainWindow: BrowserWindow | null = null;
/** Whether the main window's page (and so its preload) has loaded: files opened before that wait in `pendingFiles`. */
let rendererLoaded = false;
const pendingFiles: OpenAccordFile[] = [];
let recentFiles: string[] = [];
let theme: ThemeChoice = 'system';
/** start() made the first window (files opened earlier wait for it, never make a second). */
let started = false;
/** The app is quitting (Cmd+Q, menu Quit): a window closed after its quit backup quits the app, not just itself. */
let quitting = false;

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
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    for (const path of accordPathsFromArgv(argv, workingDirectory)) void openAccordPath(path);
  });
  app.on('before-quit', () => {
    quitting = true;
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
  // No remote content at all, beneath the CSP: every request that is not app://accord, data: or blob: is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, { allowDevTools: isDevelopment }) }));
  protocol.handle(APP_SCHEME, serveRenderer);
  // After an export, "Show in folder" opens the system's file manager on the file (only files saved here; see handlers/index.ts).
  const host = { ...createElectronHost(() => mainWindow, rendererRoot, openPresenterWindow, followTheme, () => closeReadyListener?.()), showInFolder: (path: string) => shell.showItemInFolder(path) };
  // The main window may use every channel; any other window of ours (the read-only presenter) only these.
  registerIpc(createDispatcher(createHandlers(host), (message) => console.error(message)), (sender, channel) => sender === mainWindow?.webContents || channel === 'window:set-theme' || channel === 'app:get-info');
  // Files remembered before `ready` (the one that launched the app) stay newest.
  recentFiles = [...recentFiles].reverse().reduce((list, path) => addRecentFile(list, path), await loadRecentFiles(recentFilesPath()));
  rebuildMenu();
  await createMainWindow();
  started = true;
  // Windows and Linux: the .accord file(s) the app was started with (double-click, or an argument).
  for (const path of accordPathsFromArgv(process.argv, process.cwd())) void openAccordPath(path);
}

function recentFilesPath(): string {
  return join(app.getPath('userData'), 'recent-files.json');
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
        recentFiles,
        openRecent: (path) => void openAccordPath(path),
        clearRecent: () => void rememberRecent(null),
        theme,
      }),
    ),
  );
}

/** The theme chosen in the app (header button or View → Theme): native dialogs and the title bar follow it, and the menu shows it. */
function followTheme(choice: ThemeChoice): void {
  nativeTheme.themeSource = choice;
  if (choice === theme) return;
  theme = choice;
  rebuildMenu();
}

/** File → Open…: asks for an .accord file, then opens it like a double-click. */
async function chooseAccordFile(): Promise<void> {
  const options: Electron.OpenDialogOptions = { title: 'Open an Accord file', filters: [{ name: 'Accord agreement', extensions: ['accord'] }], properties: ['openFile'] };
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
    void (mainWindow ? dialog.showMessageBox(mainWindow, { type: 'error', message: 'Not imported', detail: message }) : dialog.showMessageBox({ type: 'error', message: 'Not imported', detail: message }));
    return;
  }
  await rememberRecent(path);
  if (mainWindow && rendererLoaded) {
    mainWindow.webContents.send(OPEN_FILE_CHANNEL, file);
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  } else {
    pendingFiles.push(file);
    // macOS keeps running without a window: open one, and the file with it.
    // (Before start() has made the first window, start() makes it and the file waits for it.)
    if (!mainWindow && started) void createMainWindow();
  }
}

/** Adds a file to the recent list (ours for the menu, the OS's for the Dock and jump list), or clears the list with null. */
async function rememberRecent(path: string | null): Promise<void> {
  await app.whenReady();
  if (path === null) {
    recentFiles = [];
    app.clearRecentDocuments();
  } else {
    recentFiles = addRecentFile(recentFiles, path);
    if (process.platform === 'darwin' || process.platform === 'win32') app.addRecentDocument(path);
  }
  rebuildMenu();
  await saveRecentFiles(recentFilesPath(), recentFiles).catch(() => undefined);
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
  const window = createSecureWindow({
    x: area.x + (other ? 0 : 40),
    y: area.y + (other ? 0 : 40),
    width: other ? area.width : Math.round(area.width * 0.7),
    height: other ? area.height : Math.round(area.height * 0.7),
    fullscreen: Boolean(other),
    title: 'Accord presenter',
    backgroundColor: '#ffffff',
  });
  presenterWindow = window;
  window.on('closed', () => {
    if (presenterWindow === window) presenterWindow = null;
  });
  await window.loadURL(url);
  return other ? 'second-display' : 'this-display';
}

/** Longest the window waits for the page's last save and quit backup before it closes anyway. */
const CLOSE_WAIT_MS = 5000;
let closeReadyListener: (() => void) | null = null;

/**
 * Closing the main window first asks the page to save and write the quit
 * backup (`app:before-close`), and closes once it answers (`window:close-ready`)
 * or after CLOSE_WAIT_MS: a hung page never keeps the app open.
 */
function backUpBeforeClose(window: BrowserWindow): void {
  let allowed = false;
  window.on('close', (event) => {
    if (allowed || !rendererLoaded) return;
    event.preventDefault();
    if (closeReadyListener) return; // already asked; the answer or the timeout closes it
    const close = () => {
      if (allowed) return;
      allowed = true;
      closeReadyListener = null;
      clearTimeout(timeout);
      if (quitting) app.quit();
      else if (!window.isDestroyed()) window.close();
    };
    const timeout = setTimeout(close, CLOSE_WAIT_MS);
    closeReadyListener = close;
    window.webContents.send(MENU_COMMAND_CHANNEL, 'app:before-close' satisfies MenuCommand);
  });
}

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
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
  mainWindow = window;
  rendererLoaded = false;
  // The preload keeps files that arrive before the page listens; main keeps those that arrive before the preload ran.
  window.webContents.on('did-finish-load', () => {
    if (mainWindow !== window) return;
    rendererLoaded = true;
    for (const file of pendingFiles.splice(0)) window.webContents.send(OPEN_FILE_CHANNEL, file);
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
  backUpBeforeClose(window);
  window.on('closed', () => {
    if (mainWindow === window) {
      mainWindow = null;
      rendererLoaded = false;
      // The presenter only follows the main window: it never stays behind alone.
      if (presenterWindow && !presenterWindow.isDestroyed()) presenterWindow.close();
    }
  });
  await window.loadURL(`${appOrigin}/index.html`);
}
