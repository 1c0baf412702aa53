import type { Activity } from '../schemas/activity.js';
import type { Case, CaseStatus } from '../schemas/case.js';
import type { Money } from '../schemas/common.js';
import type { DealRegistration, DealStatus } from '../schemas/deal.js';
import type {
  ApprovalQueue,
  ConversionRow,
  CurrencyRanking,
  Engagement,
  EngagementRow,
  EnterpriseMetrics,
  MetricRow,
  MoneyRow,
  PartnerCasesRow,
  PartnerMetrics,
  ProgramParticipation,
  SlaSummary,
  TierProgress,
} from '../schemas/metrics.js';
import type { Partner } from '../schemas/partner.js';
import type { Program, ProgramMembership, RequirementMetric } from '../schemas/program.js';
import type { Opportunity } from '../schemas/sales.js';
import type { Segment } from '../schemas/segment.js';
import {
  CASE_STATUSES,
  DEAL_STATUSES,
  LIVE_DEAL_STATUSES,
  OPEN_CASE_STATUSES,
  OPPORTUNITY_STAGES,
  PARTNER_STATUSES,
  PARTNER_TIERS,
} from '../schemas/values.js';
import { isApprovalOverdue } from './deal-protection.js';
import {
  AWAITING_DECISION,
  DAY_MS,
  LIVE_MEMBERSHIPS,
  compareCodeUnits,
  toIso,
  toMs,
} from './internal.js';
import { segmentsFor, type SegmentPartner } from './segments.js';
import { caseSlaState, type CaseSlaFields, type CaseSlaState } from './sla.js';

// ---------------------------------------------------------------------------------------
// Small helpers

/** Adds amounts per currency; integer minor units stay exact below 2^53. */
class MoneyTotals {
  readonly #byCurrency = new Map<string, number>();
  add(money: Money): void {
    this.#byCurrency.set(
      money.currency,
      (this.#byCurrency.get(money.currency) ?? 0) + money.amount,
    );
  }
  amountIn(currency: string): number {
    return this.#byCurrency.get(currency) ?? 0;
  }
  list(): Money[] {
    return [...this.#byCurrency]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([currency, amount]) => ({ currency, amount }));
  }
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): MetricRow[] {
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([key, value]) => ({ key, value }));
}

const withLabel = <T extends { key: string }>(
  row: T,
  label: string | undefined,
): T & { label?: string } => (label === undefined ? row : { ...row, label });

// ---------------------------------------------------------------------------------------
// Opportunities and deal registrations

/**
 * Opportunities per stage — every stage, in `OPPORTUNITY_STAGES` order — with their count and
 * their value per currency.
 */
export function pipelineByStage(
  opportunities: readonly Pick<Opportunity, 'stage' | 'amount'>[],
): MoneyRow[] {
  return OPPORTUNITY_STAGES.map((stage) => {
    const totals = new MoneyTotals();
    let count = 0;
    for (const opportunity of opportunities) {
      if (opportunity.stage !== stage) continue;
      count += 1;
      totals.add(opportunity.amount);
    }
    return { key: stage, count, amounts: totals.list() };
  });
}

/** Won ÷ (won + lost), from 0 to 1; `null` when no opportunity has closed. */
export function winRate(opportunities: readonly Pick<Opportunity, 'stage'>[]): number | null {
  const won = opportunities.filter((o) => o.stage === 'closed_won').length;
  const lost = opportunities.filter((o) => o.stage === 'closed_lost').length;
  return won + lost === 0 ? null : won / (won + lost);
}

/** Deal registrations per status, every status present, in `DEAL_STATUSES` order. */
export function registrationsByStatus(
  deals: readonly Pick<DealRegistration, 'status'>[],
): MetricRow[] {
  return countBy(
    DEAL_STATUSES,
    deals.map((d) => d.status),
  );
}

/**
 * Mean days from `submittedAt` to the approval (`decision.at` of an approved decision),
 * rounded to one decimal; `null` when nothing was approved.
 */
