import { format, formatDistanceStrict } from 'date-fns';
import { useNow } from './clock';

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

// How often a relative time is re-read. "just now" lasts 45 s and the finest step after it is a minute, so 15 s keeps
// every label within a quarter of its step; it reads the injected clock (components/clock), so tests drive it.
const RELATIVE_TICK_MS = 15_000;

/**
 * A relative time that stays true while the screen is open: it reads the
 * clock when it renders (never a time remembered from before it was shown,
 * which made a 25-minute-old backup "just now") and again every 15 s. The
 * exact time is its tooltip.
 */
export function RelativeTime({ timestamp }: { timestamp: number }) {
  const current = useNow(RELATIVE_TICK_MS);
  return (
    <time dateTime={new Date(timestamp).toISOString()} title={formatDateTime(timestamp)}>
      {formatRelative(timestamp, Math.max(current, timestamp))}
    </time>
  );
}
