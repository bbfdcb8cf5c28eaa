/**
 * Group `calibration`: the synthetic 1,000,000-row export, parsed + mapped +
 * scored + aggregated by the real calibration, against parsing alone with
 * uDSV (the fastest JS CSV parser we know), same file, same run; the engine
 * alone on pre-parsed rows; and the memory a streaming run needs.
 */
import { parseWithUdsv } from './udsv-reference';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsvText } from '../../shared/engines/csv/csv';
import { compileRowMapper } from '../../shared/engines/calibration/mapping';
import { runCalibration } from '../../shared/engines/calibration/run';
import { compileScoring, type LeadValue, type RowScore } from '../../shared/engines/scoring/scoring';
import { calibrationSamples } from '../../shared/templates/samples';
import { fileTextChunks } from '../../electron/cli/text-chunks';
import { median, pairedRatio, type BenchFigure } from './format';
import { writeSyntheticExport } from './synthetic-crm';

const ROWS = 1_000_000;
const sample = calibrationSamples.find((entry) => entry.id === 'xeducation')!;


async function calibrate(path: string, onChunk?: () => void): Promise<number> {
  const result = await runCalibration({ agreement: sample.agreement(), mapping: sample.mapping, chunks: fileTextChunks(path), asOf: '2026-11-25', onProgress: onChunk });
  return result.rows;
}

export async function benchCalibration(): Promise<BenchFigure[]> {
  const path = join(tmpdir(), `accord-bench-${ROWS}-v1.csv`);
  if (!existsSync(path) || statSync(path).size < 100e6) await writeSyntheticExport(path, ROWS);
  const megabytes = statSync(path).size / 1e6;

  // Memory first, on a quiet heap: resident memory sampled after every chunk.
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const rowsRead = await calibrate(path, () => {
    const rss = process.memoryUsage().rss;
    if (rss > peak) peak = rss;
  });
  if (rowsRead !== ROWS) throw new Error(`The calibration read ${rowsRead} rows of ${ROWS}.`);

  // Ratio: five pairs run back to back, the median pair's ratio (see pairedRatio).
  const ours: number[] = [];
  const reference: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    let started = performance.now();
    await parseWithUdsv(path);
    reference.push(performance.now() - started);
    started = performance.now();
    await calibrate(path);
    ours.push(performance.now() - started);
  }

  // Engine alone: 200,000 distinct pre-parsed, normalised rows, scored five times over.
  const model = compileScoring(sample.agreement(), { asOf: '2026-11-25' });
  const { rows } = parseCsvText((await fileTextChunks(path).next()).value as string);
  const mapper = compileRowMapper(model, sample.mapping, rows[0]!, null);
  const prepared: { values: LeadValue[]; counts: Float64Array; days: number }[] = [];
  for (const row of rows.slice(1)) {
    if (mapper.map(row) === null) prepared.push({ values: [...mapper.row.values], counts: Float64Array.from(mapper.row.counts), days: mapper.row.activityDays });
  }
  const pool = Array.from({ length: 200_000 }, (_, index) => prepared[index % prepared.length]!);
  const out: RowScore = { fit: 0, engagement: 0, fitGradeIndex: 0, engagementLevel: 0, mql: false, fastTracked: false, disqualified: false, knockedOut: false };
  const hits = new Uint8Array(model.rules.length);
  let mqls = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < 7; pass += 1) {
    const started = performance.now();
    for (const row of pool) if (model.scoreRow(row.values, row.counts, row.days, out, hits).mql) mqls += 1;
    passes.push(performance.now() - started);
  }
  const leadsPerSecond = pool.length / (median(passes.slice(2)) / 1000);
  console.log(`# calibration: ${ROWS.toLocaleString('en-US')} rows, ${megabytes.toFixed(0)} MB; uDSV ${median(reference).toFixed(0)} ms, calibration ${median(ours).toFixed(0)} ms (medians of 5; ratio of the median pair ${pairedRatio(ours, reference).toFixed(2)}, pairs ${ours.map((value, index) => (value / reference[index]!).toFixed(2)).join(' ')}); ${mqls > 0 ? 'engine checked' : 'no MQL?'}`);
  return [
    { id: 'calibration.ms', value: median(ours), unit: 'ms' },
    { id: 'calibration.udsv-parse-ms', value: median(reference), unit: 'ms' },
    { id: 'calibration.ratio-vs-udsv', value: pairedRatio(ours, reference), unit: 'x', target: { op: '<=', value: 1.5 } },
    { id: 'engine.leads-per-second', value: Math.round(leadsPerSecond), unit: 'leads/s', target: { op: '>=', value: 2_000_000 } },
    { id: 'calibration.peak-memory-mb', value: (peak - baseline) / 1e6, unit: 'MB', target: { op: '<=', value: 300 } },
  ];
}
