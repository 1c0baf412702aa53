import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrmError, type PrmError } from '../../src/errors.js';
import {
  applyBasisPoints,
  priceQuote,
  tierBenefitsFor,
  type BenefitsProgram,
  type PriceQuoteInput,
  type PricedProduct,
} from '../../src/rules/pricing.js';
import type { TierBenefits } from '../../src/schemas/program.js';
import type { SegmentProgramLink } from '../../src/schemas/segment.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('applyBasisPoints', () => {
  const cases: [number, number, number][] = [
    [5997, 1500, 900], // 899.55
    [10_000, 1500, 1500],
    [5, 5000, 3], // 2.5 rounds away from zero
    [-5, 5000, -3],
    [1, 4999, 0], // 0.4999
    [1, 5000, 1], // 0.5
    [-1, 4999, 0],
    [0, 10_000, 0],
    [123, 0, 0],
    [MAX, 10_000, MAX],
    // exact where float math is not: MAX × 0.15 = 1 351 079 888 211 148.65
    [MAX, 1500, 1_351_079_888_211_149],
  ];
  for (const [amount, bps, expected] of cases) {
    it(`${String(amount)} × ${String(bps)} bps = ${String(expected)}`, () => {
      assert.equal(applyBasisPoints(amount, bps), expected);
    });
  }
  const bad: [string, number, number][] = [
    ['fractional amount', 1.5, 100],
    ['fractional bps', 100, 0.5],
    ['unsafe amount', MAX + 1, 1],
    ['unsafe result', MAX, 20_000],
  ];
  for (const [name, amount, bps] of bad) {
    it(`throws a RangeError on ${name}`, () => {
      assert.throws(() => applyBasisPoints(amount, bps), RangeError);
    });
  }
});

const usd = (amount: number) => ({ amount, currency: 'USD' });
const products: PricedProduct[] = [
  { id: 'seat', name: 'Seat licence', listPrice: usd(1999) },
  { id: 'box', name: 'Appliance', listPrice: usd(10) },
  { id: 'dime', name: 'Sticker', listPrice: usd(10) },
  { id: 'euro', name: 'EU service', listPrice: { amount: 1000, currency: 'EUR' } },
  { id: 'huge', name: 'Mainframe', listPrice: usd(10_000_000_000) },
  { id: 'max', name: 'Everything', listPrice: usd(MAX) },
];
const base: PriceQuoteInput = { lines: [], products, tierDiscountBps: 0, currency: 'USD' };

function fieldsOf(fn: () => unknown): PrmError {
  try {
    fn();
  } catch (error) {
    assert.ok(isPrmError(error, 'validation'), 'a validation PrmError');
    return error;
  }
  assert.fail('expected a PrmError');
}

