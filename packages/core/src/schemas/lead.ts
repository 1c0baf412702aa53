import * as z from 'zod/mini';
import { Amount, Customer, Id, StatusChange, Timestamp, prose, recordFields } from './common.js';
import { LEAD_DECLINE_REASONS, LEAD_STATUSES } from './values.js';

export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const LeadDeclineReason = z.enum(LEAD_DECLINE_REASONS);
export type LeadDeclineReason = z.infer<typeof LeadDeclineReason>;

/** A sales lead the enterprise distributes to partners. */
export const Lead = z.object({
  ...recordFields,
  number: z.string(),
  customer: Customer,
  interest: prose(2_000),
  productIds: z.array(Id),
  estimatedValue: z.nullable(Amount),
  status: LeadStatus,
  partnerId: z.nullable(Id),
  assignedAt: z.nullable(Timestamp),
  /** Partners that declined this lead; assignment skips them. */
  declinedBy: z.array(z.object({ partnerId: Id, reason: LeadDeclineReason, at: Timestamp })),
  opportunityId: z.nullable(Id),
  history: z.array(StatusChange),
});
export type Lead = z.infer<typeof Lead>;

export const LeadInput = z.object({
  customer: Customer,
  interest: prose(2_000),
  productIds: z.optional(z.array(Id)),
  estimatedValue: z.optional(Amount),
  /** Assign to this partner; without it the assignment rule picks one. */
  partnerId: z.optional(Id),
});
export type LeadInput = z.infer<typeof LeadInput>;
