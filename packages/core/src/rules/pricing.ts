import type { FieldError } from '../errors.js';
import { englishMessages } from '../messages.js';
import type { Money } from '../schemas/common.js';
import type { Program, TierBenefits } from '../schemas/program.js';
import type { QuoteLine, QuoteLineInput, QuoteTotals } from '../schemas/sales.js';
import type { Segment } from '../schemas/segment.js';
import { validationError } from './internal.js';

const FULL_BPS = 10_000;

/**
 * `amount × bps / 10 000` in integer minor units, rounded half away from zero
 * (`applyBasisPoints(5, 5000)` is 3, `applyBasisPoints(-5, 5000)` is -3). Computed with
 * BigInt, so large amounts never lose a unit to floating point.
 */
export function applyBasisPoints(amount: number, bps: number): number {
  assertSafeInteger(amount, 'amount');
  assertSafeInteger(bps, 'bps');
  const product = BigInt(amount) * BigInt(bps);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const denominator = BigInt(FULL_BPS);
  let quotient = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) quotient += 1n;
  const result = Number(negative ? -quotient : quotient);
  assertSafeInteger(result, 'result');
  return result;
}

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${name} must be a safe integer, got ${String(value)}`);
  }
}

/** The product fields pricing reads. */
export interface PricedProduct {
  id: string;
  name: string;
  listPrice: Money;
}

/** The lines to price and what decides their discounts; amounts in minor units. */
export interface PriceQuoteInput {
  lines: readonly Pick<QuoteLineInput, 'productId' | 'quantity' | 'extraDiscountBps'>[];
  products: readonly PricedProduct[];
  /** The partner tier's quote discount (`TierBenefits.discountBps`). */
  tierDiscountBps: number;
  /** Extra discount for the products of an approved deal registration. */
  dealRegistrationDiscountBps?: number;
  /** The approved registration's products; only their lines get the deal discount. */
  dealProductIds?: readonly string[];
  currency: string;
}

/** Priced lines and their totals, all in the quote's currency. */
export interface PricedQuote {
  lines: QuoteLine[];
  totals: QuoteTotals;
}

const isBasisPoints = (value: number): boolean =>
  Number.isInteger(value) && value >= 0 && value <= FULL_BPS;

/**
 * Prices a quote in integer minor units.
 *
 * Per line: `listTotal = listPrice × quantity`; the discount rate is the tier discount plus
 * the deal registration discount (only on the registration's products) plus the line's extra
 * discount — added, not compounded, and capped at 100 %, so the line shows one exact rate
 * in basis points and a partner can check it ("15 % + 5 % = 20 %"). The line's discount is
 * `listTotal × rate`, rounded half away from zero; `netTotal = listTotal − discount`.
 * Totals are the sums of the rounded lines, so they always add up.
 *
 * Throws a `validation` `PrmError` naming every bad line (`lines.N.productId` for an unknown
 * product or one priced in another currency, `lines.N.quantity`, `lines.N.extraDiscountBps`),
 * or `lines` when an amount would pass `Number.MAX_SAFE_INTEGER`.
 */
export function priceQuote(input: PriceQuoteInput): PricedQuote {
  const { currency } = input;
  const fields: FieldError[] = [];
  const rateFields: [string, number | undefined][] = [
    ['tierDiscountBps', input.tierDiscountBps],
    ['dealRegistrationDiscountBps', input.dealRegistrationDiscountBps],
  ];
  for (const [path, value] of rateFields) {
    if (value !== undefined && !isBasisPoints(value)) {
      fields.push({ path, message: englishMessages.basisPoints() });
    }
  }
  const ratesValid = fields.length === 0;
  const products = new Map(input.products.map((p) => [p.id, p]));
  const dealProducts = new Set(input.dealProductIds ?? []);
  const lines: QuoteLine[] = [];

  input.lines.forEach((line, index) => {
    const at = `lines.${String(index)}`;
    const product = products.get(line.productId);
    const lineFields: FieldError[] = [];
    if (!product) {
      lineFields.push({ path: `${at}.productId`, message: englishMessages.unknownProduct() });
    } else if (product.listPrice.currency !== currency) {
      lineFields.push({ path: `${at}.productId`, message: englishMessages.singleCurrency() });
    }
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      lineFields.push({
        path: `${at}.quantity`,
        message: englishMessages.tooSmall({ minimum: 1 }),
      });
    }
    if (line.extraDiscountBps !== undefined && !isBasisPoints(line.extraDiscountBps)) {
      lineFields.push({ path: `${at}.extraDiscountBps`, message: englishMessages.basisPoints() });
    }
    fields.push(...lineFields);
    if (!product || lineFields.length > 0 || !ratesValid) return;

    const listTotal = product.listPrice.amount * line.quantity;
    if (!Number.isSafeInteger(listTotal)) {
      fields.push({ path: `${at}.quantity`, message: englishMessages.lineTooLarge() });
      return;
    }
    const dealBps = dealProducts.has(line.productId) ? (input.dealRegistrationDiscountBps ?? 0) : 0;
    const discountBps = Math.min(
      FULL_BPS,
      input.tierDiscountBps + dealBps + (line.extraDiscountBps ?? 0),
    );
    const discount = applyBasisPoints(listTotal, discountBps);
    lines.push({
      productId: product.id,
      description: product.name,
      quantity: line.quantity,
      unitPrice: { amount: product.listPrice.amount, currency },
      listTotal: { amount: listTotal, currency },
      discountBps,
      discount: { amount: discount, currency },
      netTotal: { amount: listTotal - discount, currency },
    });
  });

  if (fields.length === 0) {
    const sum = (pick: (line: QuoteLine) => Money) =>
      lines.reduce((total, line) => total + pick(line).amount, 0);
    const list = sum((l) => l.listTotal);
    if (Number.isSafeInteger(list)) {
      return {
        lines,
        totals: {
          list: { amount: list, currency },
          discount: { amount: sum((l) => l.discount), currency },
          net: { amount: sum((l) => l.netTotal), currency },
        },
      };
    }
    // Discount and net totals are at most the list total, so only it can overflow.
    fields.push({ path: 'lines', message: englishMessages.quoteTooLarge() });
  }
  throw validationError(fields);
}

/** The program fields `tierBenefitsFor` reads. */
export type BenefitsProgram = Pick<Program, 'id' | 'tiers'>;

/**
 * A tier's benefits for a partner, with the overrides of the partner's segments that link
 * to this program (`Segment.programLinks`). With one overriding segment its values replace
 * the tier's. When several segments override the same benefit the one best for the partner
 * wins, whatever the segments' order: the highest discounts, the highest MDF (among amounts
 * in the same currency; otherwise the first given), the fastest case response. Perks add up:
 * the tier's perks plus every segment's, without duplicates.
 * `null` when the program has no tier with that key.
 */
export function tierBenefitsFor(
  program: BenefitsProgram,
  tierKey: string,
  segments: readonly Pick<Segment, 'programLinks'>[] = [],
): TierBenefits | null {
  const tier = program.tiers.find((t) => t.key === tierKey);
  if (!tier) return null;
  const overrides = segments.flatMap((segment) =>
    segment.programLinks.flatMap((link) =>
      link.programId === program.id && link.benefitOverrides ? [link.benefitOverrides] : [],
    ),
  );

  const best = <K extends keyof TierBenefits>(
    key: K,
    better: (a: NonNullable<TierBenefits[K]>, b: NonNullable<TierBenefits[K]>) => boolean,
  ): TierBenefits[K] => {
    let chosen: NonNullable<TierBenefits[K]> | undefined;
    for (const override of overrides) {
      const value = override[key] as TierBenefits[K] | undefined;
      if (value === undefined) continue;
      if (chosen === undefined || better(value, chosen)) chosen = value;
    }
    return chosen ?? tier.benefits[key];
  };

  const benefits: TierBenefits = {
    discountBps: best('discountBps', (a, b) => a > b),
    dealRegistrationDiscountBps: best('dealRegistrationDiscountBps', (a, b) => a > b),
    perks: [...new Set([...tier.benefits.perks, ...overrides.flatMap((o) => o.perks ?? [])])],
  };
  const mdf = best('mdfPerQuarter', (a, b) => a.currency === b.currency && a.amount > b.amount);
  if (mdf !== undefined) benefits.mdfPerQuarter = mdf;
  const hours = best('caseFirstResponseHours', (a, b) => a < b);
  if (hours !== undefined) benefits.caseFirstResponseHours = hours;
  return benefits;
}
