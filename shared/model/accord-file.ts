import type { Agreement } from './agreement';
import { toNfc } from './canonical';
import { parseAgreement } from './parse-agreement';
import { firstIssueMessage } from './validation';
import { FileVersionSchema, versionLimits, type SignatureRecord, type VersionSeal } from './versions';

/**
 * The version of the `.accord` file envelope this code writes.
 * 1: the draft agreement only. 2: adds the signed versions with their signatures.
 */
export const ACCORD_FILE_VERSION = 2;

/** A signed version as it travels in a file: no workshop id (the importing library gives one); its seal once sealed. */
export interface AccordFileVersion {
  number: number;
  status: 'signed';
  agreement: Agreement;
  contentHash: string;
  signatures: SignatureRecord[];
  createdAt: number;
  lockedAt: number;
  /** The installation's seal over the version (shared/model/accord-seal.ts); absent in files from before seals. */
  seal?: VersionSeal;
}

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
    const envelope = data as Partial<AccordFile> & { format: unknown };
    if (envelope.format !== 'accord') return { ok: false, message: `This is not an Accord file (format ${JSON.stringify(envelope.format)}).` };
    if (typeof envelope.fileVersion !== 'number' || !Number.isInteger(envelope.fileVersion) || envelope.fileVersion < 1) return { ok: false, message: 'This Accord file has no valid fileVersion.' };
    if (envelope.fileVersion > ACCORD_FILE_VERSION) return { ok: false, message: `This file was written by a newer version of Accord (file version ${envelope.fileVersion}; this version reads up to ${ACCORD_FILE_VERSION}). Update Accord to open it.` };
    if (envelope.exportedAt !== undefined && (typeof envelope.exportedAt !== 'string' || envelope.exportedAt.length > 40 || Number.isNaN(Date.parse(envelope.exportedAt)))) return { ok: false, message: 'This Accord file is damaged: its export date (exportedAt) is not a date.' };
    const parsed = parseAgreement(envelope.agreement);
    if (!parsed.ok) return parsed;
    const versions = parseVersions(envelope.versions ?? []);
    if (!versions.ok) return versions;
    return { ok: true, agreement: parsed.agreement, claimedVersions: versions.versions };
  }
  const parsed = parseAgreement(data);
  return parsed.ok ? { ok: true, agreement: parsed.agreement, claimedVersions: [] } : parsed;
}

function parseVersions(data: unknown): { ok: true; versions: AccordFileVersion[] } | { ok: false; message: string } {
  if (!Array.isArray(data)) return { ok: false, message: 'This Accord file is damaged: its version history is not a list.' };
  if (data.length > versionLimits.number) return { ok: false, message: 'This Accord file is damaged: its version history is longer than any Accord writes.' };
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
