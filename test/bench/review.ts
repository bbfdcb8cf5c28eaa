/**
 * Group `review`: a generated history of 1,000,000 leads (mixed timestamp
 * formats, every column the seven commitment kinds need), parsed + mapped +
 * measured by the SLA review, against parsing alone with uDSV on the same
 * file, five pairs back to back in one run (the median pair's ratio): the ratio is the target (an absolute rate
 * moves with the machine), rows/s is information.
 */
import { parseWithUdsv } from './udsv-reference';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHistories } from '../../shared/engines/review/sample-histories';
import { runReview, sampleReviewMapping } from '../../shared/engines/review/run-review';
import { readyAgreement } from '../fixtures/agreements';
import { fileTextChunks } from '../../electron/cli/text-chunks';
import { median, pairedRatio, type BenchFigure } from './format';

const LEADS = 1_000_000;

/** Parsing alone: uDSV over the same chunks (its documented streaming use), counting rows. */

export async function benchReview(): Promise<BenchFigure[]> {
  const agreement = readyAgreement();
  agreement.calendar = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
  const path = join(tmpdir(), `accord-bench-review-${LEADS}-v2.csv`);
  if (!existsSync(path) || statSync(path).size < 100e6) {
    const out = createWriteStream(path);
    let batch = '';
    generateHistories({ leads: LEADS, from: '2026-11-01', to: '2026-12-31', calendar: agreement.calendar, firstTouchHours: 4, attempts: 6, acceptDays: 2, sqlAcceptDays: 2, opportunityUpdateDays: 7, reasonCodes: agreement.reasons.map((reason) => reason.code) }, (line) => {
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
  const reference: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    let started = performance.now();
    const parsed = await parseWithUdsv(path);
    reference.push(performance.now() - started);
    if (parsed < LEADS) throw new Error(`uDSV read ${parsed} rows of ${LEADS}.`);
    started = performance.now();
    const result = await runReview({ agreement, mapping: sampleReviewMapping, chunks: fileTextChunks(path), from: '2026-11-01', to: '2026-12-31' });
    times.push(performance.now() - started);
    if (result.leads !== LEADS) throw new Error(`The review read ${result.leads} leads of ${LEADS}.`);
    if (result.commitments.some((entry) => entry.state === 'no-data' && entry.kind !== 'recycling')) throw new Error('The bench export leaves a commitment without data.');
  }
  const ms = median(times);
  const udsv = median(reference);
  console.log(`# review: ${LEADS.toLocaleString('en-US')} leads, ${(statSync(path).size / 1e6).toFixed(0)} MB; uDSV ${udsv.toFixed(0)} ms, review ${ms.toFixed(0)} ms (medians of 5; ratio of the median pair ${pairedRatio(times, reference).toFixed(2)}, pairs ${times.map((value, index) => (value / reference[index]!).toFixed(2)).join(' ')})`);
  return [
    { id: 'review.ms', value: ms, unit: 'ms' },
    { id: 'review.udsv-parse-ms', value: udsv, unit: 'ms' },
    { id: 'review.ratio-vs-udsv', value: pairedRatio(times, reference), unit: 'x', target: { op: '<=', value: 2.0 } },
    // Information only: an absolute rate moves with the machine (516k–543k on one, 340k on another).
    { id: 'review.rows-per-second', value: Math.round(LEADS / (ms / 1000)), unit: 'rows/s' },
  ];
}