export function averageDaysToApprove(
  deals: readonly Pick<DealRegistration, 'submittedAt' | 'decision'>[],
): number | null {
  const days: number[] = [];
  for (const deal of deals) {
    if (deal.decision?.outcome !== 'approved' || deal.submittedAt === null) continue;
    days.push(Math.max(0, toMs(deal.decision.at) - toMs(deal.submittedAt)) / DAY_MS);
  }
  if (days.length === 0) return null;
  const mean = days.reduce((sum, d) => sum + d, 0) / days.length;
  return Math.round(mean * 10) / 10;
}

const LIVE: ReadonlySet<DealStatus> = new Set(LIVE_DEAL_STATUSES);

/** Live registrations (`LIVE_DEAL_STATUSES`): how many, and their estimated value per currency. */
export function registeredPipeline(
  deals: readonly Pick<DealRegistration, 'status' | 'estimatedValue'>[],
): { count: number; amounts: Money[] } {
  const totals = new MoneyTotals();
  let count = 0;
  for (const deal of deals) {
    if (!LIVE.has(deal.status)) continue;
    count += 1;
    totals.add(deal.estimatedValue);
  }
  return { count, amounts: totals.list() };
}

/** Statuses whose registered value is no longer claimed. */
const UNREGISTERED: ReadonlySet<DealStatus> = new Set(['draft', 'withdrawn', 'rejected']);

/**
 * Estimated value registered per calendar month of submission (UTC, key `YYYY-MM`), per
 * currency, from the first month to the last with the months between present as zero.
 * Drafts, withdrawn and rejected registrations do not count.
 */
export function registeredValueByMonth(
  deals: readonly Pick<DealRegistration, 'status' | 'submittedAt' | 'estimatedValue'>[],
): MoneyRow[] {
  const months = new Map<string, { count: number; totals: MoneyTotals }>();
  for (const deal of deals) {
    if (deal.submittedAt === null || UNREGISTERED.has(deal.status)) continue;
    const month = toIso(toMs(deal.submittedAt)).slice(0, 7);
    const entry = months.get(month) ?? { count: 0, totals: new MoneyTotals() };
    entry.count += 1;
    entry.totals.add(deal.estimatedValue);
    months.set(month, entry);
  }
  const keys = [...months.keys()].sort(compareCodeUnits);
  const first = keys[0];
  const last = keys.at(-1);
  if (first === undefined || last === undefined) return [];
  const rows: MoneyRow[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) {
    const entry = months.get(month);
    rows.push({ key: month, count: entry?.count ?? 0, amounts: entry?.totals.list() ?? [] });
  }
  return rows;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)); // 1-based, so it is the next month's 0-based index
  return toIso(Date.UTC(year, index, 1)).slice(0, 7);
}

// ---------------------------------------------------------------------------------------
// Cases

/** The case fields the SLA check reads. */
export type SlaCase = Pick<Case, 'id' | 'status'> & CaseSlaFields;

const OPEN: ReadonlySet<CaseStatus> = new Set(OPEN_CASE_STATUSES);
const isOpen = (c: Pick<Case, 'status'>): boolean => OPEN.has(c.status);

/**
 * The SLA state (`caseSlaState`) of a case still open at `now`; `null` for a resolved or
 * closed case, which needs no attention whatever its clocks say.
 */
const openCaseSla = (c: SlaCase, now: string): CaseSlaState | null =>
  isOpen(c) && c.resolvedAt === null ? caseSlaState(c, now) : null;

/** Cases per status, every status present, in `CASE_STATUSES` order. */
export function casesByStatus(cases: readonly Pick<Case, 'status'>[]): MetricRow[] {
  return countBy(
    CASE_STATUSES,
    cases.map((c) => c.status),
  );
}

/**
 * Open cases in breach of their SLA at `now` (an ISO timestamp), clock by clock as
 * `caseSlaState` judges them: a first response that came late, or has not come by
 * `firstResponseDueAt`, and no resolution by `resolutionDueAt`. Resolved and closed cases
 * are never counted, even if they were late — this is what needs attention now.
 */
