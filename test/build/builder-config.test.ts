import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const config = readFileSync(resolve(projectRoot, 'build', 'electron-builder.yml'), 'utf8');
const packageJson = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { main: string; devDependencies: Record<string, string> };

describe('electron-builder configuration', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('flips the fuse %s to %s', (fuse, value) => {
    expect(config).toMatch(new RegExp(`^\\s+${fuse}: ${value}$`, 'm'));
  });
  it('packs the built app and the .accord file association', () => {
    expect(config).toContain('- out/electron/**');
    expect(config).toContain('- out/renderer/**');
    expect(config).toMatch(/fileAssociations:\n\s+- ext: accord/);
    expect(packageJson.main).toBe('out/electron/main.cjs');
  });
  it('pins a currently supported Electron major exactly', () => {
    expect(packageJson.devDependencies.electron).toMatch(/^4[3-5]\.\d+\.\d+$/);
  });
});
