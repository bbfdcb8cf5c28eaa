import type { AgreementDocument, Block } from './document';
import { formatDateTime } from '../text/datetime';
import { markdownText } from './escape';

/** Every field is literal text (see escape.ts): the Markdown markup here is the only markup in the file. */
const t = markdownText;
/** A content hash as a code span only when it is what a hash is (hex), so a code span can never carry other text. */
const hash = (value: string) => (/^[0-9a-f]+$/i.test(value) ? `\`${value}\`` : t(value));

function block(entry: Block): string {
  switch (entry.kind) {
    case 'paragraph':
      return `${t(entry.text)}\n`;
    case 'subheading':
      return `### ${t(entry.text)}\n`;
    case 'note':
      return `> ${t(entry.text)}\n`;
    case 'facts':
      return `${entry.rows.map(([label, value]) => `- **${t(label)}:** ${t(value)}`).join('\n')}\n`;
    case 'chart':
      if (entry.figuresInTable || entry.chart.bars.length === 0) return `_${t(entry.caption)}_\n`;
      return `${t(entry.caption)}:\n\n${block({ kind: 'table', columns: [entry.chart.horizontal ? 'Category' : 'Bucket', entry.chart.unit], numeric: [1], rows: entry.chart.bars.map((bar) => [bar.label, Math.round(bar.value).toLocaleString('en-US')]) })}`;
    case 'funnel':
      return `${t(entry.caption)}:\n\n${entry.levels.map((level) => `- ${t(level.label)}: ${Math.ceil(level.value - 1e-9).toLocaleString('en-US')}`).join('\n')}\n`;
    case 'table': {
      if (entry.rows.length === 0) return '_None._\n';
      const head = `| ${entry.columns.map(t).join(' | ')} |`;
      const rule = `| ${entry.columns.map((_, index) => (entry.numeric?.includes(index) ? '---:' : '---')).join(' | ')} |`;
      return [head, rule, ...entry.rows.map((row) => `| ${row.map(t).join(' | ')} |`)].join('\n') + '\n';
    }
  }
}

/** The document as Markdown: every section, the signatures (names and times) and the audit trail. Every field is escaped: no HTML, image or link can come from the content. */
export function renderMarkdown(document: AgreementDocument): string {
  const parts = [
    `# ${t(document.title)}`,
    document.report ? `**${t(document.report.subtitle ?? document.client)}**\n\n${block({ kind: 'facts', rows: document.report.coverFacts })}` : `**${t(document.client)}** · ${t(document.versionLabel)} · ${t(document.statusLine)}\n\nFacilitator: ${t(document.facilitator)} · Workshop: ${t(document.date)} · Valid until: ${t(document.validUntil)} · Next review: ${t(document.nextReview)}`,
    ...document.sections.map((section) => [`## ${t(section.title)}`, ...section.blocks.map(block)].join('\n\n')),
    document.report ? '' : '## Signatures',
    document.report ? '' : document.signatures.length > 0 ? document.signatures.map((signature) => `- **${t(signature.name)}**, ${t(signature.title)} (${t(signature.team)}), ${signature.method === 'drawn' ? 'signed by hand' : 'signed by typed name'} on ${t(formatDateTime(signature.signedAt, document.timeZone))}`).join('\n') : '_Not signed._',
    '## Audit',
    `Content SHA-256: ${hash(document.contentHash)}\n\nGenerated: ${t(formatDateTime(document.generatedAt, document.timeZone))}`,
    document.history.length > 0 ? block({ kind: 'table', columns: ['Version', 'Status', 'Signed by', 'Locked', 'SHA-256'], rows: document.history.map((entry) => [String(entry.version), entry.status, entry.signedBy, formatDateTime(entry.lockedAt, document.timeZone), entry.contentHash]) }) : '',
    document.consensusAudit && document.consensusAudit.length > 0 ? `### Consensus\n\n${block({ kind: 'facts', rows: document.consensusAudit })}` : '',
  ];
  return `${parts.filter((part) => part !== '').join('\n\n').trim()}\n`;
}
