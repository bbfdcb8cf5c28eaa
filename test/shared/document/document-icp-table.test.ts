import { describe, expect, it } from 'vitest';
import { buildAgreementDocument } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { scoringRulesCsv } from '../../../shared/document/rules-sheet';
import { findTemplate } from '../../../shared/templates/templates';

const context = { versionNumber: 1, status: 'draft' as const, signatures: [], history: [], generatedAt: '2026-11-23T10:00:00.000Z' };

describe('the ICP table of the agreement document', () => {
  it('names each attribute by its display name, never by its machine key; the rules export keeps the keys', () => {
    const agreement = findTemplate('b2b-saas-mid-market')!.build();
    agreement.icp.find((criterion) => criterion.attribute === 'usesCrm')!.attributeDisplayName = 'CRM in place';
    // A criterion from before display names: its key's default name shows.
    delete agreement.icp.find((criterion) => criterion.attribute === 'annualRevenue')!.attributeDisplayName;
    const document = buildAgreementDocument(agreement, context);
    const table = document.sections.find((section) => section.id === 'icp')!.blocks[0]!;
    expect(table.kind).toBe('table');
    if (table.kind !== 'table') return;
    expect(table.rows.map((row) => row[1])).toEqual(['Region', 'Employees', 'Industry', 'Annual revenue', 'CRM in place', 'Company', 'Job title', 'E-mail domain']);
    const markdown = renderMarkdown(document);
    const html = renderHtml(document);
    for (const key of ['annualRevenue', 'usesCrm', 'emailDomain', 'jobTitle']) {
      expect(markdown).not.toContain(key);
      expect(html).not.toContain(key);
    }
    expect(markdown).toMatch(/\| Uses a CRM \| CRM in place \|/);
    expect(scoringRulesCsv(agreement)).toContain('usesCrm');
  });
});
