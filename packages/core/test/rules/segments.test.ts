import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluateCriterion,
  matchesSegment,
  partnerTierRank,
  segmentsFor,
  type SegmentPartner,
} from '../../src/rules/segments.js';
import { SegmentCriterion, type SegmentRule } from '../../src/schemas/segment.js';

const partner: SegmentPartner = {
  id: 'p1',
  country: 'DE',
  region: 'emea',
  tier: 'gold',
  status: 'active',
  specializations: ['security', 'cloud'],
  annualRevenue: { amount: 5_000_000_00, currency: 'EUR' },
  employees: 50,
  certifications: 3,
};
const bare: SegmentPartner = {
  ...partner,
  id: 'p2',
  annualRevenue: undefined,
  employees: undefined,
  specializations: [],
};

const c = (
  field: SegmentCriterion['field'],
  op: SegmentCriterion['op'],
  value: SegmentCriterion['value'],
): SegmentCriterion => ({ field, op, value });

describe('partnerTierRank', () => {
  it('ranks tiers low to high', () => {
    assert.deepEqual(
      (['registered', 'silver', 'gold', 'platinum'] as const).map(partnerTierRank),
      [0, 1, 2, 3],
    );
  });
});

describe('evaluateCriterion', () => {
  const cases: [string, SegmentPartner, SegmentCriterion, boolean][] = [
    // text fields, case-insensitive
    ['country eq, other case', partner, c('country', 'eq', 'de'), true],
    ['country eq, other country', partner, c('country', 'eq', 'FR'), false],
    ['country neq', partner, c('country', 'neq', 'FR'), true],
    ['country neq, same', partner, c('country', 'neq', 'de'), false],
    ['country in', partner, c('country', 'in', ['fr', 'De']), true],
    ['country in, absent', partner, c('country', 'in', ['FR', 'AT']), false],
    ['country in, empty list', partner, c('country', 'in', []), false],
    ['country not_in', partner, c('country', 'not_in', ['FR']), true],
    ['country not_in, listed', partner, c('country', 'not_in', ['de']), false],
    ['region contains substring', partner, c('region', 'contains', 'EM'), true],
    ['region contains, no substring', partner, c('region', 'contains', 'apac'), false],
    ['status eq', partner, c('status', 'eq', 'ACTIVE'), true],
    ['text gte never matches', partner, c('status', 'gte', 1), false],
    ['text lte never matches', partner, c('country', 'lte', 1), false],
    // tier by rank
    ['tier gte lower rank number', partner, c('tier', 'gte', 1), true],
    ['tier gte same rank', partner, c('tier', 'gte', 2), true],
    ['tier gte higher rank', partner, c('tier', 'gte', 3), false],
    ['tier lte higher rank', partner, c('tier', 'lte', 3), true],
    ['tier lte lower rank', partner, c('tier', 'lte', 1), false],
    ['tier gte key (silver)', partner, c('tier', 'gte', 'silver'), true],
    ['tier gte key (Platinum, other case)', partner, c('tier', 'gte', 'Platinum'), false],
    ['tier lte key', partner, c('tier', 'lte', 'gold'), true],
    ['tier gte unknown key', partner, c('tier', 'gte', 'diamond'), false],
    ['tier gte fractional rank', partner, c('tier', 'gte', 1.5), false],
    ['tier eq key', partner, c('tier', 'eq', 'GOLD'), true],
    ['tier eq other key', partner, c('tier', 'eq', 'silver'), false],
    ['tier neq', partner, c('tier', 'neq', 'silver'), true],
    ['tier in', partner, c('tier', 'in', ['gold', 'platinum']), true],
    ['tier not_in', partner, c('tier', 'not_in', ['gold']), false],
    ['tier contains never matches', partner, c('tier', 'contains', 'gold'), false],
    // specializations: a list
    ['specializations contains', partner, c('specializations', 'contains', 'Cloud'), true],
    ['specializations contains, absent', partner, c('specializations', 'contains', 'iot'), false],
    ['specializations eq means has', partner, c('specializations', 'eq', 'security'), true],
    [
      'specializations in, any overlap',
      partner,
      c('specializations', 'in', ['iot', 'cloud']),
      true,
    ],
    ['specializations in, no overlap', partner, c('specializations', 'in', ['iot', 'ai']), false],
    ['specializations not_in, none', partner, c('specializations', 'not_in', ['iot']), true],
    [
      'specializations not_in, overlap',
      partner,
      c('specializations', 'not_in', ['iot', 'cloud']),
      false,
    ],
    ['specializations neq', partner, c('specializations', 'neq', 'iot'), true],
    ['specializations gte never matches', partner, c('specializations', 'gte', 1), false],
    ['empty specializations in', bare, c('specializations', 'in', ['cloud']), false],
    ['empty specializations not_in', bare, c('specializations', 'not_in', ['cloud']), true],
    // annualRevenue in minor units
    ['revenue gte exact', partner, c('annualRevenue', 'gte', 5_000_000_00), true],
    ['revenue gte one unit more', partner, c('annualRevenue', 'gte', 5_000_000_01), false],
    ['revenue lte', partner, c('annualRevenue', 'lte', 5_000_000_00), true],
    ['revenue lte one unit less', partner, c('annualRevenue', 'lte', 4_999_999_99), false],
    ['revenue eq as text', partner, c('annualRevenue', 'eq', '500000000'), true],
    ['revenue neq as text', partner, c('annualRevenue', 'neq', '1'), true],
    ['revenue contains never matches', partner, c('annualRevenue', 'contains', '5'), false],
    ['no revenue: gte', bare, c('annualRevenue', 'gte', 0), false],
    ['no revenue: lte', bare, c('annualRevenue', 'lte', 10), false],
    ['no revenue: neq', bare, c('annualRevenue', 'neq', '1'), false],
    ['no revenue: not_in', bare, c('annualRevenue', 'not_in', ['1']), false],
    // counts
    ['employees gte', partner, c('employees', 'gte', 50), true],
    ['employees lte', partner, c('employees', 'lte', 49), false],
    ['employees in (text numbers)', partner, c('employees', 'in', ['10', ' 50 ']), true],
    ['employees not_in', partner, c('employees', 'not_in', ['10']), true],
    ['employees eq non-number text', partner, c('employees', 'eq', 'fifty'), false],
    ['employees eq empty text', partner, c('employees', 'eq', ''), false],
    ['employees gte NaN', partner, c('employees', 'gte', Number.NaN), false],
    ['no employees: gte 0', bare, c('employees', 'gte', 0), false],
    ['certifications eq', partner, c('certifications', 'eq', '3'), true],
    ['certifications gte', partner, c('certifications', 'gte', 4), false],
    ['certifications gte empty list', partner, c('certifications', 'gte', []), false],
  ];
  for (const [name, p, criterion, expected] of cases) {
    it(name, () => assert.equal(evaluateCriterion(p, criterion), expected));
  }
});

