import { InputError, readCsvStream } from '../csv/stream';
import { readLeadDate } from './dates';
import { MappingError, type CalibrationMapping } from '../../model/calibration-mapping';

/**
 * The outcome file (closed deals, opportunities), read whole into a key set:
 * which lead keys converted. Kept small: one entry per key, no row.
 */
export interface OutcomeTable {
  fileName: string;
  /** The file's key → 1 converted, 0 not converted, or why its outcome cannot be read (a value that is neither success nor failure). */
  outcomes: Map<string, 1 | 0 | string>;
  /** Data rows read (the header excluded). */
  rows: number;
  /** The latest readable date in the mapping's `outcome.file.date` column (days since 1970-01-01), or NaN: no date column, or no readable date in it. */
  lastDay: number;
  /** Rows whose date could be read. */
  datedRows: number;
  /** A few keys as the file writes them, for the message when none matches the export. */
  examples: string[];
  /** Rows per key (a lead with several deals has several), to count the rows that match no lead of the export. */
  rowsByKey: Map<string, number>;
  /** Rows with an empty key: they can match no lead. */
  keylessRows: number;
}

const fold = (text: string) => text.trim().toLowerCase();
// A key found with several rows (a lead with several deals) keeps its best outcome: converted beats not, not beats unreadable.
const rank = (value: 1 | 0 | string) => (value === 1 ? 2 : value === 0 ? 1 : 0);

/**
 * Reads the outcome file the mapping's `outcome.file` names, in chunks
 * (decoded by the caller, who knows the encoding). A lead converted when
 * its key is found here, and (with `outcome.column`) that row's value is a
 * success value. Throws MappingError naming a column the file lacks, and
 * InputError for a file with no rows.
 */
export async function readOutcomeFile(chunks: AsyncIterable<string>, mapping: CalibrationMapping, fileName = 'The outcome file', signal?: { aborted: boolean }): Promise<OutcomeTable> {
  const file = mapping.outcome.file;
  if (!file) throw new MappingError('The mapping reads the outcome from the export, not from a second file.');
  const table: OutcomeTable = { fileName, outcomes: new Map(), rows: 0, lastDay: Number.NaN, datedRows: 0, examples: [], rowsByKey: new Map(), keylessRows: 0 };
  const empty = new Set([...mapping.emptyValues.map(fold), '']);
  const success = new Set(mapping.outcome.success.map(fold));
  const failure = mapping.outcome.failure ? new Set(mapping.outcome.failure.map(fold)) : null;
  let key = -1;
  let value = -1;
  let date = -1;
  let width = 0;
  await readCsvStream(chunks, { fileName, signal, what: 'calibration' }, (fields) => {
    if (width === 0) {
      const header = fields.map((name) => name.trim());
      const find = (column: string, what: string) => {
        const index = header.indexOf(column.trim());
        if (index < 0) throw new MappingError(`${what} “${column}” is not in ${fileName} (its columns: ${header.join(', ')}).`);
        return index;
      };
      key = find(file.fileKey, 'The outcome file’s key column');
      if (mapping.outcome.column.trim() !== '') value = find(mapping.outcome.column, 'The outcome column');
      if (file.date) date = find(file.date, 'The outcome file’s date column');
      width = header.length;
      return;
    }
    if (fields.length === 1 && fields[0] === '') return;
    table.rows += 1;
    const id = (fields[key] ?? '').trim();
    if (id === '') {
      table.keylessRows += 1;
      return;
    }
    table.rowsByKey.set(id, (table.rowsByKey.get(id) ?? 0) + 1);
    let outcome: 1 | 0 | string = 1;
    if (value >= 0) {
      const raw = fields[value] ?? '';
      const folded = fold(raw);
      outcome = success.has(folded) ? 1 : empty.has(folded) ? 'no outcome value in the outcome file' : failure === null || failure.has(folded) ? 0 : `outcome “${raw.trim()}” in the outcome file is neither success nor failure`;
    }
    const known = table.outcomes.get(id);
    if (known === undefined) {
      table.outcomes.set(id, outcome);
      if (table.examples.length < 3) table.examples.push(id);
    } else if (rank(outcome) > rank(known)) table.outcomes.set(id, outcome);
    if (date >= 0) {
      const day = readLeadDate(fields[date] ?? '').day;
      if (day === day) {
        table.datedRows += 1;
        if (!(day <= table.lastDay)) table.lastDay = day;
      }
    }
  });
  if (width === 0) throw new InputError(`${fileName} has no header row.`);
  if (table.rows === 0) throw new InputError(`${fileName} has a header but no rows: no lead could be found in it.`);
  return table;
}

/**
 * What is still missing before a run can read the outcome, in words for the
 * screen; null when nothing is. (A mapping file is checked by parseMapping;
 * this is for the mapping being edited.)
 */
export function outcomeProblem(mapping: CalibrationMapping, outcomeFileChosen: boolean): string | null {
  const outcome = mapping.outcome;
  if (!outcome.file) return outcome.column.trim() === '' || outcome.success.length === 0 ? 'Choose the outcome column and the values that mean success.' : null;
  if (!outcomeFileChosen) return 'The outcome is in a second file: choose it (closed deals or opportunities), or read the outcome from a column of the export.';
  if (outcome.file.key.trim() === '' || outcome.file.fileKey.trim() === '') return 'Choose the column that identifies a lead in the export and the same key in the outcome file.';
  if (outcome.column.trim() !== '' && outcome.success.length === 0) return `Choose the values of “${outcome.column}” that mean converted, or count every lead found in the outcome file.`;
  return null;
}
