import type { Agreement } from './agreement';
import { contentHash } from './canonical';
import { parseAgreement } from './parse-agreement';
import { signatories, type SignatureRecord } from './versions';

/**
 * The version of the `.accord` file envelope this code writes.
 * 1: the draft agreement only. 2: adds the signed versions with their signatures.
 */
export const ACCORD_FILE_VERSION = 2;

/** A signed version as it travels in a file: no workshop id (the importing library gives one). */
export interface AccordFileVersion {
  number: number;
  status: 'signed';
  agreement: Agreement;
  contentHash: string;
  signatures: SignatureRecord[];
  createdAt: number;
  lockedAt: number;
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
export type ParsedAccordFile = { ok: true; agreement: Agreement; versions: AccordFileVersion[] } | { ok: false; message: string };

/** The text of an `.accord` file (pretty JSON, stable key order of the model). */
export function serializeAccordFile(agreement: Agreement, exportedAt: Date, versions: readonly AccordFileVersion[] = []): string {
  const file: AccordFile = { format: 'accord', fileVersion: ACCORD_FILE_VERSION, exportedAt: exportedAt.toISOString(), agreement, versions: [...versions] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an `.accord` file. Accepts the envelope, or a bare agreement (what
 * RevOps scripts and older exports write). Anything else is refused with a
 * message, including a signed version whose content no longer matches its
 * hash; nothing is half-read.
 */
export function parseAccordFile(text: string): ParsedAccordFile {
  if (text.trim() === '') return { ok: false, message: 'The file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
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
    return { ok: true, agreement: parsed.agreement, versions: versions.versions };
  }
  const parsed = parseAgreement(data);
  return parsed.ok ? { ok: true, agreement: parsed.agreement, versions: [] } : parsed;
}

const HASH = /^[0-9a-f]{64}$/;

function parseVersions(data: unknown): { ok: true; versions: AccordFileVersion[] } | { ok: false; message: string } {
  if (!Array.isArray(data)) return { ok: false, message: 'This Accord file is damaged: its version history is not a list.' };
  const versions: AccordFileVersion[] = [];
  for (const [index, raw] of data.entries()) {
    const label = `Version ${typeof raw?.number === 'number' ? raw.number : index + 1}`;
    if (typeof raw !== 'object' || raw === null) return { ok: false, message: `This Accord file is damaged: ${label} is not a version.` };
    const entry = raw as Partial<AccordFileVersion>;
    if (typeof entry.number !== 'number' || !Number.isInteger(entry.number) || entry.number < 1) return { ok: false, message: `This Accord file is damaged: ${label} has no valid number.` };
    if (versions.length > 0 && entry.number <= versions.at(-1)!.number) return { ok: false, message: `This Accord file is damaged: ${label} is out of order.` };
    if (entry.status !== 'signed') return { ok: false, message: `This Accord file is damaged: ${label} is not a signed version.` };
    const agreement = parseAgreement(entry.agreement);
    if (!agreement.ok) return { ok: false, message: `${label}: ${agreement.message}` };
    if (typeof entry.contentHash !== 'string' || !HASH.test(entry.contentHash)) return { ok: false, message: `This Accord file is damaged: ${label} has no valid content hash.` };
    if (contentHash(agreement.agreement) !== entry.contentHash) {
      return { ok: false, message: `${label} does not match the hash it was signed with: its content was changed after signing. The file was not imported.` };
    }
    const signatures = parseSignatures(entry.signatures, entry.contentHash, label);
    if (!signatures.ok) return signatures;
    const missing = signatories(agreement.agreement).filter((person) => !signatures.signatures.some((signature) => signature.participantId === person.id));
    if (missing.length > 0) return { ok: false, message: `${label} is marked signed but ${missing.map((person) => person.name).join(', ')} did not sign it.` };
    if (typeof entry.createdAt !== 'number' || typeof entry.lockedAt !== 'number') return { ok: false, message: `This Accord file is damaged: ${label} has no valid dates.` };
    versions.push({ number: entry.number, status: 'signed', agreement: agreement.agreement, contentHash: entry.contentHash, signatures: signatures.signatures, createdAt: entry.createdAt, lockedAt: entry.lockedAt });
  }
  return { ok: true, versions };
}

function parseSignatures(data: unknown, hash: string, label: string): { ok: true; signatures: SignatureRecord[] } | { ok: false; message: string } {
  if (!Array.isArray(data) || data.length === 0) return { ok: false, message: `This Accord file is damaged: ${label} has no signatures.` };
  const signatures: SignatureRecord[] = [];
  for (const raw of data) {
    const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<SignatureRecord>;
    const text = [entry.participantId, entry.name, entry.title, entry.team, entry.signedAt];
    if (text.some((value) => typeof value !== 'string') || (entry.method !== 'drawn' && entry.method !== 'typed') || typeof entry.image !== 'string' || !entry.image.startsWith('data:image/png;base64,')) {
      return { ok: false, message: `This Accord file is damaged: a signature on ${label} is incomplete.` };
    }
    if (entry.contentHash !== hash) return { ok: false, message: `A signature on ${label} (${entry.name}) was given for other content than the version’s. The file was not imported.` };
    signatures.push(entry as SignatureRecord);
  }
  return { ok: true, signatures };
}
