import '../../components/mantine-ui-styles';
import { RunProgress } from '../../components/RunProgress';
import './review.css';
import { Alert, Badge, Button, Card, FileInput, Group, Modal, Select, SimpleGrid, Stack, Table, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf, IconMarkdown, IconPlayerPlay } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { historyFieldLabels, historyFields } from '../../../shared/engines/review/mapping';
import { reviewableVersions, reviewedVersionLabel } from '../../../shared/model/versions';
import { checkedRequiredFields, commitmentStates, countStates, stateLabels, type CommitmentState, type ReviewResult } from '../../../shared/engines/review/review';
import { describeCalendar } from '../../../shared/engines/calendar/business-time';
import type { Agreement } from '../../../shared/model/agreement';
import { teamLabels } from '../../../shared/model/teams';
import { notify } from '../../components/notify';
import { exportReviewReport } from '../../store/export-actions';
import { reviewTrend } from '../../../shared/document/review-report';
import { useBranding, useReview, useReviewStore, useVersions } from '../../store/stores';
import { formatDay } from '../../../shared/text/datetime';
import { formatPercent } from '../../../shared/text/percent';

const ReviewCharts = lazy(() => import('./ReviewCharts').then((module) => ({ default: module.ReviewCharts })));

export const stateLook: Record<CommitmentState, { label: string; color: string }> = {
  met: { label: stateLabels.met, color: 'teal' },
  'at-risk': { label: stateLabels['at-risk'], color: 'yellow' },
  missed: { label: stateLabels.missed, color: 'red' },
  'no-data': { label: stateLabels['no-data'], color: 'gray' },
  'no-target': { label: stateLabels['no-target'], color: 'blue' },
};

/** The version a review measures: the one in force (the last signed), or another signed one; the draft only when nothing is signed. */
function useReviewedVersion(draft: Agreement) {
  const versions = useVersions((state) => state.versions);
  // A version whose content no longer matches its hash is never trusted, so never reviewed against.
  const signed = useMemo(() => reviewableVersions(versions, (version) => version.intact), [versions]);
  const [chosen, setChosen] = useState<string | null>(null);
  const version = signed.find((entry) => entry.id === chosen) ?? signed[0] ?? null;
  const signedOn = (lockedAt: number | null) => (lockedAt === null ? '' : `, signed ${formatDay(lockedAt, draft.calendar?.timeZone)}`);
  const label = reviewedVersionLabel(version, version === signed[0], draft.calendar?.timeZone);
  return { agreement: version?.agreement ?? draft, version, signed, label, choose: setChosen, signedOn };
}

/**
 * The monthly SLA review: a lead-history export from the CRM, a period, and
 * every commitment measured against what the CRM recorded.
 */
