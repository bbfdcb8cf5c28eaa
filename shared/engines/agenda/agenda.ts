/**
 * The session agenda and its timer: the workshop's sections in order with a
 * time box each, reordered or skipped for this session, and where the
 * session stands at a given moment. Pure: the clock is an argument, so the
 * timer is tested without waiting.
 */

// The agenda and timer are stored with the workshop and backed up: their shape is the model's schema (shared/model/session.ts).
import type { AgendaItem, SessionTimer } from '../../model/session';

export type { AgendaItem, SessionTimer } from '../../model/session';

/** A time-box problem, with what to fix. */
export class AgendaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgendaError';
  }
}

const MINUTE = 60_000;

/** Checks a time box: positive whole minutes. */
export function checkMinutes(value: number, title: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 600) throw new AgendaError(`The time box of “${title}” must be a whole number of minutes from 1 to 600.`);
  return value;
}

/** A fresh timer, not started. */
export function newTimer(agenda: readonly AgendaItem[]): SessionTimer {
  return { startedAt: null, current: firstActive(agenda, 0), runningSince: null, spent: {} };
}

function firstActive(agenda: readonly AgendaItem[], from: number): number {
  for (let index = from; index < agenda.length; index += 1) if (!agenda[index]!.skipped) return index;
  return agenda.length;
}

/** Starts or resumes the timer. */
export function start(timer: SessionTimer, now: number): SessionTimer {
  if (timer.runningSince !== null) return timer;
  return { ...timer, startedAt: timer.startedAt ?? now, runningSince: now };
}

/** Pauses the timer, keeping the time spent. */
export function pause(timer: SessionTimer, agenda: readonly AgendaItem[], now: number): SessionTimer {
  if (timer.runningSince === null) return timer;
  const item = agenda[timer.current];
  const spent = item ? { ...timer.spent, [item.sectionId]: (timer.spent[item.sectionId] ?? 0) + Math.max(0, now - timer.runningSince) } : timer.spent;
  return { ...timer, runningSince: null, spent };
}

/** Moves on to the next section that is not skipped (running if it was running; stopped after the last one). */
export function next(timer: SessionTimer, agenda: readonly AgendaItem[], now: number): SessionTimer {
  const wasRunning = timer.runningSince !== null;
  const paused = pause(timer, agenda, now);
  const current = firstActive(agenda, timer.current + 1);
  return { ...paused, current, runningSince: wasRunning && current < agenda.length ? now : null };
}

/** Where the session stands at `now`. */
export interface SessionStatus {
  /** The item being discussed, or null when the agenda is done. */
  current: AgendaItem | null;
  running: boolean;
  /** Time spent on the current item and its time box (ms). */
  spentMs: number;
  boxMs: number;
  /** Time left in the box; negative once it overran. */
  remainingMs: number;
  /** "on-time", "ending" (under 20 % or 2 minutes left), "overrun". */
  tone: 'on-time' | 'ending' | 'overrun';
  /** When the session will end if every remaining item takes its time box (ms since epoch), given a start. */
  projectedEnd: number | null;
  /** The planned end: the start plus every active time box. */
  plannedEnd: number | null;
  /** Minutes the session is running late against the plan (negative: early). */
  lateMinutes: number | null;
}

/** Total planned minutes of the items not skipped. */
export function plannedMinutes(agenda: readonly AgendaItem[]): number {
  return agenda.filter((item) => !item.skipped).reduce((total, item) => total + item.minutes, 0);
}

