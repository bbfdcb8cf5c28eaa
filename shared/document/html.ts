import { checkAccent, printableBranding } from '../model/branding';
import { formatDateTime, formatDay } from '../text/datetime';
import { barChartSvg } from './charts';
import { showsUnsignedBanner, type AgreementDocument, type Block } from './document';
import { escapeHtml } from './escape';

/** The document's accent when the consultant has set none (Accord's own blue). */
export const DEFAULT_DOCUMENT_ACCENT = '#2754a0';

/** An accent colour when it is valid and dark enough for white paper, else undefined. */
function validAccent(hex: string | undefined): string | undefined {
  const checked = hex === undefined ? null : checkAccent(hex);
  return checked?.ok ? checked.accent : undefined;
}

/** The consultant's name over the cover; nothing when only a logo is set, "Accord" when neither is. */
function brandName(document: AgreementDocument): string {
  return document.consultant?.name || (document.consultant?.logoDataUrl ? '' : 'Accord');
}

/** Escapes text for HTML (one home: escape.ts). */
export { escapeHtml };

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
    case 'chart':
      return `<figure class="chart">${barChartSvg(entry.chart)}<figcaption>${escapeHtml(entry.caption)}</figcaption></figure>`;
    case 'funnel':
      return `<figure class="funnel">${funnelSvg(entry.levels)}<figcaption>${escapeHtml(entry.caption)} (bar widths follow the square root of each volume)</figcaption></figure>`;
    case 'table':
      if (entry.rows.length === 0) return '<p class="empty">None.</p>';
      return `<table${entry.variant ? ` class="${entry.variant}"` : ''}><thead><tr>${entry.columns.map((column, index) => `<th${entry.numeric?.includes(index) ? ' class="num"' : ''}>${escapeHtml(column)}</th>`).join('')}</tr></thead><tbody>${entry.rows
        .map((row) => `<tr>${row.map((value, index) => `<td${entry.numeric?.includes(index) ? ' class="num"' : entry.variant === 'grade-grid' && value.endsWith(' MQL') ? ' class="mql"' : ''}${/^(Agreed|Parked|Disputed|Proposed)$/.test(value) ? ` data-state="${value.toLowerCase()}"` : ''}>${escapeHtml(value)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/** A report on one page (the session summary): a masthead with the key facts instead of a cover page, compact lists. */
const onePageCss = `body.one-page { font-size: 8.4pt; line-height: 1.32; }
.masthead { border-top: 1.8mm solid var(--accent); padding-top: 2.5mm; }
.masthead-top { display: flex; justify-content: space-between; align-items: center; font-size: 7.8pt; color: #495057; }
.masthead .brand { display: flex; align-items: center; gap: 3mm; font-weight: 700; color: var(--accent); letter-spacing: 0.5pt; text-transform: uppercase; }
.masthead .brand img { max-height: 9mm; max-width: 40mm; }
.one-page h1 { font-size: 20pt; margin: 1.2mm 0 0; }
.masthead .subtitle { font-size: 10.5pt; color: #495057; margin-bottom: 2.2mm; }
dl.strip { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.4mm; margin: 0; }
dl.strip > div { background: #f1f3f5; border-radius: 1.2mm; padding: 1.2mm 2.4mm; border-left: 0.8mm solid var(--accent); }
dl.strip dt { font-size: 6.6pt; font-weight: 600; color: #495057; letter-spacing: 0.4pt; text-transform: uppercase; }
dl.strip dd { margin: 0; font-size: 8.8pt; font-weight: 650; }
.one-page section { break-before: auto; margin-top: 2.8mm; }
.one-page h2 { font-size: 10pt; margin: 0 0 1mm; padding-bottom: 0.6mm; border-bottom: 0.35mm solid var(--accent); }
.one-page p { margin: 0.6mm 0; }
.one-page table { font-size: 7.7pt; margin: 0; }
.one-page th, .one-page td { padding: 0.55mm 1.4mm; }
.one-page #agreed td:nth-child(-n+2), .one-page #actions td:nth-child(n+2) { white-space: nowrap; }
.audit-note { margin-top: 3mm; padding-top: 1.2mm; border-top: 0.3mm solid #dee2e6; font-size: 6.6pt; line-height: 1.3; color: #5c636a; break-inside: avoid; }
.audit-note .hash { font-size: 6.4pt; }
`;

function masthead(document: AgreementDocument): string {
  const facts = document.report?.coverFacts ?? [];
  return `<header class="masthead">
  <div class="masthead-top"><div class="brand">${document.consultant?.logoDataUrl ? `<img src="${escapeHtml(document.consultant.logoDataUrl)}" alt="">` : ''}${escapeHtml(brandName(document))}</div><div>Generated ${escapeHtml(formatDay(document.generatedAt, document.timeZone))}</div></div>
  <h1>${escapeHtml(document.title)}</h1>
  <div class="subtitle">${escapeHtml(document.report?.subtitle ?? document.client)}</div>
  <dl class="strip">${facts.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('')}</dl>
</header>`;
}

/** The executive summary fits one page: tighter type, the grade grid as a compact grid with the MQL cells filled. */
const summaryCss = `#executive-summary { font-size: 9pt; line-height: 1.35; }
#executive-summary h2 { margin-bottom: 3mm; }
#executive-summary h3 { margin: 3.5mm 0 1.2mm; font-size: 10.5pt; }
#executive-summary p { margin: 0 0 2mm; font-size: 10.5pt; }
#executive-summary table { font-size: 8.4pt; margin-bottom: 1.5mm; }
#executive-summary th, #executive-summary td { padding: 0.9mm 2mm; }
table.grade-grid { width: auto; }
table.grade-grid td, table.grade-grid th { width: 22mm; text-align: center; }
table.grade-grid th:first-child { width: 34mm; }
table.grade-grid td.mql { background: color-mix(in srgb, var(--accent) 16%, white); font-weight: 700; }
#executive-summary dl.facts { gap: 0.8mm 5mm; margin-bottom: 1mm; }
`;

/** Options for the print view. */
export interface PrintOptions {
  /** A data URL of the bundled font (woff2), so printing needs no network. */
  fontDataUrl?: string;
  /** The agreement's accent colour. */
  accent?: string;
}

/** The print view of the document: a complete HTML page Chromium prints to PDF. */
export function renderHtml(input: AgreementDocument, options: PrintOptions = {}): string {
  // The branding comes from the (untrusted) renderer: only a clean logo and a readable accent are printed.
  const document: AgreementDocument = { ...input, consultant: printableBranding(input.consultant) };
  const accent = validAccent(options.accent) ?? document.consultant?.accent ?? DEFAULT_DOCUMENT_ACCENT;
  const font = options.fontDataUrl ? `@font-face { font-family: 'Inter Variable'; font-weight: 100 900; src: url(${options.fontDataUrl}) format('woff2'); }` : '';
  const draft = showsUnsignedBanner(document.kind);
  const onePage = document.report?.layout === 'one-page';
  const signatures = document.signatures.length > 0
    ? document.signatures
        .map((signature) => `<div class="signature"><img src="${escapeHtml(signature.image)}" alt="Signature of ${escapeHtml(signature.name)}"/><div class="who"><strong>${escapeHtml(signature.name)}</strong><br>${escapeHtml(signature.title)} · ${escapeHtml(signature.team)}</div><div class="when">${signature.method === 'drawn' ? 'Signed by hand' : 'Signed by typed name'}, ${escapeHtml(formatDateTime(signature.signedAt, document.timeZone))}<br><span class="hash">SHA-256 ${escapeHtml(signature.contentHash)}</span></div></div>`)
        .join('')
    : '<p class="empty">Not signed yet.</p>';
  const history = document.history.length > 0
    ? `<table><thead><tr><th>Version</th><th>Status</th><th>Signed by</th><th>Locked</th><th>Content SHA-256</th></tr></thead><tbody>${document.history.map((entry) => `<tr><td>${entry.version}</td><td>${escapeHtml(entry.status)}</td><td>${escapeHtml(entry.signedBy)}</td><td>${escapeHtml(formatDateTime(entry.lockedAt, document.timeZone))}</td><td class="hash">${escapeHtml(entry.contentHash)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="empty">No earlier versions.</p>';
  const consensusAudit = document.consensusAudit && document.consensusAudit.length > 0
    ? `<h3>Consensus</h3><p>Each position records the content it was given for; an item changed since a signed version needed both sides again.</p><table class="consensus-audit"><tbody>${document.consensusAudit.map(([what, items]) => `<tr><th>${escapeHtml(what)}</th><td>${escapeHtml(items)}</td></tr>`).join('')}</tbody></table>`
    : '';
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
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: space-between; border-top: 5mm solid var(--accent); padding-top: 9mm; }
.cover .brand { font-size: 14pt; font-weight: 700; color: var(--accent); letter-spacing: 0.5pt; text-transform: uppercase; padding-bottom: 4mm; border-bottom: 0.5mm solid var(--accent); }
.cover .brand img { height: 18mm; width: auto; max-width: 60mm; object-fit: contain; object-position: left center; display: block; margin-bottom: 4mm; }
.cover .client { font-size: 16pt; color: #495057; margin-bottom: 14mm; }
.cover .status { display: inline-block; padding: 2mm 4mm; border-radius: 2mm; font-weight: 700; background: ${draft ? '#fff3bf' : '#d3f9d8'}; color: ${draft ? '#5c3c00' : '#0b4d24'}; }
dl.facts { display: grid; grid-template-columns: 52mm 1fr; gap: 1.6mm 5mm; margin: 0 0 4mm; }
dl.facts dt { color: #495057; font-weight: 600; } dl.facts dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.8pt; }
th, td { text-align: left; vertical-align: top; padding: 1.6mm 2mm; border-bottom: 0.3mm solid #dee2e6; }
th { background: #f1f3f5; font-weight: 700; }
tr { break-inside: avoid; }
/* A short block that ends a table (the calendar line under the commitments, a consensus line, the capacity note) stays with its last rows rather than spilling onto a page of its own. */
table + dl.facts, table + .note { break-before: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td[data-state='agreed'] { color: #0b6e35; font-weight: 600; } td[data-state='disputed'] { color: #b02a2a; font-weight: 600; } td[data-state='parked'] { color: #7a5200; font-weight: 600; } td[data-state='proposed'] { color: #5c636a; }
.note { padding: 2.5mm 3.5mm; background: #f1f3f5; border-left: 1mm solid var(--accent); }
.empty { color: #5c636a; font-style: italic; }
figure.funnel { margin: 2mm 0 5mm; } figure.funnel figcaption, figure.chart figcaption { font-size: 8.5pt; color: #5c636a; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; } figure.chart svg { max-width: 100%; height: auto; }
.signature { display: grid; grid-template-columns: 62mm 1fr 1fr; gap: 5mm; align-items: center; padding: 4mm 0; border-bottom: 0.3mm solid #dee2e6; break-inside: avoid; }
.signature img { width: 60mm; height: 22mm; object-fit: contain; border-bottom: 0.4mm solid #1a1b1e; }
.hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; color: #495057; }
.audit-hash { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 10pt; word-break: break-all; padding: 3mm; background: #f1f3f5; }
${onePage ? onePageCss : ''}${summaryCss}</style></head>
<body${onePage ? ' class="one-page"' : ''}>
${onePage ? masthead(document) : `<div class="cover">
  <div class="brand">${document.consultant?.logoDataUrl ? `<img src="${escapeHtml(document.consultant.logoDataUrl)}" alt="">` : ''}${escapeHtml(brandName(document))}</div>
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
</div>`}
${document.sections.map((section) => `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>${section.blocks.map(block).join('\n')}</section>`).join('\n')}
${document.report ? '' : `<section id="signatures"><h2>Signatures</h2><p>Each signatory signed the content whose SHA-256 is printed with their signature.</p>${signatures}</section>`}
${onePage ? `<footer class="audit-note">Generated ${escapeHtml(formatDateTime(document.generatedAt, document.timeZone))} · SHA-256 <span class="hash">${escapeHtml(document.contentHash)}</span> · data attached as ${escapeHtml(document.report?.attachmentName ?? '')} · sealed: any change to this PDF is detected. A record of the session, not the signed agreement.</footer>` : `<section id="audit"><h2>Audit</h2><h3>Content SHA-256</h3><p class="audit-hash">${escapeHtml(document.contentHash)}</p><p>Generated ${escapeHtml(formatDateTime(document.generatedAt, document.timeZone))}. The machine-readable ${document.report ? 'report' : 'agreement'} is attached to this PDF (${escapeHtml(document.report?.attachmentName ?? 'agreement.json')}); the PDF is sealed with a digital signature over the whole file, so any change to it is detected.</p>${document.report ? '' : `<h3>Version history</h3>${history}${consensusAudit}`}</section>`}
</body></html>`;
}

/** The running header and footer Chromium prints on every page (its own tiny HTML, no external resources). */
export function headerFooterTemplates(document: AgreementDocument): { headerTemplate: string; footerTemplate: string } {
  const style = 'font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #495057; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between;';
  // The running header carries the consultant's accent as a rule line under it.
  const accent = validAccent(document.consultant?.accent) ?? DEFAULT_DOCUMENT_ACCENT;
  const status = !showsUnsignedBanner(document.kind) ? escapeHtml(document.statusLine) : `<strong style="color:#8a5a00">${escapeHtml(document.statusLine)}</strong>`;
  return {
    headerTemplate: `<div style="${style}"><div style="display: flex; justify-content: space-between; width: 100%; padding-bottom: 1.2mm; border-bottom: 0.8pt solid ${accent};"><span>${escapeHtml(document.title)} · ${escapeHtml(document.client)}</span><span>${status}</span></div></div>`,
    footerTemplate: `<div style="${style}"><span>${escapeHtml(document.versionLabel)} · SHA-256 ${escapeHtml(document.contentHash.slice(0, 16))}…</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
