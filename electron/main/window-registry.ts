import type { IpcWindow } from '../../shared/ipc/contract';

/** What the registry needs of a window (Electron's BrowserWindow, or a fake in tests). */
export interface RegisteredWindow {
  readonly webContents: unknown;
  isDestroyed(): boolean;
}

/**
 * The app's windows: the main window (and whether its page, so its preload,
 * has loaded) and the presenter window. One instance, made where main starts;
 * Electron-free so its rules are tested without Electron.
 */
export class WindowRegistry<W extends RegisteredWindow> {
  #main: W | null = null;
  #mainLoaded = false;
  #presenter: W | null = null;

  /** The main window, or null before it is made and after it closed. */
  get main(): W | null {
    return this.#main;
  }

  /** Whether the main window's page has loaded: events sent before that would be lost, so they wait. */
  get mainLoaded(): boolean {
    return this.#main !== null && this.#mainLoaded;
  }

  /** A new main window: its page has not loaded yet. */
  setMain(window: W): void {
    this.#main = window;
    this.#mainLoaded = false;
  }

  /** A window's page finished loading; true when it is the main window (an older one's late load counts for nothing). */
  pageLoaded(window: W): boolean {
    if (this.#main !== window) return false;
    this.#mainLoaded = true;
    return true;
  }

  /** The presenter window while it is open. */
  get presenter(): W | null {
    return this.#presenter && !this.#presenter.isDestroyed() ? this.#presenter : null;
  }

  /** A new presenter window (there is at most one). */
  setPresenter(window: W): void {
    this.#presenter = window;
  }

  /** A window closed: it is forgotten. Returns 'main' when it was the main window (the presenter follows it), else null. */
  closed(window: W): 'main' | null {
    if (this.#presenter === window) this.#presenter = null;
    if (this.#main !== window) return null;
    this.#main = null;
    this.#mainLoaded = false;
    return 'main';
  }

  /** Which window a request came from, for the contract's `presenter` rule: any window of ours other than the main one is the read-only presenter. */
  windowOf(sender: unknown): IpcWindow {
    return this.#main !== null && this.#main.webContents === sender ? 'main' : 'presenter';
  }
}
