import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrmError } from '../../src/errors.js';
import {
  checkClaim,
  checkFundRequest,
  mdfClaimable,
  mdfCommitted,
  mdfRemaining,
  type MdfClaimAmounts,
  type MdfRequestAmounts,
} from '../../src/rules/mdf.js';
import type { Money } from '../../src/schemas/common.js';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const allocation = { id: 'alloc', amount: usd(10_000) };

let n = 0;
const request = (
  status: MdfRequestAmounts['status'],
  amount: number,
  over: Partial<MdfRequestAmounts> = {},
): MdfRequestAmounts => ({
  id: `r${String(++n)}`,
  allocationId: 'alloc',
  amount: usd(amount),
  status,
  ...over,
});

const requests: MdfRequestAmounts[] = [
  request('approved', 3000, { id: 'ra' }),
  request('submitted', 2000, { id: 'rs' }),
  request('draft', 4000),
  request('rejected', 5000),
  request('approved', 9000, { allocationId: 'other' }),
];

/** Runs `fn` and returns the rejected field paths, or `null` when it passes. */
function rejected(fn: () => void): string[] | null {
  try {
    fn();
    return null;
  } catch (error) {
    assert.ok(isPrmError(error, 'validation'));
    return error.fields.map((f) => `${f.path}: ${f.message}`);
  }
}

describe('mdfCommitted / mdfRemaining', () => {
  const cases: [string, MdfRequestAmounts[], string | undefined, number, number][] = [
    ['nothing requested', [], undefined, 0, 10_000],
    [
      'approved + submitted commit; drafts, rejected and other allocations do not',
      requests,
      undefined,
      5000,
      5000,
    ],
    ['excluding a request being re-checked', requests, 'rs', 3000, 7000],
    [
      'over-committed data never gives a negative remainder',
      [request('approved', 12_000)],
      undefined,
      12_000,
      0,
    ],
  ];
  for (const [name, list, excludeId, committed, remaining] of cases) {
    it(name, () => {
      const options = excludeId === undefined ? {} : { excludeId };
      assert.deepEqual(mdfCommitted(allocation, list, options), usd(committed));
      assert.deepEqual(mdfRemaining(allocation, list, options), usd(remaining));
    });
  }

  it('throws a server error on a stored request in another currency', () => {
    const euro = request('approved', 10, { id: 'reur', amount: { amount: 10, currency: 'EUR' } });
    assert.throws(
      () => mdfCommitted(allocation, [euro]),
      (error: unknown) => isPrmError(error, 'server') && error.message.includes('reur'),
    );
  });
});

describe('checkFundRequest', () => {
  const cases: [string, Money, string | undefined, string[] | null][] = [
    ['exactly what is left', usd(5000), undefined, null],
    [
      'one unit more than is left',
      usd(5001),
      undefined,
      ['amount: The amount is more than what is left of this allocation.'],
    ],
    ['re-checking a pending request frees its own amount', usd(7000), 'rs', null],
    ['zero', usd(0), undefined, ['amount: Enter an amount greater than zero.']],
    ['negative', usd(-1), undefined, ['amount: Enter an amount greater than zero.']],
    [
      'fractional minor units',
      usd(10.5),
      undefined,
      [
        'amount: Enter the amount in minor units as a whole number: 1250 means 12.50 in a two-decimal currency.',
      ],
    ],
    [
      'another currency',
      { amount: 100, currency: 'EUR' },
      undefined,
      ['amount: Use one currency for every amount in this record.'],
    ],
  ];
  for (const [name, amount, excludeId, expected] of cases) {
    it(name, () => {
      const options = excludeId === undefined ? undefined : { excludeId };
      assert.deepEqual(
        rejected(() => checkFundRequest(allocation, requests, amount, options)),
        expected,
      );
    });
  }
});

describe('mdfClaimable / checkClaim', () => {
  const approved = { id: 'req', amount: usd(1000), status: 'approved' as const };
  const claim = (
    status: MdfClaimAmounts['status'],
    amount: number,
    over: Partial<MdfClaimAmounts> = {},
  ): MdfClaimAmounts => ({
    id: `c${String(++n)}`,
    requestId: 'req',
    amount: usd(amount),
    status,
    ...over,
  });
  const claims = [
    claim('paid', 200, { id: 'c-paid' }),
    claim('approved', 100),
    claim('submitted', 50, { id: 'c-sub' }),
    claim('rejected', 600),
    claim('paid', 999, { requestId: 'other' }),
  ];

  const claimable: [
    string,
    (
      | typeof approved
      | { id: string; amount: Money; status: 'submitted' | 'draft' | 'rejected' | 'approved' }
    ),
    MdfClaimAmounts[],
    string | undefined,
    number,
  ][] = [
    ['no claims yet', approved, [], undefined, 1000],
    [
      'submitted, approved and paid claims count; rejected free their amount',
      approved,
      claims,
      undefined,
      650,
    ],
    ['re-checking a claim frees its own amount', approved, claims, 'c-sub', 700],
    ['never below zero', approved, [claim('paid', 1500)], undefined, 0],
    [
      'nothing on a request that is not approved',
      { ...approved, status: 'submitted' },
      [],
      undefined,
      0,
    ],
  ];
  for (const [name, req, list, excludeId, expected] of claimable) {
    it(`mdfClaimable: ${name}`, () => {
      assert.deepEqual(
        mdfClaimable(req, list, excludeId === undefined ? {} : { excludeId }),
        usd(expected),
      );
    });
  }

  const checks: [
    string,
    { id: string; amount: Money; status: 'approved' | 'submitted' | 'draft' | 'rejected' },
    Money,
    string[] | null,
  ][] = [
    ['exactly what is left', approved, usd(650), null],
    [
      'one unit more',
      approved,
      usd(651),
      ['amount: The amount is more than what is left to claim on this request.'],
    ],
    [
      'another currency',
      approved,
      { amount: 10, currency: 'GBP' },
      ['amount: Use one currency for every amount in this record.'],
    ],
    ['zero', approved, usd(0), ['amount: Enter an amount greater than zero.']],
    ...(['draft', 'submitted', 'rejected'] as const).map(
      (status): [string, { id: string; amount: Money; status: typeof status }, Money, string[]] => [
        `a ${status} request`,
        { ...approved, status },
        usd(1),
        ['requestId: Funds can be claimed only against an approved request.'],
      ],
    ),
  ];
  for (const [name, req, amount, expected] of checks) {
    it(`checkClaim: ${name}`, () => {
      assert.deepEqual(
        rejected(() => checkClaim(req, claims, amount)),
        expected,
      );
    });
  }

  it('checkClaim: excludeId lets an existing claim be re-checked', () => {
    assert.equal(
      rejected(() => checkClaim(approved, claims, usd(700), { excludeId: 'c-sub' })),
      null,
    );
  });
});
