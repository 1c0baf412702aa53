import { PrmError } from '../errors.js';
import { englishMessages } from '../messages.js';
import type { Money } from '../schemas/common.js';
import type {
  MdfAllocation,
  MdfClaim,
  MdfClaimStatus,
  MdfRequest,
  MdfRequestStatus,
} from '../schemas/mdf.js';
import { validationError } from './internal.js';

/** The allocation fields the MDF rules read. */
export type MdfAllocationAmounts = Pick<MdfAllocation, 'id' | 'amount'>;
/** The fund request fields the MDF rules read. */
export type MdfRequestAmounts = Pick<MdfRequest, 'id' | 'allocationId' | 'amount' | 'status'>;
/** The claim fields the MDF rules read. */
export type MdfClaimAmounts = Pick<MdfClaim, 'id' | 'requestId' | 'amount' | 'status'>;

/** Options of the MDF checks. */
export interface MdfCheckOptions {
  /**
   * The request (or claim) being checked when it already exists — on submit or approval —
   * so it is not counted against itself.
   */
  excludeId?: string;
}

/**
 * Requests that hold part of an allocation: approved ones, and submitted ones awaiting a
 * decision, so several pending requests can never together promise more than is allocated.
 * Drafts and rejected requests hold nothing.
 */
const COMMITTING_REQUESTS: ReadonlySet<MdfRequestStatus> = new Set(['submitted', 'approved']);

/** Claims that use up an approved request: all but rejected ones. */
const COUNTING_CLAIMS: ReadonlySet<MdfClaimStatus> = new Set(['submitted', 'approved', 'paid']);

function sumIn(currency: string, items: readonly { id: string; amount: Money }[]): number {
  let total = 0;
  for (const item of items) {
    // Stored records in another currency mean broken data, not bad input: never mix them.
    if (item.amount.currency !== currency) {
      throw new PrmError(
        'server',
        `MDF record ${item.id} is in ${item.amount.currency}, expected ${currency}.`,
      );
    }
    total += item.amount.amount;
  }
  return total;
}

/**
 * What an allocation has committed: the sum of its approved and submitted (pending)
 * requests, in the allocation's currency.
 */
export function mdfCommitted(
  allocation: MdfAllocationAmounts,
  requests: readonly MdfRequestAmounts[],
  options: MdfCheckOptions = {},
): Money {
  const { currency } = allocation.amount;
  const holding = requests.filter(
    (r) =>
      r.allocationId === allocation.id &&
      r.id !== options.excludeId &&
      COMMITTING_REQUESTS.has(r.status),
  );
  return { amount: sumIn(currency, holding), currency };
}

/** What is left to request: the allocation minus `mdfCommitted`, never below zero. */
export function mdfRemaining(
  allocation: MdfAllocationAmounts,
  requests: readonly MdfRequestAmounts[],
  options: MdfCheckOptions = {},
): Money {
  const committed = mdfCommitted(allocation, requests, options).amount;
  return {
    amount: Math.max(0, allocation.amount.amount - committed),
    currency: allocation.amount.currency,
  };
}

function checkAmount(amount: Money, currency: string, left: number, message: string): void {
  let problem: string | null = null;
  if (!Number.isSafeInteger(amount.amount)) problem = englishMessages.moneyMinorUnits();
  else if (amount.amount <= 0) problem = englishMessages.positiveAmount();
  else if (amount.currency !== currency) problem = englishMessages.singleCurrency();
  else if (amount.amount > left) problem = message;
  if (problem !== null) throw validationError([{ path: 'amount', message: problem }]);
}

/**
 * Checks that a fund request fits its allocation: a positive amount in the allocation's
 * currency, at most `mdfRemaining`. Throws a `validation` `PrmError` on `amount` otherwise.
 * Pass `excludeId` when re-checking an existing request (on submit or approval).
 */
export function checkFundRequest(
  allocation: MdfAllocationAmounts,
  requests: readonly MdfRequestAmounts[],
  amount: Money,
  options: MdfCheckOptions = {},
): void {
  const left = mdfRemaining(allocation, requests, options).amount;
  checkAmount(amount, allocation.amount.currency, left, englishMessages.exceedsAllocation());
}

/**
 * What may still be claimed against a request: its amount minus its submitted, approved and
 * paid claims (rejected ones free their amount again), never below zero. Zero unless the
 * request is approved.
 */
export function mdfClaimable(
  request: Pick<MdfRequest, 'id' | 'amount' | 'status'>,
  claims: readonly MdfClaimAmounts[],
  options: MdfCheckOptions = {},
): Money {
  const { currency } = request.amount;
  if (request.status !== 'approved') return { amount: 0, currency };
  const counting = claims.filter(
    (c) =>
      c.requestId === request.id && c.id !== options.excludeId && COUNTING_CLAIMS.has(c.status),
  );
  return { amount: Math.max(0, request.amount.amount - sumIn(currency, counting)), currency };
}

/**
 * Checks a claim against its request: the request must be approved (else a `validation`
 * error on `requestId`), and the amount positive, in the request's currency and at most
 * `mdfClaimable` (else on `amount`). Pass `excludeId` when re-checking an existing claim.
 */
export function checkClaim(
  request: Pick<MdfRequest, 'id' | 'amount' | 'status'>,
  claims: readonly MdfClaimAmounts[],
  amount: Money,
  options: MdfCheckOptions = {},
): void {
  if (request.status !== 'approved') {
    throw validationError([{ path: 'requestId', message: englishMessages.requestNotApproved() }]);
  }
  const left = mdfClaimable(request, claims, options).amount;
  checkAmount(amount, request.amount.currency, left, englishMessages.exceedsClaimable());
}
