/**
 * What the first rows of a chosen CSV file show: made by calibration-files.ts
 * (previewFile), held by the calibration and review stores. A module of its
 * own so the file reader and the stores that hold its result do not import
 * each other.
 */
import type { CsvEncoding } from '../../shared/engines/csv/csv';
import type { TextReading } from '../../shared/engines/csv/decode';
import type { ColumnProfile } from '../../shared/engines/calibration/suggest';

/** What the first rows of a chosen file show. */
export interface FilePreview {
  name: string;
  size: number;
  encoding: CsvEncoding;
  /** How the whole file's bytes were read (encoding switch, unreadable characters). */
  reading: TextReading;
  delimiter: string;
  header: string[];
  rows: string[][];
  columns: ColumnProfile[];
}
