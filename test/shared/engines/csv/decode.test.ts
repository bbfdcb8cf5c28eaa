import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCalibration } from '../../../../shared/engines/calibration/run';
import { parseMapping } from '../../../../shared/engines/calibration/mapping';
import { decodeChunks, describeTextReading, newTextReading, type TextReading } from '../../../../shared/engines/csv/decode';
import { InputError } from '../../../../shared/engines/csv/stream';
import { parseAccordFile } from '../../../../shared/model/accord-file';
import { hasSharedData, sharedDataDir } from '../../../support/shared-data';

const makeDecoder = (encoding: string, options: { fatal: boolean }) => new TextDecoder(encoding, options);

/** Windows-1252 / Latin-1 bytes of a text whose characters are all below U+0100 (written by hand, not by the code under test). */
function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0xff) throw new Error('not a Latin-1 character');
    bytes[index] = code;
  }
  return bytes;
}

/** UTF-16LE bytes of a text (each code unit low byte first), with the BOM Excel's "Unicode text" writes. */
function utf16leBytes(text: string, bom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  if (bom) {
    bytes[at++] = 0xff;
    bytes[at++] = 0xfe;
  }
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[at++] = code & 0xff;
    bytes[at++] = code >> 8;
  }
  return bytes;
}

async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function decodeAll(bytes: Uint8Array, size: number, reading: TextReading = newTextReading()): Promise<string> {
  let text = '';
  for await (const chunk of decodeChunks(inChunks(bytes, size), makeDecoder, reading, 'leads.csv')) text += chunk;
  return text;
}

/** An export of `rows` ASCII rows, then accented rows: the first accent far beyond the first bytes. */
function lateAccentExport(rows: number): string {
  const lines = ['Lead ID;Name;Country;Page Views'];
  for (let index = 1; index <= rows; index += 1) lines.push(`L${index};Lead ${index};Germany;${index % 7},5`);
  lines.push('L-late;Jürgen Müller;Österreich;3,5', 'L-late2;François Lefèvre;France;1,0', 'L-late3;Ñandú S.A.;España;2,0');
  return `${lines.join('\r\n')}\r\n`;
}

