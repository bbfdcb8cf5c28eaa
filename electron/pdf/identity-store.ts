import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FINGERPRINT_PATTERN } from '../../shared/model/seal-origin';
import { z } from '../../shared/model/zod';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretProtector } from '../handlers/host';
import { createSelfSignedIdentity, describeP12, type SealingIdentity } from './certificate';

/** Keeps secrets in a file readable by the user only; used where no OS keychain is available. */
export const plainFileProtector: SecretProtector = {
  encrypted: false,
  protect: (secret) => Buffer.from(secret, 'utf8'),
  unprotect: (data) => data.toString('utf8'),
};

/** The names a new self-signed certificate carries: the consultant (CN) and, when given, the consultant's firm (O). Never the client. */
export interface SealingNames {
  commonName: string;
  organisation?: string;
}

/** The one file of an identity: the PKCS#12, its protected passphrase and the certificate's fingerprint, written in one atomic step. */
const IdentityFileSchema = z.object({
  format: z.literal('accord-sealing-identity'),
  version: z.literal(1),
  /** The PKCS#12 bundle, base64. */
  p12: z.string().check(z.maxLength(1_500_000)),
  /** The passphrase as the SecretProtector protected it, base64. */
  secret: z.string().check(z.maxLength(100_000)),
  imported: z.boolean(),
  /** In the clear so any shell of this computer can tell its own seals without opening the key. */
  fingerprint: z.string().check(z.regex(FINGERPRINT_PATTERN)),
  subject: z.string().check(z.maxLength(1000)),
  createdAt: z.string().check(z.maxLength(40)),
});

type IdentityFile = z.output<typeof IdentityFileSchema>;

/** Options for tests: a smaller key makes a first identity fast. */
export interface IdentityStoreOptions {
  bits?: number;
  now?: () => Date;
}

/**
 * The sealing identity, kept in the app's data folder (never in IndexedDB):
 * the PKCS#12 file and its passphrase, protected by the OS keychain where
 * available, in one file (`seal.json`) written in one step. Created on first
 * use, named after the consultant.
 *
 * Earlier versions wrote `seal.p12` and `seal.secret` one after the other;
 * two first exports at once could leave one identity's p12 beside another's
 * passphrase, after which every export failed. Now the first identity is
 * written to a temporary file and hard-linked into place, which fails if
 * another store (another window, another process) got there first: the
 * loser uses the winner's identity, so every PDF is sealed by the one that
 * stays. The old two-file layout is still read.
 */
export class IdentityStore {
  constructor(
    private readonly folder: string,
    private readonly protector: SecretProtector,
    private readonly options: IdentityStoreOptions = {},
  ) {}

  private get filePath() {
    return join(this.folder, 'seal.json');
  }

  private get legacyP12Path() {
    return join(this.folder, 'seal.p12');
  }

  private get legacySecretPath() {
    return join(this.folder, 'seal.secret');
  }

  /**
   * The identity, created (self-signed) on first use. An identity that exists
   * but cannot be opened is never replaced silently (it may be the person's
   * own certificate): that is an error with what to do.
   */
  async get(names: SealingNames): Promise<SealingIdentity> {
    const existing = await this.open();
    if (existing) {
      // An identity of the old two-file layout is copied into seal.json once (its files stay), so the other
      // shell and the CLI can tell its seals by fingerprint without this shell's keychain.
      if (!(await this.readFile().catch(() => null))) await this.publish(existing, !existing.selfSigned, true).catch(() => false);
      return existing;
    }
    const identity = this.create(names);
    if (await this.publish(identity, false)) return identity;
    // Another store published first: seal with the identity that stays.
    const winner = await this.open();
    if (!winner) throw new Error(`The sealing certificate in ${this.folder} disappeared while it was being created. Export again.`);
    return winner;
  }

  /**
   * The fingerprint of this folder's identity without creating one, and
   * without the key where the new layout keeps it in the clear; null when
   * there is none or it cannot be read (another shell's keychain).
   */
  async fingerprint(): Promise<string | null> {
    return (await this.peek())?.fingerprint ?? null;
  }

  /** The fingerprint and subject of this folder's identity, read as `fingerprint()` reads it; null when there is none. */
  async peek(): Promise<{ fingerprint: string; subject: string } | null> {
    const file = await this.readFile().catch(() => null);
    if (file) return { fingerprint: file.fingerprint, subject: file.subject };
    try {
      const legacy = await this.openLegacy();
      return legacy ? { fingerprint: legacy.fingerprint, subject: legacy.subject } : null;
    } catch {
      return null;
    }
  }

