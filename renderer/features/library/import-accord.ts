import { notify } from '../../components/notify';
import type { FileActions } from '../../store/file-actions';
import type { Route } from '../../store/navigation-store';

/**
 * The one import path for an `.accord` file, whoever brings it: the library's
 * Import… button, a double-click on the file, File → Open… or Open Recent.
 * Validated fully before anything is written; on success the new workshop
 * opens, on failure nothing changes and the message says why. A file whose
 * signed versions are not all sealed and valid opens as a draft with a
 * warning that stays until dismissed.
 */
export function importAccordFile(files: FileActions, navigate: (route: Route) => void, file: File): Promise<void> {
  return files.importAccord(file).then(
    ({ workshopId, warning }) => {
      // A file whose signed versions were not taken as signed says so until dismissed: it must not pass for signed.
      notify(warning ? { tone: 'warning', title: `${file.name}: ${warning.title}`, message: warning.message } : { message: `Imported ${file.name}.` });
      navigate({ screen: 'workshop', workshopId });
    },
    (failure: unknown) => notify({ tone: 'error', title: 'Not imported', message: failure instanceof Error ? failure.message : String(failure) }),
  );
}
