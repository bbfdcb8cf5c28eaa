import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { buildReviewDocument, type TrendReview } from '../../../shared/document/review-report';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';
import { runReview } from '../../../shared/engines/review/run-review';
import { parseAccordFile } from '../../../shared/model/accord-file';
import { reviewRecordOf } from '../../../renderer/db/review-repository';

const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');

async function* chunksOf(text: string) {
  for (let at = 0; at < text.length; at += 4096) yield text.slice(at, at + 4096);
}

async function reviewOf(from: string, to: string) {
  const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  const mapping = parseReviewMapping(JSON.parse(readFileSync(join(sample, 'mapping.json'), 'utf8')));
  const review = await runReview({ agreement: parsed.agreement, mapping, chunks: chunksOf(readFileSync(join(sample, 'leads.csv'), 'utf8')), from, to });
  return { agreement: parsed.agreement, review };
}

/** A review as the app keeps it for the trend (results only: the record the review store saves). */
const kept = (id: string, review: Awaited<ReturnType<typeof reviewOf>>['review']): TrendReview => reviewRecordOf(review, 'w1', 'leads.csv', 0, id);

/** The bars of the chart whose aria-label is `label`: each bar's `<title>` ("label: value unit"). */
function bars(html: string, label: string): string[] {
  const start = html.indexOf(`aria-label="${label}"`);
  expect(start).toBeGreaterThan(0);
  const svg = html.slice(start, html.indexOf('</svg>', start));
  return [...svg.matchAll(/<rect class="bar"[^>]*><title>([^<]*)<\/title><\/rect>/g)].map((match) => match[1]!);
}

describe('the review report carries the charts and the trend table the screen shows', () => {
  it('draws one bar per week, per speed bucket and per reason, with the engine’s figures, and the need as a line', async () => {
    const { agreement, review } = await reviewOf('2026-11-01', '2026-12-31');
    const html = renderHtml(buildReviewDocument(agreement, review, '2027-01-05T09:00:00.000Z'));
    const weekly = bars(html, 'MQLs per week against the plan');
    expect(weekly).toHaveLength(review.weekly.length);
    expect(weekly.map((title) => Number(/: ([\d,]+) MQLs$/.exec(title)![1]!.replace(/,/g, '')))).toEqual(review.weekly.map((week) => week.mqls));
    expect(review.need.mqlsPerWeek).not.toBeNull();
    expect(html).toMatch(new RegExp(`class="reference"[^>]*/><text[^>]*>Need ${Math.ceil(review.need.mqlsPerWeek!).toLocaleString('en-US')}</text>`));
    // Weeks cut by the period are drawn light, as on the screen.
    const partWeeks = review.weekly.filter((week) => week.days !== undefined && week.days < 7).length;
    const weeklySvg = html.slice(html.indexOf('aria-label="MQLs per week against the plan"'));
    expect((weeklySvg.slice(0, weeklySvg.indexOf('</svg>')).match(/fill="#a9bde4"/g) ?? []).length).toBe(partWeeks);

    const speed = bars(html, 'Speed to first touch, business hours');
    expect(speed).toEqual(review.speedHistogram.map((bucket) => `${bucket.label}: ${bucket.count.toLocaleString('en-US')} MQLs`));
    const reasons = bars(html, 'Rejection reasons');
    expect(reasons).toEqual(review.reasons.map((reason) => `${reason.reason}: ${reason.count.toLocaleString('en-US')} rejections`));
  });

  it('prints the trend across the reviews kept, with the same figures as each review’s result', async () => {
    const november = await reviewOf('2026-11-01', '2026-11-30');
    const december = await reviewOf('2026-12-01', '2026-12-31');
    const document = buildReviewDocument(december.agreement, december.review, '2027-01-05T09:00:00.000Z', undefined, [kept('r1', november.review), kept('r2', december.review)]);
    const trend = document.sections.find((section) => section.id === 'trend');
    expect(trend?.title).toBe('Trend across reviews');
    const table = trend!.blocks.find((block) => block.kind === 'table') as { columns: string[]; rows: string[][] };
    expect(table.columns).toEqual(['Commitment', '1 Nov – 30 Nov 2026', '1 Dec – 31 Dec 2026']);
    // Independently: a commitment's cell is its share as a whole percent, or its state's label without a share.
    const label: Record<string, string> = { met: 'Met', 'at-risk': 'At risk', missed: 'Missed', 'no-data': 'No data', 'no-target': 'Not judged: no target' };
    const cell = (entry: { state: string; figures: Record<string, number | null> } | undefined) => (!entry ? '—' : entry.state !== 'no-data' && typeof entry.figures.share === 'number' ? `${Math.round(entry.figures.share * 100)} %` : label[entry.state]!);
    for (const commitment of december.review.commitments) {
      const row = table.rows.find((candidate) => candidate[0] === commitment.metric);
      expect(row, commitment.metric).toEqual([commitment.metric, cell(november.review.commitments.find((entry) => entry.id === commitment.id)), cell(commitment)]);
    }
    const conversion = table.rows.filter((row) => row[0]!.startsWith('Conversion '));
    expect(conversion).toHaveLength(december.review.conversion.length);
    for (const step of december.review.conversion) {
      const row = conversion.find((candidate) => candidate[0] === `Conversion ${step.step}`)!;
      expect(row[2]).toBe(step.state === 'no-data' || step.actual === null ? label[step.state] : `${Math.round(step.actual)} %`);
    }
    // The same table in the print view and in Markdown.
    expect(renderHtml(document)).toContain('<h2>Trend across reviews</h2>');
    expect(renderMarkdown(document)).toContain('| Commitment | 1 Nov – 30 Nov 2026 | 1 Dec – 31 Dec 2026 |');
  });

  it('a report without kept reviews has no trend part, and says when a chart has no figures', async () => {
    const { agreement, review } = await reviewOf('2026-11-01', '2026-12-31');
    const document = buildReviewDocument(agreement, { ...review, speedHistogram: [] }, '2027-01-05T09:00:00.000Z');
    expect(document.sections.some((section) => section.id === 'trend')).toBe(false);
    expect(renderHtml(document)).toContain('aria-label="Speed to first touch, business hours: no figures"');
  });
});
