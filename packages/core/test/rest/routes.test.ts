import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { PrmError } from '../../src/errors.js';
import { decodeQuery, encodeQuery } from '../../src/rest/query.js';
import {
  ROUTES,
  buildPath,
  formatEtag,
  matchRoute,
  parseEtag,
  resourcePath,
  routeFor,
  type HttpMethod,
  type Operation,
} from '../../src/rest/routes.js';
import type { ResourceName } from '../../src/schemas/activity.js';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  DEAL_STATUSES,
  LEAD_DECLINE_REASONS,
  LEAD_STATUSES,
  MDF_CLAIM_STATUSES,
  MDF_REQUEST_STATUSES,
  MEMBERSHIP_STATUSES,
  OPPORTUNITY_STAGES,
  ORDER_STATUSES,
  PARTNER_STATUSES,
  PROGRAM_STATUSES,
  QUOTE_STATUSES,
  RESOURCES,
} from '../../src/schemas/values.js';

const accepts = (schema: z.core.$ZodType | undefined, value: unknown) =>
  schema !== undefined && z.safeParse(schema, value).success;

describe('route table', () => {
  it('has one route per operation', () => {
    const operations = ROUTES.map((route) => route.operation);
    assert.equal(new Set(operations).size, operations.length);
    for (const operation of operations) assert.equal(routeFor(operation).operation, operation);
    // Every group and method of PrmAdapter; the compiler checks the table against the type.
    assert.equal(ROUTES.length, 75);
  });

  it('rejects an unknown operation', () => {
    assert.throws(() => routeFor('deals.explode' as Operation), TypeError);
  });

  it('is frozen', () => {
    assert.ok(Object.isFrozen(ROUTES));
    assert.ok(Object.isFrozen(routeFor('deals.get')));
  });

  for (const route of ROUTES) {
    it(`${route.operation} is consistent`, () => {
      assert.deepEqual(
        route.pathParams,
        [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]),
      );
      assert.doesNotMatch(route.path, /[A-Z]/, 'kebab-case paths');
      assert.equal(route.successStatus === 204, route.response === null);
      assert.equal(route.successStatus === 201, route.idempotencyKey);
      assert.equal(route.idempotencyKey, route.operation.endsWith('.create'));
      if (route.method === 'GET') assert.equal(route.body, undefined);
      if (route.method !== 'GET') assert.ok(route.body !== undefined || route.method === 'DELETE');
      assert.ok(route.summary.length > 0 && !route.summary.includes('\n'));
    });
  }

  const IF_MATCH: readonly Operation[] = [
    'partners.update',
    'partners.transition',
    'programs.update',
    'programs.transition',
    'memberships.transition',
    'segments.update',
    'segments.remove',
    'deals.update',
    'deals.transition',
    'deals.requestExtension',
    'deals.decideExtension',
    'deals.comment',
    'opportunities.update',
    'opportunities.transition',
    'quotes.update',
    'quotes.transition',
    'orders.transition',
    'cases.update',
    'cases.transition',
    'cases.assign',
    'cases.comment',
    'leads.transition',
    'mdfRequests.transition',
    'mdfClaims.transition',
  ];
  it('If-Match on exactly the writes that take a version', () => {
    assert.deepEqual(
      ROUTES.filter((route) => route.ifMatch).map((route) => route.operation),
      IF_MATCH,
    );
  });

  it('only the partner application is anonymous', () => {
    assert.deepEqual(
      ROUTES.filter((route) => route.anonymous).map((route) => route.operation),
      ['partners.create'],
    );
  });

  const specifics: { operation: Operation; method: HttpMethod; path: string; status: number }[] = [
    { operation: 'session', method: 'GET', path: '/session', status: 200 },
    { operation: 'partners.list', method: 'GET', path: '/partners', status: 200 },
    { operation: 'partners.create', method: 'POST', path: '/partners', status: 201 },
    { operation: 'deals.get', method: 'GET', path: '/deals/{id}', status: 200 },
    { operation: 'deals.update', method: 'PATCH', path: '/deals/{id}', status: 200 },
    { operation: 'deals.transition', method: 'POST', path: '/deals/{id}/transitions', status: 200 },
    {
      operation: 'deals.checkConflicts',
      method: 'POST',
      path: '/deals/conflict-checks',
      status: 200,
    },
    {
      operation: 'deals.requestExtension',
      method: 'POST',
      path: '/deals/{id}/extension-requests',
      status: 200,
    },
    {
      operation: 'deals.decideExtension',
      method: 'POST',
      path: '/deals/{id}/extension-decisions',
      status: 200,
    },
    { operation: 'deals.comment', method: 'POST', path: '/deals/{id}/comments', status: 200 },
    { operation: 'cases.comment', method: 'POST', path: '/cases/{id}/comments', status: 200 },
    { operation: 'cases.assign', method: 'POST', path: '/cases/{id}/assignment', status: 200 },
    { operation: 'segments.remove', method: 'DELETE', path: '/segments/{id}', status: 204 },
    {
      operation: 'programs.eligibility',
      method: 'GET',
      path: '/programs/eligibility',
      status: 200,
    },
    { operation: 'metrics.partner', method: 'GET', path: '/metrics/partner', status: 200 },
    { operation: 'metrics.enterprise', method: 'GET', path: '/metrics/enterprise', status: 200 },
    { operation: 'mdfRequests.create', method: 'POST', path: '/mdf-requests', status: 201 },
    { operation: 'mdfAllocations.get', method: 'GET', path: '/mdf-allocations/{id}', status: 200 },
  ];
  for (const { operation, method, path, status } of specifics) {
    it(`${operation} is ${method} ${path} → ${status}`, () => {
      const route = routeFor(operation);
      assert.deepEqual([route.method, route.path, route.successStatus], [method, path, status]);
    });
  }

  it('every resource has list and get under its kebab-case path', () => {
    for (const resource of RESOURCES) {
      assert.equal(routeFor(`${resource}.list`).path, `/${resourcePath(resource)}`);
      assert.equal(routeFor(`${resource}.get`).path, `/${resourcePath(resource)}/{id}`);
    }
  });
});

