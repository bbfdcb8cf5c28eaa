import '../../components/mantine-ui-styles';
import './summary.css';
import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconFileTypePdf, IconMarkdown } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { agreedLabelsText, buildSessionSummary, describeOpen, describePartTime, describeSession, type SessionFacts } from '../../../shared/document/session-summary';
import type { Agreement } from '../../../shared/model/agreement';
import { openQuestions } from '../../../shared/model/open-questions';
import { notify } from '../../components/notify';
import { useBranding } from '../../store/stores';
import { exportSessionSummary } from '../../store/export-actions';

type SummaryExport = 'pdf-a4' | 'pdf-letter' | 'markdown';

/**
 * The end of the session on one screen: what was agreed (per part, with the
 * time spent when the session was timed), what is still disputed or parked,
 * decisions, action items with owners and dates, and the next review; with
 * the exports of the same summary (sealed PDF, A4 or Letter, and Markdown).
 */
export function SessionSummaryModal({ agreement, session, onClose }: { agreement: Agreement; session?: SessionFacts; onClose: () => void }) {
  const branding = useBranding((state) => state.branding);
  const summary = useMemo(() => buildSessionSummary(agreement, { generatedAt: new Date(), ...(session ? { session } : {}) }), [agreement, session]);
  const [exporting, setExporting] = useState<SummaryExport | null>(null);
  const { workshop, totals } = summary;
  const timed = summary.session !== undefined;
  const openActions = summary.actions.filter((action) => action.status === 'open').length;
  // The same count as the header's "n open" and the Open questions drawer (shared/model/open-questions.ts).
  const parkedCount = useMemo(() => openQuestions(agreement).counts.parked, [agreement]);

  const runExport = (kind: SummaryExport) => {
    setExporting(kind);
    exportSessionSummary(kind, agreement, session, branding)
      .then(
        (path) => path && notify({ message: `Saved ${path}` }),
        (error: unknown) => notify({ tone: 'error', title: 'Not exported', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setExporting(null));
  };

  return (
    <Modal opened onClose={onClose} size="80rem" title="Session summary" classNames={{ header: 'summary-surface', body: 'summary-surface', title: 'summary-title' }}>
      <Stack gap="lg" className="summary-page">
        <Group justify="space-between" align="flex-start" gap="md">
          <div>
            <Text size="lg" fw={600}>
              {[workshop.client, workshop.title || 'Untitled workshop', workshop.date].filter(Boolean).join(' · ')}
            </Text>
            {summary.session && (
              <Text size="sm" c="dimmed" data-testid="summary-session">
                Session: {describeSession(summary.session, workshop.date)}
              </Text>
            )}
          </div>
          <Group gap="xs" role="group" aria-label="Export the summary">
            <Button leftSection={<IconFileTypePdf size={16} />} loading={exporting === 'pdf-a4'} disabled={exporting !== null && exporting !== 'pdf-a4'} onClick={() => runExport('pdf-a4')}>
              Export PDF (A4)
            </Button>
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} loading={exporting === 'pdf-letter'} disabled={exporting !== null && exporting !== 'pdf-letter'} onClick={() => runExport('pdf-letter')}>
              US Letter
            </Button>
            <Button variant="default" leftSection={<IconMarkdown size={16} />} loading={exporting === 'markdown'} disabled={exporting !== null && exporting !== 'markdown'} onClick={() => runExport('markdown')}>
              Markdown
            </Button>
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="summary-figures">
          <Figure label="Agreed" value={`${totals.agreed} of ${totals.items}`} tone="teal" />
          <Figure label="Still disputed" value={String(totals.disputed)} tone={totals.disputed > 0 ? 'red' : 'gray'} />
          <Figure label="Parked" value={String(parkedCount)} tone={parkedCount > 0 ? 'yellow' : 'gray'} />
          <Figure label="Open actions" value={String(openActions)} tone="blue" />
          <Figure label="Next review" value={summary.nextReview} tone={summary.nextReview === 'not set' ? 'orange' : 'blue'} icon />
        </SimpleGrid>

        <Card withBorder radius="md" padding="lg">
          <Title order={3} fz="h4" mb="xs" id="summary-agreed">
            What was agreed
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="summary-agreed" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Part</Table.Th>
                  <Table.Th>Agreed</Table.Th>
                  <Table.Th>Still open</Table.Th>
                  {timed && <Table.Th>Spent / planned</Table.Th>}
                  <Table.Th>Agreed items</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.parts.map((part) => (
                  <Table.Tr key={part.sectionId}>
                    <Table.Td className="summary-nowrap">
                      {part.number}. {part.title}
                    </Table.Td>
                    <Table.Td className="summary-nowrap">{part.total ? `${part.agreed} of ${part.total}` : '—'}</Table.Td>
                    <Table.Td>{describeOpen(part) || '—'}</Table.Td>
                    {timed && <Table.Td className="summary-nowrap">{describePartTime(part.time) || '—'}</Table.Td>}
                    <Table.Td c="dimmed">{part.total ? agreedLabelsText(part) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
                {summary.otherAgendaItems.map((item, index) => (
                  <Table.Tr key={`other-${index}`}>
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td>—</Table.Td>
                    <Table.Td>—</Table.Td>
                    <Table.Td className="summary-nowrap">{describePartTime(item)}</Table.Td>
                    <Table.Td>—</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder radius="md" padding="lg" className="summary-card" data-tone="red">
            <Title order={3} fz="h4" mb="xs">
              Still disputed ({summary.disputed.length})
            </Title>
            {summary.disputed.length === 0 ? (
              <Text c="dimmed">Nothing is disputed.</Text>
            ) : (
              <ul className="summary-list" aria-label="Still disputed">
                {summary.disputed.map((item) => (
                  <li key={`${item.sectionId}-${item.label}`}>
                    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                      <Text fw={600}>{item.label}</Text>
                      {item.disagrees !== '—' && (
                        <Badge color="red" variant="light" tt="none" className="summary-badge">
                          {item.disagrees} {item.disagrees.includes(' and ') ? 'disagree' : 'disagrees'}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {item.part}
                      {item.notes ? ` · ${item.notes}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card withBorder radius="md" padding="lg" className="summary-card" data-tone="yellow">
            <Title order={3} fz="h4" mb="xs">
              Parked for later ({parkedCount})
            </Title>
            {parkedCount === 0 ? (
              <Text c="dimmed">Nothing is parked.</Text>
            ) : (
              <ul className="summary-list" aria-label="Parked for later">
                {summary.parked.map((item) => (
                  <li key={`${item.sectionId}-${item.label}`}>
                    <Text fw={600}>{item.label}</Text>
                    <Text size="sm" c="dimmed">
                      {item.part}
                      {item.notes ? ` · ${item.notes}` : ''}
                    </Text>
                  </li>
                ))}
                {summary.parkedTopics.map((topic, index) => (
                  <li key={`topic-${index}`}>
                    <Text fw={600}>{topic.topic || 'Untitled topic'}</Text>
                    <Text size="sm" c="dimmed">
                      Parking lot{topic.raisedBy ? `, raised by ${topic.raisedBy}` : ''}
                      {topic.notes ? ` · ${topic.notes}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
            {summary.resolvedTopics > 0 && (
              <Text size="sm" c="dimmed" mt="xs">
                Resolved in the parking lot, not listed: {summary.resolvedTopics} {summary.resolvedTopics === 1 ? 'topic' : 'topics'}.
              </Text>
            )}
          </Card>
        </SimpleGrid>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder radius="md" padding="lg">
            <Title order={3} fz="h4" mb="xs" id="summary-actions">
              Action items ({openActions} open)
            </Title>
            {summary.actions.length === 0 ? (
              <Text c="dimmed">No action items.</Text>
            ) : (
              <Table aria-labelledby="summary-actions" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Task</Table.Th>
                    <Table.Th>Owner</Table.Th>
                    <Table.Th>Due</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {summary.actions.map((action, index) => (
                    <Table.Tr key={index} data-status={action.status}>
                      <Table.Td>{action.task || 'Untitled task'}</Table.Td>
                      <Table.Td className="summary-nowrap">{action.owner || <Text span c="orange" size="sm">No owner</Text>}</Table.Td>
                      <Table.Td className="summary-nowrap">{action.due || <Text span c="orange" size="sm">No date</Text>}</Table.Td>
                      <Table.Td className="summary-nowrap">
                        <Text span size="sm" fw={600} c={action.status === 'open' ? 'blue' : 'dimmed'}>
                          {action.status === 'open' ? 'Open' : 'Done'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card withBorder radius="md" padding="lg">
            <Title order={3} fz="h4" mb="xs">
              Decisions ({summary.decisions.length})
            </Title>
            {summary.decisions.length === 0 ? (
              <Text c="dimmed">No decisions logged.</Text>
            ) : (
              <ul className="summary-list" aria-label="Decisions">
                {summary.decisions.map((decision, index) => (
                  <li key={index}>
                    <Text fw={600}>{decision.text}</Text>
                    <Text size="sm" c="dimmed">
                      {[decision.by, decision.when].filter(Boolean).join(' · ') || '—'}
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </SimpleGrid>

        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" maw={720}>
            A record of the session, with no signatures. The PDF fits one page for a typical workshop (a longer one continues on a second page, nothing is cut), carries this summary as data and is sealed, so any change to it is detected.
          </Text>
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Figure({ label, value, tone, icon = false }: { label: string; value: string; tone: string; icon?: boolean }) {
  return (
    <Card withBorder radius="md" padding="sm" className="summary-figure" style={{ borderLeftColor: `var(--mantine-color-${tone}-filled)` }}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" className="summary-figure-label">
        {label}
      </Text>
      <Group gap={6} wrap="nowrap">
        {icon && <IconCalendarEvent size={18} aria-hidden />}
        <Text fz="xl" fw={700} lh={1.2}>
          {value}
        </Text>
      </Group>
    </Card>
  );
}
