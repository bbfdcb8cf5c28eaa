import { AGREEMENT_SCHEMA_VERSION, AgreementSchema, type Agreement } from './agreement';
import { toNfc } from './canonical';
import { firstIssueMessage } from './validation';

/** The result of reading something that should be an agreement. */
export type ParsedAgreement = { ok: true; agreement: Agreement } | { ok: false; message: string };

/**
 * Reads an agreement from untrusted data (a file, the database, the CLI).
 * Refuses, with a message a person can act on, anything that is not one: a
 * newer or unknown schema version is never half-loaded.
 */
export function parseAgreement(data: unknown): ParsedAgreement {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'This is not an Accord agreement: expected a JSON object.' };
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined) return { ok: false, message: 'This is not an Accord agreement: it has no schemaVersion.' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `This agreement has an unknown schema version (${JSON.stringify(version)}).` };
  }
  if (version > AGREEMENT_SCHEMA_VERSION) {
    return {
      ok: false,
      message: `This agreement was made by a newer version of Accord (schema ${version}; this version reads up to ${AGREEMENT_SCHEMA_VERSION}). Update Accord to open it.`,
    };
  }
  // In NFC: what is stored, printed and scored is what the content hash covers (see toNfc).
  const parsed = AgreementSchema.safeParse(toNfc(data));
  if (!parsed.success) return { ok: false, message: `This agreement is damaged or incomplete: ${firstIssueMessage(parsed.error)}` };
  return { ok: true, agreement: parsed.data };
}

/** Reads an agreement from JSON text (an `.accord` file). */
export function parseAgreementJson(text: string): ParsedAgreement {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `This file is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may be truncated.` };
  }
  return parseAgreement(data);
}

/**
 * A record whose `agreement` its schema leaves `unknown` (the record
 * schemas of shared/model/records.ts and versions.ts), once parseAgreement
 * has read it: the agreement is checked by parseAgreement, which gives the
 * messages people read and migrates nothing silently, not by the record's schema.
 */
export type WithAgreement<T extends { agreement: unknown }> = Omit<T, 'agreement'> & { agreement: Agreement };
