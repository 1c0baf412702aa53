import type { Partner, PartnerStatus } from '../schemas/partner.js';
import type { IneligibilityReason, Program, ProgramMembership } from '../schemas/program.js';
import { LIVE_MEMBERSHIPS } from './internal.js';
import { partnerTierRank } from './segments.js';

/**
 * The answer of `programEligibility`: `eligible` exactly when `reasons` is empty. Every
 * failing check is listed (`ProgramEligibility` is this with the program's id).
 */
export interface EligibilityResult {
  eligible: boolean;
  reasons: IneligibilityReason[];
}

/** The partner fields eligibility reads. */
export type EligibilityPartner = Pick<Partner, 'id' | 'status' | 'tier' | 'country' | 'segmentIds'>;
/** The program fields eligibility reads. */
export type EligibilityProgram = Pick<Program, 'id' | 'status' | 'eligibility'>;
/** The membership fields eligibility reads. */
export type EligibilityMembership = Pick<
  ProgramMembership,
  'id' | 'partnerId' | 'programId' | 'status'
>;

/** What else eligibility may take into account. */
export interface EligibilityOptions {
  /** The partner's segments as evaluated now (`segmentsFor`); defaults to `partner.segmentIds`. */
  segmentIds?: readonly string[];
  /** Existing memberships (any partner, any program); used to find a live one. */
  memberships?: readonly EligibilityMembership[];
}

/**
 * Partner statuses that may apply. `onboarding` partners may: enrolling in a first program is
 * part of onboarding. `prospect`s are not partners yet (their application is pending), and
 * `suspended` / `terminated` partners may not take on new programs.
 */
const APPLYING_STATUSES: ReadonlySet<PartnerStatus> = new Set(['active', 'onboarding']);

/**
 * Whether a partner may apply to a program, and every reason it may not: the program must be
 * active; the partner active or onboarding; in one of the program's segments (when it names
 * any); at or above its minimum tier; in one of its countries (when it names any); and without
 * a live membership of it.
 */
export function programEligibility(
  partner: EligibilityPartner,
  program: EligibilityProgram,
  options: EligibilityOptions = {},
): EligibilityResult {
  const reasons: IneligibilityReason[] = [];
  const rules = program.eligibility;

  if (program.status !== 'active') {
    reasons.push({ code: 'program_not_active', status: program.status });
  }
  if (!APPLYING_STATUSES.has(partner.status)) {
    reasons.push({ code: 'partner_not_active', status: partner.status });
  }
  if (rules.segmentIds.length > 0) {
    const partnerSegments = new Set(options.segmentIds ?? partner.segmentIds);
    if (!rules.segmentIds.some((id) => partnerSegments.has(id))) {
      reasons.push({ code: 'segment_required', segmentIds: [...rules.segmentIds] });
    }
  }
  if (
    rules.minimumTier !== null &&
    partnerTierRank(partner.tier) < partnerTierRank(rules.minimumTier)
  ) {
    reasons.push({ code: 'tier_too_low', required: rules.minimumTier, actual: partner.tier });
  }
  if (rules.countries.length > 0 && !rules.countries.includes(partner.country)) {
    reasons.push({ code: 'country_not_covered', country: partner.country });
  }
  const live = options.memberships?.find(
    (m) =>
      m.partnerId === partner.id && m.programId === program.id && LIVE_MEMBERSHIPS.has(m.status),
  );
  if (live) {
    reasons.push({ code: 'already_member', status: live.status, membershipId: live.id });
  }

  return { eligible: reasons.length === 0, reasons };
}

/** The programs a partner may apply to now, in the order given. */
export function eligiblePrograms<P extends EligibilityProgram>(
  partner: EligibilityPartner,
  programs: readonly P[],
  options: EligibilityOptions = {},
): P[] {
  return programs.filter((program) => programEligibility(partner, program, options).eligible);
}
