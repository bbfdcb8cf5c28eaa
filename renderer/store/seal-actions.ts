/**
 * The certificate that seals exported PDFs: who it names, and replacing it
 * with the person's own .p12. Kept in main (never in IndexedDB); these call
 * the platform so components do not.
 */
import type { Agreement } from '../../shared/model/agreement';
import { getSealingIdentity, importSealingCertificate } from '../platform/accord';

/** Who seals this workshop's PDFs, as the panel shows it. */
export interface SealIdentityView {
  subject: string;
  selfSigned: boolean;
  keyProtectedByOs: boolean;
}

/** Largest .p12 we accept (real ones are a few kB). */
const MAX_P12_BYTES = 512 * 1024;

/** The sealing identity (created on first use, named after the facilitator and client). */
export function loadSealIdentity(agreement: Agreement): Promise<SealIdentityView> {
  return getSealingIdentity({ commonName: agreement.workshop.facilitator.trim().slice(0, 200), organisation: agreement.workshop.client.trim().slice(0, 200) });
}

/** Replaces the sealing certificate; a wrong passphrase or file throws with the reason and changes nothing. */
export async function importOwnCertificate(file: File, passphrase: string): Promise<string> {
  if (!/\.(p12|pfx)$/i.test(file.name)) throw new Error(`${file.name} is not a .p12 or .pfx certificate file.`);
  if (file.size > MAX_P12_BYTES) throw new Error(`${file.name} is too large to be a certificate.`);
  const { subject } = await importSealingCertificate(await file.arrayBuffer(), passphrase);
  return subject;
}
