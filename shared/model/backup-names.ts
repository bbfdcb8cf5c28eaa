/**
 * Names and retention of the automatic library backups (files in the app's
 * data folder, `backups/`). Pure: main uses these to name, list and prune the
 * files; the IPC contract uses the pattern to refuse any other name.
 */

/** Why a backup was made. */
export const backupReasons = ['auto', 'quit', 'before-restore', 'before-import', 'manual'] as const;

/** Why a backup was made. */
export type BackupReason = (typeof backupReasons)[number];

/**
 * A backup's file name: `accord-library-YYYYMMDD-HHMMSS-reason.json` in local
 * time, with `-2`…`-99` when two backups fall in the same second. Nothing else
 * (no path separator, no dot segment) can match, which is what makes
 * `backup:read` safe.
 */
export const BACKUP_NAME_PATTERN = /^accord-library-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(auto|quit|before-restore|before-import|manual)(?:-([2-9]|[1-9][0-9]))?\.json$/;

/** How many backups of today are kept (the newest). */
export const KEEP_TODAY = 5;
/** How many earlier days keep one backup (their newest). */
export const KEEP_DAYS = 30;

/** Backups made before a restore or an import (the undo of each) kept besides today's, newest first. */
export const KEEP_UNDO = 5;
/** Never more backup files than this. */
export const MAX_BACKUPS = 40;

/** A backup file name, read. */
export interface BackupName {
  name: string;
  /** When it was made (local time, to the second). */
  createdAt: Date;
  reason: BackupReason;
  /** 1, or 2… when several backups fall in the same second. */
  sequence: number;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The local calendar day of a date, as YYYYMMDD. */
export function dayKey(date: Date): string {
  return `${pad(date.getFullYear(), 4)}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}

/** The file name of a backup made at `at` (local time) for `reason`; `sequence` > 1 tells apart backups of the same second. */
export function formatBackupName(at: Date, reason: BackupReason, sequence = 1): string {
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `accord-library-${dayKey(at)}-${time}-${reason}${sequence > 1 ? `-${sequence}` : ''}.json`;
}

/** Reads a backup file name; null when it is not one (any other file in the folder is left alone). */
export function parseBackupName(name: string): BackupName | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return null;
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const createdAt = new Date(year, month - 1, day, hours, minutes, seconds);
  // Refuse impossible dates (20260231) rather than letting Date roll them over.
  if (createdAt.getFullYear() !== year || createdAt.getMonth() !== month - 1 || createdAt.getDate() !== day || createdAt.getHours() !== hours || createdAt.getMinutes() !== minutes || createdAt.getSeconds() !== seconds) return null;
  return { name, createdAt, reason: match[7] as BackupReason, sequence: match[8] ? Number(match[8]) : 1 };
}

/** Newest first: by time, then by sequence. */
function newestFirst(a: BackupName, b: BackupName): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.sequence - a.sequence || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0);
}

/**
 * Which backups to keep, newest first: the last 5 of today, the newest of each
 * of the 30 most recent earlier days that have one, never more than 40 files,
 * and always `protect` (the file just written). Names that are not backups are
 * never returned and must never be deleted. "Earlier days that have a backup"
 * rather than "the last 30 calendar days", so that after a long break the
 * folder still holds the library as it was before it.
 */
export function backupsToKeep(names: readonly string[], now: Date, options: { protect?: string } = {}): string[] {
  const backups = names.map(parseBackupName).filter((entry): entry is BackupName => entry !== null);
  backups.sort(newestFirst);
  const today = dayKey(now);
  const keep: BackupName[] = [];
  // A file dated after today (the clock was changed) counts as today's.
  // The backups made before a restore or an import are how those are undone: the newest few are kept apart
  // from today's five, so trying several backups in a row deletes neither the library as it was at first
  // nor the morning's backups.
  const isUndo = (entry: BackupName) => entry.reason === 'before-restore' || entry.reason === 'before-import';
  keep.push(...backups.filter((entry) => dayKey(entry.createdAt) >= today && !isUndo(entry)).slice(0, KEEP_TODAY));
  keep.push(...backups.filter(isUndo).slice(0, KEEP_UNDO));
  const days = new Set<string>();
  for (const entry of backups) {
    const day = dayKey(entry.createdAt);
    if (day >= today || days.has(day) || days.size >= KEEP_DAYS) continue;
    days.add(day);
    keep.push(entry);
  }
  keep.sort(newestFirst);
  let kept = keep.slice(0, MAX_BACKUPS);
  const protectedEntry = options.protect ? backups.find((entry) => entry.name === options.protect) : undefined;
  if (protectedEntry && !kept.includes(protectedEntry)) kept = [...kept.slice(0, MAX_BACKUPS - 1), protectedEntry].sort(newestFirst);
  return kept.map((entry) => entry.name);
}
