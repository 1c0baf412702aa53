import * as z from 'zod/mini';
import { message } from '../messages.js';
import { REGIONS } from './values.js';

/** Opaque record id. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));

/** An ISO 8601 timestamp with a time zone offset: `2026-01-31T09:00:00Z`. */
export const Timestamp = z.iso.datetime({ offset: true, ...message('dateTime') });

/** A calendar date: `2026-01-31`. */
export const DateOnly = z.iso.date(message('date'));

/** Short human text (names, subjects): trimmed, required, at most `max` characters. */
export const text = (max = 200) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Longer optional prose (descriptions, comments). */
export const prose = (max = 10_000) => z.string().check(z.trim(), z.maxLength(max));

/** A stable machine key such as a tier key (`gold`) or a benefit key. */
export const Key = z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,63}$/, message('key')));

export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, message('currencyCode')));
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, message('countryCode')));

/** Money in integer minor units (cents) and an ISO 4217 currency: never a float. */
export const Money = z.object({
  amount: z.int(message('moneyMinorUnits')),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** Money that may not be negative (prices, estimates, allocations). */
export const Amount = z.object({
  amount: z.int(message('moneyMinorUnits')).check(z.nonnegative(message('nonNegativeAmount'))),
  currency: CurrencyCode,
});

/** Money that must be more than zero (a fund request, a claim). */
export const PositiveAmount = z.object({
  amount: z.int(message('moneyMinorUnits')).check(z.positive(message('positiveAmount'))),
  currency: CurrencyCode,
});

/** A percentage in basis points: 1500 is 15 %. Integer, so discounts never drift. */
export const BasisPoints = z
  .int(message('basisPoints'))
  .check(z.minimum(0, message('basisPoints')), z.maximum(10_000, message('basisPoints')));

/** A bare domain (`acme.com`, `sales.acme.co.uk`): lower-cased, no scheme or path. */
export const Domain = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(
      /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      message('domain'),
    ),
  );

export const Email = z.email(message('email'));

/** A web address a browser may follow: only `https:` and `http:`. */
export const WebUrl = z.url({ protocol: /^https?$/, ...message('webUrl') });

export const HexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, message('colour')));

export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

/** Fields every record carries; `version` increases on every change (optimistic locking). */
export const recordFields = {
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.int().check(z.minimum(1)),
};

/** A status change in a record's history. */
export const StatusChange = z.object({
  from: z.nullable(z.string()),
  to: z.string(),
  by: Id,
  byName: z.optional(z.string()),
  at: Timestamp,
  reason: z.optional(z.string()),
  message: z.optional(z.string()),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** A comment on a deal registration or case; work notes share the shape. */
export const Comment = z.object({
  id: Id,
  authorId: Id,
  authorName: z.string(),
  body: text(10_000),
  createdAt: Timestamp,
});
export type Comment = z.infer<typeof Comment>;

export const CommentInput = z.object({
  body: text(10_000),
  /** A work note: visible to the enterprise side only. */
  internal: z.optional(z.boolean()),
});
export type CommentInput = z.infer<typeof CommentInput>;

/** A customer company, as a deal registration, lead or opportunity names it. */
export const Customer = z.object({
  company: text(200),
  domain: z.optional(Domain),
  country: CountryCode,
  postalCode: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  contact: z.optional(
    z.object({
      name: text(120),
      email: Email,
      phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    }),
  ),
});
export type Customer = z.infer<typeof Customer>;
