import * as z from 'zod/mini';
import { message } from '../messages.js';
import {
  Amount,
  DateOnly,
  Id,
  PositiveAmount,
  StatusChange,
  WebUrl,
  prose,
  recordFields,
  text,
} from './common.js';
import { MDF_ACTIVITY_TYPES, MDF_CLAIM_STATUSES, MDF_REQUEST_STATUSES } from './values.js';

const Period = z.object({ start: DateOnly, end: DateOnly }).check(
  z.refine((p) => p.end >= p.start, {
    ...message('dateRange'),
    path: ['end'],
    // Compare only two valid dates: a bad date already has its own message.
    when: (payload) => payload.issues.length === 0,
  }),
);

/** Market development funds for a period, shared out as allocations. */
export const MdfBudget = z.object({
  ...recordFields,
  name: text(120),
  period: Period,
  amount: Amount,
});
export type MdfBudget = z.infer<typeof MdfBudget>;

/**
 * A partner's share of a budget. `committed` = its approved and submitted (pending) fund
 * requests, so pending requests cannot together promise more than is allocated;
 * `remaining` = amount − committed, never below zero (`mdfCommitted`, `mdfRemaining`).
 */
export const MdfAllocation = z.object({
  ...recordFields,
  budgetId: Id,
  partnerId: Id,
  period: Period,
  amount: Amount,
  committed: Amount,
  remaining: Amount,
});
export type MdfAllocation = z.infer<typeof MdfAllocation>;

export const MdfRequestStatus = z.enum(MDF_REQUEST_STATUSES);
export type MdfRequestStatus = z.infer<typeof MdfRequestStatus>;

const MdfActivity = z.object({
  name: text(200),
  type: z.enum(MDF_ACTIVITY_TYPES),
  description: prose(5_000),
  period: Period,
});

export const MdfRequestInput = z.object({
  allocationId: Id,
  activity: MdfActivity,
  amount: PositiveAmount,
});
export type MdfRequestInput = z.infer<typeof MdfRequestInput>;

/** A request to spend part of an allocation on a marketing activity. */
export const MdfRequest = z.object({
  ...recordFields,
  number: z.string(),
  allocationId: Id,
  partnerId: Id,
  activity: MdfActivity,
  amount: PositiveAmount,
  status: MdfRequestStatus,
  history: z.array(StatusChange),
});
export type MdfRequest = z.infer<typeof MdfRequest>;

export const MdfClaimStatus = z.enum(MDF_CLAIM_STATUSES);
export type MdfClaimStatus = z.infer<typeof MdfClaimStatus>;

/** Proof of performance: an invoice, photos, attendee list. */
export const ProofOfPerformance = z.object({
  name: text(200),
  url: WebUrl,
});

export const MdfClaimInput = z.object({
  requestId: Id,
  amount: PositiveAmount,
  proof: z.array(ProofOfPerformance).check(z.minLength(1)),
});
export type MdfClaimInput = z.infer<typeof MdfClaimInput>;

/** A claim for reimbursement of an approved request. */
export const MdfClaim = z.object({
  ...recordFields,
  number: z.string(),
  requestId: Id,
  partnerId: Id,
  amount: PositiveAmount,
  proof: z.array(ProofOfPerformance),
  status: MdfClaimStatus,
  history: z.array(StatusChange),
});
export type MdfClaim = z.infer<typeof MdfClaim>;
