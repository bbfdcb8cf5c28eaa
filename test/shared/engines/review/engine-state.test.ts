import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DayNames } from '../../../../shared/engines/review/review';
import { newMonthStarts, quickTimestamp, timestampReader } from '../../../../shared/engines/review/timestamps';

const root = join(__dirname, '../../../..');
const engines = join(root, 'shared/engines');

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Top-level state a module keeps between calls: `let`/`var`, or a `const` holding a new collection or typed array (a `Readonly…` type says it is a fixed table). */
function moduleState(name: string, text: string): string[] {
  const source = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const mutableBinding = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) !== ts.NodeFlags.Const;
    for (const declaration of list.declarations) {
      const readOnlyType = declaration.type !== undefined && /^Readonly/.test(declaration.type.getText(source));
      // `new Float64Array(n).fill(NaN)` is still the new array: look through method calls to what they are called on.
      let init = declaration.initializer;
      while (init !== undefined && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression)) init = init.expression.expression;
      const collection = init !== undefined && ts.isNewExpression(init) && /^(Map|Set|WeakMap|WeakSet|Array|\w+Array)$/.test(init.expression.getText(source));
      const emptyArray = init !== undefined && ts.isArrayLiteralExpression(init) && init.elements.length === 0;
      if (mutableBinding || ((collection || emptyArray) && !readOnlyType)) found.push(`${name}: ${declaration.name.getText(source)}`);
    }
  }
  return found;
}

describe('the engines keep no state between runs', () => {
  it('no engine module holds a cache, a counter or a collection at module level (a run makes its own)', () => {
    // The check finds module state of each shape (and lets a fixed, read-only table and a constant be).
    const probe = 'let runs = 0;\nvar legacy = 1;\nconst seen = new Map<number, string>();\nconst slots = new Float64Array(8).fill(Number.NaN);\nconst queue: string[] = [];\nconst names: ReadonlySet<string> = new Set(["a"]);\nexport const limit = 3;\nconst labels = { a: "A" };\n';
    expect(moduleState('probe.ts', probe)).toEqual(['probe.ts: runs', 'probe.ts: legacy', 'probe.ts: seen', 'probe.ts: slots', 'probe.ts: queue']);
    const files = sourcesUnder(engines);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((path) => moduleState(relative(root, path), readFileSync(path, 'utf8')))).toEqual([]);
  });
});

describe('a run’s own caches', () => {
  it('month starts: a reader fills the cache it was given, not another run’s, and every month comes out right', () => {
    const mine = newMonthStarts();
    const other = newMonthStarts();
    const read = quickTimestamp('UTC', 'month-first', mine);
    const full = timestampReader('UTC', 'day-first', mine);
    // Months 1024 apart share a slot of the direct-mapped cache: read in alternation, each must still be its own month.
    const months: [number, number][] = [];
    for (let year = 1950; year <= 2120; year += 17) for (let month = 1; month <= 12; month += 5) months.push([year, month]);
    for (let round = 0; round < 2; round += 1) {
      for (const [year, month] of months) {
        const pad = (value: number) => String(value).padStart(2, '0');
        const expected = Date.UTC(year, month - 1, 28, 13, 45, 10);
        expect(read(`${year}-${pad(month)}-28T13:45:10Z`)).toBe(expected);
        expect(read(`${pad(month)}/28/${year} 1:45:10 PM`)).toBe(expected);
        expect(full(`28/${pad(month)}/${year} 13:45:10`)).toEqual({ ok: true, instant: expected });
      }
    }
    const filled = [...mine.keys].filter((key) => key === key);
    expect(filled.length).toBeGreaterThan(0);
    for (const key of filled) expect(mine.firstDays[key & 1023]).toBe(Date.UTC(Math.floor((key - 1) / 12), (key - 1) % 12, 1) / 86_400_000);
    // The other run's cache was never touched.
    expect([...other.keys].every((key) => key !== key)).toBe(true);
  });

  it('day names: each review’s own, the day and its month as the calendar writes them', () => {
    const first = new DayNames();
    const second = new DayNames();
    for (let day = -800; day < 40_000; day += 97) {
      const date = new Date(day * 86_400_000);
      const text = `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
      expect(first.month(day)).toBe(text.slice(0, 7));
      expect(first.day(day)).toBe(text);
      expect(second.day(day)).toBe(text);
    }
  });
});
