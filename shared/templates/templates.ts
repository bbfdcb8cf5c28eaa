import type { Agreement } from '../model/agreement';
import { buildAgreement, criterion, personalEmailDomains, signal, type TemplateSpec } from './common';

const saasMidMarket: TemplateSpec = {
  title: 'Lead management agreement — B2B SaaS mid-market',
  plan: {
    periodLabel: 'Quarter',
    periodWeeks: 13,
    currency: 'EUR',
    revenueTarget: 1_200_000,
    averageDealSize: 24_000,
    winRate: 25,
    leadToMql: 12,
    mqlToSal: 70,
    salToSql: 50,
    sqlToOpportunity: 80,
    salesCycleDays: 60,
    sdrHeadcount: 4,
    leadsPerSdrPerWeek: 15,
    headlineKpi: 'mqls',
  },
  stageDays: { inquiry: 30, mql: 2, sal: 10, sql: 5, opportunity: 60 },
  icp: [
    criterion('icp-region', 'region', 'Region we sell in', { kind: 'in', values: ['DACH', 'Benelux', 'Nordics', 'UK & Ireland'] }, 'must-have', null, 'We have no sales coverage or legal entity elsewhere.'),
    criterion('icp-employees', 'employees', '50–1,000 employees', { kind: 'range', min: 50, max: 1000 }, 'points', 30, 'Closed-won deals of the last two years: 78 % in this band.'),
    criterion('icp-industry', 'industry', 'Core industries', { kind: 'in', values: ['Software', 'Financial services', 'Professional services', 'E-commerce'] }, 'points', 20, 'Highest win rate and shortest cycle; reference customers exist.'),
    criterion('icp-revenue', 'annualRevenue', 'Revenue €10–250 m', { kind: 'range', min: 10_000_000, max: 250_000_000 }, 'points', 15, 'Budget for the product without a board decision.'),
    criterion('icp-crm', 'usesCrm', 'Uses a CRM', { kind: 'boolean', value: true }, 'points', 10, 'Our integration is the main reason to buy.'),
    criterion('icp-competitor', 'company', 'Competitors', { kind: 'in', values: ['Pipedrive', 'Close', 'Freshworks'] }, 'disqualifier', null, 'Competitors download content to learn our pitch.'),
    criterion('icp-student', 'jobTitle', 'Students', { kind: 'contains', text: 'student' }, 'disqualifier', null, 'Students research, they do not buy.'),
    criterion('icp-personal-email', 'emailDomain', 'Personal e-mail domains', { kind: 'in', values: personalEmailDomains }, 'disqualifier', -20, 'Usually private interest; kept out of MQLs unless engagement is very high.'),
  ],
  functions: ['Sales', 'Marketing', 'Revenue operations', 'IT', 'Finance'],
  committee: {
    Sales: { points: [25, 25, 20, 12, 4], roles: ['decision-maker', 'decision-maker', 'champion', 'user', 'user'] },
    Marketing: { points: [20, 20, 15, 10, 3], roles: ['decision-maker', 'decision-maker', 'champion', 'user', 'user'] },
    'Revenue operations': { points: [20, 20, 20, 15, 8], roles: ['decision-maker', 'champion', 'champion', 'influencer', 'user'] },
    IT: { points: [10, 8, 6, 4, 2], roles: ['blocker', 'influencer', 'influencer', 'influencer', null] },
    Finance: { points: [10, 8, 5, 2, 0], roles: ['decision-maker', 'influencer', 'influencer', null, null] },
  },
  requiredRoles: ['decision-maker'],
  signals: [
    signal('demoRequest', 'Demo request', 40, 40),
    signal('pricingPageVisits', 'Pricing page visit', 10, 30),
    signal('trialSignup', 'Free trial started', 25, 25),
    signal('webinarAttended', 'Webinar attended', 15, 30),
    signal('contentDownloads', 'Content download', 8, 24),
    signal('emailClicks', 'E-mail click', 3, 15),
  ],
  decay: { mode: 'half-life', days: 30 },
  fastTracks: [
    { key: 'demoRequest', name: 'Demo request', description: 'A demo request goes to inside sales at once, whatever the score.' },
    { key: 'contactSales', name: 'Contact-sales form', description: 'A “talk to sales” form goes to inside sales at once.' },
  ],
  scoring: { fitThresholds: { A: 75, B: 50, C: 25 }, engagementThresholds: { 4: 75, 3: 50, 2: 25 }, mqlRule: { minFitGrade: 'B', minEngagement: 2, fastTrackQualifies: true } },
  framework: { kind: 'BANT', questions: ['Budget: is money set aside, or can it be found this year?', 'Authority: who decides, and are we talking to them?', 'Need: which problem, and what does it cost today?', 'Timeline: when must it be solved, and why then?'], minimumMet: 3 },
  sla: { firstTouchHours: 4, attempts: 6, overDays: 10, acceptDays: 2, sqlAcceptDays: 2 },
};

