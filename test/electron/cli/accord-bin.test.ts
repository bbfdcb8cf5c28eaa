import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// A process of its own (node loading tsx, then the CLI): it runs in the integration project (vitest.config.ts).
describe('the accord bin', () => {
  it('runs from package.json "bin" (npx accord) without a build', () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const result = spawnSync(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), 'templates'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('professional-services   Professional services');
  });
});
