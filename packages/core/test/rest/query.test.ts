import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import {
  decodeListQuery,
  decodeQuery,
  encodeListQuery,
  encodeQuery,
  queryParameters,
} from '../../src/rest/query.js';
import type { ResourceName } from '../../src/schemas/activity.js';
import { listQueries, type ListQueries } from '../../src/schemas/list.js';
import { RESOURCES } from '../../src/schemas/values.js';
import { parse } from '../../src/validation.js';

/** A query for every resource that sets every filter field and every list option. */
const SAMPLES: { [R in ResourceName]: ListQueries[R] } = {
  partners: {
    filter: {
      status: ['active', 'suspended'],
      tier: ['gold'],
      region: ['emea', 'apac'],
      country: 'DE',
      segmentId: 'seg 1/α',
      channelManagerId: 'u-1',
    },
    search: 'Acme & Co',
    sort: '-name',
    cursor: 'eyJvIjoyNX0=',
    limit: 50,
  },
  users: { filter: { role: ['partner_admin', 'channel_manager'], partnerId: 'p-1' }, sort: 'name' },
  programs: { filter: { status: ['draft'] }, sort: '-createdAt', limit: 1 },
  memberships: {
    filter: { partnerId: 'p-1', programId: 'pr-1', status: ['applied', 'active'] },
    sort: 'renewsAt',
  },
  segments: { filter: { kind: ['tier', 'market'] }, search: 'gold' },
  deals: {
    filter: {
      status: ['submitted', 'under_review'],
      programId: 'pr-1',
      partnerId: 'p-1',
      submittedBy: 'u-2',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      expiringWithinDays: 14,
    },
    sort: '-estimatedValue',
    limit: 200,
  },
  opportunities: {
    filter: { stage: ['proposal', 'closed_won'], partnerId: 'p-1' },
    sort: 'amount',
  },
  products: { filter: { family: 'security', active: false }, sort: '-listPrice' },
  quotes: { filter: { status: ['sent'], partnerId: 'p-1', opportunityId: 'o-1' }, sort: 'number' },
  orders: { filter: { status: ['processing', 'fulfilled'], partnerId: 'p-1' } },
  cases: {
    filter: {
      status: ['new', 'awaiting_partner'],
      priority: ['critical'],
      category: ['billing', 'technical'],
      partnerId: 'p-1',
      raisedBy: 'u-3',
      assigneeId: 'u-4',
      unassigned: true,
      breached: false,
      createdFrom: '2026-02-01',
      createdTo: '2026-02-28',
    },
    sort: '-firstResponseDueAt',
  },
  leads: { filter: { status: ['assigned'], partnerId: 'p-1' }, cursor: 'c2' },
  mdfBudgets: { sort: 'name', limit: 10 },
  mdfAllocations: { filter: { partnerId: 'p-1', budgetId: 'b-1' } },
  mdfRequests: { filter: { status: ['draft', 'approved'], partnerId: 'p-1', allocationId: 'a-1' } },
  mdfClaims: { filter: { status: ['paid'], partnerId: 'p-1', requestId: 'r-1' }, sort: '-number' },
  activities: { filter: { partnerId: 'p-1', resource: 'mdfClaims', recordId: 'c-1' }, sort: '-at' },
};

describe('list query round trip', () => {
  for (const resource of RESOURCES) {
    it(resource, () => {
      const query = SAMPLES[resource];
      // Through text, as a URL carries it.
      const text = encodeListQuery(resource, query).toString();
      const decoded = decodeListQuery(resource, new URLSearchParams(text));
      assert.ok(decoded.ok, decoded.ok ? '' : decoded.error.message);
      assert.deepEqual(decoded.value, parse(listQueries[resource], query));
    });
  }

  it('covers every parameter of every resource', () => {
    for (const resource of RESOURCES) {
      const sent = new Set(encodeListQuery(resource, SAMPLES[resource]).keys());
      const filterParams = queryParameters(listQueries[resource])
        .filter((parameter) => parameter.path[0] === 'filter')
        .map((parameter) => parameter.name);
      for (const name of filterParams) assert.ok(sent.has(name), `${resource}: ${name}`);
    }
  });

  it('an empty query is no parameters, and no parameters an empty query', () => {
    assert.equal(encodeListQuery('deals').toString(), '');
    assert.deepEqual(decodeListQuery('deals', new URLSearchParams()), { ok: true, value: {} });
  });
});

describe('encodeListQuery', () => {
  const cases: { name: string; resource: ResourceName; query: unknown; expected: string }[] = [
    {
      name: 'arrays repeat their parameter, in schema order',
      resource: 'cases',
      query: { limit: 5, filter: { priority: ['high', 'low'], status: ['new'] } },
      expected: 'status=new&priority=high&priority=low&limit=5',
    },
    {
      name: 'booleans are true/false',
      resource: 'cases',
      query: { filter: { unassigned: true, breached: false } },
      expected: 'unassigned=true&breached=false',
    },
    {
      name: 'empty arrays, undefined and null are left out',
      resource: 'deals',
      query: { filter: { status: [], partnerId: undefined, programId: null }, search: undefined },
      expected: '',
    },
    {
      name: 'unknown fields are left out, as parsing would strip them',
      resource: 'deals',
      query: { filter: { bogus: 'x' }, other: 1, sort: 'number' },
      expected: 'sort=number',
    },
    {
      name: 'text is URL-encoded',
      resource: 'partners',
      query: { search: 'a&b=c d' },
      expected: 'search=a%26b%3Dc+d',
    },
  ];
  for (const { name, resource, query, expected } of cases) {
    it(name, () => {
      assert.equal(
        encodeListQuery(resource, query as ListQueries[typeof resource]).toString(),
        expected,
      );
    });
  }
});

