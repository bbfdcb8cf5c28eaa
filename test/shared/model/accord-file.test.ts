import { describe, expect, it } from 'vitest';
import { ACCORD_FILE_VERSION, parseAccordFile, serializeAccordFile } from '../../../shared/model/accord-file';
import { AGREEMENT_SCHEMA_VERSION } from '../../../shared/model/agreement';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';
import { settleSignedVersions } from '../../../shared/model/accord-seal';
import { signedVersionProblems } from '../../../shared/model/versions';

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
    expect(parsed.claimedVersions).toEqual([version]);
    expect(parsed.claimedVersions[0]!.signatures.map((signature) => signature.name)).toEqual(['Person 1', 'Person 2']);
  });

  it('reads a version-1 file (the draft only) and a bare agreement', () => {
    const agreement = readyAgreement();
    const v1 = parseAccordFile(JSON.stringify({ format: 'accord', fileVersion: 1, exportedAt: at.toISOString(), agreement }));
    expect(v1).toEqual({ ok: true, agreement, claimedVersions: [] });
    expect(parseAccordFile(`\ufeff${JSON.stringify(agreement)}`)).toEqual({ ok: true, agreement, claimedVersions: [] });
  });

  it.each([
    ['empty', '', 'The file is empty.'],
    ['truncated', serializeAccordFile(readyAgreement(), at).slice(0, 500), /^This file is not valid JSON \(.+\); it may be truncated or not an Accord file\.$/],
    ['not an object', '[1, 2]', 'This is not an Accord agreement: expected a JSON object.'],
    ['another format', '{"format":"docx"}', 'This is not an Accord file (format "docx").'],
    ['a newer file version', JSON.stringify({ format: 'accord', fileVersion: ACCORD_FILE_VERSION + 1 }), `This file was written by a newer version of Accord (file version ${ACCORD_FILE_VERSION + 1}; this version reads up to ${ACCORD_FILE_VERSION}). Update Accord to open it.`],
    ['an unknown schema version', fileWith((file) => ((file.agreement as Record<string, unknown>).schemaVersion = AGREEMENT_SCHEMA_VERSION + 1)), /^This agreement was made by a newer version of Accord/],
    ['a damaged agreement', fileWith((file) => ((file.agreement as Record<string, unknown>).stages = 'none')), /^This agreement is damaged or incomplete: /],
    ['versions out of order', fileWith((file) => file.versions.push({ ...file.versions[0]! })), 'This Accord file is damaged: Version 1 is out of order.'],
    ['a version that is not signed', fileWith((file) => (file.versions[0]!.status = 'signing')), 'This Accord file is damaged: Version 1: status: Only signed versions travel in an .accord file. The file was not imported.'],
  ])('refuses %s with a clear message', (_label, text, message) => {
    const parsed = parseAccordFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('a claimed signed version is taken as signed only with a good seal and the signing rules (settleSignedVersions)', () => {
  const agreement = readyAgreement();
  const version = signedVersionOf(agreement);
  const sealedCheck = { number: 1, state: 'sealed' as const, fingerprint: 'ab'.repeat(32), certificateName: 'Dana', origin: { kind: 'this-computer' as const } };

  it('keeps every version when every one is sealed', () => {
    expect(settleSignedVersions([version], [sealedCheck])).toEqual({ versions: [version], checks: [sealedCheck], warning: null });
  });

  it.each([
    ['no check at all (a version main did not see)', [], 'version 1 is signed, but version 1 has no seal: nothing proves it was not changed after signing.'],
    ['a missing seal', [{ number: 1, state: 'missing' as const }], 'but version 1 has no seal'],
    ['a broken seal', [{ number: 1, state: 'broken' as const, reason: 'the version was changed after it was sealed' }], "but version 1's seal does not match it: the version was changed after it was sealed. Nothing"],
    ['a rule broken', [{ number: 1, state: 'rules' as const, problems: ['Version 1 holds two signatures for Person 1.'] }], 'but version 1 holds two signatures for Person 1. Nothing'],
  ])('keeps none, with the warning, on %s', (_label, checks, text) => {
    const settled = settleSignedVersions([version], checks);
    expect(settled.versions).toEqual([]);
    expect(settled.warning?.title).toBe('Imported as a draft, not as signed');
    expect(settled.warning?.message).toContain(text);
    expect(settled.warning?.message).toMatch(/Nothing in this workshop is signed: its signatures were not imported\. Check the agreement with both teams and sign it again\.$/);
  });

  it('keeps none when one of two is not sealed: a history with a hole would say what nobody signed', () => {
    const two = signedVersionOf(agreement, 2);
    const settled = settleSignedVersions([version, two], [sealedCheck, { number: 2, state: 'missing' }]);
    expect(settled.versions).toEqual([]);
    expect(settled.warning?.message).toMatch(/^The file says versions 1, 2 are signed, but version 2 has no seal/);
  });

  it('the signing rules name each attack (signedVersionProblems)', () => {
    const cmo = agreement.participants.find((person) => person.signs)!;
    const problems = signedVersionProblems({ ...version, signatures: [...version.signatures, { ...version.signatures[0]!, name: 'Mallory' }, { ...version.signatures[0]!, participantId: 'nobody', name: 'Eve' }] });
    expect(problems).toEqual([`A signature on Version 1 says “Mallory” but the signatory it is for is ${cmo.name}.`, `Version 1 holds two signatures for ${cmo.name}.`, 'A signature on Version 1 (Eve) is by someone who is not a signatory of it.']);
    expect(signedVersionProblems(version)).toEqual([]);
  });
});
