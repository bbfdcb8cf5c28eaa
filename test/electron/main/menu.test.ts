import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type ThemeChoice } from '../../../electron/main/menu';
import { menuCommands, type MenuCommand } from '../../../shared/ipc/contract';
import { actionOfMenuCommand, workshopActionDefinitions } from '../../../shared/model/workshop-actions';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: string, options: { isDevelopment?: boolean; recentFiles?: string[]; theme?: ThemeChoice } = {}) {
  const sent: MenuCommand[] = [];
  const showAbout = vi.fn();
  const openFile = vi.fn();
  const openRecent = vi.fn();
  const clearRecent = vi.fn();
  const template = buildMenuTemplate({
    platform,
    appName: 'Accord',
    isDevelopment: options.isDevelopment ?? false,
    send: (command) => sent.push(command),
    showAbout,
    openFile,
    recentFiles: options.recentFiles ?? [],
    openRecent,
    clearRecent,
    theme: options.theme ?? 'system',
  });
  const items = flatten(template);
  const find = (label: string) => {
    const item = items.find((entry) => entry.label === label);
    if (!item) throw new Error(`No menu item "${label}"`);
    return item;
  };
  const click = (label: string) => (find(label).click as () => void)();
  return { template, items, find, click, sent, showAbout, openFile, openRecent, clearRecent };
}

function submenuOf(item: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(item.submenu) ? item.submenu : [];
}

