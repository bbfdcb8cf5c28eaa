// How the calibration and review workers read a chosen file: in 1 MB slices, the
// encoding judged on the whole file, a character never cut where a slice ends, the
// bytes read reported as they go. The files are built as the tools write them
// (Excel's CSV in Windows-1252, Excel's "Unicode text" in UTF-16LE with a BOM).
import { describe, expect, it } from 'vitest';
import { newTextReading } from '../../../shared/engines/csv/decode';
import { fileChunks } from '../../../renderer/workers/file-chunks';

const MB = 1 << 20;

async function readAll(file: File) {
  const progress: number[] = [];
  const reading = newTextReading();
  let text = '';
  let chunks = 0;
  for await (const chunk of fileChunks(file, (bytes) => progress.push(bytes), reading)) {
    text += chunk;
    chunks += 1;
  }
  return { text, progress, reading, chunks };
}

/** Windows-1252 bytes of a Latin-1 text (every character here is below U+0100). */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** UTF-16LE with the byte-order mark, as Excel's "Unicode text" writes it. */
function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    bytes[2 + index * 2] = unit & 0xff;
    bytes[3 + index * 2] = unit >> 8;
  }
  return bytes;
}

describe('a chosen file, read in slices', () => {
  it('a German Excel CSV (Windows-1252) whose first accent comes after the first megabyte: read as Windows-1252 from the first byte', async () => {
    const header = 'Lead-ID;Firma;Umsatz\r\n';
    const ascii = 'L-0001;Acme GmbH;1234,50\r\n';
    let text = header;
    while (text.length < MB - 3) text += ascii;
    text = text.slice(0, MB - 3);
    text += '\r\nL-9;Müller & Söhne;99,5\r\nL-10;Bäckerei Groß;7\r\n';
    while (text.length < 2 * MB + 500) text += 'L-11;Café Zürich;3,25\r\n';
    const bytes = windows1252(text);
    const read = await readAll(new File([bytes], 'leads.csv'));
    expect(read.text).toBe(text);
    expect(read.reading.encoding).toBe('windows-1252');
    expect(read.progress).toEqual([MB, 2 * MB, bytes.length]);
    expect(read.reading.replacementCharacters).toBe(0);
  });

  it('Excel “Unicode text” (UTF-16LE, BOM, tabs): the BOM is not text, a character across a slice is whole', async () => {
    let text = 'Lead ID\tCompany\tJob title\r\n';
    while (text.length * 2 + 2 < MB - 200) text += 'L-1\tAcme\tCTO\r\n';
    // Place "Zoë 😀" so the emoji's surrogate pair sits across the first megabyte's end.
    const before = (MB - 4) / 2 - text.length - 'L-2\tZoë '.length;
    text += `${'x'.repeat(before)}L-2\tZoë 😀\tHead of Sales\r\n`;
    while (text.length * 2 < MB + 4096) text += 'L-3\tBeta\tVP Marketing\r\n';
    const bytes = utf16le(text);
    // The emoji's high surrogate ends the first slice, its low surrogate starts the next.
    expect(bytes[MB - 2]! | (bytes[MB - 1]! << 8)).toBe('😀'.charCodeAt(0));
    const read = await readAll(new File([bytes], 'leads.txt'));
    expect(read.text).toBe(text);
    expect(read.reading.encoding).toBe('utf-16le');
    expect(read.reading.bom).toBe(true);
    expect(read.progress).toEqual([MB, bytes.length]);
  });

  it('an empty file is no text and no progress', async () => {
    const read = await readAll(new File([], 'empty.csv'));
    expect(read.text).toBe('');
    expect(read.progress).toEqual([]);
  });
});
