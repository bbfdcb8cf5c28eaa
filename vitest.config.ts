import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter.ts';

/**
 * Tests that start another program: Electronegativity (a tsx process scanning the sources), printing through Chromium
 * (the PDF exports and the CLI's PDF commands), and the CLI run as its own node process. Each takes seconds to tens of
 * seconds and most of it is the other program starting, so they run in the integration projects (`npm run
 * test:integration`, and `npm test` runs every project); `npm run test:unit` keeps the tests that stay in this process.
 * A list, not a file-name suffix: the files keep the names that mirror their modules (test/build/tests-mirror-sources.test.ts).
 */
const integrationNode = [
  'test/security/electronegativity.test.ts',
  'test/electron/cli/accord-bin.test.ts',
  'test/electron/cli/export-verify-seal-origin.test.ts',
  'test/electron/cli/summary.test.ts',
  'test/electron/handlers/pdf-export-summary.test.ts',
  'test/electron/pdf/export-agreement-structure.test.ts',
];
/** The same for the component tests (happy-dom): the seal-origin story seals its PDFs in a tsx process that prints through Chromium. */
const integrationRenderer = ['test/renderer/features/verify/verify-screen-seal-origin.test.tsx'];

const unitInclude = ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/build/**/*.test.ts', 'test/security/**/*.test.ts', 'test/support/**/*.test.ts'];
const rendererInclude = ['test/renderer/**/*.test.{ts,tsx}'];
// A bound for a hang, not a speed limit: Vitest's 5 s default failed a 2.6 s test (and a CLI spawn) on a loaded 2-core machine.
const unitTimeout = 30_000;
// A bound for a hang: the slowest component test takes about 5 s alone and three times that on a loaded 2-core machine.
const rendererTimeout = 45_000;

// Five projects: Node unit tests, component tests in happy-dom, the integration tests of each (other programs started), and
// end-to-end tests in real Chromium through the harness (which builds the renderer first).
// They run in three groups, one after the other (sequence.groupOrder): the fast projects with two workers each (Vitest
// gives one on a 2-core machine: cores - 1), then the integration projects, then the end-to-end tests alone, so that
// Chromium's timed waits never share the machine with component renders (the timeouts seen under load).
const fastWorkers = 2;
export default defineConfig({
  test: {
    reporters: ['default', new SummaryReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: unitInclude,
          exclude: integrationNode,
          testTimeout: unitTimeout,
          maxWorkers: fastWorkers,
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: rendererInclude,
          exclude: integrationRenderer,
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: rendererTimeout,
          maxWorkers: fastWorkers,
          // One module graph per worker, not per file: importing Mantine and the screens again for each of 47 files took
          // 161 of the project's 445 s (measured: import 161 s → 14 s, every test passing). The stores are explicit
          // instances made per render (createAppStores), so no state is shared through a module.
          isolate: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: integrationNode,
          // A bound for a hang, wider than unit's: each test starts Chromium or a tsx process, several on a shared machine at once.
          testTimeout: 90_000,
          hookTimeout: 90_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'integration-renderer',
          environment: 'happy-dom',
          include: integrationRenderer,
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: rendererTimeout,
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
