import { describe, expect, it } from 'vitest';
import { FileDelivery } from '../../../electron/main/file-delivery';

function setup() {
  const state = { window: false, loaded: false };
  const sent: string[] = [];
  let opened = 0;
  const delivery = new FileDelivery({
    pageLoaded: () => state.loaded,
    hasWindow: () => state.window,
    send: (file) => sent.push(file.name),
    openWindow: () => (opened += 1),
  });
  return { delivery, state, sent, opened: () => opened };
}

const file = (name: string) => ({ name, content: '{}' });

describe('opened files on their way to the page', () => {
  it('keeps files opened before the start for the first window, and never opens a second one for them', () => {
    const { delivery, state, sent, opened } = setup();
    delivery.deliver(file('Launch.accord'));
    expect(opened()).toBe(0);
    state.window = true;
    delivery.started();
    delivery.deliver(file('Second.accord')); // the window exists, its page has not loaded
    expect(sent).toEqual([]);
    state.loaded = true;
    expect(delivery.takePending().map((entry) => entry.name)).toEqual(['Launch.accord', 'Second.accord']);
    expect(delivery.takePending()).toEqual([]);
    delivery.deliver(file('Third.accord'));
    expect(sent).toEqual(['Third.accord']);
    expect(opened()).toBe(0);
  });

  it('opens a window for a file opened after the start when there is none (macOS runs without one), and the file waits for its page', () => {
    const { delivery, sent, opened } = setup();
    delivery.started();
    delivery.deliver(file('Dock.accord'));
    expect(opened()).toBe(1);
    expect(sent).toEqual([]);
    expect(delivery.takePending().map((entry) => entry.name)).toEqual(['Dock.accord']);
  });
});
