import { describe, expect, it } from 'vitest';
import { MAX_ROW_CHARS } from '../../../../shared/engines/csv/csv';
import { InputError, readCsvStream } from '../../../../shared/engines/csv/stream';

async function* chunksOf(...parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

/** Reads a stream and collects its rows (copied) and the report. */
async function read(chunks: AsyncIterable<string>) {
  const rows: string[][] = [];
  const report = await readCsvStream(chunks, { fileName: 'leads.csv', what: 'calibration' }, (fields) => rows.push([...fields]));
  return { rows, report };
}

describe('reading a CSV stream', () => {
  it('refuses a quoted field that is never closed, naming its line, instead of reading the rest of the file as one value', async () => {
    const text = 'id,name,note\n1,Anna,ok\n2,"Bob,open quote\n3,Carl,ok\n4,Dora,ok\n';
    await expect(read(chunksOf(text))).rejects.toThrow(InputError);
    await expect(read(chunksOf(text))).rejects.toThrow('leads.csv cannot be read: line 3 opens a quoted field (") that is never closed');
  });

  it('refuses a quote opened and never closed in the middle of a file, where later quotes would close it and swallow the lines between', async () => {
    // Line 3 opens "India, and never closes it; line 6 has a quoted field: its opening quote would close line 3's.
    const lines = ['id,country,note', '1,Oman,ok', '2,"India,ok', '3,Oman,ok', '4,Oman,ok', '5,"Banking, Investment",ok', '6,Oman,ok'];
    for (const size of [3, 1 << 20]) {
      const text = `${lines.join('\n')}\n`;
      const parts: string[] = [];
      for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
      await expect(read(chunksOf(...parts))).rejects.toThrow('leads.csv cannot be read: line 3 opens a quoted field (") that is not closed on its line');
    }
    // A legal quoted note over two lines, closed, is read as one value.
    const { rows } = await read(chunksOf('id,note,n\n1,"two\nlines",3\n2,x,4\n'));
    expect(rows).toEqual([['id', 'note', 'n'], ['1', 'two\nlines', '3'], ['2', 'x', '4']]);
  });

  it('reports rows read with a problem (text after a closing quote) with their count and first line, and keeps them', async () => {
    const { rows, report } = await read(chunksOf('id,name\n1,"Anna" Smith\n2,Bob\n3,"Carl"x\n'));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual(['1', 'Anna Smith']);
    expect(report.problems).toEqual([{ message: 'text follows a closing quote', count: 2, firstLine: 2 }]);
  });

  it('stops a line without end after 1 MB instead of buffering hundreds of megabytes', async () => {
    const megabyte = 'x'.repeat(1 << 20);
    let pulled = 0;
    async function* endless(): AsyncGenerator<string> {
      yield 'id,blob\n1,';
      // A 200 MB "line": the reader must give up long before the end.
      for (let index = 0; index < 200; index += 1) {
        pulled += 1;
        yield megabyte;
      }
    }
    await expect(read(endless())).rejects.toThrow(/leads\.csv cannot be read: line 2 is longer than 1 MB\./);
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it('stops a quoted row that runs on over many lines after 1 MB, saying it has a quote', async () => {
    const lines = 'word word word\n'.repeat(10_000);
    let pulled = 0;
    async function* quoted(): AsyncGenerator<string> {
      yield 'id,note\n1,ok\n2,"starts here\n';
      for (let index = 0; index < 100; index += 1) {
        pulled += 1;
        yield lines;
      }
    }
    await expect(read(quoted())).rejects.toThrow(/line 3 is longer than 1 MB \(inside a quoted field: the quote that opens it is probably never closed\)/);
    expect(pulled * lines.length).toBeLessThan(MAX_ROW_CHARS + 2 * lines.length);
  });

  it('does not blame a quote for a closed quoted field longer than 1 MB', async () => {
    const text = `id,note\n1,"${'n'.repeat(1_100_000)}"\n`;
    const parts: string[] = [];
    for (let at = 0; at < text.length; at += 1 << 20) parts.push(text.slice(at, at + (1 << 20)));
    const error = await read(chunksOf(...parts)).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/line 2 is longer than 1 MB\./);
  });

  it('still reads a long but legal row (a 900 KB note), in any chunking', async () => {
    const note = 'n'.repeat(900_000);
    const text = `id,note\n1,"${note}"\n2,short\n`;
    for (const size of [65_536, 1 << 20]) {
      const parts: string[] = [];
      for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
      const { rows } = await read(chunksOf(...parts));
      expect(rows.map((row) => row[1]!.length)).toEqual([4, 900_000, 5]);
    }
  });
});