describe('decodeListQuery rejections', () => {
  const cases: {
    name: string;
    resource: ResourceName;
    params: string;
    fields: string[];
  }[] = [
    { name: 'unknown parameter', resource: 'deals', params: 'foo=1', fields: ['foo'] },
    {
      name: 'unknown parameters and invalid values together',
      resource: 'deals',
      params: 'foo=1&bar=2&status=bogus',
      fields: ['foo', 'bar', 'filter.status.0'],
    },
    {
      name: 'a boolean that is not true/false',
      resource: 'cases',
      params: 'breached=yes',
      fields: ['filter.breached'],
    },
    {
      name: 'a number that is not a number',
      resource: 'deals',
      params: 'limit=ten',
      fields: ['limit'],
    },
    {
      name: 'a fraction for an integer',
      resource: 'deals',
      params: 'limit=1.5',
      fields: ['limit'],
    },
    { name: 'an empty number', resource: 'deals', params: 'limit=', fields: ['limit'] },
    { name: 'over the page size', resource: 'deals', params: 'limit=201', fields: ['limit'] },
    {
      name: 'a scalar given twice',
      resource: 'deals',
      params: 'partnerId=a&partnerId=b',
      fields: ['filter.partnerId'],
    },
    { name: 'an unknown sort', resource: 'partners', params: 'sort=-bogus', fields: ['sort'] },
    {
      name: 'a bad date',
      resource: 'deals',
      params: 'createdFrom=2026-13-01',
      fields: ['filter.createdFrom'],
    },
    {
      name: 'a filter field of another resource',
      resource: 'products',
      params: 'status=active',
      fields: ['status'],
    },
  ];
  for (const { name, resource, params, fields } of cases) {
    it(name, () => {
      const result = decodeListQuery(resource, new URLSearchParams(params));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, 'validation');
      assert.deepEqual(
        result.error.fields.map((field) => field.path),
        fields,
      );
    });
  }

  it('names the unknown parameter in the message', () => {
    const result = decodeListQuery('deals', new URLSearchParams('colour=red'));
    assert.ok(!result.ok);
    assert.match(result.error.message, /^colour: .*colour/);
    assert.equal(result.error.fieldMessage('colour'), 'Remove the unknown fields: colour.');
  });

  it('translates the unknown-parameter message', () => {
    const result = decodeListQuery('deals', new URLSearchParams('farbe=rot'), {
      messages: { unknownKeys: (p) => `Unbekannt: ${(p.keys ?? []).join(', ')}` },
    });
    assert.ok(!result.ok);
    assert.equal(result.error.fieldMessage('farbe'), 'Unbekannt: farbe');
  });

  it('negative numbers decode as numbers', () => {
    const result = decodeListQuery('deals', new URLSearchParams('expiringWithinDays=-3'));
    assert.ok(!result.ok);
    assert.deepEqual(
      result.error.fields.map((field) => field.path),
      ['filter.expiringWithinDays'],
    );
    assert.doesNotMatch(result.error.fields[0]?.message ?? '', /Expected/);
  });
});

describe('queryParameters', () => {
  it('flattens object fields and marks arrays, kinds and required', () => {
    const schema = z.object({
      page: z.int(),
      filter: z.object({
        tags: z.array(z.string()),
        count: z.optional(z.nullable(z.int())),
        on: z.optional(z.boolean()),
      }),
      flag: z._default(z.boolean(), false),
    });
    assert.deepEqual(
      queryParameters(schema).map(({ name, path, array, kind, required }) => ({
        name,
        path,
        array,
        kind,
        required,
      })),
      [
        { name: 'page', path: ['page'], array: false, kind: 'number', required: true },
        { name: 'tags', path: ['filter', 'tags'], array: true, kind: 'string', required: true },
        { name: 'count', path: ['filter', 'count'], array: false, kind: 'number', required: false },
        { name: 'on', path: ['filter', 'on'], array: false, kind: 'boolean', required: false },
        { name: 'flag', path: ['flag'], array: false, kind: 'boolean', required: false },
      ],
    );
    assert.equal(queryParameters(schema), queryParameters(schema), 'cached');
  });

  it('throws when two parameters would share a name', () => {
    const schema = z.object({ filter: z.object({ limit: z.int() }), limit: z.int() });
    assert.throws(() => queryParameters(schema), /"limit" appears twice/);
  });

  it('no filter field of a list query is named like a list option', () => {
    for (const resource of RESOURCES)
      assert.doesNotThrow(() => queryParameters(listQueries[resource]));
  });
});

describe('decodeQuery and encodeQuery on other query schemas', () => {
  const schema = z.object({ submit: z.optional(z.boolean()), ids: z.optional(z.array(z.int())) });
  const cases: { params: string; expected: unknown }[] = [
    { params: 'submit=true', expected: { submit: true } },
    { params: 'submit=false&ids=1&ids=2', expected: { submit: false, ids: [1, 2] } },
    { params: '', expected: {} },
  ];
  for (const { params, expected } of cases) {
    it(params || '(none)', () => {
      assert.deepEqual(decodeQuery(schema, new URLSearchParams(params)), {
        ok: true,
        value: expected,
      });
      assert.equal(encodeQuery(schema, expected).toString(), params);
    });
  }

  it('encodes a missing query as no parameters', () => {
    assert.equal(encodeQuery(schema, undefined).toString(), '');
  });
});
