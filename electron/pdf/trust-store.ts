import { readFile } from 'node:fs/promises';
import type { SealOrigin } from '../../shared/model/seal-origin';
import { FingerprintSchema, MAX_TRUSTED_SEALS, SealNameSchema, TrustedSealsFileSchema, type PreviousOwnSeal, type TrustedSeal, type TrustedSealsFile } from '../../shared/model/trusted-seals';
import { writeFileAtomic } from '../fs/atomic-write';

/** The trusted-seals file cannot be read: the message says where it is and what to do; the file is left as it is. */
export class TrustStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TrustStoreError';
  }
}

/** What the store needs to know about this computer's own seals. */
export interface OwnSeals {
  /** Fingerprints of this computer's current sealing certificates (one per shell's folder), without creating any. */
  current(): Promise<string[]>;
}

const emptyFile = (): TrustedSealsFile => ({ format: 'accord-trusted-seals', version: 1, trusted: [], previousOwn: [] });

/**
 * Like SSH's known hosts, for seals: which certificate fingerprints are this
 * computer's own, and which the person chose to trust, under a name and a
 * date. Kept in the app's data folder as JSON, validated on every read; a file
 * that fails is never overwritten (nothing the person trusted is lost), and
 * every call that needs it says which file and what to do.
 */
export class TrustStore {
  // Writes of one store wait for each other, so two quick clicks never drop one.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly own: OwnSeals,
    private readonly today: () => string,
  ) {}

  /** Who made a seal, by its certificate's fingerprint. Throws TrustStoreError when the file is damaged. */
  async describe(fingerprint: string): Promise<SealOrigin> {
    const wanted = normalise(fingerprint);
    if (wanted === null) return { kind: 'unknown' };
    if ((await this.own.current()).includes(wanted)) return { kind: 'this-computer' };
    const file = await this.read();
    if (file.previousOwn.some((seal) => seal.fingerprint === wanted)) return { kind: 'this-computer' };
    const trusted = file.trusted.find((seal) => seal.fingerprint === wanted);
    return trusted ? { kind: 'trusted', name: trusted.name, trustedOn: trusted.trustedOn } : { kind: 'unknown' };
  }

  /** The seals the person trusts, in the order they were added. */
  async list(): Promise<TrustedSeal[]> {
    return (await this.read()).trusted;
  }

  /** This computer's earlier sealing certificates (replaced by a renewal or an import). */
  async previousOwn(): Promise<PreviousOwnSeal[]> {
    return (await this.read()).previousOwn;
  }

  /**
   * Trusts a seal under a name, from today. Trusting it again renames it and
   * moves the date. This computer's own seal needs no trust and is refused.
   */
  async trust(fingerprint: string, name: string): Promise<TrustedSeal> {
    const parsedFingerprint = FingerprintSchema.safeParse(fingerprint);
    if (!parsedFingerprint.success) throw new TrustStoreError(parsedFingerprint.error.issues[0]?.message ?? 'This is not a SHA-256 fingerprint.');
    const parsedName = SealNameSchema.safeParse(name);
    if (!parsedName.success) throw new TrustStoreError(parsedName.error.issues[0]?.message ?? 'The name is not valid.');
    const seal: TrustedSeal = { fingerprint: parsedFingerprint.data, name: parsedName.data, trustedOn: this.today() };
    return this.change(async (file) => {
      if ((await this.own.current()).includes(seal.fingerprint) || file.previousOwn.some((own) => own.fingerprint === seal.fingerprint)) {
        throw new TrustStoreError('This is this computer’s own seal: it is always recognised and needs no trust.');
      }
      const others = file.trusted.filter((entry) => entry.fingerprint !== seal.fingerprint);
      if (others.length >= MAX_TRUSTED_SEALS) throw new TrustStoreError(`The list already holds ${MAX_TRUSTED_SEALS} trusted seals; remove some first.`);
      return { result: seal, file: { ...file, trusted: [...others, seal] } };
    });
  }

  /** Stops trusting a seal; resolves with whether it was trusted. */
  async untrust(fingerprint: string): Promise<boolean> {
    const wanted = normalise(fingerprint);
    if (wanted === null) throw new TrustStoreError('This is not a SHA-256 fingerprint (64 hexadecimal digits).');
    return this.change(async (file) => {
      const remaining = file.trusted.filter((entry) => entry.fingerprint !== wanted);
      return { result: remaining.length !== file.trusted.length, file: { ...file, trusted: remaining } };
    });
  }

  /** Remembers one of this computer's certificates that is no longer used, so what it sealed still reads as this computer's. */
  async rememberPreviousOwn(seal: { fingerprint: string; subject: string }): Promise<void> {
    const wanted = normalise(seal.fingerprint);
    if (wanted === null) return;
    await this.change(async (file) => {
      const kept = file.previousOwn.filter((entry) => entry.fingerprint !== wanted).slice(-(MAX_TRUSTED_SEALS - 1));
      // A seal that is now this computer's own needs no separate trust.
      const trusted = file.trusted.filter((entry) => entry.fingerprint !== wanted);
      return { result: undefined, file: { ...file, trusted, previousOwn: [...kept, { fingerprint: wanted, subject: seal.subject.slice(0, 1000), until: this.today() }] } };
    });
  }

  private change<T>(update: (file: TrustedSealsFile) => Promise<{ result: T; file: TrustedSealsFile }>): Promise<T> {
    const run = this.queue.then(async () => {
      const { result, file } = await update(await this.read());
      await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(): Promise<TrustedSealsFile> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyFile();
      throw new TrustStoreError(`The list of trusted seals (${this.path}) cannot be read: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    }
    const advice = 'It was left as it is: repair it, or move it away to start an empty list.';
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new TrustStoreError(`The list of trusted seals (${this.path}) is not valid JSON. ${advice}`);
    }
    const parsed = TrustedSealsFileSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new TrustStoreError(`The list of trusted seals (${this.path}) is not one Accord can read (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown shape'}). ${advice}`);
    }
    return parsed.data;
  }
}

function normalise(fingerprint: string): string | null {
  const parsed = FingerprintSchema.safeParse(fingerprint);
  return parsed.success ? parsed.data : null;
}
