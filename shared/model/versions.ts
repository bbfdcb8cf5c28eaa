import { readiness } from './agreement-rules';
import type { Agreement, Participant } from './agreement';
import { contentHash } from './canonical';
import type { WithAgreement } from './parse-agreement';
import { formatSize } from './limits';
import { teamLabels } from './teams';
import { z } from './zod';
import { formatDay } from '../text/datetime';

/** One signatory's signature on one version (its schema: SignatureSchema, below). */
export type SignatureRecord = z.output<typeof SignatureSchema>;

/**
 * A version put up for signature: frozen content, its hash, and the signatures collected; signed versions never
 * change. Its `seal` is the one it came with, for a version imported from an `.accord` file
 * (shared/model/accord-seal.ts); versions signed here are sealed when exported. Its schema: VersionRecordSchema, below.
 */
export type VersionRecord = WithAgreement<z.output<typeof VersionRecordSchema>>;

/** A rule of signing that was broken, with a message for people. */
export class SigningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningError';
  }
}

/** The participants who sign, in the order they appear. */
export function signatories(agreement: Agreement): Participant[] {
  return agreement.participants.filter((person) => person.signs);
}

/** Freezes a ready agreement as version `number` for signature; refuses one that is not ready. */
export function startSigning(workshopId: string, number: number, agreement: Agreement, now: number): VersionRecord {
  const check = readiness(agreement);
  if (!check.ready) throw new SigningError(`The agreement is not ready to sign: ${check.blockers.length} ${check.blockers.length === 1 ? 'item needs' : 'items need'} settling first.`);
  return { id: `${workshopId}:${number}`, workshopId, number, status: 'signing', agreement, contentHash: contentHash(agreement), signatures: [], createdAt: now, lockedAt: null };
}

/** Adds one signature; when every signatory has signed, the version is signed and locked. */
export function addSignature(version: VersionRecord, signature: Omit<SignatureRecord, 'name' | 'title' | 'team' | 'contentHash'> & { contentHash: string }, now: number): VersionRecord {
  if (version.status !== 'signing') throw new SigningError(`Version ${version.number} is already signed and locked.`);
  if (signature.contentHash !== version.contentHash) throw new SigningError('This signature is for other content than the version being signed.');
  const person = signatories(version.agreement).find((entry) => entry.id === signature.participantId);
  if (!person) throw new SigningError('Only the participants chosen to sign can sign.');
  if (version.signatures.some((entry) => entry.participantId === person.id)) throw new SigningError(`${person.name} has already signed version ${version.number}.`);
  if (!signature.image.startsWith(SIGNATURE_IMAGE_PREFIX) || signature.image.length > MAX_SIGNATURE_IMAGE_CHARS) throw new SigningError('The signature image is missing or too large.');
  const signatures = [...version.signatures, { ...signature, name: person.name, title: person.title, team: teamLabels[person.team] }];
  const complete = signatories(version.agreement).every((entry) => signatures.some((signed) => signed.participantId === entry.id));
  return { ...version, signatures, status: complete ? 'signed' : 'signing', lockedAt: complete ? now : null };
}

/** Whether a stored version's content still matches the hash it was signed with. */
export function isIntact(version: Pick<VersionRecord, 'agreement' | 'contentHash'>): boolean {
  return contentHash(version.agreement) === version.contentHash;
}

/**
 * The signed versions a review may measure against, newest first: signed and
 * intact (a version whose content no longer matches its hash is never used).
 * The first one is the version in force. One rule for the app and the CLI.
 */
export function reviewableVersions<V extends { status: string; number: number }>(versions: readonly V[], intact: (version: V) => boolean): V[] {
  return versions.filter((version) => version.status === 'signed' && intact(version)).sort((a, b) => b.number - a.number);
}

