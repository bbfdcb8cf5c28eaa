/**
 * `accord export` and `accord verify`: the same pipeline as the app (document
 * → Chromium print → attach → seal; the same verifier), from a terminal.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { signedClaimProblem } from '../../shared/model/signed-claim';
import { buildAgreementDocument } from '../../shared/document/document';
import { renderMarkdown } from '../../shared/document/markdown';
import { scoringRulesCsv, scoringRulesJson } from '../../shared/document/rules-sheet';
import { exportSubject } from '../../shared/document/subject';
import { serializeAccordFile } from '../../shared/model/accord-file';
import { readAccordForCli } from './accord-input';
import { contentHash } from '../../shared/model/canonical';
import { formatFingerprint, sealOriginText, type SealOrigin } from '../../shared/model/seal-origin';
import { writeOutputFile } from '../fs/atomic-write';
import { describeSeal, identityStoreFor, sealingNames } from '../handlers/pdf';
import { bundledFontDataUrl, defaultUserDataDir } from '../hosts/node-host';
import { createChromiumPrinter } from '../pdf/chromium-printer';
import type { Paper, PrintToPdf } from '../handlers/host';
import { exportAgreementPdf } from '../pdf/export';
import { plainFileProtector } from '../pdf/identity-store';
import { verifyPdf, type VerifyResult } from '../pdf/verify';

/** What the export and verify commands need from the outside; injected for tests. */
export interface ExportIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  now(): Date;
  env?: Record<string, string | undefined>;
  /** Chromium's print-to-PDF; by default a headless Debian Chromium / Chrome through Playwright. */
  printToPdf?: PrintToPdf;
}

const formats = ['pdf', 'md', 'json', 'rules'] as const;
type Format = (typeof formats)[number];

export const exportUsage = `  export --format pdf|md|json|rules FILE.accord --out PATH
      [--paper a4|letter] [--force] [--data-dir DIR]
                                         export the agreement: the signed version when the
                                         draft is unchanged since signing, else the draft,
                                         marked "Draft, not signed" on every page. PDFs are
                                         sealed; rules: CSV, or JSON when PATH ends in .json
  verify FILE.pdf [--against FILE.accord] [--json] [--data-dir DIR]
      [--require-known-seal]
                                         check a PDF's seal and its attached agreement
                                         (exit 0 only when the seal is intact and covers
                                         the whole file); says who made the seal by its
                                         certificate's SHA-256 fingerprint: this computer,
                                         a seal trusted in the app, or an unknown one.
                                         --require-known-seal: exit 1 also when the seal
                                         is neither this computer's nor one you trust
`;

