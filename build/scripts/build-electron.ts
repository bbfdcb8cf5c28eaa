/**
 * Builds the Electron main process and the preload into out/electron as
 * CommonJS. Two separate bundles: a sandboxed preload may only `require`
 * 'electron', so it must be one self-contained file.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

async function bundle(entry: string, fileName: string, emptyOutDir: boolean): Promise<void> {
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    build: {
      ssr: resolve(projectRoot, entry),
      outDir: resolve(projectRoot, 'out', 'electron'),
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rollupOptions: { external, output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

await bundle('electron/main/main.ts', 'main.cjs', true);
await bundle('electron/preload/preload.ts', 'preload.cjs', false);
console.log('Built out/electron/main.cjs and out/electron/preload.cjs');