/** How a reviewed version is named on the screen, in the report and by the CLI: "version 2, signed 2026-10-01 (in force)". */
export function reviewedVersionLabel(version: { number: number; lockedAt: number | null } | null, inForce: boolean, timeZone?: string): string {
  if (!version) return 'the draft (nothing is signed yet)';
  return `version ${version.number}${version.lockedAt === null ? '' : `, signed ${formatDay(version.lockedAt, timeZone)}`}${inForce ? ' (in force)' : ''}`;
}

// ---------------------------------------------------------------- one schema per shape

/**
 * Limits of a version and its signatures. The `.accord` import, the
 * repositories and the library file (backups) all check these same schemas,
 * so nothing one of them accepts can be refused by another (a record the
 * library file refuses is dropped from every backup, and a backup holding it
 * cannot be restored).
 */
export const versionLimits = {
  /** Highest version number. */
  number: 100_000,
  /** Most signatures on one version. */
  signatures: 100,
  /** Longest signature image (a PNG data URL), in characters. */
  imageChars: 1_500_000,
  /** Longest `signedAt` text (an ISO 8601 date and time is 24). */
  signedAtChars: 40,
  /** Longest name, title or team on a signature. */
  nameChars: 200,
  /** Latest timestamp (ms): the last date JavaScript can represent. */
  timestamp: 8.64e15,
} as const;

/** Longest signature image, in characters (see versionLimits). */
export const MAX_SIGNATURE_IMAGE_CHARS = versionLimits.imageChars;

/** What every signature image starts with. */
export const SIGNATURE_IMAGE_PREFIX = 'data:image/png;base64,';

const HASH_PATTERN = /^[0-9a-f]{64}$/;
const limitedText = (max: number) => z.string().check(z.maxLength(max, { error: `Longer than ${max.toLocaleString('en-US')} characters.` }));
/** A time in milliseconds since 1970: finite, not negative, representable as a date. */
const timestampSchema = z.number({ error: 'Not a time (a finite number of milliseconds).' }).check(z.nonnegative(), z.maximum(versionLimits.timestamp, { error: 'Not a time (beyond the last date JavaScript can represent).' }));

/** A SHA-256 hash as 64 lowercase hex digits. */
export const HashSchema = z.string().check(z.regex(HASH_PATTERN, { error: 'Not a SHA-256 hash.' }));

/** One signature, as stored, backed up and carried in an `.accord` file. */
export const SignatureSchema = z.strictObject({
  participantId: limitedText(64),
  name: limitedText(versionLimits.nameChars),
  title: limitedText(versionLimits.nameChars),
  team: limitedText(versionLimits.nameChars),
  method: z.enum(['drawn', 'typed']),
  image: z.string().check(z.startsWith(SIGNATURE_IMAGE_PREFIX, { error: 'A signature image must be a PNG data URL.' }), z.maxLength(versionLimits.imageChars, { error: `A signature image is larger than ${formatSize(versionLimits.imageChars)}.` })),
  signedAt: z.string().check(z.maxLength(versionLimits.signedAtChars, { error: `The signing time is longer than ${versionLimits.signedAtChars} characters.` }), z.refine((value) => !Number.isNaN(Date.parse(value)), { error: 'The signing time is not a date and time.' })),
  contentHash: HashSchema,
});

/** The algorithm of an `.accord` version seal (see shared/model/accord-seal.ts). */
export const VERSION_SEAL_ALGORITHM = 'RSA-PSS-SHA256';

/**
 * The seal over one signed version in an `.accord` file: the sealing
 * certificate (DER, base64) and the signature over the version's sealed
 * payload (shared/model/accord-seal.ts). Kept with the version once imported,
 * so it travels on when the workshop is exported again.
 */
export const VersionSealSchema = z.strictObject({
  algorithm: z.literal(VERSION_SEAL_ALGORITHM, { error: `The seal's algorithm must be ${VERSION_SEAL_ALGORITHM}.` }),
  /** The X.509 certificate, DER in base64; its SHA-256 is the seal's fingerprint. */
  certificate: z.string().check(z.maxLength(16_384, { error: 'The seal certificate is larger than 12 KB.' }), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'The seal certificate is not base64.' })),
  /** The signature, base64. */
  signature: z.string().check(z.maxLength(2_048, { error: 'The seal signature is larger than 1.5 KB.' }), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'The seal signature is not base64.' })),
});

