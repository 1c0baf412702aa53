import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  averageDaysToApprove,
  casesByStatus,
  enterpriseMetrics,
  partnerMeasures,
  partnerMetrics,
  pipelineByStage,
  registeredValueByMonth,
  registrationsByStatus,
  slaBreaches,
  tierProgress,
  winRate,
  type EnterpriseMetricsInput,
  type PartnerMeasures,
  type MetricsMembership,
  type PartnerMetricsInput,
  type SlaCase,
} from '../../src/rules/metrics.js';
import type { Money } from '../../src/schemas/common.js';
import type { DealRegistration, DealStatus, Decision } from '../../src/schemas/deal.js';
import { EnterpriseMetrics, PartnerMetrics } from '../../src/schemas/metrics.js';
import type { Program, Tier } from '../../src/schemas/program.js';
import type { OpportunityStage } from '../../src/schemas/sales.js';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });
const NOW = '2026-06-15T12:00:00.000Z';
const daysAgo = (days: number): string =>
  new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const inDays = (days: number): string => daysAgo(-days);

const opp = (stage: OpportunityStage, amount: Money = usd(100), partnerId = 'p1') => ({
  stage,
  amount,
  partnerId,
});

describe('pipelineByStage', () => {
  it('lists every stage, with zero when empty', () => {
    assert.deepEqual(
      pipelineByStage([]).map((r) => [r.key, r.count, r.amounts]),
      [
        ['prospecting', 0, []],
        ['qualification', 0, []],
        ['proposal', 0, []],
        ['negotiation', 0, []],
        ['closed_won', 0, []],
        ['closed_lost', 0, []],
      ],
    );
  });

  it('counts per stage and never adds different currencies', () => {
    const rows = pipelineByStage([
      opp('proposal', usd(1999)),
      opp('proposal', eur(500)),
      opp('proposal', usd(1)),
      opp('closed_won', usd(10)),
    ]);
    assert.deepEqual(
      rows.find((r) => r.key === 'proposal'),
      {
        key: 'proposal',
        count: 3,
        amounts: [eur(500), usd(2000)],
      },
    );
    assert.deepEqual(rows.find((r) => r.key === 'closed_won')?.amounts, [usd(10)]);
  });
});

describe('winRate', () => {
  const cases: [string, OpportunityStage[], number | null][] = [
    ['no opportunities', [], null],
    ['none closed', ['prospecting', 'negotiation'], null],
    ['all won', ['closed_won'], 1],
    ['all lost', ['closed_lost', 'closed_lost'], 0],
    ['two of three', ['closed_won', 'closed_lost', 'closed_won', 'proposal'], 2 / 3],
  ];
  for (const [name, stages, expected] of cases) {
    it(name, () => assert.equal(winRate(stages.map((stage) => ({ stage }))), expected));
  }
});

describe('registrationsByStatus / casesByStatus', () => {
  it('counts every deal status, in order', () => {
    const statuses: DealStatus[] = ['approved', 'draft', 'approved', 'withdrawn'];
    assert.deepEqual(registrationsByStatus(statuses.map((status) => ({ status }))), [
      { key: 'draft', value: 1 },
      { key: 'submitted', value: 0 },
      { key: 'under_review', value: 0 },
      { key: 'returned', value: 0 },
      { key: 'approved', value: 2 },
      { key: 'rejected', value: 0 },
      { key: 'converted', value: 0 },
      { key: 'expired', value: 0 },
      { key: 'withdrawn', value: 1 },
    ]);
  });

  it('counts every case status, in order', () => {
    assert.deepEqual(casesByStatus([{ status: 'new' }, { status: 'closed' }, { status: 'new' }]), [
      { key: 'new', value: 2 },
      { key: 'in_progress', value: 0 },
      { key: 'awaiting_partner', value: 0 },
      { key: 'resolved', value: 0 },
      { key: 'closed', value: 1 },
    ]);
  });
});

const decision = (outcome: Decision['outcome'], at: string): Decision => ({
  outcome,
  by: 'u1',
  at,
});

