// Every repository path a document names must exist: a doc that points to a moved
// or deleted file sends the next engineer to nothing. The documents are README.md
// and docs/**/*.md; the paths are those in code spans and in relative links.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** Top folders of the repository a path in a code span may start with (build output such as `out/` and `dist/` is not in the repository). */
const repositoryFolders = ['.ci', 'build', 'docs', 'electron', 'renderer', 'shared', 'test'];
/** A bare file name with one of these endings is a source file, looked up by its name anywhere in the source folders. */
const sourceEndings = /\.(ts|tsx|mjs|cjs|js|css|html|yml|plist)$/;
/** Root files named without a folder: upper-case documents and the project's configuration. */
const rootFile = /^([A-Z][A-Z_-]*\.md|package(-lock)?\.json|tsconfig(\.\w+)?\.json|[\w-]+\.config\.(js|mjs|ts))$/;

export interface NamedPath {
  /** The path as the document writes it. */
  readonly text: string;
  readonly line: number;
  /** `code`: repository-relative; `link`: relative to the document. */
  readonly kind: 'code' | 'link';
  /** A line number written after the path (`main.ts:71`): it goes stale at the next edit above it. */
  readonly lineNumber?: string;
}

/** The document without its fenced code blocks (JSON examples, shell sessions), line numbers kept. */
function withoutFences(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** Paths named in code spans and relative links of a Markdown text. */
export function namedPaths(markdown: string): NamedPath[] {
  const found: NamedPath[] = [];
  const text = withoutFences(markdown);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  for (const match of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) {
    for (const raw of match[2]!.split(/\s+/)) {
      const trimmed = raw.replace(/^[("'“[]+/, '').replace(/[)"'”\],;.]+$/, '');
      const lineNumber = /:(\d+([–-]\d+)?)$/.exec(trimmed)?.[1];
      const word = lineNumber ? trimmed.slice(0, -lineNumber.length - 1) : trimmed;
      if (word === '' || word.startsWith('/') || word.includes('://')) continue;
      const first = word.split('/')[0]!;
      const isPath = (word.includes('/') && repositoryFolders.includes(first)) || rootFile.test(word) || (!word.includes('/') && sourceEndings.test(word));
      if (isPath) found.push({ text: word, line: lineAt(match.index), kind: 'code', ...(lineNumber ? { lineNumber } : {}) });
    }
  }
  // Links: [text](target) with a relative target (not a web address, not mail).
  const outsideCode = text.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (span) => span.replace(/[^\n]/g, ' '));
  for (const match of outsideCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    found.push({ text: target, line: lineAt(match.index), kind: 'link' });
  }
  return found;
}

/** `a/{b,c}/d` → `a/b/d`, `a/c/d` (one level of braces per group, as the docs write them). */
function expandBraces(path: string): string[] {
  const match = /\{([^{}]*)\}/.exec(path);
  if (!match) return [path];
  return match[1]!.split(',').flatMap((choice) => expandBraces(path.slice(0, match.index) + choice + path.slice(match.index + match[0].length)));
}

/** Whether a repository-relative path exists; `*` and a `<placeholder>` match any name within one folder level. */
function pathExists(path: string): boolean {
  const segments = path.replace(/\/$/, '').split('/');
  const walk = (base: string, index: number): boolean => {
    if (index === segments.length) return true;
    const segment = segments[index]!;
    if (!/[*<]/.test(segment)) {
      const next = join(base, segment);
      if (index === segments.length - 1) return existsSync(next) || ['.ts', '.tsx', '.js', '.mjs', '/index.ts'].some((ending) => existsSync(next + ending));
      return existsSync(next) && statSync(next).isDirectory() && walk(next, index + 1);
    }
    if (!existsSync(base) || !statSync(base).isDirectory()) return false;
    const pattern = new RegExp(`^${segment.split(/(\*|<[^>]*>)/).map((part) => (part === '*' || part.startsWith('<') ? '.+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
    return readdirSync(base).some((entry) => pattern.test(entry) && walk(join(base, entry), index + 1));
  };
  return walk(projectRoot, 0);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]!.replace(/`/g, '').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

const sourceNames = (() => {
  const names = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else names.add(entry.name);
    }
  };
  for (const folder of ['build', 'electron', 'renderer', 'shared', 'test']) walk(join(projectRoot, folder));
  return names;
})();

/** What is wrong with one named path of a document, or null when it exists. */
export function problemOf(path: NamedPath, documentFile: string): string | null {
  if (path.kind === 'link') {
    const [file = '', anchor] = path.text.split('#');
    const target = file === '' ? documentFile : resolve(dirname(documentFile), decodeURI(file));
    if (!existsSync(target)) return `links to ${relative(projectRoot, target)}, which does not exist`;
    if (anchor && statSync(target).isFile() && !headingAnchors(readFileSync(target, 'utf8')).has(anchor)) return `links to #${anchor}, which is no heading of ${relative(projectRoot, target)}`;
    return null;
  }
  if (path.lineNumber) return `names line ${path.lineNumber}, which moves with every edit above it: name the function instead`;
  if (!path.text.includes('/')) {
    if (rootFile.test(path.text)) return existsSync(join(projectRoot, path.text)) ? null : 'no such file at the root';
    return sourceNames.has(path.text) ? null : 'no file of that name in the repository';
  }
  const missing = expandBraces(path.text).filter((candidate) => !pathExists(candidate));
  return missing.length === 0 ? null : `not in the repository: ${missing.join(', ')}`;
}

function documents(): string[] {
  const files = [join(projectRoot, 'README.md')];
  const walk = (folder: string) => {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name));
      else if (entry.name.endsWith('.md')) files.push(join(folder, entry.name));
    }
  };
  walk(join(projectRoot, 'docs'));
  return files;
}