describe('resourcePath', () => {
  const cases: [ResourceName, string][] = [
    ['deals', 'deals'],
    ['mdfRequests', 'mdf-requests'],
    ['mdfAllocations', 'mdf-allocations'],
  ];
  for (const [resource, expected] of cases) {
    it(resource, () => assert.equal(resourcePath(resource), expected));
  }
});

describe('bodies', () => {
  const transitions: [Operation, readonly string[]][] = [
    ['partners.transition', PARTNER_STATUSES],
    ['programs.transition', PROGRAM_STATUSES],
    ['memberships.transition', MEMBERSHIP_STATUSES],
    ['deals.transition', DEAL_STATUSES],
    ['opportunities.transition', OPPORTUNITY_STAGES],
    ['quotes.transition', QUOTE_STATUSES],
    ['orders.transition', ORDER_STATUSES],
    ['cases.transition', CASE_STATUSES],
    ['leads.transition', LEAD_STATUSES],
    ['mdfRequests.transition', MDF_REQUEST_STATUSES],
    ['mdfClaims.transition', MDF_CLAIM_STATUSES],
  ];
  for (const [operation, statuses] of transitions) {
    it(`${operation} takes only its own statuses`, () => {
      const { body } = routeFor(operation);
      for (const to of statuses) assert.ok(accepts(body, { to }), to);
      assert.ok(!accepts(body, { to: 'bogus' }));
      assert.ok(!accepts(body, {}));
      assert.ok(accepts(body, { to: statuses[0], message: 'Thanks.' }));
    });
  }
  it('every transition route is in the table above', () => {
    assert.deepEqual(
      ROUTES.filter((route) => route.operation.endsWith('.transition')).map(
        (route) => route.operation,
      ),
      transitions.map(([operation]) => operation),
    );
  });

  const reasons: { operation: Operation; valid: readonly string[]; invalid: string }[] = [
    { operation: 'deals.transition', valid: CLOSURE_REASONS, invalid: 'because' },
    { operation: 'leads.transition', valid: LEAD_DECLINE_REASONS, invalid: 'because' },
    { operation: 'cases.transition', valid: ['Customer confirmed the fix.'], invalid: '' },
  ];
  for (const { operation, valid, invalid } of reasons) {
    it(`${operation} reasons`, () => {
      const { body } = routeFor(operation);
      const to = operation === 'cases.transition' ? 'resolved' : 'rejected';
      const status = operation === 'leads.transition' ? 'declined' : to;
      for (const reason of valid) assert.ok(accepts(body, { to: status, reason }), reason);
      assert.ok(!accepts(body, { to: status, reason: invalid }));
    });
  }

  const others: { operation: Operation; valid: unknown[]; invalid: unknown[] }[] = [
    {
      operation: 'deals.checkConflicts',
      valid: [
        {
          customer: { company: 'Acme', country: 'US' },
          products: [{ productId: 'x', quantity: 1 }],
        },
        {
          customer: { company: 'Acme', country: 'US', domain: 'acme.com' },
          products: [{ productId: 'x', quantity: 2 }],
          excludeId: 'd-1',
        },
      ],
      invalid: [{ customer: { company: 'Acme', country: 'US' }, products: [] }, {}],
    },
    {
      operation: 'deals.requestExtension',
      valid: [{ reason: 'Customer delayed.' }],
      invalid: [{}, { reason: ' ' }],
    },
    {
      operation: 'deals.decideExtension',
      valid: [{ grant: true }, { grant: false }],
      invalid: [{ grant: 'yes' }],
    },
    {
      operation: 'deals.comment',
      valid: [{ body: 'Hi', internal: true }],
      invalid: [{ body: '' }],
    },
    { operation: 'cases.comment', valid: [{ body: 'Hi' }], invalid: [{}] },
    {
      operation: 'cases.assign',
      valid: [{ assigneeId: 'u-1' }, { assigneeId: null }],
      invalid: [{}],
    },
  ];
  for (const { operation, valid, invalid } of others) {
    it(`${operation} body`, () => {
      const { body } = routeFor(operation);
      for (const value of valid) assert.ok(accepts(body, value), JSON.stringify(value));
      for (const value of invalid) assert.ok(!accepts(body, value), JSON.stringify(value));
    });
  }
});

