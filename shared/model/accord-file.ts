import type { Agreement } from './agreement';
import { parseAgreement, type ParsedAgreement } from './parse-agreement';

/** The version of the `.accord` file envelope this code writes. */
export const ACCORD_FILE_VERSION = 1;

/** An `.accord` file: the agreement in an envelope that says what it is. */
export interface AccordFile {
  format: 'accord';
  fileVersion: number;
  exportedAt: string;
  agreement: Agreement;
}

/** The text of an `.accord` file (pretty JSON, stable key order of the model). */
export function serializeAccordFile(agreement: Agreement, exportedAt: Date): string {
  const file: AccordFile = { format: 'accord', fileVersion: ACCORD_FILE_VERSION, exportedAt: exportedAt.toISOString(), agreement };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an `.accord` file. Accepts the envelope, or a bare agreement (what
 * RevOps scripts and older exports write). Anything else is refused with a
 * message; nothing is half-read.
 */
export function parseAccordFile(text: string): ParsedAgreement {
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
    if (typeof envelope.fileVersion !== 'number' || envelope.fileVersion < 1) return { ok: false, message: 'This Accord file has no valid fileVersion.' };
    if (envelope.fileVersion > ACCORD_FILE_VERSION) return { ok: false, message: `This file was written by a newer version of Accord (file version ${envelope.fileVersion}). Update Accord to open it.` };
    return parseAgreement(envelope.agreement);
  }
  return parseAgreement(data);
}
