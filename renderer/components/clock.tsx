/**
 * The clock the UI reads: the real one in the app, a hand-driven one in
 * tests, so a timer is tested without waiting.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface UiClock {
  now(): number;
  /** Calls `tick` every `ms` milliseconds; returns the function that stops it. */
  every(ms: number, tick: () => void): () => void;
}

export const realClock: UiClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const handle = setInterval(tick, ms);
    return () => clearInterval(handle);
  },
};

const ClockContext = createContext<UiClock>(realClock);

/** Gives every component below the clock to read. */
export function ClockProvider({ clock, children }: { clock: UiClock; children: ReactNode }) {
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

/** The clock in use. */
export function useClock(): UiClock {
  return useContext(ClockContext);
}

/** The current instant, re-read every `ms` while `active` (a paused timer does not re-render). */
export function useNow(ms = 250, active = true): number {
  const clock = useClock();
  const [, setTick] = useState(0);
  useEffect(() => (active ? clock.every(ms, () => setTick((tick) => tick + 1)) : undefined), [clock, ms, active]);
  return clock.now();
}
