/**
 * Every route of the contract answers over HTTP: a plausible request per route, built from
 * the demo data, reaches the service and comes back in the route's response schema.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  HEADERS,
  ROUTES,
  parseEtag,
  routeFor,
  validate,
  type Operation,
  type Route,
} from '@prm-kit/core';
import { programInput, type ConformanceActor } from '@prm-kit/core/testing';
import { DATASET, json, restHarness } from './harness.js';

interface Fixture {
  actor?: ConformanceActor;
  id?: string;
  query?: unknown;
  body?: unknown;
}

const customer = (name: string) => ({
  company: `${name} Inc`,
  domain: `${name.toLowerCase()}.example.com`,
  country: 'US',
  postalCode: '94105',
  contact: { name: 'Pat Buyer', email: `pat@${name.toLowerCase()}.example.com` },
});
const usd = (amount: number) => ({ amount, currency: 'USD' });
const dealInput = {
  programId: 'prog-reseller',
  dealType: 'new_business',
  customer: customer('Routewalk'),
  products: [{ productId: 'prod-fw-1000', quantity: 10 }],
  estimatedValue: usd(5_000_000),
  expectedCloseDate: '2027-01-15',
};
const find = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const record = items.find((item) => item.id === id);
  assert.ok(record, `demo record ${id}`);
  return record;
};
const allocation = DATASET.mdfAllocations.find(
  (item) => item.partnerId === 'p-abc' && item.remaining.amount > 10_000,
);
const openQuote = DATASET.quotes.find(
  (quote) =>
    quote.status === 'accepted' && !DATASET.orders.some((order) => order.quoteId === quote.id),
);

/** One plausible request per operation; `id` fills `{id}`, writes read the version first. */
const FIXTURES: Record<Operation, Fixture> = {
  session: { actor: 'partnerAdmin' },
  'partners.list': { query: { filter: { status: ['active'] }, limit: 5 } },
  'partners.get': { id: 'p-abc' },
  'partners.create': {
    body: {
      name: 'Routewalk Networks',
      country: 'US',
      region: 'north_america',
      contact: { name: 'Pat Doe', email: 'pat@routewalk-networks.example.com' },
    },
  },
  'partners.update': { id: 'p-abc', body: { name: 'ABC Systems Ltd' } },
  'partners.transition': { id: 'p-azteca', body: { to: 'onboarding' } },
  'users.list': { query: { limit: 5 } },
  'users.get': { id: 'u-abc-admin' },
  'programs.list': { query: { limit: 5 } },
  'programs.get': { id: 'prog-reseller' },
  'programs.create': { actor: 'programAdmin', body: programInput('Routewalk Program') },
  'programs.update': {
    actor: 'programAdmin',
    id: 'prog-reseller',
    body: { description: 'Resell with us.' },
  },
  'programs.transition': {
    actor: 'programAdmin',
    id: 'prog-public-sector',
    body: { to: 'active' },
  },
  'programs.eligibility': { query: { partnerId: 'p-abc' } },
  'memberships.list': { query: { limit: 5 } },
  'memberships.get': { id: 'mem-1' },
  'memberships.create': {
    body: {
      programId: 'prog-referral',
      partnerId: 'p-cascadia',
      acceptedTermsVersion: find(DATASET.programs, 'prog-referral').termsVersion,
    },
  },
  'memberships.transition': {
    actor: 'channelManager',
    id: 'mem-1',
    body: { to: 'suspended', reason: 'Audit pending' },
  },
  'segments.list': { query: { limit: 5 } },
  'segments.get': { id: 'seg-custom-strategic' },
  'segments.create': {
    actor: 'programAdmin',
    body: {
      name: 'Routewalk segment',
      kind: 'market',
      colour: '#0b6bcb',
      rule: { match: 'all', criteria: [{ field: 'region', op: 'eq', value: 'north_america' }] },
      manualMemberIds: [],
      programLinks: [],
    },
  },
  'segments.update': {
    actor: 'programAdmin',
    id: 'seg-custom-strategic',
    body: { colour: '#aa3300' },
  },
  'segments.remove': { actor: 'programAdmin', id: 'seg-custom-high-growth' },
  'deals.list': { actor: 'partnerAdmin', query: { filter: { status: ['draft', 'approved'] } } },
  'deals.get': { actor: 'partnerAdmin', id: 'deal-3' },
  'deals.create': { actor: 'partnerAdmin', query: { submit: true }, body: dealInput },
  'deals.update': {
    actor: 'partnerAdmin',
    id: 'deal-9',
    body: { expectedCloseDate: '2027-02-01' },
  },
  'deals.transition': { actor: 'partnerAdmin', id: 'deal-9', body: { to: 'submitted' } },
  'deals.checkConflicts': {
    actor: 'partnerAdmin',
    body: { customer: find(DATASET.deals, 'deal-3').customer, products: dealInput.products },
  },
  'deals.requestExtension': {
    actor: 'partnerAdmin',
    id: 'deal-3',
    body: { reason: 'Budget moved.' },
  },
  'deals.decideExtension': { actor: 'channelManager', id: 'deal-5', body: { grant: true } },
  'deals.comment': { actor: 'partnerAdmin', id: 'deal-3', body: { body: 'Any news?' } },
  'opportunities.list': { query: { limit: 5 } },
  'opportunities.get': { id: 'opp-28' },
  'opportunities.create': {
    body: {
      name: 'Routewalk rollout',
      partnerId: 'p-abc',
      customer: customer('Oppwalk'),
      amount: usd(1_000_000),
      closeDate: '2027-03-01',
    },
  },
  'opportunities.update': { id: 'opp-28', body: { name: 'Renamed opportunity' } },
  'opportunities.transition': { id: 'opp-28', body: { to: 'qualification' } },
  'products.list': { query: { limit: 5 } },
  'products.get': { id: 'prod-fw-1000' },
  'quotes.list': { actor: 'partnerAdmin' },
  'quotes.get': { actor: 'partnerAdmin', id: 'quote-21' },
  'quotes.create': {
    actor: 'partnerAdmin',
    body: {
      currency: 'USD',
      lines: [{ productId: 'prod-fw-1000', quantity: 1 }],
      validUntil: '2026-12-31',
    },
  },
  'quotes.update': { actor: 'partnerAdmin', id: 'quote-21', body: { validUntil: '2026-12-15' } },
  'quotes.transition': { actor: 'partnerAdmin', id: 'quote-21', body: { to: 'sent' } },
  'orders.list': { actor: 'partnerAdmin' },
  'orders.get': { actor: 'partnerAdmin', id: 'order-7' },
  'orders.create': { body: { quoteId: openQuote?.id } },
  'orders.transition': { id: 'order-7', body: { to: 'processing' } },
  'cases.list': { actor: 'partnerAdmin' },
  'cases.get': { actor: 'partnerAdmin', id: 'case-2' },
  'cases.create': {
    actor: 'partnerAdmin',
    body: { category: 'billing', priority: 'low', subject: 'Invoice', description: 'Wrong VAT' },
  },
  'cases.update': { actor: 'partnerAdmin', id: 'case-2', body: { priority: 'high' } },
  'cases.transition': { actor: 'supportAgent', id: 'case-2', body: { to: 'in_progress' } },
  'cases.assign': {
    actor: 'supportAgent',
    id: 'case-2',
    body: { assigneeId: 'u-xyz-support-lindqvist' },
  },
  'cases.comment': { actor: 'partnerAdmin', id: 'case-2', body: { body: 'Any news?' } },
  'leads.list': { actor: 'partnerAdmin' },
  'leads.get': { actor: 'partnerAdmin', id: 'lead-2' },
  'leads.create': {
    body: {
      customer: { company: 'Leadwalk', country: 'US' },
      interest: 'Firewall',
      partnerId: 'p-abc',
    },
  },
  'leads.transition': { actor: 'partnerAdmin', id: 'lead-2', body: { to: 'accepted' } },
  'mdfBudgets.list': {},
  'mdfBudgets.get': { id: 'mdf-2026-q4' },
  'mdfAllocations.list': { actor: 'partnerAdmin' },
  'mdfAllocations.get': { actor: 'partnerAdmin', id: 'alloc-1' },
  'mdfRequests.list': { actor: 'partnerAdmin' },
  'mdfRequests.get': { actor: 'partnerAdmin', id: 'fr-5' },
  'mdfRequests.create': {
    actor: 'partnerAdmin',
    body: {
      allocationId: allocation?.id,
      activity: {
        name: 'Routewalk roadshow',
        type: 'event',
        description: 'Customer roadshow',
        period: { start: '2026-12-01', end: '2026-12-02' },
      },
      amount: { amount: 100, currency: allocation?.remaining.currency },
    },
  },
  'mdfRequests.transition': { actor: 'partnerAdmin', id: 'fr-5', body: { to: 'submitted' } },
  'mdfClaims.list': { actor: 'partnerAdmin' },
  'mdfClaims.get': { actor: 'partnerAdmin', id: 'fc-4' },
  'mdfClaims.create': {
    actor: 'partnerAdmin',
    body: {
      requestId: 'fr-1',
      amount: { amount: 100, currency: find(DATASET.mdfRequests, 'fr-1').amount.currency },
      proof: [{ name: 'Invoice', url: 'https://files.example.com/invoice.pdf' }],
    },
  },
  'mdfClaims.transition': { actor: 'channelManager', id: 'fc-4', body: { to: 'approved' } },
  'activities.list': { actor: 'partnerAdmin', query: { limit: 10 } },
  'activities.get': { id: 'act-000082' },
  'metrics.partner': { actor: 'partnerAdmin' },
  'metrics.enterprise': {},
};

