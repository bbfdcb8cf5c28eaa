/**
 * What handlers need from the outside world. The Electron host binds it to
 * Electron's dialogs and paths; the Node host (Chromium harness, CLI, tests)
 * binds it to plain Node and scripted answers. Handlers never import Electron.
 */
export interface SaveDialogRequest {
  title: string;
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/**
 * Where the person chose to save. `replace`: they confirmed replacing a file
 * of that name (the native dialog asks); otherwise nothing may be overwritten:
 * the file is created exclusively, under the next free name "name (2).ext" if
 * the name is taken, even by a save running at the same moment.
 */
export interface SaveTarget {
  path: string;
  replace: boolean;
}

import type { PrintToPdf } from '../pdf/export';
import type { SecretProtector } from '../pdf/identity-store';

/** The outside world as handlers see it. */
export interface Host {
  readonly shell: 'electron' | 'chromium';
  readonly appName: string;
  readonly appVersion: string;
  readonly platform: string;
  /** Folder the app owns (settings, backups, keys). */
  readonly userDataDir: string;
  /** Current time; injected so tests are deterministic. */
  now(): Date;
  /** Asks the person where to save; resolves with an absolute path (and whether replacing it was confirmed), or null when they cancel. */
  showSaveDialog(request: SaveDialogRequest): Promise<SaveTarget | null>;
  /** Chromium's print-to-PDF (Electron printToPDF, or Playwright page.pdf). */
  printToPdf: PrintToPdf;
  /** The bundled document font as a data URL, so printing needs no network. */
  fontDataUrl(): Promise<string | undefined>;
  /** Opens the presenter view of a workshop: a second window (on the second display when there is one), or a second page. */
  openPresenter(workshopId: string): Promise<'second-display' | 'this-display' | 'page'>;
  /** Follows the colour theme the person chose in the app (native dialogs, title bar, the menu's radio items); a no-op where there is no native UI. */
  setTheme(theme: 'system' | 'light' | 'dark'): void;
  /** The page is ready for its window to close (its quit backup is written). */
  closeReady(): void;
  /** Shows a file in the system's file manager; absent where there is none (the Chromium shell, the command line). */
  showInFolder?(path: string): void;
  /** How the sealing key's passphrase is kept at rest (the OS keychain where there is one). */
  secrets: SecretProtector;
}
