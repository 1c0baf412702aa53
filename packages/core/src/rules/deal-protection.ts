/**
 * Deal registration timing and decisions: the approval SLA, the protection (exclusivity)
 * window and its extensions, material edits after approval, and the automatic decision on
 * submit.
 */
import { PrmError } from '../errors.js';
import type { Customer, Money } from '../schemas/common.js';
import type {
  DealConflict,
  DealRegistration,
  DealRegistrationInput,
  DealRegistrationPatch,
  Protection,
} from '../schemas/deal.js';
import type { DealRegistrationRules } from '../schemas/program.js';
import { addBusinessHours, type BusinessCalendar } from './business-time.js';
import { normalizeCompanyName, normalizeDomain } from './conflicts.js';
import { AWAITING_DECISION, DAY_MS, HOUR_MS, humanize, toIso, toMs } from './internal.js';

/** A window is "expiring soon" within this much of its end, or 20 % of its length if less. */
const EXPIRING_SOON_MS = 7 * DAY_MS;
const EXPIRING_SOON_SHARE = 0.2;

/** When the enterprise must have decided: `approvalSlaHours` business hours after submission. */
export function approvalDueAt(
  submittedAt: string,
  rules: Pick<DealRegistrationRules, 'approvalSlaHours'>,
  calendar?: BusinessCalendar,
): string {
  return addBusinessHours(submittedAt, rules.approvalSlaHours, calendar);
}

/**
 * True when a registration waiting for an enterprise decision (`submitted`, `under_review`)
 * is past its approval due time. A `returned` one waits for the partner, so it is not
 * overdue; the due time itself is not moved while it waits.
 */
export function isApprovalOverdue(
  deal: Pick<DealRegistration, 'status' | 'approvalDueAt'>,
  now: string,
): boolean {
  if (!AWAITING_DECISION.has(deal.status)) return false;
  return deal.approvalDueAt !== null && toMs(now) > toMs(deal.approvalDueAt);
}

/** A registration waiting for a decision is "due soon" within this much of its due time. */
export const APPROVAL_DUE_SOON_HOURS = 24;

/**
 * Where a registration stands against its approval due time: `overdue` (see
 * `isApprovalOverdue`), `due_soon` within `APPROVAL_DUE_SOON_HOURS` of it, `on_time` before
 * that, or `null` when it is not waiting for the enterprise or has no due time.
 */
export function approvalState(
  deal: Pick<DealRegistration, 'status' | 'approvalDueAt'>,
  now: string,
): 'overdue' | 'due_soon' | 'on_time' | null {
  if (!AWAITING_DECISION.has(deal.status) || deal.approvalDueAt === null) return null;
  if (isApprovalOverdue(deal, now)) return 'overdue';
  const left = toMs(deal.approvalDueAt) - toMs(now);
  return left <= APPROVAL_DUE_SOON_HOURS * HOUR_MS ? 'due_soon' : 'on_time';
}

/**
 * The protection window of a registration approved at `approvedAt`: `exclusivityDays`
 * calendar days of 24 hours (weekends count; no time zone involved).
 */
export function protectionWindow(
  approvedAt: string,
  rules: Pick<DealRegistrationRules, 'exclusivityDays'>,
): Protection {
  const start = toMs(approvedAt);
  return {
    startsAt: toIso(start),
    endsAt: toIso(start + rules.exclusivityDays * DAY_MS),
    extensions: 0,
  };
}

/** True once a registration's protection window has ended (`now` at or after `endsAt`). */
export function isProtectionExpired(
  deal: Pick<DealRegistration, 'protection'>,
  now: string,
): boolean {
  return deal.protection !== null && toMs(now) >= toMs(deal.protection.endsAt);
}

/** Ids of approved registrations whose window has ended: the ones a backend moves to `expired`. */
export function dealsToExpire(
  deals: readonly Pick<DealRegistration, 'id' | 'status' | 'protection'>[],
  now: string,
): string[] {
  return deals
    .filter((deal) => deal.status === 'approved' && isProtectionExpired(deal, now))
    .map((deal) => deal.id);
}

/** Time left in a protection window, for a countdown. */
export interface ProtectionRemaining {
  /** Whole days left. */
  days: number;
  /** Whole hours left after `days`. */
  hours: number;
  /** Milliseconds left, 0 once ended. */
  ms: number;
  ended: boolean;
  /** Within 7 days of the end, or within the last 20 % of the window when that is shorter. */
  expiringSoon: boolean;
}

/**
 * What is left of a registration's protection window, or `null` when it has none.
 * "Expiring soon" is the last 7 days, shortened to the last 20 % for windows under 35 days
 * so a short window does not spend half its life flagged.
 */
