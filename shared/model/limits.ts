/**
 * Every size limit on a file or a text the app reads or writes, in one place:
 * the renderer checks a picked file against it before reading it, main checks
 * a request against it, and every refusal states the limit from the number here
 * (formatSize), so a limit changed here changes its message too.
 *
 * Sizes are in binary units (1 kB = 1,024 bytes, 1 MB = 1,024 kB), the way the
 * logo refusal already counted kilobytes. A limit in characters of text is
 * compared with a JavaScript string's length (UTF-16 code units).
 */

const KB = 1024;
const MB = 1024 * KB;

/**
 * Largest logo file, in bytes: 2 MB. The logo is embedded as base64 in every
 * PDF's cover and header and in the presenter window; a crisp logo is a few
 * hundred kB, so 2 MB accepts any real one while keeping the PDF small.
 */
export const MAX_LOGO_BYTES = 2 * MB;

/**
 * Largest .accord file read, in bytes (and its text, in characters): 20 MB.
 * An .accord file is the agreement's JSON with its versions and their signature
 * images; a long-lived workshop stays far below, and a larger file is not one
 * Accord wrote (it is refused before it is read).
 */
export const MAX_ACCORD_FILE_BYTES = 20 * MB;

/**
 * Largest PDF verified, in bytes: 50 MB. A sealed Accord PDF is a few MB even
 * with charts and a logo; the file crosses to main as base64, so a bound keeps
 * a mistaken pick (a scanned contract, a video) from filling the memory.
 */
export const MAX_VERIFY_PDF_BYTES = 50 * MB;

/**
 * Largest text file the renderer may ask main to write (Markdown, .accord,
 * CSV of missed leads), in characters: 50 MB. The documents are far smaller;
 * the bound is what main accepts from a renderer it does not trust.
 */
export const MAX_SAVE_TEXT_CHARS = 50 * MB;

/**
 * Largest library file (a whole-library export or backup), in characters:
 * 200 MB. A library holds every workshop with its versions and signature
 * images (each at most 1.5 million characters) and the results of every
 * calibration and review (never rows); hundreds of workshops stay below.
 */
export const MAX_LIBRARY_FILE_CHARS = 200 * MB;

/**
 * Largest certificate file (.p12 / .pfx) read to seal PDFs, in bytes: 512 kB.
 * A certificate with its chain is a few kB; anything larger is not one.
 */
export const MAX_CERTIFICATE_BYTES = 512 * KB;

/** Characters of the base64 text of a file of `bytes` bytes (what crosses to main for a PDF or a logo). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * A limit as a refusal states it: "2 MB", "512 kB", "1.5 MB" (at most one
 * decimal, never rounded down to a smaller figure than the limit's own).
 */
export function formatSize(bytes: number): string {
  const [amount, unit] = bytes >= MB ? [bytes / MB, 'MB'] : [bytes / KB, 'kB'];
  return `${(Math.ceil(amount * 10) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

/** The refusal of an .accord file over MAX_ACCORD_FILE_BYTES (the library's Import and opening a file say the same). */
export function accordFileTooLargeMessage(fileName: string): string {
  return `${fileName} is larger than ${formatSize(MAX_ACCORD_FILE_BYTES)}; it is not an Accord file.`;
}
