import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inferSchema, initParser } from 'udsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvStreamParser, detectDelimiter, detectEncoding, looksBinary, parseCsvText } from '../../../../shared/engines/csv/csv';

import { hasSharedData, sharedDataDir as data } from '../../../support/shared-data';

function parseInChunks(text: string, delimiter: string, size: number): string[][] {
  const rows: string[][] = [];
  const parser = new CsvStreamParser(delimiter, (fields) => rows.push([...fields]));
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
  return rows;
}

describe('CSV reading', () => {
  it('reads quoted fields with delimiters, quotes and newlines, and CRLF', () => {
    const text = 'name;note;n\r\n"Müller; Co";"said ""hi""\nthen left";3\r\nplain;;4\r\n';
    expect(parseCsvText(text)).toEqual({ rows: [['name', 'note', 'n'], ['Müller; Co', 'said "hi"\nthen left', '3'], ['plain', '', '4']], problems: [] });
  });

  it('gives the same rows whatever the chunk size', () => {
    const text = 'a,b,c\n"x,1","y\r\nz",3\r\n4,"",6\n7,8,"9"';
    const whole = parseCsvText(text).rows;
    for (const size of [1, 2, 3, 5, 7, 64]) expect(parseInChunks(text, ',', size)).toEqual(whole);
  });

  it('round-trips any table through quoting, in any chunking (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') , maxLength: 6 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (table, size) => {
        const text = table.map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        return JSON.stringify(parseInChunks(text, ',', size)) === JSON.stringify(table);
      }),
    );
  });

  it('reports each row as it stands, ragged ones included, with its line', () => {
    const lines: number[] = [];
    const widths: number[] = [];
    const parser = new CsvStreamParser(',', (fields, line) => {
      lines.push(line);
      widths.push(fields.length);
    });
    parser.push('a,b,c\n1,2\n"x\ny",2,3\n4,5,6,7\n');
    parser.end();
    expect(lines).toEqual([1, 2, 3, 5]);
    expect(widths).toEqual([3, 2, 3, 4]);
  });

  it('notes a quote that is never closed', () => {
    expect(parseCsvText('a,b\n"open,1\n').problems).toEqual([{ line: 2, message: 'a quoted field is never closed' }]);
  });

  it('detects the delimiter, the encoding and the BOM, and binary data', () => {
    expect(detectDelimiter('a;b;c\n1;"2,5";3\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('Name,Sector\n"Acme, Inc",Tech\n')).toBe(',');
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x31, 0x0a, 0x61, 0x62, 0x63]))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(detectEncoding(new TextEncoder().encode('Müller,1\nabc'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(looksBinary('PK\u0003\u0004\u0000\u0000garbage')).toBe(true);
    expect(looksBinary('a,b\n1,2\n')).toBe(false);
  });

  it.skipIf(!hasSharedData)('reads the real exports exactly as uDSV does', () => {
    for (const file of [join(data, 'xeducation', 'Leads.csv'), join(data, 'crm-opportunities', 'sales_pipeline.csv'), join(data, 'crm-opportunities', 'accounts.csv')]) {
      const text = readFileSync(file, 'utf8');
      const ours = parseCsvText(text);
      const reference = initParser(inferSchema(text)).stringArrs(text);
      expect(ours.problems).toEqual([]);
      expect(ours.rows.slice(1)).toEqual(reference);
    }
    const leads = parseCsvText(readFileSync(join(data, 'xeducation', 'Leads.csv'), 'utf8')).rows;
    expect(leads.length - 1).toBe(9240);
    expect(leads[0]).toHaveLength(37);
  });
});

describe('reading only the columns a run needs', () => {
  it('gives the kept columns exactly, and the right line numbers, in rows with quotes and quoted newlines, in any chunking', () => {
    const text = 'id,note,country,n\n1,"a\nb",India,2\n2,"x ""y""",,3\n3,plain,"Bahrain, Kingdom of",4\n"4","multi\nline\nnote","Oman",5\n';
    const whole = parseCsvText(text).rows;
    for (const size of [1, 3, 8, 1000]) {
      const rows: string[][] = [];
      const lines: number[] = [];
      const parser = new CsvStreamParser(',', (fields, line) => {
        rows.push([...fields]);
        lines.push(line);
      });
      parser.keepColumns([0, 2]);
      for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
      parser.end();
      expect(rows.map((row) => [row[0], row[2]])).toEqual(whole.map((row) => [row[0], row[2]]));
      expect(rows.every((row) => row[1] === '' && row[3] === '' && row.length === 4)).toBe(true);
      expect(lines).toEqual([1, 2, 4, 5, 6]);
    }
  });

  it('reads a row of one field even when its column is not kept: a stray "0" is a short row, not an empty line', () => {
    for (const kept of [[1], [2, 3]]) {
      const rows: string[][] = [];
      let header = true;
      const parser = new CsvStreamParser(',', (fields) => {
        if (header) {
          header = false;
          parser.keepColumns(kept.slice(0, 1), kept.slice(1));
          return;
        }
        rows.push([...fields]);
      });
      parser.push('a,b,c,d\n0\n\n"note"\n1,2,3,4\n');
      parser.end();
      expect(rows).toEqual([['0'], [''], ['note'], ['', kept.includes(1) ? '2' : '', kept[0] === 2 ? '3' : '', '']]);
    }
  });

  it('hands out the columns read in place as positions in rows without quotes and as text in rows with them, in any chunking (property)', () => {
    // Rows of random cells (some quoted, with delimiters and newlines inside), written as CSV; column 1 and 3 read in place.
    const cellText = fc.string({ unit: fc.constantFrom('a', '1', '/', ' ', ',', '"', '\n', 'é'), maxLength: 8 });
    const quoteIfNeeded = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (table, size) => {
        const text = `a,b,c,d\n${table.map((row) => row.map(quoteIfNeeded).join(',')).join('\r\n')}\n`;
        const read: string[][] = [];
        let header = true;
        const parser = new CsvStreamParser(',', (fields) => {
          if (header) {
            header = false;
            parser.keepColumns([0], [1, 3]);
            return;
          }
          const inPlace = (column: number) => (parser.cellStart[column]! >= 0 ? parser.rowText.slice(parser.cellStart[column], parser.cellEnd[column]) : fields[column]!);
          read.push([fields[0]!, inPlace(1), fields[2]!, inPlace(3)]);
        });
        for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
        parser.end();
        return JSON.stringify(read) === JSON.stringify(table.map((row) => [row[0], row[1], '', row[3]]));
      }),
      { numRuns: 400 },
    );
  });
});
