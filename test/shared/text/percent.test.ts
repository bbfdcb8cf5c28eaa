import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../shared/text/percent';

const root = join(__dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('formatPercent', () => {
  it('writes a share with one decimal and a space before the sign, as the screens, documents and CLI did', () => {
    expect(formatPercent(0.125)).toBe('12.5 %');
    expect(formatPercent(0.1)).toBe('10.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0.125, { digits: 0 })).toBe('13 %');
    expect(formatPercent(0.9, { trim: true })).toBe('90 %');
    expect(formatPercent(0.875, { trim: true })).toBe('87.5 %');
    expect(formatPercent(12.5, { scale: 'percent' })).toBe('12.5 %');
    expect(formatPercent(62.4, { scale: 'percent', digits: 0 })).toBe('62 %');
    expect(formatPercent(0.53, { scale: 'percent', trim: true, digits: 2 })).toBe('0.53 %');
  });

  it('never writes 0 % for a missing figure: null or a figure that is not a number gives the reason', () => {
    expect(formatPercent(null, { noData: 'no data: map the first-touch column' })).toBe('no data: map the first-touch column');
    expect(formatPercent(0 / 0)).toBe('no data');
    expect(formatPercent(Number.POSITIVE_INFINITY, { noData: '—' })).toBe('—');
    // @ts-expect-error a figure that may be missing must say what to write instead
    formatPercent(null as number | null);
  });

  it('is the one percent formatter: no screen, document or CLI writes its own "(x * 100).toFixed(…) %"', () => {
    const own: string[] = [];
    for (const file of [...sources('shared'), ...sources('renderer'), ...sources('electron')]) {
      if (file.endsWith('shared/text/percent.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const match of text.matchAll(/\.toFixed\(\d\)\} %|\* 1000\) \/ 10\} %|\* 100\)\.toFixed/g)) own.push(`${file}: ${match[0]}`);
    }
    expect(own).toEqual([]);
  });
});
