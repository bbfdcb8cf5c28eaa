import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const script = join(projectRoot, 'build', 'scripts', 'electronegativity.ts');
const tsx = join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs the check as CI does; resolves with its exit code and everything it printed. */
async function runCheck(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, script, ...args], { cwd: projectRoot, timeout: 60_000, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('Electronegativity (Doyensec) on the app', () => {
  it('finds nothing above LOW in the source except the reviewed preload note, and fails on an insecure window', async () => {
    // Both scans at once: each spends most of its time waiting for the network it does not have.
    const [app, insecure] = await Promise.all([runCheck(), runCheck('--input', join(projectRoot, 'test', 'fixtures', 'electronegativity', 'insecure'))]);
    console.log(app.output);
    expect(app.output).toContain('Electron 45.');
    expect(app.output).toMatch(/Electronegativity: passed/);
    expect(app.code).toBe(0);

    expect(insecure.code).toBe(1);
    expect(insecure.output).toContain('FAIL     HIGH      FIRM        CONTEXT_ISOLATION_JS_CHECK');
    expect(insecure.output).toContain('OPEN_EXTERNAL_JS_CHECK');
  }, 90_000);
});