/** A seal over a signed version. */
export type VersionSeal = z.output<typeof VersionSealSchema>;

/**
 * The one schema of a version, as the `.accord` file and the library file
 * (and the repositories) read it: its number, its content (checked by
 * parseAgreement, which gives the messages people read), the content's
 * hash, the signatures, when it was made and locked, and its seal. The
 * database's record adds where it belongs (VersionRecordSchema); a file's
 * version is a signed one (FileVersionSchema).
 */
export const VersionSchema = z.strictObject({
  number: z.int({ error: 'The version number must be a whole number.' }).check(z.minimum(1, { error: 'The version number must be 1 or more.' }), z.maximum(versionLimits.number, { error: `The version number must be at most ${versionLimits.number.toLocaleString('en-US')}.` })),
  agreement: z.unknown(),
  contentHash: HashSchema,
  signatures: z.array(SignatureSchema).check(z.maxLength(versionLimits.signatures, { error: `More than ${versionLimits.signatures} signatures.` })),
  createdAt: timestampSchema,
  seal: z.optional(VersionSealSchema),
  status: z.enum(['signing', 'signed']),
  lockedAt: z.nullable(timestampSchema),
});

/** A version record as the database and the library file hold it (its agreement still to be read with parseAgreement). */
export const VersionRecordSchema = z.extend(VersionSchema, {
  id: limitedText(100),
  workshopId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'The workshop id must be 1 to 64 letters, digits or "-".' })),
});

/** A signed version as an `.accord` file carries it (no workshop: the importing library gives one). */
export const FileVersionSchema = z.extend(VersionSchema, {
  status: z.literal('signed', { error: 'Only signed versions travel in an .accord file.' }),
  lockedAt: timestampSchema,
});

/**
 * Why a version claimed as signed cannot be taken as signed: its content does
 * not match its hash, a signature is for other content, by someone who does
 * not sign, twice by one person, under another person's name, a signatory is
 * missing, or the content was not ready to sign. Empty when it holds. One
 * rule for the seal (main refuses to seal a version that breaks it), the
 * `.accord` import and the CLI.
 */
export function signedVersionProblems(version: { number: number; agreement: Agreement; contentHash: string; signatures: readonly SignatureRecord[] }): string[] {
  const label = `Version ${version.number}`;
  const problems: string[] = [];
  if (contentHash(version.agreement) !== version.contentHash) problems.push(`${label}'s content does not match the hash it was signed with.`);
  const people = signatories(version.agreement);
  const seen = new Set<string>();
  for (const signature of version.signatures) {
    const person = people.find((entry) => entry.id === signature.participantId);
    if (signature.contentHash !== version.contentHash) problems.push(`A signature on ${label} (${signature.name}) was given for other content than the version's.`);
    if (!person) problems.push(`A signature on ${label} (${signature.name}) is by someone who is not a signatory of it.`);
    else if (signature.name !== person.name) problems.push(`A signature on ${label} says “${signature.name}” but the signatory it is for is ${person.name || person.title}.`);
    else if (signature.title !== person.title || signature.team !== teamLabels[person.team]) problems.push(`A signature on ${label} gives ${person.name || person.title} another title or team than the agreement does.`);
    if (seen.has(signature.participantId)) problems.push(`${label} holds two signatures for ${person?.name ?? signature.name}.`);
    seen.add(signature.participantId);
  }
  const missing = people.filter((person) => !seen.has(person.id));
  if (missing.length > 0) problems.push(`${label} is marked signed but ${missing.map((person) => person.name).join(', ')} did not sign it.`);
  if (people.length === 0) problems.push(`${label} has nobody chosen to sign.`);
  const check = readiness(version.agreement);
  if (!check.ready) problems.push(`${label} was not ready to sign: ${check.blockers.length} ${check.blockers.length === 1 ? 'item needs' : 'items need'} settling.`);
  return problems;
}
