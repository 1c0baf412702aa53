import * as z from 'zod/mini';
import { CountryCode, DateOnly, Id, Key, Region } from './common.js';
import { CaseCategory, CasePriority, CaseStatus } from './case.js';
import { DealStatus } from './deal.js';
import { LeadStatus } from './lead.js';
import { MdfClaimStatus, MdfRequestStatus } from './mdf.js';
import { PartnerStatus, PartnerTier } from './partner.js';
import { MembershipStatus, ProgramStatus } from './program.js';
import { OpportunityStage, OrderStatus, QuoteStatus } from './sales.js';
import { SegmentKind } from './segment.js';
import { ResourceName } from './activity.js';
import { Role } from './viewer.js';
import { MAX_PAGE_SIZE } from './values.js';

/**
 * Builds a list query: `filter` (all given fields must match), `search` (free text),
 * `sort` (a field, `-field` for descending), `cursor` (from the previous page) and `limit`.
 */
function listQuery<const F extends z.core.$ZodLooseShape, const S extends string>(
  filter: F,
  sortFields: readonly S[],
) {
  const sorts = sortFields.flatMap((field) => [field, `-${field}` as const]);
  return z.object({
    filter: z.optional(z.partial(z.object(filter))),
    search: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    sort: z.optional(z.enum(sorts as [S | `-${S}`, ...(S | `-${S}`)[]])),
    cursor: z.optional(z.string().check(z.maxLength(500))),
    limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_PAGE_SIZE))),
  });
}

/** One page of a list; `nextCursor` is `null` on the last page. */
export const page = <T extends z.core.$ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.int().check(z.nonnegative())),
  });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number | undefined;
}

const dateRange = { createdFrom: DateOnly, createdTo: DateOnly };

export const listQueries = {
  partners: listQuery(
    {
      status: z.array(PartnerStatus),
      tier: z.array(PartnerTier),
      region: z.array(Region),
      country: CountryCode,
      segmentId: Id,
      channelManagerId: Id,
    },
    ['name', 'createdAt', 'updatedAt', 'tier'],
  ),
  users: listQuery({ role: z.array(Role), partnerId: Id }, ['name']),
  programs: listQuery({ status: z.array(ProgramStatus) }, ['name', 'createdAt']),
  memberships: listQuery({ partnerId: Id, programId: Id, status: z.array(MembershipStatus) }, [
    'createdAt',
    'renewsAt',
  ]),
  segments: listQuery({ kind: z.array(SegmentKind) }, ['name']),
  deals: listQuery(
    {
      status: z.array(DealStatus),
      programId: Id,
      partnerId: Id,
      submittedBy: Id,
      ...dateRange,
      /** Approved registrations whose protection ends within this many days. */
      expiringWithinDays: z.int().check(z.minimum(1)),
    },
    ['createdAt', 'updatedAt', 'approvalDueAt', 'expectedCloseDate', 'estimatedValue', 'number'],
  ),
  opportunities: listQuery({ stage: z.array(OpportunityStage), partnerId: Id }, [
    'createdAt',
    'closeDate',
    'amount',
    'name',
  ]),
  products: listQuery({ family: Key, active: z.boolean() }, ['name', 'sku', 'listPrice']),
  quotes: listQuery({ status: z.array(QuoteStatus), partnerId: Id, opportunityId: Id }, [
    'createdAt',
    'validUntil',
    'number',
  ]),
  orders: listQuery({ status: z.array(OrderStatus), partnerId: Id }, ['createdAt', 'number']),
  cases: listQuery(
    {
      status: z.array(CaseStatus),
      priority: z.array(CasePriority),
      category: z.array(CaseCategory),
      partnerId: Id,
      raisedBy: Id,
      assigneeId: Id,
      unassigned: z.boolean(),
      /** Cases past their first-response or resolution due time. */
      breached: z.boolean(),
      ...dateRange,
    },
    ['createdAt', 'updatedAt', 'priority', 'firstResponseDueAt', 'number'],
  ),
  leads: listQuery({ status: z.array(LeadStatus), partnerId: Id }, ['createdAt', 'number']),
  mdfBudgets: listQuery({}, ['name']),
  mdfAllocations: listQuery({ partnerId: Id, budgetId: Id }, ['createdAt']),
  mdfRequests: listQuery({ status: z.array(MdfRequestStatus), partnerId: Id, allocationId: Id }, [
    'createdAt',
    'number',
  ]),
  mdfClaims: listQuery({ status: z.array(MdfClaimStatus), partnerId: Id, requestId: Id }, [
    'createdAt',
    'number',
  ]),
  activities: listQuery({ partnerId: Id, resource: ResourceName, recordId: Id }, ['at']),
} satisfies Record<ResourceName, z.core.$ZodType>;

export type ListQueries = { [R in ResourceName]: z.input<(typeof listQueries)[R]> };
export type PartnerQuery = ListQueries['partners'];
export type DealQuery = ListQueries['deals'];
export type CaseQuery = ListQueries['cases'];
