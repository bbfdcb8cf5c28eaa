import type { Agreement } from './agreement';
import { toNfc } from './canonical';
import { parseAgreement, type WithAgreement } from './parse-agreement';
import { firstIssueMessage } from './validation';
import { FileVersionSchema, versionLimits } from './versions';
import { z } from './zod';

/**
 * The version of the `.accord` file envelope this code writes.
 * 1: the draft agreement only. 2: adds the signed versions with their signatures.
 */
export const ACCORD_FILE_VERSION = 2;

/**
 * A signed version as it travels in a file: no workshop id (the importing library gives one); its seal once sealed
 * (shared/model/accord-seal.ts; absent in files from before seals). Its schema is the library file's version schema
 * (FileVersionSchema, shared/model/versions.ts).
 */
export type AccordFileVersion = WithAgreement<z.output<typeof FileVersionSchema>>;

/** An `.accord` file: the agreement in an envelope that says what it is, with its signed history. */
export interface AccordFile {
  format: 'accord';
  fileVersion: number;
  exportedAt: string;
  /** The current draft (or the signed content, when nothing was amended since). */
  agreement: Agreement;
  versions: AccordFileVersion[];
}

/** The result of reading an `.accord` file. */
export type ParsedAccordFile =
  | {
      ok: true;
      agreement: Agreement;
      /**
       * The versions the file *claims* are signed: well-formed and within the
       * limits, but not yet taken as signed. Only settleSignedVersions, with
       * main's seal checks (electron/pdf/accord-seal.ts), decides that.
       */
      claimedVersions: AccordFileVersion[];
    }
  | { ok: false; message: string };

/** The text of an `.accord` file (pretty JSON, stable key order of the model). */
export function serializeAccordFile(agreement: Agreement, exportedAt: Date, versions: readonly AccordFileVersion[] = []): string {
  const file: AccordFile = { format: 'accord', fileVersion: ACCORD_FILE_VERSION, exportedAt: exportedAt.toISOString(), agreement, versions: [...versions] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const damaged = 'This Accord file is damaged: its export date (exportedAt) is not a date.';

/**
 * The envelope of an `.accord` file, in the order its problems are told:
 * what it is, which file version, when it was exported, then the agreement
 * (read by parseAgreement, whose message is told as it stands) and the list
 * of signed versions (each then read with FileVersionSchema, the library
 * file's version schema). Other keys are left aside, as they always were
 * (see below).
 */
const envelopeShape = {
    format: z.literal('accord', { error: (issue) => `This is not an Accord file (format ${JSON.stringify(issue.input)}).` }),
    fileVersion: z.number({ error: 'This Accord file has no valid fileVersion.' }).check(
      z.refine((value) => Number.isInteger(value) && value >= 1, { error: 'This Accord file has no valid fileVersion.', abort: true }),
      z.refine((value) => value <= ACCORD_FILE_VERSION, { error: (issue) => `This file was written by a newer version of Accord (file version ${String(issue.input)}; this version reads up to ${ACCORD_FILE_VERSION}). Update Accord to open it.` }),
    ),
    exportedAt: z.optional(z.string({ error: damaged }).check(z.maxLength(40, { error: damaged }), z.refine((value) => !Number.isNaN(Date.parse(value)), { error: damaged }))),
    agreement: z.pipe(
      z.unknown(),
      z.transform((value, context) => {
        const parsed = parseAgreement(value);
        if (parsed.ok) return parsed.agreement;
        context.issues.push({ code: 'custom', message: parsed.message, input: value });
        return z.NEVER;
      }),
    ),
    // null reads as no versions, as it always has.
    versions: z.optional(z.nullable(z.array(z.unknown(), { error: 'This Accord file is damaged: its version history is not a list.' }).check(z.maxLength(versionLimits.number, { error: 'This Accord file is damaged: its version history is longer than any Accord writes.' })))),
};

// Not strict: Accord's own PDFs attach an `.accord`-like agreement.json with more keys (`version`, its history and
// signatures as printed; electron/pdf/export.ts), which verify and the import read as this envelope.
const AccordEnvelopeSchema = z.object(envelopeShape);

/**
 * Reads an `.accord` file. Accepts the envelope, or a bare agreement (what
 * RevOps scripts and older exports write). Anything that is not well-formed
 * or breaks a limit the library keeps (versionLimits: the same schemas as the
 * repositories and the library file) is refused with a message; nothing is
 * half-read. Whether a claimed signed version is taken as signed is decided
 * after, by its seal and the signing rules (settleSignedVersions).
 */
export function parseAccordFile(text: string): ParsedAccordFile {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  let data: unknown;
  try {
    // In NFC: what is stored is what the seals and hashes cover (see toNfc).
    data = toNfc(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may be truncated or not an Accord file.` };
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { format?: unknown }).format !== undefined) {
    const envelope = AccordEnvelopeSchema.safeParse(data);
    if (!envelope.success) {
      // What the file is comes first, then its file version, then the first problem in the envelope's order.
      const issues = envelope.error.issues;
      const issue = issues.find((entry) => entry.path[0] === 'format') ?? issues.find((entry) => entry.path[0] === 'fileVersion') ?? issues[0];
      return { ok: false, message: issue?.message ?? 'This Accord file is damaged.' };
    }
    const versions = parseVersions(envelope.data.versions ?? []);
    if (!versions.ok) return versions;
    return { ok: true, agreement: envelope.data.agreement, claimedVersions: versions.versions };
  }
  const parsed = parseAgreement(data);
  return parsed.ok ? { ok: true, agreement: parsed.agreement, claimedVersions: [] } : parsed;
}

/** Reads the claimed signed versions, each with the library file's version schema, in order of their numbers. */
function parseVersions(data: readonly unknown[]): { ok: true; versions: AccordFileVersion[] } | { ok: false; message: string } {
  const versions: AccordFileVersion[] = [];
  for (const [index, raw] of data.entries()) {
    const claimed = (raw as { number?: unknown } | null)?.number;
    const label = `Version ${typeof claimed === 'number' && Number.isInteger(claimed) && claimed >= 1 && claimed <= versionLimits.number ? claimed : index + 1}`;
    const parsed = FileVersionSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: `This Accord file is damaged: ${label}: ${firstIssueMessage(parsed.error)} The file was not imported.` };
    const entry = parsed.data;
    if (versions.length > 0 && entry.number <= versions.at(-1)!.number) return { ok: false, message: `This Accord file is damaged: ${label} is out of order.` };
    const agreement = parseAgreement(entry.agreement);
    if (!agreement.ok) return { ok: false, message: `${label}: ${agreement.message}` };
    versions.push({ number: entry.number, status: 'signed', agreement: agreement.agreement, contentHash: entry.contentHash, signatures: entry.signatures, createdAt: entry.createdAt, lockedAt: entry.lockedAt, ...(entry.seal ? { seal: entry.seal } : {}) });
  }
  return { ok: true, versions };
}
