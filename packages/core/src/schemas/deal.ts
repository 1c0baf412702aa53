import * as z from 'zod/mini';
import {
  Amount,
  Comment,
  Customer,
  DateOnly,
  Id,
  StatusChange,
  Timestamp,
  prose,
  recordFields,
} from './common.js';
import { DealType } from './program.js';
import { CLOSURE_REASONS, DEAL_STATUSES } from './values.js';

export const DealStatus = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatus>;

export const ClosureReason = z.enum(CLOSURE_REASONS);
export type ClosureReason = z.infer<typeof ClosureReason>;

export const ProductLine = z.object({
  productId: Id,
  quantity: z.int().check(z.minimum(1), z.maximum(1_000_000)),
});
export type ProductLine = z.infer<typeof ProductLine>;

/** What a partner fills in to register a deal. */
export const DealRegistrationInput = z.object({
  programId: Id,
  dealType: DealType,
  customer: Customer,
  products: z.array(ProductLine).check(z.minLength(1)),
  estimatedValue: Amount,
  expectedCloseDate: DateOnly,
  /** Notes for the reviewer; they open the registration's partner-visible conversation. */
  comments: z.optional(prose(5_000)),
});
export type DealRegistrationInput = z.infer<typeof DealRegistrationInput>;

/**
 * The input of a conflict pre-check (`DealsApi.checkConflicts`): the customer and products of
 * a registration being written.
 */
export const ConflictCheckInput = z.object({
  /**
   * What is known of the customer so far: conflicts match by company name or domain only, so
   * a form can check while it is being filled in. With neither, nothing conflicts.
   */
  customer: z.object({
    company: z.optional(Customer.shape.company),
    domain: Customer.shape.domain,
  }),
  products: DealRegistrationInput.shape.products,
  /** The registration being edited, so it does not conflict with itself. */
  excludeId: z.optional(Id),
});
export type ConflictCheckInput = z.infer<typeof ConflictCheckInput>;

/**
 * Editable fields of a draft, returned or approved registration (a material edit of an
 * approved one re-opens review: `dealEditEffect`). Later comments go through `deals.comment`.
 */
export const DealRegistrationPatch = z.partial(z.omit(DealRegistrationInput, { comments: true }));
export type DealRegistrationPatch = z.infer<typeof DealRegistrationPatch>;

/** Why another registration conflicts with this one. */
export const DealConflict = z.object({
  dealId: Id,
  dealNumber: z.string(),
  partnerId: Id,
  partnerName: z.optional(z.string()),
  status: DealStatus,
  matchedBy: z.array(z.enum(['company', 'domain'])),
  productIds: z.array(Id),
  /** The same partner's own earlier claim, not another partner's. */
  duplicate: z.boolean(),
});
export type DealConflict = z.infer<typeof DealConflict>;

/**
 * The answer to a conflict pre-check. Partner viewers get only the flags; enterprise viewers
 * also get `matches` with the other registrations.
 */
export const ConflictCheck = z.object({
  /** Another partner holds a live claim on this customer and product. */
  conflict: z.boolean(),
  /** The viewer's own partner already has a live claim on it. */
  duplicate: z.boolean(),
  matches: z.array(DealConflict),
});
export type ConflictCheck = z.infer<typeof ConflictCheck>;

export const Decision = z.object({
  outcome: z.enum(['approved', 'rejected', 'returned']),
  by: Id,
  byName: z.optional(z.string()),
  at: Timestamp,
  reason: z.optional(ClosureReason),
  message: z.optional(z.string()),
});
export type Decision = z.infer<typeof Decision>;

export const Protection = z.object({
  startsAt: Timestamp,
  endsAt: Timestamp,
  extensions: z.int().check(z.nonnegative()),
});
export type Protection = z.infer<typeof Protection>;

export const ExtensionRequest = z.object({
  requestedAt: Timestamp,
  requestedBy: Id,
  reason: prose(2_000),
  status: z.enum(['requested', 'granted', 'denied']),
  decidedAt: z.optional(Timestamp),
  decidedBy: z.optional(Id),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequest>;

export const DealRegistration = z.object({
  ...recordFields,
  number: z.string(),
  partnerId: Id,
  submittedBy: Id,
  programId: Id,
  dealType: DealType,
  customer: Customer,
  products: z.array(ProductLine),
  estimatedValue: Amount,
  expectedCloseDate: DateOnly,
  status: DealStatus,
  submittedAt: z.nullable(Timestamp),
  approvalDueAt: z.nullable(Timestamp),
  decision: z.nullable(Decision),
  protection: z.nullable(Protection),
  extension: z.nullable(ExtensionRequest),
  /** Conflicts found at submission; enterprise viewers only. */
  conflicts: z.optional(z.array(DealConflict)),
  opportunityId: z.nullable(Id),
  /** Partner-visible conversation. */
  comments: z.array(Comment),
  /** Enterprise-only notes; never present for a partner viewer. */
  workNotes: z.optional(z.array(Comment)),
  history: z.array(StatusChange),
});
export type DealRegistration = z.infer<typeof DealRegistration>;
