/**
 * `accord score`: the calibration summary of a CRM export against an
 * agreement's rules, for RevOps automation (e.g. a weekly closed-loop check).
 * The same engine and numbers as the app's calibration.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MappingError, parseMapping } from '../../shared/engines/calibration/mapping';
import { readOutcomeFile } from '../../shared/engines/calibration/outcome-file';
import { calibrationSummary, readAccounts, runCalibration } from '../../shared/engines/calibration/run';
import { ruleVerdictLabels } from '../../shared/engines/calibration/verdict';
import { InputError } from '../../shared/engines/csv/stream';
import { fitGrades } from '../../shared/model/agreement';
import { parseAccordFile } from '../../shared/model/accord-file';
import type { ExportIo } from './export-verify';
import { newTextReading } from '../../shared/engines/csv/decode';
import { fileTextChunks } from './text-chunks';
import { formatPercent } from '../../shared/text/percent';

export const scoreUsage = `  score --agreement FILE.accord --csv LEADS.csv --mapping MAPPING.json
      [--accounts ACCOUNTS.csv --join COLUMN] [--outcome DEALS.csv] [--include-recent]
      [--as-of YYYY-MM-DD] [--json]
                                         score a CRM export with the agreement's rules and print
                                         the calibration summary (exit 1 on unreadable input);
                                         --outcome: the file of converted leads the mapping's
                                         outcome.file matches on; leads younger than the sales
                                         cycle are left out unless --include-recent
`;

const count = (value: number) => value.toLocaleString('en-US');

/** Runs `accord score`; resolves with the exit code. */
export async function scoreCommand(args: string[], io: ExportIo): Promise<number> {
  const { values } = parseArgs({ args, options: { agreement: { type: 'string' }, csv: { type: 'string' }, mapping: { type: 'string' }, accounts: { type: 'string' }, join: { type: 'string' }, 'as-of': { type: 'string' }, outcome: { type: 'string' }, 'include-recent': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });
  if (!values.agreement || !values.csv || !values.mapping) {
    io.err(`accord score: --agreement, --csv and --mapping are required.\n\nUsage:\n${scoreUsage}`);
    return 2;
  }
  if (values.join && !values.accounts) {
    io.err('accord score: --join needs --accounts.\n');
    return 2;
  }
  const fail = (message: string) => {
    io.err(`accord score: ${message}\n`);
    return 1;
  };
  const readText = async (file: string, what: string) => {
    try {
      return await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw new InputError(`cannot read the ${what} ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  try {
    const parsed = parseAccordFile(await readText(values.agreement, 'agreement'));
    if (!parsed.ok) return fail(`${values.agreement} is not a valid agreement. ${parsed.message}`);
    let mappingData: unknown;
    try {
      mappingData = JSON.parse(await readText(values.mapping, 'mapping'));
    } catch (error) {
      if (error instanceof InputError) throw error;
      return fail(`${values.mapping} is not valid JSON.`);
    }
    const mapping = parseMapping(mappingData);
    // --join COLUMN names the key in both files; without it the mapping's join is used.
    const join = values.join ? { key: values.join, accountsKey: values.join } : (mapping.accounts ?? null);
    if (join && !values.accounts) return fail(`the mapping joins an accounts file: give it with --accounts (join column “${join.key}”).`);
    if (values.accounts && !join) return fail('give the join column with --join COLUMN.');
    const finalMapping = { ...mapping, accounts: values.accounts ? join : null };
    const accounts = values.accounts && join ? readAccounts(await readText(values.accounts, 'accounts file'), join.accountsKey, values.accounts) : null;
    const csvPath = resolve(io.cwd, values.csv);
    try {
      await stat(csvPath);
    } catch {
      return fail(`cannot read the export ${values.csv}: it does not exist.`);
    }
    // The outcome in a second file: the mapping says how it matches, --outcome gives the file.
    if (mapping.outcome.file && !values.outcome) return fail(`the mapping reads the outcome from a second file: give it with --outcome FILE (matched on the export’s “${mapping.outcome.file.key}” = the file’s “${mapping.outcome.file.fileKey}”).`);
    if (values.outcome && !mapping.outcome.file) return fail('--outcome needs a mapping whose outcome says how to match the file: "outcome": { "file": { "key": EXPORT COLUMN, "fileKey": FILE COLUMN } }.');
    let outcomes = null;
    if (values.outcome) {
      const outcomePath = resolve(io.cwd, values.outcome);
      try {
        await stat(outcomePath);
      } catch {
        return fail(`cannot read the outcome file ${values.outcome}: it does not exist.`);
      }
      outcomes = await readOutcomeFile(fileTextChunks(outcomePath), mapping, values.outcome);
    }
    const asOf = values['as-of'] ?? mapping.asOf ?? io.now().toISOString().slice(0, 10);
    // A column read as numbers whose decimal separator the mapping does not say is judged from the whole file first (read once more, lazily).
    const again = { [Symbol.asyncIterator]: () => fileTextChunks(csvPath)[Symbol.asyncIterator]() };
    const reading = newTextReading();
    const result = await runCalibration({ agreement: parsed.agreement, mapping: finalMapping, accounts, outcomes, chunks: fileTextChunks(csvPath, reading), reading, asOf, fileName: values.csv, detectNumbersFrom: again });
    const summary = calibrationSummary(result, { includeRecent: values['include-recent'] });
    if (values.json) {
      io.out(`${JSON.stringify(summary)}\n`);
      return 0;
    }
    io.out(`${values.csv} against “${parsed.agreement.workshop.title || 'the agreement'}” (as of ${asOf})\n`);
    // Said before any figure: most of the outcome file matching no lead, rules no column feeds, a rule removing most leads.
    if (summary.outcomeMatch?.first) io.out(`Read this first  ${summary.outcomeMatch.text}\n`);
    if (summary.unmapped) io.out(`Read this first  ${summary.unmapped.text}\n`);
    if (summary.knockout) io.out(`Read this first  ${summary.knockout.text}\n`);
    for (const line of summary.unusedValues) io.out(`Read this first  ${line}\n`);
    io.out(`Rows read        ${count(summary.rows)}\n`);
    io.out(`Rows skipped     ${count(summary.skipped)}\n`);
    for (const reason of summary.skippedReasons) io.out(`  ${count(reason.count)} × ${reason.reason} (first on line ${reason.firstLine})\n`);
    if (summary.outcomeMatch && !summary.outcomeMatch.first && summary.outcomeMatch.text) io.out(`Outcome file     ${summary.outcomeMatch.text}\n`);
    for (const line of summary.readNotes) io.out(`File             ${line}\n`);
    for (const line of summary.notNumbers) io.out(`Not read         ${line}\n`);
    for (const column of summary.columns) if (column.decimal === ',') io.out(`Numbers          “${column.column}” read with a decimal comma\n`);
    // Blank-like values the mapping does not read as empty: shown with their conversion, for the person to decide.
    for (const column of summary.columns) for (const blank of column.blanks) if (!blank.treatedAsEmpty && blank.count > 0) io.out(`Means empty?     “${blank.value}” in “${column.column}”: ${count(blank.count)} leads, ${formatPercent(blank.positives / blank.count)} converted; read as a value (list it in emptyValues to read it as empty)\n`);
    const recency = summary.recency;
    if (recency.judged) io.out(`Too recent       ${recency.text}: ${recency.included ? 'counted (--include-recent)' : 'left out of the figures below (--include-recent counts them)'}\n`);
    else io.out(`Too recent       not judged: ${recency.reason}\n`);
    io.out(`Successes        ${count(summary.positives)} (base rate ${formatPercent(summary.baseRate)})\n`);
    io.out(`MQLs             ${count(summary.mqls)}, of which ${count(summary.truePositives)} succeeded\n`);
    io.out(`Precision        ${summary.precision === null ? '— (no MQL to convert)' : `${formatPercent(summary.precision)} (conversion of MQLs)`}\n`);
    io.out(`Recall           ${formatPercent(summary.recall)} (successes the MQL rule catches)\n`);
    io.out(`Lift             ${summary.lift === null ? '— (no MQL)' : `${summary.lift.toFixed(2)} × the base rate`}\n`);
    io.out('Leads per grade  (fit A–D × engagement 4–1)\n');
    for (const grade of fitGrades) io.out(`  ${[4, 3, 2, 1].map((level) => `${grade}${level} ${count(summary.grades[`${grade}${level}`] ?? 0).padStart(7)}`).join('   ')}\n`);
    io.out('Rules            leads with it, converted with / without, verdict\n');
    const rate = (value: number | null) => (value === null ? '—' : formatPercent(value));
    for (const rule of summary.rules) io.out(`  ${rule.label}: ${count(rule.leadsWith)}, ${rate(rule.conversionWith)} / ${rate(rule.conversionWithout)}, ${rule.verdictLabel}${rule.recency?.changes ? ` (${rule.recency.including === rule.verdict ? 'without' : 'with'} the too-recent leads: ${ruleVerdictLabels[rule.verdict === rule.recency.including ? rule.recency.excluding : rule.recency.including]})` : ''}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError || error instanceof MappingError) return fail(error.message);
    if (error instanceof Error && /is not a date/.test(error.message)) return fail(error.message);
    throw error;
  }
}
