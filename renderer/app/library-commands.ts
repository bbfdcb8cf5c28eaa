import type { StoreApi } from 'zustand/vanilla';
import { notify } from '../components/notify';
import type { BackupState } from '../store/backup-store';
import type { Route } from '../store/navigation-store';

/** The menu's library-wide commands: File → Backups…, File → Import Library…, File → Export → Library…. */
export type LibraryCommand = 'library:backups' | 'library:import' | 'library:export';

/**
 * Runs a library-wide menu command. Backups and the export and import of the
 * whole library live on the Backups screen (`#/backups`), so all three open
 * it; its buttons do the rest (export and import each need the person to
 * choose, and a restore asks for confirmation). To make Import Library… or
 * Export → Library… start the action directly, handle the command here.
 */
export function runLibraryCommand(command: LibraryCommand, context: { navigate: (route: Route) => void; backups?: StoreApi<BackupState> }): void {
  context.navigate({ screen: 'backups' });
  // Import: the screen puts the focus on "Import library…" and opens the picker where the browser allows it without a click.
  if (command === 'library:import') context.backups?.getState().requestImport();
  // Export: main asks where to save, so it can start at once.
  if (command === 'library:export' && context.backups) {
    context.backups
      .getState()
      .exportLibrary()
      .then(
        (exported) => exported.path !== null && notify({ title: 'Library exported', message: `Saved to ${exported.path}.` }),
        (error: unknown) => notify({ tone: 'error', title: 'The library was not exported', message: error instanceof Error ? error.message : String(error) }),
      );
  }
}
