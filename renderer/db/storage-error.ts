/**
 * What a failed write to the browser's storage (IndexedDB through Dexie)
 * means for the person, said in one place. Chromium reports a full disk as
 * QuotaExceededError on a write, and as "UnknownError Internal error opening
 * backing store for indexedDB.open." when it cannot even open the database
 * files; Dexie wraps either (AbortError, OpenFailedError, DatabaseClosedError,
 * BulkError) with the browser's error as `inner`. None of that text is for
 * the room: every store shows `storageErrorMessage` instead.
 */

/** The kinds of storage failure the person can do something about. */
export type StorageProblem = 'disk-full' | 'storage-unwritable';

/** What each kind says: the fact, then what to do (the screen adds what happens to the change). */
export const storageProblemMessages: Record<StorageProblem, string> = {
  'disk-full': 'Not saved: the disk is full. Free some disk space (empty the trash, delete large files).',
  'storage-unwritable': 'Not saved: the disk is full, or Accord’s storage on it cannot be written. Free some disk space; if that does not help, restart Accord.',
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and every error it wraps (Dexie's `inner`, `cause`, a BulkError's `failures`), at most a few levels deep. */
function chainOf(error: unknown, depth = 0): ErrorLike[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const like = error as ErrorLike;
  const failures = Array.isArray(like.failures) ? like.failures : like.failures && typeof like.failures === 'object' ? Object.values(like.failures) : [];
  return [like, ...chainOf(like.inner, depth + 1), ...chainOf(like.cause, depth + 1), ...failures.flatMap((failure: unknown) => chainOf(failure, depth + 1))];
}

/** Which storage problem an error is, or null when it is something else (a refused write, a missing record: their own message says it). */
export function storageProblemOf(error: unknown): StorageProblem | null {
  const chain = chainOf(error);
  const names = chain.map((entry) => String(entry.name ?? ''));
  const messages = chain.map((entry) => String(entry.message ?? ''));
  if (names.includes('QuotaExceededError') || messages.some((message) => /QuotaExceeded|quota (was )?exceeded|disk (is )?full|no space left|ENOSPC/i.test(message))) return 'disk-full';
  if (names.includes('UnknownError') || messages.some((message) => /backing store|UnknownError|IO error|Internal error (opening|committing|writing)/i.test(message))) return 'storage-unwritable';
  return null;
}

/** The message to show for a failed storage operation: the disk-full sentence for a full or unwritable disk, else the error's own message. */
export function storageErrorMessage(error: unknown): string {
  const problem = storageProblemOf(error);
  if (problem) return storageProblemMessages[problem];
  return error instanceof Error ? error.message : String(error);
}
