import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const packageJson = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { main: string; homepage?: string; author?: { name?: string; email?: string }; devDependencies: Record<string, string> };

// electron-builder's own loader and schema validation (app-builder-lib, which electron-builder uses): offline, no Electron download.
const builder = createRequire(import.meta.url)('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  files?: unknown;
  electronFuses?: Record<string, boolean>;
  fileAssociations?: { ext: string | string[]; name?: string; mimeType?: string; role?: string; icon?: string }[];
  mac?: { hardenedRuntime?: boolean; entitlements?: string; entitlementsInherit?: string; icon?: string; target?: unknown };
  win?: { icon?: string; target?: unknown };
  linux?: { icon?: string; target?: unknown; mimeTypes?: string[] };
}

function targetNames(target: unknown): string[] {
  return (Array.isArray(target) ? target : [target]).map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let config: BuilderConfig;
beforeAll(async () => {
  config = await builder.getConfig(projectRoot, 'build/electron-builder.yml', null);
});

describe('electron-builder configuration (build/electron-builder.yml)', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(builder.validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
    // The validation really runs: a misspelt option is refused.
    await expect(builder.validateConfiguration({ ...config, mac: { ...config.mac, hardenedRuntim: true } }, { isEnabled: false, add() {} })).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app and packs the built bundle into an ASAR', () => {
    expect(config.appId).toBe('app.accord.desktop');
    expect(config.productName).toBe('Accord');
    expect(config.asar).toBe(true);
    // The loader normalises `files` into one file set.
    expect(JSON.stringify(config.files)).toContain('"out/electron/**","out/renderer/**","!out/**/*.map"');
    expect(packageJson.main).toBe('out/electron/main.cjs');
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['enableCookieEncryption', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['loadBrowserProcessSpecificV8Snapshot', false],
  ])('flips the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse]).toBe(value);
  });

  it('associates .accord files with the app, with a MIME type for Linux', () => {
    const association = config.fileAssociations?.find((entry) => [entry.ext].flat().includes('accord'));
    expect(association).toMatchObject({ name: 'Accord agreement', mimeType: 'application/x-accord', role: 'Editor' });
    expect(existsSync(resolve(projectRoot, 'build', association!.icon!))).toBe(true);
    expect(config.linux?.mimeTypes).toContain('application/x-accord');
  });

  it('builds a hardened-runtime dmg on macOS with the entitlements file, which grants only the JIT', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
    for (const file of [config.mac?.entitlements, config.mac?.entitlementsInherit]) {
      expect(file).toBeDefined();
      const plist = readFileSync(resolve(projectRoot, file!), 'utf8');
      expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
    }
  });

  it('builds an NSIS installer on Windows and AppImage + deb on Linux (deb needs a homepage and a maintainer)', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(packageJson.homepage).toMatch(/^https:\/\//);
    expect(packageJson.author?.email).toMatch(/@/);
  });

  it('has the icon in every size from 16 to 1024 pixels, each really that size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(resolve(projectRoot, 'build', 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) expect(existsSync(resolve(projectRoot, 'build', icon!))).toBe(true);
  });

  it('pins a currently supported Electron major exactly', () => {
    expect(packageJson.devDependencies.electron).toMatch(/^4[3-5]\.\d+\.\d+$/);
  });
});
