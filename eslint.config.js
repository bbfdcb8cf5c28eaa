// Lint rules, above all the layer rules: lower layers never import upper ones, and each refusal
// says what to do instead. Which folder may import which is one table, build/layers.mjs (read by
// the `layers/*` rules below, by test/build/layer-rules.test.ts and by the architecture docs);
// this file adds what is not a folder: Node APIs, packages, window.accord, raw IPC.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './build/eslint-layers.mjs';
import { rawIpc } from './build/layers.mjs';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'module', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];

const noNodePatterns = (message) => [{ group: ['node:*'], message }];
const noNodePaths = (message) => nodeBuiltins.map((name) => ({ name, message }));

const sharedMessage = {
  node: 'shared/ is pure TypeScript used by both sides: no Node APIs. Pass the data in as an argument, or move this code to electron/.',
  ui: 'shared/ must not depend on UI, storage or Electron (React, Mantine, Zustand, Dexie, electron). Keep it plain data in, plain data out; put UI in renderer/ and Electron code in electron/.',
};
const rendererMessage = {
  node: 'The renderer runs sandboxed in a browser: no Node APIs. Ask the main side through renderer/platform (add a channel to shared/ipc/contract.ts and a handler in electron/handlers/).',
  electron: 'The renderer must not import Electron. Reach the main side only through renderer/platform, which reads window.accord.',
};
const electronAtRunTime =
  'Only electron/main/ and electron/preload/ may import Electron at run time (in plain Node, importing it tries to download the binary). Handlers take the injected Host instead: add what you need to electron/handlers/host.ts.';

// The raw IPC objects, refused by name everywhere Electron may be imported, except in the one file
// the table (build/layers.mjs, rawIpc) names for each.
const rawIpcPaths = (file) =>
  rawIpc.filter((entry) => entry.onlyIn !== file).flatMap((entry) => entry.modules.map((name) => ({ name, importNames: [...entry.names], message: entry.message })));
const componentMessage =
  'Components touch neither Dexie nor window.accord: read and change data through a store (renderer/store), which calls the repositories (renderer/db) and the platform (renderer/platform).';

/**
 * The renderer's import rule: no Node, no Electron, plus what a narrower folder also refuses. Flat config replaces a
 * rule's options for the files a later entry matches, so the narrower entry restates the whole rule through this.
 */
function rendererImports(...extraPatterns) {
  return [
    'error',
    {
      paths: noNodePaths(rendererMessage.node),
      patterns: [...noNodePatterns(rendererMessage.node), { group: ['electron', 'electron/*'], message: rendererMessage.electron }, ...extraPatterns],
    },
  ];
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (a default export is allowed only where a tool requires it).' }],
    },
  },
  {
    // The layer table and the cycle check (build/layers.mjs): every folder of shared/, renderer/, electron/.
    files: ['shared/**/*.{ts,tsx,mts,mjs}', 'renderer/**/*.{ts,tsx,mts,mjs}', 'electron/**/*.{ts,tsx,mts,mjs}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/layers': 'error', 'layers/no-cycle': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noNodePaths(sharedMessage.node),
          patterns: [
            ...noNodePatterns(sharedMessage.node),
            { group: ['electron', 'react', 'react-dom', 'react/*', 'dexie', 'zustand', 'zustand/*', '@mantine/*', '@tabler/*', 'playwright-core'], message: sharedMessage.ui },
            { regex: '^zod(/.*)?$', message: 'Import { z } from shared/model/zod: zod/mini with English messages, small enough for the start-up path.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/model/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      '@typescript-eslint/no-restricted-imports': rendererImports(),
    },
  },
  {
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': rendererImports({ group: ['dexie', 'dexie/*'], message: componentMessage }),
      'no-restricted-properties': ['error', { object: 'window', property: 'accord', message: componentMessage }],
    },
  },
  {
    files: ['electron/**/*.ts', 'electron/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: ['electron', 'electron/main', 'electron/renderer', 'electron/common'].map((name) => ({ name, allowTypeImports: true, message: electronAtRunTime })) },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: rawIpcPaths(null) }] },
  },
  // The two files that may touch raw IPC, each only its own half.
  ...rawIpc.map((entry) => ({
    files: [entry.onlyIn],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: rawIpcPaths(entry.onlyIn) }] },
  })),
  {
    files: ['test/**/*.{ts,tsx}', 'build/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', allowTypeImports: true, message: 'Never import Electron at run time in Node: it tries to download its binary. Use `import type`.' }] }],
    },
  },
  {
    // Tools that require a default export.
    files: ['*.config.{ts,js}', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
