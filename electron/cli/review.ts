/**
 * `accord review`: the SLA review of a lead-history export for a period, every
 * commitment's actual, target and state; the same engine as the app.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CalendarError } from '../../shared/engines/calendar/business-time';
import { InputError } from '../../shared/engines/csv/stream';
import { parseReviewMapping } from '../../shared/engines/review/mapping';
import { countStates, stateLabels } from '../../shared/engines/review/review';
import { runReview } from '../../shared/engines/review/run-review';
import { isIntact, reviewableVersions, reviewedVersionLabel } from '../../shared/model/versions';
import type { ExportIo } from './export-verify';
import { readAccordForCli } from './accord-input';
import { newTextReading } from '../../shared/engines/csv/decode';
import { fileTextChunks } from './text-chunks';
import { formatPercent } from '../../shared/text/percent';

export const reviewUsage = `  review --agreement FILE.accord --csv LEADS.csv --mapping MAPPING.json
      --from YYYY-MM-DD --to YYYY-MM-DD [--version N] [--json] [--data-dir DIR]
                                         the SLA review: every commitment's actual, target and
                                         state (met, at risk, missed, not judged: no target
                                         when measured without a target, or no data with
                                         the reason) for the period. The mapping is a JSON file
                                         (see docs/data.md, "The review mapping"); unknown
                                         keys are refused. The targets are those of the
                                         signed version in force (the last signed one whose
                                         hash verifies), or of signed version N with
                                         --version; the draft only when nothing is signed.
                                         Signed versions count only when each keeps the
                                         signing rules and carries a good seal; otherwise
                                         the file is read as a draft (said on stderr).
`;

/** The mapping reader lives with the engine (one schema for the CLI, the worker and the tests); re-exported for older callers. */
export { parseReviewMapping };

const stateLabel = Object.fromEntries(Object.entries(stateLabels).map(([state, label]) => [state, label.toUpperCase()])) as Record<keyof typeof stateLabels, string>;

