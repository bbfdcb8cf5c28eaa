/**
 * The actions of an open workshop, defined once: the ⋯ menu, the command
 * palette, the keyboard shortcuts and the native application menu all list
 * these (renderer/features/workshop/workshop-actions.ts adds when each is
 * enabled and what it runs; electron/main/menu.ts builds its items from the
 * same list). A label or shortcut changed here changes on every surface.
 *
 * Item shortcuts (Alt+M "Marketing agrees" on the focused item and the like)
 * are not here: they act on where the keyboard focus is, which a menu or the
 * palette takes away (see renderer/features/session/capture-keys.ts).
 */

/** A key combination. `code` is the physical key (`event.code`), so Option on a Mac, which types accents, works the same. */
export interface Shortcut {
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
  /** `KeyboardEvent.code`, e.g. "KeyT", "Slash". */
  code: string;
  /** The key as printed on the key cap and in menus, e.g. "T", "/". */
  key: string;
}

/** Where the native menu puts an action: an existing standard place, or the Workshop menu. */
export type MenuPlace = 'file-export' | 'edit' | 'view' | 'help' | 'workshop';

/** The groups actions are listed in (in this order, on every surface). */
export const workshopActionGroups = ['Edit', 'Session', 'Capture', 'Workshop', 'Export', 'Settings'] as const;

/** One group of actions. */
export type WorkshopActionGroup = (typeof workshopActionGroups)[number];

/** What every surface knows of one action. */
export interface WorkshopActionDefinition {
  id: string;
  label: string;
  group: WorkshopActionGroup;
  /** The shortcuts that run it; the first is the one shown. */
  shortcuts: readonly Shortcut[];
  /** Words the palette also finds it by. */
  keywords?: readonly string[];
  /** Where the native menu lists it. */
  menu: MenuPlace;
  /** The native menu's command when it predates this list (kept so nothing that sends it breaks); otherwise `workshop:<id>`. */
  command?: string;
}

const alt = (code: string, key: string, shift = false): Shortcut => ({ alt: true, shift, code, key });
const mod = (code: string, key: string, shift = false): Shortcut => ({ mod: true, shift, code, key });

