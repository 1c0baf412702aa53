import {
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  Order,
  OrderInput,
  Product,
  Quote,
  QuoteInput,
  QuotePatch,
} from '../../src/schemas/sales.js';
import { OPPORTUNITY_STAGES, ORDER_STATUSES, QUOTE_STATUSES } from '../../src/schemas/values.js';
import { opportunity, order, orderInput, product, quote, quoteInput } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

schemaTable('Product', Product, product, [
  row('a missing sku', { sku: MISSING }, 'sku', m.required()),
  row('a family with capitals', { family: 'Security' }, 'family', m.key()),
  row(
    'an unknown unit',
    { unit: 'box' },
    'unit',
    m.oneOf({ options: ['each', 'seat', 'subscription_year'] }),
  ),
  row(
    'a float list price 12.5',
    { 'listPrice.amount': 12.5 },
    'listPrice.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a negative list price',
    { 'listPrice.amount': -1 },
    'listPrice.amount',
    m.nonNegativeAmount(),
  ),
  row(
    'a lower-case currency usd',
    { 'listPrice.currency': 'usd' },
    'listPrice.currency',
    m.currencyCode(),
  ),
]);

schemaTable('Opportunity', Opportunity, opportunity, [
  row('a missing name', { name: MISSING }, 'name', m.required()),
  row('an unknown stage', { stage: 'won' }, 'stage', m.oneOf({ options: OPPORTUNITY_STAGES })),
  row('the close date 2026-02-30', { closeDate: '2026-02-30' }, 'closeDate', m.date()),
  row('a float amount 12.5', { 'amount.amount': 12.5 }, 'amount.amount', m.moneyMinorUnits()),
  row(
    'the customer country USA',
    { 'customer.country': 'USA' },
    'customer.country',
    m.countryCode(),
  ),
  row('a missing leadId (null is required)', { leadId: MISSING }, 'leadId', m.required()),
]);

const opportunityInput = {
  name: opportunity.name,
  partnerId: 'ptn_abc',
  customer: opportunity.customer,
  amount: opportunity.amount,
  closeDate: opportunity.closeDate,
};
schemaTable('OpportunityInput', OpportunityInput, opportunityInput, [
  row('a missing customer', { customer: MISSING }, 'customer', m.required()),
  row(
    'a customer domain with scheme and path',
    { 'customer.domain': 'https://acme.com/x' },
    'customer.domain',
    m.domain(),
  ),
  row('a negative amount', { 'amount.amount': -5 }, 'amount.amount', m.nonNegativeAmount()),
]);

schemaTable('OpportunityPatch', OpportunityPatch, { closeDate: '2026-07-31', ownerId: null }, [
  row('the close date 2026-02-30', { closeDate: '2026-02-30' }, 'closeDate', m.date()),
]);

schemaTable('QuoteInput', QuoteInput, quoteInput, [
  row('a lower-case currency usd', { currency: 'usd' }, 'currency', m.currencyCode()),
  row('a missing currency', { currency: MISSING }, 'currency', m.required()),
  row('an empty line list', { lines: [] }, 'lines', m.tooFewItems({ minimum: 1 })),
  row(
    'a negative quantity',
    { 'lines.0.quantity': -2 },
    'lines.0.quantity',
    m.tooSmall({ minimum: 1 }),
  ),
  row(
    'an extra discount of 10001 basis points',
    { 'lines.0.extraDiscountBps': 10_001 },
    'lines.0.extraDiscountBps',
    m.basisPoints(),
  ),
  row('the valid-until date 2026-02-30', { validUntil: '2026-02-30' }, 'validUntil', m.date()),
  row('a missing valid-until date', { validUntil: MISSING }, 'validUntil', m.required()),
]);

schemaTable('QuotePatch', QuotePatch, { validUntil: '2026-06-15' }, [
  row('an empty line list', { lines: [] }, 'lines', m.tooFewItems({ minimum: 1 })),
]);

schemaTable('Quote', Quote, quote, [
  row('an unknown status', { status: 'open' }, 'status', m.oneOf({ options: QUOTE_STATUSES })),
  row('a lower-case currency usd', { currency: 'usd' }, 'currency', m.currencyCode()),
  row(
    'a line discount of 10001 basis points',
    { 'lines.0.discountBps': 10_001 },
    'lines.0.discountBps',
    m.basisPoints(),
  ),
  row(
    'a float line total 12.5',
    { 'lines.1.netTotal.amount': 12.5 },
    'lines.1.netTotal.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a zero line quantity',
    { 'lines.0.quantity': 0 },
    'lines.0.quantity',
    m.tooSmall({ minimum: 1 }),
  ),
  row(
    'a negative net total',
    { 'totals.net.amount': -1 },
    'totals.net.amount',
    m.nonNegativeAmount(),
  ),
  row('missing totals', { totals: MISSING }, 'totals', m.required()),
]);

schemaTable('Order', Order, order, [
  row('a missing quoteId', { quoteId: MISSING }, 'quoteId', m.required()),
  row('an unknown status', { status: 'shipped' }, 'status', m.oneOf({ options: ORDER_STATUSES })),
  row('a float total 12.5', { 'total.amount': 12.5 }, 'total.amount', m.moneyMinorUnits()),
  row(
    'a lower-case total currency usd',
    { 'total.currency': 'usd' },
    'total.currency',
    m.currencyCode(),
  ),
  row('a bad submittedAt', { submittedAt: '11/03/2026' }, 'submittedAt', m.dateTime()),
]);

schemaTable('OrderInput', OrderInput, orderInput, [
  row('a missing quoteId', { quoteId: MISSING }, 'quoteId', m.required()),
  row(
    'a long purchase order number',
    { purchaseOrderNumber: 'P'.repeat(65) },
    'purchaseOrderNumber',
    m.tooLong({ maximum: 64 }),
  ),
]);
