/**
 * The decimal separators Accord reads. In the model, below the engines: a
 * calibration mapping names a column's separator and a stored calibration
 * result says which one its numbers were read with, and both are checked by
 * schemas here (shared/model/calibration-mapping.ts, calibration-result.ts).
 * The scoring engine reads numbers with them (shared/engines/scoring/numbers.ts).
 */

/** The decimal separator of a column. */
export type DecimalSeparator = '.' | ',';

/** Every decimal separator Accord reads, for pickers, schemas and exhaustive checks. */
export const decimalSeparators = ['.', ','] as const satisfies readonly DecimalSeparator[];
