import { describe, expect, it } from 'vitest';
import { diffAgreements } from '../../../shared/document/diff';
import { addSignature, isIntact, SigningError, signatories, startSigning } from '../../../shared/model/versions';
import { findTemplate } from '../../../shared/templates/templates';
import { readyAgreement } from '../../fixtures/agreements';

const png = 'data:image/png;base64,iVBORw0KGgo=';

describe('signing', () => {
  it('refuses to start signing an agreement that is not ready, saying how much is left', () => {
    expect(() => startSigning('w', 1, findTemplate('b2b-saas-mid-market')!.build(), 1)).toThrow(/^The agreement is not ready to sign: \d+ items need settling first\.$/);
  });
  it('collects each signatory in turn and locks the version when the last one signs', () => {
    const agreement = readyAgreement();
    let version = startSigning('w', 1, agreement, 100);
    expect(version).toMatchObject({ id: 'w:1', status: 'signing', signatures: [], lockedAt: null });
    const [first, second] = signatories(agreement);
    version = addSignature(version, { participantId: first!.id, method: 'drawn', image: png, signedAt: '2026-11-23T10:00:00Z', contentHash: version.contentHash }, 200);
    expect(version.status).toBe('signing');
    expect(version.signatures[0]).toMatchObject({ name: 'Person 1', title: 'Chief Marketing Officer', team: 'Executive sponsor', method: 'drawn' });
    version = addSignature(version, { participantId: second!.id, method: 'typed', image: png, signedAt: '2026-11-23T10:05:00Z', contentHash: version.contentHash }, 300);
    expect(version).toMatchObject({ status: 'signed', lockedAt: 300 });
    expect(() => addSignature(version, { participantId: second!.id, method: 'typed', image: png, signedAt: 'x', contentHash: version.contentHash }, 400)).toThrow('Version 1 is already signed and locked.');
  });
  it.each([
    ['someone who does not sign', { participantId: 'person-marketing' }, 'Only the participants chosen to sign can sign.'],
    ['other content', { contentHash: 'f'.repeat(64) }, 'This signature is for other content than the version being signed.'],
    ['no image', { image: 'javascript:alert(1)' }, 'The signature image is missing or too large.'],
  ])('refuses a signature from %s', (_label, change, message) => {
    const version = startSigning('w', 1, readyAgreement(), 1);
    expect(() => addSignature(version, { participantId: 'person-cmo', method: 'drawn', image: png, signedAt: 'x', contentHash: version.contentHash, ...change }, 2)).toThrow(new SigningError(message));
  });
  it('detects content that no longer matches its hash', () => {
    const version = startSigning('w', 1, readyAgreement(), 1);
    expect(isIntact(version)).toBe(true);
    expect(isIntact({ ...version, agreement: { ...version.agreement, workshop: { ...version.agreement.workshop, client: 'Evil Corp' } } })).toBe(false);
  });
});

describe('amendment diff', () => {
  it('says what changed in the facilitator’s words', () => {
    const before = readyAgreement();
    const after = readyAgreement();
    after.scoring.mqlRule.minFitGrade = 'A';
    after.reasons.push({ ...after.reasons[0]!, id: 'reason-new', code: 'NO-BUDGET-2', label: 'No budget', consensus: after.reasons[0]!.consensus });
    after.commitments.find((commitment) => commitment.kind === 'first-touch')!.target = 2;
    after.revenuePlan.winRate = 30;
    after.stages.find((stage) => stage.kind === 'sal')!.maxDays = 7;
    after.kpis.splice(0, 1);
    // 30 % win: 1.2 m / 24 k = 50 deals / 30 % = 166.7 opps / 80 % / 50 % / 70 % = 595.2 MQLs / 3 months = 198.4 → 199
    expect(diffAgreements(before, after).map((change) => `${change.section}: ${change.text}`)).toEqual([
      'revenue: Win rate: 25 % → 30 %',
      'vocabulary: Stage “SAL”: longest time (days) 10 → 7',
      'scoring: MQL rule: fit ≥ B → fit ≥ A',
      'handoff: MQLs delivered: 239 MQLs per month (from the plan) → 199 MQLs per month (from the plan)',
      'handoff: First touch after MQL: 4 → 2 business hours per lead',
      'reasons: Reason code “No budget” added',
      'cadence: KPI “Lead and MQL volume” removed',
    ]);
  });
  it('finds nothing between equal agreements', () => {
    expect(diffAgreements(readyAgreement(), readyAgreement())).toEqual([]);
  });
});
