import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../../../shared/document/document';
import { renderMarkdown } from '../../../shared/document/markdown';
import { buildReviewDocument } from '../../../shared/document/review-report';
import { buildSessionSummary, sessionSummaryMarkdown } from '../../../shared/document/session-summary';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';
import { runReview } from '../../../shared/engines/review/run-review';
import type { Agreement } from '../../../shared/model/agreement';
import { contentHash } from '../../../shared/model/canonical';
import { parseAgreement } from '../../../shared/model/parse-agreement';
import { readyAgreement, signaturePng } from '../../fixtures/agreements';
import { markdownPayloads } from '../../fixtures/injection/payloads';

const reviewFixtures = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');

/** The tags the export's own markup makes; anything else came from the content. */
const ownTags = new Set(['h1', 'h2', 'h3', 'p', 'strong', 'em', 'ul', 'li', 'blockquote', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

/** Real CommonMark renderers as a reader's tool would set them up: markdown-it with raw HTML allowed (the most permissive), with GFM-style autolinks, and its strict CommonMark preset. */
const renderers = {
  'markdown-it, raw HTML allowed': new MarkdownIt({ html: true }),
  'markdown-it, raw HTML and linkify': new MarkdownIt({ html: true, linkify: true }),
  'markdown-it CommonMark preset': new MarkdownIt('commonmark'),
};

/** What a browser would show: tags dropped, entities decoded, white space collapsed. */
function shownText(html: string): string {
  return html
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Every HTML problem in a rendered Markdown file: an element the export does not make, an image, any link that is not a plain web address shown as typed. */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  for (const match of html.matchAll(/<\s*([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, name, attributes] = [match[0], match[1]!.toLowerCase(), match[2]!];
    if (name === 'a') {
      // Only linkify makes links, from a web address typed as text; never another scheme.
      if (!/^ href="(https?:\/\/|mailto:)[^"]*"$/.test(attributes)) problems.push(tag);
    } else if (!ownTags.has(name)) problems.push(tag);
    else if (attributes.trim() !== '' && !/^ style="text-align:right"$/.test(attributes)) problems.push(tag);
  }
  // No link or source whose scheme is javascript: (an http link may carry the words in its path: it opens a web page, nothing runs).
  if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(html)) problems.push('javascript: link');
  return problems;
}

/** One line of the payload as the Markdown must show it: line breaks become spaces, leading space is dropped. */
const asShown = (payload: string) => payload.replace(/\s+/g, ' ').trim();

/**
 * The agreement with a payload in every free-text field: each string leaf that
 * the agreement's own schema still accepts with a payload (ids and references
 * are kept so the document can be built).
 */
function poisonedAgreement(): { agreement: Agreement; placed: number } {
  const agreement = readyAgreement() as unknown as Record<string, unknown>;
  let next = 0;
  let placed = 0;
  const walk = (holder: Record<string, unknown> | unknown[], key: string | number) => {
    const value = (holder as Record<string | number, unknown>)[key];
    if (typeof value === 'string') {
      if (typeof key === 'string' && (key === 'id' || key.endsWith('Id') || key === 'kind' || key === 'effect' || key === 'state')) return;
      const payload = markdownPayloads[next % markdownPayloads.length]!;
      (holder as Record<string | number, unknown>)[key] = payload;
      if (parseAgreement(agreement).ok) {
        next += 1;
        placed += 1;
      } else (holder as Record<string | number, unknown>)[key] = value;
    } else if (Array.isArray(value)) value.forEach((_, index) => walk(value, index));
    else if (value && typeof value === 'object') for (const child of Object.keys(value)) walk(value as Record<string, unknown>, child);
  };
  for (const key of Object.keys(agreement)) walk(agreement, key);
  return { agreement: agreement as unknown as Agreement, placed };
}

function expectInert(markdown: string, payloads: readonly string[]) {
  for (const [name, renderer] of Object.entries(renderers)) {
    const html = renderer.render(markdown);
    expect(problemsOf(html), name).toEqual([]);
    const shown = shownText(html);
    // A renderer that links bare web addresses takes what follows the address into the link (its escape too): inert, but not the text typed.
    const linkifies = name.includes('linkify');
    for (const payload of payloads) if (!linkifies || !/https?:|mailto:|@/.test(payload)) expect(shown, `${name}: ${JSON.stringify(payload)}`).toContain(asShown(payload));
  }
}

describe('the Markdown exports cannot attack their reader (no HTML, image or script link from any field)', () => {
  it('the agreement: every payload, in every free-text field, renders as the literal text typed', () => {
    const { agreement, placed } = poisonedAgreement();
    expect(placed).toBeGreaterThan(markdownPayloads.length * 2);
    const signatures = markdownPayloads.slice(0, 6).map((payload, index) => ({ name: payload, title: markdownPayloads[index + 6]!, team: 'Marketing', method: 'typed' as const, image: signaturePng, signedAt: '2026-11-23T10:00:00.000Z', contentHash: contentHash(agreement) }));
    const markdown = renderMarkdown(buildAgreementDocument(agreement, { versionNumber: 1, status: 'signed', signatures, history: [{ version: 1, status: 'signed', signedBy: markdownPayloads[0]!, lockedAt: markdownPayloads[1]!, contentHash: '<img src=x onerror=alert(1)>' }], generatedAt: '2026-11-23T10:00:00.000Z' }));
    expectInert(markdown, markdownPayloads);
    // Headings come only from the document's structure: the injected ones are text.
    expect(markdown).not.toMatch(/^#+ (Heading injected|Injected heading)/m);
    expect(markdown.match(/^## Signatures$/gm)).toHaveLength(1);
  });

  it('the session summary: decisions, actions and parked topics with payloads render as text', () => {
    const agreement = readyAgreement();
    agreement.decisions = markdownPayloads.map((payload, index) => ({ id: `d${index}`, text: payload, by: markdownPayloads[(index + 1) % markdownPayloads.length]!, decidedAt: '2026-11-23 10:40' }));
    agreement.actions = markdownPayloads.map((payload, index) => ({ id: `a${index}`, task: payload, owner: payload, due: '', status: 'open' as const }));
    agreement.parkingLot = markdownPayloads.map((payload, index) => ({ id: `t${index}`, topic: payload, raisedBy: payload, notes: payload, status: 'open' as const }));
    expect(parseAgreement(agreement).ok).toBe(true);
    expectInert(sessionSummaryMarkdown(buildSessionSummary(agreement, { generatedAt: '2026-11-23T12:00:00.000Z' }), agreement), markdownPayloads);
  });

  it('the SLA review report: rejection reasons read from a CRM export carry payloads and render as text', async () => {
    const parsed = parseAgreement(JSON.parse(readFileSync(join(reviewFixtures, 'agreement.accord'), 'utf8')).agreement);
    if (!parsed.ok) throw new Error(parsed.message);
    // The shipped export with its Rejection Reason cells replaced by payloads, quoted as a CRM writes them (RFC 4180).
    const lines = readFileSync(join(reviewFixtures, 'leads.csv'), 'utf8').trim().split('\r\n');
    const header = lines[0]!.split(',');
    const reasonColumn = header.indexOf('Rejection Reason');
    // A reason code is one line in a CRM: the payloads that fit in one cell of one line.
    const payloads = markdownPayloads.filter((payload) => !/[\r\n]/.test(payload));
    let used = 0;
    const rows = lines.slice(1).map((line) => {
      const cells = line.split(',');
      if (cells[reasonColumn] && used < payloads.length) cells[reasonColumn] = `"${payloads[used++]!.replace(/"/g, '""')}"`;
      return cells.join(',');
    });
    expect(used).toBe(payloads.length);
    const csv = `${lines[0]}\r\n${rows.join('\r\n')}\r\n`;
    const review = await runReview({ agreement: parsed.agreement, mapping: parseReviewMapping(JSON.parse(readFileSync(join(reviewFixtures, 'mapping.json'), 'utf8'))), chunks: (async function* () { yield csv; })(), from: '2026-11-01', to: '2027-02-28' });
    const reasons = review.reasons.map((reason) => reason.reason);
    // The review keeps each code as the export wrote it (counted, not parsed): the report must carry it inert.
    expect(payloads.filter((payload) => reasons.some((reason) => reason.includes(payload.trim())))).toHaveLength(payloads.length);
    expectInert(renderMarkdown(buildReviewDocument(parsed.agreement, review, '2027-03-01T09:00:00.000Z')), payloads.map((payload) => payload.trim()));
  });
});
