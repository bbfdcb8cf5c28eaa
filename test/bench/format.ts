/** How a benchmark figure compares with its target. */
export type TargetOperator = '<=' | '>=' | '<' | '>';

/** One measured figure. */
export interface BenchFigure {
  id: string;
  value: number;
  unit: string;
  target?: { op: TargetOperator; value: number };
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The ratio of two timings taken side by side, robust to a shared machine: each pair is measured back to back
 * (the machine's load drifts over seconds, so both halves of a pair see the same), and the median pair is kept.
 */
export function pairedRatio(ours: number[], reference: number[]): number {
  if (ours.length !== reference.length) throw new Error('paired timings of different lengths');
  return median(ours.map((value, index) => value / reference[index]!));
}

/** Whether a figure meets its target (true when it has none). */
export function meetsTarget(figure: BenchFigure): boolean {
  if (!figure.target) return true;
  const { op, value } = figure.target;
  if (op === '<=') return figure.value <= value;
  if (op === '>=') return figure.value >= value;
  if (op === '<') return figure.value < value;
  return figure.value > value;
}

/** The machine-readable line: `BENCH <id> <value> <unit> target <op> <value>`. */
export function formatBenchLine(figure: BenchFigure): string {
  const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(figure.value < 10 ? 2 : 1);
  const target = figure.target ? ` target ${figure.target.op} ${figure.target.value}` : '';
  return `BENCH ${figure.id} ${value} ${figure.unit}${target}`;
}
