/**
 * Run in Node (not the test DOM, where pdf-lib's Uint8Array checks fail across realms):
 * `tsx seal-attack-pdfs.ts DATA_DIR OUT_DIR` writes own.pdf (sealed by the data
 * folder's identity, made if missing) and forged.pdf (a new self-signed
 * certificate with the same name, other terms: win rate 25 % → 5 %), and
 * fingerprints.json with both certificates' fingerprints.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { identityStoreFor, sealingNames } from '../../../electron/handlers/pdf';
import { createSelfSignedIdentity, type SealingIdentity } from '../../../electron/pdf/certificate';
import { createChromiumPrinter } from '../../../electron/pdf/chromium-printer';
import { exportAgreementPdf } from '../../../electron/pdf/export';
import { plainFileProtector } from '../../../electron/pdf/identity-store';
import type { Agreement } from '../../../shared/model/agreement';
import { readyAgreement } from '../../fixtures/agreements';

const [dataDir, outDir] = process.argv.slice(2);
if (!dataDir || !outDir) throw new Error('usage: seal-attack-pdfs.ts DATA_DIR OUT_DIR');
const printer = createChromiumPrinter(resolve(import.meta.dirname, '../../..'));
const context = { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z' };
const seal = (identity: SealingIdentity, agreement: Agreement) => exportAgreementPdf(agreement, context, { paper: 'A4', printToPdf: printer, identity });
try {
  const own = await identityStoreFor({ userDataDir: dataDir, secrets: plainFileProtector }).get(sealingNames('Dana Facilitator', undefined));
  const attacker = createSelfSignedIdentity({ commonName: 'Dana Facilitator', passphrase: 'attacker', bits: 1024 });
  const forged = readyAgreement();
  forged.revenuePlan.winRate = 5;
  await writeFile(join(outDir, 'own.pdf'), await seal(own, readyAgreement()));
  await writeFile(join(outDir, 'forged.pdf'), await seal(attacker, forged));
  await writeFile(join(outDir, 'fingerprints.json'), JSON.stringify({ own: own.fingerprint, attacker: attacker.fingerprint }));
} finally {
  await printer.close();
}
