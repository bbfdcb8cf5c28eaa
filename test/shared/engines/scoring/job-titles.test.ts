import { describe, expect, it } from 'vitest';
import { emailDomain, foldTitle, mapJobTitle, readJobTitle } from '../../../../shared/engines/scoring/job-titles';

// The grid of the mid-market SaaS template, written out here (not read from the template).
const grid = { functions: ['Sales', 'Marketing', 'Revenue operations', 'IT', 'Finance'], seniorities: ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'] };
const pair = (title: string) => {
  const mapped = mapJobTitle(title, grid);
  return `${mapped.function ?? '?'} × ${mapped.seniority ?? '?'}`;
};

describe('job title → function × seniority', () => {
  it('reads English titles', () => {
    expect(pair('VP Marketing')).toBe('Marketing × VP');
    expect(pair('Head of IT')).toBe('IT × Director');
    expect(pair('CFO')).toBe('Finance × C-level');
    expect(pair('Chief Marketing Officer')).toBe('Marketing × C-level');
    expect(pair('Vice President Sales')).toBe('Sales × VP');
    expect(pair('Sales Operations Manager')).toBe('Revenue operations × Manager');
    expect(pair('Senior Account Executive')).toBe('Sales × Individual contributor');
    expect(pair('Marketing intern')).toBe('Marketing × Student / intern');
  });

  it('reads German titles, compounds too', () => {
    expect(pair('Leiter Vertrieb')).toBe('Sales × Director');
    expect(pair('Vertriebsleiterin')).toBe('Sales × Director');
    expect(pair('Teamleiter Marketing')).toBe('Marketing × Manager');
    expect(pair('IT-Leiter')).toBe('IT × Director');
    expect(pair('Leiterin Finanzbuchhaltung')).toBe('Finance × Director');
    // No function keyword: the function stays unknown; a working student is not in this grid's columns.
    expect(pair('Werkstudent')).toBe('? × Student / intern');
    expect(mapJobTitle('Werkstudent', grid)).toMatchObject({ seniorityKeyword: 'werkstudent', seniorityInGrid: false, functionKeyword: null });
    // Geschäftsführer, with and without the umlauts: executive management, which this grid has no row for.
    expect(pair('Geschäftsführer')).toBe('Executive management × C-level');
    expect(pair('Geschaeftsfuehrer')).toBe('Executive management × C-level');
  });

  it('reads French titles', () => {
    expect(pair('Directrice commerciale')).toBe('Sales × Director');
    expect(pair('Directeur général')).toBe('Executive management × C-level');
    expect(pair('Responsable marketing')).toBe('Marketing × Manager');
    expect(pair('Chef des ventes')).toBe('Sales × Manager');
    expect(pair('DAF')).toBe('Finance × C-level');
    expect(pair('Stagiaire en informatique')).toBe('IT × Student / intern');
  });

  it('reads Spanish titles', () => {
    expect(pair('Jefe de ventas')).toBe('Sales × Manager');
    expect(pair('Directora de marketing')).toBe('Marketing × Director');
    expect(pair('Gerente de sistemas')).toBe('IT × Manager');
    expect(pair('Vicepresidente comercial')).toBe('Sales × VP');
    expect(pair('Becario de finanzas')).toBe('Finance × Student / intern');
  });

  it('says which keyword decided, and nothing when none matches', () => {
    expect(readJobTitle('Leiter Vertrieb')).toEqual({ function: { value: 'sales', keyword: 'vertrieb' }, seniority: { value: 'director', keyword: 'leiter' } });
    expect(mapJobTitle('Jane', grid)).toEqual({ function: null, seniority: null, functionKeyword: null, seniorityKeyword: null, functionInGrid: false, seniorityInGrid: false });
    // "it" is a word, never part of one: "Recruiting" is not IT.
    expect(readJobTitle('Recruiting coordinator').function).toBeNull();
  });

  it('uses the grid’s own names, whatever language the grid is in', () => {
    const german = { functions: ['Geschäftsführung', 'Vertrieb', 'Marketing'], seniorities: ['Vorstand', 'Leitung', 'Teamleitung', 'Mitarbeiter'] };
    expect(mapJobTitle('Head of Sales', german)).toMatchObject({ function: 'Vertrieb', seniority: 'Leitung', functionInGrid: true, seniorityInGrid: true });
    expect(mapJobTitle('Sales manager', german)).toMatchObject({ function: 'Vertrieb', seniority: 'Teamleitung' });
    const founders = { functions: ['Owner / founder', 'Operations'], seniorities: ['C-level'] };
    expect(mapJobTitle('Co-founder', founders)).toMatchObject({ function: 'Owner / founder', seniority: 'C-level' });
  });

  it('folds accents, case and punctuation', () => {
    expect(foldTitle('  Geschäftsführer / C-Level ')).toBe('geschaftsfuhrer c level');
  });
});

describe('e-mail domain', () => {
  it('takes the domain of an address, lower case', () => {
    expect(emailDomain('Jane.Doe@GMX.de')).toBe('gmx.de');
    expect(emailDomain('Jane Doe <jane@acme.co.uk>')).toBe('acme.co.uk');
    expect(emailDomain('mailto:max@web.de')).toBe('web.de');
    expect(emailDomain('gmail.com')).toBe('gmail.com');
  });
  it('gives null for what is not an address', () => {
    expect(emailDomain('jane')).toBeNull();
    expect(emailDomain('@gmail.com')).toBeNull();
    expect(emailDomain('')).toBeNull();
  });
});
