import type { OpenAccordFile } from '../../shared/ipc/contract';

/** Where opened files go; injected, so the rules are tested without Electron. */
export interface FileDeliveryTarget {
  /** Whether the main window's page has loaded (its preload listens). */
  pageLoaded(): boolean;
  /** Whether there is a main window at all. */
  hasWindow(): boolean;
  /** Hands a file to the loaded page (and brings its window forward). */
  send(file: OpenAccordFile): void;
  /** Opens the main window (macOS keeps running without one). */
  openWindow(): void;
}

/**
 * `.accord` files opened outside the page (double-click, Open…, Open Recent,
 * an argument) on their way to the page: sent at once to a loaded page, else
 * kept until the main window's page has loaded (the file that launched the
 * app arrives before any window). Before the first window is made (`started`)
 * a file only waits: the start makes that window, never a second one.
 */
export class FileDelivery {
  readonly #pending: OpenAccordFile[] = [];
  #started = false;
  readonly #target: FileDeliveryTarget;

  constructor(target: FileDeliveryTarget) {
    this.#target = target;
  }

  /** The first window has been made: from now on a file opened without a window opens one. */
  started(): void {
    this.#started = true;
  }

  /** Sends the file now, or keeps it for the page (opening a window when there is none after the start). */
  deliver(file: OpenAccordFile): void {
    if (this.#target.hasWindow() && this.#target.pageLoaded()) {
      this.#target.send(file);
      return;
    }
    this.#pending.push(file);
    if (!this.#target.hasWindow() && this.#started) this.#target.openWindow();
  }

  /** The main window's page loaded: the files that waited for it, in the order they were opened (each handed over once). */
  takePending(): OpenAccordFile[] {
    return this.#pending.splice(0);
  }
}
