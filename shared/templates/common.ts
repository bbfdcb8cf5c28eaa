import {
  type Agreement,
  type BuyingRole,
  type Commitment,
  type IcpCriterion,
  type Participant,
  type RevenuePlan,
  type Scoring,
  type Signal,
  type Stage,
} from '../model/agreement';
import { defaultAttributeNames, type KnownAttributeKey } from '../model/attribute-labels';
import { proposedConsensus } from '../model/consensus';
import { AGREEMENT_SCHEMA_VERSION } from '../model/schema-version';

/** What makes one template different from another; everything else is common practice. */
export interface TemplateSpec {
  title: string;
  plan: Omit<RevenuePlan, 'consensus'>;
  stageDays: { inquiry: number; mql: number; sal: number; sql: number; opportunity: number };
  icp: Omit<IcpCriterion, 'consensus'>[];
  functions: string[];
  /** Points per seniority (C-level, VP, Director, Manager, Individual contributor) for each function, and its typical role. */
  committee: Record<string, { points: number[]; roles: (BuyingRole | null)[] }>;
  requiredRoles: BuyingRole[];
  signals: Omit<Signal, 'consensus'>[];
  decay: { mode: 'none' | 'inactivity' | 'half-life'; days: number };
  fastTracks: { key: string; name: string; description: string }[];
  scoring: Omit<Scoring, 'consensus' | 'framework'>;
  framework: { kind: Scoring['framework']['kind']; questions: string[]; minimumMet: number };
  sla: { firstTouchHours: number; attempts: number; overDays: number; acceptDays: number; sqlAcceptDays: number };
  extraGlossary?: { term: string; definition: string }[];
  /** The time zone business hours are counted in (the room changes it to its own). */
  timeZone?: string;
}

/** The five seniority levels of the decision-maker grid. */
export const seniorities = ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'];

/** A participant slot: the role is known, the name is filled in the room. */
function slot(id: string, title: string, team: Participant['team'], signs: boolean, sponsor: Participant['sponsor']): Participant {
  return { id, name: '', title, team, signs, sponsor };
}

function stages(days: TemplateSpec['stageDays']): Stage[] {
  const stage = (id: string, kind: Stage['kind'], name: string, definition: string, entryCriteria: string, exitCriteria: string, owner: Stage['owner'], maxDays: number | null): Stage => ({
    id,
    kind,
    name,
    definition,
    entryCriteria,
    exitCriteria,
    owner,
    maxDays,
    consensus: proposedConsensus(),
  });
  return [
    stage('stage-inquiry', 'inquiry', 'Inquiry', 'A known person who raised a hand or was captured by a campaign; not yet qualified.', 'A form fill, list import, event scan or inbound call creates the record with a valid e-mail.', 'Reaches the MQL rule, is disqualified, or goes to nurture.', 'marketing', days.inquiry),
    stage('stage-mql', 'mql', 'MQL', 'Marketing qualified lead: fits the ideal customer profile and engaged enough, by the agreed scoring rule, to deserve a salesperson’s time.', 'Meets the MQL rule (fit grade and engagement level) or fires a fast-track trigger; mandatory fields complete.', 'Accepted by inside sales (SAL) or rejected with a reason code.', 'marketing', days.mql),
    stage('stage-sal', 'sal', 'SAL', 'Sales accepted lead: inside sales agrees the lead is worth working and owns the follow-up.', 'An SDR accepts the MQL in the CRM within the agreed time.', 'Qualified to SQL with the agreed framework, or rejected with a reason code.', 'inside-sales', days.sal),
    stage('stage-sql', 'sql', 'SQL', 'Sales qualified lead: a real buying project confirmed by conversation against the qualification framework.', 'The agreed number of framework questions are met and the required buying roles reached.', 'Field sales opens an opportunity or returns the lead with a reason.', 'inside-sales', days.sql),
    stage('stage-opportunity', 'opportunity', 'Opportunity', 'A qualified buying project in the pipeline, with an amount, a close date and a next step.', 'Field sales accepts the SQL and creates the opportunity with amount and close date.', 'Closed won or closed lost.', 'field-sales', days.opportunity),
    stage('stage-won', 'won', 'Won', 'The customer signed.', 'Contract signed and booked.', '—', 'field-sales', null),
    stage('stage-lost', 'lost', 'Lost', 'The opportunity was lost, with a loss reason.', 'Closed lost with a reason.', 'May be recycled to nurture after the agreed delay.', 'field-sales', null),
    stage('stage-nurture', 'nurture', 'Nurture / recycled', 'Not ready now, but a fit: marketing keeps the relationship warm until engagement returns.', 'Rejected or recycled with a recycle reason, or a lost opportunity after the agreed delay.', 'Re-enters as MQL when it meets the MQL rule again after the re-entry delay.', 'marketing', null),
    stage('stage-disqualified', 'disqualified', 'Disqualified', 'Not a prospect: wrong profile, competitor, student, duplicate or invalid data.', 'A disqualifying criterion fires or a disqualify reason code is given.', 'None; only marketing operations may reopen it.', 'marketing', null),
  ];
}

