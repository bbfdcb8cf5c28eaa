/**
 * Menu commands that act on the open workshop (File → Export → agreement PDF,
 * Markdown, .accord). The app shell receives them from the native menu; the
 * workshop screen, which holds what an export needs (versions, branding, the
 * calibration summary), registers itself here while it is open.
 */

/** A command for the open workshop. */
export type WorkshopCommand = 'export:pdf' | 'export:markdown' | 'export:accord';

type Handler = (command: WorkshopCommand) => void;

const handlers = new Set<Handler>();

/** Registers the open workshop's handler; returns the function that removes it. */
export function handleWorkshopCommands(handler: Handler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

/** Runs a command on the open workshop; false when no workshop is open to run it. */
export function runWorkshopCommand(command: WorkshopCommand): boolean {
  if (handlers.size === 0) return false;
  for (const handler of handlers) handler(command);
  return true;
}
