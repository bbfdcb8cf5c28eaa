import { describe, expect, it } from 'vitest';
import { fuzzRuns } from './fuzz-runs';

describe('fuzz run counts', () => {
  it('runs the full count in CI and a tenth of it locally, never fewer than 50 nor more than the full count', () => {
    expect(fuzzRuns(10_000, { CI: 'true' })).toBe(10_000);
    expect(fuzzRuns(10_000, {})).toBe(1_000);
    expect(fuzzRuns(5_000, { CI: 'false' })).toBe(500);
    expect(fuzzRuns(200, {})).toBe(50);
    expect(fuzzRuns(30, {})).toBe(30);
  });

  it('takes ACCORD_FUZZ_RUNS over both: "full" or a number of runs', () => {
    expect(fuzzRuns(10_000, { ACCORD_FUZZ_RUNS: 'full' })).toBe(10_000);
    expect(fuzzRuns(10_000, { ACCORD_FUZZ_RUNS: '250', CI: 'true' })).toBe(250);
    expect(fuzzRuns(200, { ACCORD_FUZZ_RUNS: '50000' })).toBe(50_000);
    expect(fuzzRuns(200, { ACCORD_FUZZ_RUNS: '' })).toBe(50);
  });

  it('refuses a count it cannot read instead of quietly running the small one', () => {
    for (const asked of ['0', '-5', '1e4', 'ful', '10 000']) expect(() => fuzzRuns(10_000, { ACCORD_FUZZ_RUNS: asked })).toThrow(`ACCORD_FUZZ_RUNS must be "full" or a positive whole number of runs, not "${asked}".`);
  });
});
