import type { Agreement } from './agreement';

/**
 * Display names of lead attributes: what a CMO reads where the rules name an
 * attribute (the lead tester, the calibration mapping, the ICP table of the
 * agreement document). The machine key (`annualRevenue`) stays what the rules
 * and the CRM mapping read; RevOps sees it in the rules export only.
 */

/**
 * The readable names of the attributes the built-in templates and calibration
 * samples use, and of the two attributes the decision-maker grid reads. The
 * templates give each criterion its name from here; an agreement made before
 * criteria carried a display name reads its names from here too.
 */
export const defaultAttributeNames = {
  region: 'Region',
  employees: 'Employees',
  industry: 'Industry',
  annualRevenue: 'Annual revenue',
  usesCrm: 'Uses a CRM',
  company: 'Company',
  jobTitle: 'Job title',
  emailDomain: 'E-mail domain',
  targetAccount: 'Named target account',
  country: 'Country',
  existingClient: 'Existing client',
  occupation: 'Occupation',
  leadOrigin: 'Lead origin',
  leadSource: 'Lead source',
  specialization: 'Specialisation',
  doNotEmail: 'Asked not to be e-mailed',
  sector: 'Sector',
  revenue: 'Revenue (USD m)',
  officeLocation: 'Office location',
  product: 'Product of interest',
  jobFunction: 'Job function',
  seniority: 'Seniority',
} as const satisfies Record<string, string>;

/** An attribute key a template names. */
export type KnownAttributeKey = keyof typeof defaultAttributeNames;

const known: Readonly<Record<string, string>> = defaultAttributeNames;
const acronyms = new Set(['crm', 'it', 'id', 'url', 'vat', 'erp', 'hr', 'b2b', 'b2c', 'usd', 'eur', 'gbp', 'sla', 'mql', 'sql', 'sdr', 'bdr', 'abm', 'nps', 'arr', 'mrr']);

/**
 * A key written as words when nobody named it: "annual_revenue", "annualRevenue"
 * and "annual-revenue" read "Annual revenue"; known acronyms and words written
 * in capitals stay upper case ("usesCrm" → "Uses CRM", "HQCountry" → "HQ country").
 */
export function humanizeKey(key: string): string {
  const words = key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((word) => word !== '')
    .map((word) => (acronyms.has(word.toLowerCase()) ? word.toUpperCase() : word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word) ? word : word.toLowerCase()));
  if (words.length === 0) return '';
  const [first, ...rest] = words;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(' ');
}

/** The name an attribute key has before anyone names it: the template's name for it, else the key written as words. */
export function defaultAttributeLabel(key: string): string {
  const trimmed = key.trim();
  return Object.hasOwn(known, trimmed) ? known[trimmed]! : humanizeKey(trimmed);
}

/**
 * The display name of the attribute `key`: the name the agreement gives it
 * (the first ICP criterion reading it that has one), else the template's
 * name for that key, else the key written as words. Never empty for a
 * non-empty key; the one function every screen and document calls.
 */
export function attributeLabel(agreement: Pick<Agreement, 'icp'>, key: string): string {
  const trimmed = key.trim();
  for (const criterion of agreement.icp) {
    const name = criterion.attributeDisplayName?.trim();
    if (name && criterion.attribute.trim() === trimmed) return name;
  }
  return defaultAttributeLabel(trimmed);
}

/**
 * The attribute's name as one criterion shows it (the agreement document's ICP table): the name that criterion
 * gives it, which its content hash covers, else `attributeLabel`.
 */
export function criterionAttributeLabel(agreement: Pick<Agreement, 'icp'>, criterion: Pick<Agreement['icp'][number], 'attribute' | 'attributeDisplayName'>): string {
  return criterion.attributeDisplayName?.trim() || attributeLabel(agreement, criterion.attribute);
}
