// Fetches the Electron binary after `npm install`, as Electron's own
// postinstall did before version 42. Never fails the install: on a machine
// that cannot download it (CI, offline), it says so and `npm start` explains.
import { fetchElectron, installedElectron } from './electron-binary.mjs';

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1' || process.env.CI === 'true') {
  console.log('accord: skipping the Electron binary download (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or CI).');
} else if (!installedElectron()) {
  const result = fetchElectron();
  console.log(
    result.ok
      ? 'accord: Electron binary installed.'
      : `accord: the Electron binary could not be downloaded (${result.reason}). "npm start" will explain the options; "npm run start:chromium" works without it.`,
  );
}
