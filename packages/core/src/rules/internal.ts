/**
 * Helpers the rules share: time arithmetic, stable ordering, a few status sets, validation
 * errors and the English wording of resources and statuses. Internal: not exported from the
 * package root.
 *
 * `messages.ts` uses the wording, and the schemas use `messages.ts`; so this module imports
 * no value from the schemas (types only), or loading it would run in a cycle.
 */
import { PrmError, type FieldError } from '../errors.js';
import type { ResourceName } from '../schemas/activity.js';
import type { DealStatus } from '../schemas/deal.js';
import type { MembershipStatus } from '../schemas/program.js';

// ---------------------------------------------------------------------------------------
// Time: instants are ISO 8601 strings at the edges and epoch milliseconds inside.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp.
 * @throws RangeError when it is not a valid timestamp (`name` says which input it was).
 */
export function toMs(timestamp: string, name?: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) {
    const subject = name === undefined ? 'not' : `${name} is not`;
    throw new RangeError(`${subject} a valid timestamp: ${timestamp}`);
  }
  return ms;
}

/** An instant as a UTC ISO 8601 string: `2026-01-31T09:00:00.000Z`. */
export const toIso = (ms: number): string => new Date(ms).toISOString();

/** @throws RangeError unless `hours` is a finite number ≥ 0. */
export function assertHours(hours: number): void {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new RangeError(`hours must be a finite number ≥ 0, got ${String(hours)}`);
  }
}

// ---------------------------------------------------------------------------------------
// Ordering

/** Code-unit order, not locale order: the same result wherever the rule runs. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------
// Status sets shared by several rules

/** Registrations waiting for an enterprise decision (the approval SLA runs). */
export const AWAITING_DECISION: ReadonlySet<DealStatus> = new Set(['submitted', 'under_review']);

/**
 * Memberships a partner holds or is waiting on; they block a new application to the same
 * program. After `rejected`, `expired` or `withdrawn` the partner may apply again.
 */
export const LIVE_MEMBERSHIPS: ReadonlySet<MembershipStatus> = new Set([
  'applied',
  'active',
  'suspended',
]);

// ---------------------------------------------------------------------------------------
// Validation errors

/**
 * The `validation` `PrmError` for rejected fields: the one field's `path: message` as its
 * message, or a count when there are several (as `validate` words it).
 */
export function validationError(fields: readonly FieldError[]): PrmError {
  const [only] = fields;
  const summary =
    fields.length === 1 && only
      ? `${only.path}: ${only.message}`
      : `${String(fields.length)} fields need attention.`;
  return new PrmError('validation', summary, { fields });
}

// ---------------------------------------------------------------------------------------
// English wording for messages built from resource, role and status keys

/** How messages name each resource: one record, many records. */
export const RESOURCE_NOUNS: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  partners: ['partner', 'partners'],
  users: ['user', 'users'],
  programs: ['program', 'programs'],
  memberships: ['program membership', 'program memberships'],
  segments: ['segment', 'segments'],
  deals: ['deal registration', 'deal registrations'],
  opportunities: ['opportunity', 'opportunities'],
  products: ['product', 'products'],
  quotes: ['quote', 'quotes'],
  orders: ['order', 'orders'],
  cases: ['case', 'cases'],
  leads: ['lead', 'leads'],
  mdfBudgets: ['MDF budget', 'MDF budgets'],
  mdfAllocations: ['MDF allocation', 'MDF allocations'],
  mdfRequests: ['fund request', 'fund requests'],
  mdfClaims: ['fund claim', 'fund claims'],
  activities: ['activity', 'activities'],
} satisfies Record<ResourceName, readonly [string, string]>;

/** One record and many records of `resource`; an unknown resource as given, for both. */
export function nounsOf(resource: string): readonly [string, string] {
  const nouns = Object.hasOwn(RESOURCE_NOUNS, resource) ? RESOURCE_NOUNS[resource] : undefined;
  return nouns ?? [resource, resource];
}

/** A key as words: `under_review` → `under review`, `partner_admin` → `partner admin`. */
export const humanize = (key: string): string => key.replaceAll('_', ' ');

/** `a` or `an` before a noun: `a case`, `an order`. */
export const withArticle = (noun: string): string =>
  `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** The first letter in upper case, to start a sentence. */
export const upperFirst = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A status change in words: `a deal registration from under review to rejected`. */
export const describeMove = (resource: string, from: string, to: string): string =>
  `${withArticle(nounsOf(resource)[0])} from ${humanize(from)} to ${humanize(to)}`;