async function readAccord(file: string, io: ExportIo, command: string, dataDir: string | undefined) {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    io.err(`accord ${command}: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  // Signed versions only when every one is sealed and keeps the signing rules; else read as a draft (warned on stderr).
  const parsed = await readAccordForCli(text, io, command, dataDir);
  if (!parsed.ok) {
    io.err(`accord ${command}: ${file} is not a valid agreement. ${parsed.message}\n`);
    return null;
  }
  return parsed;
}

/** `accord export`. Resolves with the exit code: 0 written, 1 bad input, 2 bad command line. */
export async function exportCommand(args: string[], io: ExportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, paper: { type: 'string', default: 'a4' }, force: { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
  });
  const [file] = positionals;
  const format = values.format as Format | undefined;
  if (!file || positionals.length > 1 || !values.out || !format) {
    io.err(`accord export: give one FILE.accord, --format and --out.\n\nUsage:\n${exportUsage}`);
    return 2;
  }
  if (!formats.includes(format)) {
    io.err(`accord export: unknown format "${format}"; use one of ${formats.join(', ')}.\n`);
    return 2;
  }
  const paper: Paper | null = values.paper.toLowerCase() === 'a4' ? 'A4' : values.paper.toLowerCase() === 'letter' ? 'Letter' : null;
  if (!paper) {
    io.err(`accord export: unknown paper "${values.paper}"; use a4 or letter.\n`);
    return 2;
  }
  const out = resolve(io.cwd, values.out);
  if (existsSync(out) && !values.force) {
    io.err(`accord export: ${values.out} already exists; use --force to replace it.\n`);
    return 1;
  }
  const parsed = await readAccord(file, io, 'export', values['data-dir']);
  if (!parsed) return 1;
  const versions = parsed.versions.map((version) => ({ ...version, intact: true }));
  const draftIsSigned = parsed.versions.at(-1)?.contentHash === contentHash(parsed.agreement);
  const { agreement, context } = exportSubject(parsed.agreement, versions, draftIsSigned, io.now().toISOString());
  // The same check main runs on the app's exports: what is sealed as signed is what was signed.
  const problem = signedClaimProblem(agreement, context);
  if (problem) {
    io.err(`accord export: ${problem}\n`);
    return 1;
  }
  const label = context.status === 'signed' ? `signed version ${context.versionNumber}` : `a draft (version ${context.versionNumber}, not signed)`;

  await mkdir(dirname(out), { recursive: true });
  if (format === 'md') {
    await writeOutputFile(out, renderMarkdown(buildAgreementDocument(agreement, context)), values.force);
  } else if (format === 'json') {
    await writeOutputFile(out, serializeAccordFile(parsed.agreement, io.now(), parsed.versions), values.force);
  } else if (format === 'rules') {
    await writeOutputFile(out, out.toLowerCase().endsWith('.json') ? scoringRulesJson(agreement) : scoringRulesCsv(agreement), values.force);
  } else {
    const env = io.env ?? process.env;
    const dataDir = resolve(io.cwd, values['data-dir'] ?? env.ACCORD_DATA_DIR ?? defaultUserDataDir(process.platform, env));
    const identity = await identityStoreFor({ userDataDir: dataDir, secrets: plainFileProtector }).get(sealingNames(undefined, agreement.workshop.facilitator));
    const printer = io.printToPdf ? null : createChromiumPrinter(io.cwd);
    try {
      const pdf = await exportAgreementPdf(agreement, context, { paper, printToPdf: io.printToPdf ?? printer!, identity, fontDataUrl: await bundledFontDataUrl() });
      await writeOutputFile(out, pdf, values.force);
      io.out(`Wrote ${values.out}: ${label}, ${paper}, ${Math.round(pdf.length / 1024)} kB, sealed by “${identity.subject}”${identity.selfSigned ? ' (self-signed)' : ''}.\nSeal fingerprint (SHA-256): ${formatFingerprint(identity.fingerprint)}\nContent SHA-256 ${contentHash(agreement)}\n`);
    } finally {
      await printer?.close();
    }
    return 0;
  }
  io.out(`Wrote ${values.out}: ${format === 'json' ? `the agreement with ${parsed.versions.length} signed ${parsed.versions.length === 1 ? 'version' : 'versions'}` : label}.\n`);
  return 0;
}

/** Who made the seal, as `describeSeal` judged it from this computer's own and trusted seals. */
export interface SealOriginVerdict {
  origin?: SealOrigin;
  originProblem?: string;
}

/** Exactly which hashes were compared, all read from the bytes the seal signs. */
export function hashLines(embedded: NonNullable<VerifyResult['embedded']>): string[] {
  const same = (hash: string | null) => (hash === null ? 'none recorded' : hash === embedded.computedHash ? 'the same' : `DIFFERENT (${hash})`);
  return [
    `Content SHA-256 of the attached agreement (recomputed): ${embedded.computedHash}`,
    `  in the document's metadata (Subject): ${same(embedded.metadataHash)}`,
    `  printed on the pages (page text): ${embedded.printedOnPages ? 'yes, in full' : 'NO'}`,
    `  recorded in the attachment itself: ${same(embedded.attachmentRecordedHash)}`,
  ];
}