/** Every action of an open workshop, in the order the surfaces list them. */
export const workshopActionDefinitions = [
  { id: 'undo', label: 'Undo', group: 'Edit', shortcuts: [mod('KeyZ', 'Z')], menu: 'edit', command: 'edit:undo' },
  { id: 'redo', label: 'Redo', group: 'Edit', shortcuts: [mod('KeyZ', 'Z', true), { mod: true, code: 'KeyY', key: 'Y' }], menu: 'edit', command: 'edit:redo' },
  { id: 'palette', label: 'Command palette', group: 'Edit', shortcuts: [mod('KeyK', 'K')], keywords: ['search', 'find'], menu: 'view', command: 'view:command-palette' },
  { id: 'timer-toggle', label: 'Start or pause the timer', group: 'Session', shortcuts: [alt('KeyT', 'T')], keywords: ['clock', 'countdown'], menu: 'workshop' },
  { id: 'timer-next', label: 'Next part of the agenda', group: 'Session', shortcuts: [alt('KeyT', 'T', true)], menu: 'workshop' },
  { id: 'agenda', label: 'Agenda and timer…', group: 'Session', shortcuts: [alt('KeyG', 'G')], keywords: ['time boxes'], menu: 'workshop' },
  { id: 'presenter', label: 'Presenter window', group: 'Session', shortcuts: [alt('KeyO', 'O'), mod('KeyP', 'P', true)], keywords: ['projector', 'screen'], menu: 'view', command: 'view:presenter' },
  { id: 'open-questions', label: 'Open questions…', group: 'Session', shortcuts: [alt('KeyQ', 'Q')], keywords: ['disputed', 'parked', 'disagree', 'parking'], menu: 'workshop' },
  { id: 'summary', label: 'Session summary…', group: 'Session', shortcuts: [], keywords: ['agreed', 'action items'], menu: 'workshop' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', group: 'Session', shortcuts: [alt('Slash', '/'), alt('Slash', '/', true), mod('Slash', '/')], menu: 'help', command: 'help:shortcuts' },
  { id: 'agree-part-both', label: 'Both sides agree to this part', group: 'Session', shortcuts: [], keywords: ['settle', 'agree all', 'consensus'], menu: 'workshop' },
  { id: 'agree-part-marketing', label: 'Marketing agrees to all of this part', group: 'Session', shortcuts: [], keywords: ['settle', 'agree all', 'consensus'], menu: 'workshop' },
  { id: 'agree-part-sales', label: 'Sales agrees to all of this part', group: 'Session', shortcuts: [], keywords: ['settle', 'agree all', 'consensus'], menu: 'workshop' },
  { id: 'park-topic', label: 'Park a topic…', group: 'Capture', shortcuts: [alt('KeyP', 'P')], keywords: ['parking lot'], menu: 'workshop' },
  { id: 'log-decision', label: 'Log a decision…', group: 'Capture', shortcuts: [alt('KeyD', 'D')], menu: 'workshop' },
  { id: 'add-action', label: 'Add an action item…', group: 'Capture', shortcuts: [alt('KeyA', 'A')], keywords: ['task'], menu: 'workshop' },
  { id: 'tester', label: 'Test a lead…', group: 'Workshop', shortcuts: [], keywords: ['score'], menu: 'workshop' },
  { id: 'calibrate', label: 'Calibrate with CRM data…', group: 'Workshop', shortcuts: [], keywords: ['calibration', 'threshold'], menu: 'workshop' },
  { id: 'review', label: 'SLA review…', group: 'Workshop', shortcuts: [], keywords: ['measure'], menu: 'workshop' },
  { id: 'preview', label: 'Preview document', group: 'Workshop', shortcuts: [], keywords: ['pdf'], menu: 'workshop' },
  { id: 'readiness', label: 'Ready to sign?', group: 'Workshop', shortcuts: [], keywords: ['blockers', 'settle'], menu: 'workshop' },
  { id: 'sign', label: 'Sign and lock…', group: 'Workshop', shortcuts: [], keywords: ['signature', 'amend', 'versions'], menu: 'workshop' },
  { id: 'export-pdf-a4', label: 'PDF, A4 (sealed)…', group: 'Export', shortcuts: [], keywords: ['export'], menu: 'file-export', command: 'export:pdf' },
  { id: 'export-pdf-letter', label: 'PDF, US Letter (sealed)…', group: 'Export', shortcuts: [], keywords: ['export'], menu: 'file-export' },
  { id: 'export-markdown', label: 'Markdown…', group: 'Export', shortcuts: [], keywords: ['export'], menu: 'file-export', command: 'export:markdown' },
  { id: 'export-accord', label: 'Accord file (.accord)…', group: 'Export', shortcuts: [], keywords: ['export'], menu: 'file-export', command: 'export:accord' },
  { id: 'export-rules-csv', label: 'Scoring rules, CSV…', group: 'Export', shortcuts: [], keywords: ['export', 'crm'], menu: 'file-export' },
  { id: 'export-rules-json', label: 'Scoring rules, JSON…', group: 'Export', shortcuts: [], keywords: ['export', 'crm'], menu: 'file-export' },
  { id: 'branding', label: 'Branding…', group: 'Settings', shortcuts: [], keywords: ['logo'], menu: 'workshop' },
  { id: 'save-template', label: 'Save as template…', group: 'Settings', shortcuts: [], menu: 'workshop' },
] as const satisfies readonly WorkshopActionDefinition[];

/** The id of one workshop action. */
export type WorkshopActionId = (typeof workshopActionDefinitions)[number]['id'];

/** The native menu's command of an action: its own, or `workshop:<id>`. */
export function menuCommandOf(action: WorkshopActionDefinition): string {
  return action.command ?? `workshop:${action.id}`;
}

/** The commands the Workshop menu sends that have no older name, for the list the preload lets through (shared/ipc/events.ts). */
export const workshopMenuCommands = workshopActionDefinitions.filter((action: WorkshopActionDefinition) => action.command === undefined).map((action) => `workshop:${action.id}` as const);

/** The action a native-menu command stands for, or null (a command of the app, such as "library:show"). */
export function actionOfMenuCommand(command: string): WorkshopActionId | null {
  const found = workshopActionDefinitions.find((action: WorkshopActionDefinition) => menuCommandOf(action) === command);
  return found ? found.id : null;
}

/** A shortcut as people read it: "Alt+Shift+T", "Ctrl/Cmd+K". */
export function shortcutText(shortcut: Shortcut): string {
  return [shortcut.mod ? 'Ctrl/Cmd' : '', shortcut.alt ? 'Alt' : '', shortcut.shift ? 'Shift' : '', shortcut.key].filter(Boolean).join('+');
}

/** A shortcut as an Electron accelerator: "Alt+Shift+T", "CmdOrCtrl+K". */
export function acceleratorOf(shortcut: Shortcut): string {
  return [shortcut.mod ? 'CmdOrCtrl' : '', shortcut.alt ? 'Alt' : '', shortcut.shift ? 'Shift' : '', shortcut.key].filter(Boolean).join('+');
}

/** The key press as the app reads it (a plain object, so it is tested without a DOM). */
export interface KeyPress {
  code: string;
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Whether a key press is this shortcut (exactly: Alt+T is not Alt+Shift+T). Letters with Ctrl/Cmd also match by `key`, for keyboard layouts that move them. */
export function matchesShortcut(shortcut: Shortcut, press: KeyPress): boolean {
  const modifier = press.ctrlKey || press.metaKey;
  if (Boolean(shortcut.mod) !== modifier || Boolean(shortcut.alt) !== press.altKey || Boolean(shortcut.shift) !== press.shiftKey) return false;
  if (press.code === shortcut.code) return true;
  return Boolean(shortcut.mod) && !shortcut.alt && press.key.toLowerCase() === shortcut.key.toLowerCase();
}

/** The action a key press runs, or null. */
export function actionOfKeyPress(press: KeyPress): WorkshopActionId | null {
  const found = workshopActionDefinitions.find((action) => action.shortcuts.some((shortcut) => matchesShortcut(shortcut, press)));
  return found ? found.id : null;
}

/** The shortcut an action shows ("Alt+T"), or undefined when it has none. */
export function shownShortcut(id: WorkshopActionId): string | undefined {
  const first = (workshopActionDefinitions as readonly WorkshopActionDefinition[]).find((action) => action.id === id)?.shortcuts[0];
  return first ? shortcutText(first) : undefined;
}
