import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, showsUnsignedBanner, type AgreementDocument, type DocumentKind } from '../../../shared/document/document';
import { headerFooterTemplates, renderHtml } from '../../../shared/document/html';
import { buildReviewDocument } from '../../../shared/document/review-report';
import { buildSessionSummary, summaryDocument } from '../../../shared/document/session-summary';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';
import { runReview } from '../../../shared/engines/review/run-review';
import { parseAccordFile } from '../../../shared/model/accord-file';
import { readyAgreement } from '../../fixtures/agreements';

const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');

async function* chunksOf(text: string) {
  yield text;
}

// The unsigned banner as the print view draws it: the cover's status chip in the draft colours, and the running header's status in bold amber.
const coverBanner = (document: AgreementDocument) => renderHtml(document).includes('background: #fff3bf');
const headerBanner = (document: AgreementDocument) => headerFooterTemplates(document).headerTemplate.includes('<strong style="color:#8a5a00">');

describe('the document kind decides the unsigned banner', () => {
  it('a draft and a version being signed carry the banner; a signed version and a report never do', () => {
    const kinds: Record<DocumentKind, boolean> = { draft: true, signing: true, signed: false, report: false };
    for (const [kind, banner] of Object.entries(kinds)) expect(showsUnsignedBanner(kind as DocumentKind)).toBe(banner);
  });

  it('a draft agreement prints its banner on the cover and every page; a signed one does not', () => {
    const agreement = readyAgreement();
    const draft = buildAgreementDocument(agreement, { versionNumber: 1, status: 'draft', signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z' });
    expect(draft.kind).toBe('draft');
    expect(draft.statusLine).toBe('Draft, not signed');
    expect(coverBanner(draft)).toBe(true);
    expect(headerBanner(draft)).toBe(true);
    const signed = buildAgreementDocument(agreement, { versionNumber: 2, status: 'signed', signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z' });
    expect(coverBanner(signed)).toBe(false);
    expect(headerBanner(signed)).toBe(false);
  });

  it('the SLA review and the session summary are reports: never said to be signed, never given the banner', async () => {
    const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const review = await runReview({ agreement: parsed.agreement, mapping: parseReviewMapping({ version: 1, columns: { id: 'Lead ID', mqlAt: 'MQL Date' } }), chunks: chunksOf(readFileSync(join(sample, 'leads.csv'), 'utf8')), from: '2026-11-01', to: '2026-11-30' });
    const reviewDocument = buildReviewDocument(parsed.agreement, review, '2026-12-01T09:00:00.000Z');
    const agreement = readyAgreement();
    const summary = summaryDocument(buildSessionSummary(agreement, { generatedAt: '2026-11-23T12:00:00.000Z' }), agreement);
    for (const document of [reviewDocument, summary]) {
      expect(document.kind).toBe('report');
      expect(coverBanner(document)).toBe(false);
      expect(headerBanner(document)).toBe(false);
    }
  });
});
