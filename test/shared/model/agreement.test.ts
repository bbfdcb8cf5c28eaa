import { describe, expect, it } from 'vitest';
import { AgreementSchema, type Agreement } from '../../../shared/model/agreement';
import { readyAgreement } from '../../fixtures/agreements';
import { readiness, validateAgreement } from '../../../shared/model/agreement-rules';
import { withParked } from '../../../shared/model/consensus';
import { parseAgreement, parseAgreementJson } from '../../../shared/model/parse-agreement';
import { consensusItems, itemContentHash, sectionProgress, sections } from '../../../shared/model/sections';
import { blankAgreement, builtInTemplates, findTemplate } from '../../../shared/templates/templates';

describe('agreement schema', () => {
  it.each(builtInTemplates.map((template) => [template.id, template] as const))('template %s is a valid agreement covering all eleven parts', (_id, template) => {
    const agreement = template.build();
    expect(AgreementSchema.safeParse(agreement).success).toBe(true);
    const progress = sectionProgress(agreement);
    for (const section of sections.filter((entry) => entry.id !== 'workshop' && entry.id !== 'log')) expect(progress[section.id].total).toBeGreaterThan(0);
    expect(agreement.stages.map((stage) => stage.kind)).toEqual(['inquiry', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'nurture', 'disqualified']);
    expect(agreement.commitments.map((commitment) => commitment.kind)).toEqual(['mql-volume', 'first-touch', 'attempts', 'accept-reject', 'sql-accept', 'opportunity-update', 'data-completeness']);
    // Only what the room must fill in is missing: client, facilitator, dates, names.
    const problems = validateAgreement(agreement).map((issue) => issue.field);
    expect(new Set(problems)).toEqual(new Set(['client', 'facilitator', 'date', 'nextReviewDate', 'name', 'sponsor']));
  });
  it('a blank agreement is valid structurally', () => {
    expect(AgreementSchema.safeParse(blankAgreement('T', 'C')).success).toBe(true);
  });
  it('refuses a wrong enum, NaN, a bad date and an unknown stage kind', () => {
    const wrong = (edit: (agreement: Agreement) => void) => {
      const agreement = blankAgreement('T');
      edit(agreement);
      return AgreementSchema.safeParse(agreement).success;
    };
    expect(wrong((a) => ((a.revenuePlan as { headlineKpi: string }).headlineKpi = 'clicks'))).toBe(false);
    expect(wrong((a) => (a.revenuePlan.winRate = Number.NaN))).toBe(false);
    expect(wrong((a) => (a.workshop.date = '23/11/2026'))).toBe(false);
    expect(wrong((a) => a.stages.push({ ...findTemplate('b2b-saas-mid-market')!.build().stages[0]!, kind: 'lunch' as 'custom' }))).toBe(false);
  });
});

describe('reading agreements', () => {
  it('refuses a newer schema version with a message, never half-loading it', () => {
    const result = parseAgreement({ ...blankAgreement('T'), schemaVersion: 7 });
    expect(result).toEqual({ ok: false, message: 'This agreement was made by a newer version of Accord (schema 7; this version reads up to 1). Update Accord to open it.' });
  });
  it.each([
    [{ ...blankAgreement('T'), schemaVersion: 'one' }, 'This agreement has an unknown schema version ("one").'],
    [{ title: 'x' }, 'This is not an Accord agreement: it has no schemaVersion.'],
    [[1, 2], 'This is not an Accord agreement: expected a JSON object.'],
  ])('refuses %j', (data, message) => {
    expect(parseAgreement(data)).toEqual({ ok: false, message });
  });
  it('names the damaged field', () => {
    const data = { ...blankAgreement('T'), participants: [{ id: 'p', name: 3 }] };
    const result = parseAgreement(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^This agreement is damaged or incomplete: participants\.0\.name: /);
  });
  it('says a truncated file is not valid JSON', () => {
    const text = JSON.stringify(blankAgreement('T'));
    const result = parseAgreementJson(text.slice(0, text.length / 2));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^This file is not valid JSON .*; it may be truncated\.$/);
  });
});

