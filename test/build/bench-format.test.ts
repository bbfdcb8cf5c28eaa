import { describe, expect, it } from 'vitest';
import { formatBenchLine, median, meetsTarget, pairedRatio } from '../bench/format';

describe('benchmark output', () => {
  it('prints the machine-readable BENCH line', () => {
    expect(formatBenchLine({ id: 'startup.ratio', value: 1.3249, unit: 'x', target: { op: '<=', value: 1.5 } })).toBe('BENCH startup.ratio 1.32 x target <= 1.5');
    expect(formatBenchLine({ id: 'startup.app-ms', value: 123.456, unit: 'ms' })).toBe('BENCH startup.app-ms 123.5 ms');
  });
  it('takes the median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('takes the ratio of the median pair, not the ratio of two medians taken at different moments', () => {
    // Pairs measured back to back: the machine slowed both halves of the second pair; the pair ratios are 1.5, 1.5, 3.
    expect(pairedRatio([150, 300, 300], [100, 200, 100])).toBe(1.5);
    expect(() => pairedRatio([1, 2], [1])).toThrow(/different lengths/);
  });
  it('checks targets', () => {
    expect(meetsTarget({ id: 'a', value: 1.6, unit: 'x', target: { op: '<=', value: 1.5 } })).toBe(false);
    expect(meetsTarget({ id: 'a', value: 2e6, unit: '/s', target: { op: '>=', value: 2e6 } })).toBe(true);
  });
});
