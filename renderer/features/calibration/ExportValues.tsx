/**
 * What the whole file shows, where the mapping needs it: how each numeric
 * column writes its numbers (with an override), which blank-like values it
 * holds (ticked only for the obvious ones; the person decides), and the
 * explanations a result must give first (one rule knocking out most leads,
 * values that are not numbers).
 */
import { Alert, Checkbox, Group, Select, Stack, Table, TagsInput, Text } from '@mantine/core';
import type { CalibrationResult } from '../../../shared/engines/calibration/calibrate';
import { dominantExclusion, unmappedRulesNote, unmatchedOutcome, unreadableNumbers, unusedMappingValues } from '../../../shared/engines/calibration/calibrate';
import { describeExportRead } from '../../../shared/engines/csv/stream';
import { blankLikeValues, type CalibrationMapping } from '../../../shared/engines/calibration/mapping';
import { decimalBasisLabels, type ColumnStats, type DecimalChoice } from '../../../shared/engines/calibration/profile';
import type { DecimalSeparator } from '../../../shared/engines/scoring/numbers';
import { formatPercent } from '../../../shared/text/percent';

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const fold = (text: string) => text.trim().toLowerCase();

/** How a decimal separator reads for a person. */
export const decimalLabels: Record<DecimalSeparator, string> = { '.': 'decimal point (2.5 · 1,234.5)', ',': 'decimal comma (2,5 · 1.234,5 · 1 234,5)' };

/** The decimal separator of one column read as numbers: what the file shows, and the person's override. */
export function DecimalPicker({ column, detected, chosen, disabled, onChange }: { column: string; detected: DecimalChoice | null; chosen: DecimalSeparator | null; disabled: boolean; onChange: (decimal: DecimalSeparator | null) => void }) {
  const auto = detected ? `As the file shows: ${decimalLabels[detected.decimal]}` : 'As the file shows (still reading it)';
  return (
    <Stack gap={2}>
      <Select
        size="xs"
        aria-label={`Decimal separator of ${column}`}
        data={[
          { value: 'auto', label: auto },
          { value: '.', label: `Always ${decimalLabels['.']}` },
          { value: ',', label: `Always ${decimalLabels[',']}` },
        ]}
        value={chosen ?? 'auto'}
        allowDeselect={false}
        onChange={(value) => onChange(value === '.' || value === ',' ? value : null)}
        disabled={disabled}
      />
      {detected && !chosen && (
        <Text size="xs" c="dimmed">
          {decimalBasisLabels[detected.basis]}
          {detected.evidence.comma + detected.evidence.dot > 0 ? `: ${count(detected.evidence.comma)} values only read with “,”, ${count(detected.evidence.dot)} only with “.”` : ''}
        </Text>
      )}
    </Stack>
  );
}

/** One blank-like value found in the mapped columns, with what the last run measured for it. */
interface FoundBlank {
  key: string;
  value: string;
  cells: number;
  columns: string[];
  measured: { count: number; positives: number } | null;
}

/**
 * Every blank-like value found in the mapped columns, with its count (from
 * the whole file) and conversion (from the last run), ticked when it counts as
 * empty. Only the obvious ones start ticked; "unknown" can be a real category.
 */
