import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { buildReviewDocument } from '../../../shared/document/review-report';
import { buildSessionSummary, summaryDocument } from '../../../shared/document/session-summary';
import { exportSubject } from '../../../shared/document/subject';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';
import { runReview } from '../../../shared/engines/review/run-review';
import { parseAccordFile } from '../../../shared/model/accord-file';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';

// What a reader must never meet: a machine timestamp ("2026-12-01T10:26:58.627Z", "2026-12-01 10:26") or a bare ISO day.
const isoTimestamp = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
const isoDay = /(?<![\dA-Za-z])\d{4}-\d{2}-\d{2}(?![\d])/;
/** The output without its machine-readable hashes (hex; they carry no dates, but are what a check compares, so they stay whole). */
const readable = (text: string) => text.replace(/\b[0-9a-f]{16,64}\b/g, '');

async function* chunksOf(text: string) {
  for (let at = 0; at < text.length; at += 4096) yield text.slice(at, at + 4096);
}

describe('dates and times in the documents', () => {
  it('a signed agreement: signature page, cover, audit page and version history in the workshop’s time zone', () => {
    const agreement = readyAgreement();
    agreement.actions = [{ id: 'a1', task: 'Configure the scoring', owner: 'Maria Chen', due: '2026-12-20', status: 'open' }];
    agreement.calendar!.holidays = ['2026-12-25'];
    const version = { ...signedVersionOf(agreement), intact: true, lockedAt: Date.parse('2026-12-01T10:26:58.627Z') };
    const { agreement: content, context } = exportSubject(agreement, [version], true, '2026-12-01T10:30:00.000Z');
    const document = buildAgreementDocument(content, context);
    const html = renderHtml(document);
    const markdown = renderMarkdown(document);
    for (const text of [html, markdown]) {
      expect(readable(text)).not.toMatch(isoTimestamp);
      expect(readable(text)).not.toMatch(isoDay);
    }
    // Berlin in winter is UTC+1: signed at 10:00 UTC, locked at 10:26 UTC, generated at 10:30 UTC.
    expect(html).toContain('Signed by hand, 23 Nov 2026, 11:00 CET');
    expect(html).toContain('<td>1 Dec 2026, 11:26 CET</td>');
    expect(html).toContain('Generated 1 Dec 2026, 11:30 CET.');
    expect(markdown).toContain('signed by hand on 23 Nov 2026, 11:00 CET');
    expect(markdown).toContain('Generated: 1 Dec 2026, 11:30 CET');
    expect(html).toContain('<dt>Workshop date</dt><dd>23 Nov 2026</dd>');
    expect(markdown).toContain('| Configure the scoring | Maria Chen | 20 Dec 2026 | Open |');
    // The machine-readable hash is printed whole (the seal check compares it).
    expect(html).toContain(document.contentHash);
  });

  it('a moment is written in the agreement’s own time zone, not this computer’s', () => {
    const agreement = readyAgreement();
    agreement.calendar!.timeZone = 'America/New_York';
    const version = { ...signedVersionOf(agreement), intact: true };
    const { agreement: content, context } = exportSubject(agreement, [version], true, '2026-12-01T10:30:00.000Z');
    const markdown = renderMarkdown(buildAgreementDocument(content, context));
    // 10:00 UTC on 23 Nov 2026 is 05:00 in New York (UTC−5; en-GB names the zone by its offset).
    expect(markdown).toContain('on 23 Nov 2026, 05:00 GMT-5');
  });

  it('the SLA review report: its title, period, weeks and generated time', async () => {
    const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');
    const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const csv = readFileSync(join(sample, 'leads.csv'), 'utf8');
    const mapping = parseReviewMapping(JSON.parse(readFileSync(join(sample, 'mapping.json'), 'utf8')));
    const review = await runReview({ agreement: parsed.agreement, mapping, chunks: chunksOf(csv), from: '2026-11-01', to: '2026-12-31' });
    const document = buildReviewDocument(parsed.agreement, { ...review, agreementVersion: null }, '2027-01-05T09:00:00.000Z', undefined, [{ id: 'r1', from: '2026-11-01', to: '2026-12-31', commitments: [], conversion: [] }]);
    expect(document.title).toBe('SLA review 1 Nov – 31 Dec 2026');
    const html = renderHtml(document);
    const markdown = renderMarkdown(document);
    // The engine's own measured sentences ("… within 7 days of 21 Jan 2027 (the export’s last date)") write days as people do too.
    for (const text of [html, markdown]) {
      expect(readable(text)).not.toMatch(isoTimestamp);
      expect(readable(text)).not.toMatch(isoDay);
    }
    expect(markdown.startsWith('# SLA review 1 Nov – 31 Dec 2026\n')).toBe(true);
  });

  it('the session summary: the session’s times, the day, the due dates and the generated time', () => {
    const agreement = readyAgreement();
    agreement.actions = [{ id: 'a1', task: 'Send the agreement', owner: 'Dana', due: '2026-11-25', status: 'open' }];
    const summary = buildSessionSummary(agreement, { generatedAt: new Date('2026-11-23T12:20:00Z'), session: { startedAt: '2026-11-23T08:02:00.000Z', endedAt: '2026-11-23T11:14:00.000Z', plannedMinutes: 180, spentMinutes: 192, sections: [] } });
    const document = summaryDocument(summary, agreement);
    const html = renderHtml(document);
    const markdown = renderMarkdown(document);
    for (const text of [html, markdown]) {
      expect(readable(text)).not.toMatch(isoTimestamp);
      expect(readable(text)).not.toMatch(isoDay);
    }
    // 08:02–11:14 UTC is 09:02–12:14 in Berlin; the summary was generated at 13:20 there.
    expect(markdown).toContain('3 h 12 min of 3 h, 09:02–12:14');
    expect(html).toContain('Generated 23 Nov 2026, 13:20 CET');
  });
});
