import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COUNTRY_REGIONS,
  assignLead,
  leadCandidates,
  regionOfCountry,
  type LeadAssignmentOptions,
  type LeadPartner,
  type LeadToAssign,
} from '../../src/rules/lead-assignment.js';
import { REGIONS } from '../../src/schemas/values.js';

const p = (id: string, over: Partial<LeadPartner> = {}): LeadPartner => ({
  id,
  status: 'active',
  country: 'DE',
  region: 'emea',
  tier: 'silver',
  ...over,
});

const lead = (country: string, declinedBy: string[] = []): LeadToAssign => ({
  customer: { country },
  declinedBy: declinedBy.map((partnerId) => ({
    partnerId,
    reason: 'no_capacity',
    at: '2026-01-01T00:00:00Z',
  })),
});

describe('regionOfCountry', () => {
  const cases: [string, string | null][] = [
    ['US', 'north_america'],
    ['CA', 'north_america'],
    ['MX', 'latin_america'],
    ['BR', 'latin_america'],
    ['DE', 'emea'],
    ['gb', 'emea'],
    ['ZA', 'emea'],
    ['AE', 'emea'],
    ['JP', 'apac'],
    ['AU', 'apac'],
    ['IN', 'apac'],
    ['AQ', null],
    ['', null],
  ];
  for (const [country, region] of cases) {
    it(`${country || '(empty)'} → ${String(region)}`, () =>
      assert.equal(regionOfCountry(country), region));
  }

  it('maps every listed country to a known region, once', () => {
    assert.ok(COUNTRY_REGIONS.size > 100);
    for (const [country, region] of COUNTRY_REGIONS) {
      assert.match(country, /^[A-Z]{2}$/);
      assert.ok((REGIONS as readonly string[]).includes(region));
    }
  });
});

describe('assignLead', () => {
  const cases: {
    name: string;
    lead: LeadToAssign;
    partners: LeadPartner[];
    options?: LeadAssignmentOptions;
    expected: string[];
  }[] = [
    { name: 'no partners', lead: lead('DE'), partners: [], expected: [] },
    {
      name: 'same country before same region, whatever the tier',
      lead: lead('DE'),
      partners: [
        p('fr-plat', { country: 'FR', tier: 'platinum' }),
        p('de-reg', { tier: 'registered' }),
      ],
      expected: ['de-reg', 'fr-plat'],
    },
    {
      name: 'country match is case-insensitive',
      lead: lead('de'),
      partners: [p('fr', { country: 'FR', tier: 'gold' }), p('de')],
      expected: ['de', 'fr'],
    },
    {
      name: 'higher tier first within the country',
      lead: lead('DE'),
      partners: [
        p('a', { tier: 'silver' }),
        p('b', { tier: 'platinum' }),
        p('c', { tier: 'gold' }),
      ],
      expected: ['b', 'c', 'a'],
    },
    {
      name: 'other regions never qualify',
      lead: lead('US'),
      partners: [
        p('emea', { tier: 'platinum' }),
        p('ca', { country: 'CA', region: 'north_america' }),
      ],
      expected: ['ca'],
    },
    {
      name: 'a country outside the table: same country only',
      lead: lead('AQ'),
      partners: [
        p('aq', { country: 'AQ', region: 'apac' }),
        p('au', { country: 'AU', region: 'apac' }),
      ],
      expected: ['aq'],
    },
    {
      name: 'a country outside the table and no partner there: unassigned',
      lead: lead('AQ'),
      partners: [p('au', { country: 'AU', region: 'apac' })],
      expected: [],
    },
    {
      name: 'only active partners',
      lead: lead('DE'),
      partners: (['prospect', 'onboarding', 'suspended', 'terminated', 'active'] as const).map(
        (status) => p(status, { status, tier: status === 'active' ? 'registered' : 'platinum' }),
      ),
      expected: ['active'],
    },
    {
      name: 'skips partners that declined (on the lead and in the options)',
      lead: lead('DE', ['a']),
      partners: [p('a', { tier: 'platinum' }), p('b', { tier: 'gold' }), p('c')],
      options: { declinedPartnerIds: ['b'] },
      expected: ['c'],
    },
    {
      name: 'everyone declined: unassigned',
      lead: lead('DE', ['a']),
      partners: [p('a')],
      expected: [],
    },
    {
      name: 'ties: fewer open leads first, then id',
      lead: lead('DE'),
      partners: [p('d'), p('b'), p('c'), p('a')],
      options: { openLeads: { a: 3, b: 1, c: 1 } },
      expected: ['d', 'b', 'c', 'a'],
    },
    {
      name: 'ties without open-lead counts: by id (code-unit order)',
      lead: lead('DE'),
      partners: [p('b'), p('B'), p('a')],
      expected: ['B', 'a', 'b'],
    },
    {
      name: 'with memberships: only partners with an active one',
      lead: lead('DE'),
      partners: [p('a', { tier: 'platinum' }), p('b', { tier: 'gold' }), p('c')],
      options: {
        memberships: [
          { partnerId: 'a', status: 'expired' },
          { partnerId: 'b', status: 'active' },
          { partnerId: 'c', status: 'active' },
        ],
      },
      expected: ['b', 'c'],
    },
    {
      name: 'a partner listed twice stays a stable tie',
      lead: lead('DE'),
      partners: [p('a'), p('a')],
      expected: ['a', 'a'],
    },
    {
      name: 'a lead without declinedBy',
      lead: { customer: { country: 'DE' } },
      partners: [p('a')],
      expected: ['a'],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(leadCandidates(c.lead, c.partners, c.options), c.expected);
      assert.equal(assignLead(c.lead, c.partners, c.options), c.expected[0] ?? null);
      // Deterministic: the input order never changes the answer.
      assert.deepEqual(leadCandidates(c.lead, [...c.partners].reverse(), c.options), c.expected);
    });
  }
});
