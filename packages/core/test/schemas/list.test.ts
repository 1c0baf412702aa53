import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResourceName } from '../../src/schemas/activity.js';
import { listQueries, page } from '../../src/schemas/list.js';
import { Partner } from '../../src/schemas/partner.js';
import {
  CASE_PRIORITIES,
  DEAL_STATUSES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PARTNER_TIERS,
  RESOURCES,
} from '../../src/schemas/values.js';
import { validate } from '../../src/validation.js';
import { listQuerySamples, partner, partnerPage } from './fixtures.js';
import { MISSING, m, row, schemaTable } from './table.js';

/** `['name', 'createdAt']` → `['name', '-name', 'createdAt', '-createdAt']`. */
const sorts = (...fields: string[]) => fields.flatMap((field) => [field, `-${field}`]);

it('has a list query for every resource', () => {
  assert.deepEqual(Object.keys(listQueries).sort(), [...RESOURCES].sort());
  assert.deepEqual(Object.keys(listQuerySamples).sort(), [...RESOURCES].sort());
});

it('pages hold at most MAX_PAGE_SIZE items, by default DEFAULT_PAGE_SIZE', () => {
  assert.equal(MAX_PAGE_SIZE, 200);
  assert.ok(DEFAULT_PAGE_SIZE >= 1 && DEFAULT_PAGE_SIZE <= MAX_PAGE_SIZE);
});

/** The fields each list can be sorted by (each also descending, with a leading `-`). */
const SORT_FIELDS: Record<ResourceName, readonly string[]> = {
  partners: ['name', 'createdAt', 'updatedAt', 'tier'],
  users: ['name'],
  programs: ['name', 'createdAt'],
  memberships: ['createdAt', 'renewsAt'],
  segments: ['name'],
  deals: [
    'createdAt',
    'updatedAt',
    'approvalDueAt',
    'expectedCloseDate',
    'estimatedValue',
    'number',
  ],
  opportunities: ['createdAt', 'closeDate', 'amount', 'name'],
  products: ['name', 'sku', 'listPrice'],
  quotes: ['createdAt', 'validUntil', 'number'],
  orders: ['createdAt', 'number'],
  cases: ['createdAt', 'updatedAt', 'priority', 'firstResponseDueAt', 'number'],
  leads: ['createdAt', 'number'],
  mdfBudgets: ['name'],
  mdfAllocations: ['createdAt'],
  mdfRequests: ['createdAt', 'number'],
  mdfClaims: ['createdAt', 'number'],
  activities: ['at'],
};
const sortOptions = (resource: ResourceName) => sorts(...SORT_FIELDS[resource]);

for (const resource of RESOURCES) {
  schemaTable(`listQueries.${resource}`, listQueries[resource], listQuerySamples[resource], [
    row(
      'an unknown sort field',
      { sort: 'colour' },
      'sort',
      m.oneOf({ options: sortOptions(resource) }),
    ),
    row('limit 0', { limit: 0 }, 'limit', m.tooSmall({ minimum: 1 })),
    row('limit 201', { limit: 201 }, 'limit', m.tooBig({ maximum: MAX_PAGE_SIZE })),
    row('a fractional limit', { limit: 2.5 }, 'limit', m.wholeNumber()),
    row(
      'a search over 200 characters',
      { search: 's'.repeat(201) },
      'search',
      m.tooLong({ maximum: 200 }),
    ),
    row(
      'a cursor over 500 characters',
      { cursor: 'c'.repeat(501) },
      'cursor',
      m.tooLong({ maximum: 500 }),
    ),
    row(
      'a filter that is not an object',
      { filter: 'active' },
      'filter',
      m.wrongType({ expected: 'object' }),
    ),
  ]);
}

describe('list query filters and sorts', () => {
  for (const resource of RESOURCES) {
    it(`sorts ${resource} by each field ascending and descending`, () => {
      for (const sort of sortOptions(resource)) {
        assert.deepEqual(validate(listQueries[resource], { sort }), { ok: true, value: { sort } });
      }
    });
  }
  it('accepts an empty query', () => {
    for (const resource of RESOURCES)
      assert.deepEqual(validate(listQueries[resource], {}), { ok: true, value: {} });
  });
  it('trims the search text', () => {
    const result = validate(listQueries.partners, { search: '  abc  ' });
    assert.deepEqual(result, { ok: true, value: { search: 'abc' } });
  });
});

schemaTable('listQueries.deals filter', listQueries.deals, listQuerySamples.deals, [
  row(
    'an unknown status',
    { 'filter.status': ['open'] },
    'filter.status.0',
    m.oneOf({ options: DEAL_STATUSES }),
  ),
  row(
    'a status that is not a list',
    { 'filter.status': 'submitted' },
    'filter.status',
    m.wrongType({ expected: 'array' }),
  ),
  row(
    'createdFrom 2026-02-30',
    { 'filter.createdFrom': '2026-02-30' },
    'filter.createdFrom',
    m.date(),
  ),
  row(
    'zero expiring days',
    { 'filter.expiringWithinDays': 0 },
    'filter.expiringWithinDays',
    m.tooSmall({ minimum: 1 }),
  ),
  row(
    'an unknown sort field',
    { sort: 'customer' },
    'sort',
    m.oneOf({ options: sortOptions('deals') }),
  ),
  row(
    'a sort with a doubled minus',
    { sort: '--number' },
    'sort',
    m.oneOf({ options: sortOptions('deals') }),
  ),
]);

schemaTable('listQueries.partners filter', listQueries.partners, listQuerySamples.partners, [
  row(
    'an unknown tier',
    { 'filter.tier': ['gold', 'bronze'] },
    'filter.tier.1',
    m.oneOf({ options: PARTNER_TIERS }),
  ),
  row('the country USA', { 'filter.country': 'USA' }, 'filter.country', m.countryCode()),
]);

schemaTable('listQueries.cases filter', listQueries.cases, listQuerySamples.cases, [
  row(
    'an unknown priority',
    { 'filter.priority': ['p1'] },
    'filter.priority.0',
    m.oneOf({ options: CASE_PRIORITIES }),
  ),
  row(
    'breached as a string',
    { 'filter.breached': 'true' },
    'filter.breached',
    m.wrongType({ expected: 'boolean' }),
  ),
]);

schemaTable('listQueries.activities filter', listQueries.activities, listQuerySamples.activities, [
  row(
    'an unknown resource',
    { 'filter.resource': 'invoices' },
    'filter.resource',
    m.oneOf({ options: RESOURCES }),
  ),
]);

schemaTable('page(Partner)', page(Partner), partnerPage, [
  row(
    'a missing nextCursor (null is required)',
    { nextCursor: MISSING },
    'nextCursor',
    m.required(),
  ),
  row('items that are not a list', { items: partner }, 'items', m.wrongType({ expected: 'array' })),
  row('an invalid item', { 'items.0.country': 'USA' }, 'items.0.country', m.countryCode()),
  row('a negative total', { total: -1 }, 'total', m.tooSmall({ minimum: 0 })),
]);

schemaTable('page(Partner), last page', page(Partner), { items: [], nextCursor: null }, []);
