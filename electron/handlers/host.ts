/**
 * What handlers need from the outside world. The Electron host binds it to
 * Electron's dialogs and paths; the Node host (Chromium harness, CLI, tests)
 * binds it to plain Node and scripted answers. Handlers never import Electron.
 *
 * Every port of the Host is declared here, as types only, and this module
 * imports nothing: the modules that implement or use a port (pdf/export.ts,
 * pdf/identity-store.ts, the hosts) import it from here, never the other way
 * round, so no import cycle can run through the Host.
 */

/** What the save dialog is asked. */
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

/** Paper sizes the PDF comes in. */
export type Paper = 'A4' | 'Letter';

/** Chromium's print-to-PDF, as the Host provides it (Electron's printToPDF, or Playwright's page.pdf). */
export type PrintToPdf = (html: string, options: { paper: Paper; headerTemplate: string; footerTemplate: string }) => Promise<Uint8Array>;

/** How secrets are kept at rest; Electron binds this to safeStorage (the OS keychain). */
export interface SecretProtector {
  /** True when the OS encrypts the secret (Electron safeStorage); false in the Node shell. */
  encrypted: boolean;
  protect(secret: string): Buffer;
  unprotect(data: Buffer): string;
}

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