export function protectionRemaining(
  deal: Pick<DealRegistration, 'protection'>,
  now: string,
): ProtectionRemaining | null {
  if (deal.protection === null) return null;
  const end = toMs(deal.protection.endsAt);
  const left = Math.max(0, end - toMs(now));
  const length = end - toMs(deal.protection.startsAt);
  const threshold = Math.min(EXPIRING_SOON_MS, length * EXPIRING_SOON_SHARE);
  return {
    days: Math.floor(left / DAY_MS),
    hours: Math.floor((left % DAY_MS) / HOUR_MS),
    ms: left,
    ended: left === 0,
    expiringSoon: left > 0 && left <= threshold,
  };
}

/** Why a registration may not ask for a longer protection window. */
export type ExtensionIneligibleReason =
  'extensions_disabled' | 'not_approved' | 'window_ended' | 'limit_reached' | 'already_requested';

/**
 * Whether the partner may request an extension now. Checked in this order:
 * the program allows none (`maxExtensions` or `extensionDays` 0), the registration is not
 * approved, its window has ended, it used every extension, a request is already pending.
 */
export function extensionEligibility(
  deal: Pick<DealRegistration, 'status' | 'protection' | 'extension'>,
  rules: Pick<DealRegistrationRules, 'maxExtensions' | 'extensionDays'>,
  now: string,
): { eligible: boolean; reason?: ExtensionIneligibleReason } {
  if (rules.maxExtensions === 0 || rules.extensionDays === 0) {
    return { eligible: false, reason: 'extensions_disabled' };
  }
  if (deal.status !== 'approved' || deal.protection === null) {
    return { eligible: false, reason: 'not_approved' };
  }
  if (isProtectionExpired(deal, now)) return { eligible: false, reason: 'window_ended' };
  if (deal.protection.extensions >= rules.maxExtensions) {
    return { eligible: false, reason: 'limit_reached' };
  }
  if (deal.extension?.status === 'requested')
    return { eligible: false, reason: 'already_requested' };
  return { eligible: true };
}

/**
 * The window after granting one extension: `extensionDays` more days from the current end
 * (not from the grant), one more extension counted.
 * @throws PrmError `invalid_transition` when the program allows no further extension.
 */
export function extendProtection(
  protection: Protection,
  rules: Pick<DealRegistrationRules, 'maxExtensions' | 'extensionDays'>,
): Protection {
  if (rules.extensionDays === 0 || protection.extensions >= rules.maxExtensions) {
    throw new PrmError('invalid_transition', 'This registration cannot be extended again.');
  }
  return {
    startsAt: protection.startsAt,
    endsAt: toIso(toMs(protection.endsAt) + rules.extensionDays * DAY_MS),
    extensions: protection.extensions + 1,
  };
}

/** Fields of a registration an approval depends on. */
export type MaterialField =
  | 'programId'
  | 'dealType'
  | 'customer.company'
  | 'customer.domain'
  | 'customer.country'
  | 'products'
  | 'estimatedValue';

/** The approved state an edit is compared with. */
export type MaterialBefore = Pick<
  DealRegistration,
  'programId' | 'dealType' | 'products' | 'estimatedValue'
> & { customer: Pick<Customer, 'company' | 'domain' | 'country'> };

/** An edit: as in `DealRegistrationPatch`, a given `customer` replaces the whole customer. */
export type MaterialPatch = Pick<
  DealRegistrationPatch,
  'programId' | 'dealType' | 'products' | 'estimatedValue'
> & { customer?: Pick<Customer, 'company' | 'domain' | 'country'> };

/** Estimated value changes up to this share (basis points) are not material by default: 10 %. */
export const DEFAULT_VALUE_TOLERANCE_BPS = 1_000;

/**
 * The material fields an edit changes, in a fixed order. Material: program, deal type,
 * customer company (by normalised name, so `ACME Inc` → `Acme` is not), domain (normalised;
 * adding or removing one counts) or country, the product set or any quantity (line order
 * ignored), and the estimated value's currency, or its amount by more than
 * `valueToleranceBps` (default 10 %) of the approved amount. Not material: comments,
 * expected close date, postal code, customer contact.
 */
export function materialChanges(
  before: MaterialBefore,
  patch: MaterialPatch,
  options: { valueToleranceBps?: number } = {},
): MaterialField[] {
  const changed: MaterialField[] = [];
  if (patch.programId !== undefined && patch.programId !== before.programId) {
    changed.push('programId');
  }
  if (patch.dealType !== undefined && patch.dealType !== before.dealType) changed.push('dealType');
  const customer = patch.customer;
  if (customer) {
    if (normalizeCompanyName(customer.company) !== normalizeCompanyName(before.customer.company)) {
      changed.push('customer.company');
    }
    if (normalizeDomain(customer.domain ?? '') !== normalizeDomain(before.customer.domain ?? '')) {
      changed.push('customer.domain');
    }
    if (customer.country !== before.customer.country) changed.push('customer.country');
  }
  if (patch.products !== undefined && !sameQuantities(before.products, patch.products)) {
    changed.push('products');
  }
  const tolerance = options.valueToleranceBps ?? DEFAULT_VALUE_TOLERANCE_BPS;
  if (
    patch.estimatedValue !== undefined &&
    valueChanged(before.estimatedValue, patch.estimatedValue, tolerance)
  ) {
    changed.push('estimatedValue');
  }
  return changed;
}

