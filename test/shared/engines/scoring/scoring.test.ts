import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileScoring, normalizeValue, type Lead } from '../../../../shared/engines/scoring/scoring';
import type { Agreement } from '../../../../shared/model/agreement';
import { findTemplate } from '../../../../shared/templates/templates';

const asOf = '2026-11-23';
const agreement = () => findTemplate('b2b-saas-mid-market')!.build();
const model = (change?: (agreement: Agreement) => void) => {
  const built = agreement();
  change?.(built);
  return compileScoring(built, { asOf });
};

/** A lead that fits well: DACH, 200 employees, software, €50 m, uses a CRM, VP Sales. */
const goodFit = (): Lead => ({
  attributes: { region: 'DACH', employees: 200, industry: 'Software', annualRevenue: 50_000_000, usesCrm: true, company: 'Acme', jobTitle: 'VP Sales', emailDomain: 'acme.com', jobFunction: 'Sales', seniority: 'VP' },
  signals: { pricingPageVisits: 2, webinarAttended: 1, demoRequest: 0, trialSignup: 0, contentDownloads: 0, emailClicks: 0 },
  lastActivity: asOf,
});

describe('scoring engine', () => {
  it('lists the attributes the rules read, with their kind and named values', () => {
    const { attributes } = model();
    expect(attributes.map((attribute) => `${attribute.name}:${attribute.kind}`)).toEqual(['region:category', 'employees:number', 'industry:category', 'annualRevenue:number', 'usesCrm:boolean', 'company:category', 'jobTitle:text', 'emailDomain:category', 'jobFunction:category', 'seniority:category']);
    expect(attributes.find((attribute) => attribute.name === 'seniority')?.values).toEqual(['C-level', 'VP', 'Director', 'Manager', 'Individual contributor']);
  });

  it('adds the points of every matching criterion and the grid cell, with a reason for each', () => {
    const result = model().evaluate(goodFit());
    // 30 employees + 20 industry + 15 revenue + 10 CRM + 25 Sales × VP = 100.
    expect(result.fit).toBe(100);
    // Pricing 2 × 10 = 20, webinar 15 = 35.
    expect(result.engagement).toBe(35);
    expect(result).toMatchObject({ fitGrade: 'A', engagementLevel: 2, grade: 'A2', mql: true, stage: 'mql', fastTracked: false, disqualified: false, knockedOut: false });
    const texts = result.reasons.map((reason) => reason.text);
    expect(texts).toContain('50–1,000 employees: Employees is 50–1,000 (+30 fit)');
    expect(texts).toContain('Decision-maker grid: Sales × VP (+25 fit)');
    expect(texts).toContain('Pricing page visit × 2: +20 engagement');
    expect(texts).toContain('Must-have “Region we sell in” met');
    // Reasons name attributes by their display names, never by the machine keys.
    expect(texts).toContain('Revenue €10–250 m: Annual revenue is 10,000,000–250,000,000 (+15 fit)');
    for (const key of ['annualRevenue', 'usesCrm', 'region', 'emailDomain', 'jobTitle']) expect(texts.join('\n')).not.toContain(key);
  });

  it('treats a missing value as unknown: no points, not a match, and says so', () => {
    const lead = goodFit();
    lead.attributes.employees = null;
    delete lead.attributes.industry;
    lead.attributes.usesCrm = 'maybe';
    const result = model().evaluate(lead);
    expect(result.fit).toBe(100 - 30 - 20 - 10);
    const unknown = result.reasons.filter((reason) => reason.outcome === 'unknown').map((reason) => reason.id);
    expect(unknown).toEqual(expect.arrayContaining(['icp-employees', 'icp-industry', 'icp-crm']));
    expect(result.reasons.find((reason) => reason.id === 'icp-employees')?.text).toBe('50–1,000 employees: Employees is unknown, so no points (not counted as a match)');
  });

  it('knocks a lead out when a must-have is known not to match, but not when it is unknown', () => {
    const outside = goodFit();
    outside.attributes.region = 'LATAM';
    const knocked = model().evaluate(outside);
    expect(knocked).toMatchObject({ knockedOut: true, mql: false, stage: 'nurture' });
    expect(knocked.reasons.find((reason) => reason.outcome === 'knocked-out')?.text).toMatch(/^Must-have “Region we sell in” not met/);
    const unknown = goodFit();
    unknown.attributes.region = '  ';
    expect(model().evaluate(unknown)).toMatchObject({ knockedOut: false, mql: true });
  });

  it('disqualifies on a disqualifier, even with a fast-track', () => {
    const student = goodFit();
    student.attributes.jobTitle = 'MBA Student';
    student.signals.demoRequest = 1;
    const result = model().evaluate(student);
    expect(result).toMatchObject({ disqualified: true, fastTracked: true, mql: false, stage: 'disqualified' });
    expect(result.reasons.find((reason) => reason.outcome === 'disqualified')?.text).toBe('Disqualified: Students (Job title contains “student”)');
  });

  it('caps a signal and fast-tracks on its trigger', () => {
    const lead = goodFit();
    lead.attributes.employees = 5_000;
    lead.attributes.annualRevenue = 2_000_000_000;
    lead.attributes.seniority = 'Individual contributor';
    lead.attributes.jobFunction = 'Finance';
    // Fit 20 + 10 = 30: grade C, below the MQL rule's B.
    lead.signals = { emailClicks: 12 };
    const result = model().evaluate(lead);
    expect(result.engagement).toBe(15);
    expect(result.reasons.find((reason) => reason.id === 'emailClicks')).toMatchObject({ outcome: 'capped', points: 15, text: 'E-mail click × 12: +15 engagement (capped at 15; 36 before the cap)' });
    expect(result.mql).toBe(false);
    lead.signals.demoRequest = 1;
    expect(model().evaluate(lead)).toMatchObject({ fastTracked: true, mql: true });
    expect(model((built) => (built.scoring.mqlRule.fastTrackQualifies = false)).evaluate(lead).mql).toBe(false);
  });

  it('decays engagement by the date of the last activity, relative to the as-of date only', () => {
    const lead = { ...goodFit(), lastActivity: '2026-10-24' }; // 30 days before
    const halfLife = model().evaluate(lead);
    expect(halfLife.engagement).toBeCloseTo(17.5, 6);
    expect(halfLife.reasons.find((reason) => reason.rule === 'decay')?.text).toBe('Decay: last activity 30 days ago, half-life 30 days: 35 → 17.5');
    const inactivity = model((built) => (built.engagement.decay = { ...built.engagement.decay, mode: 'inactivity', days: 21 }));
    expect(inactivity.evaluate(lead).engagement).toBe(0);
    expect(inactivity.evaluate({ ...lead, lastActivity: '2026-11-10' }).engagement).toBe(35);
    const unknownDate = model().evaluate({ ...lead, lastActivity: null });
    expect(unknownDate.engagement).toBe(35);
    expect(unknownDate.reasons.find((reason) => reason.rule === 'decay')?.outcome).toBe('unknown');
    // No clock inside: the same lead scores the same whatever today is.
    expect(compileScoring(agreement(), { asOf: '2026-11-23' }).evaluate(lead)).toEqual(halfLife);
  });

  it('grades by the agreed thresholds and applies the MQL rule', () => {
    const lead = goodFit();
    lead.attributes.jobFunction = 'Finance';
    lead.attributes.seniority = 'Individual contributor';
    lead.attributes.usesCrm = false;
    // 30 + 20 + 15 = 65 fit: B; engagement 35: level 2; rule B and 2 → MQL.
    expect(model().evaluate(lead)).toMatchObject({ fit: 65, grade: 'B2', mql: true });
    expect(model((built) => (built.scoring.mqlRule.minFitGrade = 'A')).evaluate(lead)).toMatchObject({ grade: 'B2', mql: false, stage: 'nurture' });
  });

  it('refuses an as-of date that is not a date', () => {
    expect(() => compileScoring(agreement(), { asOf: 'soon' })).toThrow('“soon” is not a date (YYYY-MM-DD).');
  });

  it('normalises values the way CRM exports write them', () => {
    expect(normalizeValue(' 1,200 ', 'number')).toBe(1200);
    expect(normalizeValue('Yes', 'boolean')).toBe(true);
    expect(normalizeValue('0', 'boolean')).toBe(false);
    expect(normalizeValue('n/a', 'number')).toBe(null);
    expect(normalizeValue('  Software ', 'category')).toBe('software');
    expect(normalizeValue('', 'text')).toBe(null);
  });

  it('scores a normalised row exactly as it explains the lead', () => {
    const scoring = model();
    const lead = goodFit();
    const values = scoring.attributes.map((attribute) => normalizeValue(lead.attributes[attribute.name], attribute.kind));
    const counts = scoring.signals.map((signal) => lead.signals[signal.key] ?? Number.NaN);
    const hits = new Uint8Array(scoring.rules.length);
    const row = scoring.scoreRow(values, counts, 0, { fit: 0, engagement: 0, fitGradeIndex: 0, engagementLevel: 0, mql: false, fastTracked: false, disqualified: false, knockedOut: false }, hits);
    const explained = scoring.evaluate(lead);
    expect(row).toMatchObject({ fit: explained.fit, engagement: explained.engagement, mql: explained.mql });
    expect(scoring.rules.filter((_rule, index) => hits[index] === 1).map((rule) => rule.id)).toEqual(['icp-region', 'icp-employees', 'icp-industry', 'icp-revenue', 'icp-crm', 'pricingPageVisits', 'webinarAttended']);
  });
});

