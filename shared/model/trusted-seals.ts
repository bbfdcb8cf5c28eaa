import { FINGERPRINT_PATTERN } from './seal-origin';
import { z } from './zod';

/**
 * The seals this computer knows, by certificate fingerprint (see
 * seal-origin.ts): the ones the person chose to trust, each under a name and
 * with the day they chose it, and this computer's own earlier seals (kept
 * when its certificate is renewed, so what it sealed before still reads as
 * "sealed by this computer"). One schema for the file main keeps, the IPC
 * contract and the screens.
 */

/** Longest name a trusted seal may carry. */
export const MAX_SEAL_NAME_CHARS = 120;

/** Most seals the list holds (a person trusts a handful; the cap keeps a damaged or hostile file small). */
export const MAX_TRUSTED_SEALS = 500;

/** A certificate's SHA-256 fingerprint, 64 lowercase hex (colons and upper case are accepted and normalised). */
export const FingerprintSchema = z.string({ error: 'The fingerprint must be text.' }).check(
  z.maxLength(200, { error: 'This is not a SHA-256 fingerprint.' }),
  z.overwrite((value) => value.replace(/[\s:]/g, '').toLowerCase()),
  z.regex(FINGERPRINT_PATTERN, { error: 'This is not a SHA-256 fingerprint (64 hexadecimal digits).' }),
);

// eslint-disable-next-line no-control-regex -- control characters are exactly what a name may not hold
const controlCharacters = /[\u0000-\u001f\u007f]/u;

/** The name a person gives a seal they trust: trimmed, 1–120 characters, no control characters. */
export const SealNameSchema = z.string({ error: 'The name must be text.' }).check(
  z.trim(),
  z.minLength(1, { error: 'Give the seal a name: who it belongs to.' }),
  z.maxLength(MAX_SEAL_NAME_CHARS, { error: `Keep the name under ${MAX_SEAL_NAME_CHARS + 1} characters.` }),
  z.refine((name) => !controlCharacters.test(name), { error: 'The name may not contain control characters.' }),
);

/** A day as YYYY-MM-DD. */
const DaySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** One seal the person chose to trust. */
export const TrustedSealSchema = z.object({
  fingerprint: FingerprintSchema,
  name: SealNameSchema,
  /** The day they chose to trust it (YYYY-MM-DD). */
  trustedOn: DaySchema,
});

/** One seal the person chose to trust. */
export type TrustedSeal = z.output<typeof TrustedSealSchema>;

/** One of this computer's earlier sealing certificates, replaced by a renewal or an import. */
export const PreviousOwnSealSchema = z.object({
  fingerprint: FingerprintSchema,
  subject: z.string().check(z.maxLength(1000)),
  /** The day it stopped being used (YYYY-MM-DD). */
  until: DaySchema,
});

/** One of this computer's earlier sealing certificates. */
export type PreviousOwnSeal = z.output<typeof PreviousOwnSealSchema>;

/** The file main keeps in the app's data folder (`trusted-seals.json`). */
export const TrustedSealsFileSchema = z.object({
  format: z.literal('accord-trusted-seals'),
  version: z.literal(1),
  trusted: z.array(TrustedSealSchema).check(z.maxLength(MAX_TRUSTED_SEALS)),
  previousOwn: z.array(PreviousOwnSealSchema).check(z.maxLength(MAX_TRUSTED_SEALS)),
});

/** The file main keeps in the app's data folder. */
export type TrustedSealsFile = z.output<typeof TrustedSealsFileSchema>;

/** A SealOrigin (seal-origin.ts) as it crosses the IPC bridge. */
export const SealOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('this-computer') }),
  z.object({ kind: z.literal('trusted'), name: z.string().check(z.maxLength(MAX_SEAL_NAME_CHARS)), trustedOn: DaySchema }),
  z.object({ kind: z.literal('unknown') }),
]);
