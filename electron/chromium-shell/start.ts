/**
 * `npm run start:chromium`: Accord without Electron. Builds the renderer if
 * needed, then opens it in Chromium or Chrome with the real handlers in Node.
 * Options: --profile DIR (default: the app's data folder), --headless,
 * --smoke (start, wait until the library is usable, print, exit),
 * --open FILE.accord (open a file as a double-click does; may be repeated).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeHost, defaultUserDataDir } from '../hosts/node-host';
import { launchShell, ShellError, SHELL_ORIGIN } from './harness';

const projectRoot = resolve(import.meta.dirname, '..', '..');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      profile: { type: 'string' },
      headless: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      open: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run start:chromium -- [--profile DIR] [--headless] [--smoke] [--open FILE.accord]…');
    return 0;
  }
  const rendererDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.log('Building the renderer (first run)…');
    execFileSync(process.execPath, [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(projectRoot, 'renderer', 'vite.config.ts'), '--logLevel', 'warn'], { stdio: 'inherit', cwd: projectRoot });
  }
  const userDataDir = defaultUserDataDir(process.platform, process.env);
  const profileDir = resolve(values.profile ?? join(userDataDir, 'chromium-profile'));
  mkdirSync(profileDir, { recursive: true });
  const headless = values.headless || values.smoke;
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('There is no display to open a window on. Run with --headless, or under a virtual display: xvfb-run npm run start:chromium');
    return 2;
  }
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const saveDir = join(homedir(), 'Documents', 'Accord');
  const host = createNodeHost({ appVersion: version, userDataDir, saveDir, projectRoot });
  const shell = await launchShell({ rendererDir, host, projectRoot, profileDir, headless, viewport: headless ? undefined : null });
  // Files to open, as a double-click on an .accord file does in the desktop app: the page imports them.
  for (const path of values.open ?? []) {
    await shell.openFile(resolve(path)).then(
      (file) => console.log(`Opened ${file.name}.`),
      (error: unknown) => console.error(error instanceof Error ? error.message : String(error)),
    );
  }
  if (values.smoke) {
    await shell.page.waitForFunction(() => performance.getEntriesByName('accord:interactive').length > 0, undefined, { timeout: 20_000 });
    const title = await shell.page.title();
    console.log(`Accord started in the Chromium shell: "${title}" is ready (profile ${profileDir}).`);
    await shell.close();
    return 0;
  }
  console.log(`Accord is running in Chromium (${SHELL_ORIGIN}); profile ${profileDir}. Files you save go to ${saveDir}. Close the window to quit.`);
  await new Promise<void>((done) => shell.context.on('close', () => done()));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ShellError ? error.message : error);
    process.exit(1);
  },
);
