import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/main/menu';
import type { MenuCommand } from '../../../shared/ipc/events';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: string, isDevelopment = false) {
  const sent: MenuCommand[] = [];
  const showAbout = vi.fn();
  const template = buildMenuTemplate({ platform, appName: 'Accord', isDevelopment, send: (command) => sent.push(command), showAbout });
  return { template, items: flatten(template), sent, showAbout };
}

describe('application menu', () => {
  it('has the standard edit and window menus on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const roles = build(platform).template.map((item) => item.role);
      expect(build(platform).items.map((item) => item.role)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
      expect(roles).toContain('windowMenu');
      expect(roles).toContain('help');
    }
  });
  it('puts the app menu with quit first on macOS only', () => {
    expect(build('darwin').template[0]?.label).toBe('Accord');
    expect(build('win32').template[0]?.label).toBe('&File');
    expect(build('win32').items.some((item) => item.role === 'quit')).toBe(true);
  });
  it('sends New Workshop (Ctrl/Cmd+N) and the theme toggle to the renderer', () => {
    const { items, sent } = build('linux');
    const newWorkshop = items.find((item) => item.label === 'New Workshop');
    expect(newWorkshop?.accelerator).toBe('CmdOrCtrl+N');
    (newWorkshop?.click as () => void)();
    (items.find((item) => item.label === 'Toggle Light/Dark Theme')?.click as () => void)();
    const presenter = items.find((item) => item.label === 'Presenter Window');
    expect(presenter?.accelerator).toBe('CmdOrCtrl+Shift+P');
    (presenter?.click as () => void)();
    expect(sent).toEqual(['workshop:new', 'view:toggle-theme', 'view:presenter']);
  });
  it('wires Undo and Redo to the agreement, with platform shortcuts', () => {
    const mac = build('darwin');
    const undo = mac.items.find((item) => item.label === 'Undo');
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    expect(mac.items.find((item) => item.label === 'Redo')?.accelerator).toBe('Shift+Cmd+Z');
    expect(build('win32').items.find((item) => item.label === 'Redo')?.accelerator).toBe('Ctrl+Y');
    (undo?.click as () => void)();
    expect(mac.sent).toEqual(['edit:undo']);
  });
  it('offers developer tools only in development', () => {
    expect(build('linux', false).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', true).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
