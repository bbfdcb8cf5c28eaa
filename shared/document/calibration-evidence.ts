import { calibrationFacts, dominantExclusion, type CalibrationResult } from '../engines/calibration/calibrate';

/** Why a calibration run is not printed as the evidence of an agreement. */
export type NotEvidenceReason = 'no-run' | 'failed' | 'no-scored-leads' | 'knocked-out' | 'no-successes';

/** Whether a calibration run may be printed in the signed PDF: its facts, or why not (said to the person exporting). */
export type CalibrationEvidence = { printable: true; rows: [string, string][] } | { printable: false; reason: NotEvidenceReason; message: string };

/** What the export needs to know about the workshop's last calibration run. */
export interface CalibrationRun {
  result: CalibrationResult | null;
  files: { leads: string; accounts: string | null; outcome?: string | null } | null;
  /** The last run's error, when it failed (the stored result, if any, is then not the run the room just saw). */
  error?: string | null;
}

/**
 * The one rule for printing calibration as evidence: a run that failed, scored no lead, had one rule knock out or
 * disqualify most leads (`dominantExclusion`: the figures then describe the knock-out, not the rules), or found no
 * success at all (no base rate, so nothing is measured against) is never printed as the evidence of the agreement.
 */
export function calibrationEvidence(run: CalibrationRun | null | undefined): CalibrationEvidence {
  if (!run || !run.result || !run.files) return { printable: false, reason: 'no-run', message: 'No calibration has been run for this workshop.' };
  if (run.error) return { printable: false, reason: 'failed', message: `The last calibration run failed (${run.error}): it is not printed.` };
  const { result } = run;
  if (result.scored === 0) return { printable: false, reason: 'no-scored-leads', message: `The calibration scored no lead (${result.rows.toLocaleString('en-US')} rows read, all skipped): it is not printed.` };
  const exclusion = dominantExclusion(result);
  if (exclusion) return { printable: false, reason: 'knocked-out', message: `${exclusion.text}: the figures describe that knock-out, not the rules, so they are not printed.` };
  if (result.positives === 0) return { printable: false, reason: 'no-successes', message: 'The calibration found no converted lead, so there is nothing to measure the rules against: it is not printed.' };
  return { printable: true, rows: calibrationFacts(result, run.files) };
}
