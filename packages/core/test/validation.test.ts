import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PrmError, isPrmError } from '../src/errors.js';
import {
  englishMessages,
  isMessageKey,
  message,
  type MessageKey,
  type MessageParams,
} from '../src/messages.js';
import { Customer, DateOnly, Money, text } from '../src/schemas/common.js';
import { DealRegistrationInput } from '../src/schemas/deal.js';
import { Partner } from '../src/schemas/partner.js';
import { Viewer } from '../src/schemas/viewer.js';
import { parse, validate } from '../src/validation.js';
import { dealRegistrationInput, partner, partnerViewer } from './schemas/fixtures.js';
import { MISSING, patched } from './schemas/table.js';

const m = englishMessages;

/** The rejection of `input`, failing the test when it is accepted. */
function rejection(
  schema: z.core.$ZodType,
  input: unknown,
  options?: Parameters<typeof validate>[2],
) {
  const result = validate(schema, input, options);
  assert.equal(result.ok, false, 'expected the input to be rejected');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('validate', () => {
  it('returns ok with the parsed value', () => {
    assert.deepEqual(validate(Partner, partner), { ok: true, value: partner });
  });

  describe('never throws, whatever the input', () => {
    const inputs: readonly (readonly [string, unknown])[] = [
      ['undefined', undefined],
      ['null', null],
      ['a number', 42],
      ['NaN', Number.NaN],
      ['a string', 'ABC Systems'],
      ['a bigint', 10n],
      ['a symbol', Symbol('partner')],
      ['a function', () => partner],
      ['an array', [partner]],
      ['a date', new Date('2026-01-31T09:00:00Z')],
      ['an object without prototype', Object.create(null) as unknown],
      ['a map', new Map([['name', 'ABC Systems']])],
      ['a deeply wrong object', { ...partner, contacts: [null, 1, 'x'], onboarding: {} }],
    ];
    for (const [name, input] of inputs) {
      it(name, () => {
        let result: ReturnType<typeof validate> | undefined;
        assert.doesNotThrow(() => {
          result = validate(Partner, input);
        });
        assert.equal(result?.ok, false);
      });
    }
    it('a circular object', () => {
      const circular: Record<string, unknown> = { ...partner };
      circular.self = circular;
      circular.contacts = [circular];
      const error = rejection(Partner, circular);
      assert.ok(error.fields.length > 0);
    });
  });

  it('rejects with a validation PrmError', () => {
    const error = rejection(Money, { amount: 12.5, currency: 'USD' });
    assert.ok(error instanceof PrmError);
    assert.ok(isPrmError(error, 'validation'));
    assert.equal(error.code, 'validation');
    assert.equal(error.name, 'PrmError');
    assert.equal(error.retryable, false);
    assert.equal(error.status, undefined);
  });

  it('reports one field per issue, with dotted paths', () => {
    const input = patched(dealRegistrationInput, {
      programId: MISSING,
      'customer.contact.email': 'lee@',
      'products.0.quantity': -1,
      'products.1.productId': '',
      'estimatedValue.amount': 12.5,
    });
    const issues = z.safeParse(DealRegistrationInput, input).error?.issues ?? [];
    const error = rejection(DealRegistrationInput, input);
    assert.equal(error.fields.length, issues.length);
    assert.deepEqual(
      error.fields.map((field) => field.path),
      [
        'programId',
        'customer.contact.email',
        'products.0.quantity',
        'products.1.productId',
        'estimatedValue.amount',
      ],
    );
    assert.equal(error.fieldMessage('products.0.quantity'), m.tooSmall({ minimum: 1 }));
    assert.equal(error.fieldMessage('products.1.productId'), m.required());
    assert.equal(error.fieldMessage('customer.contact.email'), m.email());
  });

  it('summarises one field as "path: message"', () => {
    const error = rejection(Customer, { company: 'Acme', country: 'USA' });
    assert.equal(error.message, `country: ${m.countryCode()}`);
    assert.deepEqual(error.fields, [{ path: 'country', message: m.countryCode() }]);
  });

  it('summarises a rejected root value as "Input: message"', () => {
    const error = rejection(DateOnly, '2026-02-30');
    assert.equal(error.message, `Input: ${m.date()}`);
    assert.deepEqual(error.fields, [{ path: '', message: m.date() }]);
  });

  it('summarises several fields as "N fields need attention."', () => {
    const error = rejection(Money, { amount: 12.5, currency: 'usd' });
    assert.equal(error.message, '2 fields need attention.');
    const many = rejection(Partner, {});
    assert.equal(many.message, `${String(many.fields.length)} fields need attention.`);
    assert.ok(many.fields.length > 10);
  });
});

describe('required versus wrongType', () => {
  const schema = z.object({
    name: text(),
    count: z.int(),
    tags: z.array(z.string()),
    customer: Customer,
    closeDate: DateOnly,
    money: Money,
    kind: z.enum(['tier', 'market']),
    value: z.union([z.string(), z.number()]),
    note: z.nullable(z.string()),
  });
  const valid = {
    name: 'ABC Systems',
    count: 3,
    tags: ['cloud'],
    customer: dealRegistrationInput.customer,
    closeDate: '2026-06-30',
    money: { amount: 100, currency: 'USD' },
    kind: 'market',
    value: 'x',
    note: null,
  };
  const rows: readonly (readonly [string, Record<string, unknown>, string, string])[] = [
    ['a missing string', { name: MISSING }, 'name', m.required()],
    ['an explicitly undefined string', { name: undefined }, 'name', m.required()],
    ['a blank string', { name: '  ' }, 'name', m.required()],
    ['a null string', { name: null }, 'name', m.wrongType({ expected: 'string' })],
    ['a number for a string', { name: 42 }, 'name', m.wrongType({ expected: 'string' })],
    ['a missing integer', { count: MISSING }, 'count', m.required()],
    ['a string for an integer', { count: '3' }, 'count', m.wrongType({ expected: 'number' })],
    ['a fraction for an integer', { count: 2.5 }, 'count', m.wholeNumber()],
    ['a missing list', { tags: MISSING }, 'tags', m.required()],
    ['an object for a list', { tags: {} }, 'tags', m.wrongType({ expected: 'array' })],
    ['a missing object', { customer: MISSING }, 'customer', m.required()],
    ['a list for an object', { customer: [] }, 'customer', m.wrongType({ expected: 'object' })],
    ['a missing nested field', { 'customer.company': MISSING }, 'customer.company', m.required()],
    ['a missing tagged date', { closeDate: MISSING }, 'closeDate', m.required()],
    ['a present bad date', { closeDate: '2026-02-30' }, 'closeDate', m.date()],
    ['a number for a tagged date', { closeDate: 20260630 }, 'closeDate', m.date()],
    ['a missing tagged amount', { 'money.amount': MISSING }, 'money.amount', m.required()],
    [
      'a string for a tagged amount',
      { 'money.amount': '100' },
      'money.amount',
      m.moneyMinorUnits(),
    ],
    ['a missing enum', { kind: MISSING }, 'kind', m.required()],
    ['a wrong enum', { kind: 'vertical' }, 'kind', m.oneOf({ options: ['tier', 'market'] })],
    ['a missing union', { value: MISSING }, 'value', m.required()],
    ['a wrong union', { value: true }, 'value', m.invalid()],
    ['a missing nullable', { note: MISSING }, 'note', m.required()],
  ];
  for (const [name, patch, path, expected] of rows) {
    it(name, () => {
      assert.deepEqual(rejection(schema, patched(valid, patch)).fields, [
        { path, message: expected },
      ]);
    });
  }
  it('a missing root value', () => {
    assert.deepEqual(rejection(schema, undefined).fields, [{ path: '', message: m.required() }]);
  });
  it('a field that a transform leaves missing', () => {
    const fromJson = z.pipe(
      z.transform((value: string) => JSON.parse(value) as unknown),
      z.object({ name: z.string() }),
    );
    assert.deepEqual(rejection(fromJson, '{}').fields, [{ path: 'name', message: m.required() }]);
  });
});

describe('parse', () => {
  it('returns the parsed, normalised value', () => {
    const customer = parse(Customer, { company: '  Acme  ', domain: 'ACME.com', country: 'US' });
    assert.deepEqual(customer, { company: 'Acme', domain: 'acme.com', country: 'US' });
  });
  it('throws the validation PrmError', () => {
    assert.throws(
      () => parse(Money, { amount: 12.5, currency: 'USD' }),
      (error: unknown) =>
        isPrmError(error, 'validation') &&
        error instanceof PrmError &&
        error.message === `amount: ${m.moneyMinorUnits()}` &&
        error.fieldMessage('amount') === m.moneyMinorUnits(),
    );
  });
  it('passes the messages option on', () => {
    assert.throws(
      () => parse(Customer, {}, { messages: { required: () => 'Pflichtfeld.' } }),
      (error: unknown) => isPrmError(error) && error.fieldMessage('company') === 'Pflichtfeld.',
    );
  });
});

describe('the messages option', () => {
  const german = {
    required: () => 'Dieses Feld ist erforderlich.',
    tooLong: (p: MessageParams) => `Höchstens ${String(p.maximum)} Zeichen.`,
    currencyCode: () => 'Verwenden Sie einen ISO-4217-Währungscode wie EUR.',
  };

  it('translates the keys it gives and keeps English for the rest', () => {
    const error = rejection(
      DealRegistrationInput,
      patched(dealRegistrationInput, {
        programId: MISSING,
        'customer.company': 'A'.repeat(201),
        'estimatedValue.currency': 'eur',
        'customer.country': 'USA',
      }),
      { messages: german },
    );
    assert.deepEqual(error.fields, [
      { path: 'programId', message: 'Dieses Feld ist erforderlich.' },
      { path: 'customer.company', message: 'Höchstens 200 Zeichen.' },
      { path: 'customer.country', message: m.countryCode() },
      {
        path: 'estimatedValue.currency',
        message: 'Verwenden Sie einen ISO-4217-Währungscode wie EUR.',
      },
    ]);
  });

  it('translates a schema-level refinement', () => {
    const error = rejection(
      Viewer,
      { ...partnerViewer, partnerId: null },
      { messages: { viewerPartner: () => 'Partnerrollen brauchen einen Partner.' } },
    );
    assert.equal(error.message, 'partnerId: Partnerrollen brauchen einen Partner.');
  });

  it('gives a translation the same params as the English message', () => {
    const seen: MessageParams[] = [];
    const spy = (p: MessageParams) => {
      seen.push(p);
      return 'x';
    };
    rejection(
      z.object({ kind: z.enum(['tier', 'market']), note: text(5) }),
      {
        kind: 'vertical',
        note: 'too long',
      },
      { messages: { oneOf: spy, tooLong: spy } },
    );
    assert.deepEqual(
      seen.map((p) => [p.options, p.maximum]),
      [
        [['tier', 'market'], undefined],
        [undefined, 5],
      ],
    );
  });

  it('leaves English untouched for the next call', () => {
    rejection(Customer, {}, { messages: german });
    assert.equal(rejection(Customer, { country: 'US' }).fieldMessage('company'), m.required());
  });
});

describe('englishMessages', () => {
  const keys = Object.keys(englishMessages) as MessageKey[];
  const params: MessageParams = {
    minimum: 2,
    maximum: 5,
    options: ['draft', 'active'],
    expected: 'string',
    keys: ['colour'],
    resource: 'deals',
    from: 'under_review',
    to: 'rejected',
  };

  it('has keys', () => assert.ok(keys.length >= 30));

  for (const key of keys) {
    it(`${key} is a sentence for sample params`, () => {
      const text = englishMessages[key](params);
      assert.equal(typeof text, 'string');
      assert.ok(text.trim().length > 0);
      assert.ok(!text.includes('undefined'), text);
      assert.match(text, /^[A-Z].*\.$/s);
      assert.doesNotMatch(text, /invalid input/i);
      assert.equal(typeof englishMessages[key]({}), 'string');
    });
    it(`${key} reaches a person through a tagged check`, () => {
      const schema = z.string().check(z.refine(() => false, message(key)));
      assert.deepEqual(rejection(schema, 'x').fields, [
        { path: '', message: englishMessages[key]({}) },
      ]);
    });
  }

  it('words the few parameterised messages with their params', () => {
    assert.equal(m.tooFewItems({ minimum: 1 }), 'Add at least one.');
    assert.equal(m.tooFewItems({ minimum: 3 }), 'Add at least 3.');
    assert.equal(m.tooShort({ minimum: 3 }), 'Use at least 3 characters.');
    assert.equal(m.tooBig({ maximum: 10n }), 'Enter 10 or less.');
    assert.equal(m.oneOf({ options: ['a', 'b'] }), 'Choose one of: a, b.');
    assert.equal(m.oneOf({}), 'Choose one of: .');
    assert.equal(m.wrongType({}), 'Expected a different kind of value.');
    assert.equal(m.unknownKeys({ keys: ['x', 'y'] }), 'Remove the unknown fields: x, y.');
    assert.match(m.currencyCode(), /ISO 4217/);
    assert.match(m.countryCode(), /ISO 3166/);
  });

  it('isMessageKey knows its own keys only', () => {
    for (const key of keys) assert.ok(isMessageKey(key));
    for (const other of ['Invalid input', 'toString', 'constructor', '__proto__', ''])
      assert.equal(isMessageKey(other), false, other);
  });

  it('message(key) tags a check', () => {
    assert.deepEqual(message('domain'), { error: 'domain' });
  });

  /** Schemas whose own checks (no tags) produce each validation message. */
  const reach: Partial<Record<MessageKey, readonly [z.core.$ZodType, unknown, MessageParams?]>> = {
    required: [z.string(), undefined],
    tooShort: [z.string().check(z.minLength(3)), 'ab', { minimum: 3 }],
    tooLong: [z.string().check(z.maxLength(3)), 'abcd', { maximum: 3 }],
    tooSmall: [z.number().check(z.minimum(1)), 0, { minimum: 1 }],
    tooBig: [z.number().check(z.maximum(3)), 4, { maximum: 3 }],
    tooFewItems: [z.array(z.string()).check(z.minLength(2)), ['a'], { minimum: 2 }],
    tooManyItems: [z.array(z.string()).check(z.maxLength(1)), ['a', 'b'], { maximum: 1 }],
    wholeNumber: [z.int(), 1.5],
    oneOf: [z.literal('gold'), 'silver', { options: ['gold'] }],
    wrongType: [z.boolean(), 'yes', { expected: 'boolean' }],
    unknownKeys: [z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 }, { keys: ['b', 'c'] }],
    email: [z.email(), 'jane@'],
    webUrl: [z.url(), 'not a url'],
    date: [z.iso.date(), '2026-02-30'],
    dateTime: [z.iso.datetime(), '2026-01-31'],
    invalidFormat: [z.string().check(z.regex(/^\d+$/)), 'abc'],
    invalid: [z.string().check(z.refine((value) => value === 'ok')), 'no'],
  };
  for (const [key, [schema, input, keyParams = {}]] of Object.entries(reach)) {
    it(`${key} is what validate says for an untagged check`, () => {
      assert.deepEqual(rejection(schema, input).fields, [
        { path: '', message: englishMessages[key as MessageKey](keyParams) },
      ]);
    });
  }
  it('tooFewItems and tooManyItems apply to sets', () => {
    const set = z.set(z.string()).check(z.minSize(2), z.maxSize(3));
    assert.equal(rejection(set, new Set(['a'])).message, `Input: ${m.tooFewItems({ minimum: 2 })}`);
    assert.equal(
      rejection(set, new Set(['a', 'b', 'c', 'd'])).message,
      `Input: ${m.tooManyItems({ maximum: 3 })}`,
    );
  });
  it('a bigint bound is quoted', () => {
    const error = rejection(z.bigint().check(z.minimum(5n)), 1n);
    assert.equal(error.fieldMessage(''), 'Enter 5 or more.');
  });
  it('a refinement message that is not a key falls back to the generic one', () => {
    const schema = z.string().check(z.refine(() => false, { error: 'Nope, not this' }));
    assert.equal(rejection(schema, 'x').fieldMessage(''), m.invalid());
  });
});

describe('validate on input that throws when read', () => {
  it('answers with a validation error instead of throwing', () => {
    const hostile = {
      currency: 'USD',
      get amount(): number {
        throw new Error('boom');
      },
    };
    const result = validate(Money, hostile);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'validation');
    assert.deepEqual(result.error.fields, [{ path: '', message: 'This value is not valid.' }]);
    assert.equal((result.error.cause as Error).message, 'boom');
  });
});