export function slaBreaches(cases: readonly SlaCase[], now: string): SlaSummary {
  const summary: SlaSummary = { breached: 0, firstResponse: 0, resolution: 0, caseIds: [] };
  for (const c of cases) {
    const sla = openCaseSla(c, now);
    if (!sla?.breached) continue;
    if (sla.firstResponse === 'breached') summary.firstResponse += 1;
    if (sla.resolution === 'breached') summary.resolution += 1;
    summary.breached += 1;
    summary.caseIds.push(c.id);
  }
  summary.caseIds.sort(compareCodeUnits);
  return summary;
}

// ---------------------------------------------------------------------------------------
// Tier progress

/** A partner's standing on every tier requirement metric (money in minor units). */
export type PartnerMeasures = Record<RequirementMetric, number>;

/** Registrations the enterprise accepted: approved, then possibly converted or expired. */
const REGISTERED: ReadonlySet<DealStatus> = new Set(['approved', 'converted', 'expired']);

/** What `partnerMeasures` computes from. */
export interface PartnerMeasuresInput {
  partner: Pick<Partner, 'annualRevenue' | 'certifications'>;
  deals: readonly Pick<DealRegistration, 'status'>[];
  opportunities: readonly Pick<Opportunity, 'stage' | 'amount'>[];
  /**
   * The currency money requirement targets are stated in. Revenue in another currency
   * counts as 0: amounts are never converted.
   */
  currency: string;
}

/**
 * A partner's measures for tier requirements: `annual_revenue` from its profile,
 * `certifications`, `registered_deals` (approved, converted or expired registrations),
 * `won_deals` and `won_revenue` (closed-won opportunities, revenue in `currency` only).
 */
export function partnerMeasures(input: PartnerMeasuresInput): PartnerMeasures {
  const won = input.opportunities.filter((o) => o.stage === 'closed_won');
  const wonRevenue = new MoneyTotals();
  for (const o of won) wonRevenue.add(o.amount);
  const revenue = input.partner.annualRevenue;
  return {
    annual_revenue: revenue?.currency === input.currency ? revenue.amount : 0,
    certifications: input.partner.certifications,
    registered_deals: input.deals.filter((d) => REGISTERED.has(d.status)).length,
    won_deals: won.length,
    won_revenue: wonRevenue.amountIn(input.currency),
  };
}

/**
 * Progress toward the next tier up (the lowest rank above the current tier's): each of its
 * requirements with target, actual, whether it is met and `actual / target` capped at 1.
 * `null` at the top tier, or when `currentTierKey` is not one of the program's tiers.
 */
export function tierProgress(
  measures: PartnerMeasures,
  program: Pick<Program, 'id' | 'tiers'>,
  currentTierKey: string,
): TierProgress | null {
  const current = program.tiers.find((t) => t.key === currentTierKey);
  if (!current) return null;
  const next = program.tiers
    .filter((t) => t.rank > current.rank)
    .sort((a, b) => a.rank - b.rank)[0];
  if (!next) return null;
  const requirements = next.requirements.map((requirement) => {
    const actual = Math.max(0, measures[requirement.metric]);
    const met = actual >= requirement.target;
    return {
      metric: requirement.metric,
      ...(requirement.label === undefined ? {} : { label: requirement.label }),
      target: requirement.target,
      actual,
      met,
      ratio: requirement.target === 0 ? 1 : Math.min(1, actual / requirement.target),
    };
  });
  return {
    programId: program.id,
    currentTierKey: current.key,
    nextTierKey: next.key,
    nextTierName: next.name,
    met: requirements.every((r) => r.met),
    requirements,
  };
}

// ---------------------------------------------------------------------------------------
// Dashboards

/** The program fields the partner dashboard reads. */
export type MetricsProgram = Pick<Program, 'id' | 'name' | 'tiers'>;
/** The membership fields the partner dashboard reads. */
export type MetricsMembership = Pick<
  ProgramMembership,
  'partnerId' | 'programId' | 'tierKey' | 'status' | 'renewsAt' | 'entitlements'
