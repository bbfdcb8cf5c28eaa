import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../handlers/files';
import { createSelfSignedIdentity, describeP12, type SealingIdentity } from './certificate';

/** How secrets are kept at rest; Electron binds this to safeStorage (the OS keychain). */
export interface SecretProtector {
  /** True when the OS encrypts the secret (Electron safeStorage); false in the Node shell. */
  encrypted: boolean;
  protect(secret: string): Buffer;
  unprotect(data: Buffer): string;
}

/** Keeps secrets in a file readable by the user only; used where no OS keychain is available. */
export const plainFileProtector: SecretProtector = {
  encrypted: false,
  protect: (secret) => Buffer.from(secret, 'utf8'),
  unprotect: (data) => data.toString('utf8'),
};

/**
 * The sealing identity, kept in the app's data folder (never in IndexedDB):
 * the PKCS#12 file and its passphrase, protected by the OS keychain where
 * available. Created on first use, named after the facilitator and client.
 */
export class IdentityStore {
  constructor(
    private readonly folder: string,
    private readonly protector: SecretProtector,
  ) {}

  private get p12Path() {
    return join(this.folder, 'seal.p12');
  }

  private get secretPath() {
    return join(this.folder, 'seal.secret');
  }

  /**
   * The identity, created (self-signed) on first use. An identity that exists
   * but cannot be opened is never replaced silently (it may be the person's
   * own certificate): that is an error with what to do.
   */
  async get(names: { commonName: string; organisation: string }): Promise<SealingIdentity> {
    let p12: Buffer;
    try {
      p12 = await readFile(this.p12Path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const passphrase = randomBytes(24).toString('base64url');
      const identity = createSelfSignedIdentity({ ...names, passphrase });
      await this.store(identity.p12, passphrase, false);
      return identity;
    }
    try {
      const passphrase = this.protector.unprotect(await readFile(this.secretPath));
      const { subject } = describeP12(p12, passphrase);
      const imported = await readFile(join(this.folder, 'seal.imported')).then(() => true, () => false);
      return { p12, passphrase, subject, selfSigned: !imported };
    } catch (error) {
      throw new Error(`The sealing certificate in ${this.folder} cannot be opened (${error instanceof Error ? error.message : String(error)}). Import your certificate again, or delete that folder to have Accord create a new one.`, { cause: error });
    }
  }

  /** Replaces the identity with the person's own .p12 (checked first; a wrong passphrase changes nothing). */
  async importP12(p12: Buffer, passphrase: string): Promise<{ subject: string }> {
    const { subject } = describeP12(p12, passphrase);
    await this.store(p12, passphrase, true);
    return { subject };
  }

  private async store(p12: Buffer, passphrase: string, imported: boolean): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.p12Path, p12);
    await writeFileAtomic(this.secretPath, this.protector.protect(passphrase));
    await chmod(this.p12Path, 0o600).catch(() => undefined);
    await chmod(this.secretPath, 0o600).catch(() => undefined);
    if (imported) await writeFileAtomic(join(this.folder, 'seal.imported'), 'imported');
    else await rm(join(this.folder, 'seal.imported'), { force: true });
  }
}