describe('reading the bytes of an export: the encoding is judged on the whole file', () => {
  it('reads a Windows-1252 export whose first accent comes after the first megabyte exactly, and says where it switched', async () => {
    const text = lateAccentExport(40_000);
    const bytes = latin1Bytes(text);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const reading = newTextReading();
    const decoded = await decodeAll(bytes, 1 << 20, reading);
    expect(decoded).toBe(text);
    expect(reading.encoding).toBe('windows-1252');
    // The accent is on the line after the header and the 40,000 rows.
    expect(reading.switchedAtLine).toBe(40_002);
    expect(reading.switchedAtByte).toBe(text.indexOf('ü'));
    expect(reading.replacementCharacters).toBe(0);
    // Read right, so nothing to warn about: the encoding is named with the file.
    expect(describeTextReading(reading)).toBeNull();
  });

  it('reads Latin-1 (ISO-8859-1) accents the same way, whatever the chunk size, even when the accent is in the first chunk but after the first 4 KB', async () => {
    const text = lateAccentExport(300);
    expect(text.indexOf('ü')).toBeGreaterThan(4096);
    for (const size of [7, 4096, 65_536, 1 << 20]) {
      const reading = newTextReading();
      expect(await decodeAll(latin1Bytes(text), size, reading)).toBe(text);
      expect(reading.encoding).toBe('windows-1252');
      expect(reading.replacementCharacters).toBe(0);
    }
  });

  it('keeps UTF-8 as UTF-8 when a character is cut between two chunks', async () => {
    const text = lateAccentExport(50).repeat(3);
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 5, 1000]) {
      const reading = newTextReading();
      expect(await decodeAll(bytes, size, reading)).toBe(text);
      expect(reading).toEqual({ encoding: 'utf-8', bom: false, switchedAtByte: null, switchedAtLine: null, replacementCharacters: 0 });
      expect(describeTextReading(reading)).toBeNull();
    }
  });

  it('reads Excel’s “Unicode text” (UTF-16LE with a BOM, tabs), a code unit cut between chunks included', async () => {
    const text = 'Lead ID\tName\tPage Views\r\nL1\tJürgen\t2,5\r\nL2\t李小龙\t1,0\r\n';
    for (const size of [1, 3, 4096]) {
      const reading = newTextReading();
      expect(await decodeAll(utf16leBytes(text), size, reading)).toBe(text);
      expect(reading.encoding).toBe('utf-16le');
      expect(reading.bom).toBe(true);
    }
  });

  it('recognises UTF-16LE without a BOM by its NUL bytes', async () => {
    const text = 'Lead ID\tName\r\nL1\tJürgen\r\nL2\tAnna\r\n';
    const reading = newTextReading();
    expect(await decodeAll(utf16leBytes(text, false), 64, reading)).toBe(text);
    expect(reading.encoding).toBe('utf-16le');
  });

  it('refuses a file that mixes UTF-8 accents with bytes that are not UTF-8, naming the line', async () => {
    const head = new TextEncoder().encode('Lead ID,Name\nL1,Jürgen\nL2,Anna\n');
    const tail = latin1Bytes('L3,Müller\n');
    const bytes = new Uint8Array([...head, ...tail]);
    await expect(decodeAll(bytes, 1 << 20)).rejects.toThrow(InputError);
    await expect(decodeAll(bytes, 1 << 20)).rejects.toThrow(/leads\.csv mixes encodings: line 4 /);
    await expect(decodeAll(bytes, 5)).rejects.toThrow(/line 4 /);
  });

  it('counts replacement characters instead of hiding them (a UTF-8 BOM file with a broken byte)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b\n1,'), 0xff, ...new TextEncoder().encode('x\n')]);
    const reading = newTextReading();
    expect(await decodeAll(bytes, 4, reading)).toBe('a,b\n1,\uFFFDx\n');
    expect(reading.replacementCharacters).toBe(1);
    expect(describeTextReading(reading)).toMatch(/^1 character could not be read/);
  });

  it.skipIf(!hasSharedData)('scores the real X Education export the same from UTF-8 and from Windows-1252 with a late accent', async () => {
    const fixtures = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'calibration', 'xeducation');
    const parsed = parseAccordFile(readFileSync(join(fixtures, 'agreement.accord'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const mapping = parseMapping(JSON.parse(readFileSync(join(fixtures, 'mapping.json'), 'utf8')));
    const original = readFileSync(join(sharedDataDir, 'xeducation', 'Leads.csv'), 'utf8');
    // The export gets an accent in the last rows only (in the id column, which no rule reads), as a French CRM might write it.
    const lines = original.split('\n');
    for (let index = lines.length - 20; index < lines.length; index += 1) if (lines[index]) lines[index] = lines[index]!.replace(/^([0-9a-f]{4})/, 'é$1');
    const accented = lines.join('\n');
    const score = async (bytes: Uint8Array) => {
      const reading = newTextReading();
      const result = await runCalibration({ agreement: parsed.agreement, mapping, chunks: decodeChunks(inChunks(bytes, 1 << 20), makeDecoder, reading, 'Leads.csv'), asOf: '2026-11-25' });
      return { result, reading };
    };
    const fromUtf8 = await score(new TextEncoder().encode(accented));
    const from1252 = await score(latin1Bytes(accented));
    expect(from1252.reading.encoding).toBe('windows-1252');
    expect(from1252.reading.replacementCharacters).toBe(0);
    expect(fromUtf8.reading.encoding).toBe('utf-8');
    expect(from1252.result.mqls).toBe(fromUtf8.result.mqls);
    expect(from1252.result.rows).toBe(9240);
    expect(from1252.result).toEqual(fromUtf8.result);
  });
});