/** Source files (code, config, scripts) that may point into the docs, as `docs/<file>.md` and optionally `, "Section"`. */
function pointingFiles(): string[] {
  const files = ['eslint.config.js', 'vitest.config.ts', 'package.json', '.ci/run'].map((file) => join(projectRoot, file));
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs|cjs|js|yml|json)$/.test(entry.name)) files.push(path);
    }
  };
  for (const folder of ['build', 'electron', 'renderer', 'shared', 'test']) walk(join(projectRoot, folder));
  return files.filter((file) => existsSync(file));
}

/** A pointer from source into the docs that leads nowhere: the file is gone, or it has no heading of that name. */
export function pointerProblem(file: string, section: string | undefined): string | null {
  const target = join(projectRoot, file);
  if (!existsSync(target)) return `${file} does not exist`;
  if (!section) return null;
  const headings = readFileSync(target, 'utf8').split('\n').filter((line) => /^#{1,6}\s/.test(line)).map((line) => line.replace(/^#+\s+/, '').replace(/`/g, '').trim().toLowerCase());
  return headings.includes(section.toLowerCase()) ? null : `${file} has no heading "${section}"`;
}

describe('paths named in the docs', () => {
  it('reads paths from code spans and links, and reports one that does not exist', () => {
    const sample = [
      'The review (`shared/engines/review/review.ts`, `run-review.ts`) and `test/e2e/presenter.test.ts`.',
      'Folders too: `shared/engines/` and `test/fixtures/calibration/{xeducation,crm-opportunities}/mapping.json`.',
      'Not paths: `npm test`, `out/renderer`, `seal.json`, `app://accord`, `~/Documents/Accord`.',
      'A command: `npx tsx test/fixtures/accord-attacks/make-attacks.ts`; a line number, which goes stale: `electron/main/ipc.ts:11`.',
      '```json',
      '{ "file": "shared/not-checked-in-a-fence.ts" }',
      '```',
      'Gone: `shared/engines/nowhere.ts`, `no-such-module.ts`, [a link](docs/none.md), [an anchor](README.md#no-such-heading).',
    ].join('\n');
    const paths = namedPaths(sample);
    expect(paths.map((path) => path.text)).toEqual([
      'shared/engines/review/review.ts',
      'run-review.ts',
      'test/e2e/presenter.test.ts',
      'shared/engines/',
      'test/fixtures/calibration/{xeducation,crm-opportunities}/mapping.json',
      'test/fixtures/accord-attacks/make-attacks.ts',
      'electron/main/ipc.ts',
      'shared/engines/nowhere.ts',
      'no-such-module.ts',
      'docs/none.md',
      'README.md#no-such-heading',
    ]);
    const readme = join(projectRoot, 'README.md');
    const offenders = paths.filter((path) => problemOf(path, readme) !== null).map((path) => path.text);
    expect(offenders).toEqual(['electron/main/ipc.ts', 'shared/engines/nowhere.ts', 'no-such-module.ts', 'docs/none.md', 'README.md#no-such-heading']);
  });

  it('judges a pointer from the code by its file and its heading', () => {
    expect(pointerProblem('docs/data.md', 'The review mapping')).toBeNull();
    expect(pointerProblem('docs/data.md', undefined)).toBeNull();
    expect(pointerProblem('docs/data.md', 'The mapping formats')).toBe('docs/data.md has no heading "The mapping formats"');
    expect(pointerProblem('docs/nowhere.md', undefined)).toBe('docs/nowhere.md does not exist');
  });

  it('computes heading anchors as GitHub does', () => {
    const anchors = headingAnchors('# Accord\n## The IPC rules\n## `.accord` files: what the version seal proves (issue 13)\n## Data\n## Data\n');
    expect([...anchors]).toEqual(['accord', 'the-ipc-rules', 'accord-files-what-the-version-seal-proves-issue-13', 'data', 'data-1']);
  });

  it('every pointer from the code into docs/ leads to a file and, when named, a heading', () => {
    const offenders: string[] = [];
    let pointers = 0;
    for (const file of pointingFiles()) {
      if (file === import.meta.filename) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(docs\/[\w-]+\.md)(?:, “|, ")?([^"”\n]*)?/g)) {
        const section = /^docs\/[\w-]+\.md, [“"]/.test(match[0]) ? match[2] : undefined;
        pointers += 1;
        const problem = pointerProblem(match[1]!, section);
        if (problem) offenders.push(`${relative(projectRoot, file)}:${text.slice(0, match.index).split('\n').length}: ${problem}`);
      }
    }
    expect(pointers).toBeGreaterThan(5);
    expect(offenders, `Pointers from the code into docs/ that lead nowhere:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('every path named in README.md and docs/ exists', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const file of documents()) {
      for (const path of namedPaths(readFileSync(file, 'utf8'))) {
        checked += 1;
        const problem = problemOf(path, file);
        if (problem) offenders.push(`${relative(projectRoot, file)}:${path.line}: ${path.text}: ${problem}`);
      }
    }
    // Hundreds of paths are named; finding few would mean the reader broke, not that the docs are clean.
    expect(checked).toBeGreaterThan(300);
    expect(offenders, `Paths named in the docs that do not exist (fix the doc, or see git log --follow for where the file went):\n${offenders.join('\n')}`).toEqual([]);
  });
});
