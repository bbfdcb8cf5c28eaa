import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../../electron/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const projector = { x: 1440, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('keeps a window that is on a connected display', () => {
    const saved = { x: 1500, y: 50, width: 1200, height: 800 };
    expect(fitToDisplays(saved, [laptop, projector])).toEqual(saved);
  });
  it('brings back a window left on a projector that is gone, centred on the laptop', () => {
    expect(fitToDisplays({ x: 1500, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 120, y: 50, width: 1200, height: 800 });
  });
  it('never goes below the minimum size', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 200, height: 100 }, [laptop])).toEqual({ x: 10, y: 10, width: 960, height: 640 });
  });
  it('uses the default size when nothing was remembered', () => {
    expect(fitToDisplays(null, [laptop])).toBeNull();
  });
  it('round-trips through a file and treats a damaged file as no memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'accord-window-'));
    try {
      const path = join(dir, 'window-state.json');
      expect(await loadWindowState(path)).toBeNull();
      await saveWindowState(path, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
      expect(await loadWindowState(path)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true });
      await writeFile(path, '{"bounds": {"x": "left"}');
      expect(await loadWindowState(path)).toBeNull();
      await writeFile(path, '{"bounds": {"x": 1, "y": 2, "width": null, "height": 3}}');
      expect(await loadWindowState(path)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