export function ReviewPanel({ agreement: draft, onClose }: { agreement: Agreement; onClose: () => void }) {
  const store = useReviewStore();
  const state = useReview((current) => current);
  const reviewed = useReviewedVersion(draft);
  const agreement = reviewed.agreement;
  const { file, mapping, status, progress, error, result } = state;
  const running = status === 'running';
  const columns = file?.preview.header ?? [];
  const requiredFields = useMemo(() => checkedRequiredFields(agreement), [agreement]);
  return (
    <Modal opened onClose={onClose} fullScreen title="SLA review: what the CRM recorded" classNames={{ body: 'review-body' }}>
      <Stack gap="lg" className="review-page">
        <Text c="dimmed">
          Commitment by commitment, actual against target, from the CRM’s own records. Business hours follow {agreement.calendar ? describeCalendar(agreement.calendar) : 'the working calendar (add one in part 8)'}. The file stays on this computer; the leads behind a miss are read back from it, never stored.
        </Text>
        <Group gap="sm" align="flex-end" data-testid="review-version">
          {reviewed.signed.length > 1 ? (
            <Select
              label="Agreement reviewed"
              description="The targets of the signed version in force; pick another signed version to review against its targets."
              data={reviewed.signed.map((version, index) => ({ value: version.id, label: `Version ${version.number}${reviewed.signedOn(version.lockedAt)}${index === 0 ? ' (in force)' : ''}` }))}
              value={reviewed.version?.id ?? null}
              onChange={(id) => reviewed.choose(id)}
              allowDeselect={false}
              disabled={running}
              w={420}
            />
          ) : (
            <Text fw={600}>Agreement reviewed: {reviewed.label}</Text>
          )}
        </Group>
        {!reviewed.version && (
          <Alert color="yellow" title="Nothing is signed yet">
            The review measures the draft’s targets. Once a version is signed, the review measures the signed one (the one in force), not a later draft or amendment.
          </Alert>
        )}
        {!agreement.calendar && (
          <Alert color="yellow" title="No working calendar">
            Add the working calendar in part 8 (Handoff and SLA) first: response times are measured in business hours.
          </Alert>
        )}
        <Card withBorder radius="md" padding="lg">
          <Title order={3} mb="sm">
            1. The lead export and the period
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <FileInput label="Lead history (CSV)" description="One row per lead, with its dates" accept=".csv,.tsv,.txt,text/csv" leftSection={<IconFileSpreadsheet size={16} />} value={file?.file ?? null} onChange={(chosen) => chosen && void store.getState().chooseFile(chosen, agreement)} placeholder="Choose a file" disabled={running} />
            <TextInput type="date" label="From" value={state.from} onChange={(event) => store.getState().setPeriod(event.currentTarget.value, state.to)} disabled={running} />
            <TextInput type="date" label="To" value={state.to} onChange={(event) => store.getState().setPeriod(state.from, event.currentTarget.value)} disabled={running} />
          </SimpleGrid>
          <Group mt="sm" gap="xs">
            <Text size="sm" c="dimmed">
              No export at hand?
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => void store.getState().useSample(agreement)} disabled={running}>
              Try a generated sample (460 leads, Nov–Dec 2026)
            </Button>
          </Group>
          {file && (
            <Text size="sm" mt="sm" data-testid="review-file-facts">
              {file.preview.name}: {(file.preview.size / 1e6).toFixed(1)} MB, {file.preview.header.length} columns.
            </Text>
          )}
        </Card>
        {/* Step 2 is always on screen (empty until an export is chosen), so the steps read 1, 2, 3 and never "1, 3". */}
        {!(mapping && file) && (
          <Card withBorder radius="md" padding="lg" data-testid="review-step-mapping-empty">
            <Title order={3} mb={4}>
              2. Which column is which
            </Title>
            <Text size="sm" c="dimmed">
              Once a lead export is chosen, its columns are matched here to what the review needs.
            </Text>
          </Card>
        )}
        {mapping && file && (
          <Card withBorder radius="md" padding="lg">
            <Title order={3} mb={4}>
              2. Which column is which
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              Suggested from the column names. The MQL date is required; every other field makes more commitments measurable. A commitment whose columns are not mapped shows “No data”, never a figure.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {historyFields.map((field) => (
                <Select
                  key={field}
                  label={historyFieldLabels[field]}
                  data={columns}
                  value={mapping.columns[field] ?? null}
                  clearable
                  searchable
                  placeholder="Not in this export"
                  onChange={(column) => store.getState().setMapping({ ...mapping, columns: { ...mapping.columns, [field]: column ?? undefined } })}
                  disabled={running}
                />
              ))}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
              <TagsInput label="Outcome values that mean won" description="Enter after each" value={mapping.won} onChange={(won) => store.getState().setMapping({ ...mapping, won })} disabled={running} />
              <TagsInput label="Outcome values that mean lost" description="Enter after each" value={mapping.lost} onChange={(lost) => store.getState().setMapping({ ...mapping, lost })} disabled={running} />
            </SimpleGrid>
            {requiredFields.length > 0 && (
              <>
                <Title order={4} mt="md" mb={4}>
                  Required fields of the handoff
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  Data completeness counts the MQLs with every one of these filled; map a column for each.
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
                  {requiredFields.map((field) => (
                    <Select
                      key={field}
                      label={field}
                      data={columns}
                      value={mapping.requiredFields?.[field] ?? null}
                      clearable
                      searchable
                      placeholder="Not in this export"
                      onChange={(column) => {
                        const next = { ...mapping.requiredFields };
                        if (column) next[field] = column;
                        else delete next[field];
                        store.getState().setMapping({ ...mapping, requiredFields: next });
                      }}
                      disabled={running}
                    />
                  ))}
                </SimpleGrid>
              </>
            )}
          </Card>
        )}
        <Card withBorder radius="md" padding="lg">
          <Title order={3} mb="sm">
            3. Run the review
          </Title>
          {error && (
            <Alert color="red" title="Not reviewed" mb="sm" data-testid="review-error">
              {error}
            </Alert>
          )}
          {running && progress ? (
            <RunProgress label="Review progress" bytes={progress.bytes} total={progress.total} status={`${progress.rows.toLocaleString('en-US')} leads read`} onCancel={() => store.getState().cancel()} />
          ) : (
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void store.getState().run(agreement, reviewed.label)} disabled={!file || !mapping}>
              Review {state.from} – {state.to}
            </Button>
          )}
        </Card>
        {result && !running && <Results result={result} agreement={agreement} />}
      </Stack>
    </Modal>
  );
}