describe('averageDaysToApprove', () => {
  const cases: [string, Pick<DealRegistration, 'submittedAt' | 'decision'>[], number | null][] = [
    ['nothing decided', [{ submittedAt: daysAgo(3), decision: null }], null],
    [
      'rejections and returns do not count',
      [
        { submittedAt: daysAgo(3), decision: decision('rejected', daysAgo(1)) },
        { submittedAt: daysAgo(3), decision: decision('returned', daysAgo(1)) },
      ],
      null,
    ],
    [
      'without a submission time it cannot count',
      [{ submittedAt: null, decision: decision('approved', daysAgo(1)) }],
      null,
    ],
    [
      'mean of 1.5 and 3 days, one decimal',
      [
        {
          submittedAt: '2026-01-01T00:00:00Z',
          decision: decision('approved', '2026-01-02T12:00:00Z'),
        },
        {
          submittedAt: '2026-01-01T00:00:00+02:00',
          decision: decision('approved', '2026-01-03T22:00:00Z'),
        },
      ],
      2.3, // 1.5 and 3.0833 days
    ],
    ['same instant', [{ submittedAt: daysAgo(1), decision: decision('approved', daysAgo(1)) }], 0],
    [
      'a decision before the submission counts as 0',
      [{ submittedAt: daysAgo(1), decision: decision('approved', daysAgo(2)) }],
      0,
    ],
  ];
  for (const [name, deals, expected] of cases) {
    it(name, () => assert.equal(averageDaysToApprove(deals), expected));
  }
});

describe('registeredValueByMonth', () => {
  const deal = (
    status: DealStatus,
    submittedAt: string | null,
    estimatedValue: Money = usd(100),
  ) => ({
    status,
    submittedAt,
    estimatedValue,
  });

  it('is empty with nothing registered', () => {
    assert.deepEqual(
      registeredValueByMonth([deal('draft', null), deal('withdrawn', daysAgo(1))]),
      [],
    );
  });

  it('groups by UTC month and currency, filling the months between', () => {
    const rows = registeredValueByMonth([
      deal('approved', '2026-02-10T00:00:00Z', usd(100)),
      deal('converted', '2025-11-30T23:30:00-05:00', eur(7)), // 2025-12-01 in UTC
      deal('submitted', '2026-02-28T00:00:00Z', usd(1)),
      deal('expired', '2026-02-01T00:00:00Z', eur(3)),
      deal('rejected', '2026-01-05T00:00:00Z', usd(999)),
      deal('withdrawn', '2026-01-06T00:00:00Z', usd(999)),
      deal('draft', null, usd(999)),
    ]);
    assert.deepEqual(rows, [
      { key: '2025-12', count: 1, amounts: [eur(7)] },
      { key: '2026-01', count: 0, amounts: [] },
      { key: '2026-02', count: 3, amounts: [eur(3), usd(101)] },
    ]);
  });
});

const kase = (
  over: Partial<SlaCase & { partnerId: string }> = {},
): SlaCase & { partnerId: string } => ({
  id: 'c',
  partnerId: 'p1',
  status: 'new',
  firstResponseDueAt: inDays(1),
  resolutionDueAt: inDays(5),
  firstRespondedAt: null,
  resolvedAt: null,
  ...over,
});

