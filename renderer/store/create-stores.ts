import type { AccordDatabase } from '../db/database';
import { lazyAgreementRepository, type AgreementRepositoryApi } from '../db/lazy-agreement-repository';
import { WorkshopRepository } from '../db/workshop-repository';
import { createAgreementStore } from './agreement-store';
import { createLibraryStore } from './library-store';
import { createNavigationStore, type NavigationState } from './navigation-store';
import type { AppStores } from './stores';
import { createTemplatesStore } from './templates-store';
import { createVersionsStore } from './versions-store';
import { createFileActions } from './file-actions';
import { createCalibrationStore } from './calibration-store';
import { createReviewStore } from './review-store';
import { createBrandingStore } from './branding-store';
import { createWorkshopCommands } from './workshop-commands';
import { createExportOptionsStore } from './export-options';
import { createSessionStore } from './session-store';
import { createBackupStore, type BackupPlatform, type LibraryNotice } from './backup-store';
import type { StoreApi } from 'zustand/vanilla';

/** Wires every store to the database; clock, ids and timing are injectable for tests. */
export function createAppStores(
  db: AccordDatabase,
  options: { navigation?: StoreApi<NavigationState>; now?: () => number; newId?: () => string; saveDelayMs?: number; sessionClock?: () => number; editorClock?: () => number; backupPlatform?: BackupPlatform; afterLibraryReplaced?: (notice: LibraryNotice) => void } = {},
): AppStores & { workshops: WorkshopRepository; agreements: AgreementRepositoryApi } {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const workshops = new WorkshopRepository(db, now, newId);
  const agreements = lazyAgreementRepository(db, now, newId);
  const library = createLibraryStore(workshops);
  // Undo coalescing is about typing speed: the app gives the editor the real clock; a test gives it one it moves by
  // hand, so "typing a word is one step" does not depend on how fast a loaded machine renders each keystroke.
  const editor = createAgreementStore(agreements, { saveDelayMs: options.saveDelayMs, now: options.editorClock ?? (() => Date.now()), onSaved: (id) => void library.getState().refresh(id) });
  // Branding is a setting of this computer: one store per set of stores (never a module's, so a second set over another
  // database never resets this one), read from this database lazily (after the first screen).
  const branding = createBrandingStore(() => import('../db/settings-repository').then(({ SettingsRepository }) => new SettingsRepository(db)));
  const versions = createVersionsStore(db, { now, beforeSigning: () => editor.getState().flush().then(() => undefined), onChanged: (id) => void library.getState().refresh(id), consultantName: () => branding.getState().branding?.name ?? '' });
  return {
    library,
    editor,
    versions,
    files: createFileActions(db, library),
    calibration: createCalibrationStore(db),
    review: createReviewStore(db),
    session: createSessionStore(db, options.sessionClock ?? now),
    templates: createTemplatesStore(agreements),
    // Pending edits are saved before every snapshot, so a backup or export holds the last keystroke.
    backups: createBackupStore(db, { now, platform: options.backupPlatform, afterReplace: options.afterLibraryReplaced, beforeSnapshot: () => editor.getState().flush().then(() => undefined) }),
    navigation: options.navigation ?? createNavigationStore(),
    branding,
    workshopCommands: createWorkshopCommands(),
    exportOptions: createExportOptionsStore(),
    workshops,
    agreements,
  };
}
