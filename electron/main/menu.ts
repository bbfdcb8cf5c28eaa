import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { acceleratorOf, menuCommandOf, workshopActionDefinitions, workshopActionGroups, type MenuPlace, type WorkshopActionDefinition } from '../../shared/model/workshop-actions';

/** The colour theme as main knows it: the person's choice, "system" following the OS. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What the menu needs from the app; every callback is plain, so the template is tested without Electron. */
export interface MenuOptions {
  platform: string;
  appName: string;
  isDevelopment: boolean;
  /** Sends a command to the renderer (the contract's menu:command event). */
  send: (command: MenuCommand) => void;
  showAbout: () => void;
  /** File → Open…: main asks for an .accord file, reads it and hands it to the renderer. */
  openFile: () => void;
  /** Recent .accord files, newest first (absolute paths). */
  recentFiles: readonly string[];
  openRecent: (path: string) => void;
  clearRecent: () => void;
  /** The theme shown as checked in View → Theme. */
  theme: ThemeChoice;
}

/** The last part of a path, for either separator (a Windows path read on any platform). */
function fileNameOf(path: string): string {
  return path.split(/[\\/]/u).pop() ?? path;
}

/**
 * A workshop action as a native menu item: its label and shortcut from the one list (shared/model/workshop-actions.ts).
 * A Ctrl/Cmd shortcut is registered with the menu; an Alt one is only shown (the page handles it, also while typing,
 * and on Windows and Linux Alt+letter belongs to the menu bar's mnemonics).
 */
function actionItem(action: WorkshopActionDefinition, send: (command: MenuCommand) => void): MenuItemConstructorOptions {
  const shortcut = action.shortcuts.find((entry) => entry.mod) ?? action.shortcuts[0];
  return {
    label: action.label,
    ...(shortcut ? { accelerator: acceleratorOf(shortcut), registerAccelerator: Boolean(shortcut.mod) && action.id !== 'palette' } : {}),
    click: () => send(menuCommandOf(action) as MenuCommand),
  };
}

/** The workshop actions the menu puts in one place, in the list's order (the Workshop menu separates its groups). */
function actionItems(place: MenuPlace, send: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const actions: readonly WorkshopActionDefinition[] = workshopActionDefinitions.filter((action: WorkshopActionDefinition) => action.menu === place);
  if (place !== 'workshop') return actions.map((action) => actionItem(action, send));
  return workshopActionGroups
    .map((group) => actions.filter((action) => action.group === group).map((action) => actionItem(action, send)))
    .filter((items) => items.length > 0)
    .flatMap((items, index) => (index === 0 ? items : [{ type: 'separator' } as const, ...items]));
}

/**
 * The native application menu: standard roles (so every platform's own
 * shortcuts work: copy, paste, zoom, full screen, quit) plus the app's
 * commands, which are sent to the renderer. macOS gets the app menu first
 * (About, Settings, Quit) and Close in File; Windows and Linux get Settings and
 * Quit in File and About in Help. Pure: returns a template, tested without Electron.
 */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, appName, isDevelopment, send, showAbout, openFile, recentFiles, openRecent, clearRecent, theme } = options;
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  const settings: MenuItemConstructorOptions = { label: isMac ? 'Settings…' : '&Settings…', accelerator: 'CmdOrCtrl+,', click: () => send('app:settings') };
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: showAbout },
        { type: 'separator' },
        settings,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  const recent: MenuItemConstructorOptions[] = [
    ...(recentFiles.length === 0 ? [{ label: 'No Recent Files', enabled: false }] : recentFiles.map((path) => ({ label: fileNameOf(path), toolTip: path, click: () => openRecent(path) }))),
    { type: 'separator' },
    { label: 'Clear Recent', enabled: recentFiles.length > 0, click: clearRecent },
  ];
  template.push({
    label: '&File',
    submenu: [
      { label: 'New Workshop', accelerator: 'CmdOrCtrl+N', click: () => send('workshop:new') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: openFile },
      { label: 'Open Recent', submenu: recent },
      { label: 'Library', accelerator: 'CmdOrCtrl+Shift+L', click: () => send('library:show') },
      { type: 'separator' },
      { label: 'Import Library…', click: () => send('library:import') },
      {
        label: 'Export',
        submenu: [
          ...actionItems('file-export', send),
          { type: 'separator' },
          { label: 'Library…', click: () => send('library:export') },
        ],
      },
      { label: 'Backups…', click: () => send('library:backups') },
      { type: 'separator' },
      ...(isMac ? [{ role: 'close' } as const] : [settings, { type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  });
  // Undo and redo act on the whole agreement (the app's own history), not on one text field.
  template.push({
    label: '&Edit',
    submenu: [
      ...actionItems('edit', send),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const themes: { choice: ThemeChoice; label: string; command: MenuCommand }[] = [
    { choice: 'system', label: 'System', command: 'view:theme-system' },
    { choice: 'light', label: 'Light', command: 'view:theme-light' },
    { choice: 'dark', label: 'Dark', command: 'view:theme-dark' },
  ];
  const viewItems: MenuItemConstructorOptions[] = [
    // The command palette's Ctrl/Cmd+K is shown, not registered: the page handles it (also while typing), the same in both shells.
    ...actionItems('view', send),
    { type: 'separator' },
    { label: 'Theme', submenu: themes.map((entry) => ({ id: `theme-${entry.choice}`, label: entry.label, type: 'radio' as const, checked: theme === entry.choice, click: () => send(entry.command) })) },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDevelopment) viewItems.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: '&View', submenu: viewItems });
  // Everything else one can do in an open workshop, as in its ⋯ menu and command palette.
  template.push({ label: '&Workshop', submenu: actionItems('workshop', send) });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      ...(isMac ? [] : [{ label: `About ${appName}`, click: showAbout }, { type: 'separator' } as const]),
      { label: 'Verify a PDF…', click: () => send('help:verify') },
      ...actionItems('help', send),
    ],
  });
  return template;
}
