import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the slowest test files per project (so a CI log says where its time went), then one plain closing
 * line, "N passed, N failed, N skipped", that any CI reader understands, after Vitest's own report.
 */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    console.log(slowestFiles(testModules));
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}

/** The eight slowest files of each project with their time (import, setup and tests), and each project's total. */
function slowestFiles(testModules: ReadonlyArray<TestModule>): string {
  const byProject = new Map<string, { file: string; seconds: number }[]>();
  for (const module of testModules) {
    const diagnostic = module.diagnostic();
    const seconds = (diagnostic.environmentSetupDuration + diagnostic.prepareDuration + diagnostic.collectDuration + diagnostic.setupDuration + diagnostic.duration) / 1000;
    const files = byProject.get(module.project.name) ?? [];
    files.push({ file: module.relativeModuleId, seconds });
    byProject.set(module.project.name, files);
  }
  const lines = ['', 'Slowest test files (seconds in the file, per project):'];
  for (const [project, files] of byProject) {
    const total = files.reduce((sum, entry) => sum + entry.seconds, 0);
    lines.push(`  ${project || 'default'}: ${files.length} files, ${total.toFixed(0)} s in all`);
    for (const entry of [...files].sort((a, b) => b.seconds - a.seconds).slice(0, 8)) lines.push(`    ${entry.seconds.toFixed(1).padStart(6)}  ${entry.file}`);
  }
  return lines.join('\n');
}
