import { describe, expect, it } from 'vitest';
import { ACCORD_FILE_VERSION, parseAccordFile, serializeAccordFile } from '../../../shared/model/accord-file';
import { AGREEMENT_SCHEMA_VERSION } from '../../../shared/model/agreement';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';

const at = new Date('2026-11-23T10:00:00Z');

function fileWith(change: (file: Record<string, unknown> & { versions: Record<string, unknown>[] }) => void): string {
  const agreement = readyAgreement();
  const file = JSON.parse(serializeAccordFile(agreement, at, [signedVersionOf(agreement)])) as Record<string, unknown> & { versions: Record<string, unknown>[] };
  change(file);
  return JSON.stringify(file);
}

describe('.accord file', () => {
  it('round-trips the draft and its signed versions with their signatures', () => {
    const agreement = readyAgreement();
    const version = signedVersionOf(agreement);
    const text = serializeAccordFile(agreement, at, [version]);
    expect(JSON.parse(text)).toMatchObject({ format: 'accord', fileVersion: ACCORD_FILE_VERSION, exportedAt: '2026-11-23T10:00:00.000Z' });
    const parsed = parseAccordFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.agreement).toEqual(agreement);
    expect(parsed.versions).toEqual([version]);
    expect(parsed.versions[0]!.signatures.map((signature) => signature.name)).toEqual(['Person 1', 'Person 2']);
  });

  it('reads a version-1 file (the draft only) and a bare agreement', () => {
    const agreement = readyAgreement();
    const v1 = parseAccordFile(JSON.stringify({ format: 'accord', fileVersion: 1, exportedAt: at.toISOString(), agreement }));
    expect(v1).toEqual({ ok: true, agreement, versions: [] });
    expect(parseAccordFile(`\ufeff${JSON.stringify(agreement)}`)).toEqual({ ok: true, agreement, versions: [] });
  });

  it.each([
    ['empty', '', 'The file is empty.'],
    ['truncated', serializeAccordFile(readyAgreement(), at).slice(0, 500), /^This file is not valid JSON \(.+\); it may be truncated or not an Accord file\.$/],
    ['not an object', '[1, 2]', 'This is not an Accord agreement: expected a JSON object.'],
    ['another format', '{"format":"docx"}', 'This is not an Accord file (format "docx").'],
    ['a newer file version', JSON.stringify({ format: 'accord', fileVersion: ACCORD_FILE_VERSION + 1 }), `This file was written by a newer version of Accord (file version ${ACCORD_FILE_VERSION + 1}; this version reads up to ${ACCORD_FILE_VERSION}). Update Accord to open it.`],
    ['an unknown schema version', fileWith((file) => ((file.agreement as Record<string, unknown>).schemaVersion = AGREEMENT_SCHEMA_VERSION + 1)), /^This agreement was made by a newer version of Accord/],
    ['a damaged agreement', fileWith((file) => ((file.agreement as Record<string, unknown>).stages = 'none')), /^This agreement is damaged or incomplete: /],
    ['a signed version changed after signing', fileWith((file) => ((file.versions[0]!.agreement as { workshop: { client: string } }).workshop.client = 'Evil Corp')), 'Version 1 does not match the hash it was signed with: its content was changed after signing. The file was not imported.'],
    ['a signature for other content', fileWith((file) => ((file.versions[0]!.signatures as { contentHash: string }[])[1]!.contentHash = 'a'.repeat(64))), 'A signature on Version 1 (Person 2) was given for other content than the version\u2019s. The file was not imported.'],
    ['a signature missing', fileWith((file) => (file.versions[0]!.signatures as unknown[]).pop()), 'Version 1 is marked signed but Person 2 did not sign it.'],
    ['versions out of order', fileWith((file) => file.versions.push({ ...file.versions[0]! })), 'This Accord file is damaged: Version 1 is out of order.'],
    ['a version that is not signed', fileWith((file) => (file.versions[0]!.status = 'signing')), 'This Accord file is damaged: Version 1 is not a signed version.'],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const parsed = parseAccordFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