describe('priceQuote', () => {
  it('prices 3 × 19.99 at 15 % without drift', () => {
    const quote = priceQuote({
      ...base,
      lines: [{ productId: 'seat', quantity: 3 }],
      tierDiscountBps: 1500,
    });
    assert.deepEqual(quote.lines, [
      {
        productId: 'seat',
        description: 'Seat licence',
        quantity: 3,
        unitPrice: usd(1999),
        listTotal: usd(5997),
        discountBps: 1500,
        discount: usd(900),
        netTotal: usd(5097),
      },
    ]);
    assert.deepEqual(quote.totals, { list: usd(5997), discount: usd(900), net: usd(5097) });
  });

  const rateCases: {
    name: string;
    input: Partial<PriceQuoteInput>;
    discountBps: number[];
  }[] = [
    { name: 'extra discount only', input: { tierDiscountBps: 0 }, discountBps: [1000, 0] },
    {
      name: 'tier + deal (deal products only) + extra add up',
      input: {
        tierDiscountBps: 1500,
        dealRegistrationDiscountBps: 500,
        dealProductIds: ['seat'],
      },
      discountBps: [3000, 1500],
    },
    {
      name: 'deal discount without deal products applies to none',
      input: { tierDiscountBps: 1000, dealRegistrationDiscountBps: 500 },
      discountBps: [2000, 1000],
    },
    {
      name: 'deal products without a deal discount add nothing',
      input: { tierDiscountBps: 1000, dealProductIds: ['seat', 'box'] },
      discountBps: [2000, 1000],
    },
    {
      name: 'capped at 100 %',
      input: { tierDiscountBps: 6000, dealRegistrationDiscountBps: 3000, dealProductIds: ['seat'] },
      discountBps: [10_000, 6000],
    },
  ];
  for (const { name, input, discountBps } of rateCases) {
    it(name, () => {
      const quote = priceQuote({
        ...base,
        ...input,
        lines: [
          { productId: 'seat', quantity: 1, extraDiscountBps: 1000 },
          { productId: 'box', quantity: 1 },
        ],
      });
      assert.deepEqual(
        quote.lines.map((l) => l.discountBps),
        discountBps,
      );
      for (const line of quote.lines) {
        assert.equal(
          line.discount.amount,
          applyBasisPoints(line.listTotal.amount, line.discountBps),
        );
        assert.equal(line.netTotal.amount, line.listTotal.amount - line.discount.amount);
      }
    });
  }

  it('gives a zero net at 100 %', () => {
    const quote = priceQuote({
      ...base,
      tierDiscountBps: 10_000,
      lines: [{ productId: 'seat', quantity: 7 }],
    });
    assert.deepEqual(quote.totals, { list: usd(13_993), discount: usd(13_993), net: usd(0) });
  });

  it('adds cents exactly where 0.1 + 0.2 would drift', () => {
    const quote = priceQuote({
      ...base,
      lines: [
        { productId: 'box', quantity: 1 },
        { productId: 'dime', quantity: 2 },
      ],
    });
    assert.deepEqual(quote.totals, { list: usd(30), discount: usd(0), net: usd(30) });
  });

  it('rounds each line, and totals are sums of the rounded lines', () => {
    // 33.33 % of 10 is 3.333 → 3 per line; rounding the sum (9.999) would give 10.
    const quote = priceQuote({
      ...base,
      tierDiscountBps: 3333,
      lines: [
        { productId: 'box', quantity: 1 },
        { productId: 'dime', quantity: 1 },
        { productId: 'box', quantity: 1 },
      ],
    });
    assert.deepEqual(
      quote.lines.map((l) => l.discount.amount),
      [3, 3, 3],
    );
    assert.deepEqual(quote.totals, { list: usd(30), discount: usd(9), net: usd(21) });
  });

  it('rounds half away from zero per line', () => {
    const quote = priceQuote({
      ...base,
      tierDiscountBps: 2500, // 10 × 25 % = 2.5
      lines: [{ productId: 'box', quantity: 1 }],
    });
    assert.equal(quote.lines[0]?.discount.amount, 3);
  });

  it('prices large quantities exactly up to the safe integer limit', () => {
    const quote = priceQuote({
      ...base,
      tierDiscountBps: 1500,
      lines: [{ productId: 'huge', quantity: 900_000 }],
    });
    const list = 9_000_000_000_000_000;
    const discount = Number((BigInt(list) * 1500n + 5000n) / 10_000n);
    assert.deepEqual(quote.totals, {
      list: usd(list),
      discount: usd(discount),
      net: usd(list - discount),
    });
  });

  it('returns zero totals for no lines', () => {
    assert.deepEqual(priceQuote(base), {
      lines: [],
      totals: { list: usd(0), discount: usd(0), net: usd(0) },
    });
  });

  const errorCases: { name: string; input: Partial<PriceQuoteInput>; paths: string[] }[] = [
    {
      name: 'unknown product',
      input: { lines: [{ productId: 'nope', quantity: 1 }] },
      paths: ['lines.0.productId'],
    },
    {
      name: 'product in another currency',
      input: {
        lines: [
          { productId: 'seat', quantity: 1 },
          { productId: 'euro', quantity: 1 },
        ],
      },
      paths: ['lines.1.productId'],
    },
    {
      name: 'quantity 0 and fractional quantity',
      input: {
        lines: [
          { productId: 'seat', quantity: 0 },
          { productId: 'seat', quantity: 1.5 },
        ],
      },
      paths: ['lines.0.quantity', 'lines.1.quantity'],
    },
    {
      name: 'extra discount over 100 %',
      input: { lines: [{ productId: 'seat', quantity: 1, extraDiscountBps: 10_001 }] },
      paths: ['lines.0.extraDiscountBps'],
    },
    {
      name: 'bad tier and deal rates',
      input: {
        tierDiscountBps: 1.5,
        dealRegistrationDiscountBps: -1,
        lines: [{ productId: 'seat', quantity: 1 }],
      },
      paths: ['tierDiscountBps', 'dealRegistrationDiscountBps'],
    },
    {
      name: 'a line past the safe integer limit',
      input: { lines: [{ productId: 'huge', quantity: 1_000_000 }] },
      paths: ['lines.0.quantity'],
    },
    {
      name: 'totals past the safe integer limit',
      input: {
        lines: [
          { productId: 'max', quantity: 1 },
          { productId: 'box', quantity: 1 },
        ],
      },
      paths: ['lines'],
    },
    {
      name: 'every bad line at once',
      input: {
        lines: [
          { productId: 'nope', quantity: 0 },
          { productId: 'seat', quantity: 1 },
          { productId: 'euro', quantity: 1, extraDiscountBps: 20_000 },
        ],
      },
      paths: [
        'lines.0.productId',
        'lines.0.quantity',
        'lines.2.productId',
        'lines.2.extraDiscountBps',
      ],
    },
  ];
  for (const { name, input, paths } of errorCases) {
    it(`rejects ${name}`, () => {
      const error = fieldsOf(() => priceQuote({ ...base, ...input }));
      assert.deepEqual(
        error.fields.map((f) => f.path),
        paths,
      );
      for (const field of error.fields) assert.ok(field.message.length > 0);
      if (paths.length === 1) assert.match(error.message, new RegExp(`^${paths[0] ?? ''}: `));
      else assert.equal(error.message, `${String(paths.length)} fields need attention.`);
    });
  }

  it('names the currency rule on a currency mismatch', () => {
    const error = fieldsOf(() =>
      priceQuote({ ...base, lines: [{ productId: 'euro', quantity: 1 }] }),
    );
    assert.equal(
      error.fieldMessage('lines.0.productId'),
      'Use one currency for every amount in this record.',
    );
  });
});

