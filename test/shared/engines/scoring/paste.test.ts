import { describe, expect, it } from 'vitest';
import { parsePastedLead } from '../../../../shared/engines/scoring/paste';
import { compileScoring } from '../../../../shared/engines/scoring/scoring';
import { findTemplate } from '../../../../shared/templates/templates';

const model = () => compileScoring(findTemplate('b2b-saas-mid-market')!.build(), { asOf: '2026-11-23' });
const read = (text: string) => {
  const parsed = parsePastedLead(text, model());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed;
};

describe('a pasted lead', () => {
  it('counts a yes/no signal as once / never', () => {
    const parsed = read('Webinar attended: yes\nDemo request: no\nPricing page visits: 3');
    expect(parsed.lead.signals).toEqual({ webinarAttended: 1, demoRequest: 0, pricingPageVisits: 3 });
    expect(parsed.unused).toEqual([]);
  });

  it('feeds the personal-domain rule the domain of the e-mail address, not the address', () => {
    const parsed = read('E-mail: Jane.Doe@GMX.de\nCompany: Acme');
    expect(parsed.lead.attributes.emailDomain).toBe('gmx.de');
    expect(parsed.person.email).toBe('Jane.Doe@GMX.de');
    expect(parsed.derived).toEqual([{ attribute: 'emailDomain', value: 'gmx.de', from: 'the e-mail address' }]);
    const result = model().evaluate(parsed.lead);
    expect(result.disqualified).toBe(true);
    // An address pasted under the domain's own name is cut to its domain too.
    expect(read('emailDomain: max@web.de').lead.attributes.emailDomain).toBe('web.de');
  });

  it('reads the job title as function × seniority for the grid, and keeps the title for the rules on it', () => {
    const parsed = read('Job title: Leiter Vertrieb');
    expect(parsed.lead.attributes).toMatchObject({ jobTitle: 'Leiter Vertrieb', jobFunction: 'Sales', seniority: 'Director' });
    expect(parsed.derived.map((entry) => `${entry.attribute}=${entry.value} ${entry.from}`)).toEqual(['jobFunction=Sales the job title (keyword “vertrieb”)', 'seniority=Director the job title (keyword “leiter”)']);
    // The grid of this template gives Sales × Director 20 points (written in the template as the cell's points).
    const grid = findTemplate('b2b-saas-mid-market')!.build().buyingCommittee.cells.find((cell) => cell.function === 'Sales' && cell.seniority === 'Director')!;
    expect(model().evaluate(parsed.lead).reasons.find((reason) => reason.rule === 'committee')?.points).toBe(grid.points);
    // Function and seniority pasted as such win over what the title says.
    expect(read('Title: Leiter Vertrieb\nSeniority: VP').lead.attributes).toMatchObject({ jobFunction: 'Sales', seniority: 'VP' });
  });

  it('lists every line it did not use, with the reason', () => {
    const parsed = read('Jane Doe\nEmployees: lots\nUses CRM: maybe\nFavourite colour: blue\nWebinar attended: perhaps\nIndustry: Software\nIndustry: Retail\nPhone:');
    expect(parsed.unused).toEqual([
      { line: 'Jane Doe', reason: 'not a “name: value” line' },
      { line: 'Employees: lots', reason: '“lots” is not a number' },
      { line: 'Uses CRM: maybe', reason: '“maybe” is not yes or no' },
      { line: 'Favourite colour: blue', reason: 'the agreement has no rule on it' },
      { line: 'Webinar attended: perhaps', reason: '“perhaps” is not a number of times or yes / no' },
      { line: 'Industry: Retail', reason: 'given twice; the first is used' },
      { line: 'Phone: ', reason: 'no value' },
    ]);
    expect(parsed.lead.attributes).toEqual({ industry: 'Software' });
  });

  it('matches attributes by display name or key, and reads JSON and CSV', () => {
    expect(read('Annual revenue: 50,000,000').lead.attributes).toEqual({ annualRevenue: 50_000_000 });
    expect(read('{"annualRevenue": 12000000, "usesCrm": "ja"}').lead.attributes).toEqual({ annualRevenue: 12_000_000, usesCrm: true });
    const csv = read('Region;E-Mail-Adresse;Jobtitel\nDACH;anna@firma.de;Directrice commerciale');
    expect(csv.lead.attributes).toMatchObject({ region: 'DACH', emailDomain: 'firma.de', jobTitle: 'Directrice commerciale', jobFunction: 'Sales', seniority: 'Director' });
  });

  it('refuses what is not a lead', () => {
    expect(parsePastedLead('just some words', model())).toEqual({ ok: false, message: 'Paste a JSON object, “name: value” lines, or a CSV header and one row.' });
  });
});
