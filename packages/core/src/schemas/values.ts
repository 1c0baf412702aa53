/**
 * The allowed values of the domain (statuses, roles, kinds …) and the small helpers over
 * them, without zod. Importing a value from a schema module runs that module's top-level
 * `z.enum(…)` / `z.object(…)` calls, which no bundler can prove pure, so a component that
 * only lists statuses would ship zod and the schemas with it. The schema modules build
 * their enums from these arrays; the rules and the package root take them from here, so
 * `import { OPEN_CASE_STATUSES } from '@prm-kit/core'` bundles a few bytes.
 *
 * Keep this module free of imports, and import these values from here, never through a
 * schema module: esbuild keeps every module a re-export passes through.
 */

// ---------------------------------------------------------------------------------------
// Roles (schemas/viewer.ts)

export const PARTNER_ROLES = ['partner_admin', 'partner_manager', 'partner_associate'] as const;
export const ENTERPRISE_ROLES = [
  'channel_manager',
  'program_admin',
  'support_agent',
  'enterprise_admin',
] as const;
export const ROLES = [...PARTNER_ROLES, ...ENTERPRISE_ROLES] as const;

// The same unions as the `Role` and `PartnerRole` types that schemas/viewer.ts infers.
type Role = (typeof ROLES)[number];
type PartnerRole = (typeof PARTNER_ROLES)[number];

export function isPartnerRole(role: Role): role is PartnerRole {
  return (PARTNER_ROLES as readonly Role[]).includes(role);
}

// ---------------------------------------------------------------------------------------
// Places (schemas/common.ts)

export const REGIONS = ['north_america', 'latin_america', 'emea', 'apac'] as const;

// ---------------------------------------------------------------------------------------
// Partners (schemas/partner.ts)

export const PARTNER_STATUSES = [
  'prospect',
  'onboarding',
  'active',
  'suspended',
  'terminated',
] as const;

/** The partner's overall level, ranked low to high; programs may require a minimum. */
export const PARTNER_TIERS = ['registered', 'silver', 'gold', 'platinum'] as const;

// ---------------------------------------------------------------------------------------
// Programs and memberships (schemas/program.ts)

export const PROGRAM_STATUSES = ['draft', 'active', 'retired'] as const;

export const DEAL_TYPES = ['new_business', 'upsell', 'renewal'] as const;

/** Partner measures a tier requirement can be set on. */
export const REQUIREMENT_METRICS = [
  'annual_revenue',
  'certifications',
  'registered_deals',
  'won_deals',
  'won_revenue',
] as const;

export const CONFLICT_POLICIES = ['first_come', 'manual_review'] as const;

export const MEMBERSHIP_STATUSES = [
  'applied',
  'active',
  'rejected',
  'suspended',
  'expired',
  'withdrawn',
] as const;

// ---------------------------------------------------------------------------------------
// Segments (schemas/segment.ts)

export const SEGMENT_KINDS = ['tier', 'specialization', 'market', 'custom'] as const;

/** Partner fields a segment rule can test. */
export const SEGMENT_FIELDS = [
  'country',
  'region',
  'tier',
  'status',
  'specializations',
  'annualRevenue',
  'employees',
  'certifications',
] as const;

export const SEGMENT_OPERATORS = ['eq', 'neq', 'in', 'not_in', 'gte', 'lte', 'contains'] as const;

// ---------------------------------------------------------------------------------------
// Deal registrations (schemas/deal.ts)

export const DEAL_STATUSES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'converted',
  'expired',
  'withdrawn',
] as const;

/** Statuses in which a registration is a live claim on its customer. */
export const LIVE_DEAL_STATUSES = [
  'submitted',
  'under_review',
  'returned',
  'approved',
] as const satisfies readonly (typeof DEAL_STATUSES)[number][];

export const CLOSURE_REASONS = [
  'duplicate',
  'partner_conflict',
  'direct_conflict',
  'ineligible',
  'incomplete',
  'below_minimum',
  'customer_not_qualified',
  'other',
] as const;

// ---------------------------------------------------------------------------------------
// Sales: opportunities, quotes, orders (schemas/sales.ts)

export const OPPORTUNITY_STAGES = [
  'prospecting',
  'qualification',
  'proposal',
  'negotiation',
  'closed_won',
  'closed_lost',
] as const;

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;

export const ORDER_STATUSES = ['submitted', 'processing', 'fulfilled', 'cancelled'] as const;

// ---------------------------------------------------------------------------------------
// Cases (schemas/case.ts)

export const CASE_STATUSES = [
  'new',
  'in_progress',
  'awaiting_partner',
  'resolved',
  'closed',
] as const;

/** Statuses of a case that still needs work (not resolved or closed). */
export const OPEN_CASE_STATUSES = [
  'new',
  'in_progress',
  'awaiting_partner',
] as const satisfies readonly (typeof CASE_STATUSES)[number][];

export const CASE_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

export const CASE_CATEGORIES = [
  'licensing',
  'product_configuration',
  'technical',
  'deal_registration',
  'program',
  'billing',
  'other',
] as const;

// ---------------------------------------------------------------------------------------
// Leads (schemas/lead.ts)

export const LEAD_STATUSES = ['unassigned', 'assigned', 'accepted', 'declined'] as const;

export const LEAD_DECLINE_REASONS = [
  'no_capacity',
  'out_of_territory',
  'not_qualified',
  'existing_relationship',
  'other',
] as const;

// ---------------------------------------------------------------------------------------
// Market development funds (schemas/mdf.ts)

export const MDF_ACTIVITY_TYPES = ['event', 'campaign', 'training', 'content', 'other'] as const;

export const MDF_REQUEST_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;

export const MDF_CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'paid'] as const;

// ---------------------------------------------------------------------------------------
// Activity (schemas/activity.ts)

/** Every kind of record the adapter serves, by its adapter group name. */
export const RESOURCES = [
  'partners',
  'users',
  'programs',
  'memberships',
  'segments',
  'deals',
  'opportunities',
  'products',
  'quotes',
  'orders',
  'cases',
  'leads',
  'mdfBudgets',
  'mdfAllocations',
  'mdfRequests',
  'mdfClaims',
  'activities',
] as const;

export const ACTIVITY_ACTIONS = [
  'created',
  'updated',
  'transitioned',
  'commented',
  'assigned',
  'deleted',
] as const;

// ---------------------------------------------------------------------------------------
// Lists (schemas/list.ts)

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
