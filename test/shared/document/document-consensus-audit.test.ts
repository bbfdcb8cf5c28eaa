import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { exportSubject, type SubjectVersion } from '../../../shared/document/subject';
import type { Agreement } from '../../../shared/model/agreement';
import { contentHash } from '../../../shared/model/canonical';
import { withPosition } from '../../../shared/model/consensus';
import { consensusItems, itemContentHash } from '../../../shared/model/sections';
import { stampPositionHashes } from '../../../shared/migrations/position-hashes';
import { readyAgreement } from '../../fixtures/agreements';

const signedVersion = (number: number, agreement: Agreement): SubjectVersion => ({ number, status: 'signed', agreement, contentHash: contentHash(agreement), signatures: [], lockedAt: 1_000 * number, intact: true });

describe('the audit page says which items are agreed on which version’s content (issue 13)', () => {
  it('an amendment: changed items agreed again on this version’s content, the rest agreed on version 1 content', () => {
    const version1 = stampPositionHashes(readyAgreement());
    const version2 = structuredClone(version1);
    version2.scoring.mqlRule.minFitGrade = 'A';
    const hash = itemContentHash(version2, { section: 'scoring', id: 'thresholds' })!;
    version2.scoring.consensus = withPosition(withPosition(version2.scoring.consensus, 'marketing', 'agree', hash), 'sales', 'agree', hash);
    const { agreement, context } = exportSubject(version2, [signedVersion(1, version1), signedVersion(2, version2)], true, '2026-11-23T11:00:00.000Z');
    const document = buildAgreementDocument(agreement, context);
    const total = consensusItems(version2).length;
    expect(document.consensusAudit).toEqual([
      [`Agreed on version 1 content (unchanged since): ${total - 1}`, expect.stringContaining('The revenue plan')],
      ['Agreed on this version’s content (version 2): 1', 'Grades and the MQL rule'],
    ]);
    expect(renderHtml(document)).toContain('Agreed on version 1 content (unchanged since)');
    expect(renderMarkdown(document)).toContain('Agreed on this version’s content (version 2): 1');
  });

  it('a draft amendment names the changed item as not agreed for its content; a first version has no such lines', () => {
    const version1 = stampPositionHashes(readyAgreement());
    const draft = structuredClone(version1);
    const firstTouch = draft.commitments.find((commitment) => commitment.kind === 'first-touch')!;
    firstTouch.target = 2;
    const { agreement, context } = exportSubject(draft, [signedVersion(1, version1)], false, '2026-11-23T11:00:00.000Z');
    const document = buildAgreementDocument(agreement, context);
    expect(document.consensusAudit).toContainEqual(['Not agreed for its content: 1', 'Commitment “First touch after MQL”']);
    const first = exportSubject(version1, [signedVersion(1, version1)], true, '2026-11-23T11:00:00.000Z');
    expect(buildAgreementDocument(first.agreement, first.context).consensusAudit).toEqual([]);
  });
});