describe('slaBreaches', () => {
  const cases: [string, SlaCase, [boolean, boolean]][] = [
    ['within both due times', kase(), [false, false]],
    ['no first response past due', kase({ firstResponseDueAt: daysAgo(1) }), [true, false]],
    ['due exactly now is not yet breached', kase({ firstResponseDueAt: NOW }), [false, false]],
    [
      'responded on time',
      kase({ firstResponseDueAt: daysAgo(1), firstRespondedAt: daysAgo(2), status: 'in_progress' }),
      [false, false],
    ],
    [
      'responded late, still open: the first response stays breached (as caseSlaState)',
      kase({ firstResponseDueAt: daysAgo(2), firstRespondedAt: daysAgo(1), status: 'in_progress' }),
      [true, false],
    ],
    [
      'unresolved past resolution due',
      kase({
        status: 'awaiting_partner',
        firstRespondedAt: daysAgo(3),
        resolutionDueAt: daysAgo(1),
      }),
      [false, true],
    ],
    [
      'both at once',
      kase({ firstResponseDueAt: daysAgo(3), resolutionDueAt: daysAgo(1) }),
      [true, true],
    ],
    [
      'resolved cases never breach',
      kase({
        status: 'resolved',
        firstResponseDueAt: daysAgo(3),
        resolutionDueAt: daysAgo(1),
        resolvedAt: daysAgo(2),
      }),
      [false, false],
    ],
    [
      'closed cases never breach',
      kase({ status: 'closed', firstResponseDueAt: daysAgo(3), resolutionDueAt: daysAgo(1) }),
      [false, false],
    ],
    [
      'a resolved time means resolved',
      kase({ status: 'in_progress', resolutionDueAt: daysAgo(1), resolvedAt: daysAgo(2) }),
      [false, false],
    ],
  ];
  for (const [name, c, [first, resolution]] of cases) {
    it(name, () => {
      const breached = first || resolution;
      assert.deepEqual(slaBreaches([c], NOW), {
        breached: breached ? 1 : 0,
        firstResponse: first ? 1 : 0,
        resolution: resolution ? 1 : 0,
        caseIds: breached ? ['c'] : [],
      });
    });
  }

  it('sums over cases', () => {
    const summary = slaBreaches(
      [
        kase({ id: 'a', firstResponseDueAt: daysAgo(1) }),
        kase({ id: 'b', resolutionDueAt: daysAgo(1), firstResponseDueAt: daysAgo(2) }),
        kase({ id: 'c' }),
        kase({ id: 'd', resolutionDueAt: daysAgo(1), firstRespondedAt: daysAgo(3) }),
      ],
      NOW,
    );
    assert.deepEqual(summary, {
      breached: 3,
      firstResponse: 2,
      resolution: 2,
      caseIds: ['a', 'b', 'd'],
    });
  });
});

describe('partnerMeasures', () => {
  const deals = (
    ['draft', 'approved', 'converted', 'expired', 'rejected', 'submitted'] as const
  ).map((status) => ({ status }));
  const opportunities = [
    opp('closed_won', usd(500)),
    opp('closed_won', eur(900)),
    opp('closed_won', usd(25)),
    opp('closed_lost', usd(1000)),
    opp('proposal', usd(1000)),
  ];

  const cases: [string, PartnerMeasuresInputLike, PartnerMeasures][] = [
    [
      'in the partner’s currency',
      {
        partner: { annualRevenue: usd(1_000_000), certifications: 4 },
        deals,
        opportunities,
        currency: 'USD',
      },
      {
        annual_revenue: 1_000_000,
        certifications: 4,
        registered_deals: 3,
        won_deals: 3,
        won_revenue: 525,
      },
    ],
    [
      'revenue in another currency counts as 0',
      {
        partner: { annualRevenue: usd(1_000_000), certifications: 0 },
        deals: [],
        opportunities,
        currency: 'EUR',
      },
      { annual_revenue: 0, certifications: 0, registered_deals: 0, won_deals: 3, won_revenue: 900 },
    ],
    [
      'no annual revenue, nothing won',
      { partner: { certifications: 1 }, deals: [], opportunities: [], currency: 'USD' },
      { annual_revenue: 0, certifications: 1, registered_deals: 0, won_deals: 0, won_revenue: 0 },
    ],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.deepEqual(partnerMeasures(input), expected));
  }
});
type PartnerMeasuresInputLike = Parameters<typeof partnerMeasures>[0];

const tier = (key: string, rank: number, requirements: Tier['requirements'] = []): Tier => ({
  key,
  name: key[0]?.toUpperCase() + key.slice(1),
  rank,
  requirements,
  benefits: { discountBps: 0, dealRegistrationDiscountBps: 0, perks: [] },
});
// Out of rank order on purpose: the next tier is the lowest rank above the current one.
const program: Pick<Program, 'id' | 'name' | 'tiers'> = {
  id: 'prog',
  name: 'Reseller',
  tiers: [
    tier('platinum', 3, [{ metric: 'won_revenue', target: 1_000_000 }]),
    tier('silver', 1, [
      { metric: 'certifications', target: 2, label: 'Two certified people' },
      { metric: 'won_revenue', target: 400 },
      { metric: 'registered_deals', target: 0 },
    ]),
    tier('registered', 0),
    tier('gold', 2, [{ metric: 'won_deals', target: 10 }]),
  ],
};
const measures: PartnerMeasures = {
  annual_revenue: 0,
  certifications: 1,
  registered_deals: 0,
  won_deals: 12,
  won_revenue: 525,
};

