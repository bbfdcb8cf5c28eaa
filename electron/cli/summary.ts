/**
 * `accord summary`: the session summary of an agreement file (what was
 * agreed, disputed, parked; decisions, actions, next review) as the same
 * one-page sealed PDF as the app, or Markdown. There is no session timer on
 * the command line, so the summary carries no timing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSessionSummary, sessionSummaryMarkdown, summaryDocument } from '../../shared/document/session-summary';
import { parseAccordFile } from '../../shared/model/accord-file';
import { writeOutputFile } from '../fs/atomic-write';
import { identityStoreFor, sealingNames } from '../handlers/pdf';
import { bundledFontDataUrl, defaultUserDataDir } from '../hosts/node-host';
import { createChromiumPrinter } from '../pdf/chromium-printer';
import type { Paper } from '../handlers/host';
import { exportDocumentPdf } from '../pdf/export';
import { plainFileProtector } from '../pdf/identity-store';
import type { ExportIo } from './export-verify';

export const summaryUsage = `  summary FILE.accord --format pdf|md --out PATH [--paper a4|letter]
      [--force] [--data-dir DIR]
                                         the session summary of the draft: agreed, disputed
                                         and parked items, decisions, actions, next review;
                                         one page, no signatures; PDFs are sealed
`;

/** `accord summary`. Resolves with the exit code: 0 written, 1 bad input, 2 bad command line. */
export async function summaryCommand(args: string[], io: ExportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, paper: { type: 'string', default: 'a4' }, force: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1 || !values.out || !values.format) {
    io.err(`accord summary: give one FILE.accord, --format and --out.\n\nUsage:\n${summaryUsage}`);
    return 2;
  }
  if (values.format !== 'pdf' && values.format !== 'md') {
    io.err(`accord summary: unknown format "${values.format}"; use pdf or md.\n`);
    return 2;
  }
  const paper: Paper | null = values.paper.toLowerCase() === 'a4' ? 'A4' : values.paper.toLowerCase() === 'letter' ? 'Letter' : null;
  if (!paper) {
    io.err(`accord summary: unknown paper "${values.paper}"; use a4 or letter.\n`);
    return 2;
  }
  const out = resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) {
    io.err(`accord summary: ${values.out} already exists; use --force to replace it.\n`);
    return 1;
  }
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.err(`accord summary: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const parsed = parseAccordFile(text);
  if (!parsed.ok) {
    io.err(`accord summary: ${file} is not a valid agreement. ${parsed.message}\n`);
    return 1;
  }
  const { agreement } = parsed;
  const summary = buildSessionSummary(agreement, { generatedAt: io.now() });
  const facts = `${summary.totals.agreed} of ${summary.totals.items} agreed, ${summary.disputed.length} disputed, ${summary.parked.length + summary.parkedTopics.length} parked, ${summary.actions.filter((action) => action.status === 'open').length} open actions, next review ${summary.nextReview}`;
  await mkdir(dirname(out), { recursive: true });
  if (values.format === 'md') {
    await writeOutputFile(out, sessionSummaryMarkdown(summary, agreement), values.force);
    io.out(`Wrote ${values.out}: the session summary (${facts}).\n`);
    return 0;
  }
  const env = io.env ?? process.env;
  const dataDir = resolve(io.cwd, values['data-dir'] ?? env.ACCORD_DATA_DIR ?? defaultUserDataDir(process.platform, env));
  const identity = await identityStoreFor({ userDataDir: dataDir, secrets: plainFileProtector }).get(sealingNames(undefined, agreement.workshop.facilitator));
  const printer = io.printToPdf ? null : createChromiumPrinter(io.cwd);
  try {
    const pdf = await exportDocumentPdf(summaryDocument(summary, agreement), { name: 'session-summary.json', json: JSON.stringify(summary) }, { paper, printToPdf: io.printToPdf ?? printer!, identity, fontDataUrl: await bundledFontDataUrl() });
    await writeOutputFile(out, pdf, values.force);
    io.out(`Wrote ${values.out}: the session summary (${facts}), ${paper}, ${Math.round(pdf.length / 1024)} kB, sealed by “${identity.subject}”${identity.selfSigned ? ' (self-signed)' : ''}.\n`);
  } finally {
    await printer?.close();
  }
  return 0;
}
