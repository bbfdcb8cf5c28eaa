import type { AgreementDocument, Block } from './document';

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A funnel drawn as centred bars, widest on top; widths follow √volume so the last levels stay visible. */
export function funnelSvg(levels: { label: string; value: number }[]): string {
  const width = 640;
  const rowHeight = 42;
  const max = Math.sqrt(Math.max(...levels.map((level) => level.value), 1));
  const colours = ['#17458e', '#2754a0', '#305fb3', '#3f70ca', '#648bd2', '#88a6dc'];
  const rows = levels.map((level, index) => {
    const barWidth = Math.max(24, (Math.sqrt(Math.max(level.value, 0)) / max) * 380);
    const x = 200 - barWidth / 2 + 10;
    const y = index * rowHeight;
    const value = Math.ceil(level.value - 1e-9).toLocaleString('en-US');
    return `<rect x="${(x + 10).toFixed(1)}" y="${y + 4}" width="${barWidth.toFixed(1)}" height="${rowHeight - 8}" rx="4" fill="${colours[index % colours.length]}"/><text x="440" y="${y + rowHeight / 2 + 5}" font-size="15" fill="#1a1b1e"><tspan font-weight="700">${escapeHtml(value)}</tspan> ${escapeHtml(level.label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${levels.length * rowHeight}" viewBox="0 0 ${width} ${levels.length * rowHeight}" role="img" aria-label="Funnel">${rows.join('')}</svg>`;
}

function block(entry: Block): string {
  switch (entry.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(entry.text)}</p>`;
    case 'subheading':
      return `<h3>${escapeHtml(entry.text)}</h3>`;
    case 'note':
      return `<p class="note">${escapeHtml(entry.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${entry.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
    case 'funnel':
      return `<figure class="funnel">${funnelSvg(entry.levels)}<figcaption>${escapeHtml(entry.caption)} (bar widths follow the square root of each volume)</figcaption></figure>`;
    case 'table':
      if (entry.rows.length === 0) return '<p class="empty">None.</p>';
      return `<table><thead><tr>${entry.columns.map((column, index) => `<th${entry.numeric?.includes(index) ? ' class="num"' : ''}>${escapeHtml(column)}</th>`).join('')}</tr></thead><tbody>${entry.rows
        .map((row) => `<tr>${row.map((value, index) => `<td${entry.numeric?.includes(index) ? ' class="num"' : ''}${/^(Agreed|Parked|Disputed|Proposed)$/.test(value) ? ` data-state="${value.toLowerCase()}"` : ''}>${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/** Options for the print view. */
export interface PrintOptions {
  /** A data URL of the bundled font (woff2), so printing needs no network. */
  fontDataUrl?: string;
  /** The agreement's accent colour. */
  accent?: string;
}

/** The print view of the document: a complete HTML page Chromium prints to PDF. */
export function renderHtml(document: AgreementDocument, options: PrintOptions = {}): string {
  const accent = options.accent ?? '#2754a0';
  const font = options.fontDataUrl ? `@font-face { font-family: 'Inter Variable'; font-weight: 100 900; src: url(${options.fontDataUrl}) format('woff2'); }` : '';
  const draft = document.status !== 'signed';
  const signatures = document.signatures.length > 0
    ? document.signatures
        .map((signature) => `<div class="signature"><img src="${escapeHtml(signature.image)}" alt="Signature of ${escapeHtml(signature.name)}"/><div class="who"><strong>${escapeHtml(signature.name)}</strong><br>${escapeHtml(signature.title)} · ${escapeHtml(signature.team)}</div><div class="when">${signature.method === 'drawn' ? 'Signed by hand' : 'Signed by typed name'}, ${escapeHtml(signature.signedAt)}<br><span class="hash">SHA-256 ${escapeHtml(signature.contentHash)}</span></div></div>`)
        .join('')
    : '<p class="empty">Not signed yet.</p>';
  const history = document.history.length > 0
    ? `<table><thead><tr><th>Version</th><th>Status</th><th>Signed by</th><th>Locked</th><th>Content SHA-256</th></tr></thead><tbody>${document.history.map((entry) => `<tr><td>${entry.version}</td><td>${escapeHtml(entry.status)}</td><td>${escapeHtml(entry.signedBy)}</td><td>${escapeHtml(entry.lockedAt)}</td><td class="hash">${escapeHtml(entry.contentHash)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="empty">No earlier versions.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.title)} — ${escapeHtml(document.client)}</title>
<meta name="author" content="${escapeHtml(document.facilitator)}">
<style>
${font}
:root { --accent: ${accent}; }
* { box-sizing: border-box; }
body { font-family: 'Inter Variable', 'Inter', 'Helvetica Neue', Arial, sans-serif; font-size: 10pt; line-height: 1.45; color: #1a1b1e; margin: 0; }
h1 { font-size: 30pt; line-height: 1.15; margin: 0 0 8mm; font-weight: 720; letter-spacing: -0.5pt; }
h2 { font-size: 16pt; margin: 0 0 5mm; color: var(--accent); font-weight: 700; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
section { break-before: ${document.report ? 'auto; margin-top: 9mm' : 'page'}; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: space-between; }
.cover .brand { font-size: 12pt; font-weight: 700; color: var(--accent); letter-spacing: 0.5pt; text-transform: uppercase; }
.cover .brand img { max-height: 18mm; max-width: 60mm; display: block; margin-bottom: 4mm; }
.cover .client { font-size: 16pt; color: #495057; margin-bottom: 14mm; }
.cover .status { display: inline-block; padding: 2mm 4mm; border-radius: 2mm; font-weight: 700; background: ${draft ? '#fff3bf' : '#d3f9d8'}; color: ${draft ? '#5c3c00' : '#0b4d24'}; }
dl.facts { display: grid; grid-template-columns: 52mm 1fr; gap: 1.6mm 5mm; margin: 0 0 4mm; }
dl.facts dt { color: #495057; font-weight: 600; } dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.8pt; }
th, td { text-align: left; vertical-align: top; padding: 1.6mm 2mm; border-bottom: 0.3mm solid #dee2e6; }
th { background: #f1f3f5; font-weight: 700; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td[data-state='agreed'] { color: #0b6e35; font-weight: 600; } td[data-state='disputed'] { color: #b02a2a; font-weight: 600; } td[data-state='parked'] { color: #7a5200; font-weight: 600; } td[data-state='proposed'] { color: #5c636a; }
.note { padding: 2.5mm 3.5mm; background: #f1f3f5; border-left: 1mm solid var(--accent); }
.empty { color: #5c636a; font-style: italic; }
figure.funnel { margin: 2mm 0 5mm; } figure.funnel figcaption { font-size: 8.5pt; color: #5c636a; }
.signature { display: grid; grid-template-columns: 62mm 1fr 1fr; gap: 5mm; align-items: center; padding: 4mm 0; border-bottom: 0.3mm solid #dee2e6; break-inside: avoid; }
.signature img { width: 60mm; height: 22mm; object-fit: contain; border-bottom: 0.4mm solid #1a1b1e; }
.hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; color: #495057; }
.audit-hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 10pt; word-break: break-all; padding: 3mm; background: #f1f3f5; }
</style></head>
<body>
<div class="cover">
  <div class="brand">${document.consultant?.logoDataUrl ? `<img src="${escapeHtml(document.consultant.logoDataUrl)}" alt="">` : ''}${escapeHtml(document.consultant?.name ?? 'Accord')}</div>
  <div>
    <h1>${escapeHtml(document.title)}</h1>
    <div class="client">${escapeHtml(document.client)}</div>
    <dl class="facts">
${document.report ? document.report.coverFacts.map(([label, value]) => `      <dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n') + '\n' : `      <dt>Version</dt><dd>${escapeHtml(document.versionLabel)}</dd>
      <dt>Status</dt><dd><span class="status">${escapeHtml(document.statusLine)}</span></dd>
      <dt>Workshop date</dt><dd>${escapeHtml(document.date)}</dd>
      <dt>Facilitator</dt><dd>${escapeHtml(document.facilitator)}</dd>
      <dt>Valid until</dt><dd>${escapeHtml(document.validUntil)}</dd>
      <dt>Next review</dt><dd>${escapeHtml(document.nextReview)}</dd>
`}    </dl>
  </div>
  <div class="hash">Content SHA-256 ${escapeHtml(document.contentHash)}</div>
</div>
${document.sections.map((section) => `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>${section.blocks.map(block).join('\n')}</section>`).join('\n')}
${document.report ? '' : `<section id="signatures"><h2>Signatures</h2><p>Each signatory signed the content whose SHA-256 is printed with their signature.</p>${signatures}</section>`}
<section id="audit"><h2>Audit</h2><h3>Content SHA-256</h3><p class="audit-hash">${escapeHtml(document.contentHash)}</p><p>Generated ${escapeHtml(document.generatedAt)}. The machine-readable ${document.report ? 'report' : 'agreement'} is attached to this PDF (${escapeHtml(document.report?.attachmentName ?? 'agreement.json')}); the PDF is sealed with a digital signature over the whole file, so any change to it is detected.</p>${document.report ? '' : `<h3>Version history</h3>${history}`}</section>
</body></html>`;
}

/** The running header and footer Chromium prints on every page (its own tiny HTML, no external resources). */
export function headerFooterTemplates(document: AgreementDocument): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #495057; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;';
  const status = document.status === 'signed' ? escapeHtml(document.statusLine) : `<strong style="color:#8a5a00">${escapeHtml(document.statusLine)}</strong>`;
  return {
    headerTemplate: `<div style="${style}"><span>${escapeHtml(document.title)} · ${escapeHtml(document.client)}</span><span>${status}</span></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(document.versionLabel)} · SHA-256 ${escapeHtml(document.contentHash.slice(0, 16))}…</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