describe('scoring properties', () => {
  const leadArbitrary = fc.record({
    employees: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
    industry: fc.option(fc.constantFrom('Software', 'Retail', 'Financial services', 'Mining'), { nil: null }),
    usesCrm: fc.option(fc.boolean(), { nil: null }),
    jobFunction: fc.option(fc.constantFrom('Sales', 'IT', 'Finance', 'Legal'), { nil: null }),
    seniority: fc.option(fc.constantFrom('VP', 'Manager', 'Intern'), { nil: null }),
    pricing: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    clicks: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
    days: fc.integer({ min: 0, max: 400 }),
  });
  const toLead = (input: { employees: number | null; industry: string | null; usesCrm: boolean | null; jobFunction: string | null; seniority: string | null; pricing: number | null; clicks: number | null; days: number }): Lead => ({
    attributes: { region: 'DACH', employees: input.employees, industry: input.industry, usesCrm: input.usesCrm, jobFunction: input.jobFunction, seniority: input.seniority },
    signals: { pricingPageVisits: input.pricing, emailClicks: input.clicks },
    lastActivity: new Date(Date.UTC(2026, 10, 23) - input.days * 86_400_000).toISOString().slice(0, 10),
  });

  it('keeps fit and engagement within 0–100, whatever the points', () => {
    fc.assert(
      fc.property(leadArbitrary, fc.array(fc.integer({ min: -200, max: 200 }), { minLength: 4, maxLength: 4 }), (input, points) => {
        const scoring = model((built) => built.icp.filter((criterion) => criterion.effect === 'points').forEach((criterion, index) => (criterion.points = points[index] ?? 0)));
        const result = scoring.evaluate(toLead(input));
        return result.fit >= 0 && result.fit <= 100 && result.engagement >= 0 && result.engagement <= 100;
      }),
    );
  });

  it('never lowers fit when a criterion is worth more points', () => {
    fc.assert(
      fc.property(leadArbitrary, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 50 }), (input, which, extra) => {
        const lead = toLead(input);
        const before = model().evaluate(lead).fit;
        const after = model((built) => {
          const criterion = built.icp.filter((entry) => entry.effect === 'points')[which]!;
          criterion.points = (criterion.points ?? 0) + extra;
        }).evaluate(lead).fit;
        return after >= before;
      }),
    );
  });

  it('never lowers engagement when a signal happens more often or is worth more', () => {
    fc.assert(
      fc.property(leadArbitrary, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 30 }), (input, more, extraPoints) => {
        const lead = toLead(input);
        const base = model().evaluate(lead).engagement;
        const moreOften = model().evaluate({ ...lead, signals: { ...lead.signals, pricingPageVisits: (input.pricing ?? 0) + more } }).engagement;
        const worthMore = model((built) => (built.engagement.signals[1]!.points = (built.engagement.signals[1]!.points ?? 0) + extraPoints)).evaluate(lead).engagement;
        return moreOften >= base - 1e-9 && worthMore >= base - 1e-9;
      }),
    );
  });
});

