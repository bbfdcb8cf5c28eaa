/**
 * Runs Doyensec's Electronegativity on the app's source and fails on any
 * finding above LOW that is not a reviewed note (see docs/security.md).
 *
 *   npx tsx build/scripts/electronegativity.ts [--csv PATH] [--input DIR]
 *
 * It scans a copy of electron/, shared/ and renderer/ (TypeScript and TSX, as
 * written) with renderer/index.html as the build writes it (the CSP meta tag
 * added by the same function), plus package.json. The Electron version is
 * passed explicitly, read from package.json: without it the tool assumes
 * 0.1.0 and reports checks that do not apply. The tool always exits 0 and
 * says nothing in CSV mode, so this writes its CSV report to a temporary
 * folder (or PATH), reads it back and judges every row; exit 0 only when
 * nothing fails and every file parsed. `--input DIR` scans DIR instead (the
 * test uses it to prove that an insecure window fails the check).
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { withContentSecurityPolicyMeta } from '../../shared/security/content-security-policy';
import { formatFindings, judgeFindings, parseElectronegativityCsv, reviewedFindings, type Finding } from './electronegativity-report';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/** What the tool's programmatic entry (its package `main`) returns. */
interface RunResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: { id: string; file: string; location: { line: number; column: number }; sample?: string; description: string; severity: { name: string }; confidence: { name: string } }[];
}

type Run = (options: Record<string, unknown>, forCli?: boolean) => Promise<RunResult>;

/** The exact Electron version the app ships, from package.json (an exact pin; a range is refused). */
async function electronVersion(): Promise<string> {
  const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const version = packageJson.devDependencies?.electron ?? packageJson.dependencies?.electron;
  if (!version || !/^\d+\.\d+\.\d+$/u.test(version)) throw new Error(`package.json must pin electron exactly (found "${version ?? 'nothing'}").`);
  return version;
}

/** Copies what the app is made of into `stage`: the sources, index.html as built (with the CSP), package.json. */
async function stageSources(stage: string): Promise<void> {
  for (const folder of ['electron', 'shared', 'renderer']) {
    await cp(join(projectRoot, folder), join(stage, folder), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }
  const indexHtml = await readFile(join(projectRoot, 'renderer', 'index.html'), 'utf8');
  const built = withContentSecurityPolicyMeta(indexHtml);
  if (built === indexHtml) throw new Error('renderer/index.html has no <meta charset="UTF-8" /> to put the CSP after.');
  await writeFile(join(stage, 'renderer', 'index.html'), built, 'utf8');
  await cp(join(projectRoot, 'package.json'), join(stage, 'package.json'));
}

/** The in-memory result in the CSV's shape (used only when the tool's CSV write went wrong, see below). */
function findingsOf(result: RunResult): Finding[] {
  return result.issues.map((issue) => ({
    issue: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? 'N/A',
    description: issue.description,
    url: `https://github.com/doyensec/electronegativity/wiki/${issue.id}`,
  }));
}

/**
 * The tool writes its CSV header and rows with two un-awaited writeFile
 * calls, so the file is complete only some time after `run` resolves (and,
 * in a rare race, the header can overwrite rows). Waits until the file holds
 * exactly the findings `run` returned; null when it never does.
 */
async function readCompleteReport(csvPath: string, expected: number): Promise<Finding[] | null> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const findings = parseElectronegativityCsv(await readFile(csvPath, 'utf8'));
      if (findings.length === expected) return findings;
    } catch {
      // Not written yet, or written only in part.
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return null;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { csv: { type: 'string' }, input: { type: 'string' } } });
  const started = Date.now();
  const version = await electronVersion();
  const work = await mkdtemp(join(tmpdir(), 'accord-electronegativity-'));
  try {
    let stage = join(work, 'app');
    if (values.input) {
      stage = resolve(values.input);
    } else {
      await mkdir(stage);
      await stageSources(stage);
    }
    const csvPath = values.csv ? resolve(values.csv) : join(work, 'electronegativity.csv');
    await mkdir(dirname(csvPath), { recursive: true });
    const toolVersion = (require('@doyensec/electronegativity/package.json') as { version: string }).version;
    const run = require('@doyensec/electronegativity') as Run;
    const scanned = values.input ? stage : 'electron/, shared/, renderer/ (index.html with its CSP), package.json';
    console.log(`Electronegativity ${toolVersion}: ${scanned}; Electron ${version} (from package.json)`);
    const result = await run({
      input: stage,
      output: csvPath,
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: version,
      parserPlugins: [],
    });
    let findings = await readCompleteReport(csvPath, result.issues.length);
    if (!findings) {
      console.log(`Warning: the CSV report (${csvPath}) does not hold the ${result.issues.length} findings the tool returned; judging the returned findings instead.`);
      findings = findingsOf(result);
    }
    console.log(`${result.globalChecks + result.atomicChecks} checks (${result.globalChecks} global, ${result.atomicChecks} per file); report ${values.csv ? csvPath : 'in a temporary folder'}`);
    console.log('');
    console.log(formatFindings(findings));
    console.log('');
    const { failing, accepted } = judgeFindings(findings);
    for (const id of new Set(accepted.filter((finding) => finding.issue in reviewedFindings).map((finding) => finding.issue))) console.log(`Reviewed ${id}: ${reviewedFindings[id]}`);
    const unparsed = result.errors.filter((error) => !error.tolerable);
    for (const error of result.errors) console.log(`${error.tolerable ? 'Parsed with a warning' : 'Could not parse'} ${error.file}: ${error.message}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failing.length > 0 || unparsed.length > 0) {
      console.log(`Electronegativity: FAILED in ${seconds} s: ${failing.length} finding(s) above LOW that are not reviewed notes${unparsed.length > 0 ? `, ${unparsed.length} file(s) not parsed (so not checked)` : ''}.`);
      for (const finding of failing) console.log(`  ${finding.severity} ${finding.issue} at ${finding.file}:${finding.location}: ${finding.description} (${finding.url})`);
      return 1;
    }
    console.log(`Electronegativity: passed in ${seconds} s: ${findings.length} finding(s), none above LOW except reviewed notes.`);
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