describe('SegmentCriterion schema: the values evaluateCriterion compares', () => {
  const cases: [string, SegmentCriterion, boolean][] = [
    ['tier gte a tier key', c('tier', 'gte', 'gold'), true],
    ['tier lte a tier key', c('tier', 'lte', 'silver'), true],
    ['tier gte a rank number', c('tier', 'gte', 2), true],
    ['tier gte an unknown tier', c('tier', 'gte', 'diamond'), false],
    ['tier lte an unknown tier', c('tier', 'lte', 'diamond'), false],
    ['a tier key is for tier only', c('employees', 'gte', 'gold'), false],
    ['employees gte a number', c('employees', 'gte', 50), true],
  ];
  for (const [name, criterion, accepted] of cases) {
    it(`${accepted ? 'accepts' : 'rejects'} ${name}`, () => {
      const result = SegmentCriterion.safeParse(criterion);
      assert.equal(result.success, accepted);
      if (!accepted) {
        assert.deepEqual(
          result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
          [['value', 'criterionValue']],
        );
      }
    });
  }
});

describe('matchesSegment / segmentsFor', () => {
  const allRule: SegmentRule = {
    match: 'all',
    criteria: [c('region', 'eq', 'emea'), c('tier', 'gte', 'platinum')],
  };
  const anyRule: SegmentRule = { ...allRule, match: 'any' };
  const cases: [string, { rule: SegmentRule | null; manualMemberIds: string[] }, boolean][] = [
    ['all: one fails', { rule: allRule, manualMemberIds: [] }, false],
    ['any: one passes', { rule: anyRule, manualMemberIds: [] }, true],
    [
      'all: every passes',
      { rule: { match: 'all', criteria: [c('region', 'eq', 'emea')] }, manualMemberIds: [] },
      true,
    ],
    [
      'any: none passes',
      { rule: { match: 'any', criteria: [c('region', 'eq', 'apac')] }, manualMemberIds: [] },
      false,
    ],
    ['no rule: manual only, not listed', { rule: null, manualMemberIds: ['x'] }, false],
    ['no rule: manual member', { rule: null, manualMemberIds: ['p1'] }, true],
    ['manual member despite a failing rule', { rule: allRule, manualMemberIds: ['p1'] }, true],
  ];
  for (const [name, segment, expected] of cases) {
    it(name, () => assert.equal(matchesSegment(partner, segment), expected));
  }

  it('lists matching segment ids in the given order', () => {
    const segments = [
      { id: 's-any', rule: anyRule, manualMemberIds: [] },
      { id: 's-all', rule: allRule, manualMemberIds: [] },
      { id: 's-manual', rule: null, manualMemberIds: ['p1'] },
      { id: 's-other', rule: null, manualMemberIds: ['p9'] },
    ];
    assert.deepEqual(segmentsFor(partner, segments), ['s-any', 's-manual']);
    assert.deepEqual(segmentsFor(partner, []), []);
  });
});
