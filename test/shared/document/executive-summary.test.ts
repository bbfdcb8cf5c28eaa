import { describe, expect, it } from 'vitest';
import { buildAgreementDocument, type Block, type DocumentContext } from '../../../shared/document/document';
import { renderHtml } from '../../../shared/document/html';
import { renderMarkdown } from '../../../shared/document/markdown';
import { exportSubject } from '../../../shared/document/subject';
import { readyAgreement, signedVersionOf } from '../../fixtures/agreements';

/** A signed version 1 of the SaaS template, as the app exports it. */
function signed() {
  const agreement = readyAgreement();
  const version = signedVersionOf(agreement);
  return exportSubject(agreement, [{ ...version, intact: true }], true, '2026-12-01T10:26:58.627Z');
}

const tables = (blocks: Block[]) => blocks.filter((block): block is Extract<Block, { kind: 'table' }> => block.kind === 'table');

describe('the executive summary (one page after the cover)', () => {
  it('says what an MQL is, the grade grid, the handoff, five commitments with targets, the weekly need and who signed', () => {
    const { agreement, context } = signed();
    const document = buildAgreementDocument(agreement, context);
    const summary = document.sections[0]!;
    expect(summary).toMatchObject({ id: 'executive-summary', title: 'Executive summary' });

    // The MQL sentence from the agreed thresholds (B ≥ 50, engagement 2 ≥ 25 in this template), written out here.
    const { scoring } = agreement;
    expect(scoring.mqlRule).toMatchObject({ minFitGrade: 'B', minEngagement: 2, fastTrackQualifies: true });
    expect(summary.blocks[0]).toEqual({ kind: 'paragraph', text: `An MQL is a lead with fit grade B or better (fit score ≥ ${scoring.fitThresholds.B} of 100) and engagement level 2 or higher (engagement score ≥ ${scoring.engagementThresholds[2]} of 100), or a lead that hits a fast-track trigger.` });

    const [grid, handoff, commitments, signers] = tables(summary.blocks);
    // A and B at engagement 4, 3 and 2 are MQLs: six cells.
    expect(grid!.rows).toEqual([
      ['A', 'A4 MQL', 'A3 MQL', 'A2 MQL', 'A1'],
      ['B', 'B4 MQL', 'B3 MQL', 'B2 MQL', 'B1'],
      ['C', 'C4', 'C3', 'C2', 'C1'],
      ['D', 'D4', 'D3', 'D2', 'D1'],
    ]);
    expect(handoff!.rows.map((row) => row[2])).toEqual(agreement.handoffs.map((entry) => entry.what));

    // Five of the seven, chosen by importance (volume, first touch, accept/reject, SQL acceptance, data), not by position.
    expect(agreement.commitments).toHaveLength(7);
    expect(commitments!.rows.map((row) => row[1])).toEqual(['MQLs delivered', 'First touch after MQL', 'Accept or reject MQLs', 'Accept or return SQLs', 'Handed-over leads with all required fields']);
    expect(commitments!.rows[1]![2]).toBe(`${agreement.commitments.find((entry) => entry.kind === 'first-touch')!.target} business hours per lead`);

    // The weekly need, independently: revenue → deals → opportunities → SQLs → SALs → MQLs → leads, over the period's weeks.
    const plan = agreement.revenuePlan;
    const mqls = plan.revenueTarget! / plan.averageDealSize! / (plan.winRate! / 100) / (plan.sqlToOpportunity! / 100) / (plan.salToSql! / 100) / (plan.mqlToSal! / 100);
    const facts = summary.blocks.find((block) => block.kind === 'facts') as Extract<Block, { kind: 'facts' }>;
    expect(facts.rows[0]).toEqual(['MQLs a week', Math.ceil(mqls / plan.periodWeeks!).toLocaleString('en-US')]);
    expect(facts.rows[1]).toEqual(['Leads a week', Math.ceil(mqls / (plan.leadToMql! / 100) / plan.periodWeeks!).toLocaleString('en-US')]);

    // Signed at 10:00 UTC on 23 Nov 2026: 11:00 in Berlin (the workshop's calendar), in winter time.
    expect(signers!.rows).toEqual(context.signatures.map((signature) => [signature.name, signature.title, signature.team, '23 Nov 2026, 11:00 CET']));
  });

  it('lists agreed commitments before one that is not, and says so', () => {
    const agreement = readyAgreement();
    agreement.commitments[0]!.consensus = { proposedBy: 'marketing', marketing: 'agree', sales: 'pending', state: 'parked', notes: 'Wait for the plan.' };
    const document = buildAgreementDocument(agreement, { versionNumber: 1, status: 'draft', signatures: [], history: [], generatedAt: '2026-12-01T10:00:00Z' });
    const [, , commitments] = tables(document.sections[0]!.blocks);
    // The parked volume commitment drops behind the agreed ones (five of six agreed fill the list) and is not presented as agreed.
    expect(commitments!.rows[0]![1]).toBe('First touch after MQL');
    expect(commitments!.rows.map((row) => row[1])).not.toContain('MQLs delivered');
    expect(document.sections[0]!.blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'Not signed: this is a draft.' });
  });

  it('comes right after the cover in the print view and right after the title in Markdown', () => {
    const { agreement, context } = signed();
    const document = buildAgreementDocument(agreement, context as DocumentContext);
    const html = renderHtml(document);
    const cover = html.indexOf('<div class="cover">');
    const summary = html.indexOf('<section id="executive-summary">');
    expect(cover).toBeGreaterThan(0);
    expect(summary).toBeGreaterThan(cover);
    expect(html.indexOf('<section id="workshop">')).toBeGreaterThan(summary);
    expect(html.slice(cover, summary)).not.toContain('<section');
    // The grade grid is marked so print fills its MQL cells (the same grid as the scoring part's).
    const summaryHtml = html.slice(summary, html.indexOf('<section id="workshop">'));
    expect(summaryHtml.match(/<td class="mql">[A-D][1-4] MQL<\/td>/g)).toHaveLength(6);

    const markdown = renderMarkdown(document);
    const lines = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(lines[0]).toBe('## Executive summary');
    expect(lines[1]).toMatch(/^## 1\\?\. Workshop and people$/);
    expect(markdown).toContain('| B | B4 MQL | B3 MQL | B2 MQL | B1 |');
    expect(markdown).toContain('| Marketing | MQLs delivered | ');
  });
});
