import { AGREEMENT_SCHEMA_VERSION } from './schema-version';
import { teamLabels, teams, type Team } from './teams';
import { z } from './zod';

export { AGREEMENT_SCHEMA_VERSION, teamLabels, teams, type Team };

/**
 * The agreement: every part of it (docs/agreement.md), as one typed,
 * versioned document. This schema is structural: it decides whether data is
 * an agreement at all (imports, the database, the CLI). Whether a draft is
 * complete and sensible is `validateAgreement`'s job (agreement-rules.ts), so
 * an unfinished draft can always be saved.
 */


const shortText = z.string().check(z.maxLength(200, { error: 'Keep this under 200 characters.' }));
const longText = z.string().check(z.maxLength(4000, { error: 'Keep this under 4,000 characters.' }));
const itemId = z.string().check(z.minLength(1, { error: 'An item has no id.' }), z.maxLength(64));
/** A number that may still be missing in a draft. zod rejects NaN and Infinity. */
const maybeNumber = z.nullable(z.number());
const isoDate = z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: 'Use a date like 2027-03-31.' }));

const TeamSchema = z.enum(teams);

/** Who may propose an item. */
export const proposers = ['marketing', 'sales', 'facilitator'] as const;
/** A team's position on an item. */
export const positions = ['pending', 'agree', 'disagree'] as const;
/** Where an item stands. */
export const consensusStates = ['proposed', 'agreed', 'disputed', 'parked'] as const;
/** Where an item stands. */
export type ConsensusState = (typeof consensusStates)[number];
/** A team's position on an item. */
export type Position = (typeof positions)[number];

/** An item content hash: SHA-256 of the item's canonical content (`itemContentHash`), 64 lowercase hex digits. */
const contentHashText = z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: 'A position’s content hash is 64 hex digits.' }));

/**
 * Every item's consensus: who proposed it, where marketing and sales stand, its
 * state, notes. `marketingFor` and `salesFor` are the content hash of the item
 * as it was when that team gave its position (consensus.ts): a yes counts only
 * for the content it was given for. They are optional so that agreements made
 * before they existed keep their content and hash (signed versions never
 * change); a draft's positions without one are stamped when it is opened
 * (shared/migrations/position-hashes.ts). The stored `state` is a cache of
 * `consensusState`, which is what every reader uses.
 */
export const ConsensusSchema = z.object({
  proposedBy: z.enum(proposers),
  marketing: z.enum(positions),
  sales: z.enum(positions),
  marketingFor: z.optional(contentHashText),
  salesFor: z.optional(contentHashText),
  state: z.enum(consensusStates),
  notes: longText,
});
/** Every item's consensus. */
export type Consensus = z.output<typeof ConsensusSchema>;

/** Sponsor roles: the two executives whose names show commitment from the top. */
export const sponsorRoles = ['none', 'cmo', 'head-of-sales'] as const;

const ParticipantSchema = z.object({
  id: itemId,
  name: shortText,
  title: shortText,
  team: TeamSchema,
  signs: z.boolean(),
  sponsor: z.enum(sponsorRoles),
});
/** A person in the room. */
export type Participant = z.output<typeof ParticipantSchema>;

const WorkshopSchema = z.object({
  title: shortText,
  client: shortText,
  facilitator: shortText,
  date: isoDate,
  validityMonths: maybeNumber,
  nextReviewDate: isoDate,
});

/** What marketing's headline volume commitment counts. */
export const headlineKpis = ['mqls', 'sales-accepted-opportunities'] as const;

const RevenuePlanSchema = z.object({
  periodLabel: shortText,
  periodWeeks: maybeNumber,
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'Use a three-letter currency code such as EUR.' })),
  revenueTarget: maybeNumber,
  averageDealSize: maybeNumber,
  /** Percentages, 0–100. */
  winRate: maybeNumber,
  leadToMql: maybeNumber,
  mqlToSal: maybeNumber,
  salToSql: maybeNumber,
  sqlToOpportunity: maybeNumber,
  salesCycleDays: maybeNumber,
  sdrHeadcount: maybeNumber,
  leadsPerSdrPerWeek: maybeNumber,
  headlineKpi: z.enum(headlineKpis),
  consensus: ConsensusSchema,
});
/** The revenue plan the funnel is computed from. */
export type RevenuePlan = z.output<typeof RevenuePlanSchema>;

/** The standard funnel stages, plus custom ones. */
export const stageKinds = ['inquiry', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'nurture', 'disqualified', 'custom'] as const;

const StageSchema = z.object({
  id: itemId,
  kind: z.enum(stageKinds),
  name: shortText,
  definition: longText,
  entryCriteria: longText,
  exitCriteria: longText,
  owner: TeamSchema,
  maxDays: maybeNumber,
  consensus: ConsensusSchema,
});
/** A funnel stage of the common vocabulary. */
export type Stage = z.output<typeof StageSchema>;

const GlossaryTermSchema = z.object({ id: itemId, term: shortText, definition: longText, consensus: ConsensusSchema });
/** A term both teams use the same way. */
export type GlossaryTerm = z.output<typeof GlossaryTermSchema>;

