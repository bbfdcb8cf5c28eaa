/**
 * `accord verify` on the PDF attack corpus (test/fixtures/pdf-attacks/): exit 1
 * and NOT INTACT for every attack, exit 0 and INTACT for the genuine export;
 * the hash lines say exactly what was compared.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../../support/run-cli';

const folder = resolve(import.meta.dirname, '..', '..', 'fixtures', 'pdf-attacks');
let data: string;
let manifest: { file: string; expected: 'intact' | 'not-intact' }[];
beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'accord-verify-attacks-'));
  manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')) as typeof manifest;
});
afterAll(async () => {
  await rm(data, { recursive: true, force: true });
});

const verify = (...argv: string[]) => runAccord(folder, ['verify', ...argv, '--data-dir', data]);

describe('accord verify on the attack corpus', () => {
  it('says INTACT with exit 0 for the genuine export, and which hashes it compared', async () => {
    const { code, out, err } = await verify('genuine.pdf');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^genuine\.pdf\nINTACT: The seal is intact and covers the whole document/);
    const hash = /Content SHA-256 of the attached agreement \(recomputed\): ([0-9a-f]{64})\n/.exec(out)?.[1];
    expect(hash).toBeDefined();
    expect(out).toContain("  in the document's metadata (Subject): the same\n");
    expect(out).toContain('  printed on the pages (page text): yes, in full\n');
    expect(out).toContain('  recorded in the attachment itself: the same\n');
    // The old claim compared the attachment with itself; it is gone.
    expect(out).not.toMatch(/Matches the hash printed in the document/);
  });

  it('says NOT INTACT with exit 1 for every attack in the corpus', async () => {
    const attacks = manifest.filter((entry) => entry.expected === 'not-intact');
    expect(attacks.length).toBeGreaterThanOrEqual(17);
    for (const entry of attacks) {
      const { code, out } = await verify(entry.file);
      expect(code, `${entry.file}\n${out}`).toBe(1);
      expect(out, entry.file).toMatch(new RegExp(`^${entry.file.replace(/\./g, '\\.')}\\nNOT INTACT: `));
    }
  }, 120_000);

  it('names what it found for signature wrapping, a second signature and a mismatched attachment', async () => {
    const wrapped = await verify('swa-wrapping.pdf');
    expect(wrapped.out).toMatch(/NOT INTACT: The seal is broken: its \/ByteRange leaves bytes \d+–\d+ unsigned, but its signature value sits at bytes \d+–\d+: \d+ bytes that are not the signature are left out of the seal/);
    // What the attacker's attachment says is never shown as the sealed agreement.
    expect(wrapped.out).not.toMatch(/Content SHA-256 of the attached agreement/);
    const second = await verify('second-signature.pdf', '--json');
    const json = JSON.parse(second.out) as { status: string; signatures: { field: string; valid: boolean; coversWholeFile: boolean }[] };
    expect(json.status).toBe('several-seals');
    expect(json.signatures).toEqual([expect.objectContaining({ field: 'Signature1', valid: true, coversWholeFile: false }), expect.objectContaining({ field: 'Signature2', valid: true, coversWholeFile: true })]);
    const mismatch = await verify('sealed-attachment-mismatch.pdf');
    expect(mismatch.code).toBe(1);
    expect(mismatch.out).toMatch(/ {2}in the document's metadata \(Subject\): DIFFERENT \([0-9a-f]{64}\)\n {2}printed on the pages \(page text\): NO\n {2}recorded in the attachment itself: the same\n/);
  }, 60_000);

  it('names the attachment it could not check: renamed key, an extra file, unparsable JSON (each validly sealed by the victim’s key)', async () => {
    const renamed = await verify('hidden-attachment-renamed-key.pdf');
    expect(renamed.code).toBe(1);
    expect(renamed.out).toContain('NOT INTACT: The seal is intact, but the file is not an intact Accord document: the sealed document’s attachment “agreement.json” (listed as “agreement.json\\u0000”) is not where an Accord PDF carries it');
    expect(renamed.out).toContain('Attached agreement: none checked\n');
    const extra = await verify('hidden-attachment-extra.pdf');
    expect(extra.code).toBe(1);
    expect(extra.out).toContain('the sealed document carries 2 attachments (“agreement.json”, “agreement-final.json”), but an Accord PDF carries exactly one');
    const unparsable = await verify('hidden-attachment-unparsable.pdf');
    expect(unparsable.code).toBe(1);
    expect(unparsable.out).toContain('the sealed document’s attachment agreement.json is not a readable Accord agreement, so its content cannot be checked against the document');
    // In a /Kids leaf, the attacker's agreement is found and compared: its hash is not the one the document prints.
    const kids = await verify('hidden-attachment-kids.pdf');
    expect(kids.code).toBe(1);
    expect(kids.out).toMatch(/ {2}in the document's metadata \(Subject\): DIFFERENT \([0-9a-f]{64}\)\n {2}printed on the pages \(page text\): NO\n/);
  }, 60_000);

  it('shows, for an update after sealing, the agreement the seal covers (not the update’s)', async () => {
    const genuine = await verify('genuine.pdf');
    const sealedHash = /\(recomputed\): ([0-9a-f]{64})/.exec(genuine.out)![1];
    const updated = await verify('isa-attachment.pdf');
    expect(updated.code).toBe(1);
    expect(updated.out).toMatch(/NOT INTACT: The seal covers only the first \d+ bytes: \d+ bytes were added after sealing \(an update\), so the seal does not cover the whole document/);
    expect(updated.out).toContain(`(recomputed): ${sealedHash}`);
  });
});
