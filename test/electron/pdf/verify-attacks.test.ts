/**
 * The PDF attack corpus (test/fixtures/pdf-attacks/, made by
 * build/scripts/make-pdf-attacks.ts from genuine.pdf, a real Chromium export):
 * every attack is NOT INTACT, the genuine file and the shadow attacks'
 * prepared documents (as the victim sealed them) are INTACT, and poppler's
 * pdfsig agrees wherever it can judge.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attackIdentities, buildPdfAttacks, type PdfAttack } from '../../../build/scripts/pdf-attacks';
import { verifyPdf, type VerifyStatus } from '../../../electron/pdf/verify';

const folder = resolve(import.meta.dirname, '..', '..', 'fixtures', 'pdf-attacks');
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { file: string; family: string; expected: 'intact' | 'not-intact'; description: string }[];
const genuine = readFileSync(join(folder, 'genuine.pdf'));

/** What each file must be found to be (one home: the verdicts this corpus proves). */
const expectedStatus: Record<string, VerifyStatus> = {
  'isa-page-text': 'not-whole-document',
  'isa-attachment': 'not-whole-document',
  'isa-no-xref': 'not-whole-document',
  'append-bytes': 'not-whole-document',
  'swa-wrapping': 'modified',
  'usf-byterange-missing': 'damaged',
  'usf-byterange-empty': 'damaged',
  'usf-byterange-zero': 'damaged',
  'usf-byterange-overlap': 'damaged',
  'usf-contents-missing': 'damaged',
  'usf-contents-zeroed': 'modified',
  'usf-contents-zeroed-in-place': 'damaged',
  'shadow-hide-base': 'intact',
  'shadow-hide': 'not-whole-document',
  'shadow-replace-base': 'intact',
  'shadow-replace': 'not-whole-document',
  'shadow-hide-and-replace-base': 'intact',
  'shadow-hide-and-replace': 'not-whole-document',
  'sealed-attachment-mismatch': 'modified',
  'hidden-attachment-kids': 'modified',
  'hidden-attachment-renamed-key': 'modified',
  'hidden-attachment-extra': 'modified',
  'hidden-attachment-kids-loop': 'damaged',
  'hidden-attachment-unparsable': 'modified',
  'second-signature': 'several-seals',
};

/** pdfsig's verdict: intact only when it finds exactly one signature, valid, over the total document. */
function pdfsig(file: string): { judged: boolean; intact: boolean; output: string } {
  const run = spawnSync('pdfsig', [file], { encoding: 'utf8', timeout: 30_000 });
  const output = `${run.stdout}${run.stderr}`;
  const signatures = (output.match(/^Signature #\d+:/gm) ?? []).length;
  // pdfsig says "does not contain any signatures" for a file it finds none in: a judgement (not sealed), not a failure to judge.
  const judged = run.status === 0 && (signatures > 0 || /does not contain any signatures/.test(output));
  return { judged, intact: signatures === 1 && /Total document signed/.test(output) && /Signature Validation: Signature is Valid\./.test(output), output };
}

const hasPdfsig = spawnSync('pdfsig', ['-v'], { encoding: 'utf8' }).error === undefined;

let rebuilt: PdfAttack[];
beforeAll(async () => {
  const { victim, attacker } = attackIdentities();
  rebuilt = await buildPdfAttacks(genuine, victim, attacker);
}, 120_000);

describe('the PDF attack corpus', () => {
  it('is what the script makes from genuine.pdf, byte for byte, and lists every attack', () => {
    expect(rebuilt.map((attack) => `${attack.name}.pdf`)).toEqual(manifest.map((entry) => entry.file));
    for (const attack of rebuilt) {
      // A difference means the script (or pdf-lib, @signpdf) changed: `npm run fixtures:pdf-attacks` rewrites the corpus; review and commit it.
      expect(attack.bytes.equals(readFileSync(join(folder, `${attack.name}.pdf`))), `${attack.name}.pdf is not what the script makes`).toBe(true);
      expect(manifest.find((entry) => entry.file === `${attack.name}.pdf`)).toMatchObject({ family: attack.family, expected: attack.expected, description: attack.description });
    }
    expect(Object.keys(expectedStatus).sort()).toEqual(rebuilt.map((attack) => attack.name).sort());
    // Every family the issue names is there.
    expect(new Set(rebuilt.map((attack) => attack.family))).toEqual(new Set(['incremental-update', 'signature-wrapping', 'universal-signature-forgery', 'shadow', 'second-signature', 'hash-claim', 'hidden-attachment']));
  });

  it('finds the genuine export intact: one signature over the whole file, the hash in the metadata and on the pages', async () => {
    const result = await verifyPdf(genuine);
    expect(result.status).toBe('intact');
    expect(result.embedded).toMatchObject({ printedOnPages: true, hashMatches: true });
    expect(result.embedded?.metadataHash).toBe(result.embedded?.computedHash);
    // The hash the pages show, found independently: Chromium's text is in the page streams; the Subject is in the Info dictionary.
    const subject = /\/Subject\s*<FEFF([0-9A-F]+)>/.exec(genuine.toString('latin1'))![1]!;
    const swapped = Buffer.from(subject, 'hex');
    swapped.swap16();
    expect(swapped.toString('utf16le')).toContain(`Content SHA-256 ${result.embedded!.computedHash}`);
  });

  for (const entry of manifest) {
    const name = entry.file.replace(/\.pdf$/, '');
    it(`${entry.file} (${entry.family}) is ${entry.expected === 'intact' ? 'INTACT (what the victim sealed)' : 'NOT INTACT'}: ${expectedStatus[name]}`, async () => {
      const result = await verifyPdf(readFileSync(join(folder, entry.file)));
      expect(result.status, result.message).toBe(expectedStatus[name]);
      expect(result.status === 'intact').toBe(entry.expected === 'intact');
    });
  }
});

describe.skipIf(!hasPdfsig && !process.env.ACCORD_REQUIRE_PDFSIG)('the corpus against poppler’s pdfsig', () => {
  it('pdfsig calls the genuine export valid and “Total document signed”', () => {
    const verdict = pdfsig(join(folder, 'genuine.pdf'));
    expect(verdict.output).toMatch(/Total document signed/);
    expect(verdict.output).toMatch(/Signature is Valid/);
    expect(verdict.intact).toBe(true);
  });

  // The files pdfsig cannot judge: it checks the signature, not whether the attachment matches what the pages print,
  // nor which attachments an Accord document carries (each of these is validly sealed by the victim's key).
  const beyondPdfsig = new Set(['sealed-attachment-mismatch.pdf', 'hidden-attachment-kids.pdf', 'hidden-attachment-renamed-key.pdf', 'hidden-attachment-extra.pdf', 'hidden-attachment-kids-loop.pdf', 'hidden-attachment-unparsable.pdf']);
  for (const entry of manifest) {
    it(`agrees with pdfsig on ${entry.file}`, async () => {
      const verdict = pdfsig(join(folder, entry.file));
      const ours = (await verifyPdf(readFileSync(join(folder, entry.file)))).status === 'intact';
      if (beyondPdfsig.has(entry.file)) {
        expect(verdict.intact, verdict.output).toBe(true);
        expect(ours).toBe(false);
        return;
      }
      expect(verdict.judged, verdict.output).toBe(true);
      expect(ours, verdict.output).toBe(verdict.intact);
    });
  }

});
