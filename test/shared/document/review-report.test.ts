import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReviewDocument } from '../../../shared/document/review-report';
import { renderMarkdown } from '../../../shared/document/markdown';
import { parseReviewMapping } from '../../../shared/engines/review/mapping';
import { runReview } from '../../../shared/engines/review/run-review';
import { parseAccordFile } from '../../../shared/model/accord-file';
import { formatDay } from '../../../shared/text/datetime';

const sample = resolve(import.meta.dirname, '..', '..', 'fixtures', 'review');

async function* chunksOf(text: string) {
  for (let at = 0; at < text.length; at += 4096) yield text.slice(at, at + 4096);
}

describe('the review report (PDF and Markdown)', () => {
  it('writes "No data" with the reason for what the export cannot measure, counts it apart, and names the version and the days covered', async () => {
    const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    // The shipped export, mapped with its MQL date only, reviewed over a period that runs past its last date.
    const csv = readFileSync(join(sample, 'leads.csv'), 'utf8');
    const review = await runReview({ agreement: parsed.agreement, mapping: parseReviewMapping({ version: 1, columns: { id: 'Lead ID', mqlAt: 'MQL Date' } }), chunks: chunksOf(csv), from: '2026-11-01', to: '2027-02-28' });
    const markdown = renderMarkdown(buildReviewDocument(parsed.agreement, { ...review, agreementVersion: 'version 2, signed 1 Oct 2026 (in force)' }, '2027-03-01T09:00:00.000Z'));
    const noData = review.commitments.filter((entry) => entry.state === 'no-data').length;
    expect(noData).toBeGreaterThan(5);
    expect(markdown).toMatch(new RegExp(`\\d+ met, \\d+ at risk, \\d+ missed, ${noData} no data`));
    expect(markdown).toContain('No data: map the First touch column to measure this');
    expect(markdown).toMatch(/MQL → SAL \| no data \| 70 % \| No data: map the Accepted column to measure this/);
    expect(markdown).toContain('version 2, signed 1 Oct 2026 (in force)');
    // Only the MQL date is read, so the export's last recorded date is its last MQL date (local, Berlin winter time = UTC+1).
    const localDate = (cell: string) => {
      if (cell.endsWith('Z')) return new Date(Date.parse(cell) + 3_600_000).toISOString().slice(0, 10);
      const us = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(cell);
      if (us) return `${us[3]}-${us[1]}-${us[2]}`;
      const eu = /^(\d{2})\.(\d{2})\.(\d{4})/.exec(cell)!;
      return `${eu[3]}-${eu[2]}-${eu[1]}`;
    };
    const dates = csv.trim().split('\r\n').slice(1).map((line) => localDate(line.split(',')[2]!)).sort();
    const first = dates[0]!;
    const last = dates.at(-1)!;
    const start = first > '2026-11-01' ? first : '2026-11-01';
    const covered = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000 + 1;
    expect(markdown).toContain(`Export covers:** ${covered} of 120 days (recorded dates ${formatDay(first)} – ${formatDay(last)}); rates use the covered days`);
    expect(markdown).not.toMatch(/Missed[^\n]*First touch|0\.0 h/);
  });

  it('writes a measured figure without a target as "Not judged: no target" and does not count it as no data', async () => {
    const parsed = parseAccordFile(readFileSync(join(sample, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    // Counted here from the export: rejections whose reason the agreement recycles, and those of them that later reached SQL, opportunity or a win.
    const recycleCodes = new Set(parsed.agreement.reasons.filter((reason) => reason.action === 'recycle').map((reason) => reason.code));
    const csv = readFileSync(join(sample, 'leads.csv'), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/).map((line) => line.split(','));
    const at = (name: string) => header!.indexOf(name);
    const recycled = rows.filter((row) => recycleCodes.has(row[at('Rejection Reason')]!));
    const cameBack = recycled.filter((row) => row[at('SQL Date')] || row[at('Opportunity Date')] || ['Won', 'Closed Won'].includes(row[at('Outcome')]!));
    const mapping = parseReviewMapping(JSON.parse(readFileSync(join(sample, 'mapping.json'), 'utf8')));
    const review = await runReview({ agreement: parsed.agreement, mapping, chunks: chunksOf(csv), from: '2026-11-01', to: '2026-12-31' });
    const markdown = renderMarkdown(buildReviewDocument(parsed.agreement, review, '2027-01-05T09:00:00.000Z'));
    expect(markdown).toMatch(new RegExp(`Recycled leads that came back \\| ${cameBack.length} of ${recycled.length} recycled leads later reached SQL, opportunity or a win \\| [^|]+ \\| Not judged: no target \\|`));
    expect(markdown).toMatch(/\d+ met, \d+ at risk, \d+ missed, 0 no data; 1 not judged: no target/);
    expect(markdown).toMatch(/Met \/ at risk \/ missed \/ no data[^\n]*\d+ \/ \d+ \/ \d+ \/ 0\b/);
    expect(markdown).not.toMatch(/No data[^\n]*Recycled|Recycled[^\n]*No data/);
  });
});