describe('tierProgress', () => {
  it('shows each requirement of the next tier up', () => {
    assert.deepEqual(tierProgress(measures, program, 'registered'), {
      programId: 'prog',
      currentTierKey: 'registered',
      nextTierKey: 'silver',
      nextTierName: 'Silver',
      met: false,
      requirements: [
        {
          metric: 'certifications',
          label: 'Two certified people',
          target: 2,
          actual: 1,
          met: false,
          ratio: 0.5,
        },
        { metric: 'won_revenue', target: 400, actual: 525, met: true, ratio: 1 },
        { metric: 'registered_deals', target: 0, actual: 0, met: true, ratio: 1 },
      ],
    });
  });

  const cases: [string, string, PartnerMeasures, string | null, boolean | null][] = [
    ['all met', 'silver', measures, 'gold', true],
    ['skips no rank: gold → platinum', 'gold', measures, 'platinum', false],
    ['top tier', 'platinum', measures, null, null],
    ['unknown tier', 'diamond', measures, null, null],
    ['negative measures count as 0', 'gold', { ...measures, won_revenue: -5 }, 'platinum', false],
  ];
  for (const [name, current, m, next, met] of cases) {
    it(name, () => {
      const progress = tierProgress(m, program, current);
      assert.equal(progress?.nextTierKey ?? null, next);
      assert.equal(progress?.met ?? null, met);
      for (const r of progress?.requirements ?? [])
        assert.ok(r.ratio >= 0 && r.ratio <= 1 && r.actual >= 0);
    });
  }

  it('a tier without requirements is met at once', () => {
    const p = { id: 'x', tiers: [tier('a', 0), tier('b', 1)] };
    assert.deepEqual(tierProgress(measures, p, 'a')?.met, true);
  });
});

const deal = (
  over: Partial<DealRegistration> & Pick<DealRegistration, 'status'>,
): EnterpriseMetricsInput['deals'][number] & PartnerMetricsInput['deals'][number] => ({
  partnerId: 'p1',
  programId: 'prog',
  submittedAt: daysAgo(10),
  approvalDueAt: inDays(1),
  decision: null,
  estimatedValue: usd(1000),
  ...over,
});

