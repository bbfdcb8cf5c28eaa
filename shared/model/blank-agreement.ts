import type { Agreement } from './agreement';
import { proposedConsensus } from './consensus';
import { AGREEMENT_SCHEMA_VERSION } from './schema-version';

/** An empty agreement with only the standard structure (no template). */
export function blankAgreement(title = '', client = ''): Agreement {
  return {
    schemaVersion: AGREEMENT_SCHEMA_VERSION,
    workshop: { title, client, facilitator: '', date: '', validityMonths: 12, nextReviewDate: '' },
    participants: [],
    revenuePlan: {
      periodLabel: 'Quarter',
      periodWeeks: 13,
      currency: 'EUR',
      revenueTarget: null,
      averageDealSize: null,
      winRate: null,
      leadToMql: null,
      mqlToSal: null,
      salToSql: null,
      sqlToOpportunity: null,
      salesCycleDays: null,
      sdrHeadcount: null,
      leadsPerSdrPerWeek: null,
      headlineKpi: 'mqls',
      consensus: proposedConsensus(),
    },
    stages: [],
    glossary: [],
    icp: [],
    buyingCommittee: { functions: [], seniorities: ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'], cells: [], requiredRoles: [], consensus: proposedConsensus() },
    engagement: { signals: [], decay: { mode: 'none', days: null, consensus: proposedConsensus() }, fastTracks: [] },
    scoring: {
      fitThresholds: { A: 75, B: 50, C: 25 },
      engagementThresholds: { 4: 75, 3: 50, 2: 25 },
      mqlRule: { minFitGrade: 'B', minEngagement: 2, fastTrackQualifies: true },
      consensus: proposedConsensus(),
      framework: { kind: 'BANT', questions: [], minimumMet: null, consensus: proposedConsensus() },
    },
    handoffs: [],
    commitments: [],
    reasons: [],
    recycling: { reentryAfterDays: null, rule: '', consensus: proposedConsensus() },
    kpis: [],
    meetings: [],
    parkingLot: [],
    decisions: [],
    actions: [],
  };
}