>;

/** What `partnerMetrics` computes from: plain arrays, no I/O. */
export interface PartnerMetricsInput {
  partner: Pick<Partner, 'id' | 'annualRevenue' | 'certifications'>;
  programs: readonly MetricsProgram[];
  memberships: readonly MetricsMembership[];
  deals: readonly Pick<
    DealRegistration,
    'partnerId' | 'status' | 'submittedAt' | 'decision' | 'estimatedValue'
  >[];
  opportunities: readonly Pick<Opportunity, 'partnerId' | 'stage' | 'amount'>[];
  cases: readonly (SlaCase & Pick<Case, 'partnerId'>)[];
  /** The currency of money tier requirements (see `partnerMeasures`). */
  currency: string;
  /** The moment the figures are for, as an ISO timestamp. */
  now: string;
}

/**
 * The partner dashboard's figures. Records of other partners in the arrays are ignored, so
 * a caller may pass unfiltered lists.
 */
export function partnerMetrics(input: PartnerMetricsInput): PartnerMetrics {
  const partnerId = input.partner.id;
  const mine = <T extends { partnerId: string }>(items: readonly T[]): T[] =>
    items.filter((item) => item.partnerId === partnerId);
  const deals = mine(input.deals);
  const opportunities = mine(input.opportunities);
  const cases = mine(input.cases);
  const measures = partnerMeasures({
    partner: input.partner,
    deals,
    opportunities,
    currency: input.currency,
  });
  const programs = new Map(input.programs.map((p) => [p.id, p]));

  const participation = mine(input.memberships)
    .filter((m) => LIVE_MEMBERSHIPS.has(m.status))
    .sort((a, b) => compareCodeUnits(a.programId, b.programId))
    .map((m): ProgramParticipation => {
      const program = programs.get(m.programId);
      const tierName = program?.tiers.find((t) => t.key === m.tierKey)?.name;
      const progress =
        program && m.status === 'active' ? tierProgress(measures, program, m.tierKey) : null;
      return {
        ...withLabel({ key: m.programId }, program?.name),
        status: m.status,
        tierKey: m.tierKey,
        ...(tierName === undefined ? {} : { tierName }),
        renewsAt: m.renewsAt,
        entitlements: m.entitlements,
        progress,
      };
    });

  return {
    partnerId,
    generatedAt: toIso(toMs(input.now)),
    currency: input.currency,
    programs: participation,
    pipeline: pipelineByStage(opportunities),
    registeredPipeline: registeredPipeline(deals),
    winRate: winRate(opportunities),
    registrations: registrationsByStatus(deals),
    registeredValueByMonth: registeredValueByMonth(deals),
    averageDaysToApprove: averageDaysToApprove(deals),
    cases: casesByStatus(cases),
    sla: slaBreaches(cases, input.now),
  };
}

/** What `enterpriseMetrics` computes from: plain arrays, no I/O. */
export interface EnterpriseMetricsInput {
  partners: readonly (SegmentPartner & Pick<Partner, 'name'>)[];
  deals: readonly Pick<
    DealRegistration,
    | 'partnerId'
    | 'programId'
    | 'status'
    | 'submittedAt'
    | 'approvalDueAt'
    | 'decision'
    | 'estimatedValue'
  >[];
  cases: readonly (SlaCase & Pick<Case, 'partnerId'>)[];
  activities: readonly Pick<Activity, 'partnerId' | 'at'>[];
  memberships: readonly Pick<ProgramMembership, 'programId' | 'status'>[];
  segments: readonly Pick<Segment, 'id' | 'name' | 'rule' | 'manualMemberIds'>[];
  /** Program names for labels; rows of programs missing here have no label. */
  programs?: readonly Pick<Program, 'id' | 'name'>[];
  /** The moment the figures are for, as an ISO timestamp. */
  now: string;
  /** Rows in each ranked list (engagement, cases by partner, top partners); default 10. */
  top?: number;
}

