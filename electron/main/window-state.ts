import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';

/** A rectangle on the desktop, in device-independent pixels. */
export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What we remember of the main window between runs. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

/** Size of a new window on first run. */
export const defaultWindowSize = { width: 1280, height: 820 } as const;

/** Smallest window the layout is designed for. */
export const minimumWindowSize = { width: 960, height: 640 } as const;

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Puts remembered bounds back on a display that exists now: a window saved on
 * a projector that is gone must not open off-screen. Keeps the saved position
 * when enough of it (a quarter) is visible; otherwise centres it on the
 * primary work area, shrunk to fit.
 */
export function fitToDisplays(saved: Rectangle | null, workAreas: Rectangle[]): Rectangle | null {
  const primary = workAreas[0];
  if (!saved || !primary) return null;
  const width = Math.max(minimumWindowSize.width, Math.round(saved.width));
  const height = Math.max(minimumWindowSize.height, Math.round(saved.height));
  const candidate = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  const visible = Math.max(...workAreas.map((area) => overlapArea(candidate, area)));
  if (visible >= (width * height) / 4) return candidate;
  const fittedWidth = Math.min(width, primary.width);
  const fittedHeight = Math.min(height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - fittedWidth) / 2),
    y: primary.y + Math.round((primary.height - fittedHeight) / 2),
    width: fittedWidth,
    height: fittedHeight,
  };
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => typeof record[key] === 'number' && Number.isFinite(record[key]));
}

/** Reads the remembered state; a missing or damaged file means "no memory", never a crash. */
export async function loadWindowState(path: string): Promise<WindowState | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const record = parsed as Record<string, unknown>;
    if (!isRectangle(record.bounds)) return null;
    return { bounds: record.bounds, maximized: record.maximized === true };
  } catch {
    return null;
  }
}

/** Remembers the window's state, atomically. */
export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state));
}
