/**
 * Renders build/icon.svg to the PNG sizes the installers use (build/icons/
 * NxN.png, and build/icon.png at 1024). Run after changing the SVG:
 * `npx tsx build/scripts/make-icons.ts`. Uses the same Chromium as the harness.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findBrowser, howToGetABrowser } from '../../electron/chromium-shell/find-browser';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const found = findBrowser({ platform: process.platform, env: process.env, projectRoot });
if (!found || found.kind !== 'chromium') throw new Error(howToGetABrowser);
const svg = readFileSync(resolve(projectRoot, 'build', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
for (const size of sizes) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.screenshot({ path: resolve(projectRoot, 'build', 'icons', `${size}x${size}.png`), omitBackground: true });
  if (size === 1024) await page.screenshot({ path: resolve(projectRoot, 'build', 'icon.png'), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Rendered ${sizes.length} icon sizes into build/icons/`);
