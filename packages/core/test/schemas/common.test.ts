import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import {
  Amount,
  BasisPoints,
  Comment,
  CommentInput,
  CountryCode,
  CurrencyCode,
  Customer,
  DateOnly,
  Domain,
  Email,
  HexColour,
  Id,
  Key,
  Money,
  PositiveAmount,
  Region,
  StatusChange,
  Timestamp,
  WebUrl,
  prose,
  text,
} from '../../src/schemas/common.js';
import { REGIONS } from '../../src/schemas/values.js';
import { validate } from '../../src/validation.js';
import { dealRegistration, dealRegistrationInput, money } from './fixtures.js';
import { MISSING, m, rejectedFields, row, schemaTable } from './table.js';

type Row = readonly [name: string, schema: z.core.$ZodType, input: unknown, message: string];

describe('common value schemas accept', () => {
  const accepted: readonly (readonly [string, z.core.$ZodType, unknown])[] = [
    ['an id', Id, 'ptn_abc'],
    ['a UTC timestamp', Timestamp, '2026-01-31T09:00:00Z'],
    ['a timestamp with an offset', Timestamp, '2026-01-31T10:00:00+01:00'],
    ['a timestamp with milliseconds', Timestamp, '2026-01-31T09:00:00.250Z'],
    ['a leap day', DateOnly, '2028-02-29'],
    ['a key with digits, - and _', Key, 'tier-2_gold'],
    ['a currency code', CurrencyCode, 'EUR'],
    ['a country code', CountryCode, 'DE'],
    ['a subdomain', Domain, 'sales.acme.co.uk'],
    ['an email', Email, 'jane.miller@abcsystems.com'],
    ['an https address', WebUrl, 'https://www.abcsystems.com/partners?ref=xyz'],
    ['an http address', WebUrl, 'http://intranet.abcsystems.com'],
    ['an upper-case colour', HexColour, '#0B6BCB'],
    ['0 basis points', BasisPoints, 0],
    ['10000 basis points', BasisPoints, 10_000],
    ['a negative Money amount (a credit)', Money, { amount: -500, currency: 'USD' }],
    ['a zero Amount', Amount, { amount: 0, currency: 'USD' }],
    ['every region', Region, REGIONS[0]],
    ['empty prose', prose(), ''],
  ];
  for (const [name, schema, input] of accepted) {
    it(name, () => {
      const result = validate(schema, input);
      assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.error.fields));
      assert.deepEqual(result.value, input);
    });
  }
});

describe('common value schemas reject with their own message', () => {
  const rejected: readonly Row[] = [
    ['an empty id', Id, '', m.required()],
    ['an id over 128 characters', Id, 'x'.repeat(129), m.tooLong({ maximum: 128 })],
    ['a timestamp without a zone', Timestamp, '2026-01-31T09:00:00', m.dateTime()],
    ['a date as a timestamp', Timestamp, '2026-01-31', m.dateTime()],
    ['the date 2026-02-30', DateOnly, '2026-02-30', m.date()],
    ['a non-leap 29 February', DateOnly, '2026-02-29', m.date()],
    ['a US-style date', DateOnly, '01/31/2026', m.date()],
    ['a key with capitals', Key, 'Gold', m.key()],
    ['a key starting with a digit', Key, '2gold', m.key()],
    ['a lower-case currency usd', CurrencyCode, 'usd', m.currencyCode()],
    ['a two-letter currency', CurrencyCode, 'US', m.currencyCode()],
    ['the country USA', CountryCode, 'USA', m.countryCode()],
    ['a lower-case country', CountryCode, 'us', m.countryCode()],
    ['a domain with scheme and path', Domain, 'https://acme.com/x', m.domain()],
    ['a bare host name', Domain, 'localhost', m.domain()],
    ['a domain with a port', Domain, 'acme.com:8080', m.domain()],
    ['an email without @', Email, 'jane.abcsystems.com', m.email()],
    ['an email without a domain', Email, 'jane@', m.email()],
    ['a javascript: address', WebUrl, 'javascript:alert(1)', m.webUrl()],
    ['a data: address', WebUrl, 'data:text/html,<b>x</b>', m.webUrl()],
    ['an ftp: address', WebUrl, 'ftp://files.abcsystems.com', m.webUrl()],
    ['a relative address', WebUrl, '/partners', m.webUrl()],
    ['a three-digit colour', HexColour, '#fff', m.colour()],
    ['a named colour', HexColour, 'blue', m.colour()],
    ['basis points 10001', BasisPoints, 10_001, m.basisPoints()],
    ['negative basis points', BasisPoints, -1, m.basisPoints()],
    ['fractional basis points', BasisPoints, 12.5, m.basisPoints()],
    ['an unknown region', Region, 'europe', m.oneOf({ options: REGIONS })],
    ['blank text', text(), '   ', m.required()],
    ['text over its maximum', text(5), 'ABC Systems', m.tooLong({ maximum: 5 })],
    ['prose over its maximum', prose(10), 'x'.repeat(11), m.tooLong({ maximum: 10 })],
  ];
  for (const [name, schema, input, message] of rejected) {
    it(name, () => {
      assert.deepEqual(rejectedFields(schema, input), [{ path: '', message }]);
    });
  }
});