/**
 * True when an edit to an approved registration must send it back to review (see
 * {@link materialChanges} for what counts).
 */
export function isMaterialChange(
  before: MaterialBefore,
  patch: MaterialPatch,
  options?: { valueToleranceBps?: number },
): boolean {
  return materialChanges(before, patch, options).length > 0;
}

/**
 * What an edit does to a registration: a draft or returned one changes in place; an approved
 * one changes in place unless the edit is material, which sends it back to review (`review`:
 * the backend moves it to `under_review` and clears the protection window). Any other status
 * cannot be edited: a `conflict` `PrmError`.
 */
export function dealEditEffect(
  deal: MaterialBefore & Pick<DealRegistration, 'status'>,
  patch: MaterialPatch,
  options?: { valueToleranceBps?: number },
): 'edit' | 'review' {
  if (deal.status === 'draft' || deal.status === 'returned') return 'edit';
  if (deal.status === 'approved') return isMaterialChange(deal, patch, options) ? 'review' : 'edit';
  throw new PrmError(
    'conflict',
    `A deal registration that is ${humanize(deal.status)} cannot be edited. Add a comment instead.`,
  );
}

function sameQuantities(
  a: readonly { productId: string; quantity: number }[],
  b: readonly { productId: string; quantity: number }[],
): boolean {
  const totals = (lines: readonly { productId: string; quantity: number }[]) => {
    const map = new Map<string, number>();
    for (const line of lines)
      map.set(line.productId, (map.get(line.productId) ?? 0) + line.quantity);
    return map;
  };
  const x = totals(a);
  const y = totals(b);
  return x.size === y.size && [...x].every(([id, quantity]) => y.get(id) === quantity);
}

function valueChanged(before: Money, after: Money, toleranceBps: number): boolean {
  if (before.currency !== after.currency) return true;
  // Integer arithmetic on minor units: |Δ| / before > tolerance, without division.
  return Math.abs(after.amount - before.amount) * 10_000 > Math.abs(before.amount) * toleranceBps;
}

/** What happens to a registration on submit, and why. Reject reasons are closure reasons. */
export type AutoDecision =
  | { decision: 'approve'; reason: 'approval_not_required' | 'below_auto_approve' }
  | { decision: 'reject'; reason: 'below_minimum' | 'duplicate' | 'partner_conflict' }
  | { decision: 'review'; reason: 'conflict' | 'currency_mismatch' | 'approval_required' };

/**
 * The decision a backend takes on submit, first match wins:
 * 1. value below `minimumValue` (same currency) → reject `below_minimum`;
 * 2. a duplicate of the partner's own live claim → reject `duplicate`;
 * 3. another partner's live claim → reject `partner_conflict` under `first_come`,
 *    review `conflict` under `manual_review`;
 * 4. a `minimumValue` in another currency → review `currency_mismatch`;
 * 5. `approvalRequired` false → approve `approval_not_required`;
 * 6. `autoApproveBelow` in another currency → review `currency_mismatch`; value below it →
 *    approve `below_auto_approve`;
 * 7. otherwise review `approval_required`.
 * Amounts are compared only within one currency: never converted.
 */
export function autoDecision(
  input: Pick<DealRegistrationInput, 'estimatedValue'>,
  rules: Pick<
    DealRegistrationRules,
    'minimumValue' | 'conflictPolicy' | 'approvalRequired' | 'autoApproveBelow'
  >,
  conflicts: readonly Pick<DealConflict, 'duplicate'>[],
): AutoDecision {
  const value = input.estimatedValue;
  const minimum = rules.minimumValue;
  if (minimum?.currency === value.currency && value.amount < minimum.amount) {
    return { decision: 'reject', reason: 'below_minimum' };
  }
  if (conflicts.some((c) => c.duplicate)) return { decision: 'reject', reason: 'duplicate' };
  if (conflicts.length > 0) {
    return rules.conflictPolicy === 'first_come'
      ? { decision: 'reject', reason: 'partner_conflict' }
      : { decision: 'review', reason: 'conflict' };
  }
  if (minimum && minimum.currency !== value.currency) {
    return { decision: 'review', reason: 'currency_mismatch' };
  }
  if (!rules.approvalRequired) return { decision: 'approve', reason: 'approval_not_required' };
  const threshold = rules.autoApproveBelow;
  if (threshold) {
    if (threshold.currency !== value.currency) {
      return { decision: 'review', reason: 'currency_mismatch' };
    }
    if (value.amount < threshold.amount) {
      return { decision: 'approve', reason: 'below_auto_approve' };
    }
  }
  return { decision: 'review', reason: 'approval_required' };
}
