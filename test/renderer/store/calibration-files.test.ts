import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../renderer/store/calibration-files';

/** Windows-1252 bytes of a Latin-1 text, written by hand. */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('the export preview', () => {
  it('says Windows-1252 for an export whose first accent comes after the part it previews, and reads its head right', async () => {
    const lines = ['Lead ID;Land;Seitenaufrufe'];
    for (let index = 1; index <= 30_000; index += 1) lines.push(`L${index};Deutschland;${index % 9},5`);
    lines.push('L-late;Österreich;2,5');
    const file = new File([latin1(lines.join('\r\n'))], 'leads.csv', { type: 'text/csv' });
    expect(file.size).toBeGreaterThan(512 * 1024);
    const preview = await previewFile(file);
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.reading.switchedAtLine).toBe(30_002);
    expect(preview.delimiter).toBe(';');
    expect(preview.header).toEqual(['Lead ID', 'Land', 'Seitenaufrufe']);
    expect(preview.rows[0]).toEqual(['L1', 'Deutschland', '1,5']);
  });

  it('refuses a file that mixes encodings with the line, and a binary file at once', async () => {
    const mixed = new File([new TextEncoder().encode('a,b\nJürgen,1\n'), latin1('Müller,2\n')], 'mixed.csv');
    await expect(previewFile(mixed)).rejects.toThrow(/mixed\.csv mixes encodings: line 3/);
    const binary = new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 3])], 'book.xlsx');
    await expect(previewFile(binary)).rejects.toThrow(/not a text CSV file/);
  });
});
