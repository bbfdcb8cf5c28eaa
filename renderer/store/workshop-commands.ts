/**
 * Native-menu commands that act on the open workshop. The app shell receives
 * them from the application menu; the workshop screen, which holds what each
 * action needs (versions, branding, the calibration summary, its dialogs),
 * registers itself here while it is open and runs the action of the same id
 * as its ⋯ menu, palette and shortcuts (shared/model/workshop-actions.ts).
 *
 * One registry per set of app stores (createAppStores makes it), never a module's: two renders in one page (tests,
 * a second window's app) each send a menu command only to their own open workshop.
 */
import type { WorkshopActionId } from '../../shared/model/workshop-actions';

type Handler = (action: WorkshopActionId) => void;

/** The open workshop's command handler, as the app shell sees it. */
export interface WorkshopCommands {
  /** Registers the open workshop's handler; returns the function that removes it. */
  handle(handler: Handler): () => void;
  /** Runs an action on the open workshop; false when no workshop is open to run it. */
  run(action: WorkshopActionId): boolean;
}

/** A registry with no workshop open. */
export function createWorkshopCommands(): WorkshopCommands {
  const handlers = new Set<Handler>();
  return {
    handle(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    run(action) {
      if (handlers.size === 0) return false;
      for (const handler of handlers) handler(action);
      return true;
    },
  };
}
