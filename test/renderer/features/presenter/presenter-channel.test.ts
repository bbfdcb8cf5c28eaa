// The presenter window's link to the facilitator's window (a BroadcastChannel on the
// app's origin): what one window posts, the other receives as a copy; anything on the
// channel that is not a presenter message is dropped before a listener sees it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPresenterLink, PRESENTER_CHANNEL, type PresenterLink, type PresenterMessage } from '../../../../renderer/features/presenter/presenter-channel';

const opened: { close(): void }[] = [];
function link(): PresenterLink {
  const made = openPresenterLink();
  expect(made, 'BroadcastChannel is available in this environment').not.toBe(null);
  opened.push(made!);
  return made!;
}
afterEach(() => {
  opened.splice(0).forEach((entry) => entry.close());
  vi.unstubAllGlobals();
});

/** The next `count` messages a link receives. */
function nextMessages(target: PresenterLink, count: number): Promise<PresenterMessage[]> {
  return new Promise((resolve) => {
    const received: PresenterMessage[] = [];
    const stop = target.subscribe((message) => {
      received.push(message);
      if (received.length === count) {
        stop();
        resolve(received);
      }
    });
  });
}

describe('the presenter link', () => {
  it('carries hello, state and closed from one window to the other, as copies', async () => {
    const facilitator = link();
    const presenter = link();
    const arriving = nextMessages(facilitator, 1);
    presenter.post({ type: 'hello', workshopId: 'w1' });
    expect(await arriving).toEqual([{ type: 'hello', workshopId: 'w1' }]);

    const snapshot = { workshopId: 'w1', section: 'icp', view: 'section', agenda: [], sequence: 7, focusedItem: 'icp:industry', branding: null } as unknown as Extract<PresenterMessage, { type: 'state' }>['snapshot'];
    const sent: PresenterMessage = { type: 'state', snapshot };
    const states = nextMessages(presenter, 2);
    facilitator.post(sent);
    facilitator.post({ type: 'closed', workshopId: 'w1' });
    const [state, closed] = await states;
    expect(state).toEqual(sent);
    expect(state).not.toBe(sent);
    expect(closed).toEqual({ type: 'closed', workshopId: 'w1' });
  });

  it('drops what is not a presenter message: null, text, an object without a type', async () => {
    const presenter = link();
    const other = new BroadcastChannel(PRESENTER_CHANNEL);
    opened.push(other);
    const arriving = nextMessages(presenter, 1);
    other.postMessage(null);
    other.postMessage('state');
    other.postMessage({ workshopId: 'w1' });
    other.postMessage({ type: 42 });
    // One sender's messages arrive in order: when this one arrives, the four before it were seen (and dropped).
    other.postMessage({ type: 'hello', workshopId: 'w2' });
    expect(await arriving).toEqual([{ type: 'hello', workshopId: 'w2' }]);
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const facilitator = link();
    const presenter = link();
    const heard: PresenterMessage[] = [];
    const stop = presenter.subscribe((message) => heard.push(message));
    const first = nextMessages(presenter, 1);
    facilitator.post({ type: 'hello', workshopId: 'first' });
    await first;
    stop();
    const second = nextMessages(presenter, 1);
    facilitator.post({ type: 'hello', workshopId: 'second' });
    await second;
    expect(heard).toEqual([{ type: 'hello', workshopId: 'first' }]);
  });

  it('is null where there is no BroadcastChannel, so the screen can say the presenter cannot follow', () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    expect(openPresenterLink()).toBe(null);
  });
});
