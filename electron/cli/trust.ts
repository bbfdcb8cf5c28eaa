/**
 * `accord trust`: the seals this computer trusts, like SSH's known hosts: the
 * same list as the app's Verify screen ("Trust this seal") and Settings → Seals.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFingerprint } from '../../shared/model/seal-origin';
import { trustStoreFor } from '../handlers/pdf';
import { defaultUserDataDir } from '../hosts/node-host';
import { plainFileProtector } from '../pdf/identity-store';
import { TrustStoreError } from '../pdf/trust-store';
import type { ExportIo } from './export-verify';

export const trustUsage = `  trust FINGERPRINT --name NAME          trust a seal's certificate (its SHA-256 fingerprint,
                                         as accord verify prints it): check it with its
                                         owner first; verify then says "sealed by NAME"
  trust --list | --remove FINGERPRINT    list the trusted seals, or stop trusting one
      [--data-dir DIR]                   (the same list as the app's Settings → Seals)
`;

/** `accord trust`. Resolves with the exit code: 0 done, 1 refused (with the reason), 2 bad command line. */
export async function trustCommand(args: string[], io: ExportIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' }, list: { type: 'boolean', default: false }, remove: { type: 'string' }, 'data-dir': { type: 'string' } } });
  const modes = [values.list, values.remove !== undefined, positionals.length > 0].filter(Boolean).length;
  if (modes !== 1 || positionals.length > 1 || (positionals.length === 1 && values.name === undefined)) {
    io.err(`accord trust: give one FINGERPRINT with --name, or --list, or --remove FINGERPRINT.\n\nUsage:\n${trustUsage}`);
    return 2;
  }
  const env = io.env ?? process.env;
  const dataDir = resolve(io.cwd, values['data-dir'] ?? env.ACCORD_DATA_DIR ?? defaultUserDataDir(process.platform, env));
  const store = trustStoreFor({ userDataDir: dataDir, secrets: plainFileProtector, now: io.now });
  try {
    if (values.list) {
      const seals = await store.list();
      if (seals.length === 0) io.out('No trusted seals.\n');
      for (const seal of seals) io.out(`${seal.name}\n  ${formatFingerprint(seal.fingerprint)}\n  trusted on ${seal.trustedOn}\n`);
      return 0;
    }
    if (values.remove !== undefined) {
      const removed = await store.untrust(values.remove);
      io.out(removed ? `No longer trusted: ${formatFingerprint(values.remove.replace(/[\s:]/g, '').toLowerCase())}.\n` : 'That seal was not trusted; nothing changed.\n');
      return 0;
    }
    const seal = await store.trust(positionals[0]!, values.name!);
    io.out(`Trusted “${seal.name}” (${formatFingerprint(seal.fingerprint)}) on ${seal.trustedOn}: accord verify and the app now say “Sealed by ${seal.name}” for it.\n`);
    return 0;
  } catch (error) {
    if (error instanceof TrustStoreError) {
      io.err(`accord trust: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
