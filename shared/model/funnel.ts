import type { Agreement, Commitment, RevenuePlan } from './agreement';

/** Weeks in an average month (52 / 12). */
export const WEEKS_PER_MONTH = 52 / 12;

/** The numbers the reverse funnel is computed from; rates in percent. */
export interface FunnelInputs {
  revenueTarget: number | null;
  averageDealSize: number | null;
  winRate: number | null;
  leadToMql: number | null;
  mqlToSal: number | null;
  salToSql: number | null;
  sqlToOpportunity: number | null;
  periodWeeks: number | null;
  salesCycleDays: number | null;
  sdrHeadcount: number | null;
  leadsPerSdrPerWeek: number | null;
  /** Longest time a lead sits in each early stage (days), from the common vocabulary; missing counts as 0. */
  stageDays?: { inquiry?: number | null; mql?: number | null; sal?: number | null; sql?: number | null };
  /** The agreed attempts per lead (from the SLA), to phrase the capacity check. */
  attemptsPerLead?: number | null;
}

/** A funnel input that can be wrong. */
export type FunnelField = Exclude<keyof FunnelInputs, 'stageDays' | 'attemptsPerLead'>;

/** The funnel levels, from the revenue back to the leads. */
export const funnelLevels = ['deals', 'opportunities', 'sqls', 'sals', 'mqls', 'leads'] as const;
/** A funnel level. */
export type FunnelLevel = (typeof funnelLevels)[number];

/** How each level is named on screen and in the document. */
export const funnelLevelLabels: Record<FunnelLevel, string> = {
  deals: 'Deals won',
  opportunities: 'Opportunities',
  sqls: 'SQLs',
  sals: 'SALs',
  mqls: 'MQLs',
  leads: 'Leads',
};

/** What one level needs. Values are exact (fractional); show them rounded up. */
export interface FunnelLevelNeed {
  level: FunnelLevel;
  perPeriod: number;
  perMonth: number;
  perWeek: number;
  /** How many days before the period starts this level's volume must begin to arrive. */
  leadTimeDays: number;
}

/** Whether the SDR team can work the MQL volume. */
export interface CapacityCheck {
  status: 'ok' | 'tight' | 'over';
  mqlsPerWeek: number;
  capacityPerWeek: number;
  /** MQLs per week against capacity (1 = exactly full). Infinity never leaves here: with no capacity it is null. */
  utilisation: number | null;
  sdrsNeeded: number;
  message: string;
}

/** The computed funnel, or the fields that stop it, each with its message. */
export type FunnelResult =
  | { ok: true; levels: FunnelLevelNeed[]; capacity: CapacityCheck }
  | { ok: false; errors: Partial<Record<FunnelField, string>> };

const rateFields: [FunnelField, string][] = [
  ['winRate', 'win rate'],
  ['leadToMql', 'lead → MQL rate'],
  ['mqlToSal', 'MQL → SAL rate'],
  ['salToSql', 'SAL → SQL rate'],
  ['sqlToOpportunity', 'SQL → opportunity rate'],
];

