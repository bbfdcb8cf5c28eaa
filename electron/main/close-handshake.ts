import type { MenuCommand } from '../../shared/ipc/contract';

/** Longest the window waits for the page's last save and quit backup before it closes anyway. */
export const CLOSE_WAIT_MS = 5000;

/** What the handshake needs of a window (Electron's BrowserWindow, or a fake in tests). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): void;
  close(): void;
  isDestroyed(): boolean;
}

/** What the handshake needs from the app; injected, so it is tested without Electron and without waiting. */
export interface CloseHandshakeOptions<W> {
  /** Whether the window's page has loaded (a page that never loaded has nothing to save: the window closes at once). */
  pageLoaded(window: W): boolean;
  /** Asks the page to save and write the quit backup (the `app:before-close` menu command). */
  askPage(window: W, command: Extract<MenuCommand, 'app:before-close'>): void;
  /** Quits the app (after Cmd+Q or Quit, the window's close is the app's). */
  quitApp(): void;
  waitMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Closing the main window first asks the page to save and write the quit
 * backup (`app:before-close`), and closes once it answers (`window:close-ready`,
 * `ready()`) or after CLOSE_WAIT_MS: a hung page never keeps the app open.
 * When the app is quitting, the window's close quits the app rather than
 * leaving it running without a window.
 */
export class CloseHandshake<W extends ClosableWindow> {
  #quitting = false;
  #waiting: (() => void) | null = null;
  readonly #options: CloseHandshakeOptions<W>;

  constructor(options: CloseHandshakeOptions<W>) {
    this.#options = options;
  }

  /** The app is quitting (Cmd+Q, menu Quit): a window closed after its quit backup quits the app, not just itself. */
  quitting(): void {
    this.#quitting = true;
  }

  /** Whether the page has been asked and main waits for its answer. */
  get waiting(): boolean {
    return this.#waiting !== null;
  }

  /** The page answered (`window:close-ready`): the window closes now. */
  ready(): void {
    this.#waiting?.();
  }

  /** Makes closing `window` wait for its page. */
  guard(window: W): void {
    const { pageLoaded, askPage, quitApp, waitMs = CLOSE_WAIT_MS, setTimer = setTimeout, clearTimer = (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>) } = this.#options;
    let allowed = false;
    window.on('close', (event) => {
      if (allowed || !pageLoaded(window)) return;
      event.preventDefault();
      if (this.#waiting) return; // already asked; the answer or the timeout closes it
      const close = () => {
        if (allowed) return;
        allowed = true;
        this.#waiting = null;
        clearTimer(timer);
        if (this.#quitting) quitApp();
        else if (!window.isDestroyed()) window.close();
      };
      const timer = setTimer(close, waitMs);
      this.#waiting = close;
      askPage(window, 'app:before-close');
    });
  }
}
