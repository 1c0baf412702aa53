import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRM_ERROR_CODES, PrmError, isPrmError, type PrmErrorCode } from '../src/errors.js';

const fields = [
  {
    path: 'customer.domain',
    message: 'Enter a domain like example.com, without https:// or a path.',
  },
  { path: 'products.0.quantity', message: 'Enter 1 or more.' },
];

describe('PrmError', () => {
  it('is an Error named PrmError with a code and a message', () => {
    const error = new PrmError('not_found', 'Deal registration DR-000123 was not found.');
    assert.ok(error instanceof Error);
    assert.ok(error instanceof PrmError);
    assert.equal(error.name, 'PrmError');
    assert.equal(error.code, 'not_found');
    assert.equal(error.message, 'Deal registration DR-000123 was not found.');
    assert.match(String(error.stack), /PrmError/);
  });

  it('defaults fields to none and the HTTP details to undefined', () => {
    const error = new PrmError('server', 'The PRM service failed.');
    assert.deepEqual(error.fields, []);
    assert.equal(error.status, undefined);
    assert.equal(error.retryAfter, undefined);
    assert.equal(error.currentVersion, undefined);
    assert.equal(error.cause, undefined);
    assert.equal(Object.hasOwn(error, 'cause'), false);
  });

  it('keeps every option', () => {
    const cause = new TypeError('fetch failed');
    const error = new PrmError('rate_limited', 'Too many requests.', {
      fields,
      status: 429,
      retryAfter: 30,
      currentVersion: 7,
      cause,
    });
    assert.deepEqual(error.fields, fields);
    assert.equal(error.status, 429);
    assert.equal(error.retryAfter, 30);
    assert.equal(error.currentVersion, 7);
    assert.equal(error.cause, cause);
  });

  it('carries the current version of a version conflict', () => {
    const error = new PrmError('version_conflict', 'Someone else changed this partner.', {
      status: 409,
      currentVersion: 5,
    });
    assert.equal(error.currentVersion, 5);
    assert.equal(error.retryable, false);
  });

  it('keeps a falsy cause other than undefined', () => {
    assert.equal(new PrmError('network', 'Offline.', { cause: null }).cause, null);
    assert.equal(new PrmError('network', 'Offline.', { cause: 0 }).cause, 0);
  });

  describe('retryable', () => {
    const retryable: Record<PrmErrorCode, boolean> = {
      validation: false,
      not_found: false,
      conflict: false,
      version_conflict: false,
      invalid_transition: false,
      unauthorized: false,
      forbidden: false,
      rate_limited: true,
      network: true,
      timeout: true,
      invalid_response: false,
      server: true,
    };
    it('covers every code', () => {
      assert.deepEqual(Object.keys(retryable).sort(), [...PRM_ERROR_CODES].sort());
    });
    for (const code of PRM_ERROR_CODES) {
      it(`${code} → ${String(retryable[code])}`, () => {
        assert.equal(new PrmError(code, code).retryable, retryable[code]);
      });
    }
  });

  describe('fieldMessage', () => {
    const error = new PrmError('validation', '2 fields need attention.', { fields });
    it('finds the message of a rejected field by its dotted path', () => {
      assert.equal(error.fieldMessage('products.0.quantity'), 'Enter 1 or more.');
      assert.equal(error.fieldMessage('customer.domain'), fields[0]?.message);
    });
    it('is undefined for a field that was not rejected', () => {
      assert.equal(error.fieldMessage('customer'), undefined);
      assert.equal(error.fieldMessage('products.1.quantity'), undefined);
      assert.equal(new PrmError('server', 'x').fieldMessage(''), undefined);
    });
    it('returns the first message when a path is reported twice', () => {
      const twice = new PrmError('validation', 'x', {
        fields: [
          { path: 'a', message: 'first' },
          { path: 'a', message: 'second' },
        ],
      });
      assert.equal(twice.fieldMessage('a'), 'first');
    });
  });

  describe('toJSON', () => {
    it('gives name, code, message and fields, leaving out unset details', () => {
      const error = new PrmError('forbidden', 'Partner associates may not approve deals.');
      assert.deepEqual(error.toJSON(), {
        name: 'PrmError',
        code: 'forbidden',
        message: 'Partner associates may not approve deals.',
        fields: [],
      });
      assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(error)) as object), [
        'name',
        'code',
        'message',
        'fields',
      ]);
    });
    it('includes the details that are set, and never the cause', () => {
      const error = new PrmError('rate_limited', 'Too many requests.', {
        fields,
        status: 429,
        retryAfter: 0,
        currentVersion: 3,
        cause: new Error('secret upstream detail'),
      });
      assert.deepEqual(JSON.parse(JSON.stringify(error)), {
        name: 'PrmError',
        code: 'rate_limited',
        message: 'Too many requests.',
        fields,
        status: 429,
        retryAfter: 0,
        currentVersion: 3,
      });
    });
    it('round-trips into something isPrmError accepts', () => {
      const json: unknown = JSON.parse(JSON.stringify(new PrmError('conflict', 'Duplicate.')));
      assert.ok(isPrmError(json, 'conflict'));
    });
  });
});

describe('isPrmError', () => {
  const real = new PrmError('timeout', 'The request timed out.');
  /** What another copy of prm-kit on the page throws: same shape, another class. */
  const foreign = Object.assign(new Error('The request timed out.'), {
    name: 'PrmError',
    code: 'timeout',
    fields: [],
  });

  it('accepts a real PrmError', () => {
    assert.equal(isPrmError(real), true);
  });
  it('accepts a PrmError of the asked code', () => {
    assert.equal(isPrmError(real, 'timeout'), true);
  });
  it('refuses a PrmError of another code', () => {
    assert.equal(isPrmError(real, 'network'), false);
  });
  it('accepts a PrmError from another copy of the library', () => {
    assert.equal(foreign instanceof PrmError, false);
    assert.equal(isPrmError(foreign), true);
    assert.equal(isPrmError(foreign, 'timeout'), true);
    assert.equal(isPrmError(foreign, 'server'), false);
  });
  it('accepts a plain object shaped like one', () => {
    assert.equal(isPrmError({ name: 'PrmError', code: 'validation', message: 'x' }), true);
  });
  it('accepts every code', () => {
    for (const code of PRM_ERROR_CODES) {
      assert.equal(isPrmError(new PrmError(code, code), code), true, code);
      assert.equal(isPrmError({ name: 'PrmError', code }, code), true, code);
    }
  });

  const negatives: readonly (readonly [string, unknown])[] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'PrmError'],
    ['a number', 404],
    ['a plain Error', new Error('boom')],
    ['a TypeError with a code', Object.assign(new TypeError('x'), { code: 'network' })],
    ['an object with an unknown code', { name: 'PrmError', code: 'teapot' }],
    ['an object without a code', { name: 'PrmError' }],
    ['an object with another name', { name: 'HttpError', code: 'not_found' }],
    ['an object with a non-string code', { name: 'PrmError', code: 404 }],
    ['an array', ['PrmError', 'timeout']],
    ['a function', () => real],
  ];
  for (const [name, value] of negatives) {
    it(`refuses ${name}`, () => {
      assert.equal(isPrmError(value), false);
      assert.equal(isPrmError(value, 'network'), false);
    });
  }

  it('narrows the type', () => {
    const value: unknown = foreign;
    if (!isPrmError(value)) assert.fail('expected a PrmError');
    assert.equal(value.code, 'timeout');
  });
});
