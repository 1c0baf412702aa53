import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConflictCheck,
  ConflictCheckInput,
  DealRegistration,
  DealRegistrationInput,
  DealRegistrationPatch,
} from '../../src/schemas/deal.js';
import { CLOSURE_REASONS, DEAL_STATUSES, DEAL_TYPES } from '../../src/schemas/values.js';
import { validate } from '../../src/validation.js';
import {
  conflictCheck,
  conflictCheckInput,
  dealRegistration,
  dealRegistrationInput,
} from './fixtures.js';
import { MISSING, m, patched, row, schemaTable } from './table.js';

schemaTable('DealRegistrationInput', DealRegistrationInput, dealRegistrationInput, [
  row('a missing programId', { programId: MISSING }, 'programId', m.required()),
  row('an unknown deal type', { dealType: 'resale' }, 'dealType', m.oneOf({ options: DEAL_TYPES })),
  row('a missing deal type', { dealType: MISSING }, 'dealType', m.required()),
  row('a missing customer', { customer: MISSING }, 'customer', m.required()),
  row('a blank customer company', { 'customer.company': '   ' }, 'customer.company', m.required()),
  row(
    'a customer domain with scheme and path',
    { 'customer.domain': 'https://acme.com/x' },
    'customer.domain',
    m.domain(),
  ),
  row(
    'the customer country USA',
    { 'customer.country': 'USA' },
    'customer.country',
    m.countryCode(),
  ),
  row(
    'a bad customer contact email',
    { 'customer.contact.email': 'lee@@acme.com' },
    'customer.contact.email',
    m.email(),
  ),
  row('an empty product list', { products: [] }, 'products', m.tooFewItems({ minimum: 1 })),
  row('a missing product list', { products: MISSING }, 'products', m.required()),
  row(
    'a negative quantity',
    { 'products.0.quantity': -1 },
    'products.0.quantity',
    m.tooSmall({ minimum: 1 }),
  ),
  row(
    'a fractional quantity',
    { 'products.1.quantity': 1.5 },
    'products.1.quantity',
    m.wholeNumber(),
  ),
  row(
    'a quantity over a million',
    { 'products.0.quantity': 1_000_001 },
    'products.0.quantity',
    m.tooBig({ maximum: 1_000_000 }),
  ),
  row(
    'a product without id',
    { 'products.1.productId': MISSING },
    'products.1.productId',
    m.required(),
  ),
  row(
    'a float estimated value 12.5',
    { 'estimatedValue.amount': 12.5 },
    'estimatedValue.amount',
    m.moneyMinorUnits(),
  ),
  row(
    'a negative estimated value',
    { 'estimatedValue.amount': -100 },
    'estimatedValue.amount',
    m.nonNegativeAmount(),
  ),
  row(
    'a lower-case currency usd',
    { 'estimatedValue.currency': 'usd' },
    'estimatedValue.currency',
    m.currencyCode(),
  ),
  row(
    'the close date 2026-02-30',
    { expectedCloseDate: '2026-02-30' },
    'expectedCloseDate',
    m.date(),
  ),
  row(
    'a close date with a time',
    { expectedCloseDate: '2026-06-30T00:00:00Z' },
    'expectedCloseDate',
    m.date(),
  ),
  row('a missing close date', { expectedCloseDate: MISSING }, 'expectedCloseDate', m.required()),
  row(
    'comments over 5000 characters',
    { comments: 'x'.repeat(5_001) },
    'comments',
    m.tooLong({ maximum: 5_000 }),
  ),
  {
    name: 'several problems at once, one field each',
    patch: { 'customer.country': 'USA', products: [], expectedCloseDate: '2026-02-30' },
    fields: [
      { path: 'customer.country', message: m.countryCode() },
      { path: 'products', message: m.tooFewItems({ minimum: 1 }) },
      { path: 'expectedCloseDate', message: m.date() },
    ],
  },
]);

it('a quantity of 0 says "Enter 1 or more."', () => {
  const result = validate(
    DealRegistrationInput,
    patched(dealRegistrationInput, { 'products.0.quantity': 0 }),
  );
  assert.equal(
    result.ok ? '' : result.error.fieldMessage('products.0.quantity'),
    m.tooSmall({ minimum: 1 }),
  );
});

it('normalises the customer of a deal registration input', () => {
  const result = validate(
    DealRegistrationInput,
    patched(dealRegistrationInput, {
      'customer.company': '  Acme Manufacturing Inc. ',
      'customer.domain': ' ACME.com',
    }),
  );
  assert.ok(result.ok);
  assert.equal(result.value.customer.company, 'Acme Manufacturing Inc.');
  assert.equal(result.value.customer.domain, 'acme.com');
});

