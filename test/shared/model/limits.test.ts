import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accordFileTooLargeMessage, base64Length, formatSize, MAX_ACCORD_FILE_BYTES, MAX_CERTIFICATE_BYTES, MAX_LIBRARY_FILE_CHARS, MAX_LOGO_BYTES, MAX_SAVE_TEXT_CHARS, MAX_VERIFY_PDF_BYTES } from '../../../shared/model/limits';
import { MAX_SIGNATURE_IMAGE_CHARS } from '../../../shared/model/versions';

const root = join(__dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('size limits', () => {
  it('states each limit from its number, in binary units as the logo refusal counts kilobytes', () => {
    // Written out by hand: 1 MB = 1,048,576 bytes, 1 kB = 1,024.
    expect(formatSize(MAX_LOGO_BYTES)).toBe('2 MB');
    expect(formatSize(MAX_ACCORD_FILE_BYTES)).toBe('20 MB');
    expect(formatSize(MAX_VERIFY_PDF_BYTES)).toBe('50 MB');
    expect(formatSize(MAX_SAVE_TEXT_CHARS)).toBe('50 MB');
    expect(formatSize(MAX_LIBRARY_FILE_CHARS)).toBe('200 MB');
    expect(formatSize(MAX_CERTIFICATE_BYTES)).toBe('512 kB');
    expect(formatSize(MAX_SIGNATURE_IMAGE_CHARS)).toBe('1.5 MB');
    // Never a smaller figure than the limit: 1,500,000 / 1,048,576 = 1.43 is said as 1.5, not 1.4.
    expect(formatSize(1_500_000)).toBe('1.5 MB');
    expect(formatSize(3 * 1024 * 1024 + 1)).toBe('3.1 MB');
    expect(base64Length(4)).toBe(8);
    expect(base64Length(3)).toBe(4);
    expect(accordFileTooLargeMessage('big.accord')).toBe('big.accord is larger than 20 MB; it is not an Accord file.');
  });

  it('is defined once: no size limit of the app is written as a number of MB outside shared/model/limits.ts', () => {
    const restated: string[] = [];
    for (const file of [...sources('shared'), ...sources('renderer'), ...sources('electron')]) {
      // limits.ts is the home; pdf-structure's bound on an inflated PDF stream guards against a decompression bomb, never a file a person picks.
      if (file.endsWith('shared/model/limits.ts') || file.endsWith('electron/pdf/pdf-structure.ts')) continue;
      const text = readFileSync(join(root, file), 'utf8');
      // A limit restated as a product of 1024s (20 * 1024 * 1024) or a refusal that writes the size in prose ("larger than 20 MB").
      for (const match of text.matchAll(/\d+ \* 1024 \* 1024|(?:larger than|at most|up to) \d+(?:\.\d+)? [kM]B/g)) restated.push(`${relative(root, join(root, file))}: ${match[0]}`);
    }
    expect(restated).toEqual([]);
  });
});