const baseGlossary: { term: string; definition: string }[] = [
  { term: 'Business hours', definition: 'Monday to Friday, 9:00–18:00 in the receiving team’s time zone, excluding public holidays.' },
  { term: 'First touch', definition: 'The first call, personal e-mail or social message from a salesperson to the lead; automated e-mails do not count.' },
  { term: 'Attempt', definition: 'One logged call, personal e-mail or voicemail to the lead.' },
  { term: 'Recycled lead', definition: 'A lead returned to marketing nurture with a recycle reason; it keeps its history.' },
  { term: 'Fit score', definition: 'Points (0–100) from the ideal customer profile and the decision-maker grid: who the lead is.' },
  { term: 'Engagement score', definition: 'Points (0–100) from behaviours, after caps and decay: how interested the lead is now.' },
];

/** Builds a complete agreement from a template's specifics and common practice. Fresh objects every call. */
export function buildAgreement(spec: TemplateSpec): Agreement {
  const committeeCells = spec.functions.flatMap((fn) =>
    seniorities.map((seniority, index) => ({
      function: fn,
      seniority,
      points: spec.committee[fn]?.points[index] ?? 0,
      role: spec.committee[fn]?.roles[index] ?? null,
    })),
  );
  // The spec is module-level data: everything returned must be a fresh copy, never shared.
  spec = JSON.parse(JSON.stringify(spec)) as TemplateSpec;
  const commitment = (id: string, fields: Omit<Commitment, 'id' | 'consensus' | 'overDays'> & { overDays?: number }): Commitment => ({ id, overDays: null, ...fields, consensus: proposedConsensus() });
  return {
    schemaVersion: AGREEMENT_SCHEMA_VERSION,
    workshop: { title: spec.title, client: '', facilitator: '', date: '', validityMonths: 12, nextReviewDate: '' },
    participants: [
      slot('person-cmo', 'Chief Marketing Officer', 'executive', true, 'cmo'),
      slot('person-head-of-sales', 'VP Sales', 'executive', true, 'head-of-sales'),
      slot('person-marketing', 'Head of Demand Generation', 'marketing', false, 'none'),
      slot('person-sdr', 'SDR Team Lead', 'inside-sales', false, 'none'),
      slot('person-revops', 'RevOps Lead', 'revops', false, 'none'),
    ],
    revenuePlan: { ...spec.plan, consensus: proposedConsensus() },
    stages: stages(spec.stageDays),
    glossary: [...baseGlossary, ...(spec.extraGlossary ?? [])].map((entry, index) => ({ id: `term-${index + 1}`, ...entry, consensus: proposedConsensus() })),
    icp: spec.icp.map((criterion) => ({ ...criterion, consensus: proposedConsensus() })),
    buyingCommittee: { functions: spec.functions, seniorities: [...seniorities], cells: committeeCells, requiredRoles: spec.requiredRoles, consensus: proposedConsensus() },
    engagement: {
      signals: spec.signals.map((signal) => ({ ...signal, consensus: proposedConsensus() })),
      decay: { ...spec.decay, consensus: proposedConsensus() },
      fastTracks: spec.fastTracks.map((trigger) => ({ id: `fast-${trigger.key}`, name: trigger.name, signalKey: trigger.key, description: trigger.description, consensus: proposedConsensus() })),
    },
    scoring: {
      ...spec.scoring,
      consensus: proposedConsensus(),
      framework: {
        kind: spec.framework.kind,
        questions: spec.framework.questions.map((text, index) => ({ id: `question-${index + 1}`, text })),
        minimumMet: spec.framework.minimumMet,
        consensus: proposedConsensus(),
      },
    },
    handoffs: [
      { id: 'handoff-mql', from: 'marketing', to: 'inside-sales', what: 'MQLs', queue: 'CRM queue “MQL – new”, round-robin by territory', requiredFields: ['First name', 'Last name', 'Company', 'Job title', 'E-mail', 'Country', 'Lead source', 'Score and grade'], consensus: proposedConsensus() },
      { id: 'handoff-sql', from: 'inside-sales', to: 'field-sales', what: 'SQLs', queue: 'Opportunity owner assignment by territory; intro meeting booked', requiredFields: ['Qualification notes per framework question', 'Buying roles reached', 'Next meeting date', 'Estimated amount'], consensus: proposedConsensus() },
      { id: 'handoff-recycle', from: 'inside-sales', to: 'marketing', what: 'Rejected and recycled leads', queue: 'Nurture program by reason code', requiredFields: ['Reason code', 'Rejection note'], consensus: proposedConsensus() },
    ],
    calendar: { timeZone: spec.timeZone ?? 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', holidays: [] },
    commitments: [
      commitment('commit-mql-volume', { team: 'marketing', kind: 'mql-volume', metric: spec.plan.headlineKpi === 'mqls' ? 'MQLs delivered' : 'Sales-accepted opportunities sourced', target: null, unit: 'count', window: 'per-month', measuredBy: 'CRM report “MQLs by month and source”', escalation: 'Below 90 % for a month: head of demand generation presents a recovery plan at the monthly SLA review.' }),
      commitment('commit-first-touch', { team: 'inside-sales', kind: 'first-touch', metric: 'First touch after MQL', target: spec.sla.firstTouchHours, unit: 'business-hours', window: 'per-lead', measuredBy: 'CRM report “Speed to lead” (MQL date → first activity)', escalation: 'Under 90 % within target in a week: SDR team lead reviews the queue daily until back on target.' }),
      commitment('commit-attempts', { team: 'inside-sales', kind: 'attempts', metric: 'Attempts before “unable to reach”', target: spec.sla.attempts, overDays: spec.sla.overDays, unit: 'attempts', window: 'per-lead', measuredBy: 'CRM report “Activities per rejected lead”', escalation: 'Rejections as unable to reach with fewer attempts are reopened by RevOps.' }),
      commitment('commit-accept', { team: 'inside-sales', kind: 'accept-reject', metric: 'Accept or reject MQLs', target: spec.sla.acceptDays, unit: 'business-days', window: 'per-lead', measuredBy: 'CRM report “MQL age at acceptance or rejection”', escalation: 'MQLs older than the target go to the SDR team lead automatically.' }),
      commitment('commit-sql-accept', { team: 'field-sales', kind: 'sql-accept', metric: 'Accept or return SQLs', target: spec.sla.sqlAcceptDays, unit: 'business-days', window: 'per-lead', measuredBy: 'CRM report “SQL age at opportunity creation or return”', escalation: 'Unanswered SQLs go to the VP Sales in the weekly pipeline meeting.' }),
      commitment('commit-opportunity-update', { team: 'field-sales', kind: 'opportunity-update', metric: 'Opportunities updated', target: 7, unit: 'days', window: 'per-opportunity', measuredBy: 'CRM report “Opportunities without update for 7 days”', escalation: 'Stale opportunities are listed in the weekly pipeline meeting.' }),
      commitment('commit-data', { team: 'marketing', kind: 'data-completeness', metric: 'Handed-over leads with all required fields', target: 95, unit: 'percent', window: 'per-month', measuredBy: 'CRM report “MQLs missing required fields”', escalation: 'RevOps fixes the form or enrichment at fault within a week.' }),
    ],
    reasons: [
      { id: 'reason-budget', code: 'NO-BUDGET', label: 'No budget this year', action: 'recycle', afterAgreedAttempts: false, consensus: proposedConsensus() },
      { id: 'reason-authority', code: 'NO-AUTHORITY', label: 'No access to a decision maker', action: 'recycle', afterAgreedAttempts: false, consensus: proposedConsensus() },
      { id: 'reason-timing', code: 'NOT-NOW', label: 'Interested, but not in the next two quarters', action: 'recycle', afterAgreedAttempts: false, consensus: proposedConsensus() },
      { id: 'reason-unreachable', code: 'UNREACHABLE', label: 'Unable to reach', action: 'recycle', afterAgreedAttempts: true, consensus: proposedConsensus() },
      { id: 'reason-fit', code: 'BAD-FIT', label: 'Outside the ideal customer profile', action: 'disqualify', afterAgreedAttempts: false, consensus: proposedConsensus() },
      { id: 'reason-duplicate', code: 'DUPLICATE', label: 'Duplicate or existing customer', action: 'disqualify', afterAgreedAttempts: false, consensus: proposedConsensus() },
      { id: 'reason-data', code: 'BAD-DATA', label: 'Wrong or incomplete contact data', action: 'return-to-marketing', afterAgreedAttempts: false, consensus: proposedConsensus() },
    ],
    recycling: {
      reentryAfterDays: 90,
      rule: 'Recycled leads go to the nurture program of their reason code. They may become MQLs again after the re-entry delay, and only by meeting the MQL rule with new engagement; a fast-track trigger re-enters them at once.',
      consensus: proposedConsensus(),
    },
    kpis: [
      { id: 'kpi-volume', name: 'Lead and MQL volume', definition: 'New leads and MQLs per week and month, against the plan’s need.', owner: 'marketing', consensus: proposedConsensus() },
      { id: 'kpi-quality', name: 'Lead quality (MQL → SQL rate)', definition: 'Share of MQLs of a month that became SQLs within 60 days.', owner: 'revops', consensus: proposedConsensus() },
      { id: 'kpi-opportunities', name: 'Opportunities sourced', definition: 'Opportunities created from marketing-sourced leads, against the plan’s need.', owner: 'marketing', consensus: proposedConsensus() },
      { id: 'kpi-pipeline', name: 'Pipeline', definition: 'Open opportunity amount created per month, by source.', owner: 'field-sales', consensus: proposedConsensus() },
      { id: 'kpi-win-rate', name: 'Win rate', definition: 'Won opportunities out of closed ones, per quarter.', owner: 'field-sales', consensus: proposedConsensus() },
      { id: 'kpi-speed', name: 'Speed to lead', definition: 'Median business hours from MQL to first touch, and share within the SLA.', owner: 'inside-sales', consensus: proposedConsensus() },
    ],
    meetings: [
      { id: 'meeting-weekly', name: 'Weekly pipeline and lead operations', cadence: 'weekly', owner: 'inside-sales', purpose: 'Queue health, speed to lead, stuck MQLs and SQLs, next week’s volume.', consensus: proposedConsensus() },
      { id: 'meeting-monthly', name: 'Monthly SLA review', cadence: 'monthly', owner: 'revops', purpose: 'Every commitment against its target, reasons given, trend since last review, actions.', consensus: proposedConsensus() },
      { id: 'meeting-quarterly', name: 'Quarterly scoring recalibration', cadence: 'quarterly', owner: 'revops', purpose: 'Re-test the scoring rules on the last quarter’s outcomes; adjust thresholds and points together.', consensus: proposedConsensus() },
    ],
    parkingLot: [],
    decisions: [],
    actions: [],
  };
}

/** Shorthand for an ICP criterion without consensus. */
export function criterion(id: string, attribute: KnownAttributeKey, label: string, match: IcpCriterion['match'], effect: IcpCriterion['effect'], points: number | null, rationale: string): Omit<IcpCriterion, 'consensus'> {
  // Every template attribute has a readable name (the key type makes a new one without a name a type error).
  return { id, attribute, attributeDisplayName: defaultAttributeNames[attribute], label, match, effect, points, rationale };
}

/** Shorthand for a signal without consensus. */
export function signal(key: string, name: string, points: number, cap: number | null): Omit<Signal, 'consensus'> {
  return { id: `signal-${key}`, key, name, points, cap };
}

/** The personal e-mail domains template disqualifiers use. */
export const personalEmailDomains = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'gmx.de', 'web.de', 'aol.com'];
