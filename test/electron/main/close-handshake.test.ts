import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, CloseHandshake, type ClosableWindow } from '../../../electron/main/close-handshake';

/** A window as Electron's: 'close' listeners may prevent the close; close() emits 'close' again. */
class FakeWindow implements ClosableWindow {
  readonly listeners: ((event: { preventDefault(): void }) => void)[] = [];
  closedCount = 0;
  destroyed = false;
  on(_event: 'close', listener: (event: { preventDefault(): void }) => void): void {
    this.listeners.push(listener);
  }
  /** The person (or the app) asks the window to close; resolves whether it closed. */
  close(): void {
    let prevented = false;
    for (const listener of this.listeners) listener({ preventDefault: () => (prevented = true) });
    if (!prevented) this.closedCount += 1;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function setup(options: { loaded?: boolean } = {}) {
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const asked: string[] = [];
  let quits = 0;
  let loaded = options.loaded ?? true;
  const handshake = new CloseHandshake<FakeWindow>({
    pageLoaded: () => loaded,
    askPage: (_window, command) => asked.push(command),
    quitApp: () => (quits += 1),
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const window = new FakeWindow();
  handshake.guard(window);
  return { handshake, window, timers, asked, quits: () => quits, setLoaded: (value: boolean) => (loaded = value) };
}

describe('close handshake', () => {
  it('holds the close, asks the page once to save and back up, and closes when the page answers', () => {
    const { handshake, window, timers, asked, quits } = setup();
    window.close();
    expect(window.closedCount).toBe(0);
    expect(asked).toEqual(['app:before-close']);
    expect(handshake.waiting).toBe(true);
    // Clicking close again while the page saves neither closes nor asks a second time.
    window.close();
    expect(asked).toHaveLength(1);
    expect(timers).toHaveLength(1);

    handshake.ready();
    expect(window.closedCount).toBe(1);
    expect(handshake.waiting).toBe(false);
    expect(timers[0]!.cleared).toBe(true);
    expect(quits()).toBe(0);
    // A late answer changes nothing.
    handshake.ready();
    expect(window.closedCount).toBe(1);
  });

  it('closes after the wait when the page never answers (a hung page never keeps the app open)', () => {
    const { window, timers } = setup();
    window.close();
    expect(timers[0]!.ms).toBe(CLOSE_WAIT_MS);
    expect(CLOSE_WAIT_MS).toBe(5000);
    timers[0]!.callback();
    expect(window.closedCount).toBe(1);
  });

  it('quits the app instead of closing only the window when the app is quitting', () => {
    const { handshake, window, quits } = setup();
    handshake.quitting();
    window.close();
    expect(quits()).toBe(0);
    handshake.ready();
    expect(quits()).toBe(1);
    expect(window.closedCount).toBe(0);
  });

  it('closes at once a window whose page never loaded (nothing to save), and does not close a destroyed one again', () => {
    const first = setup({ loaded: false });
    first.window.close();
    expect(first.window.closedCount).toBe(1);
    expect(first.asked).toEqual([]);

    const second = setup();
    second.window.close();
    second.window.destroyed = true;
    second.handshake.ready();
    expect(second.window.closedCount).toBe(0);
  });
});