export function EmptyValuesPicker({ mapping, columns, stats, rows, result, disabled, onChange }: { mapping: CalibrationMapping; columns: string[]; stats: (column: string) => ColumnStats | undefined; rows: (column: string) => number | null; result: CalibrationResult | null; disabled: boolean; onChange: (emptyValues: string[]) => void }) {
  const ticked = new Set(mapping.emptyValues.map(fold));
  const blankLike = new Set([...blankLikeValues.map(fold), ...ticked]);
  const found = new Map<string, FoundBlank>();
  const add = (key: string, value: string, column: string, cells: number) => {
    if (cells <= 0) return;
    const entry = found.get(key) ?? { key, value, cells: 0, columns: [], measured: null };
    entry.cells += cells;
    if (!entry.columns.includes(column)) entry.columns.push(column);
    found.set(key, entry);
  };
  for (const column of columns) {
    const profile = stats(column);
    const total = rows(column);
    if (!profile) continue;
    if (total !== null) add('', '', column, total - profile.filled);
    for (const entry of profile.values) if (blankLike.has(fold(entry.value))) add(fold(entry.value), entry.value, column, entry.count);
  }
  for (const column of result?.columns ?? []) {
    if (!columns.includes(column.column)) continue;
    for (const blank of column.blanks) {
      const key = fold(blank.value);
      const entry = found.get(key) ?? { key, value: blank.value, cells: 0, columns: [column.column], measured: null };
      entry.measured = { count: (entry.measured?.count ?? 0) + blank.count, positives: (entry.measured?.positives ?? 0) + blank.positives };
      found.set(key, entry);
    }
  }
  const list = [...found.values()].sort((a, b) => (a.key === '' ? -1 : b.key === '' ? 1 : b.cells - a.cells || (b.measured?.count ?? 0) - (a.measured?.count ?? 0)));
  const others = mapping.emptyValues.filter((value) => !found.has(fold(value)));
  const toggle = (entry: FoundBlank, on: boolean) => onChange(on ? [...mapping.emptyValues.filter((value) => fold(value) !== entry.key), entry.value] : mapping.emptyValues.filter((value) => fold(value) !== entry.key));
  const baseRate = result && result.scored > 0 ? result.positives / result.scored : null;
  return (
    <Stack gap="xs" data-testid="calibration-empty-values">
      <div>
        <Text fw={500} size="sm">
          Values that mean “empty”
        </Text>
        <Text size="xs" c="dimmed">
          Found in the mapped columns. A ticked value is read as unknown; an unticked one is a value like any other (“unknown” can be a real category). Conversion is from the last run{baseRate !== null ? ` (base rate ${formatPercent(baseRate)})` : ''}; a change applies on the next run.
        </Text>
      </div>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {columns.length ? 'No blank-like values in the mapped columns.' : 'Map a column to see its blank-like values.'}
        </Text>
      ) : (
        <Table verticalSpacing={4} aria-label="Blank-like values found">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Means empty</Table.Th>
              <Table.Th ta="right">Cells</Table.Th>
              <Table.Th ta="right">Converted (last run)</Table.Th>
              <Table.Th>In</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((entry) => (
              <Table.Tr key={entry.key}>
                <Table.Td>
                  <Checkbox
                    label={entry.key === '' ? '(empty cell): always empty' : <span className="calibration-raw-value">{entry.value}</span>}
                    aria-label={entry.key === '' ? 'Empty cells mean empty' : `“${entry.value}” means empty`}
                    checked={entry.key === '' || ticked.has(entry.key)}
                    disabled={disabled || entry.key === ''}
                    onChange={(event) => toggle(entry, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td ta="right">{entry.cells ? count(entry.cells) : '—'}</Table.Td>
                <Table.Td ta="right">{entry.measured && entry.measured.count > 0 ? `${formatPercent(entry.measured.positives / entry.measured.count)} of ${count(entry.measured.count)}` : 'not run yet'}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {entry.columns.join(', ')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <TagsInput size="xs" label="Other values that mean “empty”" description="Enter after each" value={others} onChange={(values) => onChange([...mapping.emptyValues.filter((value) => found.has(fold(value))), ...values])} disabled={disabled} />
    </Stack>
  );
}

/** What a result must say before any figure: a rule that knocked out most leads, values that are not numbers, characters or rows not read cleanly. */
export function ReadFirst({ result }: { result: CalibrationResult }) {
  const exclusion = dominantExclusion(result);
  const unreadable = unreadableNumbers(result);
  const reading = describeExportRead(result.read);
  const unmatched = unmatchedOutcome(result);
  const unmapped = unmappedRulesNote(result);
  const unused = unusedMappingValues(result);
  if (!exclusion && unreadable.length === 0 && reading.length === 0 && !unmatched && !unmapped && unused.length === 0) return null;
  return (
    <Stack gap="xs">
      {unmatched && (
        <Alert color={unmatched.first ? 'orange' : 'yellow'} title={unmatched.text} data-testid="calibration-outcome-unmatched">
          Leads are matched to the outcome file by their key; its rows that match no lead are not counted anywhere. {unmatched.first ? 'Check that both files cover the same leads (period, region, CRM) and the key columns.' : ''}
        </Alert>
      )}
      {unmapped && (
        <Alert color="yellow" title={unmapped.text} data-testid="calibration-unmapped-first">
          Map a column to each of these rules to test them; until then they score no lead.
        </Alert>
      )}
      {unused.length > 0 && (
        <Alert color="yellow" title="Mapping values no cell has (a misspelling matches nothing)" data-testid="calibration-unused-values">
          <ul className="calibration-skips">
            {unused.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      )}
      {exclusion && (
        <Alert color="orange" title={exclusion.text} data-testid="calibration-knockout">
          {exclusion.effect === 'must-have' ? 'A must-have criterion' : 'A disqualifier'} removes most leads before any score counts, so the MQL figures below say little else. Check that the export comes from the market the rule is about, or the column and values mapped to it.
        </Alert>
      )}
      {unreadable.length > 0 && (
        <Alert color="yellow" title="Values that are not numbers, read as unknown" data-testid="calibration-not-numbers">
          <ul className="calibration-skips">
            {unreadable.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      )}
      {reading.length > 0 && (
        <Alert color="yellow" title="How the file was read" data-testid="calibration-file-read">
          <ul className="calibration-skips">
            {reading.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      )}
    </Stack>
  );
}

/** The preview's line on numbers: which columns the file writes with a decimal comma, or that it is still being read. */
export function NumberFormatsNote({ status, error, commaColumns }: { status: 'reading' | 'done' | 'error' | null; error: string | null; commaColumns: string[] }) {
  if (status === null) return null;
  return (
    <Group gap="xs" mb={4}>
      <Text size="sm" c={status === 'error' ? 'red' : 'dimmed'} data-testid="calibration-number-formats">
        {status === 'reading'
          ? 'Reading every value of the file (values and number formats)…'
          : status === 'error'
            ? `Every value could not be read: ${error ?? 'unknown error'}. Numbers are read with a decimal point.`
            : commaColumns.length
              ? `Decimal comma in ${commaColumns.map((name) => `“${name}”`).join(', ')}; the other numeric columns use a decimal point or whole numbers.`
              : 'Numbers: decimal point or whole numbers in every column.'}
      </Text>
    </Group>
  );
}