describe('partnerMetrics', () => {
  const membership = (
    programId: string,
    tierKey: string,
    status: MetricsMembership['status'],
  ): MetricsMembership => ({
    partnerId: 'p1',
    programId,
    tierKey,
    status,
    renewsAt: null,
    entitlements: [],
  });
  const input: PartnerMetricsInput = {
    partner: { id: 'p1', annualRevenue: usd(5_000_000), certifications: 2 },
    programs: [program],
    memberships: [
      {
        partnerId: 'p1',
        programId: 'prog',
        tierKey: 'registered',
        status: 'active',
        renewsAt: '2027-01-01T00:00:00Z',
        entitlements: [{ key: 'nfr', label: 'Demo licences', total: 5, used: 2 }],
      },
      membership('gone', 'gold', 'active'),
      membership('prog', 'silver', 'applied'),
      membership('prog', 'gold', 'expired'),
      { ...membership('prog', 'gold', 'active'), partnerId: 'p2' },
    ],
    deals: [
      deal({
        status: 'approved',
        submittedAt: '2026-05-01T00:00:00Z',
        decision: decision('approved', '2026-05-03T00:00:00Z'),
      }),
      deal({ status: 'submitted', submittedAt: '2026-06-01T00:00:00Z' }),
      deal({ status: 'approved', partnerId: 'p2', submittedAt: '2026-01-01T00:00:00Z' }),
    ],
    opportunities: [
      opp('closed_won', usd(300)),
      opp('closed_lost'),
      opp('proposal', usd(50)),
      opp('closed_won', usd(9), 'p2'),
    ],
    cases: [
      kase({ id: 'late', firstResponseDueAt: daysAgo(1) }),
      kase({ id: 'other', partnerId: 'p2', firstResponseDueAt: daysAgo(1) }),
    ],
    currency: 'USD',
    now: NOW,
  };
  const metrics = partnerMetrics(input);

  it('matches the PartnerMetrics schema', () => {
    assert.deepEqual(PartnerMetrics.parse(metrics), metrics);
  });

  it('ignores other partners’ records', () => {
    assert.equal(metrics.partnerId, 'p1');
    assert.equal(metrics.generatedAt, NOW);
    assert.equal(metrics.currency, 'USD');
    assert.equal(metrics.winRate, 0.5);
    assert.deepEqual(
      metrics.registrations.filter((r) => r.value > 0),
      [
        { key: 'submitted', value: 1 },
        { key: 'approved', value: 1 },
      ],
    );
    assert.deepEqual(metrics.registeredValueByMonth, [
      { key: '2026-05', count: 1, amounts: [usd(1000)] },
      { key: '2026-06', count: 1, amounts: [usd(1000)] },
    ]);
    assert.equal(metrics.averageDaysToApprove, 2);
    assert.deepEqual(metrics.registeredPipeline, { count: 2, amounts: [usd(2000)] });
    assert.deepEqual(metrics.pipeline.find((r) => r.key === 'closed_won')?.amounts, [usd(300)]);
    assert.deepEqual(
      metrics.cases.find((r) => r.key === 'new'),
      { key: 'new', value: 1 },
    );
    assert.deepEqual(metrics.sla.caseIds, ['late']);
  });

  it('lists live memberships, with progress for active ones', () => {
    assert.deepEqual(
      metrics.programs.map((p) => ({
        ...p,
        progress: p.progress && { next: p.progress.nextTierKey, met: p.progress.met },
      })),
      [
        {
          key: 'gone',
          status: 'active',
          tierKey: 'gold',
          renewsAt: null,
          entitlements: [],
          progress: null,
        },
        {
          key: 'prog',
          label: 'Reseller',
          status: 'active',
          tierKey: 'registered',
          tierName: 'Registered',
          renewsAt: '2027-01-01T00:00:00Z',
          entitlements: [{ key: 'nfr', label: 'Demo licences', total: 5, used: 2 }],
          progress: { next: 'silver', met: false },
        },
        {
          key: 'prog',
          label: 'Reseller',
          status: 'applied',
          tierKey: 'silver',
          tierName: 'Silver',
          renewsAt: null,
          entitlements: [],
          progress: null,
        },
      ],
    );
  });
});

