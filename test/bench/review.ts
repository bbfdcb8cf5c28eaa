/**
 * Group `review`: a generated history of 1,000,000 leads (mixed timestamp
 * formats), parsed + mapped + measured by the SLA review.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistories } from '../../shared/engines/review/sample-histories';
import { runReview, sampleReviewMapping } from '../../shared/engines/review/run-review';
import { readyAgreement } from '../fixtures/agreements';
import { fileTextChunks } from '../../electron/cli/text-chunks';
import { median, type BenchFigure } from './format';

const LEADS = 1_000_000;

export async function benchReview(): Promise<BenchFigure[]> {
  const agreement = readyAgreement();
  agreement.calendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
  const path = join(tmpdir(), `accord-bench-review-${LEADS}-v1.csv`);
  if (!existsSync(path) || statSync(path).size < 50e6) {
    const out = createWriteStream(path);
    let batch = '';
    generateHistories({ leads: LEADS, from: '2026-11-01', to: '2026-12-31', calendar: agreement.calendar, firstTouchHours: 4, attempts: 6, acceptDays: 2, reasonCodes: agreement.reasons.map((reason) => reason.code) }, (line) => {
      batch += line;
      if (batch.length > 1 << 20) {
        out.write(batch);
        batch = '';
      }
    });
    out.end(batch);
    await once(out, 'finish');
  }
  const times: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    const result = await runReview({ agreement, mapping: sampleReviewMapping, chunks: fileTextChunks(path), from: '2026-11-01', to: '2026-12-31' });
    times.push(performance.now() - started);
    if (result.leads !== LEADS) throw new Error(`The review read ${result.leads} leads of ${LEADS}.`);
  }
  const ms = median(times);
  console.log(`# review: ${LEADS.toLocaleString('en-US')} leads, ${(statSync(path).size / 1e6).toFixed(0)} MB, ${ms.toFixed(0)} ms (median of 3)`);
  return [
    { id: 'review.ms', value: ms, unit: 'ms' },
    { id: 'review.rows-per-second', value: Math.round(LEADS / (ms / 1000)), unit: 'rows/s', target: { op: '>=', value: 500_000 } },
  ];
}
