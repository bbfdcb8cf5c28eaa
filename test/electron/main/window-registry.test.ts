import { describe, expect, it } from 'vitest';
import { WindowRegistry } from '../../../electron/main/window-registry';

const fakeWindow = () => ({ webContents: {}, destroyed: false, isDestroyed() { return this.destroyed; } });

describe('window registry', () => {
  it('knows the main window and whether its page loaded; a replaced window loading late counts for nothing', () => {
    const windows = new WindowRegistry<ReturnType<typeof fakeWindow>>();
    const first = fakeWindow();
    const second = fakeWindow();
    windows.setMain(first);
    expect(windows.mainLoaded).toBe(false);
    windows.setMain(second);
    expect(windows.pageLoaded(first)).toBe(false);
    expect(windows.mainLoaded).toBe(false);
    expect(windows.pageLoaded(second)).toBe(true);
    expect(windows.mainLoaded).toBe(true);
    expect(windows.closed(first)).toBeNull();
    expect(windows.main).toBe(second);
    expect(windows.closed(second)).toBe('main');
    expect(windows.main).toBeNull();
    expect(windows.mainLoaded).toBe(false);
  });

  it('tells the main window from the presenter for the contract, and forgets a closed or destroyed presenter', () => {
    const windows = new WindowRegistry<ReturnType<typeof fakeWindow>>();
    const main = fakeWindow();
    const presenter = fakeWindow();
    expect(windows.windowOf(main.webContents)).toBe('presenter');
    windows.setMain(main);
    windows.setPresenter(presenter);
    expect(windows.windowOf(main.webContents)).toBe('main');
    expect(windows.windowOf(presenter.webContents)).toBe('presenter');
    expect(windows.presenter).toBe(presenter);
    presenter.destroyed = true;
    expect(windows.presenter).toBeNull();
    presenter.destroyed = false;
    expect(windows.closed(presenter)).toBeNull();
    expect(windows.presenter).toBeNull();
  });
});