  /** Replaces the identity with the person's own .p12 (checked first; a wrong passphrase changes nothing). */
  async importP12(p12: Buffer, passphrase: string): Promise<{ subject: string; fingerprint: string }> {
    const { subject, fingerprint } = describeP12(p12, passphrase);
    await this.replace({ p12, passphrase, subject, fingerprint, selfSigned: false }, true);
    return { subject, fingerprint };
  }

  /**
   * Makes a new self-signed identity and uses it from now on. The previous
   * one is kept beside it (`seal.previous-<fingerprint>.json`), never
   * deleted: PDFs it sealed stay verifiable and it can be restored by hand.
   */
  async renew(names: SealingNames): Promise<{ identity: SealingIdentity; previous: { fingerprint: string; subject: string } | null }> {
    const previous = await this.open().catch(() => null);
    const identity = this.create(names);
    await this.replace(identity, false);
    return { identity, previous: previous ? { fingerprint: previous.fingerprint, subject: previous.subject } : null };
  }

  private create(names: SealingNames): SealingIdentity {
    const passphrase = randomBytes(24).toString('base64url');
    return createSelfSignedIdentity({ ...names, passphrase, ...(this.options.bits ? { bits: this.options.bits } : {}) });
  }

  private fileFor(identity: SealingIdentity, imported: boolean): string {
    const file: IdentityFile = {
      format: 'accord-sealing-identity',
      version: 1,
      p12: identity.p12.toString('base64'),
      secret: this.protector.protect(identity.passphrase).toString('base64'),
      imported,
      fingerprint: identity.fingerprint,
      subject: identity.subject,
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  }

  /** Writes the first identity only if there is none: true when this one is now the identity. */
  private async publish(identity: SealingIdentity, imported: boolean, fromLegacy = false): Promise<boolean> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const temporary = join(this.folder, `.seal.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, this.fileFor(identity, imported), { flush: true, mode: 0o600 });
      // An old-layout identity that appeared meanwhile (an older Accord) wins too.
      if (!fromLegacy && (await this.hasLegacy())) return false;
      await link(temporary, this.filePath);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** Replaces the identity on purpose (import, renew), keeping the previous file. */
  private async replace(identity: SealingIdentity, imported: boolean): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const previous = await readFile(this.filePath).catch(() => null);
    const previousFingerprint = await this.fingerprint();
    if (previous && previousFingerprint && previousFingerprint !== identity.fingerprint) {
      await writeFileAtomic(join(this.folder, `seal.previous-${previousFingerprint.slice(0, 16)}.json`), previous);
    }
    await writeFileAtomic(this.filePath, this.fileFor(identity, imported));
    await chmod(this.filePath, 0o600).catch(() => undefined);
  }

  private async readFile(): Promise<IdentityFile | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new Error('seal.json is not JSON');
    }
    const parsed = IdentityFileSchema.safeParse(data);
    if (!parsed.success) throw new Error('seal.json is not an Accord sealing identity');
    return parsed.data;
  }

  private async hasLegacy(): Promise<boolean> {
    return readFile(this.legacyP12Path).then(
      () => true,
      () => false,
    );
  }

  /** The identity of the old two-file layout, or null when there is none. */
  private async openLegacy(): Promise<SealingIdentity | null> {
    let p12: Buffer;
    try {
      p12 = await readFile(this.legacyP12Path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const passphrase = this.protector.unprotect(await readFile(this.legacySecretPath));
    const { subject, fingerprint } = describeP12(p12, passphrase);
    const imported = await readFile(join(this.folder, 'seal.imported')).then(
      () => true,
      () => false,
    );
    return { p12, passphrase, subject, selfSigned: !imported, fingerprint };
  }

  private async open(): Promise<SealingIdentity | null> {
    try {
      const file = await this.readFile();
      if (file) {
        const p12 = Buffer.from(file.p12, 'base64');
        const passphrase = this.protector.unprotect(Buffer.from(file.secret, 'base64'));
        const { subject, fingerprint } = describeP12(p12, passphrase);
        return { p12, passphrase, subject, selfSigned: !file.imported, fingerprint };
      }
      return await this.openLegacy();
    } catch (error) {
      throw new Error(`The sealing certificate in ${this.folder} cannot be opened (${error instanceof Error ? error.message : String(error)}). Import your certificate again, or delete that folder to have Accord create a new one.`, { cause: error });
    }
  }
}