describe('application menu', () => {
  it('has the standard edit and window menus on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const { template, items } = build(platform);
      expect(items.map((item) => item.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'togglefullscreen', 'zoomIn', 'zoomOut', 'resetZoom']));
      expect(template.map((item) => item.role)).toEqual(expect.arrayContaining(['windowMenu', 'help']));
    }
  });

  it('puts the app menu with About, Settings and Quit first on macOS, and Close in File', () => {
    const mac = build('darwin');
    expect(mac.template[0]?.label).toBe('Accord');
    const appMenu = submenuOf(mac.template[0]!);
    expect(appMenu[0]?.label).toBe('About Accord');
    expect(appMenu.find((item) => item.label === 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
    expect(appMenu.at(-1)?.role).toBe('quit');
    const file = submenuOf(mac.template[1]!);
    expect(file.at(-1)?.role).toBe('close');
    expect(submenuOf(mac.template.find((item) => item.role === 'help')!).some((item) => item.label === 'About Accord')).toBe(false);
  });

  it('puts Settings and Quit in File and About in Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux']) {
      const { template, find } = build(platform);
      expect(template[0]?.label).toBe('&File');
      const file = submenuOf(template[0]!);
      expect(file.at(-1)?.role).toBe('quit');
      expect(file.some((item) => item.label === '&Settings…')).toBe(true);
      expect(find('About Accord')).toBeDefined();
    }
  });

  it('has File: New (Ctrl/Cmd+N), Open… (Ctrl/Cmd+O), Open Recent, Import Library, Export, Backups', () => {
    const { find, click, sent, openFile } = build('linux');
    expect(find('New Workshop').accelerator).toBe('CmdOrCtrl+N');
    expect(find('Open…').accelerator).toBe('CmdOrCtrl+O');
    click('Open…');
    expect(openFile).toHaveBeenCalledOnce();
    for (const label of ['New Workshop', 'Import Library…', 'PDF, A4 (sealed)…', 'Markdown…', 'Accord file (.accord)…', 'Library…', 'Backups…']) click(label);
    expect(sent).toEqual(['workshop:new', 'library:import', 'export:pdf', 'export:markdown', 'export:accord', 'library:export', 'library:backups']);
  });

  it('lists recent files newest first, opens one, and clears them', () => {
    const { find, click, openRecent, clearRecent } = build('win32', { recentFiles: ['C:\\Users\\ana\\Acme.accord', '/home/ana/Globex.accord'] });
    const recent = submenuOf(find('Open Recent'));
    expect(recent.map((item) => item.label)).toEqual(['Acme.accord', 'Globex.accord', undefined, 'Clear Recent']);
    (recent[1]?.click as () => void)();
    expect(openRecent).toHaveBeenCalledWith('/home/ana/Globex.accord');
    expect(find('Clear Recent').enabled).toBe(true);
    click('Clear Recent');
    expect(clearRecent).toHaveBeenCalledOnce();
  });

  it('says when there are no recent files and disables Clear', () => {
    const recent = submenuOf(build('linux').find('Open Recent'));
    expect(recent[0]).toMatchObject({ label: 'No Recent Files', enabled: false });
    expect(recent.at(-1)).toMatchObject({ label: 'Clear Recent', enabled: false });
  });

  it('wires Undo and Redo to the agreement, with platform shortcuts', () => {
    const mac = build('darwin');
    expect(mac.find('Undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(mac.find('Redo').accelerator).toBe('CmdOrCtrl+Shift+Z');
    mac.click('Undo');
    mac.click('Redo');
    expect(mac.sent).toEqual(['edit:undo', 'edit:redo']);
  });

  it('has View: Presenter window (Ctrl/Cmd+Shift+P), Command Palette, and Theme as System / Light / Dark radio items', () => {
    const { find, click, sent } = build('linux', { theme: 'dark' });
    expect(find('Presenter window').accelerator).toBe('CmdOrCtrl+Shift+P');
    click('Presenter window');
    click('Command palette');
    // Ctrl/Cmd+K is shown, not registered: the page handles it, also while typing in a field.
    expect(find('Command palette')).toMatchObject({ accelerator: 'CmdOrCtrl+K', registerAccelerator: false });
    const theme = submenuOf(find('Theme'));
    expect(theme.map((item) => [item.label, item.type, item.checked])).toEqual([
      ['System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    for (const item of theme) (item.click as () => void)();
    expect(sent).toEqual(['view:presenter', 'view:command-palette', 'view:theme-system', 'view:theme-light', 'view:theme-dark']);
    expect(submenuOf(build('linux').find('Theme')).find((item) => item.checked)?.label).toBe('System');
  });

  it('has Help: About, Verify a PDF… and Keyboard Shortcuts', () => {
    const { click, sent, showAbout } = build('win32');
    click('About Accord');
    click('Verify a PDF…');
    click('Keyboard shortcuts');
    expect(showAbout).toHaveBeenCalledOnce();
    expect(sent).toEqual(['help:verify', 'help:shortcuts']);
  });

  it('sends only known commands, and every command has a menu item', () => {
    const sent = new Set<MenuCommand>();
    for (const platform of ['darwin', 'linux']) {
      const menu = build(platform);
      for (const item of menu.items) if (typeof item.click === 'function' && item.label !== 'Open…' && item.label !== 'Clear Recent' && !item.label?.startsWith('About')) (item.click as () => void)();
      for (const command of menu.sent) sent.add(command);
    }
    // app:before-close is main's own question to the page before a window closes, not a menu item.
    expect([...sent].sort()).toEqual(menuCommands.filter((command) => command !== 'app:before-close').sort());
  });

  it('lists every workshop action of the ⋯ menu and the palette, with the same label, sending the command of that action', () => {
    for (const platform of ['darwin', 'win32']) {
      const { items, sent } = build(platform);
      for (const action of workshopActionDefinitions) {
        const item = items.filter((entry) => entry.label === action.label && typeof entry.click === 'function');
        expect(item, action.label).toHaveLength(1);
        (item[0]!.click as () => void)();
        expect(actionOfMenuCommand(sent.at(-1)!)).toBe(action.id);
      }
      expect(sent).toHaveLength(workshopActionDefinitions.length);
    }
    // The Workshop menu holds the actions that have no standard place, in their groups.
    const workshop = submenuOf(build('linux').template.find((item) => item.label === '&Workshop')!);
    expect(workshop.filter((item) => item.type !== 'separator').map((item) => item.label)).toEqual(workshopActionDefinitions.filter((action) => action.menu === 'workshop').map((action) => action.label));
    expect(build('linux').find('Start or pause the timer')).toMatchObject({ accelerator: 'Alt+T', registerAccelerator: false });
  });

  it('never repeats an accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const accelerators = build(platform).items.map((item) => item.accelerator).filter(Boolean);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('offers developer tools only in development', () => {
    expect(build('linux', { isDevelopment: false }).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', { isDevelopment: true }).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