/** Registrations the enterprise has decided on: `converted / decided` is the conversion rate. */
const DECIDED: ReadonlySet<DealStatus> = new Set(['approved', 'rejected', 'converted', 'expired']);

/**
 * The enterprise dashboard's figures across the given records. Tier, segment and engagement
 * figures count `active` partners; `partnersByStatus` counts all. Engagement counts
 * activities in the 30 and 90 days up to `now`. Top partners rank live registrations
 * (`LIVE_DEAL_STATUSES`) by estimated value, within each currency.
 */
export function enterpriseMetrics(input: EnterpriseMetricsInput): EnterpriseMetrics {
  const top = input.top ?? 10;
  const { now } = input;
  const names = new Map(input.partners.map((p) => [p.id, p.name]));
  const programNames = new Map((input.programs ?? []).map((p) => [p.id, p.name]));
  const active = input.partners.filter((p) => p.status === 'active');

  const segmentCounts = new Map(input.segments.map((s) => [s.id, 0]));
  for (const partner of active) {
    for (const id of segmentsFor(partner, input.segments)) {
      segmentCounts.set(id, (segmentCounts.get(id) ?? 0) + 1);
    }
  }
  const partnersBySegment = [...input.segments]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((s) => ({ key: s.id, label: s.name, value: segmentCounts.get(s.id) ?? 0 }));

  const membersByProgram = countRows(
    input.memberships.filter((m) => m.status === 'active').map((m) => m.programId),
    programNames,
  );

  return {
    generatedAt: toIso(toMs(now)),
    partnersByStatus: countBy(
      PARTNER_STATUSES,
      input.partners.map((p) => p.status),
    ),
    partnersByTier: countBy(
      PARTNER_TIERS,
      active.map((p) => p.tier),
    ),
    partnersBySegment,
    membersByProgram,
    engagement: engagement(active, input.activities, toMs(now), top),
    approvals: approvalQueue(input.deals, now),
    averageDaysToApprove: averageDaysToApprove(input.deals),
    casesByStatus: casesByStatus(input.cases),
    casesByPartner: casesByPartner(input.cases, names, now, top),
    sla: slaBreaches(input.cases, now),
    topPartnersByRegisteredValue: topPartners(input.deals, names, top),
    conversionByProgram: conversionByProgram(input.deals, programNames),
  };
}

/** Occurrences of each key, sorted by key, labelled from `labels`. */
function countRows(keys: readonly string[], labels: ReadonlyMap<string, string>): MetricRow[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, value]) => withLabel({ key, value }, labels.get(key)));
}

function engagement(
  partners: readonly Pick<Partner, 'id' | 'name'>[],
  activities: readonly Pick<Activity, 'partnerId' | 'at'>[],
  now: number,
  top: number,
): Engagement {
  const rows = new Map<string, EngagementRow & { last: number }>(
    partners.map((p) => [
      p.id,
      {
        key: p.id,
        label: p.name,
        last30Days: 0,
        last90Days: 0,
        lastActivityAt: null,
        last: -Infinity,
      },
    ]),
  );
  for (const activity of activities) {
    const row = activity.partnerId === null ? undefined : rows.get(activity.partnerId);
    const at = toMs(activity.at);
    if (!row || at > now) continue;
    if (at > row.last) {
      row.last = at;
      row.lastActivityAt = activity.at;
    }
    const age = now - at;
    if (age < 90 * DAY_MS) row.last90Days += 1;
    if (age < 30 * DAY_MS) row.last30Days += 1;
  }
  const all = [...rows.values()];
  const strip = ({ last: _last, ...row }: EngagementRow & { last: number }): EngagementRow => row;
  const most = all
    .filter((r) => r.last90Days > 0)
    .sort(
      (a, b) =>
        b.last30Days - a.last30Days ||
        b.last90Days - a.last90Days ||
        compareCodeUnits(a.key, b.key),
    );
  const least = [...all].sort(
    (a, b) =>
      a.last30Days - b.last30Days ||
      a.last90Days - b.last90Days ||
      a.last - b.last ||
      compareCodeUnits(a.key, b.key),
  );
  return {
    active30Days: all.filter((r) => r.last30Days > 0).length,
    active90Days: all.filter((r) => r.last90Days > 0).length,
    inactive90Days: all.filter((r) => r.last90Days === 0).length,
    mostEngaged: most.slice(0, top).map(strip),
    leastEngaged: least.slice(0, top).map(strip),
  };
}

