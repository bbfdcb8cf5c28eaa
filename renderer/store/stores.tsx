import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AgreementEditorState } from './agreement-store';
import type { LibraryState } from './library-store';
import type { NavigationState } from './navigation-store';
import type { TemplatesState } from './templates-store';
import type { FileActions } from './file-actions';
import type { VersionsState } from './versions-store';
import type { CalibrationState } from './calibration-store';
import type { ReviewState } from './review-store';
import type { SessionState } from './session-store';
import type { BackupState } from './backup-store';
import type { BrandingState } from './branding-store';
import type { WorkshopCommands } from './workshop-commands';
import type { ExportOptionsState } from './export-options';

/** The app's stores, injected so tests can give each render its own database. */
export interface AppStores {
  library: StoreApi<LibraryState>;
  navigation: StoreApi<NavigationState>;
  editor: StoreApi<AgreementEditorState>;
  templates: StoreApi<TemplatesState>;
  versions: StoreApi<VersionsState>;
  files: FileActions;
  calibration: StoreApi<CalibrationState>;
  review: StoreApi<ReviewState>;
  session: StoreApi<SessionState>;
  backups: StoreApi<BackupState>;
  /** The consultant's branding (a setting of this computer, read from this database). */
  branding: StoreApi<BrandingState>;
  /** The open workshop's handler of native-menu commands (the app shell runs them, the workshop screen registers). */
  workshopCommands: WorkshopCommands;
  /** The person's export choices (print the calibration or not), kept for the session of this set of stores. */
  exportOptions: StoreApi<ExportOptionsState>;
}

const StoresContext = createContext<AppStores | null>(null);

/** Makes the stores available to every component below. */
export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('StoresProvider is missing above this component.');
  return stores;
}

/** Reads from the library store. */
export function useLibrary<T>(selector: (state: LibraryState) => T): T {
  return useStore(useStores().library, selector);
}

/** Reads from the agreement editor store. */
export function useEditor<T>(selector: (state: AgreementEditorState) => T): T {
  return useStore(useStores().editor, selector);
}

/** The editor store itself, for commands that act outside React's render (menu undo/redo). */
export function useEditorStore(): StoreApi<AgreementEditorState> {
  return useStores().editor;
}

/** The templates store itself (to load it once the first screen is up). */
export function useTemplatesStore(): StoreApi<TemplatesState> {
  return useStores().templates;
}

/** Reads from the templates store. */
export function useTemplates<T>(selector: (state: TemplatesState) => T): T {
  return useStore(useStores().templates, selector);
}

/** Reads from the versions store. */
export function useVersions<T>(selector: (state: VersionsState) => T): T {
  return useStore(useStores().versions, selector);
}

/** Actions on files the person picks (import, verify). */
export function useFileActions(): FileActions {
  return useStores().files;
}

/** Reads from the navigation store. */
export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(useStores().navigation, selector);
}

/** Reads from the calibration store. */
export function useCalibration<T>(selector: (state: CalibrationState) => T): T {
  return useStore(useStores().calibration, selector);
}

/** The calibration store itself, for its actions. */
export function useCalibrationStore(): StoreApi<CalibrationState> {
  return useStores().calibration;
}

/** Reads from the SLA review store. */
export function useReview<T>(selector: (state: ReviewState) => T): T {
  return useStore(useStores().review, selector);
}

/** The SLA review store itself, for its actions. */
export function useReviewStore(): StoreApi<ReviewState> {
  return useStores().review;
}

/** Reads from the session store (agenda and timer). */
export function useSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useStores().session, selector);
}

/** The session store itself, for commands outside React's render. */
export function useSessionStore(): StoreApi<SessionState> {
  return useStores().session;
}

/** The navigation store itself, for commands outside React's render (menu commands). */
export function useNavigationStore(): StoreApi<NavigationState> {
  return useStores().navigation;
}

/** Reads from the backups store (automatic backups, restore, library export and import). */
export function useBackups<T>(selector: (state: BackupState) => T): T {
  return useStore(useStores().backups, selector);
}

/** The backups store itself, for commands outside React's render (menu commands). */
export function useBackupStore(): StoreApi<BackupState> {
  return useStores().backups;
}

/** Reads the branding in a component; the first reader triggers the (lazy) read. */
export function useBranding<T>(selector: (state: BrandingState) => T): T {
  const branding = useStores().branding;
  useEffect(() => {
    void branding.getState().load();
  }, [branding]);
  return useStore(branding, selector);
}

/** The branding store itself, for its actions (save). */
export function useBrandingStore(): StoreApi<BrandingState> {
  return useStores().branding;
}

/** The registry of the open workshop's native-menu commands (the app shell runs, the workshop screen registers). */
export function useWorkshopCommands(): WorkshopCommands {
  return useStores().workshopCommands;
}

/** Reads the export options (a hook for the export checkbox). */
export function useExportOptions<T>(selector: (state: ExportOptionsState) => T): T {
  return useStore(useStores().exportOptions, selector);
}

/** The export options store itself, for its action (choose whether to print the calibration). */
export function useExportOptionsStore(): StoreApi<ExportOptionsState> {
  return useStores().exportOptions;
}