describe('responses', () => {
  it('lists answer with a page', () => {
    const { response } = routeFor('deals.list');
    assert.ok(accepts(response, { items: [], nextCursor: null }));
    assert.ok(!accepts(response, { items: [] }));
  });

  it('eligibility answers with reasons', () => {
    const { response } = routeFor('programs.eligibility');
    assert.ok(
      accepts(response, [
        { programId: 'pr-1', eligible: true, reasons: [] },
        {
          programId: 'pr-2',
          eligible: false,
          reasons: [
            { code: 'tier_too_low', required: 'gold', actual: 'silver' },
            { code: 'already_member', status: 'active', membershipId: 'm-1' },
          ],
        },
      ]),
    );
    assert.ok(
      !accepts(response, [{ programId: 'pr-1', eligible: false, reasons: [{ code: 'nope' }] }]),
    );
  });
});

describe('query parameters', () => {
  it('deals.create takes submit in the query', () => {
    const { query, body } = routeFor('deals.create');
    assert.deepEqual(decodeQuery(query, new URLSearchParams('submit=true')), {
      ok: true,
      value: { submit: true },
    });
    assert.equal(encodeQuery(query, { submit: false }).toString(), 'submit=false');
    assert.ok(!('submit' in body.shape));
  });

  for (const operation of ['programs.eligibility', 'metrics.partner'] as const) {
    it(`${operation} takes partnerId`, () => {
      const { query } = routeFor(operation);
      assert.deepEqual(decodeQuery(query, new URLSearchParams('partnerId=p-1')), {
        ok: true,
        value: { partnerId: 'p-1' },
      });
      assert.ok(!decodeQuery(query, new URLSearchParams('x=1')).ok);
    });
  }
});