/** How an ICP criterion reads a lead's attribute. */
export const IcpMatchSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in'), values: z.array(shortText).check(z.maxLength(200)) }),
  z.object({ kind: z.literal('range'), min: maybeNumber, max: maybeNumber }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('contains'), text: shortText }),
]);
/** How an ICP criterion reads a lead's attribute. */
export type IcpMatch = z.output<typeof IcpMatchSchema>;

/** What a matching criterion does: knocks out (must-have), adds points, or disqualifies. */
export const criterionEffects = ['must-have', 'points', 'disqualifier'] as const;

const IcpCriterionSchema = z.object({
  id: itemId,
  /** The machine key the rules and the CRM mapping read (`annualRevenue`). */
  attribute: shortText,
  /**
   * What people read for the attribute ("Annual revenue"): the lead tester, the mapping, the document's ICP table
   * (`attributeLabel` in attribute-labels.ts). Part of the criterion's content, so of its hash: it is agreed text.
   * Optional, so that criteria made before it existed keep their content and hash; absent reads the template's name.
   */
  attributeDisplayName: z.optional(shortText),
  label: shortText,
  match: IcpMatchSchema,
  effect: z.enum(criterionEffects),
  points: maybeNumber,
  rationale: longText,
  consensus: ConsensusSchema,
});
/** A fit criterion of the ideal customer profile. */
export type IcpCriterion = z.output<typeof IcpCriterionSchema>;

/** Roles in a buying committee. */
export const buyingRoles = ['decision-maker', 'influencer', 'champion', 'user', 'blocker'] as const;
/** A role in a buying committee. */
export type BuyingRole = (typeof buyingRoles)[number];

const CommitteeCellSchema = z.object({
  function: shortText,
  seniority: shortText,
  points: maybeNumber,
  role: z.nullable(z.enum(buyingRoles)),
});

const BuyingCommitteeSchema = z.object({
  functions: z.array(shortText).check(z.maxLength(20)),
  seniorities: z.array(shortText).check(z.maxLength(10)),
  cells: z.array(CommitteeCellSchema).check(z.maxLength(200)),
  requiredRoles: z.array(z.enum(buyingRoles)),
  consensus: ConsensusSchema,
});
/** The decision-maker grid. */
export type BuyingCommittee = z.output<typeof BuyingCommitteeSchema>;

const SignalSchema = z.object({
  id: itemId,
  key: shortText,
  name: shortText,
  points: maybeNumber,
  cap: maybeNumber,
  consensus: ConsensusSchema,
});
/** An engagement behaviour with points. */
export type Signal = z.output<typeof SignalSchema>;

/** How engagement points fade: not at all, all at once after N days without activity, or by half every N days. */
export const decayModes = ['none', 'inactivity', 'half-life'] as const;

const FastTrackSchema = z.object({ id: itemId, name: shortText, signalKey: shortText, description: longText, consensus: ConsensusSchema });
/** A behaviour that hands a lead over at once, whatever its score. */
export type FastTrack = z.output<typeof FastTrackSchema>;

const EngagementSchema = z.object({
  signals: z.array(SignalSchema).check(z.maxLength(100)),
  decay: z.object({ mode: z.enum(decayModes), days: maybeNumber, consensus: ConsensusSchema }),
  fastTracks: z.array(FastTrackSchema).check(z.maxLength(50)),
});

/** Fit grades, best first. */
export const fitGrades = ['A', 'B', 'C', 'D'] as const;
/** A fit grade. */
export type FitGrade = (typeof fitGrades)[number];
/** Qualification frameworks sales uses from SAL to SQL. */
export const frameworks = ['BANT', 'MEDDIC', 'CHAMP', 'ANUM', 'custom'] as const;

const ScoringSchema = z.object({
  /** Lowest fit score (0–100) for grades A, B and C; below C is D. */
  fitThresholds: z.object({ A: maybeNumber, B: maybeNumber, C: maybeNumber }),
  /** Lowest engagement score (0–100) for levels 4, 3 and 2; below 2 is 1. */
  engagementThresholds: z.object({ 4: maybeNumber, 3: maybeNumber, 2: maybeNumber }),
  mqlRule: z.object({
    minFitGrade: z.enum(fitGrades),
    minEngagement: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    fastTrackQualifies: z.boolean(),
  }),
  consensus: ConsensusSchema,
  framework: z.object({
    kind: z.enum(frameworks),
    questions: z.array(z.object({ id: itemId, text: shortText })).check(z.maxLength(30)),
    minimumMet: maybeNumber,
    consensus: ConsensusSchema,
  }),
});
/** The scoring model and thresholds. */
export type Scoring = z.output<typeof ScoringSchema>;

const HandoffSchema = z.object({
  id: itemId,
  from: TeamSchema,
  to: TeamSchema,
  what: shortText,
  queue: shortText,
  requiredFields: z.array(shortText).check(z.maxLength(50)),
  consensus: ConsensusSchema,
});
/** Who hands what to whom, through which queue, with which fields. */
export type Handoff = z.output<typeof HandoffSchema>;

