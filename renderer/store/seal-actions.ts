/**
 * The certificate that seals exported PDFs: who it names, its fingerprint,
 * replacing or renewing it, and the seals the person chose to trust. Kept in
 * main (never in IndexedDB); these call the platform so components do not.
 */
import { accord, toBase64 } from '../platform/accord';
import { MAX_CERTIFICATE_BYTES } from '../../shared/model/limits';
import type { PreviousOwnSeal, TrustedSeal } from '../../shared/model/trusted-seals';

export type { PreviousOwnSeal, TrustedSeal } from '../../shared/model/trusted-seals';

/** Who seals this computer's PDFs, as the panel shows it. */
export interface SealIdentityView {
  subject: string;
  /** SHA-256 of the certificate, 64 lowercase hex. */
  fingerprint: string;
  selfSigned: boolean;
  keyProtectedByOs: boolean;
  /** The client's name an earlier Accord wrote into its own certificate (O), or null. */
  namesOrganisation: string | null;
}

/** The name a first certificate carries: the consultant's (Settings → Branding), else the facilitator's. Never the client's. */
export function sealName(consultantName: string | undefined, facilitator: string | undefined): string {
  return (consultantName?.trim() || facilitator?.trim() || '').slice(0, 200);
}

/** The sealing identity (created on first use, named after the consultant). */
export function loadSealIdentity(name: string): Promise<SealIdentityView> {
  return accord.getSealingIdentity({ name });
}

/** Replaces the sealing certificate; a wrong passphrase or file throws with the reason and changes nothing. */
export async function importOwnCertificate(file: File, passphrase: string): Promise<string> {
  if (!/\.(p12|pfx)$/i.test(file.name)) throw new Error(`${file.name} is not a .p12 or .pfx certificate file.`);
  if (file.size > MAX_CERTIFICATE_BYTES) throw new Error(`${file.name} is too large to be a certificate.`);
  const { subject } = await accord.importSealingCertificate({ dataBase64: toBase64(await file.arrayBuffer()), passphrase });
  return subject;
}

/** Makes a new self-signed certificate named after the consultant only; the old one still counts as this computer's. */
export function renewSealIdentity(name: string): Promise<{ subject: string; fingerprint: string; previousFingerprint: string | null }> {
  return accord.renewSealingCertificate({ name });
}

/** The seals the person trusts, and this computer's earlier ones. */
export function loadTrustedSeals(): Promise<{ trusted: TrustedSeal[]; previousOwn: PreviousOwnSeal[] }> {
  return accord.listTrustedSeals({});
}

/** Trusts a seal's fingerprint under a name, from today; an invalid name throws with the reason. */
export function trustSealAs(fingerprint: string, name: string): Promise<TrustedSeal> {
  return accord.trustSeal({ fingerprint, name });
}

/** Stops trusting a seal. */
export async function removeTrustedSeal(fingerprint: string): Promise<boolean> {
  return (await accord.untrustSeal({ fingerprint })).removed;
}