const enterpriseFieldSales: TemplateSpec = {
  title: 'Lead management agreement — enterprise field sales',
  plan: {
    periodLabel: 'Fiscal year',
    periodWeeks: 52,
    currency: 'USD',
    revenueTarget: 18_000_000,
    averageDealSize: 180_000,
    winRate: 22,
    leadToMql: 8,
    mqlToSal: 60,
    salToSql: 45,
    sqlToOpportunity: 70,
    salesCycleDays: 180,
    sdrHeadcount: 6,
    leadsPerSdrPerWeek: 12,
    headlineKpi: 'sales-accepted-opportunities',
  },
  stageDays: { inquiry: 45, mql: 3, sal: 21, sql: 10, opportunity: 180 },
  icp: [
    criterion('icp-employees', 'employees', '2,000+ employees', { kind: 'range', min: 2000, max: null }, 'must-have', null, 'Below 2,000 employees the mid-market team serves them.'),
    criterion('icp-named', 'targetAccount', 'Named target account', { kind: 'boolean', value: true }, 'points', 35, 'Account plans exist for the 400 named accounts; they convert three times better.'),
    criterion('icp-industry', 'industry', 'Regulated industries', { kind: 'in', values: ['Banking', 'Insurance', 'Pharmaceuticals', 'Telecommunications', 'Public sector'] }, 'points', 25, 'Compliance needs make our audit features decisive.'),
    criterion('icp-revenue', 'annualRevenue', 'Revenue above $1 bn', { kind: 'range', min: 1_000_000_000, max: null }, 'points', 20, 'Deal sizes above average.'),
    criterion('icp-country', 'country', 'Countries with field coverage', { kind: 'in', values: ['United States', 'Canada', 'United Kingdom', 'Germany', 'France'] }, 'must-have', null, 'Field sellers and support exist only there.'),
    criterion('icp-competitor', 'company', 'Competitors and partners', { kind: 'in', values: ['Salesforce', 'Oracle', 'SAP'] }, 'disqualifier', null, 'Handled by alliances, never by SDRs.'),
    criterion('icp-personal-email', 'emailDomain', 'Personal e-mail domains', { kind: 'in', values: personalEmailDomains }, 'disqualifier', null, 'Enterprise buyers use corporate addresses.'),
  ],
  functions: ['IT', 'Security', 'Finance', 'Operations', 'Procurement'],
  committee: {
    IT: { points: [30, 25, 20, 10, 3], roles: ['decision-maker', 'decision-maker', 'champion', 'user', 'user'] },
    Security: { points: [25, 20, 15, 8, 2], roles: ['blocker', 'influencer', 'influencer', 'user', null] },
    Finance: { points: [20, 15, 10, 4, 0], roles: ['decision-maker', 'influencer', 'influencer', null, null] },
    Operations: { points: [20, 18, 15, 10, 4], roles: ['decision-maker', 'champion', 'champion', 'user', 'user'] },
    Procurement: { points: [5, 5, 5, 3, 0], roles: ['influencer', 'influencer', 'influencer', 'influencer', null] },
  },
  requiredRoles: ['decision-maker', 'champion'],
  signals: [
    signal('executiveBriefing', 'Executive briefing requested', 40, 40),
    signal('eventMeeting', 'Meeting at an event', 30, 30),
    signal('whitepaperDownloads', 'Analyst report or whitepaper download', 10, 30),
    signal('webinarAttended', 'Webinar attended', 12, 24),
    signal('pricingPageVisits', 'Pricing or security page visit', 6, 18),
    signal('emailClicks', 'E-mail click', 2, 10),
  ],
  decay: { mode: 'inactivity', days: 90 },
  fastTracks: [
    { key: 'executiveBriefing', name: 'Executive briefing request', description: 'Goes to the account executive at once, with the SDR in copy.' },
    { key: 'rfpInvitation', name: 'RFP invitation', description: 'An invitation to tender goes to the account executive and bid desk at once.' },
  ],
  scoring: { fitThresholds: { A: 80, B: 60, C: 35 }, engagementThresholds: { 4: 70, 3: 45, 2: 20 }, mqlRule: { minFitGrade: 'A', minEngagement: 2, fastTrackQualifies: true } },
  framework: {
    kind: 'MEDDIC',
    questions: ['Metrics: the measurable outcome the customer expects', 'Economic buyer: identified and met', 'Decision criteria: known and written down', 'Decision process: steps, people and dates known', 'Identify pain: a pain the buyer admits and will fund', 'Champion: someone inside who sells for us'],
    minimumMet: 4,
  },
  sla: { firstTouchHours: 8, attempts: 8, overDays: 15, acceptDays: 3, sqlAcceptDays: 3 },
  extraGlossary: [{ term: 'Sales-accepted opportunity', definition: 'An opportunity field sales accepted after the discovery meeting; marketing’s headline KPI in this agreement.' }],
};

