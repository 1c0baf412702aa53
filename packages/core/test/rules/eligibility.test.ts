import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  eligiblePrograms,
  programEligibility,
  type EligibilityMembership,
  type EligibilityOptions,
  type EligibilityPartner,
  type EligibilityProgram,
} from '../../src/rules/eligibility.js';
import type { IneligibilityReason } from '../../src/schemas/program.js';

const partner: EligibilityPartner = {
  id: 'p1',
  status: 'active',
  tier: 'silver',
  country: 'DE',
  segmentIds: ['seg-emea'],
};

const program = (overrides: Partial<EligibilityProgram> = {}): EligibilityProgram => ({
  id: 'prog-1',
  status: 'active',
  eligibility: { segmentIds: [], minimumTier: null, countries: [] },
  ...overrides,
});

const membership = (
  status: EligibilityMembership['status'],
  over: Partial<EligibilityMembership> = {},
): EligibilityMembership => ({
  id: 'm1',
  partnerId: 'p1',
  programId: 'prog-1',
  status,
  ...over,
});

describe('programEligibility', () => {
  const cases: {
    name: string;
    partner?: Partial<EligibilityPartner>;
    program?: Partial<EligibilityProgram>;
    options?: EligibilityOptions;
    reasons: IneligibilityReason[];
  }[] = [
    { name: 'open program, active partner', reasons: [] },
    { name: 'onboarding partner may apply', partner: { status: 'onboarding' }, reasons: [] },
    {
      name: 'prospect may not',
      partner: { status: 'prospect' },
      reasons: [{ code: 'partner_not_active', status: 'prospect' }],
    },
    {
      name: 'suspended partner may not',
      partner: { status: 'suspended' },
      reasons: [{ code: 'partner_not_active', status: 'suspended' }],
    },
    {
      name: 'terminated partner may not',
      partner: { status: 'terminated' },
      reasons: [{ code: 'partner_not_active', status: 'terminated' }],
    },
    {
      name: 'draft program',
      program: { status: 'draft' },
      reasons: [{ code: 'program_not_active', status: 'draft' }],
    },
    {
      name: 'retired program',
      program: { status: 'retired' },
      reasons: [{ code: 'program_not_active', status: 'retired' }],
    },
    {
      name: 'in one of the required segments',
      program: {
        eligibility: { segmentIds: ['seg-x', 'seg-emea'], minimumTier: null, countries: [] },
      },
      reasons: [],
    },
    {
      name: 'in none of the required segments',
      program: {
        eligibility: { segmentIds: ['seg-x', 'seg-y'], minimumTier: null, countries: [] },
      },
      reasons: [{ code: 'segment_required', segmentIds: ['seg-x', 'seg-y'] }],
    },
    {
      name: 'evaluated segments replace the stored ones',
      program: { eligibility: { segmentIds: ['seg-x'], minimumTier: null, countries: [] } },
      options: { segmentIds: ['seg-x'] },
      reasons: [],
    },
    {
      name: 'evaluated segments: no longer in the segment',
      program: { eligibility: { segmentIds: ['seg-emea'], minimumTier: null, countries: [] } },
      options: { segmentIds: [] },
      reasons: [{ code: 'segment_required', segmentIds: ['seg-emea'] }],
    },
    {
      name: 'tier exactly the minimum',
      program: { eligibility: { segmentIds: [], minimumTier: 'silver', countries: [] } },
      reasons: [],
    },
    {
      name: 'tier above the minimum',
      partner: { tier: 'platinum' },
      program: { eligibility: { segmentIds: [], minimumTier: 'gold', countries: [] } },
      reasons: [],
    },
    {
      name: 'tier below the minimum',
      program: { eligibility: { segmentIds: [], minimumTier: 'gold', countries: [] } },
      reasons: [{ code: 'tier_too_low', required: 'gold', actual: 'silver' }],
    },
    {
      name: 'country covered',
      program: { eligibility: { segmentIds: [], minimumTier: null, countries: ['AT', 'DE'] } },
      reasons: [],
    },
    {
      name: 'country not covered',
      program: { eligibility: { segmentIds: [], minimumTier: null, countries: ['US'] } },
      reasons: [{ code: 'country_not_covered', country: 'DE' }],
    },
    ...(['applied', 'active', 'suspended'] as const).map((status) => ({
      name: `already a member (${status})`,
      options: { memberships: [membership(status)] },
      reasons: [{ code: 'already_member', status, membershipId: 'm1' }] as IneligibilityReason[],
    })),
    ...(['rejected', 'expired', 'withdrawn'] as const).map((status) => ({
      name: `may apply again after ${status}`,
      options: { memberships: [membership(status)] },
      reasons: [],
    })),
    {
      name: "another partner's or program's membership does not count",
      options: {
        memberships: [
          membership('active', { partnerId: 'p2' }),
          membership('active', { programId: 'prog-2' }),
        ],
      },
      reasons: [],
    },
    {
      name: 'every failing reason is listed, in order',
      partner: { status: 'suspended', tier: 'registered', country: 'BR' },
      program: {
        status: 'retired',
        eligibility: { segmentIds: ['seg-x'], minimumTier: 'platinum', countries: ['DE'] },
      },
      options: {
        memberships: [membership('expired', { id: 'm0' }), membership('suspended', { id: 'm2' })],
      },
      reasons: [
        { code: 'program_not_active', status: 'retired' },
        { code: 'partner_not_active', status: 'suspended' },
        { code: 'segment_required', segmentIds: ['seg-x'] },
        { code: 'tier_too_low', required: 'platinum', actual: 'registered' },
        { code: 'country_not_covered', country: 'BR' },
        { code: 'already_member', status: 'suspended', membershipId: 'm2' },
      ],
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = programEligibility(
        { ...partner, ...testCase.partner },
        program(testCase.program),
        testCase.options,
      );
      assert.deepEqual(result, {
        eligible: testCase.reasons.length === 0,
        reasons: testCase.reasons,
      });
    });
  }

  it('does not share the program’s segment list with the reason', () => {
    const p = program({ eligibility: { segmentIds: ['seg-x'], minimumTier: null, countries: [] } });
    const [reason] = programEligibility(partner, p).reasons;
    assert.ok(reason?.code === 'segment_required');
    reason.segmentIds.push('mutated');
    assert.deepEqual(p.eligibility.segmentIds, ['seg-x']);
  });
});

describe('eligiblePrograms', () => {
  it('keeps the programs the partner may apply to, in order', () => {
    const programs = [
      program({ id: 'a' }),
      program({ id: 'b', status: 'draft' }),
      program({ id: 'c', eligibility: { segmentIds: [], minimumTier: 'gold', countries: [] } }),
      program({ id: 'd' }),
      program({ id: 'e' }),
    ];
    const memberships = [membership('active', { programId: 'e' })];
    assert.deepEqual(
      eligiblePrograms(partner, programs, { memberships }).map((p) => p.id),
      ['a', 'd'],
    );
    assert.deepEqual(eligiblePrograms({ ...partner, status: 'prospect' }, programs), []);
  });
});
