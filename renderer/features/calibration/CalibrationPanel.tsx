import '../../components/mantine-ui-styles';
import { RunProgress } from '../../components/RunProgress';
import './calibration.css';
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Modal, MultiSelect, NumberInput, Popover, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconFileSpreadsheet, IconPlayerPlay, IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import type { CalibrationResult, Tally } from '../../../shared/engines/calibration/calibrate';
import type { CalibrationMapping } from '../../../shared/engines/calibration/mapping';
import { describeTextReading, encodingLabels } from '../../../shared/engines/csv/decode';
import { ruleVerdictLabels, ruleVerdictOf, type RuleVerdictKind } from '../../../shared/engines/calibration/verdict';
import { decideDecimals, numericShare, type ColumnStats, type DecimalChoice } from '../../../shared/engines/calibration/profile';
import { blankLikeValues } from '../../../shared/engines/calibration/mapping';
import { agreementAttributes } from '../../../shared/engines/scoring/scoring';
import type { DecimalSeparator } from '../../../shared/engines/scoring/numbers';
import { DecimalPicker, EmptyValuesPicker, NumberFormatsNote, ReadFirst } from './ExportValues';
import { OutcomeSource } from './OutcomeSource';
import { RecencyMark, RecencyNotice } from './RecencyNotice';
import { shownFigures } from '../../../shared/engines/calibration/recency';
import { fitGrades, type Agreement } from '../../../shared/model/agreement';
import { calibrationSamples } from '../../../shared/templates/samples';
import { notify } from '../../components/notify';
import { useCalibration, useCalibrationStore, useEditor, useEditorStore } from '../../store/stores';
import { changePointsEdit, removeRuleEdit, ruleEditable, rulePointsRange, rulesFingerprint, type AgreementEdit } from '../../../shared/engines/calibration/decision';
import { plainFigures } from '../../../shared/engines/calibration/plain-figures';
import { changedPositionText, isChanged } from '../../../shared/model/consensus';
import { consensusItems } from '../../../shared/model/sections';
import { formatDateTime } from '../../../shared/text/datetime';
import { formatPercent } from '../../../shared/text/percent';

const CalibrationCharts = lazy(() => import('./CalibrationCharts').then((module) => ({ default: module.CalibrationCharts })));

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const rate = (tally: Tally) => (tally.count > 0 ? tally.positives / tally.count : 0);

/** The verdict badges' colours; the verdict itself is the shared `ruleVerdict`. */
const verdictTones: Record<RuleVerdictKind, string> = { predicts: 'teal', against: 'red', 'no-difference': 'yellow', 'too-few': 'gray', 'not-mapped': 'orange' };

/**
 * Calibration: test the agreed rules on the company's own CRM export.
 * Choose the file, check the mapping, run (in a worker, with progress and
 * cancel), read the results. Only the mapping and results are stored.
 */