const smbProductLed: TemplateSpec = {
  title: 'Lead management agreement — SMB / product-led',
  plan: {
    periodLabel: 'Quarter',
    periodWeeks: 13,
    currency: 'EUR',
    revenueTarget: 450_000,
    averageDealSize: 3_000,
    winRate: 30,
    leadToMql: 15,
    mqlToSal: 80,
    salToSql: 60,
    sqlToOpportunity: 85,
    salesCycleDays: 14,
    sdrHeadcount: 5,
    leadsPerSdrPerWeek: 40,
    headlineKpi: 'mqls',
  },
  stageDays: { inquiry: 14, mql: 1, sal: 5, sql: 3, opportunity: 14 },
  icp: [
    criterion('icp-employees', 'employees', '5–200 employees', { kind: 'range', min: 5, max: 200 }, 'points', 30, 'Self-serve plans fit this size; larger teams go to mid-market.'),
    criterion('icp-country', 'country', 'Supported countries', { kind: 'in', values: ['Germany', 'Austria', 'Switzerland', 'Netherlands', 'France', 'Spain', 'Italy'] }, 'must-have', null, 'Payment, invoicing and support languages.'),
    criterion('icp-industry', 'industry', 'Agencies and services', { kind: 'in', values: ['Agency', 'Consulting', 'Software', 'Retail'] }, 'points', 15, 'Best activation rates in the product.'),
    criterion('icp-business-email', 'emailDomain', 'Personal e-mail domains', { kind: 'in', values: personalEmailDomains }, 'disqualifier', -25, 'Private sign-ups rarely pay; strong usage can still lift them.'),
    criterion('icp-student', 'jobTitle', 'Students and teachers', { kind: 'contains', text: 'student' }, 'disqualifier', null, 'Served by the free education plan.'),
  ],
  functions: ['Owner / founder', 'Operations', 'Marketing', 'Sales', 'IT'],
  committee: {
    'Owner / founder': { points: [35, 30, 25, 20, 10], roles: ['decision-maker', 'decision-maker', 'decision-maker', 'decision-maker', 'champion'] },
    Operations: { points: [25, 20, 15, 12, 6], roles: ['decision-maker', 'champion', 'champion', 'user', 'user'] },
    Marketing: { points: [20, 15, 12, 10, 5], roles: ['decision-maker', 'champion', 'champion', 'user', 'user'] },
    Sales: { points: [20, 15, 12, 10, 5], roles: ['decision-maker', 'champion', 'champion', 'user', 'user'] },
    IT: { points: [10, 8, 6, 5, 3], roles: ['influencer', 'influencer', 'influencer', 'user', 'user'] },
  },
  requiredRoles: ['decision-maker'],
  signals: [
    signal('workspaceActivated', 'Workspace activated (key action done)', 30, 30),
    signal('teammatesInvited', 'Teammate invited', 10, 30),
    signal('pricingPageVisits', 'Pricing page visit', 8, 24),
    signal('usageLimitHit', 'Free-plan limit reached', 25, 25),
    signal('helpArticles', 'Help article read', 2, 10),
    signal('emailClicks', 'E-mail click', 2, 10),
  ],
  decay: { mode: 'half-life', days: 14 },
  fastTracks: [
    { key: 'usageLimitHit', name: 'Limit reached on a team of 5+', description: 'Product-qualified: the account hit a paid-plan limit with five or more active users.' },
    { key: 'contactSales', name: 'Contact-sales chat', description: 'A chat asking for sales goes to the SDR on duty at once.' },
  ],
  scoring: { fitThresholds: { A: 70, B: 45, C: 20 }, engagementThresholds: { 4: 70, 3: 45, 2: 20 }, mqlRule: { minFitGrade: 'C', minEngagement: 3, fastTrackQualifies: true } },
  framework: { kind: 'CHAMP', questions: ['Challenges: which problem the team hits in the product', 'Authority: who pays and who approves', 'Money: plan and seats affordable', 'Prioritisation: needed this month'], minimumMet: 3 },
  sla: { firstTouchHours: 1, attempts: 4, overDays: 5, acceptDays: 1, sqlAcceptDays: 1 },
  extraGlossary: [{ term: 'Product-qualified lead (PQL)', definition: 'A free-plan account whose usage shows buying intent; here a fast-track trigger.' }],
};