/** The `get` route of a route's resource, to read the version a write needs. */
const getRouteOf = (route: Route) => routeFor(`${route.operation.split('.')[0]}.get` as Operation);

describe('REST: the route table', () => {
  it('has a fixture for every route', () => {
    assert.deepEqual(Object.keys(FIXTURES).sort(), ROUTES.map((r) => r.operation).sort());
  });

  for (const route of ROUTES) {
    it(`${route.operation}: ${route.method} ${route.path}`, async () => {
      const { request, url, errors } = restHarness();
      const fixture = FIXTURES[route.operation];
      const params: Record<string, string> = fixture.id === undefined ? {} : { id: fixture.id };
      const headers: Record<string, string> = {};
      if (route.idempotencyKey) headers[HEADERS.idempotencyKey] = `walk-${route.operation}`;
      if (route.ifMatch) {
        const read = await request('GET', url(getRouteOf(route), params), { actor: fixture.actor });
        assert.equal(read.status, 200, `reading ${fixture.id ?? ''} first`);
        const etag = read.headers.get(HEADERS.etag);
        assert.ok(parseEtag(etag) !== null, 'an ETag on the read');
        headers[HEADERS.ifMatch] = etag ?? '';
      }
      const response = await request(route.method, url(route, params, fixture.query), {
        actor: fixture.actor,
        body: fixture.body,
        headers,
      });
      const text = await response.text();
      assert.deepEqual(errors, []);
      assert.ok(
        response.status >= 200 && response.status < 300,
        `${route.operation} answered ${response.status}: ${text}`,
      );
      assert.equal(response.status, route.successStatus);
      if (route.response === null) {
        assert.equal(text, '');
        return;
      }
      const body = JSON.parse(text) as { version?: number };
      const checked = validate(route.response, body);
      assert.ok(checked.ok, checked.ok ? '' : JSON.stringify(checked.error.fields));
      if (typeof body.version === 'number')
        assert.equal(parseEtag(response.headers.get(HEADERS.etag)), body.version);
      else assert.equal(response.headers.get(HEADERS.etag), null);
    });
  }

  it('decodes list queries from URL parameters', async () => {
    const { request } = restHarness();
    const response = await request('GET', '/deals?status=draft&status=returned&limit=2', {
      actor: 'partnerAdmin',
    });
    assert.equal(response.status, 200);
    const page = await json<{ items: { status: string }[]; nextCursor: string | null }>(response);
    assert.equal(page.items.length, 2);
    assert.ok(page.items.every((deal) => ['draft', 'returned'].includes(deal.status)));
  });
});
