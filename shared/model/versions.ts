import { readiness } from './agreement-rules';
import type { Agreement, Participant } from './agreement';
import { contentHash } from './canonical';
import { teamLabels } from './teams';

/** One signatory's signature on one version. */
export interface SignatureRecord {
  participantId: string;
  name: string;
  title: string;
  team: string;
  method: 'drawn' | 'typed';
  /** PNG data URL of the drawn or typed signature. */
  image: string;
  signedAt: string;
  /** The canonical hash of the content signed; must equal the version's. */
  contentHash: string;
}

/** A version put up for signature: frozen content, its hash, and the signatures collected. Signed versions never change. */
export interface VersionRecord {
  id: string;
  workshopId: string;
  number: number;
  status: 'signing' | 'signed';
  agreement: Agreement;
  contentHash: string;
  signatures: SignatureRecord[];
  createdAt: number;
  lockedAt: number | null;
}

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
  if (!signature.image.startsWith('data:image/png;base64,') || signature.image.length > 1_500_000) throw new SigningError('The signature image is missing or too large.');
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
export function reviewedVersionLabel(version: { number: number; lockedAt: number | null } | null, inForce: boolean): string {
  if (!version) return 'the draft (nothing is signed yet)';
  return `version ${version.number}${version.lockedAt === null ? '' : `, signed ${new Date(version.lockedAt).toISOString().slice(0, 10)}`}${inForce ? ' (in force)' : ''}`;
}
