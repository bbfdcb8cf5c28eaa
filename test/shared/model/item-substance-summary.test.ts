import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { itemSubstance, itemSummary } from '../../../shared/model/item-substance';
import type { Agreement } from '../../../shared/model/agreement';
import { consensusItemKinds, consensusItems, type ConsensusItemKind } from '../../../shared/model/sections';
import { findTemplate } from '../../../shared/templates/templates';

const template = () => findTemplate('b2b-saas-mid-market')!.build();
const summaryOf = (agreement: Agreement, id: string) => itemSummary(agreement, consensusItems(agreement).find((item) => item.id === id)!);

describe('one line of what an item says, per kind (the compact table of a part)', () => {
  // One item of every kind of the B2B SaaS template, with the line written here from the template's own fields.
  const expected: Record<ConsensusItemKind, [string, string]> = {
    'revenue-plan': ['revenue-plan', 'EUR 1,200,000 per quarter · deals of EUR 24,000 · win rate 25 % · 4 SDRs'],
    stage: ['stage-sal', 'owner Inside sales (SDR/BDR) · at most 10 days · Sales accepted lead: inside sales agrees the lead is worth working and owns the follow-up.'],
    term: ['term-3', 'One logged call, personal e-mail or voicemail to the lead.'],
    criterion: ['icp-region', 'Region is one of DACH, Benelux, Nordics, UK & Ireland · must-have'],
    committee: ['buying-committee', '5 functions × 5 seniorities · 24 cells with points · SQL needs: decision maker'],
    signal: ['signal-pricingPageVisits', '+10 points · at most 30'],
    decay: ['decay', 'points halve every 30 days'],
    'fast-track': ['fast-contactSales', 'on “contactSales” · A “talk to sales” form goes to inside sales at once.'],
    thresholds: ['thresholds', 'fit A ≥ 75, B ≥ 50, C ≥ 25 · engagement 4 ≥ 75, 3 ≥ 50, 2 ≥ 25 · MQL: fit B or better and engagement 2 or more, or a fast track'],
    framework: ['framework', 'BANT · 3 of 4 questions met'],
    handoff: ['handoff-recycle', 'Rejected and recycled leads · through Nurture program by reason code · 2 required fields'],
    commitment: ['commit-first-touch', 'Inside sales (SDR/BDR) · First touch after MQL within 4 business hours · per lead'],
    reason: ['reason-unreachable', 'UNREACHABLE · recycle to nurture, only after the agreed attempts'],
    recycling: ['recycling', 're-entry after 90 days · Recycled leads go to the nurture program of their reason code. They may become MQLs again after the re-entry delay, and only by meeting the MQL rule with new engagement; a fast-track trigger re-enters them at once.'],
    kpi: ['kpi-quality', 'owner RevOps · Share of MQLs of a month that became SQLs within 60 days.'],
    meeting: ['meeting-monthly', 'monthly · owner RevOps · Every commitment against its target, reasons given, trend since last review, actions.'],
  };

  it.each(consensusItemKinds.map((kind) => [kind, ...expected[kind]] as const))('%s (%s)', (kind, id, line) => {
    const agreement = template();
    expect(consensusItems(agreement).find((item) => item.id === id)!.kind).toBe(kind);
    expect(summaryOf(agreement, id)).toBe(line);
  });

  it('every item of every template has a line, and an item that no longer exists has none', () => {
    for (const id of ['b2b-saas-mid-market', 'enterprise-field-sales', 'smb-product-led', 'professional-services']) {
      const agreement = findTemplate(id)!.build();
      for (const item of consensusItems(agreement)) expect(itemSummary(agreement, item)?.trim(), `${id} ${item.label}`).toMatch(/\S/);
    }
    expect(itemSummary(template(), { kind: 'criterion', id: 'icp-gone' })).toBeNull();
  });

  it('commitments: volume from the plan, at least a share, and a target not entered yet is said, never 0', () => {
    const agreement = produce(template(), (draft) => void (draft.commitments.find((commitment) => commitment.id === 'commit-accept')!.target = null));
    // 1,200,000 / 24,000 = 50 deals a quarter; / 25 % win → 200 opportunities; / 80 % → 250 SQLs; / 50 % → 500 SALs; / 70 % → 714.3 MQLs a quarter of 13 weeks → 714.3 / 13 × 52/12 = 238.1 → 239 a month.
    expect(summaryOf(agreement, 'commit-mql-volume')).toBe('Marketing · MQLs delivered: 239 MQLs per month (from the plan)');
    expect(summaryOf(agreement, 'commit-data')).toBe('Marketing · Handed-over leads with all required fields at least 95 % · per month');
    expect(summaryOf(agreement, 'commit-accept')).toBe('Inside sales (SDR/BDR) · Accept or reject MQLs: target not set · per lead');
  });

  it('criteria: a range, points, a disqualifier with points, the attribute by its display name, and an empty one', () => {
    const agreement = template();
    expect(summaryOf(agreement, 'icp-employees')).toBe('Employees from 50 to 1,000 · +30 points');
    expect(summaryOf(agreement, 'icp-personal-email')).toBe('E-mail domain is one of gmail.com, yahoo.com, hotmail.com, outlook.com, icloud.com, gmx.de, web.de, aol.com · disqualifier, −20 points');
    // The attribute by the name people read, never the machine key: the template's name, or the one typed for this criterion.
    expect(summaryOf(agreement, 'icp-revenue')).toBe('Annual revenue from 10,000,000 to 250,000,000 · +15 points');
    const renamed = produce(agreement, (draft) => void (draft.icp.find((entry) => entry.id === 'icp-revenue')!.attributeDisplayName = 'Turnover (EUR)'));
    expect(summaryOf(renamed, 'icp-revenue')).toBe('Turnover (EUR) from 10,000,000 to 250,000,000 · +15 points');
    const unnamed = produce(agreement, (draft) => void delete draft.icp.find((entry) => entry.id === 'icp-crm')!.attributeDisplayName);
    expect(summaryOf(unnamed, 'icp-crm')).toBe('Uses a CRM is yes · +10 points');
    const empty = produce(agreement, (draft) => {
      const criterion = draft.icp.find((entry) => entry.id === 'icp-employees')!;
      criterion.attribute = '';
      criterion.match = { kind: 'range', min: null, max: null };
      criterion.points = null;
    });
    expect(summaryOf(empty, 'icp-employees')).toBe('attribute not set in a range not set · points not set');
  });

  it('decay, signals and the plan with values not entered yet', () => {
    const agreement = produce(template(), (draft) => {
      draft.engagement.decay = { ...draft.engagement.decay, mode: 'inactivity', days: null };
      draft.engagement.signals[0]!.points = null;
      draft.revenuePlan.winRate = null;
    });
    expect(summaryOf(agreement, 'decay')).toBe('points reset after … days without activity (not set)');
    expect(summaryOf(agreement, 'signal-demoRequest')).toBe('points not set · at most 40');
    expect(summaryOf(agreement, 'revenue-plan')).toBe('EUR 1,200,000 per quarter · deals of EUR 24,000 · win rate not set · 4 SDRs');
  });

  it('the card and the line are written from one entry per kind: both say the item, and both are gone once it is removed', () => {
    const agreement = template();
    const items = consensusItems(agreement);
    // Every kind of the template has both a card and a line.
    for (const kind of consensusItemKinds) {
      const item = items.find((candidate) => candidate.kind === kind)!;
      expect(itemSubstance(agreement, item), kind).not.toBeNull();
      expect(itemSummary(agreement, item), kind).not.toBeNull();
    }
    // A removed criterion, stage or commitment has neither (the one lookup answers both).
    for (const [kind, id] of [['criterion', 'icp-region'], ['stage', 'stage-sal'], ['commitment', items.find((item) => item.kind === 'commitment')!.id]] as const) {
      const removed = produce(agreement, (draft) => {
        if (kind === 'criterion') draft.icp = draft.icp.filter((entry) => entry.id !== id);
        if (kind === 'stage') draft.stages = draft.stages.filter((entry) => entry.id !== id);
        if (kind === 'commitment') draft.commitments = draft.commitments.filter((entry) => entry.id !== id);
      });
      expect(itemSubstance(removed, { kind, id })).toBeNull();
      expect(itemSummary(removed, { kind, id })).toBeNull();
    }
    // The same fields: the stage's owner and limit in both, the criterion's attribute by the same display name.
    const stage = itemSubstance(agreement, { kind: 'stage', id: 'stage-sal' })!;
    expect(stage.lines.find((entry) => entry.label === 'Owner')!.text).toBe('Inside sales (SDR/BDR) · at most 10 days');
    expect(itemSummary(agreement, { kind: 'stage', id: 'stage-sal' })).toMatch(/^owner Inside sales \(SDR\/BDR\) · at most 10 days · /);
    const renamed = produce(agreement, (draft) => void (draft.icp.find((entry) => entry.id === 'icp-revenue')!.attributeDisplayName = 'Turnover (EUR)'));
    expect(itemSubstance(renamed, { kind: 'criterion', id: 'icp-revenue' })!.lines[0]).toEqual({ label: 'Attribute', text: 'Turnover (EUR)' });
    expect(itemSummary(renamed, { kind: 'criterion', id: 'icp-revenue' })).toMatch(/^Turnover \(EUR\) from /);
  });
});