const professionalServices: TemplateSpec = {
  title: 'Client development agreement — professional services',
  plan: {
    periodLabel: 'Half year',
    periodWeeks: 26,
    currency: 'GBP',
    revenueTarget: 3_000_000,
    averageDealSize: 60_000,
    winRate: 35,
    leadToMql: 10,
    mqlToSal: 75,
    salToSql: 55,
    sqlToOpportunity: 75,
    salesCycleDays: 90,
    sdrHeadcount: 3,
    leadsPerSdrPerWeek: 20,
    headlineKpi: 'mqls',
  },
  stageDays: { inquiry: 30, mql: 2, sal: 14, sql: 7, opportunity: 90 },
  icp: [
    criterion('icp-industry', 'industry', 'Practice industries', { kind: 'in', values: ['Financial services', 'Healthcare', 'Energy', 'Manufacturing'] }, 'points', 30, 'Our partners’ expertise and references are there.'),
    criterion('icp-employees', 'employees', '500+ employees', { kind: 'range', min: 500, max: null }, 'points', 25, 'Projects below this size do not cover a team’s cost.'),
    criterion('icp-region', 'region', 'Regions with an office', { kind: 'in', values: ['UK & Ireland', 'DACH', 'Benelux'] }, 'must-have', null, 'We staff projects on site.'),
    criterion('icp-existing', 'existingClient', 'Existing client', { kind: 'boolean', value: true }, 'points', 20, 'Framework agreements shorten the cycle.'),
    criterion('icp-competitor', 'company', 'Competing firms', { kind: 'in', values: ['Accenture', 'Deloitte', 'PwC', 'KPMG', 'EY'] }, 'disqualifier', null, 'Competitors research our thought leadership.'),
    criterion('icp-recruiter', 'jobTitle', 'Recruiters and job seekers', { kind: 'contains', text: 'recruit' }, 'disqualifier', null, 'They look for people, not projects.'),
  ],
  functions: ['Executive board', 'Operations', 'Finance', 'IT', 'Human resources'],
  committee: {
    'Executive board': { points: [35, 30, 20, 10, 0], roles: ['decision-maker', 'decision-maker', 'champion', 'influencer', null] },
    Operations: { points: [25, 25, 20, 12, 4], roles: ['decision-maker', 'champion', 'champion', 'user', 'user'] },
    Finance: { points: [20, 15, 12, 6, 0], roles: ['decision-maker', 'influencer', 'influencer', null, null] },
    IT: { points: [20, 18, 15, 8, 2], roles: ['decision-maker', 'champion', 'influencer', 'user', null] },
    'Human resources': { points: [10, 8, 6, 4, 0], roles: ['influencer', 'influencer', 'influencer', 'user', null] },
  },
  requiredRoles: ['decision-maker', 'champion'],
  signals: [
    signal('referral', 'Referral from a client or partner', 40, 40),
    signal('eventAttended', 'Round table or event attended', 20, 40),
    signal('researchDownloads', 'Research report download', 10, 30),
    signal('caseStudyViews', 'Case study viewed', 5, 15),
    signal('newsletterClicks', 'Newsletter click', 2, 10),
  ],
  decay: { mode: 'inactivity', days: 120 },
  fastTracks: [
    { key: 'referral', name: 'Referral', description: 'A referral goes to the responsible partner at once.' },
    { key: 'rfpInvitation', name: 'Invitation to tender', description: 'An RFP goes to the bid team and the industry partner at once.' },
  ],
  scoring: { fitThresholds: { A: 75, B: 50, C: 30 }, engagementThresholds: { 4: 70, 3: 45, 2: 20 }, mqlRule: { minFitGrade: 'B', minEngagement: 2, fastTrackQualifies: true } },
  framework: { kind: 'ANUM', questions: ['Authority: the sponsor can commission the work', 'Need: a problem the firm can solve, in the client’s words', 'Urgency: a date or event forces a start', 'Money: a budget range is confirmed'], minimumMet: 3 },
  sla: { firstTouchHours: 8, attempts: 5, overDays: 10, acceptDays: 3, sqlAcceptDays: 5 },
};