describe('enterpriseMetrics', () => {
  const partner = (id: string, over: Partial<EnterpriseMetricsInput['partners'][number]> = {}) => ({
    id,
    name: `Partner ${id}`,
    country: 'DE',
    region: 'emea' as const,
    tier: 'silver' as const,
    status: 'active' as const,
    specializations: [],
    certifications: 0,
    ...over,
  });
  const input: EnterpriseMetricsInput = {
    now: NOW,
    partners: [
      partner('a', { tier: 'gold', specializations: ['cloud'] }),
      partner('b'),
      partner('c', { status: 'suspended', tier: 'platinum', specializations: ['cloud'] }),
      partner('d', { status: 'prospect' }),
      partner('e'),
    ],
    segments: [
      {
        id: 'seg-cloud',
        name: 'Cloud',
        rule: {
          match: 'all',
          criteria: [{ field: 'specializations', op: 'contains', value: 'cloud' }],
        },
        manualMemberIds: [],
      },
      { id: 'seg-vip', name: 'VIP', rule: null, manualMemberIds: ['b', 'c'] },
      { id: 'seg-none', name: 'Empty', rule: null, manualMemberIds: [] },
    ],
    memberships: [
      { programId: 'prog', status: 'active' },
      { programId: 'prog', status: 'active' },
      { programId: 'alpha', status: 'active' },
      { programId: 'prog', status: 'applied' },
    ],
    programs: [
      { id: 'prog', name: 'Reseller' },
      { id: 'quiet', name: 'Quiet program' },
    ],
    activities: [
      { partnerId: 'a', at: daysAgo(1) },
      { partnerId: 'a', at: daysAgo(2) },
      { partnerId: 'a', at: daysAgo(60) },
      { partnerId: 'b', at: daysAgo(45) },
      { partnerId: 'b', at: daysAgo(200) },
      { partnerId: 'e', at: daysAgo(120) },
      { partnerId: 'a', at: inDays(1) }, // in the future: ignored
      { partnerId: 'c', at: daysAgo(1) }, // suspended partner: not in engagement
      { partnerId: null, at: daysAgo(1) },
      { partnerId: 'zzz', at: daysAgo(1) },
    ],
    deals: [
      deal({
        partnerId: 'a',
        status: 'submitted',
        submittedAt: daysAgo(3),
        approvalDueAt: daysAgo(1),
        estimatedValue: usd(500),
      }),
      deal({
        partnerId: 'b',
        status: 'under_review',
        submittedAt: daysAgo(5),
        approvalDueAt: inDays(1),
        estimatedValue: usd(700),
      }),
      deal({
        partnerId: 'b',
        status: 'returned',
        submittedAt: daysAgo(9),
        approvalDueAt: null,
        estimatedValue: eur(50),
      }),
      deal({
        partnerId: 'a',
        status: 'approved',
        decision: decision('approved', daysAgo(8)),
        submittedAt: daysAgo(10),
        estimatedValue: usd(300),
      }),
      deal({
        partnerId: 'c',
        status: 'converted',
        programId: 'alpha',
        decision: decision('approved', daysAgo(6)),
        submittedAt: daysAgo(10),
      }),
      deal({
        partnerId: 'c',
        status: 'rejected',
        programId: 'alpha',
        decision: decision('rejected', daysAgo(6)),
      }),
      deal({ partnerId: 'e', status: 'expired', estimatedValue: usd(800) }),
      deal({
        partnerId: 'e',
        status: 'submitted',
        submittedAt: null,
        approvalDueAt: null,
        estimatedValue: usd(1),
      }),
      deal({ partnerId: 'ghost', status: 'approved', estimatedValue: usd(1) }),
    ],
    cases: [
      kase({ id: 'c1', partnerId: 'a', firstResponseDueAt: daysAgo(1) }),
      kase({ id: 'c2', partnerId: 'a' }),
      kase({
        id: 'c3',
        partnerId: 'b',
        status: 'in_progress',
        firstRespondedAt: daysAgo(2),
        resolutionDueAt: daysAgo(1),
      }),
      kase({ id: 'c4', partnerId: 'e' }),
      kase({ id: 'c5', partnerId: 'e' }),
      kase({ id: 'c6', partnerId: 'b', status: 'closed' }),
      kase({ id: 'c7', partnerId: 'ghost', firstResponseDueAt: daysAgo(1) }),
    ],
  };
  const metrics = enterpriseMetrics(input);

  it('matches the EnterpriseMetrics schema', () => {
    assert.deepEqual(EnterpriseMetrics.parse(metrics), metrics);
    assert.equal(metrics.generatedAt, NOW);
  });

  it('counts partners by status (all), tier and segment (active only)', () => {
    assert.deepEqual(
      metrics.partnersByStatus.map((r) => r.value),
      [1, 0, 3, 1, 0],
    );
    assert.deepEqual(metrics.partnersByTier, [
      { key: 'registered', value: 0 },
      { key: 'silver', value: 2 },
      { key: 'gold', value: 1 },
      { key: 'platinum', value: 0 },
    ]);
    assert.deepEqual(metrics.partnersBySegment, [
      { key: 'seg-cloud', label: 'Cloud', value: 1 },
      { key: 'seg-none', label: 'Empty', value: 0 },
      { key: 'seg-vip', label: 'VIP', value: 1 },
    ]);
  });

  it('counts active memberships per program', () => {
    assert.deepEqual(metrics.membersByProgram, [
      { key: 'alpha', value: 1 },
      { key: 'prog', label: 'Reseller', value: 2 },
    ]);
  });

  it('measures engagement of active partners over 30 and 90 days', () => {
    const { mostEngaged, leastEngaged, ...counts } = metrics.engagement;
    assert.deepEqual(counts, { active30Days: 1, active90Days: 2, inactive90Days: 1 });
    assert.deepEqual(mostEngaged, [
      { key: 'a', label: 'Partner a', last30Days: 2, last90Days: 3, lastActivityAt: daysAgo(1) },
      { key: 'b', label: 'Partner b', last30Days: 0, last90Days: 1, lastActivityAt: daysAgo(45) },
    ]);
    assert.deepEqual(
      leastEngaged.map((r) => r.key),
      ['e', 'b', 'a'],
    );
    assert.equal(leastEngaged[0]?.lastActivityAt, daysAgo(120));
  });

  it('breaks engagement ties by partner id', () => {
    const tied = enterpriseMetrics({
      ...input,
      partners: [partner('y'), partner('x'), partner('w'), partner('v')],
      activities: [
        { partnerId: 'y', at: daysAgo(3) },
        { partnerId: 'x', at: daysAgo(4) },
      ],
    });
    assert.deepEqual(
      tied.engagement.mostEngaged.map((r) => r.key),
      ['x', 'y'],
    );
    // Least engaged: never active by id; equally active, the older last activity first.
    assert.deepEqual(
      tied.engagement.leastEngaged.map((r) => r.key),
      ['v', 'w', 'x', 'y'],
    );
  });

  it('limits ranked lists to `top`', () => {
    const small = enterpriseMetrics({ ...input, top: 1 });
    assert.deepEqual(
      small.engagement.mostEngaged.map((r) => r.key),
      ['a'],
    );
    assert.deepEqual(
      small.engagement.leastEngaged.map((r) => r.key),
      ['e'],
    );
    assert.equal(small.casesByPartner.length, 1);
    assert.deepEqual(
      small.topPartnersByRegisteredValue.map((g) => g.rows.length),
      [1, 1],
    );
  });

  it('finds approvals waiting and overdue', () => {
    assert.deepEqual(metrics.approvals, { waiting: 3, overdue: 1, oldestSubmittedAt: daysAgo(5) });
    assert.equal(metrics.averageDaysToApprove, 3);
  });

  it('groups open cases by partner, most breaches first', () => {
    assert.deepEqual(metrics.casesByPartner, [
      { key: 'a', label: 'Partner a', open: 2, breached: 1 },
      { key: 'b', label: 'Partner b', open: 1, breached: 1 },
      { key: 'ghost', open: 1, breached: 1 },
      { key: 'e', label: 'Partner e', open: 2, breached: 0 },
    ]);
    assert.deepEqual(metrics.sla, {
      breached: 3,
      firstResponse: 2,
      resolution: 1,
      caseIds: ['c1', 'c3', 'c7'],
    });
    assert.equal(metrics.casesByStatus.find((r) => r.key === 'closed')?.value, 1);
  });

  it('ranks partners by live registered value within each currency', () => {
    assert.deepEqual(metrics.topPartnersByRegisteredValue, [
      { currency: 'EUR', rows: [{ key: 'b', label: 'Partner b', value: 50, count: 1 }] },
      {
        currency: 'USD',
        rows: [
          { key: 'a', label: 'Partner a', value: 800, count: 2 },
          { key: 'b', label: 'Partner b', value: 700, count: 1 },
          { key: 'e', label: 'Partner e', value: 1, count: 1 },
          { key: 'ghost', value: 1, count: 1 },
        ],
      },
    ]);
  });

  it('computes conversion per program from decided registrations', () => {
    assert.deepEqual(metrics.conversionByProgram, [
      { key: 'alpha', converted: 1, decided: 2, value: 0.5 },
      { key: 'prog', label: 'Reseller', converted: 0, decided: 3, value: 0 },
      { key: 'quiet', label: 'Quiet program', converted: 0, decided: 0, value: null },
    ]);
  });

  it('throws RangeError on an invalid now', () => {
    assert.throws(() => enterpriseMetrics({ ...input, now: 'tomorrow' }), RangeError);
  });

  it('handles no data at all', () => {
    const empty = enterpriseMetrics({
      now: NOW,
      partners: [],
      deals: [],
      cases: [],
      activities: [],
      memberships: [],
      segments: [],
    });
    assert.deepEqual(EnterpriseMetrics.parse(empty), empty);
    assert.deepEqual(empty.engagement, {
      active30Days: 0,
      active90Days: 0,
      inactive90Days: 0,
      mostEngaged: [],
      leastEngaged: [],
    });
    assert.deepEqual(empty.approvals, { waiting: 0, overdue: 0, oldestSubmittedAt: null });
    assert.equal(empty.averageDaysToApprove, null);
    assert.deepEqual(empty.topPartnersByRegisteredValue, []);
    assert.deepEqual(empty.conversionByProgram, []);
  });
});
