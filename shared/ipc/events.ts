import { workshopMenuCommands } from '../model/workshop-actions';
import { MAX_ACCORD_FILE_BYTES } from '../model/limits';

/** Commands the native menu sends to the renderer (main → renderer, one way); the Workshop menu's come from shared/model/workshop-actions.ts. */
export const menuCommands = [
  'workshop:new',
  'library:show',
  'library:import',
  'library:export',
  'library:backups',
  'export:pdf',
  'export:markdown',
  'export:accord',
  'view:theme-system',
  'view:theme-light',
  'view:theme-dark',
  'edit:undo',
  'edit:redo',
  'view:presenter',
  'view:command-palette',
  'help:verify',
  'help:shortcuts',
  'app:settings',
  // Not from the menu: main asks the page to save and back up before the window closes (answered by app:close-ready).
  'app:before-close',
  ...workshopMenuCommands,
] as const;

/** A command from the application menu. */
export type MenuCommand = (typeof menuCommands)[number];

/** Whether a value is a known menu command (checked in the preload before it reaches the page). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}

/** The channel main uses to send menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';

/** The channel main uses to hand the renderer an `.accord` file the person opened (double-click, Open…, Open Recent, argument). */
export const OPEN_FILE_CHANNEL = 'file:open-accord';

/** Largest `.accord` file main reads and the renderer accepts (the limit lives in shared/model/limits.ts). */
export { MAX_ACCORD_FILE_BYTES };

/** An `.accord` file opened outside the page: its bare file name and its text, imported like the library's Import button. */
export interface OpenAccordFile {
  name: string;
  content: string;
}

/** Whether a value is a well-formed open-file event (checked in the preload before it reaches the page). */
export function isOpenAccordFile(value: unknown): value is OpenAccordFile {
  if (typeof value !== 'object' || value === null) return false;
  const { name, content } = value as Record<string, unknown>;
  return typeof name === 'string' && name.length > 0 && name.length <= 260 && !/[/\\]/u.test(name) && typeof content === 'string' && content.length <= MAX_ACCORD_FILE_BYTES;
}

/**
 * Holds events that arrive before anyone listens (an `.accord` file that
 * launched the app arrives before the page has subscribed), then hands them
 * to the first listener. At most `capacity` are kept while nobody listens
 * (more are dropped); once someone listens, each event goes to every current
 * listener as it comes.
 */
export function createEventBuffer<T>(capacity = 16): { push(value: T): void; subscribe(listener: (value: T) => void): () => void } {
  const waiting: T[] = [];
  const listeners = new Set<(value: T) => void>();
  return {
    push(value) {
      if (listeners.size === 0) {
        if (waiting.length < capacity) waiting.push(value);
        return;
      }
      for (const listener of listeners) listener(value);
    },
    subscribe(listener) {
      listeners.add(listener);
      for (const value of waiting.splice(0)) listener(value);
      return () => listeners.delete(listener);
    },
  };
}
