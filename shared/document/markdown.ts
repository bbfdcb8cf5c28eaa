import type { AgreementDocument, Block } from './document';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function block(entry: Block): string {
  switch (entry.kind) {
    case 'paragraph':
      return `${entry.text}\n`;
    case 'subheading':
      return `### ${entry.text}\n`;
    case 'note':
      return `> ${entry.text}\n`;
    case 'facts':
      return `${entry.rows.map(([label, value]) => `- **${label}:** ${value}`).join('\n')}\n`;
    case 'funnel':
      return `${entry.caption}:\n\n${entry.levels.map((level) => `- ${level.label}: ${Math.ceil(level.value - 1e-9).toLocaleString('en-US')}`).join('\n')}\n`;
    case 'table': {
      if (entry.rows.length === 0) return '_None._\n';
      const head = `| ${entry.columns.map(cell).join(' | ')} |`;
      const rule = `| ${entry.columns.map((_, index) => (entry.numeric?.includes(index) ? '---:' : '---')).join(' | ')} |`;
      return [head, rule, ...entry.rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
    }
  }
}

/** The document as Markdown: every section, the signatures (names and times) and the audit trail. */
export function renderMarkdown(document: AgreementDocument): string {
  const parts = [
    `# ${document.title}`,
    document.report ? `**${document.report.subtitle ?? document.client}**\n\n${block({ kind: 'facts', rows: document.report.coverFacts })}` : `**${document.client}** · ${document.versionLabel} · ${document.statusLine}\n\nFacilitator: ${document.facilitator} · Workshop: ${document.date} · Valid until: ${document.validUntil} · Next review: ${document.nextReview}`,
    ...document.sections.map((section) => [`## ${section.title}`, ...section.blocks.map(block)].join('\n\n')),
    document.report ? '' : '## Signatures',
    document.report ? '' : document.signatures.length > 0 ? document.signatures.map((signature) => `- **${signature.name}**, ${signature.title} (${signature.team}), ${signature.method === 'drawn' ? 'signed by hand' : 'signed by typed name'} on ${signature.signedAt}`).join('\n') : '_Not signed._',
    '## Audit',
    `Content SHA-256: \`${document.contentHash}\`\n\nGenerated: ${document.generatedAt}`,
    document.history.length > 0 ? block({ kind: 'table', columns: ['Version', 'Status', 'Signed by', 'Locked', 'SHA-256'], rows: document.history.map((entry) => [String(entry.version), entry.status, entry.signedBy, entry.lockedAt, entry.contentHash]) }) : '',
  ];
  return `${parts.filter((part) => part !== '').join('\n\n').trim()}\n`;
}
