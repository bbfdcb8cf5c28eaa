import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/events';

/**
 * The native application menu: standard roles (so every platform's own
 * shortcuts work: copy, paste, undo, zoom, full screen, quit) plus the app's
 * commands, which are sent to the renderer. Pure: returns a template, tested
 * without Electron.
 */
export function buildMenuTemplate(options: {
  platform: string;
  appName: string;
  isDevelopment: boolean;
  send: (command: MenuCommand) => void;
  showAbout: () => void;
}): MenuItemConstructorOptions[] {
  const { platform, appName, isDevelopment, send, showAbout } = options;
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { label: `About ${appName}`, click: showAbout },
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
  template.push({
    label: '&File',
    submenu: [
      { label: 'New Workshop', accelerator: 'CmdOrCtrl+N', click: () => send('workshop:new') },
      { label: 'Library', accelerator: 'CmdOrCtrl+Shift+L', click: () => send('library:show') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  // Undo and redo act on the whole agreement (the app's own history), not on one text field.
  template.push({
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('edit:undo') },
      { label: 'Redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: () => send('edit:redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const viewItems: MenuItemConstructorOptions[] = [
    { label: 'Toggle Light/Dark Theme', accelerator: 'CmdOrCtrl+Shift+D', click: () => send('view:toggle-theme') },
    { label: 'Presenter Window', accelerator: 'CmdOrCtrl+Shift+P', click: () => send('view:presenter') },
    // No accelerator: the page itself handles Ctrl/Cmd+K (also while typing), the same in both shells.
    { label: 'Command Palette… (Ctrl/Cmd+K)', click: () => send('view:command-palette') },
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (isDevelopment) viewItems.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  template.push({ label: '&View', submenu: viewItems });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: isMac ? [] : [{ label: `About ${appName}`, click: showAbout }],
  });
  return template;
}
