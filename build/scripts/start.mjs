// `npm start`: builds the app, makes sure the Electron binary is there
// (fetching it when missing and the network allows), then runs it. Without
// Electron it explains clearly what is missing and how to use the Chromium shell.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { explainMissingElectron, fetchElectron, installedElectron, projectRoot } from './electron-binary.mjs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: projectRoot });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, [join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
run(process.execPath, [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'build/scripts/build-electron.ts']);

let electron = installedElectron();
if (!electron) {
  console.log('The Electron binary is not installed yet; fetching it…');
  const result = fetchElectron();
  if (!result.ok) {
    console.error(explainMissingElectron(result.reason));
    process.exit(1);
  }
  electron = installedElectron();
}
const app = spawnSync(electron, [projectRoot, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 0);
