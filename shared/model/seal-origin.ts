/**
 * Who made a seal (of a PDF or of a signed version in an `.accord` file),
 * judged only by its certificate's SHA-256 fingerprint against what this
 * computer knows: its own sealing certificate, and the certificates the person
 * chose to trust (like SSH's known hosts). A certificate's *name* proves
 * nothing: anyone can make a self-signed certificate with any name.
 */
export type SealOrigin =
  /** The fingerprint is this computer's own sealing certificate. */
  | { kind: 'this-computer' }
  /** The person chose to trust this fingerprint, under this name, on this date (YYYY-MM-DD). */
  | { kind: 'trusted'; name: string; trustedOn: string }
  /** Neither: the name in the certificate is a claim, not an identity. */
  | { kind: 'unknown' };

/** A SHA-256 fingerprint as 64 lowercase hex digits (how it is stored and compared). */
export const FINGERPRINT_PATTERN = /^[0-9a-f]{64}$/;

/** A fingerprint for people: upper-case hex in pairs, "AB:CD:…" (as browsers and `openssl x509 -fingerprint` print it). */
export function formatFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{2}/g) ?? []).join(':');
}

/**
 * The one sentence every screen, the CLI and the documents use for a seal's
 * origin. `certificateName` is the name written in the certificate (its CN).
 */
export function sealOriginText(origin: SealOrigin, certificateName: string): string {
  switch (origin.kind) {
    case 'this-computer':
      return 'Sealed by this computer';
    case 'trusted':
      return `Sealed by ${origin.name}, trusted on ${origin.trustedOn}`;
    case 'unknown':
      return `Sealed by an unknown certificate (it says “${certificateName}”): anyone can create one with this name`;
    default: {
      const unexpected: never = origin;
      return unexpected;
    }
  }
}
