import { describe, expect, it } from 'vitest';
import { AgendaError, checkMinutes, defaultAgenda, followAgenda, formatCountdown, goTo, moveItem, newTimer, next, pause, plannedMinutes, reconcileAgenda, spentOn, start, status, type AgendaItem } from '../../../../shared/engines/agenda/agenda';

const minute = 60_000;
const t0 = Date.parse('2026-11-25T09:00:00Z');
const agenda: AgendaItem[] = [
  { sectionId: 'workshop', title: 'Workshop and people', minutes: 10, skipped: false },
  { sectionId: 'revenue', title: 'Revenue plan', minutes: 20, skipped: false },
  { sectionId: 'vocabulary', title: 'Vocabulary', minutes: 15, skipped: true },
  { sectionId: 'icp', title: 'ICP', minutes: 30, skipped: false },
];

describe('agenda and timer (injected clock, no waiting)', () => {
  it('plans the session from the active time boxes', () => {
    expect(plannedMinutes(agenda)).toBe(60);
    const running = start(newTimer(agenda), t0);
    expect(status(running, agenda, t0)).toMatchObject({ current: { sectionId: 'workshop' }, running: true, remainingMs: 10 * minute, tone: 'on-time', plannedEnd: t0 + 60 * minute, projectedEnd: t0 + 60 * minute, lateMinutes: 0 });
  });

  it('counts down, warns early and shows the overrun, and the projected end moves with it', () => {
    const running = start(newTimer(agenda), t0);
    expect(status(running, agenda, t0 + 7 * minute).tone).toBe('on-time');
    expect(status(running, agenda, t0 + 8 * minute + 30_000)).toMatchObject({ tone: 'ending', remainingMs: 90_000 });
    const late = status(running, agenda, t0 + 14 * minute);
    expect(late).toMatchObject({ tone: 'overrun', remainingMs: -4 * minute, lateMinutes: 4 });
    expect(formatCountdown(late.remainingMs)).toBe('−4:00');
  });

  it('pauses without counting, and moves on skipping the skipped sections', () => {
    let timer = start(newTimer(agenda), t0);
    timer = pause(timer, agenda, t0 + 5 * minute);
    expect(status(timer, agenda, t0 + 30 * minute)).toMatchObject({ running: false, spentMs: 5 * minute });
    timer = start(timer, t0 + 30 * minute);
    timer = next(timer, agenda, t0 + 32 * minute);
    expect(timer.spent).toEqual({ workshop: 7 * minute });
    expect(status(timer, agenda, t0 + 32 * minute).current?.sectionId).toBe('revenue');
    timer = next(timer, agenda, t0 + 40 * minute);
    expect(status(timer, agenda, t0 + 40 * minute).current?.sectionId).toBe('icp');
    timer = next(timer, agenda, t0 + 70 * minute);
    expect(status(timer, agenda, t0 + 70 * minute).current).toBeNull();
  });

  it('reorders items for this session, and refuses a time box that is not positive whole minutes', () => {
    expect(moveItem(agenda, 3, -1).map((item) => item.sectionId)).toEqual(['workshop', 'revenue', 'icp', 'vocabulary']);
    expect(moveItem(agenda, 0, -1).map((item) => item.sectionId)).toEqual(['workshop', 'revenue', 'vocabulary', 'icp']);
    expect(checkMinutes(25, 'ICP')).toBe(25);
    for (const bad of [0, -5, 2.5, Number.NaN]) expect(() => checkMinutes(bad, 'ICP')).toThrow(new AgendaError('The time box of “ICP” must be a whole number of minutes from 1 to 600.'));
  });
});

describe('agenda changes during a session', () => {
  const parts = [
    { id: 'workshop', title: 'Workshop and people', minutes: 10 },
    { id: 'revenue', title: 'Revenue plan', minutes: 20 },
    { id: 'icp', title: 'Ideal customer profile', minutes: 30 },
  ];

  it('makes a stored agenda whole: unknown parts dropped, missing ones appended, titles refreshed, order and boxes kept', () => {
    const stored: AgendaItem[] = [
      { sectionId: 'icp', title: 'ICP (old title)', minutes: 45, skipped: false },
      { sectionId: 'gone', title: 'Removed part', minutes: 5, skipped: false },
      { sectionId: 'workshop', title: 'Workshop', minutes: 12, skipped: true },
      { sectionId: 'icp', title: 'Duplicate', minutes: 1, skipped: false },
    ];
    expect(reconcileAgenda(stored, parts)).toEqual([
      { sectionId: 'icp', title: 'Ideal customer profile', minutes: 45, skipped: false },
      { sectionId: 'workshop', title: 'Workshop and people', minutes: 12, skipped: true },
      { sectionId: 'revenue', title: 'Revenue plan', minutes: 20, skipped: false },
    ]);
    expect(defaultAgenda(parts).map((item) => item.minutes)).toEqual([10, 20, 30]);
  });

  it('jumps to a part, keeping the time spent on the one before', () => {
    const items = defaultAgenda(parts);
    const running = start(newTimer(items), t0);
    const jumped = goTo(running, items, 2, t0 + 3 * minute);
    expect(jumped).toMatchObject({ current: 2, runningSince: t0 + 3 * minute, spent: { workshop: 3 * minute } });
    expect(spentOn(jumped, items, 'icp', t0 + 5 * minute)).toBe(2 * minute);
    expect(spentOn(jumped, items, 'workshop', t0 + 5 * minute)).toBe(3 * minute);
    expect(goTo(jumped, items, 9, t0)).toBe(jumped);
  });

  it('follows the current part when the agenda is reordered, and moves on when it is skipped', () => {
    const items = defaultAgenda(parts);
    const onRevenue = next(start(newTimer(items), t0), items, t0 + 10 * minute);
    const reordered = moveItem(items, 1, 1);
    expect(followAgenda(onRevenue, items, reordered, t0 + 11 * minute).current).toBe(2);
    const skipped = items.map((item) => (item.sectionId === 'revenue' ? { ...item, skipped: true } : item));
    const moved = followAgenda(onRevenue, items, skipped, t0 + 12 * minute);
    expect(moved).toMatchObject({ current: 2, runningSince: t0 + 12 * minute });
    expect(moved.spent.revenue).toBe(2 * minute);
  });
});

describe('the end of the agenda', () => {
  it('stops the timer after the last part instead of running on nothing', () => {
    const items: AgendaItem[] = [{ sectionId: 'workshop', title: 'Workshop', minutes: 5, skipped: false }];
    const finished = next(start(newTimer(items), t0), items, t0 + 6 * minute);
    expect(finished).toMatchObject({ current: 1, runningSince: null, spent: { workshop: 6 * minute } });
    expect(status(finished, items, t0 + 60 * minute)).toMatchObject({ current: null, running: false });
  });
});
