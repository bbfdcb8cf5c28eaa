import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '..', '..');

/**
 * Builds the production renderer in a child process with NODE_ENV=production,
 * exactly as `npm run build:renderer` does. Called from test setup and the
 * benchmarks: inside Vitest NODE_ENV is "test", and an in-process build would
 * bundle React's development build.
 */
export function buildRendererForProduction(): void {
  execFileSync(process.execPath, [resolve(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', resolve(projectRoot, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
