import { addRecentFile, loadRecentFiles, MAX_RECENT_FILES, saveRecentFiles } from './open-files';

/** What the recent-files list needs from the app; injected, so it is tested without Electron. */
export interface RecentFilesOptions {
  /** Where the list is kept (`<userData>/recent-files.json`). */
  storePath(): string;
  /** Resolves once the app is ready (the OS's recent documents and the menu exist only then). */
  whenReady(): Promise<void>;
  /** The OS's own list (the Dock, the jump list); a no-op where there is none. */
  os: { add(path: string): void; clear(): void };
  /** The list changed: the menu's Open Recent is rebuilt. */
  changed(): void;
  max?: number;
}

/**
 * The recent `.accord` files for File → Open Recent, newest first, kept in
 * the app's data folder. Files opened before the stored list was read (the
 * one that launched the app) stay newest when it is.
 */
export class RecentFiles {
  #files: string[] = [];
  #loading: Promise<void> | null = null;
  readonly #options: RecentFilesOptions;

  constructor(options: RecentFilesOptions) {
    this.#options = options;
  }

  /** Newest first. */
  get files(): readonly string[] {
    return this.#files;
  }

  /** Reads the stored list; files remembered before it was read stay first. */
  load(): Promise<void> {
    this.#loading = (async () => {
      const stored = await loadRecentFiles(this.#options.storePath());
      const max = this.#options.max ?? MAX_RECENT_FILES;
      this.#files = [...this.#files].reverse().reduce((list, path) => addRecentFile(list, path, max), stored.slice(0, max));
    })();
    return this.#loading;
  }

  /** Adds a file (ours for the menu, the OS's for the Dock and jump list), or clears the list with null; then saves it (a failed save loses only the list). */
  async remember(path: string | null): Promise<void> {
    await this.#options.whenReady();
    // While the stored list is being read, wait for it: saving before would write over the entries not read yet.
    await this.#loading?.catch(() => undefined);
    if (path === null) {
      this.#files = [];
      this.#options.os.clear();
    } else {
      this.#files = addRecentFile(this.#files, path, this.#options.max ?? MAX_RECENT_FILES);
      this.#options.os.add(path);
    }
    this.#options.changed();
    await saveRecentFiles(this.#options.storePath(), this.#files).catch(() => undefined);
  }
}
