/**
 * Native-menu commands that act on the open workshop. The app shell receives
 * them from the application menu; the workshop screen, which holds what each
 * action needs (versions, branding, the calibration summary, its dialogs),
 * registers itself here while it is open and runs the action of the same id
 * as its ⋯ menu, palette and shortcuts (shared/model/workshop-actions.ts).
 */
import type { WorkshopActionId } from '../../shared/model/workshop-actions';

type Handler = (action: WorkshopActionId) => void;

const handlers = new Set<Handler>();

/** Registers the open workshop's handler; returns the function that removes it. */
export function handleWorkshopCommands(handler: Handler): () => void {
  handlers.add(handler);
  return () => {
    handlers.delete(handler);
  };
}

/** Runs an action on the open workshop; false when no workshop is open to run it. */
export function runWorkshopCommand(action: WorkshopActionId): boolean {
  if (handlers.size === 0) return false;
  for (const handler of handlers) handler(action);
  return true;
}
