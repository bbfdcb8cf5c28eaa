// Tests mirror the sources: the tests of `shared/engines/scoring/paste.ts` are in
// `test/shared/engines/scoring/`, named `paste.test.ts` or, for one aspect of the
// module, `paste-<aspect>.test.ts`. The next engineer finds a module's tests from its
// path, and a module without a test shows as a gap in the mirror instead of hiding
// in a flat folder. Component tests may write the component's name in kebab case
// (`part-table.test.tsx` for `PartTable.tsx`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** The test folders that mirror a source folder of the same name. */
const mirroredFolders = ['shared', 'electron', 'renderer'] as const;

/**
 * Tests that mirror no single module, on purpose. Keep this list short: a test that
 * belongs to one module is moved beside it instead.
 */
const crossCutting: Readonly<Record<string, string>> = {
  // Fuzz the import of every file kind the app reads (.accord, library file, CSV), through the stores: no one module.
  'test/renderer/fuzz/imports.fuzz.test.ts': 'fuzz across all imports',
  'test/renderer/fuzz/library-import.fuzz.test.ts': 'fuzz of the library import from the file to the database',
  // A rule over every engine module (no module-level state), with the review engine's instances as its cases.
  'test/shared/engines/review/engine-state.test.ts': 'walks shared/engines for module-level state',
  // Stories that drive the whole workshop screen (header, editor, dialogs, palette) as a person does.
  'test/renderer/features/workshop/first-minutes.test.tsx': 'a new user’s first minutes, across the workshop screen',
  'test/renderer/features/workshop/workshop-shell.test.tsx': 'the workshop shell: header, navigator, palette and menus together',
  'test/renderer/features/workshop/editor.test.tsx': 'editing every section of the agreement through the screen',
};

/**
 * Renderer feature tests that do not mirror their module yet and are not moved this
 * round, because the renderer tests are being rewritten for speed at the same time
 * (issue 15). Each names the file it should become; move it and delete the line.
 */
const pendingMoves: Readonly<Record<string, string>> = {};

/** `PartTable` → `part-table`, `usePresenterFeed` → `use-presenter-feed`; kebab-case names stay as they are. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The modules (file names without `.ts`/`.tsx`) in a source folder, in kebab case. */
function modulesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((entry) => /\.tsx?$/.test(entry) && !/\.d\.ts$/.test(entry) && statSync(join(folder, entry)).isFile())
    .map((entry) => kebab(entry.replace(/\.tsx?$/, '')));
}

/**
 * Why a test file (repository-relative, `/`-separated) does not mirror a source
 * module, or null when it does. `root` is where the sources are looked up.
 */
export function mirrorProblem(testPath: string, root: string = projectRoot): string | null {
  const inner = testPath.replace(/^test\//, '');
  const folder = dirname(inner);
  const name = basename(inner).replace(/\.test\.tsx?$/, '');
  const sourceFolder = join(root, folder);
  if (!existsSync(sourceFolder) || !statSync(sourceFolder).isDirectory()) {
    return `${testPath}: there is no source folder ${folder}/; put the test in the test folder that mirrors its module's folder.`;
  }
  const modules = modulesIn(sourceFolder);
  const tested = kebab(name);
  if (modules.some((module) => tested === module || tested.startsWith(`${module}-`))) return null;
  const folderTest = existsSync(join(sourceFolder, name)) && statSync(join(sourceFolder, name)).isDirectory();
  return folderTest
    ? `${testPath}: ${folder}/${name}/ is a folder: move the test into test/${folder}/${name}/ beside the module it tests.`
    : `${testPath}: no module ${folder}/${name}.ts(x) and no module whose name it starts with (<module>-<aspect>.test.ts); ` +
        `move it beside its module, rename it after the module it tests, or, if it tests no one module, add it to crossCutting with the reason.`;
}

function testFilesUnder(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...testFilesUnder(path));
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(relative(projectRoot, path).split('\\').join('/'));
  }
  return out;
}

const testFiles = mirroredFolders.flatMap((folder) => testFilesUnder(join(projectRoot, 'test', folder))).sort();

describe('tests mirror the sources', () => {
  it('finds the test files (the walk is not empty)', () => {
    expect(testFiles.length).toBeGreaterThan(100);
    expect(testFiles).toContain('test/shared/engines/scoring/paste.test.ts');
  });

  it('every test under test/shared, test/electron and test/renderer sits beside the module it tests', () => {
    const problems = testFiles.filter((file) => !(file in crossCutting) && !(file in pendingMoves)).map((file) => mirrorProblem(file)).filter((problem) => problem !== null);
    expect(problems).toEqual([]);
  });

  it('lists only exceptions that exist and need to be one', () => {
    const stale = [...Object.keys(crossCutting), ...Object.keys(pendingMoves)].filter((file) => !testFiles.includes(file) || mirrorProblem(file) === null);
    expect(stale, 'remove these from the exceptions: moved, deleted, or they mirror a module now').toEqual([]);
    const targets = Object.values(pendingMoves).filter((target) => mirrorProblem(target) !== null);
    expect(targets, 'a pending move must name a file that would mirror its module').toEqual([]);
  });

  it('refuses the flat layout it replaced, a missing source folder and a name of no module', () => {
    // A test of shared/engines/scoring/paste.ts directly in test/shared/engines/ (how it was).
    expect(mirrorProblem('test/shared/engines/paste.test.ts')).toMatch(/no module shared\/engines\/paste\.ts/);
    // A test named after an engine's folder, not a module in it.
    expect(mirrorProblem('test/shared/engines/scoring.test.ts')).toMatch(/shared\/engines\/scoring\/ is a folder: move the test into test\/shared\/engines\/scoring\//);
    expect(mirrorProblem('test/shared/bench-format.test.ts')).toMatch(/no module shared\/bench-format/);
    expect(mirrorProblem('test/renderer/nowhere/thing.test.ts')).toMatch(/there is no source folder renderer\/nowhere\//);
  });

  it('accepts a module’s test, an aspect of it, and a component in kebab case', () => {
    expect(mirrorProblem('test/shared/engines/scoring/paste.test.ts')).toBe(null);
    expect(mirrorProblem('test/renderer/store/agreement-store-undo.test.ts')).toBe(null);
    expect(mirrorProblem('test/renderer/features/workshop/part-table.test.tsx')).toBe(null);
    expect(mirrorProblem('test/renderer/features/calibration/CalibrationPanel.test.tsx')).toBe(null);
    // A prefix must end at a word: "scoring-x" is an aspect of scoring.ts, "scoringx" is not.
    expect(mirrorProblem('test/shared/engines/scoring/scoringx.test.ts')).not.toBe(null);
  });
});
