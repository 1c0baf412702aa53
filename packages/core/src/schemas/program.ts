import * as z from 'zod/mini';
import { message } from '../messages.js';
import {
  Amount,
  BasisPoints,
  CountryCode,
  Id,
  Key,
  Timestamp,
  WebUrl,
  prose,
  recordFields,
  text,
} from './common.js';
import { PartnerStatus, PartnerTier } from './partner.js';
import {
  CONFLICT_POLICIES,
  DEAL_TYPES,
  MEMBERSHIP_STATUSES,
  PROGRAM_STATUSES,
  REQUIREMENT_METRICS,
} from './values.js';

export const ProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

export const DealType = z.enum(DEAL_TYPES);
export type DealType = z.infer<typeof DealType>;

export const RequirementMetric = z.enum(REQUIREMENT_METRICS);
export type RequirementMetric = z.infer<typeof RequirementMetric>;

/** One bar a partner must clear for a tier: `target` in the metric's unit (minor units for money). */
export const TierRequirement = z.object({
  metric: RequirementMetric,
  target: z.int().check(z.nonnegative()),
  label: z.optional(text(200)),
});
export type TierRequirement = z.infer<typeof TierRequirement>;

export const TierBenefits = z.object({
  /** Discount on list price for quotes. */
  discountBps: BasisPoints,
  /** Extra discount on products of an approved deal registration. */
  dealRegistrationDiscountBps: BasisPoints,
  /** Market development funds per quarter. */
  mdfPerQuarter: z.optional(Amount),
  /** Support first-response target in business hours, overriding the default SLA. */
  caseFirstResponseHours: z.optional(z.int().check(z.minimum(1))),
  perks: z.array(text(200)),
});
export type TierBenefits = z.infer<typeof TierBenefits>;

export const Tier = z.object({
  key: Key,
  name: text(80),
  /** 0 is the entry tier; higher ranks are better. */
  rank: z.int().check(z.nonnegative()),
  requirements: z.array(TierRequirement),
  benefits: TierBenefits,
});
export type Tier = z.infer<typeof Tier>;

export const Eligibility = z.object({
  /** The partner must be in at least one of these segments (empty: any partner). */
  segmentIds: z.array(Id),
  minimumTier: z.nullable(PartnerTier),
  /** Countries the program is offered in (empty: everywhere). */
  countries: z.array(CountryCode),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const ConflictPolicy = z.enum(CONFLICT_POLICIES);
export type ConflictPolicy = z.infer<typeof ConflictPolicy>;

export const DealRegistrationRules = z.object({
  enabled: z.boolean(),
  dealTypes: z.array(DealType),
  /** Days an approved registration protects the partner's claim. */
  exclusivityDays: z.int().check(z.minimum(1)),
  /** Days one extension adds; `maxExtensions` 0 disables extensions. */
  extensionDays: z.int().check(z.nonnegative()),
  maxExtensions: z.int().check(z.nonnegative()),
  minimumValue: z.nullable(Amount),
  approvalRequired: z.boolean(),
  /** Registrations below this value with no conflict are approved on submit. */
  autoApproveBelow: z.nullable(Amount),
  /** Business hours the enterprise has to decide (the approval SLA). */
  approvalSlaHours: z.int().check(z.minimum(1)),
  /** `first_come`: a conflicting later claim is rejected; `manual_review`: a person decides. */
  conflictPolicy: ConflictPolicy,
});
export type DealRegistrationRules = z.infer<typeof DealRegistrationRules>;

export const Program = z.object({
  ...recordFields,
  name: text(120),
  description: prose(5_000),
  status: ProgramStatus,
  tiers: z.array(Tier).check(z.minLength(1)),
  eligibility: Eligibility,
  dealRegistration: DealRegistrationRules,
  termsVersion: text(40),
  termsUrl: z.optional(WebUrl),
});
export type Program = z.infer<typeof Program>;

export const ProgramInput = z.object({
  name: text(120),
  description: prose(5_000),
  tiers: z.array(Tier).check(z.minLength(1)),
  eligibility: Eligibility,
  dealRegistration: DealRegistrationRules,
  termsVersion: text(40),
  termsUrl: z.optional(WebUrl),
});
export type ProgramInput = z.infer<typeof ProgramInput>;

export const ProgramPatch = z.partial(ProgramInput);
export type ProgramPatch = z.infer<typeof ProgramPatch>;

export const MembershipStatus = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

/** A counted entitlement of a membership, such as demo licences. */
export const Entitlement = z.object({
  key: Key,
  label: text(200),
  total: z.nullable(z.int().check(z.nonnegative())),
  used: z.int().check(z.nonnegative()),
});
export type Entitlement = z.infer<typeof Entitlement>;

/** A partner's relationship with a program. */
export const ProgramMembership = z.object({
  ...recordFields,
  partnerId: Id,
  programId: Id,
  tierKey: Key,
  status: MembershipStatus,
  startedAt: z.nullable(Timestamp),
  /** When the membership ends unless renewed. */
  renewsAt: z.nullable(Timestamp),
  acceptedTerms: z.object({ version: z.string(), by: Id, at: Timestamp }),
  entitlements: z.array(Entitlement),
  history: z.array(
    z.object({
      from: z.nullable(z.string()),
      to: z.string(),
      by: Id,
      at: Timestamp,
      reason: z.optional(z.string()),
    }),
  ),
});
export type ProgramMembership = z.infer<typeof ProgramMembership>;

/** A partner applies to (enrolls in) a program, accepting the current terms. */
export const MembershipApplication = z.object({
  programId: Id,
  /** Enterprise callers name the partner; for partner viewers it is their own. */
  partnerId: z.optional(Id),
  tierKey: z.optional(Key),
  acceptedTermsVersion: z.string().check(z.minLength(1, message('acceptTerms'))),
});
export type MembershipApplication = z.infer<typeof MembershipApplication>;

/**
 * Why a partner may not apply to a program (`programEligibility` lists every failing check):
 * - `program_not_active`: the program is a draft or retired;
 * - `partner_not_active`: the partner is neither active nor onboarding;
 * - `segment_required`: the partner is in none of the program's segments;
 * - `tier_too_low`: the partner's tier is below the program's minimum;
 * - `country_not_covered`: the program is not offered in the partner's country;
 * - `already_member`: the partner already has a live membership (applied, active or
 *   suspended).
 */
export const IneligibilityReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('program_not_active'), status: ProgramStatus }),
  z.object({ code: z.literal('partner_not_active'), status: PartnerStatus }),
  z.object({ code: z.literal('segment_required'), segmentIds: z.array(Id) }),
  z.object({ code: z.literal('tier_too_low'), required: PartnerTier, actual: PartnerTier }),
  z.object({ code: z.literal('country_not_covered'), country: z.string() }),
  z.object({ code: z.literal('already_member'), status: MembershipStatus, membershipId: Id }),
]);
export type IneligibilityReason = z.infer<typeof IneligibilityReason>;

/** Whether a partner may join one program and, when not, every reason why. */
export const ProgramEligibility = z.object({
  programId: Id,
  /** Exactly when `reasons` is empty. */
  eligible: z.boolean(),
  reasons: z.array(IneligibilityReason),
});
export type ProgramEligibility = z.infer<typeof ProgramEligibility>;