describe('ready to sign', () => {
  it('is ready when every item is agreed and nothing is missing', () => {
    expect(readiness(readyAgreement())).toEqual({ ready: true, blockers: [] });
  });
  it('lists exactly what blocks it, with the section and item to go to', () => {
    const agreement = readyAgreement();
    agreement.stages[2]!.consensus = { ...agreement.stages[2]!.consensus, sales: 'disagree', state: 'disputed' };
    agreement.commitments[1]!.consensus = { ...agreement.commitments[1]!.consensus, marketing: 'pending', state: 'proposed' };
    agreement.revenuePlan.winRate = 0;
    expect(readiness(agreement)).toEqual({
      ready: false,
      blockers: [
        { section: 'revenue', itemId: 'revenue-plan', field: 'winRate', message: 'A win rate of 0 % or less means nothing ever converts; enter a rate above 0 %.' },
        { section: 'vocabulary', itemId: 'stage-sal', message: 'Stage “SAL” is disputed: sales disagrees. Agree on it or park it.' },
        { section: 'handoff', itemId: 'commit-first-touch', message: 'Commitment “First touch after MQL” is not agreed yet: waiting for marketing.' },
      ],
    });
  });
  it('counts a parked item as settled', () => {
    const agreement = readyAgreement();
    agreement.icp[0]!.consensus = withParked({ ...agreement.icp[0]!.consensus, sales: 'disagree', state: 'disputed' }, true, itemContentHash(agreement, { section: 'icp', id: agreement.icp[0]!.id })!);
    expect(readiness(agreement).ready).toBe(true);
  });
  it('needs both executive sponsors and a signatory', () => {
    const agreement = readyAgreement();
    agreement.participants = agreement.participants.map((person) => ({ ...person, sponsor: 'none', signs: false }));
    expect(readiness(agreement).blockers.map((blocker) => blocker.message)).toEqual([
      'Choose at least one participant who signs.',
      'Name the marketing executive sponsor (CMO).',
      'Name the sales executive sponsor (head of sales).',
    ]);
  });
  it('catches thresholds out of order and an impossible framework minimum', () => {
    const agreement = readyAgreement();
    agreement.scoring.fitThresholds.B = 80;
    agreement.scoring.framework.minimumMet = 9;
    expect(readiness(agreement).blockers.map((blocker) => blocker.message)).toEqual(['Each fit grade threshold must be above the next one.', 'Only 4 questions are listed; 9 cannot be met.']);
  });
  it('lists every consensus item of a template in agenda order', () => {
    const items = consensusItems(findTemplate('smb-product-led')!.build());
    const order = sections.map((section) => section.id);
    const indexes = items.map((item) => order.indexOf(item.section));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});

describe('one attribute, one way of reading it (the order of the ICP rules is in no item’s content)', () => {
  const withSecondRule = (match: Agreement['icp'][number]['match']) => {
    const agreement = readyAgreement();
    agreement.icp.push({ ...structuredClone(agreement.icp[0]!), id: 'icp-self', attribute: 'employees', label: 'Self-employed', match, effect: 'disqualifier', points: null });
    return agreement;
  };

  it('blocks signing when one attribute is read as a number by one rule and as text by another, in either order', async () => {
    const { compileScoring } = await import('../../../shared/engines/scoring/scoring');
    const matches: Agreement['icp'][number]['match'][] = [{ kind: 'in', values: ['0'] }, { kind: 'contains', text: 'self' }];
    for (const match of matches) {
      const agreement = withSecondRule(match);
      const reordered = structuredClone(agreement);
      reordered.icp.unshift(...reordered.icp.splice(reordered.icp.findIndex((criterion) => criterion.id === 'icp-self'), 1));
      for (const version of [agreement, reordered]) {
        const messages = readiness(version).blockers.map((blocker) => blocker.message);
        expect(messages.some((message) => /reads “employees” as (text|a number), but .* reads it as (a number|text): one attribute is read one way/.test(message))).toBe(true);
        // Never a crash, whichever rule comes first: a value of the other kind is unknown to a rule.
        const model = compileScoring(version, { asOf: '2026-12-01' });
        for (const employees of [200, '5000', 'self-employed']) expect(() => model.evaluate({ attributes: { region: 'DACH', employees, industry: 'Software', annualRevenue: 20_000_000 }, signals: {} })).not.toThrow();
      }
    }
  });

  it('lets a category list and a text match read the same attribute (both read text)', () => {
    const agreement = withSecondRule({ kind: 'contains', text: 'gmbh' });
    agreement.icp[agreement.icp.length - 1]!.attribute = agreement.icp.find((criterion) => criterion.match.kind === 'in')!.attribute;
    expect(validateAgreement(agreement).filter((issue) => issue.message.includes('one attribute is read one way'))).toEqual([]);
  });
});
