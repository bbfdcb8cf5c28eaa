import type { CalibrationMapping } from '../engines/calibration/mapping';
import type { Agreement } from '../model/agreement';
import { proposedConsensus } from '../model/consensus';
import { criterion, signal } from './common';
import { findTemplate } from './templates';

/**
 * Sample agreements and mappings for the two public CRM exports in
 * ../shared/data, so a new user can try calibration in a minute. The data
 * itself is not shipped: the person picks the CSV file.
 */
export interface CalibrationSample {
  id: 'xeducation' | 'crm-opportunities';
  name: string;
  description: string;
  /** The files to pick, relative to the data folder. */
  files: { leads: string; accounts?: string };
  agreement(): Agreement;
  mapping: CalibrationMapping;
}

const consensus = proposedConsensus;

function xeducationAgreement(): Agreement {
  const agreement = findTemplate('smb-product-led')!.build();
  agreement.workshop = { ...agreement.workshop, title: 'X Education: lead scoring calibration', client: 'X Education (sample data)' };
  agreement.icp = [
    criterion('icp-occupation', 'occupation', 'Working professionals', { kind: 'in', values: ['Working Professional', 'Businessman'] }, 'points', 35, 'People in work pay for career courses themselves.'),
    criterion('icp-origin', 'leadOrigin', 'Came through the lead add form', { kind: 'in', values: ['Lead Add Form'] }, 'points', 30, 'A form filled in on purpose, not a chat or an import.'),
    criterion('icp-source', 'leadSource', 'Referral or our own site', { kind: 'in', values: ['Reference', 'Welingak Website'] }, 'points', 15, 'Referred people already trust the brand.'),
    criterion('icp-specialization', 'specialization', 'Management specialisations', { kind: 'in', values: ['Finance Management', 'Human Resource Management', 'Marketing Management', 'Operations Management'] }, 'points', 10, 'Our strongest programmes.'),
    criterion('icp-country', 'country', 'India', { kind: 'in', values: ['India'] }, 'points', 10, 'Courses are priced and taught for India.'),
    criterion('icp-do-not-email', 'doNotEmail', 'Asked not to be e-mailed', { kind: 'boolean', value: true }, 'disqualifier', null, 'We cannot nurture them; consent first.'),
  ].map((entry) => ({ ...entry, consensus: consensus() }));
  agreement.buyingCommittee = { ...agreement.buyingCommittee, cells: agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 })) };
  agreement.engagement.signals = [
    signal('totalVisits', 'Website visit', 4, 24),
    signal('secondsOnSite', 'Second on the website', 0.04, 40),
    signal('pageViewsPerVisit', 'Page view per visit', 3, 12),
    signal('lastSms', 'Last activity: SMS sent', 25, 25),
    signal('lastEmailOpened', 'Last activity: e-mail opened', 10, 10),
  ].map((entry) => ({ ...entry, consensus: consensus() }));
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay = { ...agreement.engagement.decay, mode: 'none', days: null };
  agreement.scoring = { ...agreement.scoring, fitThresholds: { A: 60, B: 40, C: 20 }, engagementThresholds: { 4: 70, 3: 45, 2: 20 }, mqlRule: { minFitGrade: 'C', minEngagement: 3, fastTrackQualifies: true } };
  return agreement;
}

function crmAgreement(): Agreement {
  const agreement = findTemplate('enterprise-field-sales')!.build();
  agreement.workshop = { ...agreement.workshop, title: 'CRM opportunities: fit calibration', client: 'MavenTech (sample data)' };
  agreement.icp = [
    criterion('icp-sector', 'sector', 'Technology, software and telecoms', { kind: 'in', values: ['technology', 'software', 'telecommunications'] }, 'points', 30, 'Buyers who understand the hardware.'),
    criterion('icp-employees', 'employees', '1,000+ employees', { kind: 'range', min: 1000, max: null }, 'points', 25, 'Large fleets of devices.'),
    criterion('icp-revenue', 'revenue', 'Revenue above $500 m', { kind: 'range', min: 500, max: null }, 'points', 20, 'Budget without a board decision (revenue in USD millions).'),
    criterion('icp-us', 'officeLocation', 'Headquartered in the US', { kind: 'in', values: ['United States'] }, 'points', 15, 'Our field sales and service cover the US.'),
    criterion('icp-product', 'product', 'Interested in a premium product', { kind: 'in', values: ['GTX Pro', 'MG Advanced', 'GTK 500'] }, 'points', 10, 'Higher value, longer relationships.'),
  ].map((entry) => ({ ...entry, consensus: consensus() }));
  agreement.buyingCommittee = { ...agreement.buyingCommittee, cells: agreement.buyingCommittee.cells.map((cell) => ({ ...cell, points: 0 })) };
  agreement.engagement.signals = [];
  agreement.engagement.fastTracks = [];
  agreement.engagement.decay = { ...agreement.engagement.decay, mode: 'none', days: null };
  agreement.scoring = { ...agreement.scoring, fitThresholds: { A: 70, B: 45, C: 25 }, engagementThresholds: { 4: 70, 3: 45, 2: 20 }, mqlRule: { minFitGrade: 'B', minEngagement: 1, fastTrackQualifies: true } };
  return agreement;
}

export const calibrationSamples: CalibrationSample[] = [
  {
    id: 'xeducation',
    name: 'X Education leads (behaviour)',
    description: '9,240 education leads with website behaviour; outcome “Converted”. Pick xeducation/Leads.csv.',
    files: { leads: 'xeducation/Leads.csv' },
    agreement: xeducationAgreement,
    mapping: {
      version: 1,
      emptyValues: ['Select', 'N/A', '-', 'NA'],
      attributes: {
        occupation: { column: 'What is your current occupation' },
        leadOrigin: { column: 'Lead Origin' },
        leadSource: { column: 'Lead Source' },
        specialization: { column: 'Specialization' },
        country: { column: 'Country' },
        doNotEmail: { column: 'Do Not Email' },
      },
      signals: {
        totalVisits: { column: 'TotalVisits' },
        secondsOnSite: { column: 'Total Time Spent on Website' },
        pageViewsPerVisit: { column: 'Page Views Per Visit' },
        lastSms: { column: 'Last Activity', equals: ['SMS Sent'] },
        lastEmailOpened: { column: 'Last Activity', equals: ['Email Opened'] },
      },
      lastActivity: null,
      outcome: { column: 'Converted', success: ['1'], failure: ['0'] },
      date: null,
      accounts: null,
    },
  },
  {
    id: 'crm-opportunities',
    name: 'CRM opportunities (firmographics)',
    description: '8,800 B2B opportunities joined to 85 accounts; outcome “deal_stage” Won against Lost. Pick crm-opportunities/sales_pipeline.csv and accounts.csv.',
    files: { leads: 'crm-opportunities/sales_pipeline.csv', accounts: 'crm-opportunities/accounts.csv' },
    agreement: crmAgreement,
    mapping: {
      version: 1,
      emptyValues: ['', 'N/A', '-'],
      attributes: {
        sector: { column: 'accounts.sector', values: { technolgy: 'technology' } },
        employees: { column: 'accounts.employees' },
        revenue: { column: 'accounts.revenue' },
        officeLocation: { column: 'accounts.office_location', values: { Philipines: 'Philippines' } },
        product: { column: 'product', values: { GTXPro: 'GTX Pro' } },
      },
      signals: {},
      lastActivity: null,
      outcome: { column: 'deal_stage', success: ['Won'], failure: ['Lost'] },
      date: { column: 'engage_date' },
      accounts: { key: 'account', accountsKey: 'account' },
    },
  },
];
