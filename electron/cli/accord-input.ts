import { resolve } from 'node:path';
import { trustStoreFor } from '../handlers/pdf';
import { defaultUserDataDir } from '../hosts/node-host';
import { readAccordFile, type ReadAccordFile } from '../pdf/accord-seal';
import { versionSealText } from '../../shared/model/accord-seal';
import { plainFileProtector } from '../pdf/identity-store';

/**
 * Reads an `.accord` file for a CLI command as the app imports it: its signed
 * versions count as signed only when every one keeps the signing rules and
 * carries a good seal (shared/model/accord-seal.ts); otherwise the file is
 * read as a draft and the warning is written to stderr. Who sealed it is
 * judged by the same trusted-seals file as the app, in the data folder.
 */
export async function readAccordForCli(text: string, io: { err(text: string): void; cwd: string; now(): Date; env?: Record<string, string | undefined> }, command: string, dataDirOption?: string): Promise<ReadAccordFile> {
  const env = io.env ?? process.env;
  const dataDir = resolve(io.cwd, dataDirOption ?? env.ACCORD_DATA_DIR ?? defaultUserDataDir(process.platform, env));
  const trust = trustStoreFor({ userDataDir: dataDir, secrets: plainFileProtector, now: io.now });
  const read = await readAccordFile(text, (fingerprint) => trust.describe(fingerprint));
  if (read.ok && read.warning) io.err(`accord ${command}: ${read.warning.message}\n`);
  // Who sealed each version, with the fingerprint (what the app's version history shows).
  if (read.ok) for (const check of read.checks) if (check.state === 'sealed') io.err(`accord ${command}: version ${check.number}: ${versionSealText(check)}\n`);
  return read;
}