/** A verdict as lines for a terminal; the seal's origin by fingerprint, never by the name it claims. */
export function describeVerdict(result: VerifyResult, seal: SealOriginVerdict = {}): string {
  const lines = [`${result.status === 'intact' ? 'INTACT' : 'NOT INTACT'}: ${result.message}`];
  if (result.certificate) {
    lines.push(`Certificate: ${result.certificate.subject || result.signer || 'no name'}`);
    lines.push(`Fingerprint (SHA-256): ${formatFingerprint(result.certificate.fingerprint)}`);
    lines.push(`Origin: ${seal.origin ? sealOriginText(seal.origin, result.certificate.subject || result.signer || 'no name') : `cannot be judged: ${seal.originProblem ?? 'this computer’s seals were not consulted'}`}`);
  } else if (result.signer) {
    lines.push(`Certificate: ${result.signer} (no certificate could be read: its origin cannot be judged)`);
  }
  if (result.signedAt) lines.push(`Sealed at: ${result.signedAt}`);
  if (result.status !== 'not-pdf' && result.status !== 'not-sealed') lines.push(`Seal covers the whole file: ${result.coversWholeFile ? 'yes' : 'no'}`);
  const embedded = result.embedded;
  if (embedded) {
    lines.push(`Agreement: “${embedded.title}”${embedded.client ? ` for ${embedded.client}` : ''}, version ${embedded.versionNumber ?? '?'} (${embedded.versionStatus ?? 'unknown'})`);
    lines.push(...hashLines(embedded));
  } else if (result.status !== 'not-pdf') {
    // An intact file without an agreement is a review report or a session summary; otherwise no attached agreement was read and checked.
    lines.push(result.status === 'intact' ? 'Attached agreement: none (the document attaches a review or a session summary, sealed as it is)' : 'Attached agreement: none checked');
  }
  for (const [index, signature] of (result.signatures ?? []).entries()) {
    lines.push(`Signature ${index + 1} (${signature.field}): ${signature.signer ?? 'unreadable'}, ${signature.valid ? 'valid over its byte range' : 'not valid'}, ${signature.coversWholeFile ? 'covers the whole file' : 'does not cover the whole file'}${signature.fingerprint ? `, fingerprint ${formatFingerprint(signature.fingerprint)}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `accord verify`: exit 0 only when the seal is intact and covers the whole file. */
export async function verifyCommand(args: string[], io: ExportIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, against: { type: 'string' }, 'data-dir': { type: 'string' }, 'require-known-seal': { type: 'boolean', default: false } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    io.err(`accord verify: give exactly one PDF file.\n\nUsage:\n${exportUsage}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch (error) {
    io.err(`accord verify: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const result = await verifyPdf(bytes);
  const env = io.env ?? process.env;
  const dataDir = resolve(io.cwd, values['data-dir'] ?? env.ACCORD_DATA_DIR ?? defaultUserDataDir(process.platform, env));
  // The same store as the app: this computer's own seals and the ones trusted in the app's Verify screen.
  const seal = await describeSeal({ userDataDir: dataDir, secrets: plainFileProtector, now: io.now }, result.certificate?.fingerprint);
  let against: { file: string; version: number | null } | undefined;
  if (values.against) {
    const parsed = await readAccord(values.against, io, 'verify', values['data-dir']);
    if (!parsed) return 1;
    const hash = result.embedded?.computedHash;
    const match = hash ? parsed.versions.find((version) => version.contentHash === hash) : undefined;
    against = { file: values.against, version: match ? match.number : hash && contentHash(parsed.agreement) === hash ? 0 : null };
  }
  if (values.json) {
    io.out(`${JSON.stringify({ file, ...result, ...seal, ...(against ? { against } : {}) })}\n`);
  } else {
    io.out(`${file}\n${describeVerdict(result, seal)}`);
    if (against) {
      // This compares the attached agreement's content with the file; who made the seal is the Origin line above, not this.
      const subject = against.version === null ? `The attached agreement is not a version of ${against.file}` : against.version === 0 ? `The attached agreement matches the current draft of ${against.file} (not a signed version)` : `The attached agreement matches signed version ${against.version} of ${against.file}`;
      io.out(`${subject}. This compares content only; it says nothing about who sealed the PDF (see Origin).\n`);
    }
  }
  if (result.status !== 'intact') return 1;
  if (values['require-known-seal'] && (!seal.origin || seal.origin.kind === 'unknown')) {
    if (!values.json) io.out('Refused (--require-known-seal): the seal is neither this computer’s nor one you trust.\n');
    return 1;
  }
  return 0;
}
