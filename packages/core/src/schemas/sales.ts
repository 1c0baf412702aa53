import * as z from 'zod/mini';
import {
  Amount,
  BasisPoints,
  CurrencyCode,
  Customer,
  DateOnly,
  Id,
  Key,
  Money,
  StatusChange,
  Timestamp,
  prose,
  recordFields,
  text,
} from './common.js';
import { OPPORTUNITY_STAGES, ORDER_STATUSES, QUOTE_STATUSES } from './values.js';

export const Product = z.object({
  ...recordFields,
  sku: text(64),
  name: text(200),
  description: z.optional(prose(2_000)),
  family: Key,
  listPrice: Amount,
  unit: z.enum(['each', 'seat', 'subscription_year']),
  active: z.boolean(),
});
export type Product = z.infer<typeof Product>;

export const OpportunityStage = z.enum(OPPORTUNITY_STAGES);
export type OpportunityStage = z.infer<typeof OpportunityStage>;

export const Opportunity = z.object({
  ...recordFields,
  name: text(200),
  partnerId: Id,
  customer: Customer,
  stage: OpportunityStage,
  amount: Amount,
  closeDate: DateOnly,
  ownerId: z.nullable(Id),
  dealRegistrationId: z.nullable(Id),
  leadId: z.nullable(Id),
  history: z.array(StatusChange),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityInput = z.object({
  name: text(200),
  partnerId: z.optional(Id),
  customer: Customer,
  amount: Amount,
  closeDate: DateOnly,
});
export type OpportunityInput = z.infer<typeof OpportunityInput>;

export const OpportunityPatch = z.partial(
  z.object({ name: text(200), amount: Amount, closeDate: DateOnly, ownerId: z.nullable(Id) }),
);
export type OpportunityPatch = z.infer<typeof OpportunityPatch>;

export const QuoteStatus = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

export const QuoteLineInput = z.object({
  productId: Id,
  quantity: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  /** Extra discount a person grants on this line, on top of the tier's. */
  extraDiscountBps: z.optional(BasisPoints),
});
export type QuoteLineInput = z.infer<typeof QuoteLineInput>;

/** A priced line: every amount in minor units, computed by `priceQuote`. */
export const QuoteLine = z.object({
  productId: Id,
  description: z.string(),
  quantity: z.int().check(z.minimum(1)),
  unitPrice: Amount,
  listTotal: Amount,
  discountBps: BasisPoints,
  discount: Amount,
  netTotal: Amount,
});
export type QuoteLine = z.infer<typeof QuoteLine>;

export const QuoteTotals = z.object({
  list: Amount,
  discount: Amount,
  net: Amount,
});
export type QuoteTotals = z.infer<typeof QuoteTotals>;

export const Quote = z.object({
  ...recordFields,
  number: z.string(),
  partnerId: Id,
  opportunityId: z.nullable(Id),
  dealRegistrationId: z.nullable(Id),
  currency: CurrencyCode,
  lines: z.array(QuoteLine),
  totals: QuoteTotals,
  status: QuoteStatus,
  validUntil: DateOnly,
  history: z.array(StatusChange),
});
export type Quote = z.infer<typeof Quote>;

export const QuoteInput = z.object({
  partnerId: z.optional(Id),
  opportunityId: z.optional(Id),
  dealRegistrationId: z.optional(Id),
  currency: CurrencyCode,
  lines: z.array(QuoteLineInput).check(z.minLength(1)),
  validUntil: DateOnly,
});
export type QuoteInput = z.infer<typeof QuoteInput>;

export const QuotePatch = z.partial(
  z.object({ lines: z.array(QuoteLineInput).check(z.minLength(1)), validUntil: DateOnly }),
);
export type QuotePatch = z.infer<typeof QuotePatch>;

export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const Order = z.object({
  ...recordFields,
  number: z.string(),
  partnerId: Id,
  quoteId: Id,
  purchaseOrderNumber: z.optional(z.string()),
  lines: z.array(QuoteLine),
  total: Money,
  status: OrderStatus,
  submittedAt: Timestamp,
  history: z.array(StatusChange),
});
export type Order = z.infer<typeof Order>;

/** An order is placed from an accepted quote. */
export const OrderInput = z.object({
  quoteId: Id,
  purchaseOrderNumber: z.optional(z.string().check(z.trim(), z.maxLength(64))),
});
export type OrderInput = z.infer<typeof OrderInput>;