function approvalQueue(
  deals: readonly Pick<DealRegistration, 'status' | 'submittedAt' | 'approvalDueAt'>[],
  now: string,
): ApprovalQueue {
  const waiting = deals.filter((d) => AWAITING_DECISION.has(d.status));
  let oldest: string | null = null;
  for (const deal of waiting) {
    if (deal.submittedAt !== null && (oldest === null || toMs(deal.submittedAt) < toMs(oldest))) {
      oldest = deal.submittedAt;
    }
  }
  return {
    waiting: waiting.length,
    overdue: waiting.filter((d) => isApprovalOverdue(d, now)).length,
    oldestSubmittedAt: oldest,
  };
}

function casesByPartner(
  cases: readonly (SlaCase & Pick<Case, 'partnerId'>)[],
  names: ReadonlyMap<string, string>,
  now: string,
  top: number,
): PartnerCasesRow[] {
  const rows = new Map<string, PartnerCasesRow>();
  for (const c of cases) {
    if (!isOpen(c)) continue;
    const row =
      rows.get(c.partnerId) ??
      withLabel({ key: c.partnerId, open: 0, breached: 0 }, names.get(c.partnerId));
    row.open += 1;
    if (openCaseSla(c, now)?.breached) row.breached += 1;
    rows.set(c.partnerId, row);
  }
  return [...rows.values()]
    .sort((a, b) => b.breached - a.breached || b.open - a.open || compareCodeUnits(a.key, b.key))
    .slice(0, top);
}

function topPartners(
  deals: readonly Pick<DealRegistration, 'partnerId' | 'status' | 'estimatedValue'>[],
  names: ReadonlyMap<string, string>,
  top: number,
): CurrencyRanking[] {
  const byCurrency = new Map<string, Map<string, { value: number; count: number }>>();
  for (const deal of deals) {
    if (!LIVE.has(deal.status)) continue;
    const { currency, amount } = deal.estimatedValue;
    const partners =
      byCurrency.get(currency) ?? new Map<string, { value: number; count: number }>();
    const entry = partners.get(deal.partnerId) ?? { value: 0, count: 0 };
    entry.value += amount;
    entry.count += 1;
    partners.set(deal.partnerId, entry);
    byCurrency.set(currency, partners);
  }
  return [...byCurrency]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([currency, partners]) => ({
      currency,
      rows: [...partners]
        .map(([key, entry]) => withLabel({ key, ...entry }, names.get(key)))
        .sort((a, b) => b.value - a.value || compareCodeUnits(a.key, b.key))
        .slice(0, top),
    }));
}

function conversionByProgram(
  deals: readonly Pick<DealRegistration, 'programId' | 'status'>[],
  labels: ReadonlyMap<string, string>,
): ConversionRow[] {
  const rows = new Map<string, { converted: number; decided: number }>();
  for (const deal of deals) {
    if (!DECIDED.has(deal.status)) continue;
    const row = rows.get(deal.programId) ?? { converted: 0, decided: 0 };
    row.decided += 1;
    if (deal.status === 'converted') row.converted += 1;
    rows.set(deal.programId, row);
  }
  for (const id of labels.keys()) if (!rows.has(id)) rows.set(id, { converted: 0, decided: 0 });
  return [...rows]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, { converted, decided }]) =>
      withLabel(
        { key, converted, decided, value: decided === 0 ? null : converted / decided },
        labels.get(key),
      ),
    );
}