/** Checks the inputs field by field; an empty object means the funnel can be computed. */
export function validateFunnelInputs(inputs: FunnelInputs): Partial<Record<FunnelField, string>> {
  const errors: Partial<Record<FunnelField, string>> = {};
  const missing = (field: FunnelField) => inputs[field] === null || inputs[field] === undefined || Number.isNaN(inputs[field]);
  if (missing('revenueTarget')) errors.revenueTarget = 'Enter the revenue target.';
  else if (inputs.revenueTarget! <= 0) errors.revenueTarget = 'The revenue target must be more than 0.';
  if (missing('averageDealSize')) errors.averageDealSize = 'Enter the average deal size.';
  else if (inputs.averageDealSize! <= 0) errors.averageDealSize = 'The average deal size must be more than 0.';
  for (const [field, name] of rateFields) {
    if (missing(field)) errors[field] = `Enter the ${name}.`;
    else if (inputs[field]! <= 0) errors[field] = `A ${name} of 0 % or less means nothing ever converts; enter a rate above 0 %.`;
    else if (inputs[field]! > 100) errors[field] = `A ${name} cannot be above 100 %.`;
  }
  if (missing('periodWeeks')) errors.periodWeeks = 'Enter how many weeks the period has.';
  else if (!Number.isInteger(inputs.periodWeeks) || inputs.periodWeeks! < 1 || inputs.periodWeeks! > 104) errors.periodWeeks = 'The period is a whole number of weeks, from 1 to 104.';
  if (missing('salesCycleDays')) errors.salesCycleDays = 'Enter the sales cycle length in days.';
  else if (inputs.salesCycleDays! < 0) errors.salesCycleDays = 'The sales cycle cannot be negative.';
  if (missing('sdrHeadcount')) errors.sdrHeadcount = 'Enter the number of SDRs (0 if none).';
  else if (inputs.sdrHeadcount! < 0) errors.sdrHeadcount = 'The SDR headcount cannot be negative.';
  if (missing('leadsPerSdrPerWeek')) errors.leadsPerSdrPerWeek = 'Enter how many leads one SDR can work a week.';
  else if (inputs.leadsPerSdrPerWeek! <= 0) errors.leadsPerSdrPerWeek = 'One SDR must be able to work more than 0 leads a week.';
  return errors;
}

