import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import type { SealingIdentity } from './certificate';

/** Seals a finalized PDF (with its placeholder) with a PKCS#7 detached signature over the whole file. */
export async function sealPdf(pdfWithPlaceholder: Buffer, identity: SealingIdentity): Promise<Buffer> {
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  return Buffer.from(await new SignPdf().sign(pdfWithPlaceholder, signer));
}