/** The status of the session at `now`. */
export function status(timer: SessionTimer, agenda: readonly AgendaItem[], now: number): SessionStatus {
  const current = agenda[timer.current] ?? null;
  const spentMs = current ? (timer.spent[current.sectionId] ?? 0) + (timer.runningSince !== null ? now - timer.runningSince : 0) : 0;
  const boxMs = current ? current.minutes * MINUTE : 0;
  const remainingMs = boxMs - spentMs;
  const tone = remainingMs < 0 ? 'overrun' : remainingMs <= Math.max(2 * MINUTE, boxMs * 0.2) ? 'ending' : 'on-time';
  const plannedEnd = timer.startedAt === null ? null : timer.startedAt + plannedMinutes(agenda) * MINUTE;
  let projectedEnd: number | null = null;
  if (timer.startedAt !== null) {
    // The rest of the current box (at least nothing) plus every later active box.
    let rest = current ? Math.max(0, remainingMs) : 0;
    for (let index = timer.current + 1; index < agenda.length; index += 1) if (!agenda[index]!.skipped) rest += agenda[index]!.minutes * MINUTE;
    projectedEnd = now + rest;
  }
  return {
    current,
    running: timer.runningSince !== null,
    spentMs,
    boxMs,
    remainingMs,
    tone,
    projectedEnd,
    plannedEnd,
    lateMinutes: projectedEnd !== null && plannedEnd !== null ? Math.round((projectedEnd - plannedEnd) / MINUTE) : null,
  };
}

/** Moves an item up or down for this session (returns a new agenda). */
export function moveItem(agenda: readonly AgendaItem[], index: number, offset: -1 | 1): AgendaItem[] {
  const target = index + offset;
  if (index < 0 || index >= agenda.length || target < 0 || target >= agenda.length) return [...agenda];
  const copy = [...agenda];
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/** "12:34" or "−1:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const negative = ms < 0;
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${negative ? '−' : ''}${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The standard agenda: every part of the agreement in order, with its default time box. */
export function defaultAgenda(parts: readonly { id: string; title: string; minutes: number }[]): AgendaItem[] {
  return parts.map((part) => ({ sectionId: part.id, title: part.title, minutes: part.minutes, skipped: false }));
}

/**
 * A stored agenda made whole against the current parts: unknown sections are
 * dropped, missing ones appended with their defaults, titles refreshed.
 */
export function reconcileAgenda(stored: readonly AgendaItem[], parts: readonly { id: string; title: string; minutes: number }[]): AgendaItem[] {
  const byId = new Map(parts.map((part) => [part.id, part]));
  const seen = new Set<string>();
  const result: AgendaItem[] = [];
  for (const item of stored) {
    const part = byId.get(item.sectionId);
    if (!part || seen.has(item.sectionId)) continue;
    seen.add(item.sectionId);
    result.push({ ...item, title: part.title });
  }
  for (const part of parts) if (!seen.has(part.id)) result.push({ sectionId: part.id, title: part.title, minutes: part.minutes, skipped: false });
  return result;
}

/** Jumps to one section of the agenda (running if it was running); a skipped section is taken back in. */
export function goTo(timer: SessionTimer, agenda: readonly AgendaItem[], index: number, now: number): SessionTimer {
  if (index < 0 || index >= agenda.length || index === timer.current) return timer;
  const wasRunning = timer.runningSince !== null;
  const paused = pause(timer, agenda, now);
  return { ...paused, current: index, runningSince: wasRunning ? now : null };
}

/**
 * Keeps the timer on the same section after the agenda changed (reordered,
 * skipped): follows the current section's id; when it was skipped, moves on.
 */
export function followAgenda(timer: SessionTimer, before: readonly AgendaItem[], after: readonly AgendaItem[], now: number): SessionTimer {
  const currentId = before[timer.current]?.sectionId;
  let index = currentId === undefined ? firstActive(after, 0) : after.findIndex((item) => item.sectionId === currentId);
  if (index < 0) index = firstActive(after, 0);
  if (index < after.length && after[index]!.skipped) {
    const paused = pause({ ...timer, current: index }, after, now);
    const nextIndex = firstActive(after, index + 1);
    return { ...paused, current: nextIndex, runningSince: timer.runningSince !== null && nextIndex < after.length ? now : null };
  }
  return { ...timer, current: index };
}

/** Time spent on a section so far (ms), including the running stretch. */
export function spentOn(timer: SessionTimer, agenda: readonly AgendaItem[], sectionId: string, now: number): number {
  const base = timer.spent[sectionId] ?? 0;
  const running = timer.runningSince !== null && agenda[timer.current]?.sectionId === sectionId ? now - timer.runningSince : 0;
  return base + running;
}
