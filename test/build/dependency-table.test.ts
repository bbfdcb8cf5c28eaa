// The dependency table (docs/dependencies.md) must name every dependency in
// package.json, and nothing that is not one: a package added without a reason,
// or removed with its reason left behind, fails here.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/**
 * The package names of the table's first column. A cell lists names separated by commas; a bare name right after a
 * scoped one continues its scope unless it is a package of its own ("@mantine/core, hooks" is @mantine/hooks,
 * "@axe-core/playwright, axe-core" is axe-core); "@scope/*" names every package of the scope; words in brackets
 * ("(dev)", "(zod/mini)") are notes.
 */
export function tablePackages(markdown: string, dependencies: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of markdown.split('\n')) {
    const cell = /^\|\s*([^|]+?)\s*\|/.exec(line)?.[1];
    if (!cell || cell === 'dependency' || /^-+$/.test(cell)) continue;
    let scope: string | null = null;
    for (const raw of cell.replace(/\([^)]*\)/g, '').split(',')) {
      const word = raw.trim();
      if (word === '') continue;
      if (word.endsWith('/*')) {
        const prefix = word.slice(0, -1);
        names.push(...dependencies.filter((name) => name.startsWith(prefix)));
        scope = null;
        continue;
      }
      const name: string = !word.includes('/') && scope && !dependencies.includes(word) ? `${scope}/${word}` : word;
      names.push(name);
      scope = name.startsWith('@') ? name.split('/')[0]! : null;
    }
  }
  return names;
}

describe('the dependency table', () => {
  it('reads scoped lists, wildcards and notes', () => {
    const table = '| dependency | why |\n|---|---|\n| @mantine/core, hooks | ui |\n| playwright-core, @axe-core/playwright, axe-core | e2e |\n| @testing-library/* | tests |\n| zod (zod/mini) | schemas |\n';
    expect(tablePackages(table, ['axe-core', '@testing-library/react', '@testing-library/user-event'])).toEqual([
      '@mantine/core', '@mantine/hooks', 'playwright-core', '@axe-core/playwright', 'axe-core', '@testing-library/react', '@testing-library/user-event', 'zod',
    ]);
  });

  it('names every dependency of package.json with its reason, and nothing else', () => {
    const manifest = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const dependencies = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies)];
    const named = tablePackages(readFileSync(resolve(projectRoot, 'docs', 'dependencies.md'), 'utf8'), dependencies);
    expect(dependencies.filter((name) => !named.includes(name)), 'in package.json but not in docs/dependencies.md').toEqual([]);
    expect(named.filter((name) => !dependencies.includes(name)), 'in docs/dependencies.md but not in package.json').toEqual([]);
  });
});