describe('scoreRow, the fast path calibration runs, and evaluate', () => {
  // scoreRow has its own code (no reasons, no matcher closures): on any agreement and lead it must say what evaluate explains.
  const effects = ['points', 'must-have', 'disqualifier'] as const;
  const rulesArbitrary = fc.record({
    effects: fc.array(fc.constantFrom(...effects), { minLength: 8, maxLength: 8 }),
    points: fc.array(fc.option(fc.integer({ min: -40, max: 60 }), { nil: null }), { minLength: 8, maxLength: 8 }),
    signalPoints: fc.array(fc.oneof(fc.integer({ min: -10, max: 40 }), fc.double({ min: 0, max: 5, noNaN: true })), { minLength: 6, maxLength: 6 }),
    caps: fc.array(fc.option(fc.integer({ min: -5, max: 60 }), { nil: null }), { minLength: 6, maxLength: 6 }),
    decay: fc.record({ mode: fc.constantFrom('none', 'inactivity', 'half-life'), days: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }) }),
    cell: fc.integer({ min: -10, max: 30 }),
    fastTrackQualifies: fc.boolean(),
    minEngagement: fc.constantFrom(1, 2, 3, 4),
  });
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
  const leadArbitrary = fc.record({
    region: maybe(fc.constantFrom('DACH', ' dach ', 'Nordics', 'France', '')),
    employees: maybe(fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.constantFrom('1,200', '50', 'many'))),
    industry: maybe(fc.constantFrom('Software', 'Retail', 'E-COMMERCE')),
    annualRevenue: maybe(fc.integer({ min: 0, max: 400_000_000 })),
    usesCrm: maybe(fc.oneof(fc.boolean(), fc.constantFrom('yes', 'nein', 'maybe'))),
    company: maybe(fc.constantFrom('Pipedrive', 'Acme', 'close')),
    jobTitle: maybe(fc.constantFrom('Student assistant', 'VP Sales', 'PhD STUDENT')),
    emailDomain: maybe(fc.constantFrom('gmail.com', 'acme.com')),
    jobFunction: maybe(fc.constantFrom('Sales', 'IT', 'Legal')),
    seniority: maybe(fc.constantFrom('VP', 'Manager', 'Intern')),
    signals: fc.array(maybe(fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double({ min: 0, max: 400, noNaN: true }))), { minLength: 7, maxLength: 7 }),
    days: maybe(fc.integer({ min: -5, max: 200 })),
  });

  it('gives the same scores, grade, MQL verdict and rule hits as evaluate, on random rules and leads', () => {
    fc.assert(
      fc.property(rulesArbitrary, fc.array(leadArbitrary, { minLength: 1, maxLength: 8 }), (rules, leads) => {
        const scoring = model((built) => {
          built.icp.forEach((criterion, index) => {
            criterion.effect = rules.effects[index]!;
            criterion.points = rules.points[index]!;
          });
          built.engagement.signals.forEach((signal, index) => {
            signal.points = rules.signalPoints[index]!;
            signal.cap = rules.caps[index]!;
          });
          // A fast-track on a yes/no attribute as well as the template's (on a signal, and on a key nothing feeds).
          built.engagement.fastTracks.push({ ...built.engagement.fastTracks[0]!, id: 'fast-crm', name: 'Uses a CRM', signalKey: 'usesCrm' });
          built.engagement.decay = { ...built.engagement.decay, mode: rules.decay.mode, days: rules.decay.days };
          built.buyingCommittee.cells = built.buyingCommittee.cells.map((cell, index) => ({ ...cell, points: index % 3 === 0 ? rules.cell : index % 3 === 1 ? null : -rules.cell }));
          built.scoring.mqlRule = { ...built.scoring.mqlRule, fastTrackQualifies: rules.fastTrackQualifies, minEngagement: rules.minEngagement };
        });
        const keys = ['demoRequest', 'pricingPageVisits', 'trialSignup', 'webinarAttended', 'contentDownloads', 'emailClicks', 'contactSales'];
        for (const input of leads) {
          const { signals, days, ...attributes } = input;
          const lead: Lead = {
            attributes,
            signals: Object.fromEntries(keys.map((key, index) => [key, signals[index]])),
            lastActivity: days === null ? null : new Date(Date.UTC(2026, 10, 23) - days * 86_400_000).toISOString().slice(0, 10),
          };
          const explained = scoring.evaluate(lead);
          // The row as calibration builds it: normalised values, counts (negative = unknown), days since the last activity.
          const values = scoring.attributes.map((attribute) => normalizeValue(lead.attributes[attribute.name], attribute.kind));
          const counts = scoring.signals.map((signal) => {
            const count = lead.signals[signal.key];
            return typeof count === 'number' && count >= 0 ? count : Number.NaN;
          });
          const hits = new Uint8Array(scoring.rules.length).fill(9);
          const row = scoring.scoreRow(values, counts, scoring.daysSince(lead.lastActivity), { fit: -1, engagement: -1, fitGradeIndex: -1, engagementLevel: -1, mql: false, fastTracked: false, disqualified: false, knockedOut: false }, hits);
          expect(row).toEqual({ fit: explained.fit, engagement: explained.engagement, fitGradeIndex: 'ABCD'.indexOf(explained.fitGrade), engagementLevel: explained.engagementLevel, mql: explained.mql, fastTracked: explained.fastTracked, disqualified: explained.disqualified, knockedOut: explained.knockedOut });
          // Hits read from the explanation: 1 fired, 2 an ICP criterion known not to match, 0 otherwise.
          const expectedHits = scoring.rules.map((rule) => {
            const reason = explained.reasons.find((entry) => entry.rule === rule.kind && entry.id === rule.id);
            if (rule.kind === 'icp') {
              if (!reason) return 2; // a disqualifier that does not match says nothing
              return reason.outcome === 'unknown' ? 0 : reason.outcome === 'not-matched' || reason.outcome === 'knocked-out' ? 2 : 1;
            }
            if (rule.kind === 'signal') return reason && (reason.outcome === 'matched' || reason.outcome === 'capped') ? 1 : 0;
            return reason?.outcome === 'fast-tracked' ? 1 : 0;
          });
          expect([...hits]).toEqual(expectedHits);
        }
      }),
      { numRuns: 300 },
    );
  });
});
