import * as z from 'zod/mini';
import { CurrencyCode, Id, Key, Money, Timestamp } from './common.js';
import { Entitlement, MembershipStatus, RequirementMetric } from './program.js';

const Count = z.int().check(z.nonnegative());
/** A share from 0 to 1 (win rate, conversion, progress): not money, so a plain number. */
const Ratio = z.number().check(z.minimum(0), z.maximum(1));

/**
 * One bar of a chart: `key` is a stable value (a status, a tier key, a record id), `label`
 * a display name where the key is an id, `value` the figure.
 */
export const MetricRow = z.object({
  key: z.string(),
  label: z.optional(z.string()),
  value: z.number(),
});
export type MetricRow = z.infer<typeof MetricRow>;

/**
 * A group of records and what they are worth: one amount per currency, sorted by currency —
 * amounts in different currencies are never added together.
 */
export const MoneyRow = z.object({
  key: z.string(),
  label: z.optional(z.string()),
  count: Count,
  amounts: z.array(Money),
});
export type MoneyRow = z.infer<typeof MoneyRow>;

/** How far a partner is on one requirement of the next tier (money in minor units). */
export const RequirementProgress = z.object({
  metric: RequirementMetric,
  label: z.optional(z.string()),
  target: Count,
  actual: Count,
  met: z.boolean(),
  /** `actual / target`, at most 1; 1 when the target is 0. */
  ratio: Ratio,
});
export type RequirementProgress = z.infer<typeof RequirementProgress>;

/** Progress from the current tier of a program to the next one up. */
export const TierProgress = z.object({
  programId: Id,
  currentTierKey: Key,
  nextTierKey: Key,
  nextTierName: z.string(),
  /** Every requirement of the next tier is met. */
  met: z.boolean(),
  requirements: z.array(RequirementProgress),
});
export type TierProgress = z.infer<typeof TierProgress>;

/** Open cases past a service-level due time. */
export const SlaSummary = z.object({
  /** Cases past at least one due time. */
  breached: Count,
  /** Still without a first response after `firstResponseDueAt`. */
  firstResponse: Count,
  /** Still unresolved after `resolutionDueAt`. */
  resolution: Count,
  caseIds: z.array(Id),
});
export type SlaSummary = z.infer<typeof SlaSummary>;

/** A partner's membership of one program, with progress to the next tier when active. */
export const ProgramParticipation = z.object({
  key: Id,
  label: z.optional(z.string()),
  status: MembershipStatus,
  tierKey: Key,
  tierName: z.optional(z.string()),
  renewsAt: z.nullable(Timestamp),
  entitlements: z.array(Entitlement),
  /** `null` at the top tier, or when the membership is not active. */
  progress: z.nullable(TierProgress),
});
export type ProgramParticipation = z.infer<typeof ProgramParticipation>;

/** The partner dashboard's figures, as `adapter.metrics.partner(partnerId)` serves them. */
export const PartnerMetrics = z.object({
  partnerId: Id,
  generatedAt: Timestamp,
  /** The currency money tier requirements are measured in (see `partnerMeasures`). */
  currency: CurrencyCode,
  /** Live memberships (applied, active or suspended), by program id. */
  programs: z.array(ProgramParticipation),
  /** Opportunities per stage, every stage present, in `OPPORTUNITY_STAGES` order. */
  pipeline: z.array(MoneyRow),
  /** Live registrations (`LIVE_DEAL_STATUSES`) and their estimated value per currency. */
  registeredPipeline: z.object({ count: Count, amounts: z.array(Money) }),
  /** Won / (won + lost); `null` before any opportunity closed. */
  winRate: z.nullable(Ratio),
  /** Deal registrations per status, every status present. */
  registrations: z.array(MetricRow),
  /** Value registered per calendar month (UTC, key `YYYY-MM`), months without any included. */
  registeredValueByMonth: z.array(MoneyRow),
  /** Mean days from submission to approval; `null` before any approval. */
  averageDaysToApprove: z.nullable(z.number().check(z.nonnegative())),
  /** Cases per status, every status present. */
  cases: z.array(MetricRow),
  sla: SlaSummary,
});
export type PartnerMetrics = z.infer<typeof PartnerMetrics>;

