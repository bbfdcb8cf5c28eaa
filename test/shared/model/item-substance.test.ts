import { describe, expect, it } from 'vitest';
import { committeeGrid, gradeGrid, itemSubstance, matchText, mqlRuleText, NOT_SET, planFunnel, planInputs, workshopFacts, type ItemSubstance } from '../../../shared/model/item-substance';
import { consensusItemKinds, consensusItems } from '../../../shared/model/sections';
import { builtInTemplates, findTemplate } from '../../../shared/templates/templates';

const agreement = () => findTemplate('b2b-saas-mid-market')!.build();
const line = (substance: ItemSubstance | null, label: string) => substance?.lines.find((entry) => entry.label === label)?.text;
const all = (substance: ItemSubstance | null) => (substance ? [substance.title, ...substance.lines.map((entry) => `${entry.label}: ${entry.text}`)].join('\n') : '');

describe('item substance: what each kind of item says', () => {
  it('every item of every built-in template has a title and lines, with no undefined, NaN or object text', () => {
    const seen = new Set<string>();
    for (const template of builtInTemplates) {
      const built = template.build();
      for (const item of consensusItems(built)) {
        seen.add(item.kind);
        const substance = itemSubstance(built, item);
        expect(substance, `${template.id} ${item.kind} ${item.id}`).not.toBeNull();
        expect(substance!.title.trim()).not.toBe('');
        expect(substance!.lines.length).toBeGreaterThan(0);
        expect(all(substance)).not.toMatch(/undefined|NaN|\[object|null/);
      }
    }
    // The templates exercise every kind, so the check above covers them all.
    expect([...seen].sort()).toEqual([...consensusItemKinds].sort());
  });

  it('criterion: attribute (display name when given), match, effect, points', () => {
    const a = agreement();
    const region = a.icp.find((entry) => entry.match.kind === 'in' && entry.effect === 'must-have')!;
    const values = region.match.kind === 'in' ? region.match.values : [];
    const substance = itemSubstance(a, { kind: 'criterion', id: region.id });
    expect(substance!.title).toBe(region.label);
    // The display name, never the machine key, where the room reads it.
    expect(region.attributeDisplayName).toBe('Region');
    expect(line(substance, 'Attribute')).toBe('Region');
    expect(line(substance, 'Match')).toBe(`is one of: ${values.join(', ')}`);
    expect(line(substance, 'Effect')).toMatch(/^Must-have/);
    expect(line(substance, 'Points')).toBeUndefined();
    region.attributeDisplayName = 'Sales region';
    expect(line(itemSubstance(a, { kind: 'criterion', id: region.id }), 'Attribute')).toBe('Sales region');
    // No name given and a key no template knows: the key written as words.
    delete region.attributeDisplayName;
    region.attribute = 'partnerTier';
    expect(line(itemSubstance(a, { kind: 'criterion', id: region.id }), 'Attribute')).toBe('Partner tier');

    const points = a.icp.find((entry) => entry.effect === 'points' && entry.points !== null)!;
    expect(line(itemSubstance(a, { kind: 'criterion', id: points.id }), 'Points')).toBe(`+${points.points}`);
    points.points = null;
    expect(line(itemSubstance(a, { kind: 'criterion', id: points.id }), 'Points')).toBe(NOT_SET);
  });

  it('match: each kind of match reads as a phrase, a missing bound is never 0', () => {
    expect(matchText({ kind: 'range', min: 50, max: 1000 })).toBe('from 50 to 1,000');
    expect(matchText({ kind: 'range', min: 50, max: null })).toBe('at least 50');
    expect(matchText({ kind: 'range', min: null, max: 20 })).toBe('at most 20');
    expect(matchText({ kind: 'range', min: null, max: null })).toBe(`a range ${NOT_SET}`);
    expect(matchText({ kind: 'boolean', value: true })).toBe('yes');
    expect(matchText({ kind: 'contains', text: ' gmail ' })).toBe('contains “gmail”');
    expect(matchText({ kind: 'in', values: [] })).toBe(`is one of: ${NOT_SET}`);
  });

  it('commitment: team, metric, target with its window; marketing’s volume from the plan', () => {
    const a = agreement();
    const touch = a.commitments.find((entry) => entry.kind === 'first-touch')!;
    const substance = itemSubstance(a, { kind: 'commitment', id: touch.id });
    expect(substance!.title).toBe(touch.metric);
    expect(line(substance, 'Team')).toBe('Inside sales (SDR/BDR)');
    expect(line(substance, 'Target')).toBe(`${touch.target} business hours per lead`);
    touch.target = null;
    expect(line(itemSubstance(a, { kind: 'commitment', id: touch.id }), 'Target')).toBe(NOT_SET);

    // The plan's MQLs per month, computed here from the plan's figures: target ÷ deal ÷ win ÷ (SQL→opp) ÷ (SAL→SQL) ÷ (MQL→SAL) per period, over its weeks.
    const volume = a.commitments.find((entry) => entry.kind === 'mql-volume')!;
    const plan = a.revenuePlan;
    const mqlsPerPeriod = plan.revenueTarget! / plan.averageDealSize! / (plan.winRate! / 100) / (plan.sqlToOpportunity! / 100) / (plan.salToSql! / 100) / (plan.mqlToSal! / 100);
    const perMonth = Math.ceil((mqlsPerPeriod / plan.periodWeeks!) * (52 / 12) - 1e-9);
    expect(line(itemSubstance(a, { kind: 'commitment', id: volume.id }), 'Target')).toBe(`${perMonth.toLocaleString('en-US')} MQLs per month (from the plan)`);
  });

  it('stage: definition, entry, exit, owner and time limit', () => {
    const a = agreement();
    const stage = a.stages.find((entry) => entry.maxDays !== null)!;
    const substance = itemSubstance(a, { kind: 'stage', id: stage.id });
    expect(substance!.title).toBe(stage.name);
    expect(line(substance, 'Definition')).toBe(stage.definition);
    expect(line(substance, 'Entry')).toBe(stage.entryCriteria);
    expect(line(substance, 'Exit')).toBe(stage.exitCriteria);
    expect(line(substance, 'Owner')).toContain(`at most ${stage.maxDays} days`);
    stage.exitCriteria = '  ';
    expect(line(itemSubstance(a, { kind: 'stage', id: stage.id }), 'Exit')).toBe(NOT_SET);
  });

  it('term, signal, decay, fast track: their values', () => {
    const a = agreement();
    const term = a.glossary[0]!;
    expect(line(itemSubstance(a, { kind: 'term', id: term.id }), 'Means')).toBe(term.definition);
    const signal = a.engagement.signals.find((entry) => entry.points !== null && entry.cap !== null)!;
    expect(line(itemSubstance(a, { kind: 'signal', id: signal.id }), 'Points')).toBe(`+${signal.points}, at most ${signal.cap}`);
    a.engagement.decay = { ...a.engagement.decay, mode: 'half-life', days: 30 };
    expect(line(itemSubstance(a, { kind: 'decay', id: 'decay' }), 'Rule')).toBe('Points halve every 30 days');
    a.engagement.decay = { ...a.engagement.decay, mode: 'inactivity', days: null };
    expect(line(itemSubstance(a, { kind: 'decay', id: 'decay' }), 'Rule')).toBe(`Points reset after ${NOT_SET} without activity`);
    const trigger = a.engagement.fastTracks[0]!;
    expect(line(itemSubstance(a, { kind: 'fast-track', id: trigger.id }), 'What happens')).toBe(trigger.description);
  });

  it('thresholds: the grades, the MQL rule, and the grade grid it draws', () => {
    const a = agreement();
    a.scoring.fitThresholds = { A: 75, B: 50, C: null };
    a.scoring.mqlRule = { minFitGrade: 'B', minEngagement: 3, fastTrackQualifies: true };
    const substance = itemSubstance(a, { kind: 'thresholds', id: 'thresholds' });
    expect(line(substance, 'Fit grades')).toBe(`A ≥ 75 · B ≥ 50 · C ≥ ${NOT_SET} · D below`);
    expect(line(substance, 'MQL rule')).toBe('Fit B or better and engagement 3 or higher, or a fast-track trigger');
    expect(mqlRuleText({ mqlRule: { minFitGrade: 'D', minEngagement: 1, fastTrackQualifies: false } })).toBe('Any fit grade and any engagement');
    // B3 rule: A4, A3, B4, B3 are MQLs, nothing else (16 cells).
    const grid = gradeGrid(a.scoring);
    const mqls = grid.flat().filter((cell) => cell.mql).map((cell) => `${cell.grade}${cell.level}`);
    expect(grid.flat()).toHaveLength(16);
    expect(mqls.sort()).toEqual(['A3', 'A4', 'B3', 'B4']);
    expect(grid[0]!.map((cell) => cell.level)).toEqual([4, 3, 2, 1]);
  });

  it('framework, committee, handoff: their questions, grid and fields', () => {
    const a = agreement();
    const framework = itemSubstance(a, { kind: 'framework', id: 'framework' });
    expect(framework!.lines.filter((entry) => /^\d+$/.test(entry.label)).map((entry) => entry.text)).toEqual(a.scoring.framework.questions.map((question) => question.text));
    expect(line(framework, 'Must be met')).toBe(`${a.scoring.framework.minimumMet} of ${a.scoring.framework.questions.length}`);

    const committee = itemSubstance(a, { kind: 'committee', id: 'buying-committee' });
    const cell = a.buyingCommittee.cells.find((entry) => entry.points !== null && entry.points > 0 && entry.role === 'decision-maker')!;
    expect(line(committee, cell.function)).toContain(`${cell.seniority} +${cell.points} (Decision maker)`);

    // The grid: a row per function, a cell per seniority; a pair without a cell has no points (not 0).
    const grid = committeeGrid(a);
    expect(grid.rows.map((row) => row.function)).toEqual(a.buyingCommittee.functions);
    const row = grid.rows.find((entry) => entry.function === cell.function)!;
    expect(row.cells.find((entry) => entry.seniority === cell.seniority)).toEqual({ seniority: cell.seniority, points: cell.points, role: 'Decision maker' });
    a.buyingCommittee.cells = a.buyingCommittee.cells.filter((entry) => entry !== cell);
    expect(committeeGrid(a).rows.find((entry) => entry.function === cell.function)!.cells.find((entry) => entry.seniority === cell.seniority)).toEqual({ seniority: cell.seniority, points: null, role: null });

    const handoff = a.handoffs[0]!;
    const substance = itemSubstance(a, { kind: 'handoff', id: handoff.id });
    expect(line(substance, 'What')).toBe(handoff.what);
    expect(line(substance, 'Required fields')).toBe(handoff.requiredFields.join(', '));
  });

  it('reason, recycling, KPI, meeting', () => {
    const a = agreement();
    const reason = a.reasons[0]!;
    const substance = itemSubstance(a, { kind: 'reason', id: reason.id });
    expect(substance!.title).toBe(reason.label);
    expect(line(substance, 'Code')).toBe(reason.code);
    a.recycling.reentryAfterDays = null;
    expect(line(itemSubstance(a, { kind: 'recycling', id: 'recycling' }), 'Re-entry after')).toBe(NOT_SET);
    const kpi = a.kpis[0]!;
    expect(line(itemSubstance(a, { kind: 'kpi', id: kpi.id }), 'Definition')).toBe(kpi.definition);
    const meeting = a.meetings.find((entry) => entry.cadence === 'weekly')!;
    expect(line(itemSubstance(a, { kind: 'meeting', id: meeting.id }), 'When')).toMatch(/^Weekly · /);
  });

  it('revenue plan: inputs, funnel per month and the capacity verdict; an incomplete plan says why', () => {
    const a = agreement();
    const plan = a.revenuePlan;
    const inputs = planInputs(a);
    expect(inputs.find((entry) => entry.label === 'Win rate')!.text).toBe(`${plan.winRate} %`);
    expect(inputs.find((entry) => entry.label === 'Revenue target')!.text).toBe(`${plan.currency} ${plan.revenueTarget!.toLocaleString('en-US')}`);
    expect(itemSubstance(a, { kind: 'revenue-plan', id: 'revenue-plan' })!.lines).toEqual(inputs);
    const funnel = planFunnel(a);
    if (!funnel.ok) throw new Error('the template’s plan computes');
    expect(funnel.levels.map((level) => level.label)).toEqual(['Leads', 'MQLs', 'SALs', 'SQLs', 'Opportunities', 'Deals won']);
    const deals = plan.revenueTarget! / plan.averageDealSize!;
    expect(funnel.levels.at(-1)!.perMonth).toBe(Math.ceil((deals / plan.periodWeeks!) * (52 / 12) - 1e-9).toLocaleString('en-US'));
    // Capacity: MQLs a week against SDRs × leads a week.
    const mqlsPerWeek = deals / (plan.winRate! / 100) / (plan.sqlToOpportunity! / 100) / (plan.salToSql! / 100) / (plan.mqlToSal! / 100) / plan.periodWeeks!;
    const capacity = plan.sdrHeadcount! * plan.leadsPerSdrPerWeek!;
    expect(funnel.capacity.status).toBe(mqlsPerWeek > capacity ? 'over' : mqlsPerWeek > 0.9 * capacity ? 'tight' : 'ok');
    expect(funnel.capacity.message).toContain(`${Math.ceil(mqlsPerWeek - 1e-9)} MQLs a week`);

    a.revenuePlan.winRate = null;
    expect(planInputs(a).find((entry) => entry.label === 'Win rate')!.text).toBe(NOT_SET);
    const incomplete = planFunnel(a);
    expect(incomplete.ok).toBe(false);
    if (!incomplete.ok) expect(incomplete.reasons.join(' ')).toMatch(/win rate/i);
  });

  it('part 1: the workshop’s facts and the people in the room', () => {
    const a = agreement();
    a.workshop.client = 'Acme GmbH';
    a.workshop.facilitator = '';
    a.workshop.date = '2027-03-04';
    const facts = workshopFacts(a);
    expect(facts.lines.find((entry) => entry.label === 'Date')!.text).toBe('4 Mar 2027');
    expect(facts.lines.find((entry) => entry.label === 'Client')!.text).toBe('Acme GmbH');
    expect(facts.lines.find((entry) => entry.label === 'Facilitator')!.text).toBe(NOT_SET);
    expect(facts.people).toHaveLength(a.participants.length);
    a.participants[0]!.name = 'Maria Chen';
    expect(workshopFacts(a).people[0]!.name).toBe('Maria Chen');
    a.participants[1]!.name = '';
    expect(workshopFacts(a).people[1]!.name).toBe('Name not set yet');
  });

  it('an item that no longer exists has no substance', () => {
    expect(itemSubstance(agreement(), { kind: 'criterion', id: 'gone' })).toBeNull();
  });
});
