import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccord } from '../support/run-cli';
import { serializeAccordFile } from '../../shared/model/accord-file';
import { contentHash } from '../../shared/model/canonical';
import { readyAgreement, signedVersionOf } from '../fixtures/agreements';
import { sealVersions } from '../../electron/pdf/accord-seal';
import { testIdentities } from '../fixtures/accord-attacks/make-attacks';
import { pageCount, poppler } from './support/poppler';

// The command line prints with Debian's Chromium, like the harness.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-cli-e2e-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (...argv: string[]) => runAccord(dir, argv, { env: { ACCORD_DATA_DIR: join(dir, 'data') } });
// Signed versions travel sealed (an unsealed one reads as a draft); sealed here with the corpus's test key.
const sealed = (agreement: ReturnType<typeof readyAgreement>) => sealVersions([signedVersionOf(agreement)], testIdentities().installation);

describe('accord export and accord verify', () => {
  it('exports a draft as a sealed PDF marked "Draft, not signed" on every page, which verify accepts', async () => {
    const agreement = readyAgreement();
    await writeFile(join(dir, 'draft.accord'), serializeAccordFile(agreement, new Date()));
    const exported = await run('export', '--format', 'pdf', 'draft.accord', '--out', 'out/draft.pdf', '--paper', 'letter');
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/^Wrote out\/draft\.pdf: a draft \(version 1, not signed\), Letter, \d+ kB, sealed by “Dana Facilitator” \(self-signed\)\.\nSeal fingerprint \(SHA-256\): [0-9A-F:]{95}\n/);
    const path = join(dir, 'out', 'draft.pdf');
    const pages = poppler('pdftotext', ['-layout', path, '-']).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBe(pageCount(path));
    for (const page of pages) expect(page).toContain('Draft, not signed');
    const sig = poppler('pdfsig', [path]);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(poppler('pdfinfo', [path])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);

    const verified = await run('verify', 'out/draft.pdf', '--against', 'draft.accord');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('INTACT: The seal is intact and covers the whole document');
    expect(verified.out).toContain(`Content SHA-256 of the attached agreement (recomputed): ${contentHash(agreement)}\n  in the document's metadata (Subject): the same\n  printed on the pages (page text): yes, in full\n`);
    expect(verified.out).toContain('Origin: Sealed by this computer\n');
    expect(verified.out).toContain('The attached agreement matches the current draft of draft.accord (not a signed version). This compares content only; it says nothing about who sealed the PDF (see Origin).');
  });

  it('exports a signed file as its signed version, and verify fails with exit 1 once a byte changes', async () => {
    const agreement = readyAgreement();
    await writeFile(join(dir, 'signed.accord'), serializeAccordFile(agreement, new Date(), sealed(agreement)));
    expect((await run('export', '--format', 'pdf', 'signed.accord', '--out', 'signed.pdf')).code).toBe(0);
    const path = join(dir, 'signed.pdf');
    const text = poppler('pdftotext', [path, '-']);
    expect(text).toContain('Signed version 1');
    expect(text).not.toContain('Draft, not signed');
    const json = await run('verify', 'signed.pdf', '--against', 'signed.accord', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ status: 'intact', coversWholeFile: true, embedded: { versionNumber: 1, versionStatus: 'signed', hashMatches: true }, against: { version: 1 } });

    const bytes = await readFile(path);
    const at = bytes.indexOf('Signed version 1') > 0 ? bytes.indexOf('Signed version 1') : Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x01;
    await writeFile(join(dir, 'changed.pdf'), bytes);
    const changed = await run('verify', 'changed.pdf');
    expect(changed.code).toBe(1);
    expect(changed.out).toMatch(/^changed\.pdf\nNOT INTACT: /);
  });

  it('exports Markdown, the .accord JSON and the scoring rules', async () => {
    const agreement = readyAgreement();
    await writeFile(join(dir, 'a.accord'), serializeAccordFile(agreement, new Date(), sealed(agreement)));
    expect(await run('export', '--format', 'md', 'a.accord', '--out', 'a.md')).toMatchObject({ code: 0, out: 'Wrote a.md: signed version 1.\n' });
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toMatch(/^# /);
    expect(await run('export', '--format', 'json', 'a.accord', '--out', 'copy.accord')).toMatchObject({ code: 0, out: 'Wrote copy.accord: the agreement with 1 signed version.\n' });
    expect(JSON.parse(await readFile(join(dir, 'copy.accord'), 'utf8'))).toMatchObject({ format: 'accord', versions: [{ number: 1 }] });
    expect((await run('export', '--format', 'rules', 'a.accord', '--out', 'rules.csv')).code).toBe(0);
    expect((await readFile(join(dir, 'rules.csv'), 'utf8')).split('\n')[0]).toMatch(/^\ufeffType,Name,Field,Condition,Points,Cap,Note/); // with a BOM, so Excel reads it as UTF-8
  });

  it('refuses bad input with a message and writes nothing', async () => {
    await writeFile(join(dir, 'broken.accord'), '{"format":"accord","fileVersion":2,"agreement":');
    const broken = await run('export', '--format', 'pdf', 'broken.accord', '--out', 'broken.pdf');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^accord export: broken\.accord is not a valid agreement\. This file is not valid JSON/);
    expect(existsSync(join(dir, 'broken.pdf'))).toBe(false);
    expect((await run('export', '--format', 'docx', 'broken.accord', '--out', 'x')).code).toBe(2);
    await writeFile(join(dir, 'text.pdf'), 'not a pdf at all');
    const notPdf = await run('verify', 'text.pdf');
    expect(notPdf.code).toBe(1);
    expect(notPdf.out).toContain('NOT INTACT: ');
    expect((await run('verify', 'missing.pdf')).err).toMatch(/^accord verify: cannot read missing\.pdf/);
  });
});