describe('buildPath', () => {
  const cases: {
    name: string;
    operation: Operation;
    params?: Record<string, string>;
    expected: string;
  }[] = [
    { name: 'no placeholders', operation: 'deals.list', expected: '/deals' },
    { name: 'a plain id', operation: 'deals.get', params: { id: 'd-1' }, expected: '/deals/d-1' },
    {
      name: 'reserved characters are encoded',
      operation: 'deals.transition',
      params: { id: 'a/b c?d#e%' },
      expected: '/deals/a%2Fb%20c%3Fd%23e%25/transitions',
    },
    {
      name: 'unicode',
      operation: 'cases.get',
      params: { id: 'Ünï' },
      expected: '/cases/%C3%9Cn%C3%AF',
    },
    {
      name: 'a dot inside an id',
      operation: 'cases.get',
      params: { id: 'a..b' },
      expected: '/cases/a..b',
    },
  ];
  for (const { name, operation, params, expected } of cases) {
    it(name, () => assert.equal(buildPath(routeFor(operation), params), expected));
  }

  it('throws a TypeError for a missing parameter', () => {
    assert.throws(() => buildPath(routeFor('deals.get'), {}), TypeError);
  });

  for (const id of ['', '.', '..']) {
    it(`rejects the id ${JSON.stringify(id)}`, () => {
      assert.throws(
        () => buildPath(routeFor('deals.get'), { id }),
        (error) =>
          error instanceof PrmError &&
          error.code === 'validation' &&
          error.fields[0]?.path === 'id',
      );
    });
  }
});

describe('matchRoute', () => {
  const cases: {
    method: string;
    path: string;
    operation: Operation | null;
    params?: Record<string, string>;
  }[] = [
    { method: 'GET', path: '/session', operation: 'session', params: {} },
    { method: 'GET', path: '/programs/eligibility', operation: 'programs.eligibility', params: {} },
    { method: 'GET', path: '/programs/p-1', operation: 'programs.get', params: { id: 'p-1' } },
    {
      method: 'post',
      path: '/deals/conflict-checks',
      operation: 'deals.checkConflicts',
      params: {},
    },
    { method: 'POST', path: '/deals', operation: 'deals.create', params: {} },
    {
      method: 'POST',
      path: '/deals/d-1/transitions',
      operation: 'deals.transition',
      params: { id: 'd-1' },
    },
    {
      method: 'DELETE',
      path: '/segments/s%2F1',
      operation: 'segments.remove',
      params: { id: 's/1' },
    },
    { method: 'GET', path: '/mdf-requests', operation: 'mdfRequests.list', params: {} },
    {
      method: 'PATCH',
      path: '/cases/c%20%C3%9C',
      operation: 'cases.update',
      params: { id: 'c Ü' },
    },
    { method: 'GET', path: '/mdfRequests', operation: null },
    { method: 'PUT', path: '/deals/d-1', operation: null },
    { method: 'GET', path: '/deals/', operation: null },
    { method: 'GET', path: 'deals', operation: null },
    { method: 'GET', path: '/deals/d-1/extra', operation: null },
    { method: 'GET', path: '/deals/%E0%A4%A', operation: null },
    { method: 'GET', path: '/', operation: null },
    { method: 'POST', path: '/segments/s-1', operation: null },
  ];
  for (const { method, path, operation, params } of cases) {
    it(`${method} ${path}`, () => {
      const match = matchRoute(method, path);
      assert.equal(match?.route.operation ?? null, operation);
      if (params) assert.deepEqual(match?.params, params);
    });
  }

  it('finds every route from its built path', () => {
    for (const route of ROUTES) {
      const params = Object.fromEntries(route.pathParams.map((name) => [name, `x/${name} %`]));
      const match = matchRoute(route.method, buildPath(route, params));
      assert.equal(match?.route, route);
      assert.deepEqual(match.params, params);
    }
  });
});

describe('ETags', () => {
  it('formats a version', () => assert.equal(formatEtag(12), '"12"'));

  const cases: [string | null | undefined, number | null][] = [
    ['"3"', 3],
    [' "42" ', 42],
    ['3', null],
    ['W/"3"', null],
    ['"3", "4"', null],
    ['*', null],
    ['"-1"', null],
    ['"1e3"', null],
    ['', null],
    [null, null],
    [undefined, null],
  ];
  for (const [value, expected] of cases) {
    it(`parses ${JSON.stringify(value)}`, () => assert.equal(parseEtag(value), expected));
  }

  it('round-trips', () => assert.equal(parseEtag(formatEtag(7)), 7));
});
