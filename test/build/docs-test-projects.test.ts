// docs/testing.md lists the test projects a contributor can run: a project added
// to (or dropped from) vitest.config.ts must show there, or the next engineer runs
// the wrong command and believes the suite passed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vitest.config';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The project names in the first column of the table under "## Test projects". */
export function documentedProjects(markdown: string): string[] {
  const section = markdown.split(/^## Test projects$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .map((line) => /^\|\s*`([\w-]+)`\s*\|/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('the test projects in docs/testing.md', () => {
  it('reads the names from the table under its heading only', () => {
    expect(documentedProjects('## Test projects\n\n| project | runs |\n|---|---|\n| `unit` | a |\n| `e2e` | b |\n\n## Test layout\n\n| `other` | c |\n')).toEqual(['unit', 'e2e']);
  });

  it('names every project of vitest.config.ts, and no other', () => {
    const projects = (config.test?.projects ?? []).map((project) => (typeof project === 'object' && project !== null && 'test' in project ? project.test?.name : undefined));
    const names = projects.filter((name): name is string => typeof name === 'string');
    expect(names.length).toBeGreaterThan(0);
    expect(documentedProjects(readFileSync(resolve(projectRoot, 'docs', 'testing.md'), 'utf8')).sort()).toEqual([...names].sort());
  });
});