function Results({ result, agreement }: { result: ReviewResult; agreement: Agreement }) {
  const store = useReviewStore();
  const missRows = useReview((state) => state.missRows);
  const history = useReview((state) => state.history);
  const branding = useBranding((state) => state.branding);
  const [exporting, setExporting] = useState(false);
  const exportReport = (kind: 'pdf-a4' | 'pdf-letter' | 'markdown') => {
    setExporting(true);
    exportReviewReport(kind, agreement, result, branding, history)
      .then(
        (path) => path && notify({ message: `Saved ${path}` }),
        (error: unknown) => notify({ tone: 'error', title: 'Not exported', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setExporting(false));
  };
  const counts = countStates(result.commitments);
  return (
    <Stack gap="lg" data-testid="review-results">
      <Title order={3}>
        4. {result.from} – {result.to}: {result.mqls.toLocaleString('en-US')} MQLs
      </Title>
      {result.agreementVersion && <Text c="dimmed">Against the targets of {result.agreementVersion}.</Text>}
      {result.coverage.coveredDays < result.coverage.periodDays && (
        <Alert color="yellow" title="The period extends past the export" data-testid="review-coverage">
          The export’s last recorded date is {result.coverage.exportLastDate ?? '—'}: {result.coverage.coveredDays} of the period’s {result.coverage.periodDays} days are covered, and rates are per covered day.
        </Alert>
      )}
      <Group gap="sm" justify="space-between">
        <Group gap="sm">
        {commitmentStates.filter((key) => key !== 'no-target' || counts[key] > 0).map((key) => (
          <Badge key={key} size="xl" variant="light" color={stateLook[key].color} tt="none">
            {counts[key]} {stateLook[key].label.toLowerCase()}
          </Badge>
        ))}
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconFileTypePdf size={16} />} loading={exporting} onClick={() => exportReport('pdf-a4')}>
            Report, PDF (sealed)…
          </Button>
          <Button variant="default" leftSection={<IconFileTypePdf size={16} />} disabled={exporting} onClick={() => exportReport('pdf-letter')}>
            US Letter…
          </Button>
          <Button variant="default" leftSection={<IconMarkdown size={16} />} disabled={exporting} onClick={() => exportReport('markdown')}>
            Markdown…
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {result.commitments.map((commitment) => (
          <Card key={commitment.id} withBorder radius="md" padding="lg" className="review-card" data-state={commitment.state} aria-label={`${commitment.metric}: ${stateLook[commitment.state].label}`}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div>
                <Text size="sm" c="dimmed">
                  {teamLabels[commitment.team as keyof typeof teamLabels] ?? commitment.team}
                </Text>
                <Title order={4}>{commitment.metric}</Title>
              </div>
              <Badge variant="filled" color={commitment.state === 'at-risk' ? 'yellow.4' : `${stateLook[commitment.state].color}.9`} autoContrast tt="none" size="lg">
                {stateLook[commitment.state].label}
              </Badge>
            </Group>
            <Text mt="sm" fw={600}>
              {commitment.actual}
            </Text>
            <Text size="sm" c="dimmed">
              Target: {commitment.target}
            </Text>
            {commitment.missedCount > 0 && commitment.missedLeads.length > 0 && (
              <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => void store.getState().showMissRows(commitment.id)}>
                Show the {commitment.missedCount.toLocaleString('en-US')} leads behind the miss
              </Button>
            )}
            {missRows?.commitmentId === commitment.id && (
              <div className="review-miss-rows" tabIndex={0} role="region" aria-label={`Leads behind the miss: ${commitment.metric}`}>
                <Table withTableBorder fz="xs" striped>
                  <Table.Thead>
                    <Table.Tr>
                      {missRows.header.map((name) => (
                        <Table.Th key={name}>{name}</Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {missRows.rows.map((row, index) => (
                      <Table.Tr key={index}>
                        {missRows.header.map((name, column) => (
                          <Table.Td key={name}>{row[column] ?? ''}</Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
          </Card>
        ))}
      </SimpleGrid>
      <Card withBorder radius="md" padding="lg">
        <Title order={4} mb="xs">
          Stage conversion against the plan
        </Title>
        <Table aria-label="Stage conversion against the plan">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Step</Table.Th>
              <Table.Th ta="right">Actual</Table.Th>
              <Table.Th ta="right">Plan</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.conversion.map((step) => (
              <Table.Tr key={step.step}>
                <Table.Td>{step.step}</Table.Td>
                <Table.Td ta="right">{step.state === 'no-data' ? 'no data' : formatPercent(step.actual, { scale: 'percent', noData: 'no data' })}</Table.Td>
                <Table.Td ta="right">{formatPercent(step.planned, { scale: 'percent', trim: true, digits: 2, noData: '—' })}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={stateLook[step.state].color} tt="none">
                    {stateLook[step.state].label}
                  </Badge>
                  {step.noData && (
                    <Text span size="sm" c="dimmed" ml="xs">
                      {step.noData}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {result.problems.length > 0 && (
        <Alert color="yellow" title="Data problems: counted and listed, not used">
          <ul className="review-problems">
            {result.problems.map((problem) => (
              <li key={problem.problem}>
                {problem.count.toLocaleString('en-US')} × {problem.problem}
                {problem.examples.length > 0 && <span className="review-examples"> (e.g. {problem.examples.slice(0, 3).join('; ')})</span>}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <Trend />
      <Suspense fallback={<Text c="dimmed">Loading the charts…</Text>}>
        <ReviewCharts result={result} />
      </Suspense>
    </Stack>
  );
}

/** Each commitment across the reviews kept for this workshop (results only), oldest first: the figures the report prints too (reviewTrend). */
function Trend() {
  const history = useReview((state) => state.history);
  if (history.length === 0) return null;
  const trend = reviewTrend(history);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={4} mb={4}>
        Trend across reviews
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {history.length === 1 ? 'The first review of this workshop: the next one will show the trend.' : `The last ${trend.periods.length} reviews of this workshop.`}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table aria-label="Trend across reviews" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Commitment</Table.Th>
              {trend.periods.map((period) => (
                <Table.Th key={period.id}>{period.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.rows.map((row, rowIndex) => (
              <Table.Tr key={`${rowIndex}-${row.label}`}>
                <Table.Td>{row.label}</Table.Td>
                {row.cells.map((cell, index) => (
                  <Table.Td key={trend.periods[index]!.id}>
                    {cell ? (
                      <Badge variant="light" color={stateLook[cell.state].color} tt="none">
                        {cell.text}
                      </Badge>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
