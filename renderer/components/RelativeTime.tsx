import { format, formatDistanceStrict } from 'date-fns';
import { useSyncExternalStore } from 'react';

/**
 * Dates via date-fns rather than Intl: the first Intl formatter a page builds
 * loads locale data and costs 20–30 ms of start-up; the UI is in English.
 */

/** "3 minutes ago", "2 days ago", "just now". */
export function formatRelative(timestamp: number, now: number): string {
  if (Math.abs(now - timestamp) < 45_000) return 'just now';
  return formatDistanceStrict(timestamp, now, { addSuffix: true, roundingMethod: 'round' });
}

/** Full date and time, e.g. "23 Nov 2026, 18:32". */
export function formatDateTime(timestamp: number): string {
  return format(timestamp, 'd MMM yyyy, HH:mm');
}

// One clock for every relative time on screen, ticking every 30 s while any is shown.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= window.setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, 30_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.clearInterval(timer);
      timer = undefined;
    }
  };
}

function getNow(): number {
  return now;
}

/** A relative time that stays current while the screen is open; the exact time is its tooltip. */
export function RelativeTime({ timestamp }: { timestamp: number }) {
  const current = useSyncExternalStore(subscribe, getNow);
  return (
    <time dateTime={new Date(timestamp).toISOString()} title={formatDateTime(timestamp)}>
      {formatRelative(timestamp, Math.max(current, timestamp))}
    </time>
  );
}