/** A template offered when creating a workshop. */
export interface AgreementTemplate {
  id: string;
  name: string;
  description: string;
  build(): Agreement;
}

/** The templates that ship with Accord. */
export const builtInTemplates: AgreementTemplate[] = [
  { id: 'b2b-saas-mid-market', name: 'B2B SaaS mid-market', description: 'Quarterly plan, SDR team, BANT, 4-hour first touch, demo requests fast-tracked.', build: () => buildAgreement(saasMidMarket) },
  { id: 'enterprise-field-sales', name: 'Enterprise field sales', description: 'Yearly plan, named accounts, MEDDIC, sales-accepted opportunities as marketing’s headline KPI.', build: () => buildAgreement(enterpriseFieldSales) },
  { id: 'smb-product-led', name: 'SMB / product-led', description: 'Product usage signals, PQL fast track, CHAMP, 1-hour first touch.', build: () => buildAgreement(smbProductLed) },
  { id: 'professional-services', name: 'Professional services', description: 'Half-year plan, referrals and events, ANUM, partners own the relationship.', build: () => buildAgreement(professionalServices) },
];

/** A built-in template by id. */
export function findTemplate(id: string): AgreementTemplate | undefined {
  return builtInTemplates.find((template) => template.id === id);
}

export { blankAgreement } from '../model/blank-agreement';
