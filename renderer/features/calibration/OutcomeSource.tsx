import { FileInput, MultiSelect, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { CalibrationMapping } from '../../../shared/engines/calibration/mapping';
import type { ColumnProfile } from '../../../shared/engines/calibration/suggest';
import type { FilePreview } from '../../store/file-preview';

/**
 * The outcome step: a column of the export ("Converted", "Stage"), or a
 * second file (closed deals, opportunities) in which a lead converted when
 * its key appears, optionally only with a value, and with its won date.
 * Grid cells of the mapping card's two-column grid.
 */
export function OutcomeSource({
  mapping,
  setMapping,
  exportColumns,
  profileOf,
  outcomeFile,
  chooseOutcome,
  disabled,
}: {
  mapping: CalibrationMapping;
  setMapping: (change: (draft: CalibrationMapping) => void) => void;
  /** The export's own columns (not the accounts file's). */
  exportColumns: string[];
  profileOf: (column: string) => ColumnProfile | undefined;
  outcomeFile: { file: File; preview: FilePreview } | null;
  chooseOutcome: (file: File | null) => void;
  disabled: boolean;
}) {
  const file = mapping.outcome.file ?? null;
  const fileColumns = outcomeFile?.preview.header ?? [];
  const fileProfile = (column: string) => outcomeFile?.preview.columns.find((entry) => entry.name === column);
  const source = (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="calibration-outcome-source">
        Where is the outcome?
      </Text>
      <SegmentedControl
        aria-labelledby="calibration-outcome-source"
        value={file ? 'file' : 'column'}
        data={[
          { value: 'column', label: 'A column of this export' },
          { value: 'file', label: 'A second file (closed deals)' },
        ]}
        onChange={(value) =>
          setMapping((draft) => {
            // Switching starts the other source afresh: a column of the export is not a column of the outcome file.
            if (value === 'file') draft.outcome = { column: '', success: [], file: { key: exportColumns.find((column) => /\bid\b|number|nr\.?$|key/i.test(column)) ?? '', fileKey: '' } };
            else draft.outcome = { column: '', success: [] };
          })
        }
        disabled={disabled}
      />
      <Text size="xs" c="dimmed">
        {file ? 'A lead converted when its key appears in the second file; the leads not in it did not convert.' : 'A column that says what happened to each lead.'}
      </Text>
    </Stack>
  );

  if (!file) {
    return (
      <>
        {source}
        <Select label="Outcome column" description="What happened to the lead" data={exportColumns} value={exportColumns.includes(mapping.outcome.column) ? mapping.outcome.column : null} placeholder={mapping.outcome.column || 'Choose a column'} searchable onChange={(column) => setMapping((draft) => void (draft.outcome = { column: column ?? '', success: [] }))} disabled={disabled} />
        <MultiSelect label="Values that mean success" description="e.g. 1, Won, Converted" data={profileOf(mapping.outcome.column)?.values ?? mapping.outcome.success} value={mapping.outcome.success} onChange={(values) => setMapping((draft) => void (draft.outcome.success = values))} disabled={disabled} />
        <MultiSelect label="Values that mean failure (optional)" description="Rows with any other value, e.g. deals still open, are skipped and counted" data={profileOf(mapping.outcome.column)?.values ?? mapping.outcome.failure ?? []} value={mapping.outcome.failure ?? []} onChange={(values) => setMapping((draft) => (values.length ? void (draft.outcome.failure = values) : void delete draft.outcome.failure))} disabled={disabled} />
      </>
    );
  }

  const setFile = (change: Partial<NonNullable<CalibrationMapping['outcome']['file']>>) =>
    setMapping((draft) => {
      const current = draft.outcome.file ?? { key: '', fileKey: '' };
      const next = { ...current, ...change };
      if (!next.date) delete next.date;
      draft.outcome.file = next;
    });
  const conditionValues = mapping.outcome.column ? (fileProfile(mapping.outcome.column)?.values ?? mapping.outcome.success) : [];
  return (
    <>
      {source}
      <FileInput label="Outcome file (CSV)" description="Closed deals, opportunities or customers: one row per converted lead" accept=".csv,.tsv,.txt,text/csv" leftSection={<IconFileSpreadsheet size={16} />} value={outcomeFile?.file ?? null} onChange={(chosen) => chooseOutcome(chosen)} clearable placeholder="Choose the outcome file" disabled={disabled} />
      <Select label="Key in this export" description="The column that identifies a lead, e.g. Lead ID" data={exportColumns} value={exportColumns.includes(file.key) ? file.key : null} placeholder={file.key ? `${file.key} (not in this file)` : 'Choose a column'} searchable onChange={(column) => setFile({ key: column ?? '' })} disabled={disabled} />
      <Select label="The same key in the outcome file" data={fileColumns} value={fileColumns.includes(file.fileKey) ? file.fileKey : null} placeholder={outcomeFile ? file.fileKey || 'Choose a column' : 'Choose the outcome file first'} searchable onChange={(column) => setFile({ fileKey: column ?? '' })} disabled={disabled || !outcomeFile} />
      <Select
        label="Only rows where (optional)"
        description="A column of the outcome file, e.g. Stage; empty: every row counts"
        data={fileColumns}
        value={fileColumns.includes(mapping.outcome.column) ? mapping.outcome.column : null}
        placeholder="Every row counts"
        clearable
        searchable
        onChange={(column) =>
          setMapping((draft) => {
            draft.outcome.column = column ?? '';
            draft.outcome.success = [];
            delete draft.outcome.failure;
          })
        }
        disabled={disabled || !outcomeFile}
      />
      {mapping.outcome.column !== '' && <MultiSelect label={`Values of “${mapping.outcome.column}” that mean converted`} data={conditionValues} value={mapping.outcome.success} onChange={(values) => setMapping((draft) => void (draft.outcome.success = values))} disabled={disabled} />}
      <Select label="Won date in the outcome file (optional)" description="Its latest date is the export’s last outcome date, for leads too recent to judge" data={fileColumns} value={file.date && fileColumns.includes(file.date) ? file.date : null} placeholder="No date" clearable onChange={(column) => setFile({ date: column ?? undefined })} disabled={disabled || !outcomeFile} />
    </>
  );
}
