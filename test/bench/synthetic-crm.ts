/**
 * A deterministic synthetic CRM export shaped like X Education's Leads.csv
 * (same column names, so the sample mapping applies): 1,000,000 rows are
 * about 150 MB, with mixed quoting (quoted commas, doubled quotes, newlines
 * inside notes). `tsx test/bench/synthetic-crm.ts OUT.csv [ROWS]` writes one.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../shared/engines/review/sample-histories';

const header = ['Prospect ID', 'Lead Number', 'Lead Origin', 'Lead Source', 'Do Not Email', 'Converted', 'TotalVisits', 'Total Time Spent on Website', 'Page Views Per Visit', 'Last Activity', 'Country', 'Specialization', 'What is your current occupation', 'City', 'Notes'];
const origins = ['API', 'Landing Page Submission', 'Lead Add Form', 'Lead Import'];
const sources = ['Google', 'Direct Traffic', 'Olark Chat', 'Organic Search', 'Reference', 'Welingak Website', 'Referral Sites'];
const activities = ['Email Opened', 'SMS Sent', 'Olark Chat Conversation', 'Page Visited on Website', 'Converted to Lead', 'Email Bounced'];
const countries = ['India', 'India', 'India', 'United States', 'United Arab Emirates', 'Singapore', ''];
const specializations = ['Finance Management', 'Human Resource Management', 'Marketing Management', 'Operations Management', 'Select', '"Banking, Investment And Insurance"', 'IT Projects Management', ''];
const occupations = ['Unemployed', 'Unemployed', 'Working Professional', 'Student', 'Businessman', 'Other', ''];
const cities = ['Mumbai', 'Thane & Outskirts', 'Other Cities', '"Other Cities of Maharashtra"', 'Select'];
const notes = ['', '', '', '"Called twice, no answer"', '"Said ""call me next week"""', '"Asked about fees\nand the start date"', 'Follow up'];

/** One row of the export as CSV text (with its line end). */
export function syntheticRow(index: number, next: () => number): string {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const occupation = pick(occupations);
  const origin = pick(origins);
  const visits = next() < 0.05 ? '' : String(Math.floor(next() * 12));
  const seconds = String(Math.floor(next() * 2000));
  const views = (next() * 6).toFixed(2);
  const activity = pick(activities);
  // Conversion depends on the rules, so calibration has something to find.
  const chance = 0.2 + (occupation === 'Working Professional' ? 0.5 : 0) + (origin === 'Lead Add Form' ? 0.3 : 0) + (activity === 'SMS Sent' ? 0.2 : 0);
  const converted = next() < chance ? '1' : '0';
  const id = `${(index * 2654435761 >>> 0).toString(16).padStart(8, '0')}-8bba-4d29-b9a2-${index.toString(16).padStart(12, '0')}`;
  return `${id},${600000 + index},${origin},${pick(sources)},${next() < 0.08 ? 'Yes' : 'No'},${converted},${visits},${seconds},${views},${activity},${pick(countries)},${pick(specializations)},${occupation},${pick(cities)},${pick(notes)}\r\n`;
}

/** Writes `rows` rows to `path`; resolves with the bytes written. */
export async function writeSyntheticExport(path: string, rows: number, seed = 20261125): Promise<number> {
  const next = seededRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let batch = `${header.join(',')}\r\n`;
  for (let index = 0; index < rows; index += 1) {
    batch += syntheticRow(index, next);
    if (batch.length > 1 << 20) {
      bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  bytes += Buffer.byteLength(batch);
  out.end(batch);
  await once(out, 'finish');
  return bytes;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)) {
  const [path, rows] = process.argv.slice(2);
  if (!path) {
    console.error('Usage: tsx test/bench/synthetic-crm.ts OUT.csv [ROWS]');
    process.exit(2);
  }
  const bytes = await writeSyntheticExport(path, Number(rows ?? 1_000_000));
  console.log(`Wrote ${path}: ${(bytes / 1e6).toFixed(1)} MB`);
}
