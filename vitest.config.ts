import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter.ts';

// Three projects: Node unit tests, jsdom component tests, end-to-end tests in
// real Chromium through the harness (which builds the renderer first).
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/build/**/*.test.ts', 'test/security/**/*.test.ts'],
          // A bound for a hang, not a speed limit: Vitest's 5 s default failed a 2.6 s test (and a CLI spawn) on a loaded 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          // A bound for a hang: the slowest component test takes about 5 s alone and three times that on a loaded 2-core machine.
          testTimeout: 45_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
