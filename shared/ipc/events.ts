/** Commands the native menu sends to the renderer (main → renderer, one way). */
export const menuCommands = ['workshop:new', 'library:show', 'view:toggle-theme', 'edit:undo', 'edit:redo', 'view:presenter', 'view:command-palette'] as const;

/** A command from the application menu. */
export type MenuCommand = (typeof menuCommands)[number];

/** Whether a value is a known menu command (checked in the preload before it reaches the page). */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return (menuCommands as readonly unknown[]).includes(value);
}

/** The channel main uses to send menu commands. */
export const MENU_COMMAND_CHANNEL = 'menu:command';
