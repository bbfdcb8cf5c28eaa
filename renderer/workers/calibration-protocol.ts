import type { CalibrationResult } from '../../shared/engines/calibration/calibrate';
import type { CalibrationMapping } from '../../shared/engines/calibration/mapping';
import type { ExportProfile } from '../../shared/engines/calibration/profile';
import type { Agreement } from '../../shared/model/agreement';

/** What the page asks the calibration worker. */
export type CalibrationRequest = { type: 'run'; agreement: Agreement; mapping: CalibrationMapping; asOf: string; leads: File; accounts: File | null; outcome: File | null } | { type: 'profile'; file: File } | { type: 'cancel' };

/** What the worker answers: progress while it reads, then a result or an error (never both). */
export type CalibrationMessage =
  | { type: 'progress'; bytes: number; total: number; rows: number }
  | { type: 'done'; result: CalibrationResult }
  /** The answer to 'profile': every column's values with their counts and number shapes. */
  | { type: 'profiled'; profile: ExportProfile }
  | { type: 'error'; message: string; cancelled: boolean };
