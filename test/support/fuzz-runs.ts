/**
 * How many inputs a fuzz or property test tries. The full count (what the issue asked for, e.g. 10,000
 * malformed files) runs in CI, where `CI=true` is set; a local run tries a tenth of it, which finds the same
 * kinds of breakage on the same seed (the local inputs are the first of the CI ones) in a tenth of the time.
 *
 * `ACCORD_FUZZ_RUNS` overrides both: `full` runs the full count, a positive whole number runs that many
 * (more than the full count is allowed, for a long soak). Anything else is refused, so a typo never
 * quietly runs the small count.
 */
export function fuzzRuns(full: number, env: Record<string, string | undefined> = process.env): number {
  const asked = env.ACCORD_FUZZ_RUNS?.trim();
  if (asked !== undefined && asked !== '') {
    if (asked === 'full') return full;
    if (/^[1-9]\d*$/.test(asked)) return Number(asked);
    throw new Error(`ACCORD_FUZZ_RUNS must be "full" or a positive whole number of runs, not "${asked}".`);
  }
  if (env.CI === 'true') return full;
  return Math.min(full, Math.max(LOCAL_FLOOR, Math.ceil(full / LOCAL_SHARE)));
}

/** A local run tries one input in ten… */
const LOCAL_SHARE = 10;
/** …but never fewer than this, so the small property tests keep enough cases to mean something. */
const LOCAL_FLOOR = 50;