describe('normalisation', () => {
  it('trims text', () => {
    assert.deepEqual(validate(text(), '  ABC  '), { ok: true, value: 'ABC' });
  });
  it('trims prose', () => {
    assert.deepEqual(validate(prose(), '\n Notes \t'), { ok: true, value: 'Notes' });
  });
  it('counts the maximum after trimming', () => {
    assert.deepEqual(validate(text(3), '  ABC  '), { ok: true, value: 'ABC' });
  });
  it('lower-cases and trims domains', () => {
    assert.deepEqual(validate(Domain, '  Sales.ACME.com '), { ok: true, value: 'sales.acme.com' });
  });
  it('normalises a nested customer', () => {
    const result = validate(Customer, {
      company: '  Acme Manufacturing Inc.  ',
      domain: 'ACME.COM',
      country: 'US',
      postalCode: ' 94107 ',
      contact: { name: ' Lee Wong ', email: 'lee.wong@acme.com', phone: ' +1 628 555 0199 ' },
    });
    assert.deepEqual(result, { ok: true, value: dealRegistrationInput.customer });
  });
  it('drops unknown keys of an object', () => {
    const result = validate(Money, { ...money, note: 'ignored' });
    assert.deepEqual(result, { ok: true, value: money });
  });
});

schemaTable('Money', Money, money, [
  row('a float amount 12.5', { amount: 12.5 }, 'amount', m.moneyMinorUnits()),
  row('an amount as a string', { amount: '4800000' }, 'amount', m.moneyMinorUnits()),
  row('a missing amount', { amount: MISSING }, 'amount', m.required()),
  row('a lower-case currency usd', { currency: 'usd' }, 'currency', m.currencyCode()),
  row('a missing currency', { currency: MISSING }, 'currency', m.required()),
  {
    name: 'a float amount and a lower-case currency',
    patch: { amount: 12.5, currency: 'usd' },
    fields: [
      { path: 'amount', message: m.moneyMinorUnits() },
      { path: 'currency', message: m.currencyCode() },
    ],
  },
]);

schemaTable('Amount', Amount, money, [
  row('a negative amount', { amount: -1 }, 'amount', m.nonNegativeAmount()),
  row('a float amount 12.5', { amount: 12.5 }, 'amount', m.moneyMinorUnits()),
]);

schemaTable('PositiveAmount', PositiveAmount, money, [
  row('a zero amount', { amount: 0 }, 'amount', m.positiveAmount()),
  row('a negative amount', { amount: -100 }, 'amount', m.positiveAmount()),
  row('a float amount 12.5', { amount: 12.5 }, 'amount', m.moneyMinorUnits()),
]);

schemaTable('Customer', Customer, dealRegistrationInput.customer, [
  row('a missing company', { company: MISSING }, 'company', m.required()),
  row('a blank company', { company: '  ' }, 'company', m.required()),
  row('the country USA', { country: 'USA' }, 'country', m.countryCode()),
  row('a domain with scheme and path', { domain: 'https://acme.com/x' }, 'domain', m.domain()),
  row('a bad contact email', { 'contact.email': 'lee.wong' }, 'contact.email', m.email()),
  row('a missing contact name', { 'contact.name': MISSING }, 'contact.name', m.required()),
  row(
    'a long postal code',
    { postalCode: '9'.repeat(21) },
    'postalCode',
    m.tooLong({ maximum: 20 }),
  ),
]);

const comment = dealRegistration.comments[0];
schemaTable('Comment', Comment, comment, [
  row('a blank body', { body: ' ' }, 'body', m.required()),
  row('a missing author', { authorId: MISSING }, 'authorId', m.required()),
  row('a bad createdAt', { createdAt: 'yesterday' }, 'createdAt', m.dateTime()),
]);

schemaTable('CommentInput', CommentInput, { body: 'Any update?', internal: true }, [
  row('a missing body', { body: MISSING }, 'body', m.required()),
  row(
    'internal as a string',
    { internal: 'yes' },
    'internal',
    m.wrongType({ expected: 'boolean' }),
  ),
]);

schemaTable('StatusChange', StatusChange, dealRegistration.history[1], [
  row('a missing to', { to: MISSING }, 'to', m.required()),
  row('a missing at', { at: MISSING }, 'at', m.required()),
  row('a bad at', { at: '2026-02-03 10:15' }, 'at', m.dateTime()),
]);
