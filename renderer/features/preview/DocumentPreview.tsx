import '../../components/mantine-ui-styles';
import './preview.css';
import { Badge, Button, Checkbox, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { CalibrationEvidence } from '../../../shared/document/calibration-evidence';
import { barChartSvg } from '../../../shared/document/charts';
import { buildAgreementDocument, showsUnsignedBanner, type Block, type DocumentContext } from '../../../shared/document/document';
import { formatDateTime } from '../../../shared/text/datetime';
import type { Agreement } from '../../../shared/model/agreement';

function FunnelBars({ levels, caption }: { levels: { label: string; value: number }[]; caption: string }) {
  const max = Math.sqrt(Math.max(...levels.map((level) => level.value), 1));
  return (
    <figure className="preview-funnel">
      <ol aria-label="Funnel">
        {levels.map((level) => (
          <li key={level.label}>
            <span className="preview-funnel-bar" style={{ width: `${Math.max(4, (Math.sqrt(Math.max(level.value, 0)) / max) * 100)}%` }} />
            <span>
              <strong>{Math.ceil(level.value - 1e-9).toLocaleString('en-US')}</strong> {level.label}
            </span>
          </li>
        ))}
      </ol>
      <figcaption>{caption} (bar widths follow the square root of each volume)</figcaption>
    </figure>
  );
}

function PreviewBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'paragraph':
      return <Text mb="sm">{block.text}</Text>;
    case 'subheading':
      return (
        <Title order={4} mt="md" mb={6}>
          {block.text}
        </Title>
      );
    case 'note':
      return <Text className="preview-note">{block.text}</Text>;
    case 'facts':
      return (
        <dl className="preview-facts">
          {block.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'chart':
      // The same SVG the PDF prints, as an image (it is built from escaped text; no markup reaches the page).
      return (
        <figure className="preview-chart">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(barChartSvg(block.chart))}`} alt={block.chart.title} style={{ maxWidth: '100%' }} />
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    case 'funnel':
      return <FunnelBars levels={block.levels} caption={block.caption} />;
    case 'table':
      if (block.rows.length === 0) return <Text fs="italic" c="dimmed" mb="sm">None.</Text>;
      return (
        <Table.ScrollContainer minWidth={500} mb="md">
          <Table withTableBorder verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                {block.columns.map((column, index) => (
                  <Table.Th key={index} ta={block.numeric?.includes(index) ? 'right' : undefined}>
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {block.rows.map((row, rowIndex) => (
                <Table.Tr key={rowIndex}>
                  {row.map((value, index) => (
                    <Table.Td key={index} ta={block.numeric?.includes(index) ? 'right' : undefined} data-state={/^(Agreed|Parked|Disputed|Proposed)$/.test(value) ? value.toLowerCase() : undefined}>
                      {value}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
  }
}

/**
 * The document as the PDF and the Markdown export will contain it, built
 * from the same document model, so what the room reads here is what it signs.
 */
export function DocumentPreview({
  agreement,
  context,
  calibration,
  onClose,
  onExportPdf,
}: {
  agreement: Agreement;
  context: DocumentContext;
  /** Whether the calibration result is printed (a choice only when the run may be printed: calibrationEvidence). */
  calibration?: { evidence: CalibrationEvidence; include: boolean; onChange: (include: boolean) => void };
  onClose: () => void;
  onExportPdf: () => void;
}) {
  const document = useMemo(() => buildAgreementDocument(agreement, context), [agreement, context]);
  const draft = showsUnsignedBanner(document.kind);
  return (
    <Modal opened onClose={onClose} fullScreen title="Preview of the agreement document" classNames={{ body: 'preview-body' }}>
      <Group justify="space-between" className="preview-toolbar" mb="md">
        <Stack gap={4}>
          <Text c="dimmed" size="sm">
            The same document the PDF and Markdown exports contain.
          </Text>
          {calibration && (calibration.evidence.printable || calibration.evidence.reason !== 'no-run') && (
            <Checkbox
              label="Print the calibration result in the PDF"
              description={calibration.evidence.printable ? 'The figures from the company’s own data, as their own part after the log.' : calibration.evidence.message}
              checked={calibration.include}
              disabled={!calibration.evidence.printable}
              onChange={(event) => calibration.onChange(event.currentTarget.checked)}
            />
          )}
        </Stack>
        <Button leftSection={<IconFileTypePdf size={16} />} onClick={onExportPdf}>
          Export PDF…
        </Button>
      </Group>
      <article className="preview-paper" aria-label="Agreement document">
        <header className="preview-cover" style={document.consultant?.accent ? { borderTop: `8px solid ${document.consultant.accent}`, paddingTop: 20 } : undefined}>
          {document.consultant && (
            <div className="preview-brand">
              {document.consultant.logoDataUrl && <img src={document.consultant.logoDataUrl} alt={`${document.consultant.name || 'Consultant'} logo`} />}
              {document.consultant.name}
            </div>
          )}
          <Title order={2} className="preview-title">
            {document.title}
          </Title>
          <Text size="lg" c="dimmed" mb="md">
            {document.client}
          </Text>
          <Badge size="lg" tt="none" variant="light" color={draft ? 'yellow' : 'teal'} mb="md">
            {document.statusLine}
          </Badge>
          <dl className="preview-facts">
            {[
              ['Version', document.versionLabel],
              ['Workshop date', document.date],
              ['Facilitator', document.facilitator],
              ['Valid until', document.validUntil],
              ['Next review', document.nextReview],
            ].map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Code>Content SHA-256 {document.contentHash}</Code>
        </header>
        {document.sections.map((section) => (
          <section key={section.id} className="preview-section" aria-labelledby={`preview-${section.id}`}>
            <Title order={3} id={`preview-${section.id}`} className="preview-heading">
              {section.title}
            </Title>
            {section.blocks.map((block, index) => (
              <PreviewBlock key={index} block={block} />
            ))}
          </section>
        ))}
        <section className="preview-section" aria-labelledby="preview-signatures">
          <Title order={3} id="preview-signatures" className="preview-heading">
            Signatures
          </Title>
          {document.signatures.length === 0 ? (
            <Text fs="italic" c="dimmed">
              Not signed yet.
            </Text>
          ) : (
            document.signatures.map((signature) => (
              <div key={`${signature.name}-${signature.signedAt}`} className="preview-signature">
                <img src={signature.image} alt={`Signature of ${signature.name}`} />
                <div>
                  <Text fw={650}>{signature.name}</Text>
                  <Text size="sm">
                    {signature.title} · {signature.team}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {signature.method === 'drawn' ? 'Signed by hand' : 'Signed by typed name'}, {formatDateTime(signature.signedAt, document.timeZone)}
                  </Text>
                </div>
              </div>
            ))
          )}
        </section>
        <section className="preview-section" aria-labelledby="preview-audit">
          <Title order={3} id="preview-audit" className="preview-heading">
            Audit
          </Title>
          <Text mb="xs">Content SHA-256</Text>
          <Code block mb="md">
            {document.contentHash}
          </Code>
          {document.history.length === 0 ? (
            <Text fs="italic" c="dimmed">
              No earlier versions.
            </Text>
          ) : (
            <PreviewBlock block={{ kind: 'table', columns: ['Version', 'Status', 'Signed by', 'Locked', 'Content SHA-256'], rows: document.history.map((entry) => [String(entry.version), entry.status, entry.signedBy, formatDateTime(entry.lockedAt, document.timeZone), entry.contentHash]) }} />
          )}
          {document.consensusAudit && document.consensusAudit.length > 0 && (
            <div data-testid="preview-consensus-audit">
              <Text fw={650} mt="md" mb="xs">
                Consensus
              </Text>
              <PreviewBlock block={{ kind: 'facts', rows: document.consensusAudit }} />
            </div>
          )}
        </section>
      </article>
    </Modal>
  );
}