schemaTable('DealRegistrationPatch', DealRegistrationPatch, { expectedCloseDate: '2026-07-15' }, [
  row(
    'the close date 2026-02-30',
    { expectedCloseDate: '2026-02-30' },
    'expectedCloseDate',
    m.date(),
  ),
  row('an empty product list', { products: [] }, 'products', m.tooFewItems({ minimum: 1 })),
]);

schemaTable('DealRegistration', DealRegistration, dealRegistration, [
  row('a missing number', { number: MISSING }, 'number', m.required()),
  row('an unknown status', { status: 'pending' }, 'status', m.oneOf({ options: DEAL_STATUSES })),
  row(
    'a missing submittedAt (null is required)',
    { submittedAt: MISSING },
    'submittedAt',
    m.required(),
  ),
  row(
    'an unknown decision outcome',
    { 'decision.outcome': 'maybe' },
    'decision.outcome',
    m.oneOf({ options: ['approved', 'rejected', 'returned'] }),
  ),
  row(
    'an unknown closure reason',
    { 'decision.reason': 'too_small' },
    'decision.reason',
    m.oneOf({ options: CLOSURE_REASONS }),
  ),
  row(
    'negative protection extensions',
    { 'protection.extensions': -1 },
    'protection.extensions',
    m.tooSmall({ minimum: 0 }),
  ),
  row(
    'an unknown extension status',
    { 'extension.status': 'pending' },
    'extension.status',
    m.oneOf({ options: ['requested', 'granted', 'denied'] }),
  ),
  row('a blank comment body', { 'comments.0.body': ' ' }, 'comments.0.body', m.required()),
  row(
    'a bad work note timestamp',
    { 'workNotes.0.createdAt': '2026-02-03' },
    'workNotes.0.createdAt',
    m.dateTime(),
  ),
  row(
    'a negative quantity',
    { 'products.0.quantity': -4 },
    'products.0.quantity',
    m.tooSmall({ minimum: 1 }),
  ),
  row(
    'the customer country USA',
    { 'customer.country': 'USA' },
    'customer.country',
    m.countryCode(),
  ),
  row(
    'a conflict matched by an unknown key',
    { conflicts: [{ ...conflictCheck.matches[0], matchedBy: ['phone'] }] },
    'conflicts.0.matchedBy.0',
    m.oneOf({ options: ['company', 'domain'] }),
  ),
]);

schemaTable('ConflictCheck', ConflictCheck, conflictCheck, [
  row('a missing conflict flag', { conflict: MISSING }, 'conflict', m.required()),
  row(
    'duplicate as a string',
    { duplicate: 'no' },
    'duplicate',
    m.wrongType({ expected: 'boolean' }),
  ),
  row(
    'a match with an unknown status',
    { 'matches.0.status': 'open' },
    'matches.0.status',
    m.oneOf({ options: DEAL_STATUSES }),
  ),
  row(
    'a match without a partnerId',
    { 'matches.0.partnerId': MISSING },
    'matches.0.partnerId',
    m.required(),
  ),
]);

schemaTable('ConflictCheckInput', ConflictCheckInput, conflictCheckInput, [
  row(
    'a customer domain with scheme and path',
    { 'customer.domain': 'https://acme.com/x' },
    'customer.domain',
    m.domain(),
  ),
  row('an empty product list', { products: [] }, 'products', m.tooFewItems({ minimum: 1 })),
  row(
    'a negative quantity',
    { 'products.0.quantity': -1 },
    'products.0.quantity',
    m.tooSmall({ minimum: 1 }),
  ),
  row('an empty excludeId', { excludeId: '' }, 'excludeId', m.required()),
]);

describe('ConflictCheckInput while a form is filled in', () => {
  const products = conflictCheckInput.products;
  it('takes the domain alone, the company alone, or neither', () => {
    for (const customer of [{ domain: 'acme.com' }, { company: 'Acme' }, {}]) {
      const checked = validate(ConflictCheckInput, { customer, products });
      assert.ok(checked.ok, JSON.stringify(customer));
      assert.deepEqual(checked.value.customer, customer);
    }
  });

  it('drops what conflicts are not found by (country, contact)', () => {
    const checked = validate(ConflictCheckInput, {
      customer: { company: 'Acme', country: 'US', contact: { name: 'Lee' } },
      products,
    });
    assert.ok(checked.ok);
    assert.deepEqual(checked.value.customer, { company: 'Acme' });
  });
});
