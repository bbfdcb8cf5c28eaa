import type { Agreement } from './agreement';
import { contentHash } from './canonical';
import { consensusItems } from './sections';

/** What a main-side check of a version to be sealed reads: its status, number, signatures and the history it is shown with. */
export interface SignedClaim {
  versionNumber: number;
  status: 'draft' | 'signing' | 'signed';
  signatures: readonly { name: string; contentHash: string }[];
  history: readonly { version: number; status: string; contentHash: string }[];
  /** Earlier signed versions whose content the audit page cites ("agreed on version n content"). */
  earlier?: readonly { number: number; agreement: Agreement }[];
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Why what a renderer (or a file) presents as a signed version must not be
 * sealed, or null when it may. Main runs this on everything it seals: the
 * renderer is untrusted. Every signature must be for this content's own
 * canonical hash; a signed version has at least one signature and the hash
 * its history records; every item is agreed for the content it has now (or
 * parked); a draft carries no signatures; an earlier version cited by the
 * audit page is the content its history's hash names.
 */
export function signedClaimProblem(agreement: Agreement, claim: SignedClaim): string | null {
  const hash = contentHash(agreement);
  if (claim.status === 'draft' && claim.signatures.length > 0) return 'A draft carries no signatures: the signatures sent with it were refused and nothing was exported.';
  if (claim.status === 'signed' && claim.signatures.length === 0) return `Version ${claim.versionNumber} is presented as signed but carries no signature; nothing was exported.`;
  for (const signature of claim.signatures) {
    if (signature.contentHash !== hash) return `The signature of ${signature.name || 'a signatory'} is for other content (SHA-256 ${short(signature.contentHash)}) than version ${claim.versionNumber} (SHA-256 ${short(hash)}); nothing was exported.`;
  }
  if (claim.status === 'signed') {
    const recorded = claim.history.find((entry) => entry.version === claim.versionNumber);
    if (recorded && recorded.contentHash !== hash) return `Version ${claim.versionNumber}'s history records SHA-256 ${short(recorded.contentHash)}, but the content sent is ${short(hash)}; nothing was exported.`;
  }
  if (claim.status !== 'draft') {
    const open = consensusItems(agreement).find((item) => item.state !== 'agreed' && item.state !== 'parked');
    if (open) return `Version ${claim.versionNumber} is presented as ${claim.status === 'signed' ? 'signed' : 'being signed'}, but an item is not agreed for the content it has: ${open.label}. Nothing was exported.`;
  }
  for (const version of claim.earlier ?? []) {
    const recorded = claim.history.find((entry) => entry.version === version.number && entry.status === 'Signed');
    if (!recorded || recorded.contentHash !== contentHash(version.agreement)) return `Version ${version.number}, cited on the audit page, is not the content its history records; nothing was exported.`;
  }
  return null;
}
