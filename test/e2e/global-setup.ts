import { resolve } from 'node:path';
import { build } from 'vite';

/** End-to-end tests run the production build: build it once, fresh, before they start. */
export async function setup(): Promise<void> {
  await build({ configFile: resolve(import.meta.dirname, '..', '..', 'renderer', 'vite.config.ts'), logLevel: 'warn' });
}
