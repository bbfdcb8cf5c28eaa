import { execFileSync } from 'node:child_process';

/** Runs a poppler tool and returns what it printed (pdfsig exits 0 even on a bad signature, so we read the text). */
export function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdfsig' | 'pdfdetach' | 'pdftoppm', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return `${failure.stdout ?? ''}${failure.stderr ?? ''}`;
  }
}

/** The number of pages poppler counts. */
export function pageCount(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [path]))?.[1] ?? 0);
}