function days(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function whole(value: number): string {
  return Math.ceil(value - 1e-9).toLocaleString('en-US');
}

/**
 * The reverse funnel (demand waterfall): from the revenue target back to the
 * deals, opportunities, SQLs, SALs, MQLs and leads needed per period, month
 * and week; when each must start arriving (earlier by the sales cycle and the
 * time leads spend in the stages before); and whether the SDRs can work the
 * MQLs. Pure and deterministic; never NaN or Infinity.
 */
export function computeFunnel(inputs: FunnelInputs): FunnelResult {
  const errors = validateFunnelInputs(inputs);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const rate = (field: FunnelField) => inputs[field]! / 100;
  const deals = inputs.revenueTarget! / inputs.averageDealSize!;
  const opportunities = deals / rate('winRate');
  const sqls = opportunities / rate('sqlToOpportunity');
  const sals = sqls / rate('salToSql');
  const mqls = sals / rate('mqlToSal');
  const leads = mqls / rate('leadToMql');
  const weeks = inputs.periodWeeks!;
  const months = weeks / WEEKS_PER_MONTH;
  const cycle = inputs.salesCycleDays!;
  const stageDays = inputs.stageDays ?? {};
  const leadTimes: Record<FunnelLevel, number> = {
    deals: 0,
    opportunities: cycle,
    sqls: cycle + days(stageDays.sql),
    sals: cycle + days(stageDays.sql) + days(stageDays.sal),
    mqls: cycle + days(stageDays.sql) + days(stageDays.sal) + days(stageDays.mql),
    leads: cycle + days(stageDays.sql) + days(stageDays.sal) + days(stageDays.mql) + days(stageDays.inquiry),
  };
  const perPeriod: Record<FunnelLevel, number> = { deals, opportunities, sqls, sals, mqls, leads };
  const levels = funnelLevels.map((level) => ({
    level,
    perPeriod: perPeriod[level],
    perMonth: perPeriod[level] / months,
    perWeek: perPeriod[level] / weeks,
    leadTimeDays: leadTimes[level],
  }));
  return { ok: true, levels, capacity: capacityCheck(mqls / weeks, inputs.sdrHeadcount!, inputs.leadsPerSdrPerWeek!, inputs.attemptsPerLead ?? null) };
}

/** The SDR capacity check: can the team work the MQLs a week at the agreed attempts? */
export function capacityCheck(mqlsPerWeek: number, sdrHeadcount: number, leadsPerSdrPerWeek: number, attemptsPerLead: number | null): CapacityCheck {
  const capacityPerWeek = sdrHeadcount * leadsPerSdrPerWeek;
  const sdrsNeeded = Math.ceil(mqlsPerWeek / leadsPerSdrPerWeek - 1e-9);
  const utilisation = capacityPerWeek > 0 ? mqlsPerWeek / capacityPerWeek : null;
  const attempts = attemptsPerLead && attemptsPerLead > 0 ? ` at ${attemptsPerLead} attempts per lead` : '';
  const team = `${sdrHeadcount} SDR${sdrHeadcount === 1 ? '' : 's'} working ${whole(leadsPerSdrPerWeek)} leads a week each${attempts}`;
  if (utilisation === null) {
    return { status: 'over', mqlsPerWeek, capacityPerWeek, utilisation, sdrsNeeded, message: `The plan needs ${whole(mqlsPerWeek)} MQLs a week and there is no SDR capacity to work them: ${sdrsNeeded} SDRs are needed.` };
  }
  const percent = Math.round(utilisation * 100);
  if (utilisation > 1) {
    return {
      status: 'over',
      mqlsPerWeek,
      capacityPerWeek,
      utilisation,
      sdrsNeeded,
      message: `The plan needs ${whole(mqlsPerWeek)} MQLs a week; ${team} can take ${whole(capacityPerWeek)} (${percent} % of capacity). Add ${sdrsNeeded - sdrHeadcount} SDR${sdrsNeeded - sdrHeadcount === 1 ? '' : 's'}, raise MQL quality, or lower the volume.`,
    };
  }
  if (utilisation > 0.9) {
    return { status: 'tight', mqlsPerWeek, capacityPerWeek, utilisation, sdrsNeeded, message: `The plan needs ${whole(mqlsPerWeek)} MQLs a week; ${team} can take ${whole(capacityPerWeek)} (${percent} % of capacity): no room for a good week.` };
  }
  return { status: 'ok', mqlsPerWeek, capacityPerWeek, utilisation, sdrsNeeded, message: `The plan needs ${whole(mqlsPerWeek)} MQLs a week; ${team} can take ${whole(capacityPerWeek)} (${percent} % of capacity).` };
}

/** The funnel inputs of an agreement: its revenue plan, the stage times of its vocabulary, the agreed attempts of its SLA. */
export function funnelInputsOf(agreement: Agreement): FunnelInputs {
  const plan: RevenuePlan = agreement.revenuePlan;
  const stageDays = (kind: string) => agreement.stages.find((stage) => stage.kind === kind)?.maxDays ?? null;
  const attempts = agreement.commitments.find((commitment) => commitment.kind === 'attempts')?.target ?? null;
  return {
    revenueTarget: plan.revenueTarget,
    averageDealSize: plan.averageDealSize,
    winRate: plan.winRate,
    leadToMql: plan.leadToMql,
    mqlToSal: plan.mqlToSal,
    salToSql: plan.salToSql,
    sqlToOpportunity: plan.sqlToOpportunity,
    periodWeeks: plan.periodWeeks,
    salesCycleDays: plan.salesCycleDays,
    sdrHeadcount: plan.sdrHeadcount,
    leadsPerSdrPerWeek: plan.leadsPerSdrPerWeek,
    stageDays: { inquiry: stageDays('inquiry'), mql: stageDays('mql'), sal: stageDays('sal'), sql: stageDays('sql') },
    attemptsPerLead: attempts,
  };
}

/**
 * The target of marketing's volume commitment, read from the plan (never
 * typed twice): MQLs, or sales-accepted opportunities when that is the
 * headline KPI, per the commitment's window, rounded up. Null when the plan
 * cannot be computed yet.
 */
export function planVolumeTarget(agreement: Agreement, commitment: Pick<Commitment, 'window'>): { value: number; unit: string } | null {
  const funnel = computeFunnel(funnelInputsOf(agreement));
  if (!funnel.ok) return null;
  const level = agreement.revenuePlan.headlineKpi === 'mqls' ? 'mqls' : 'opportunities';
  const need = funnel.levels.find((entry) => entry.level === level)!;
  const raw = commitment.window === 'per-week' ? need.perWeek : commitment.window === 'per-month' ? need.perMonth : need.perPeriod;
  return { value: Math.ceil(raw - 1e-9), unit: level === 'mqls' ? 'MQLs' : 'sales-accepted opportunities' };
}
