import { canonicalJson } from './canonical';
import { formatFingerprint, sealOriginText, type SealOrigin } from './seal-origin';
import { signedVersionProblems, VERSION_SEAL_ALGORITHM, type SignatureRecord } from './versions';
import type { Agreement } from './agreement';

/**
 * The seal of a signed version in an `.accord` file.
 *
 * What is sealed: the canonical JSON (shared/model/canonical.ts) of
 * `{ purpose, number, status, agreement, contentHash, signatures, createdAt,
 * lockedAt, history }` — the whole version except its seal, with a purpose
 * string so a seal over a version can never be replayed as a seal over
 * anything else, and `history`: the number and content hash of every earlier
 * signed version it was signed on top of, so a version dropped from the middle
 * of a history breaks the seal of every later one (issue 13, attack D).
 * Canonical JSON gives the same bytes on every platform, so the seal checks
 * wherever the file is read; any change to the content, a signature, a date
 * or the number breaks it.
 *
 * How: RSA-PSS with SHA-256 (MGF1-SHA-256, salt of 32 bytes) with the
 * installation's sealing key (electron/pdf/identity-store.ts), the
 * certificate carried in the seal, so its SHA-256 fingerprint says who sealed
 * it (shared/model/seal-origin.ts). Sealing and checking happen in main
 * (electron/pdf/accord-seal.ts); the renderer only carries seals.
 */

/** The purpose string inside every sealed payload (and its version). */
export const VERSION_SEAL_PURPOSE = 'accord-signed-version-seal/2';

/** What a version seal covers. */
export interface SealableVersion {
  number: number;
  status: 'signed';
  agreement: Agreement;
  contentHash: string;
  signatures: readonly SignatureRecord[];
  createdAt: number;
  lockedAt: number;
}

/** One earlier version as a seal covers it: its number and content hash. */
export interface SealedHistoryEntry {
  number: number;
  contentHash: string;
}

/** The history a version is sealed on top of: every version before it in the list (a list is oldest first). */
export function historyBefore(versions: readonly { number: number; contentHash: string }[], index: number): SealedHistoryEntry[] {
  return versions.slice(0, index).map(({ number, contentHash }) => ({ number, contentHash }));
}

/**
 * The exact text a version seal signs (UTF-8): canonical JSON of the version
 * without its seal, with the purpose and the history before it. The checker
 * rebuilds `history` from the versions the file (or the library) carries
 * before this one, so a hole there is a broken seal.
 */
export function versionSealPayload(version: SealableVersion, history: readonly SealedHistoryEntry[]): string {
  const { number, status, agreement, contentHash, signatures, createdAt, lockedAt } = version;
  return canonicalJson({
    purpose: VERSION_SEAL_PURPOSE,
    algorithm: VERSION_SEAL_ALGORITHM,
    number,
    status,
    agreement,
    contentHash,
    signatures,
    createdAt,
    lockedAt,
    history: history.map(({ number: earlier, contentHash: hash }) => ({ number: earlier, contentHash: hash })),
  });
}

/** How one version's seal checked, as main reports it. Exhaustive: a new kind must be handled everywhere. */
export type VersionSealCheck =
  /** The seal is good and the version keeps the signing rules; `origin` is who sealed it by fingerprint. */
  | { number: number; state: 'sealed'; fingerprint: string; certificateName: string; origin: SealOrigin }
  /** No seal (a file from before seals, or one a script wrote). */
  | { number: number; state: 'missing' }
  /** A seal that does not match the version (changed after sealing), or that cannot be read. */
  | { number: number; state: 'broken'; reason: string }
  /** Sealed or not, the version breaks the signing rules (signedVersionProblems). */
  | { number: number; state: 'rules'; problems: string[] };

/** The kinds of VersionSealCheck. */
export const versionSealStates = ['sealed', 'missing', 'broken', 'rules'] as const satisfies readonly VersionSealCheck['state'][];

/** The rule checks that decide, before any seal, whether a version may be taken as signed (one rule with main's sealing). */
export function versionRuleCheck(version: SealableVersion): VersionSealCheck | null {
  const problems = signedVersionProblems(version);
  return problems.length > 0 ? { number: version.number, state: 'rules', problems } : null;
}

/** One sentence for a version's seal, as the import warning, the version history and the CLI say it. */
export function versionSealText(check: VersionSealCheck): string {
  switch (check.state) {
    case 'sealed':
      return `${sealOriginText(check.origin, check.certificateName)} (certificate ${formatFingerprint(check.fingerprint)})`;
    case 'missing':
      return `Version ${check.number} has no seal: nothing proves it was not changed after signing`;
    case 'broken':
      return `Version ${check.number}'s seal does not match it: ${check.reason}`;
    case 'rules':
      return check.problems.join(' ');
    default: {
      const unexpected: never = check;
      return unexpected;
    }
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What an import keeps as signed, and the warning when it keeps nothing. */
export interface SettledImport<V> {
  /** The versions taken as signed: all of the file's, or none. */
  versions: V[];
  /** How each version checked, in the file's order. */
  checks: VersionSealCheck[];
  /** Set when the file claimed signed versions that are not taken as signed, or sealed by an unknown certificate: say it where the person sees it. */
  warning: { title: string; message: string } | null;
}

/**
 * Decides what of a file's claimed signed versions is taken as signed: every
 * version must keep the signing rules and carry a good seal, or none is (the
 * file imports as a draft, with a warning naming each version and why). All
 * or nothing, because a history with a hole in it (version 2 signed, version
 * 1 not) would say something nobody signed.
 */
export function settleSignedVersions<V extends { number: number }>(claimed: readonly V[], checks: readonly VersionSealCheck[]): SettledImport<V> {
  if (claimed.length === 0) return { versions: [], checks: [], warning: null };
  const byNumber = new Map(checks.map((check) => [check.number, check]));
  const ordered = claimed.map((version): VersionSealCheck => byNumber.get(version.number) ?? { number: version.number, state: 'missing' });
  const failed = ordered.filter((check) => check.state !== 'sealed');
  if (failed.length === 0) {
    // Sealed and valid, but by a certificate this computer does not know: signed, and said, since anyone can make one.
    const strangers = ordered.filter((check) => check.state === 'sealed' && check.origin.kind === 'unknown');
    if (strangers.length === 0) return { versions: [...claimed], checks: ordered, warning: null };
    return {
      versions: [...claimed],
      checks: ordered,
      warning: {
        title: 'Signed, but sealed by a certificate this computer does not know',
        // Short enough for a notice on a projector; the fingerprint is in the version history (and printed by the CLI).
        message: `${strangers.map((check) => `Version ${check.number}: ${lowerFirst(check.state === 'sealed' ? sealOriginText(check.origin, check.certificateName) : '')}`).join('; ')}. The seal proves the version is unchanged since that certificate sealed it, not who sealed it: compare its fingerprint (version history) with the sender's before trusting it.`,
      },
    };
  }
  const list = claimed.map((version) => version.number).join(', ');
  return {
    versions: [],
    checks: ordered,
    warning: {
      title: 'Imported as a draft, not as signed',
      message: `The file says ${claimed.length === 1 ? `version ${list} is` : `versions ${list} are`} signed, but ${lowerFirst(failed.map((check) => versionSealText(check).replace(/\.$/, '')).join('; '))}. Nothing in this workshop is signed: its signatures were not imported. Check the agreement with both teams and sign it again.`,
    },
  };
}
