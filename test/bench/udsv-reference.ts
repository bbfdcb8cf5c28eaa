import { inferSchema, initParser } from 'udsv';
import { fileTextChunks } from '../../electron/cli/text-chunks';

/** The benchmarks' reference: uDSV parsing the same file into string arrays, streamed in the same decoded chunks; resolves with the rows. */
export async function parseWithUdsv(path: string): Promise<number> {
  let parser: ReturnType<typeof initParser> | null = null;
  let rows = 0;
  const count = () => {
    rows += 1;
  };
  for await (const chunk of fileTextChunks(path)) {
    if (chunk === '') continue;
    parser ??= initParser(inferSchema(chunk));
    // uDSV's typings do not relate stringArrs to chunk(); this is its documented streaming use.
    parser.chunk<string[]>(chunk, parser.stringArrs as never, count);
  }
  parser?.end();
  return rows;
}