/** One partner's activity count over the last 30 and 90 days. */
export const EngagementRow = z.object({
  key: Id,
  label: z.optional(z.string()),
  last30Days: Count,
  last90Days: Count,
  lastActivityAt: z.nullable(Timestamp),
});
export type EngagementRow = z.infer<typeof EngagementRow>;

/** Partner engagement: how many active partners were active lately, and who most and least. */
export const Engagement = z.object({
  /** Active partners with any activity in the last 30 days. */
  active30Days: Count,
  /** … in the last 90 days. */
  active90Days: Count,
  /** Active partners with no activity in the last 90 days. */
  inactive90Days: Count,
  mostEngaged: z.array(EngagementRow),
  leastEngaged: z.array(EngagementRow),
});
export type Engagement = z.infer<typeof Engagement>;

/** Open cases of one partner, and how many of them are past an SLA due time. */
export const PartnerCasesRow = z.object({
  key: Id,
  label: z.optional(z.string()),
  open: Count,
  breached: Count,
});
export type PartnerCasesRow = z.infer<typeof PartnerCasesRow>;

/** A partner ranked by value in one currency (`value` in minor units of that currency). */
export const RankedPartnerRow = z.object({
  key: Id,
  label: z.optional(z.string()),
  value: Count,
  count: Count,
});
export type RankedPartnerRow = z.infer<typeof RankedPartnerRow>;

/** A ranking within one currency: partners' values in different currencies are not compared. */
export const CurrencyRanking = z.object({
  currency: CurrencyCode,
  rows: z.array(RankedPartnerRow),
});
export type CurrencyRanking = z.infer<typeof CurrencyRanking>;

/** Registrations of one program converted to opportunities, out of those decided. */
export const ConversionRow = z.object({
  key: Id,
  label: z.optional(z.string()),
  converted: Count,
  decided: Count,
  /** `converted / decided`; `null` when none is decided. */
  value: z.nullable(Ratio),
});
export type ConversionRow = z.infer<typeof ConversionRow>;

/** Deal registrations waiting for an enterprise decision. */
export const ApprovalQueue = z.object({
  /** Registrations waiting for the enterprise: submitted or under review. */
  waiting: Count,
  /** … of which past their approval due time. */
  overdue: Count,
  oldestSubmittedAt: z.nullable(Timestamp),
});
export type ApprovalQueue = z.infer<typeof ApprovalQueue>;

/** The enterprise dashboard's figures, as `adapter.metrics.enterprise()` serves them. */
export const EnterpriseMetrics = z.object({
  generatedAt: Timestamp,
  /** All partners per status, every status present. */
  partnersByStatus: z.array(MetricRow),
  /** Active partners per tier, every tier present. */
  partnersByTier: z.array(MetricRow),
  /** Active partners per segment (the segment mix), by segment id. */
  partnersBySegment: z.array(MetricRow),
  /** Active memberships per program. */
  membersByProgram: z.array(MetricRow),
  engagement: Engagement,
  approvals: ApprovalQueue,
  averageDaysToApprove: z.nullable(z.number().check(z.nonnegative())),
  casesByStatus: z.array(MetricRow),
  /** Partners with open cases, most breaches first. */
  casesByPartner: z.array(PartnerCasesRow),
  sla: SlaSummary,
  /** Partners with the most live registered value, per currency. */
  topPartnersByRegisteredValue: z.array(CurrencyRanking),
  conversionByProgram: z.array(ConversionRow),
});
export type EnterpriseMetrics = z.infer<typeof EnterpriseMetrics>;