describe('tierBenefitsFor', () => {
  const gold: TierBenefits = {
    discountBps: 2000,
    dealRegistrationDiscountBps: 500,
    mdfPerQuarter: usd(1_000_000),
    caseFirstResponseHours: 8,
    perks: ['Logo on locator', 'Demo licences'],
  };
  const program: BenefitsProgram = {
    id: 'prog',
    tiers: [
      {
        key: 'silver',
        name: 'Silver',
        rank: 0,
        requirements: [],
        benefits: { discountBps: 1000, dealRegistrationDiscountBps: 0, perks: [] },
      },
      { key: 'gold', name: 'Gold', rank: 1, requirements: [], benefits: gold },
    ],
  };
  const seg = (...programLinks: SegmentProgramLink[]) => ({ programLinks });

  const cases: {
    name: string;
    tier: string;
    segments?: { programLinks: SegmentProgramLink[] }[];
    expected: TierBenefits | null;
  }[] = [
    { name: 'unknown tier', tier: 'diamond', expected: null },
    { name: 'the tier’s own benefits', tier: 'gold', expected: gold },
    {
      name: 'optional benefits stay absent',
      tier: 'silver',
      expected: { discountBps: 1000, dealRegistrationDiscountBps: 0, perks: [] },
    },
    {
      name: 'links to other programs and links without overrides are ignored',
      tier: 'gold',
      segments: [
        seg({ programId: 'other', benefitOverrides: { discountBps: 9000 } }),
        seg({ programId: 'prog' }),
      ],
      expected: gold,
    },
    {
      name: 'one segment replaces values, even lower ones, and adds perks',
      tier: 'gold',
      segments: [
        seg({
          programId: 'prog',
          benefitOverrides: {
            discountBps: 1500,
            caseFirstResponseHours: 24,
            mdfPerQuarter: { amount: 5, currency: 'EUR' },
            perks: ['Demo licences', 'Partner summit'],
          },
        }),
      ],
      expected: {
        ...gold,
        discountBps: 1500,
        caseFirstResponseHours: 24,
        mdfPerQuarter: { amount: 5, currency: 'EUR' },
        perks: ['Logo on locator', 'Demo licences', 'Partner summit'],
      },
    },
    {
      name: 'several segments: the best for the partner wins, whatever the order',
      tier: 'silver',
      segments: [
        seg({
          programId: 'prog',
          benefitOverrides: {
            discountBps: 2500,
            dealRegistrationDiscountBps: 300,
            caseFirstResponseHours: 4,
            mdfPerQuarter: usd(100),
          },
        }),
        seg(
          { programId: 'other', benefitOverrides: { discountBps: 9999 } },
          {
            programId: 'prog',
            benefitOverrides: {
              discountBps: 3000,
              dealRegistrationDiscountBps: 200,
              caseFirstResponseHours: 12,
              mdfPerQuarter: usd(500),
              perks: ['A'],
            },
          },
        ),
        seg({
          programId: 'prog',
          benefitOverrides: {
            mdfPerQuarter: { amount: 9_999_999, currency: 'EUR' },
            perks: ['A', 'B'],
          },
        }),
      ],
      expected: {
        discountBps: 3000,
        dealRegistrationDiscountBps: 300,
        caseFirstResponseHours: 4,
        mdfPerQuarter: usd(500),
        perks: ['A', 'B'],
      },
    },
  ];
  for (const { name, tier, segments, expected } of cases) {
    it(name, () => {
      assert.deepEqual(tierBenefitsFor(program, tier, segments), expected);
      if (segments)
        assert.deepEqual(
          tierBenefitsFor(program, tier, [...segments].reverse())?.discountBps,
          expected?.discountBps,
        );
    });
  }
});
