import { MantineProvider } from '@mantine/core';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockProvider, type UiClock } from '../../../../renderer/components/clock';
import { AgendaDrawer } from '../../../../renderer/features/session/AgendaDrawer';
import { SessionBar } from '../../../../renderer/features/session/SessionBar';
import { createAppStores } from '../../../../renderer/store/create-stores';
import { StoresProvider } from '../../../../renderer/store/stores';
import { freshDatabase } from '../../support/render-app';

/** A clock moved by hand: no real waiting. */
function manualClock(start: number): UiClock & { advance(ms: number): void } {
  let now = start;
  const ticks = new Set<() => void>();
  return {
    now: () => now,
    every(_ms, tick) {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
    advance(ms) {
      act(() => {
        now += ms;
        for (const tick of ticks) tick();
      });
    },
  };
}

const minute = 60_000;
const t0 = Date.parse('2026-11-25T09:00:00');

async function renderSession(db = freshDatabase()) {
  const clock = manualClock(t0);
  const stores = createAppStores(db, { sessionClock: clock.now });
  await stores.session.getState().load('w1');
  const onNext = vi.fn(() => stores.session.getState().next());
  const user = userEvent.setup();
  const view = render(
    <MantineProvider env="test">
      <StoresProvider stores={stores}>
        <ClockProvider clock={clock}>
          <SessionBar onOpenAgenda={() => {}} onToggle={() => stores.session.getState().toggle()} onNext={onNext} />
          <AgendaDrawer opened onClose={() => {}} onDiscuss={() => {}} />
        </ClockProvider>
      </StoresProvider>
    </MantineProvider>,
  );
  return { ...view, clock, stores, user, db };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session timer', () => {
  it('counts down the current time box, warns, says when time is up, pauses and moves on', async () => {
    const { clock, user } = await renderSession();
    const bar = screen.getByTestId('session-bar');
    expect(within(bar).getByText('Workshop and people')).toBeTruthy();
    expect(screen.getByTestId('countdown').textContent).toBe('10:00');
    expect(screen.queryByTestId('projected-end')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Start the timer' }));
    clock.advance(61_000);
    expect(screen.getByTestId('countdown').textContent).toBe('8:59');
    expect(bar.dataset.tone).toBe('on-time');
    expect(screen.getByTestId('projected-end').textContent).toBe('Ends 12:00');

    clock.advance(7 * minute);
    expect(bar.dataset.tone).toBe('ending');
    expect(screen.getByTestId('time-up').textContent).toBe('');

    clock.advance(2 * minute + 4_000);
    expect(screen.getByTestId('countdown').textContent).toBe('−0:05');
    expect(bar.dataset.tone).toBe('overrun');
    expect(screen.getByTestId('time-up').textContent).toBe('Time is up for “Workshop and people”.');
    expect(screen.getByTestId('projected-end').textContent).toBe('Ends 12:00');

    clock.advance(4 * minute);
    expect(screen.getByTestId('projected-end').textContent).toBe('Ends 12:04 (+4 min)');

    await user.click(screen.getByRole('button', { name: 'Pause the timer' }));
    const paused = screen.getByTestId('countdown').textContent;
    clock.advance(30 * minute);
    expect(screen.getByTestId('countdown').textContent).toBe(paused);
    expect(screen.getByTestId('time-up').textContent).toBe('');

    await user.click(screen.getByRole('button', { name: 'Next part of the agenda' }));
    expect(within(bar).getByText('Revenue plan and funnel')).toBeTruthy();
    expect(screen.getByTestId('countdown').textContent).toBe('25:00');
  });

  it('plays the soft chime once when a box runs out, only when sound is on', async () => {
    const started: number[] = [];
    class FakeAudio {
      currentTime = 0;
      destination = {};
      constructor() {
        started.push(Date.now());
      }
      createOscillator() {
        return { type: '', frequency: { value: 0 }, connect: (node: unknown) => node, start() {}, stop() {} };
      }
      createGain() {
        return { gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (node: unknown) => node };
      }
      close() {
        return Promise.resolve();
      }
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    const { clock, user } = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Start the timer' }));
    clock.advance(11 * minute);
    expect(started).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Next part of the agenda' }));
    await user.click(screen.getByRole('switch', { name: 'Play a soft chime when a time box runs out' }));
    clock.advance(24 * minute);
    expect(started).toHaveLength(0);
    clock.advance(2 * minute);
    expect(started).toHaveLength(1);
    clock.advance(5 * minute);
    expect(started).toHaveLength(1);
  });
});

describe('agenda', () => {
  it('edits time boxes in whole minutes, refuses anything else, reorders and skips, and keeps it all', async () => {
    const db = freshDatabase();
    const { user, stores, unmount } = await renderSession(db);
    expect(screen.getByTestId('agenda-summary').textContent).toContain('3 h 00 min planned');

    const box = screen.getByRole('textbox', { name: 'Time box of Workshop and people, minutes' });
    await user.clear(box);
    await user.type(box, '0');
    expect(await screen.findByText('The time box of “Workshop and people” must be a whole number of minutes from 1 to 600.')).toBeTruthy();
    expect(stores.session.getState().agenda[0]!.minutes).toBe(10);
    await user.clear(box);
    await user.type(box, '15');
    expect(stores.session.getState().agenda[0]!.minutes).toBe(15);
    expect(screen.queryByText(/must be a whole number/)).toBeNull();
    expect(screen.getByTestId('agenda-summary').textContent).toContain('3 h 05 min planned');

    const rows = () => within(screen.getByRole('list', { name: 'Agenda' })).getAllByRole('listitem');
    await user.click(screen.getByRole('button', { name: 'Move Decision makers earlier' }));
    expect(within(rows()[3]!).getByText('Decision makers')).toBeTruthy();
    expect(within(rows()[4]!).getByText('Ideal customer profile')).toBeTruthy();

    await user.click(within(rows()[1]!).getByRole('switch', { name: 'Skip in this session' }));
    expect(within(rows()[1]!).getByText('Skipped in this session')).toBeTruthy();
    expect(screen.getByTestId('agenda-summary').textContent).toContain('2 h 40 min planned');

    // Everything is in the database: a new store over the same database finds the same agenda.
    await vi.waitFor(async () => expect((await db.sessions.get('w1'))?.agenda[1]).toMatchObject({ sectionId: 'revenue', skipped: true }));
    unmount();
    const again = createAppStores(db);
    await again.session.getState().load('w1');
    const agenda = again.session.getState().agenda;
    expect(agenda.map((item) => item.sectionId).slice(0, 5)).toEqual(['workshop', 'revenue', 'vocabulary', 'committee', 'icp']);
    expect(agenda[0]!.minutes).toBe(15);
    expect(agenda[1]!.skipped).toBe(true);
  });

  it('shows time spent per part and jumps to a part with "Discuss now"', async () => {
    const { clock, user, stores } = await renderSession();
    await user.click(screen.getByRole('button', { name: 'Start the timer' }));
    clock.advance(12 * minute);
    await user.click(screen.getByRole('button', { name: 'Discuss Handoff and SLA now' }));
    expect(stores.session.getState().agenda[stores.session.getState().timer.current]!.sectionId).toBe('handoff');
    clock.advance(3 * minute);
    const rows = within(screen.getByRole('list', { name: 'Agenda' })).getAllByRole('listitem');
    expect(within(rows[0]!).getByText('12 min of 10 min')).toBeTruthy();
    expect(within(rows[7]!).getByText(/3 min of 25 min/)).toBeTruthy();
    expect(screen.getByTestId('countdown').textContent).toBe('22:00');
  });
});