/** The commitments every SLA has, plus custom ones. */
export const commitmentKinds = ['mql-volume', 'first-touch', 'attempts', 'accept-reject', 'sql-accept', 'opportunity-update', 'data-completeness', 'custom'] as const;
/** A kind of commitment. */
export type CommitmentKind = (typeof commitmentKinds)[number];
/** Units a commitment's target is in. */
export const commitmentUnits = ['count', 'business-hours', 'hours', 'business-days', 'days', 'attempts', 'percent'] as const;
/** Windows a commitment is measured over. */
export const commitmentWindows = ['per-week', 'per-month', 'per-period', 'per-lead', 'per-opportunity'] as const;

const CommitmentSchema = z.object({
  id: itemId,
  team: TeamSchema,
  kind: z.enum(commitmentKinds),
  metric: shortText,
  /** For `mql-volume` the target comes from the revenue plan and this stays null: never typed twice. */
  target: maybeNumber,
  /** For `attempts`: over how many days the attempts are made. */
  overDays: maybeNumber,
  unit: z.enum(commitmentUnits),
  window: z.enum(commitmentWindows),
  measuredBy: shortText,
  escalation: longText,
  consensus: ConsensusSchema,
});
/** A team's measurable commitment. */
export type Commitment = z.output<typeof CommitmentSchema>;

/** What happens to a rejected lead. */
export const reasonActions = ['recycle', 'disqualify', 'return-to-marketing'] as const;

const ReasonSchema = z.object({
  id: itemId,
  code: shortText,
  label: shortText,
  action: z.enum(reasonActions),
  afterAgreedAttempts: z.boolean(),
  consensus: ConsensusSchema,
});
/** A rejection reason code. */
export type Reason = z.output<typeof ReasonSchema>;

const KpiSchema = z.object({ id: itemId, name: shortText, definition: longText, owner: TeamSchema, consensus: ConsensusSchema });
/** A KPI both teams report on. */
export type Kpi = z.output<typeof KpiSchema>;

/** How often a meeting happens. */
export const cadences = ['weekly', 'monthly', 'quarterly'] as const;

const MeetingSchema = z.object({ id: itemId, name: shortText, cadence: z.enum(cadences), owner: TeamSchema, purpose: longText, consensus: ConsensusSchema });
/** A meeting of the closed loop. */
export type Meeting = z.output<typeof MeetingSchema>;

const ParkedTopicSchema = z.object({ id: itemId, topic: shortText, raisedBy: shortText, notes: longText, status: z.enum(['open', 'resolved']) });
const DecisionSchema = z.object({ id: itemId, text: longText, decidedAt: z.string().check(z.maxLength(40)), by: shortText });
const ActionItemSchema = z.object({ id: itemId, task: shortText, owner: shortText, due: isoDate, status: z.enum(['open', 'done']) });
/** A topic parked for later. */
export type ParkedTopic = z.output<typeof ParkedTopicSchema>;
/** A decision logged with its time. */
export type Decision = z.output<typeof DecisionSchema>;
/** An action item with owner and due date. */
export type ActionItem = z.output<typeof ActionItemSchema>;

const WorkingCalendarSchema = z.object({
  timeZone: shortText,
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.maxLength(7)),
  start: z.string().check(z.maxLength(5)),
  end: z.string().check(z.maxLength(5)),
  holidays: z.array(isoDate).check(z.maxLength(400)),
});
/** The working calendar response-time commitments are measured in (business hours and days). */
export type WorkingCalendarSetting = z.output<typeof WorkingCalendarSchema>;

/** The whole agreement. */
export const AgreementSchema = z.object({
  schemaVersion: z.literal(AGREEMENT_SCHEMA_VERSION),
  workshop: WorkshopSchema,
  participants: z.array(ParticipantSchema).check(z.maxLength(100)),
  revenuePlan: RevenuePlanSchema,
  stages: z.array(StageSchema).check(z.maxLength(40)),
  glossary: z.array(GlossaryTermSchema).check(z.maxLength(200)),
  icp: z.array(IcpCriterionSchema).check(z.maxLength(100)),
  buyingCommittee: BuyingCommitteeSchema,
  engagement: EngagementSchema,
  scoring: ScoringSchema,
  handoffs: z.array(HandoffSchema).check(z.maxLength(50)),
  commitments: z.array(CommitmentSchema).check(z.maxLength(100)),
  /** Optional, so agreements made before it existed keep their content and hash. */
  calendar: z.optional(WorkingCalendarSchema),
  reasons: z.array(ReasonSchema).check(z.maxLength(50)),
  recycling: z.object({ reentryAfterDays: maybeNumber, rule: longText, consensus: ConsensusSchema }),
  kpis: z.array(KpiSchema).check(z.maxLength(50)),
  meetings: z.array(MeetingSchema).check(z.maxLength(30)),
  parkingLot: z.array(ParkedTopicSchema).check(z.maxLength(500)),
  decisions: z.array(DecisionSchema).check(z.maxLength(1000)),
  actions: z.array(ActionItemSchema).check(z.maxLength(1000)),
});
/** The whole agreement. */
export type Agreement = z.output<typeof AgreementSchema>;
