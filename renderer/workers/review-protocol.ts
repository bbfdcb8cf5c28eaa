import type { ReviewMapping } from '../../shared/engines/review/run-review';
import type { ReviewResult } from '../../shared/engines/review/review';
import type { Agreement } from '../../shared/model/agreement';

/** What the page asks the review worker. */
export type ReviewRequest =
  | { type: 'run'; agreement: Agreement; agreementVersion?: string | null; mapping: ReviewMapping; from: string; to: string; file: File }
  | { type: 'rows'; file: File; idColumn: string; ids: string[] }
  | { type: 'cancel' };

/** What the worker answers. */
export type ReviewMessage =
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | { type: 'done'; result: ReviewResult }
  | { type: 'rows'; header: string[]; rows: string[][] }
  | { type: 'error'; message: string; cancelled: boolean };
