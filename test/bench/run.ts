/**
 * `npm run bench [group…]`: prints one line per measured figure,
 * `BENCH <id> <value> <unit> target <op> <value>`, so a script can read it.
 * Without arguments every group runs. Speed targets live here, not in tests.
 */
import { formatBenchLine, meetsTarget, type BenchFigure } from './format';
import { benchCalibration } from './calibration';
import { benchPdf } from './pdf';
import { benchReview } from './review';
import { benchStartup } from './startup';

const groups: Record<string, () => Promise<BenchFigure[]>> = {
  startup: () => benchStartup(),
  pdf: () => benchPdf(),
  calibration: () => benchCalibration(),
  review: () => benchReview(),
};

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = requested.filter((name) => !(name in groups));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark group(s): ${unknown.join(', ')}. Groups: ${Object.keys(groups).join(', ')}.`);
    return 2;
  }
  const selected = requested.length > 0 ? requested : Object.keys(groups);
  let missed = 0;
  for (const name of selected) {
    for (const figure of await groups[name]!()) {
      console.log(formatBenchLine(figure));
      if (!meetsTarget(figure)) missed += 1;
    }
  }
  console.log(`# ${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
  return process.argv.includes('--strict') && missed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
