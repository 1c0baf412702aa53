import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRM_ERROR_CODES, PrmError, type PrmErrorCode } from '../../src/errors.js';
import {
  HTTP_STATUS_BY_CODE,
  ProblemDetails,
  codeForStatus,
  fromProblem,
  problemType,
  toProblem,
} from '../../src/rest/problem.js';

describe('HTTP_STATUS_BY_CODE', () => {
  const expected: Record<PrmErrorCode, number> = {
    validation: 422,
    not_found: 404,
    conflict: 409,
    version_conflict: 412,
    invalid_transition: 409,
    unauthorized: 401,
    forbidden: 403,
    rate_limited: 429,
    network: 503,
    timeout: 504,
    invalid_response: 502,
    server: 500,
  };
  it('maps every code', () => assert.deepEqual(HTTP_STATUS_BY_CODE, expected));
});

describe('toProblem', () => {
  it('a bare error', () => {
    assert.deepEqual(toProblem(new PrmError('not_found', 'No deal d-1.')), {
      type: 'https://prm-kit.dev/problems/not_found',
      title: 'Not found',
      status: 404,
      detail: 'No deal d-1.',
      code: 'not_found',
    });
  });

  it('carries instance, fields, currentVersion and retryAfter', () => {
    const fields = [{ path: 'customer.domain', message: 'Enter a domain.' }];
    assert.deepEqual(
      toProblem(
        new PrmError('validation', 'customer.domain: Enter a domain.', {
          fields,
          currentVersion: 3,
          retryAfter: 2,
          cause: new Error('secret internals'),
        }),
        '/deals',
      ),
      {
        type: problemType('validation'),
        title: 'The request is not valid',
        status: 422,
        detail: 'customer.domain: Enter a domain.',
        instance: '/deals',
        code: 'validation',
        fields,
        currentVersion: 3,
        retryAfter: 2,
      },
    );
  });

  for (const code of PRM_ERROR_CODES) {
    it(`${code}: a valid problem that reads back as the same error`, () => {
      const error = new PrmError(code, `Failed: ${code}.`, {
        fields: code === 'validation' ? [{ path: 'a.0', message: 'Bad.' }] : [],
        ...(code === 'version_conflict' ? { currentVersion: 7 } : {}),
        ...(code === 'rate_limited' ? { retryAfter: 30 } : {}),
      });
      const problem = toProblem(error);
      assert.equal(ProblemDetails.safeParse(problem).success, true);
      assert.equal(problem.status, HTTP_STATUS_BY_CODE[code]);
      assert.ok(problem.title.length > 0);
      const back = fromProblem(JSON.parse(JSON.stringify(problem)), problem.status);
      assert.deepEqual(back.toJSON(), { ...error.toJSON(), status: problem.status });
    });
  }
});

describe('fromProblem with other bodies', () => {
  const cases: {
    name: string;
    body: unknown;
    status: number;
    code: PrmErrorCode;
    message?: RegExp;
  }[] = [
    {
      name: 'no body, 401',
      body: undefined,
      status: 401,
      code: 'unauthorized',
      message: /not signed in/,
    },
    { name: 'empty object, 403', body: {}, status: 403, code: 'forbidden', message: /not allowed/ },
    {
      name: 'HTML, 404',
      body: '<html>Not Found</html>',
      status: 404,
      code: 'not_found',
      message: /not found/,
    },
    { name: '410', body: null, status: 410, code: 'not_found' },
    { name: '408', body: null, status: 408, code: 'timeout' },
    { name: '409', body: null, status: 409, code: 'conflict' },
    { name: '412', body: null, status: 412, code: 'version_conflict', message: /Reload/ },
    { name: '422', body: null, status: 422, code: 'validation' },
    { name: '400', body: 'Bad Request', status: 400, code: 'validation' },
    { name: 'another 4xx', body: null, status: 415, code: 'validation' },
    { name: '429', body: null, status: 429, code: 'rate_limited' },
    { name: '500', body: null, status: 500, code: 'server' },
    { name: '502 from a proxy', body: '<html>Bad Gateway</html>', status: 502, code: 'server' },
    { name: '503', body: null, status: 503, code: 'server' },
    { name: 'not an error status', body: null, status: 200, code: 'invalid_response' },
    {
      name: "a plain RFC 9457 problem keeps the host's detail",
      body: { type: 'about:blank', title: 'Gone', status: 410, detail: 'Deal archived.' },
      status: 410,
      code: 'not_found',
      message: /^Deal archived\.$/,
    },
    {
      name: 'a title only',
      body: { title: 'Slow down' },
      status: 429,
      code: 'rate_limited',
      message: /^Slow down$/,
    },
    {
      name: 'a malformed prm-kit problem keeps its code',
      body: { code: 'invalid_transition', detail: 'Cannot approve a draft.' },
      status: 409,
      code: 'invalid_transition',
      message: /^Cannot approve a draft\.$/,
    },
    {
      name: 'an unknown code falls back to the status',
      body: { code: 'teapot', detail: 'Short and stout.' },
      status: 503,
      code: 'server',
    },
    {
      name: 'a blank detail falls back to the standard message',
      body: { detail: '   ' },
      status: 500,
      code: 'server',
      message: /failed to handle/,
    },
  ];
  for (const { name, body, status, code, message } of cases) {
    it(name, () => {
      const error = fromProblem(body, status);
      assert.ok(error instanceof PrmError);
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.ok(error.message.length > 0);
      if (message) assert.match(error.message, message);
    });
  }
});

describe('credentials never reach a message', () => {
  const cases = [
    { detail: 'Token rejected: Authorization: Bearer eyJhbGciOi.abc.def', secret: 'eyJhbGciOi' },
    { detail: 'Basic dXNlcjpwYXNz is not accepted', secret: 'dXNlcjpwYXNz' },
    { detail: 'bearer   s3cr3t, expired', secret: 's3cr3t' },
  ];
  for (const { detail, secret } of cases) {
    it(detail, () => {
      const problem = { ...toProblem(new PrmError('unauthorized', 'x')), detail };
      for (const error of [fromProblem(problem, 401), fromProblem({ detail }, 401)]) {
        assert.doesNotMatch(error.message, new RegExp(secret));
        assert.match(error.message, /\[redacted\]/);
      }
    });
  }

  it('a long detail is cut short', () => {
    assert.equal(fromProblem({ detail: 'x'.repeat(5_000) }, 500).message.length, 1_000);
  });
});

describe('codeForStatus', () => {
  it('is total over status codes', () => {
    for (let status = 100; status < 600; status += 1) {
      assert.ok(PRM_ERROR_CODES.includes(codeForStatus(status)), String(status));
    }
  });
});
