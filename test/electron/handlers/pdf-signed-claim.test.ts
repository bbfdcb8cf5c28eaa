import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedContext } from '../../../electron/handlers/pdf';
import { createHandlers } from '../../../electron/handlers/index';
import { createNodeHost } from '../../../electron/hosts/node-host';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { historyOf, exportSubject, type SubjectVersion } from '../../../shared/document/subject';
import type { Agreement } from '../../../shared/model/agreement';
import { sha256Hex, canonicalJson } from '../../../shared/model/canonical';
import { stampPositionHashes } from '../../../shared/migrations/position-hashes';
import { withPosition } from '../../../shared/model/consensus';
import { itemContentHash } from '../../../shared/model/sections';
import { readyAgreement, signaturePng } from '../../fixtures/agreements';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'accord-signed-claim-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The hash computed here, from the canonical JSON, not by the code under test's contentHash. */
const hashOf = (agreement: Agreement) => sha256Hex(canonicalJson(agreement));

/** What a renderer sends for a signed version: every signatory's signature claiming `claimed` as the content hash. */
function signedContext(agreement: Agreement, claimed = hashOf(agreement), number = 1) {
  const signatures = agreement.participants.filter((person) => person.signs).map((person) => ({ name: person.name, title: person.title, team: 'Executive sponsor', method: 'typed' as const, image: signaturePng, signedAt: '2026-11-23T10:00:00.000Z', contentHash: claimed }));
  return { versionNumber: number, status: 'signed' as const, signatures, history: [{ version: number, status: 'Signed', signedBy: signatures.map((entry) => entry.name).join(', '), lockedAt: '2026-11-23T10:05:00.000Z', contentHash: claimed }], generatedAt: '2026-11-23T11:00:00.000Z' };
}

async function exportThroughMain(agreement: Agreement, context: ReturnType<typeof signedContext> | Record<string, unknown>) {
  const host = createNodeHost({ appVersion: '9.9.9', userDataDir: dir, saveDir: join(dir, 'saved') });
  const dispatch = createDispatcher(createHandlers(host));
  const result = await dispatch('pdf:export-agreement', { suggestedName: 'Agreement', paper: 'A4', agreement, context });
  const saved = await readdir(join(dir, 'saved')).catch(() => []);
  return { result, saved };
}

describe('main checks a signed version before sealing it (issue 13: the renderer is untrusted)', () => {
  it('accepts a signed version whose every signature is for its own canonical hash', () => {
    const agreement = stampPositionHashes(readyAgreement());
    expect(() => checkedContext(agreement, signedContext(agreement))).not.toThrow();
  });

  it('refuses signatures for other content: the content was changed after signing (25 % → 22 %)', async () => {
    const signedFor = stampPositionHashes(readyAgreement());
    const changed = structuredClone(signedFor);
    changed.revenuePlan.winRate = 22;
    const { result, saved } = await exportThroughMain(changed, signedContext(changed, hashOf(signedFor)));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.message).toMatch(/^Exporting the PDF failed: The signature of Person 1 is for other content \(SHA-256 [0-9a-f]{12}…\) than version 1 \(SHA-256 [0-9a-f]{12}…\); nothing was exported\.$/);
    expect(saved).toEqual([]);
  });

  it('refuses a "signed" version whose signatures were recomputed for changed content, because its items are not agreed for that content', async () => {
    const changed = stampPositionHashes(readyAgreement());
    changed.revenuePlan.winRate = 22;
    const { result, saved } = await exportThroughMain(changed, signedContext(changed));
    expect(result.ok ? '' : result.error.message).toBe('Exporting the PDF failed: Version 1 is presented as signed, but an item is not agreed for the content it has: The revenue plan. Nothing was exported.');
    expect(saved).toEqual([]);
  });

  it('refuses a signed version with no signature, a history that records another hash, and a draft carrying signatures', () => {
    const agreement = stampPositionHashes(readyAgreement());
    expect(() => checkedContext(agreement, { ...signedContext(agreement), signatures: [] })).toThrow('Version 1 is presented as signed but carries no signature; nothing was exported.');
    const other = 'f'.repeat(64);
    expect(() => checkedContext(agreement, { ...signedContext(agreement), history: [{ version: 1, status: 'Signed', signedBy: '', lockedAt: '', contentHash: other }] })).toThrow(/^Version 1's history records SHA-256 ffffffffffff…, but the content sent is [0-9a-f]{12}…; nothing was exported\.$/);
    expect(() => checkedContext(agreement, { ...signedContext(agreement), status: 'draft' })).toThrow('A draft carries no signatures: the signatures sent with it were refused and nothing was exported.');
  });

  it('refuses an earlier version cited on the audit page that is not the content its history records', () => {
    const version1 = stampPositionHashes(readyAgreement());
    const version2 = structuredClone(version1);
    version2.recycling.rule = `${version2.recycling.rule} Reviewed.`;
    // Both sides agree the new rule, for its new content.
    const ruleHash = itemContentHash(version2, { section: 'reasons', id: 'recycling' })!;
    version2.recycling.consensus = withPosition(withPosition(version2.recycling.consensus, 'marketing', 'agree', ruleHash), 'sales', 'agree', ruleHash);
    const v = (number: number, agreement: Agreement): SubjectVersion => ({ number, status: 'signed', agreement, contentHash: hashOf(agreement), signatures: [], lockedAt: 1, intact: true });
    const { context } = exportSubject(version2, [v(1, version1), v(2, version2)], true, '2026-11-23T11:00:00.000Z');
    const genuine = { ...context, signatures: signedContext(version2, hashOf(version2), 2).signatures };
    expect(context.earlier?.map((entry) => entry.number)).toEqual([1]);
    expect(() => checkedContext(version2, genuine)).not.toThrow();
    const forged = structuredClone(version1);
    forged.scoring.mqlRule.minFitGrade = 'D';
    expect(() => checkedContext(version2, { ...genuine, earlier: [{ number: 1, agreement: forged }] })).toThrow('Version 1, cited on the audit page, is not the content its history records; nothing was exported.');
    expect(historyOf([v(1, version1)])[0]!.contentHash).toBe(hashOf(version1));
  });
});