/** Runs `accord review`; resolves with the exit code. */
export async function reviewCommand(args: string[], io: ExportIo): Promise<number> {
  let values: { agreement?: string; csv?: string; mapping?: string; from?: string; to?: string; version?: string; 'data-dir'?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { agreement: { type: 'string' }, csv: { type: 'string' }, mapping: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, version: { type: 'string' }, 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (error) {
    io.err(`accord review: ${error instanceof Error ? error.message : String(error)}\n\nUsage:\n${reviewUsage}`);
    return 2;
  }
  if (values.help) {
    io.out(`Usage:\n${reviewUsage}`);
    return 0;
  }
  if (!values.agreement || !values.csv || !values.mapping || !values.from || !values.to) {
    io.err(`accord review: --agreement, --csv, --mapping, --from and --to are required.\n\nUsage:\n${reviewUsage}`);
    return 2;
  }
  const fail = (message: string) => {
    io.err(`accord review: ${message}\n`);
    return 1;
  };
  try {
    const read = async (file: string, what: string) => readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => Promise.reject(new InputError(`cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`)));
    const parsed = await readAccordForCli(await read(values.agreement, 'agreement'), io, 'review', values['data-dir']);
    if (!parsed.ok) return fail(`${values.agreement} is not a valid agreement. ${parsed.message}`);
    // The targets in force: the last intact signed version (one rule with the app), or the one asked for.
    const signed = reviewableVersions(parsed.versions, isIntact);
    let reviewed = signed[0] ?? null;
    if (values.version !== undefined) {
      const number = Number(values.version);
      const asked = parsed.versions.find((version) => version.number === number);
      if (!/^\d+$/.test(values.version) || !asked) return fail(`${values.agreement} has no signed version ${values.version}${parsed.versions.length ? ` (signed versions: ${parsed.versions.map((version) => version.number).join(', ')})` : ' (nothing is signed)'}.`);
      if (!isIntact(asked)) return fail(`version ${number} of ${values.agreement} does not match the hash it was signed with: it is not used.`);
      reviewed = asked;
    }
    const agreement = reviewed?.agreement ?? parsed.agreement;
    const agreementVersion = reviewedVersionLabel(reviewed, reviewed !== null && reviewed === signed[0], parsed.agreement.calendar?.timeZone);
    let mappingData: unknown;
    try {
      mappingData = JSON.parse(await read(values.mapping, 'mapping'));
    } catch (error) {
      if (error instanceof InputError) throw error;
      return fail(`${values.mapping} is not valid JSON.`);
    }
    let mapping;
    try {
      mapping = parseReviewMapping(mappingData);
    } catch (error) {
      if (error instanceof InputError) return fail(`${values.mapping}: ${error.message}`);
      throw error;
    }
    const csvPath = resolve(io.cwd, values.csv);
    if (!(await stat(csvPath).then(() => true, () => false))) return fail(`cannot read the export ${values.csv}: it does not exist.`);
    const reading = newTextReading();
    const result = await runReview({ agreement, mapping, chunks: fileTextChunks(csvPath, reading), reading, again: () => {
        const again = newTextReading();
        return { chunks: fileTextChunks(csvPath, again), reading: again };
      }, from: values.from, to: values.to, fileName: values.csv });
    if (values.json) {
      io.out(`${JSON.stringify({ from: result.from, to: result.to, agreementVersion, leads: result.leads, mqls: result.mqls, coverage: result.coverage, commitments: result.commitments.map(({ missedLeads: _ids, ...entry }) => entry), conversion: result.conversion, problems: result.problems.map(({ examples: _examples, ...entry }) => entry) })}\n`);
      return 0;
    }
    io.out(`SLA review ${result.from} – ${result.to}: ${result.mqls.toLocaleString('en-US')} MQLs of ${result.leads.toLocaleString('en-US')} leads in ${values.csv}\n`);
    io.out(`Agreement reviewed: ${agreementVersion}\n`);
    const counts = countStates(result.commitments);
    io.out(`Commitments: ${counts.met} met, ${counts['at-risk']} at risk, ${counts.missed} missed, ${counts['no-data']} no data${counts['no-target'] ? `; ${counts['no-target']} ${stateLabels['no-target'].toLowerCase()}` : ''}\n`);
    if (result.coverage.coveredDays < result.coverage.periodDays) io.out(`The export covers ${result.coverage.exportFirstDate ?? '—'} – ${result.coverage.exportLastDate ?? '—'}: ${result.coverage.coveredDays} of the period’s ${result.coverage.periodDays} days are covered; rates use the covered days.\n`);
    io.out('\n');
    for (const entry of result.commitments) {
      io.out(`${stateLabel[entry.state].padEnd(8)} ${entry.metric}\n         actual: ${entry.actual}\n         target: ${entry.target}${entry.missedCount ? `\n         behind the miss: ${entry.missedCount.toLocaleString('en-US')} leads, e.g. ${entry.missedLeads.slice(0, 5).join(', ')}` : ''}\n`);
    }
    io.out('\nStage conversion (actual against the plan)\n');
    for (const step of result.conversion) io.out(`  ${step.step.padEnd(20)} ${step.noData !== null ? 'no data' : formatPercent(step.actual, { scale: 'percent', noData: 'no data' })} (plan ${formatPercent(step.planned, { scale: 'percent', trim: true, digits: 2, noData: '—' })}) ${stateLabel[step.state]}${step.noData ? `: ${step.noData}` : ''}\n`);
    if (result.problems.length > 0) {
      io.out('\nData problems (counted, not used)\n');
      for (const problem of result.problems) io.out(`  ${problem.count.toLocaleString('en-US')} × ${problem.problem}${problem.examples.length ? ` (e.g. ${problem.examples.slice(0, 3).join('; ')})` : ''}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof CalendarError) return fail(error.message);
    throw error;
  }
}