export function CalibrationPanel({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) {
  const store = useCalibrationStore();
  const state = useCalibration((current) => current);
  const attributes = useMemo(() => agreementAttributes(agreement), [agreement]);
  const signals = agreement.engagement.signals.filter((signal) => signal.key.trim() !== '');
  const { leads, accounts, mapping, status, progress, error, result, stored } = state;
  const columns = useMemo(() => [...(leads?.preview.header ?? []), ...(accounts?.preview.header.map((name) => `accounts.${name}`) ?? [])], [leads, accounts]);
  const profileOf = (column: string) => (column.startsWith('accounts.') ? accounts?.preview.columns.find((entry) => `accounts.${entry.name}` === column) : leads?.preview.columns.find((entry) => entry.name === column));
  // The whole file (read in the worker after the preview): every value with its count, and how each column writes numbers.
  const leadsProfile = state.profiles.leads?.profile ?? null;
  const accountsProfile = state.profiles.accounts?.profile ?? null;
  const decimals = useMemo(() => {
    const map = new Map<string, DecimalChoice>(leadsProfile ? decideDecimals(leadsProfile) : []);
    if (accountsProfile) for (const [name, choice] of decideDecimals(accountsProfile)) map.set(`accounts.${name}`, choice);
    return map;
  }, [leadsProfile, accountsProfile]);
  const statsOf = (column: string): ColumnStats | undefined => (column.startsWith('accounts.') ? accountsProfile?.columns.find((entry) => `accounts.${entry.name}` === column) : leadsProfile?.columns.find((entry) => entry.name === column));
  const rowsOf = (column: string) => (column.startsWith('accounts.') ? (accountsProfile?.rows ?? null) : (leadsProfile?.rows ?? null));
  const decimalOf = (column: string): DecimalSeparator => mapping?.numbers?.[column]?.decimal ?? decimals.get(column)?.decimal ?? '.';
  const blankLike = useMemo(() => new Set([...blankLikeValues, ...(mapping?.emptyValues ?? [])].map((value) => value.trim().toLowerCase())), [mapping?.emptyValues]);
  const setDecimal = (column: string, decimal: DecimalSeparator | null) =>
    setMapping((draft) => {
      const numbers = { ...draft.numbers };
      if (decimal) numbers[column] = { decimal };
      else delete numbers[column];
      if (Object.keys(numbers).length) draft.numbers = numbers;
      else delete draft.numbers;
    });
  const mappedColumns = mapping ? [...new Set([...Object.values(mapping.attributes), ...Object.values(mapping.signals)].map((entry) => entry.column))] : [];
  const setMapping = (change: (draft: CalibrationMapping) => void) => {
    if (!mapping) return;
    const next = structuredClone(mapping);
    change(next);
    store.getState().setMapping(next);
  };
  const running = status === 'running';
  // Carrying a result back into the rules: an edit through the editor (one undo step; the consensus rules reset the item), then a re-run.
  const editor = useEditorStore();
  const locked = useEditor((current) => current.locked);
  const [lastEdit, setLastEdit] = useState<{ text: string; items: AgreementEdit['items']; after: Agreement; rerun: boolean } | null>(null);
  const fingerprint = useMemo(() => rulesFingerprint(agreement), [agreement]);
  const stale = result?.rulesFingerprint !== undefined && result.rulesFingerprint !== fingerprint;
  const editDisabled = locked ? 'The agreement is being signed or is signed: amend it to change the rules.' : running ? 'Wait for the run to finish.' : null;
  const applyEdit = (edit: AgreementEdit) => {
    const before = editor.getState().agreement;
    editor.getState().update(edit.recipe);
    const after = editor.getState().agreement;
    if (!after || after === before) {
      notify({ message: locked ? 'The agreement is being signed or is signed: amend it to change the rules.' : 'Nothing changed.' });
      return;
    }
    // The export is still chosen: run again at once. Otherwise (a stored result) the figures are marked stale below.
    const rerun = leads !== null;
    setLastEdit({ text: edit.text, items: edit.items, after, rerun });
    if (rerun) void store.getState().run(after);
  };
  const undoEdit = () => {
    if (!lastEdit || editor.getState().agreement !== lastEdit.after) return;
    editor.getState().undo();
    const now = editor.getState().agreement;
    setLastEdit(null);
    if (now && leads) void store.getState().run(now);
  };
  const editNote = lastEdit ? <EditNote edit={lastEdit} agreement={agreement} canUndo={agreement === lastEdit.after && !locked} onUndo={undoEdit} /> : null;

  return (
    <Modal opened onClose={onClose} fullScreen title="Calibrate the rules on your CRM data" classNames={{ body: 'calibration-body' }}>
      <Stack gap="lg" className="calibration-page">
        <Text c="dimmed">
          Facts, not opinion: score last year’s leads with the rules on the table and see which ones predict success. The file is read on this computer, in the background; only the mapping and the results are kept with the workshop, never the rows.
        </Text>

        <Card withBorder radius="md" padding="lg">
          <Title order={3} mb="sm">
            1. The export
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <FileInput label="Leads or opportunities (CSV)" description="Comma, semicolon or tab; any encoding; quoted fields" accept=".csv,.tsv,.txt,text/csv" leftSection={<IconFileSpreadsheet size={16} />} value={leads?.file ?? null} onChange={(file) => file && void store.getState().chooseLeads(file, agreement)} placeholder="Choose a file" disabled={running} />
            <FileInput label="Accounts to join (optional CSV)" description="Firmographics per account, joined on a key column" accept=".csv,.tsv,.txt,text/csv" leftSection={<IconFileSpreadsheet size={16} />} value={accounts?.file ?? null} onChange={(file) => void store.getState().chooseAccounts(file)} clearable placeholder="No accounts file" disabled={running} />
          </SimpleGrid>
          <Group mt="sm" gap="xs">
            <Text size="sm" c="dimmed">
              Sample data:
            </Text>
            {calibrationSamples.map((sample) => (
              <Button
                key={sample.id}
                size="compact-sm"
                variant="light"
                onClick={() =>
                  void store
                    .getState()
                    .useMapping(sample.mapping)
                    .then(() => notify({ message: `The mapping for ${sample.name} is set. Choose ${sample.files.leads}${sample.files.accounts ? ` and ${sample.files.accounts}` : ''} from the shared data folder.` }))
                }
                disabled={running}
              >
                Use the {sample.name} mapping
              </Button>
            ))}
          </Group>
          {leads && (
            <div className="calibration-preview">
              <Text size="sm" mt="md" mb={4} data-testid="calibration-file-facts">
                {leads.preview.name}: {(leads.preview.size / 1e6).toFixed(1)} MB, {encodingLabels[leads.preview.encoding]}, separated by {leads.preview.delimiter === '\t' ? 'tabs' : `“${leads.preview.delimiter}”`}, {leads.preview.header.length} columns. First rows:
              </Text>
              {describeTextReading(leads.preview.reading) && (
                <Alert color="yellow" variant="light" mb="xs" data-testid="calibration-file-reading">
                  {leads.preview.name}: {describeTextReading(leads.preview.reading)}
                </Alert>
              )}
              <NumberFormatsNote status={state.profiles.leads?.status ?? null} error={state.profiles.leads?.error ?? null} commaColumns={leadsProfile ? leadsProfile.columns.filter((column) => decimals.get(column.name)?.decimal === ',' && column.shapes.comma + column.shapes.ambiguous > 0).map((column) => column.name) : []} />
              {/* A focusable scroll region, so the preview can be scrolled from the keyboard. */}
              <div className="calibration-preview-scroll" tabIndex={0} role="region" aria-label="Preview of the export">
                <Table withTableBorder striped fz="xs" aria-label="First rows of the export">
                  <Table.Thead>
                    <Table.Tr>
                      {leads.preview.header.map((name, index) => (
                        <Table.Th key={index}>{name}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {leads.preview.rows.slice(0, 5).map((row, rowIndex) => (
                      <Table.Tr key={rowIndex}>
                        {leads.preview.header.map((_, index) => (
                          <Table.Td key={index}>{row[index] ?? ''}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            </div>
          )}
        </Card>

        {/* Step 2 is always on screen (empty until an export is chosen), so the steps read 1, 2, 3 and never "1, 3". */}
        {!mapping && (
          <Card withBorder radius="md" padding="lg" data-testid="calibration-step-mapping-empty">
            <Title order={3} mb={4}>
              2. Which column is which
            </Title>
            <Text size="sm" c="dimmed">
              Once an export is chosen, its columns are matched here to the agreement’s attributes and the outcome.
            </Text>
          </Card>
        )}
        {mapping && (
          <Card withBorder radius="md" padding="lg">
            <Title order={3} mb={4}>
              2. Which column is which
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Suggested from the column names and values; check each line. An attribute without a column is “unknown” for every lead.
            </Text>
            <Table verticalSpacing="xs" aria-label="Attributes and signals mapped to columns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Agreement</Table.Th>
                  <Table.Th>Column of the export</Table.Th>
                  <Table.Th>Values</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attributes.map((attribute) => {
                  const entry = mapping.attributes[attribute.name];
                  const profile = entry ? profileOf(entry.column) : undefined;
                  const whole = entry ? statsOf(entry.column) : undefined;
                  const found = attribute.kind === 'category' && profile ? attribute.values.filter((value) => (whole ? whole.values.map((seen) => seen.value) : profile.values).some((seen) => seen.toLowerCase() === value.toLowerCase())) : [];
                  return (
                    <Table.Tr key={attribute.name}>
                      <Table.Td>
                        <Text fw={600}>{attribute.label}</Text>
                        <Text size="xs" c="dimmed">
                          {attribute.usedBy.join('; ')}
                        </Text>
                      </Table.Td>
                      <Table.Td w="34%">
                        <ColumnSelect
                          label={attribute.label}
                          columns={columns}
                          column={entry?.column}
                          disabled={running}
                          onChange={(column) =>
                            setMapping((draft) => {
                              if (column) draft.attributes[attribute.name] = { ...draft.attributes[attribute.name], column };
                              else delete draft.attributes[attribute.name];
                            })
                          }
                        />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {!profile ? '—' : attribute.kind === 'category' ? `${found.length} of ${attribute.values.length} agreed values seen${profile.values.length ? `; e.g. ${profile.values.slice(0, 3).join(', ')}` : ''}` : `e.g. ${profile.values.slice(0, 3).join(', ') || 'empty'}`}
                        </Text>
                        {entry && attribute.kind === 'number' && <DecimalPicker column={entry.column} detected={decimals.get(entry.column) ?? null} chosen={mapping.numbers?.[entry.column]?.decimal ?? null} disabled={running} onChange={(decimal) => setDecimal(entry.column, decimal)} />}
                        {entry && profile && attribute.kind === 'category' && (
                          <ValueTranslations
                            attribute={attribute.label}
                            agreed={attribute.values}
                            seen={(whole ? whole.values : profile.values.map((value) => ({ value, count: null }))).filter((seen) => !attribute.values.some((agreed) => agreed.toLowerCase() === seen.value.toLowerCase()))}
                            complete={whole ? whole.unlistedCells === 0 : false}
                            translations={entry.values ?? {}}
                            disabled={running}
                            onChange={(values) =>
                              setMapping((draft) => {
                                const current = draft.attributes[attribute.name];
                                if (current) draft.attributes[attribute.name] = Object.keys(values).length ? { column: current.column, values } : { column: current.column };
                              })
                            }
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
                {signals.map((signal) => {
                  const entry = mapping.signals[signal.key];
                  const profile = entry ? profileOf(entry.column) : undefined;
                  const whole = entry ? statsOf(entry.column) : undefined;
                  // A count column is one whose values read as numbers the way this file writes them (the whole column, when read).
                  const counts = whole ? numericShare(whole, decimalOf(entry!.column), blankLike) >= 0.8 : profile ? profile.numericShare >= 0.8 : false;
                  return (
                    <Table.Tr key={signal.key}>
                      <Table.Td>
                        <Text fw={600}>{signal.name}</Text>
                        <Text size="xs" c="dimmed">
                          Signal “{signal.key}”
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <ColumnSelect
                          label={signal.name}
                          columns={columns}
                          column={entry?.column}
                          disabled={running}
                          onChange={(column) =>
                            setMapping((draft) => {
                              if (column) draft.signals[signal.key] = { column };
                              else delete draft.signals[signal.key];
                            })
                          }
                        />
                      </Table.Td>
                      <Table.Td>
                        {entry && profile && (!counts || entry.equals) ? (
                          <MultiSelect aria-label={`Values that count as ${signal.name}`} placeholder="Counts once when the value is…" data={[...new Set([...(whole ? whole.values.map((seen) => seen.value) : profile.values), ...(entry.equals ?? [])])]} value={entry.equals ?? []} onChange={(values) => setMapping((draft) => void (draft.signals[signal.key] = { column: entry.column, ...(values.length ? { equals: values } : {}) }))} disabled={running} searchable />
                        ) : entry ? (
                          <Stack gap={4}>
                            <Text size="sm" c="dimmed">
                              The number in the column is the count
                            </Text>
                            <DecimalPicker column={entry.column} detected={decimals.get(entry.column) ?? null} chosen={mapping.numbers?.[entry.column]?.decimal ?? null} disabled={running} onChange={(decimal) => setDecimal(entry.column, decimal)} />
                          </Stack>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not mapped: unknown for every lead
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>

            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mt="md">
              <OutcomeSource mapping={mapping} setMapping={setMapping} exportColumns={leads?.preview.header ?? []} profileOf={profileOf} outcomeFile={state.outcomeFile} chooseOutcome={(file) => void store.getState().chooseOutcome(file)} disabled={running} />
              <Select label="Date column (optional)" description="For leads per month against the plan, and leads too recent to judge" data={columns} value={mapping.date?.column && columns.includes(mapping.date.column) ? mapping.date.column : null} clearable onChange={(column) => setMapping((draft) => void (draft.date = column ? { column } : null))} disabled={running} />
              <TextInput type="date" label="Score as of" description="Decay is measured to this date" value={state.asOf} onChange={(event) => store.getState().setAsOf(event.currentTarget.value)} disabled={running} />
              {accounts && (
                <>
                  <Select label="Join: column of the export" data={leads?.preview.header ?? []} value={mapping.accounts?.key ?? null} onChange={(key) => setMapping((draft) => void (draft.accounts = key ? { key, accountsKey: draft.accounts?.accountsKey ?? key } : null))} clearable disabled={running} />
                  <Select label="Join: column of the accounts file" data={accounts.preview.header} value={mapping.accounts?.accountsKey ?? null} onChange={(accountsKey) => setMapping((draft) => void (draft.accounts = accountsKey ? { key: draft.accounts?.key ?? accountsKey, accountsKey } : null))} clearable disabled={running} />
                </>
              )}
            </SimpleGrid>
            <Card withBorder radius="sm" padding="sm" mt="md">
              <EmptyValuesPicker mapping={mapping} columns={mappedColumns} stats={statsOf} rows={rowsOf} result={result} disabled={running} onChange={(emptyValues) => setMapping((draft) => void (draft.emptyValues = emptyValues))} />
            </Card>
          </Card>
        )}

        <Card withBorder radius="md" padding="lg">
          <Title order={3} mb="sm">
            3. Run
          </Title>
          {state.mappingNotice && (
            <Alert color="yellow" title="Mapping keys the agreement or the export no longer has" mb="sm" data-testid="calibration-mapping-notice">
              {state.mappingNotice}
            </Alert>
          )}
          {error && (
            <Alert color="red" title="Not calibrated" mb="sm" data-testid="calibration-error">
              {error}
            </Alert>
          )}
          {running && progress ? (
            <RunProgress label="Calibration progress" bytes={progress.bytes} total={progress.total} status={progress.rows === 0 && progress.bytes === 0 && state.profiles.leads?.status === 'reading' ? 'Reading every value of the file first (how its numbers are written)…' : `${count(progress.rows)} rows read, ${Math.round(progress.total ? (progress.bytes / progress.total) * 100 : 0)} %`} onCancel={() => store.getState().cancel()} />
          ) : (
            <Group>
              <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void store.getState().run(agreement)} disabled={!leads || !mapping}>
                Run the calibration
              </Button>
              {!leads && <Text c="dimmed">Choose an export first.</Text>}
              {stored && (
                <Text size="sm" c="dimmed">
                  Last run {formatDateTime(stored.ranAt, agreement.calendar?.timeZone)} on {stored.files.leads}
                  {stored.files.accounts ? ` + ${stored.files.accounts}` : ''}
                  {stored.files.outcome ? `, outcome from ${stored.files.outcome}` : ''}.
                </Text>
              )}
            </Group>
          )}
        </Card>

        {result && (!running || lastEdit?.rerun) && (
          <Results
            result={result}
            agreement={agreement}
            onEdit={applyEdit}
            editDisabled={editDisabled}
            editNote={editNote}
            stale={stale ? { running, canRun: leads !== null && mapping !== null, onRun: () => void store.getState().run(agreement) } : null}
          />
        )}
      </Stack>
    </Modal>
  );
}

/** Values listed at once in the value mapping; the filter reaches the others. */
const VALUES_SHOWN = 150;

/** Lets a person say which agreed category an export's own value means (“technolgy” → “technology”): every value of the column, with its count. */
function ValueTranslations({ attribute, agreed, seen, complete, translations, disabled, onChange }: { attribute: string; agreed: string[]; seen: { value: string; count: number | null }[]; complete: boolean; translations: Record<string, string>; disabled: boolean; onChange: (values: Record<string, string>) => void }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  if (seen.length === 0 && Object.keys(translations).length === 0) return null;
  const mapped = Object.keys(translations).length;
  const counts = new Map(seen.map((entry) => [entry.value, entry.count]));
  const all = [...new Set([...Object.keys(translations), ...seen.map((entry) => entry.value)])];
  const wanted = filter.trim().toLowerCase();
  const matching = wanted ? all.filter((value) => value.toLowerCase().includes(wanted)) : all;
  return (
    <div>
      <Anchor component="button" type="button" size="sm" onClick={() => setOpen((value) => !value)} aria-expanded={open}>
        {open ? 'Hide' : `Map the export’s values (${count(seen.length)} other than the agreed ones${complete ? '' : ', from the first rows'})`}
        {mapped ? ` (${mapped} mapped)` : ''}
      </Anchor>
      {open && (
        <Stack gap={4} mt={6}>
          {all.length > 10 && <TextInput size="xs" aria-label={`Find a value of ${attribute}`} placeholder={`Find one of ${count(all.length)} values`} value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />}
          {matching.slice(0, VALUES_SHOWN).map((value) => (
            <Group key={value} gap="xs" wrap="nowrap">
              <Text size="sm" className="calibration-raw-value">
                {value}
              </Text>
              <Text size="xs" c="dimmed" miw="4.5em" ta="right">
                {counts.get(value) != null ? `${count(counts.get(value)!)} ×` : ''}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                counts as
              </Text>
              <Select
                size="xs"
                aria-label={`${attribute}: what “${value}” counts as`}
                data={agreed}
                value={translations[value] ?? null}
                placeholder="Itself"
                clearable
                disabled={disabled}
                onChange={(target) => {
                  const next = { ...translations };
                  if (target) next[value] = target;
                  else delete next[value];
                  onChange(next);
                }}
              />
            </Group>
          ))}
          {matching.length > VALUES_SHOWN && (
            <Text size="xs" c="dimmed">
              {count(matching.length - VALUES_SHOWN)} more values: type in the box above to find one.
            </Text>
          )}
        </Stack>
      )}
    </div>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text className="calibration-stat">{value}</Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

const sideNames = { marketing: 'Marketing', sales: 'Sales' } as const;

/** What was just changed in the agreement from the results, what it did to the consensus, and Undo (one step of the editor). */
function EditNote({ edit, agreement, canUndo, onUndo }: { edit: { text: string; items: AgreementEdit['items'] }; agreement: Agreement; canUndo: boolean; onUndo: () => void }) {
  const items = consensusItems(agreement);
  return (
    <Alert color="blue" variant="light" title={`Changed in the agreement: ${edit.text}`} data-testid="calibration-edit">
      <Stack gap={6}>
        {edit.items.map((where) => {
          const item = items.find((entry) => entry.section === where.section && entry.id === where.id);
          if (!item) return <Text key={where.id} size="sm">Removed with its positions; Undo brings it back as it was.</Text>;
          const changed = (['marketing', 'sales'] as const).filter((team) => isChanged(item.positions[team]));
          return (
            <Text key={where.id} size="sm">
              {item.label}: {item.state === 'agreed' ? 'still agreed' : changed.length ? changed.map((team) => `${sideNames[team]} ${changedPositionText(item.positions[team] as 'changed-agree' | 'changed-disagree')}`).join('; ') : `${item.state}, as before`}.
            </Text>
          );
        })}
        <Group gap="sm">
          <Button size="compact-sm" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={onUndo} disabled={!canUndo}>
            Undo this change
          </Button>
          {!canUndo && (
            <Text size="xs" c="dimmed">
              The agreement changed again since: undo it in the workshop.
            </Text>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/** A rule's "Change points" (a small form in a popover) and "Remove", as edits of the agreement. */
function RuleActions({ rule, agreement, onEdit, disabled }: { rule: CalibrationResult['rules'][number]; agreement: Agreement; onEdit: (edit: AgreementEdit) => void; disabled: string | null }) {
  const [open, setOpen] = useState(false);
  const editable = ruleEditable(agreement, rule);
  const [points, setPoints] = useState<number | string>(editable.points ?? 0);
  if (!editable.present) {
    return (
      <Text size="xs" c="dimmed">
        No longer in the agreement
      </Text>
    );
  }
  const change = typeof points === 'number' ? changePointsEdit(agreement, rule, points) : null;
  return (
    <Group gap={4} wrap="nowrap">
      {editable.hasPoints && (
        <Popover opened={open} onChange={setOpen} position="bottom-end" withArrow trapFocus>
          <Popover.Target>
            <Button size="compact-sm" variant="subtle" onClick={() => (setPoints(editable.points ?? 0), setOpen((value) => !value))} disabled={disabled !== null} aria-label={`Change points of ${rule.label}`}>
              Change points
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (change?.ok) {
                  onEdit(change.edit);
                  setOpen(false);
                }
              }}
            >
              <Stack gap="xs" w={240}>
                <NumberInput label={`Points for ${rule.label}`} value={points} onChange={setPoints} min={rulePointsRange.min} max={rulePointsRange.max} data-autofocus />
                {change && !change.ok && (
                  <Text size="xs" c="dimmed">
                    {change.reason}
                  </Text>
                )}
                <Button type="submit" size="compact-sm" disabled={!change?.ok}>
                  Use {typeof points === 'number' ? points : ''} points
                </Button>
              </Stack>
            </form>
          </Popover.Dropdown>
        </Popover>
      )}
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        disabled={disabled !== null}
        aria-label={`Remove ${rule.label}`}
        onClick={() => {
          const removal = removeRuleEdit(agreement, rule);
          if (removal.ok) onEdit(removal.edit);
        }}
      >
        Remove
      </Button>
    </Group>
  );
}

function Results({ result: stored, agreement, onEdit, editDisabled, editNote, stale }: { result: CalibrationResult; agreement: Agreement; onEdit: (edit: AgreementEdit) => void; editDisabled: string | null; editNote: ReactNode; stale: { running: boolean; canRun: boolean; onRun: () => void } | null }) {
  // Without the leads too recent to judge unless the person counts them (the switch in RecencyNotice).
  const includeRecent = useCalibration((state) => state.includeRecent);
  const store = useCalibrationStore();
  const result = shownFigures(stored, includeRecent);
  const sentences = plainFigures(result);
  const [editedFrom, setEditedFrom] = useState<'sweep' | 'rules'>('sweep');
  const edit = (where: 'sweep' | 'rules') => (change: AgreementEdit) => {
    setEditedFrom(where);
    onEdit(change);
  };
  return (
    <Stack gap="lg" data-testid="calibration-results" aria-busy={stale?.running ?? false}>
      <Title order={3}>4. What the data says</Title>
      {stale && (
        <Alert color="orange" title={stale.running ? 'Running again with the rules as they are now…' : 'These figures are of the rules before a change'} data-testid="calibration-stale">
          <Group gap="sm">
            <Text size="sm">{stale.running ? 'The figures below are still those of the rules before the change.' : stale.canRun ? 'The agreement’s scoring rules changed since this run.' : 'The agreement’s scoring rules changed since this run. The export is not kept: choose it again (step 1) to run on the rules as they are now.'}</Text>
            {!stale.running && (
              <Button size="compact-sm" leftSection={<IconRefresh size={14} />} onClick={stale.onRun} disabled={!stale.canRun}>
                Run again with the rules as they are now
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <ReadFirst result={{ ...result, read: stored.read, outcomeMatch: stored.outcomeMatch }} />
      <RecencyNotice result={stored} includeRecent={includeRecent} onToggle={(include) => store.getState().setIncludeRecent(include)} />
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        <Stat label="Rows scored" value={count(result.scored)} hint={`${count(result.rows)} read, ${count(result.skipped.total)} skipped${!includeRecent && stored.recency?.judged ? `, ${count(stored.recency.tooRecent)} too recent` : ''}`} />
        <Stat label="Base rate" value={formatPercent(result.baseRate)} hint={`${count(result.positives)} successes`} />
        <Stat label="MQLs by the rule" value={count(result.mqls)} hint={`${count(result.truePositives)} succeeded`} />
        <Stat label="MQL conversion (precision)" value={result.mqls > 0 ? formatPercent(result.precision) : '—'} hint={result.mqls > 0 ? undefined : 'No MQL to convert'} />
        <Stat label="Successes caught (recall)" value={result.positives > 0 ? formatPercent(result.recall) : '—'} hint={result.positives > 0 ? undefined : 'No success to catch'} />
        <Stat label="Lift" value={result.mqls > 0 && result.baseRate > 0 ? `${result.lift.toFixed(2)} ×` : '—'} hint={result.mqls > 0 ? (result.baseRate > 0 ? 'MQL conversion ÷ base rate' : 'No success: no lift') : 'No MQL: no lift'} />
      </SimpleGrid>
      <Card withBorder radius="md" padding="md" data-testid="calibration-plain">
        <Stack gap={4}>
          <Text size="lg" fw={600}>
            {sentences.precision}
          </Text>
          <Text size="lg">{sentences.recall}</Text>
          <Text size="lg">{sentences.lift}</Text>
        </Stack>
      </Card>
      {result.skipped.total > 0 && (
        <Alert color="yellow" title={`${count(result.skipped.total)} rows were skipped, not dropped silently`}>
          <ul className="calibration-skips">
            {result.skipped.reasons.map((reason) => (
              <li key={reason.reason}>
                {count(reason.count)} × {reason.reason} (first on line {reason.firstLine})
              </li>
            ))}
          </ul>
        </Alert>
      )}

      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="xs">
          Leads per grade
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Fit A–D down, engagement 4–1 across; each cell: leads and how many succeeded.
        </Text>
        <Table withTableBorder aria-label="Leads per grade" className="calibration-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fit</Table.Th>
              {[4, 3, 2, 1].map((level) => (
                <Table.Th key={level} ta="right">
                  Engagement {level}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fitGrades.map((grade) => (
              <Table.Tr key={grade}>
                <Table.Th>{grade}</Table.Th>
                {[4, 3, 2, 1].map((level) => {
                  const tally = result.grades[`${grade}${level}`] ?? { count: 0, positives: 0 };
                  return (
                    <Table.Td key={level} ta="right">
                      <Text fw={600}>{count(tally.count)}</Text>
                      <Text size="xs" c="dimmed">
                        {tally.count ? `${formatPercent(rate(tally))} converted` : '—'}
                      </Text>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="xs">
          Which agreed rules predict success
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Remove a rule or change its points here: the agreement changes (one undo step), the item needs both sides to reconfirm, and the calibration runs again.
        </Text>
        {editedFrom === 'rules' && editNote}
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="Conversion with and without each rule">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rule</Table.Th>
                <Table.Th ta="right">Leads with it</Table.Th>
                <Table.Th ta="right">Converted with</Table.Th>
                <Table.Th ta="right">Converted without</Table.Th>
                <Table.Th>Verdict</Table.Th>
                <Table.Th>
                  <span className="calibration-visually-hidden">Change in the agreement</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.rules.map((rule) => {
                const verdict = ruleVerdictOf(rule);
                return (
                  <Table.Tr key={`${rule.kind}-${rule.id}`}>
                    <Table.Td>
                      <Text>{rule.label}</Text>
                      <Text size="xs" c="dimmed">
                        {rule.kind === 'icp' ? 'Fit criterion' : rule.kind === 'signal' ? 'Engagement signal' : 'Fast-track'}
                      </Text>
                    </Table.Td>
                    {/* Not mapped: nothing was measured, so no figure (not 0, not the base rate). */}
                    <Table.Td ta="right">{verdict === 'not-mapped' ? '—' : count(rule.with.count)}</Table.Td>
                    <Table.Td ta="right">{verdict !== 'not-mapped' && rule.with.count ? formatPercent(rate(rule.with)) : '—'}</Table.Td>
                    <Table.Td ta="right">{verdict !== 'not-mapped' && rule.without.count ? formatPercent(rate(rule.without)) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={verdictTones[verdict]} tt="none">
                        {ruleVerdictLabels[verdict]}
                      </Badge>
                      <RecencyMark result={stored} rule={rule} includeRecent={includeRecent} />
                    </Table.Td>
                    <Table.Td>
                      <RuleActions rule={rule} agreement={agreement} onEdit={edit('rules')} disabled={editDisabled} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>

      <Suspense fallback={<Text c="dimmed">Loading the charts…</Text>}>
        <CalibrationCharts result={result} agreement={agreement} onEdit={edit('sweep')} editDisabled={editDisabled} editNote={editedFrom === 'sweep' ? editNote : null} />
      </Suspense>
    </Stack>
  );
}

/** The export's column an attribute or signal is read from; a mapped column this file lacks is named as such, never silently dropped. */
function ColumnSelect({ label, columns, column, disabled, onChange }: { label: string; columns: string[]; column: string | undefined; disabled: boolean; onChange: (column: string | null) => void }) {
  return (
    <Select
      aria-label={`Column for ${label}`}
      data={columns}
      value={column && columns.includes(column) ? column : null}
      placeholder={column ? `${column} (not in this file)` : 'Not mapped'}
      clearable
      searchable
      onChange={onChange}
      disabled={disabled}
    />
  );
}
