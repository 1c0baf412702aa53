import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CASE_REOPEN_DAYS,
  DEFAULT_CASE_SLA,
  canReopenCase,
  reopenDeadline,
  caseDueTimes,
  caseSlaState,
  isCaseBreached,
  type CaseDueTimes,
  type CaseSlaFields,
  type CaseSlaOptions,
  type CaseSlaState,
} from '../../src/rules/sla.js';
import type { CasePriority } from '../../src/schemas/case.js';

// 2026-01-30 is a Friday.
describe('caseDueTimes', () => {
  const cases: {
    name: string;
    createdAt: string;
    priority: CasePriority;
    options?: CaseSlaOptions;
    expected: CaseDueTimes;
  }[] = [
    {
      name: 'critical counts calendar hours through the weekend',
      createdAt: '2026-01-30T20:00:00.000Z',
      priority: 'critical',
      expected: {
        firstResponseDueAt: '2026-01-30T21:00:00.000Z',
        resolutionDueAt: '2026-01-31T04:00:00.000Z',
      },
    },
    {
      name: 'high in business hours',
      createdAt: '2026-02-02T10:00:00.000Z',
      priority: 'high',
      expected: {
        firstResponseDueAt: '2026-02-02T14:00:00.000Z',
        resolutionDueAt: '2026-02-05T10:00:00.000Z',
      },
    },
    {
      name: 'medium raised on Friday evening',
      createdAt: '2026-01-30T18:00:00.000Z',
      priority: 'medium',
      expected: {
        firstResponseDueAt: '2026-02-02T17:00:00.000Z',
        resolutionDueAt: '2026-02-09T17:00:00.000Z',
      },
    },
    {
      name: 'low',
      createdAt: '2026-02-02T09:00:00.000Z',
      priority: 'low',
      expected: {
        firstResponseDueAt: '2026-02-04T17:00:00.000Z',
        resolutionDueAt: '2026-02-20T17:00:00.000Z',
      },
    },
    {
      name: "a tier's shorter first response replaces the default",
      createdAt: '2026-02-02T09:00:00.000Z',
      priority: 'low',
      options: { tierBenefits: { caseFirstResponseHours: 2 } },
      expected: {
        firstResponseDueAt: '2026-02-02T11:00:00.000Z',
        resolutionDueAt: '2026-02-20T17:00:00.000Z',
      },
    },
    {
      name: "a tier's longer first response never loosens critical",
      createdAt: '2026-01-31T12:00:00.000Z',
      priority: 'critical',
      options: { tierBenefits: { caseFirstResponseHours: 4 } },
      expected: {
        firstResponseDueAt: '2026-01-31T13:00:00.000Z',
        resolutionDueAt: '2026-01-31T20:00:00.000Z',
      },
    },
    {
      name: 'a tier without the benefit changes nothing',
      createdAt: '2026-02-02T10:00:00.000Z',
      priority: 'high',
      options: { tierBenefits: {} },
      expected: {
        firstResponseDueAt: '2026-02-02T14:00:00.000Z',
        resolutionDueAt: '2026-02-05T10:00:00.000Z',
      },
    },
    {
      name: 'custom targets per priority',
      createdAt: '2026-02-02T10:00:00.000Z',
      priority: 'high',
      options: { targets: { high: { resolutionHours: 8 }, low: { firstResponseHours: 1 } } },
      expected: {
        firstResponseDueAt: '2026-02-02T14:00:00.000Z',
        resolutionDueAt: '2026-02-03T10:00:00.000Z',
      },
    },
    {
      name: 'custom first response, tier is tighter still',
      createdAt: '2026-02-02T10:00:00.000Z',
      priority: 'medium',
      options: {
        targets: { medium: { firstResponseHours: 6 } },
        tierBenefits: { caseFirstResponseHours: 3 },
      },
      expected: {
        firstResponseDueAt: '2026-02-02T13:00:00.000Z',
        resolutionDueAt: '2026-02-10T10:00:00.000Z',
      },
    },
    {
      name: 'business calendar in a time zone',
      createdAt: '2026-02-02T10:00:00.000Z', // 05:00 in New York
      priority: 'high',
      options: { calendar: { timeZone: 'America/New_York' } },
      expected: {
        firstResponseDueAt: '2026-02-02T18:00:00.000Z',
        resolutionDueAt: '2026-02-04T22:00:00.000Z',
      },
    },
    {
      name: 'critical ignores the business calendar',
      createdAt: '2026-02-01T03:00:00.000Z',
      priority: 'critical',
      options: { calendar: { timeZone: 'America/New_York' } },
      expected: {
        firstResponseDueAt: '2026-02-01T04:00:00.000Z',
        resolutionDueAt: '2026-02-01T11:00:00.000Z',
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(caseDueTimes(c.createdAt, c.priority, c.options), c.expected);
    });
  }

  it('has a target for every priority, resolution after first response', () => {
    for (const target of Object.values(DEFAULT_CASE_SLA)) {
      assert.ok(
        target.firstResponseHours > 0 && target.resolutionHours > target.firstResponseHours,
      );
    }
  });

  const invalid: { name: string; call: () => unknown }[] = [
    { name: 'invalid createdAt, critical', call: () => caseDueTimes('yesterday', 'critical') },
    { name: 'invalid createdAt, business hours', call: () => caseDueTimes('yesterday', 'low') },
    {
      name: 'negative target, critical',
      call: () =>
        caseDueTimes('2026-02-02T10:00:00Z', 'critical', {
          targets: { critical: { resolutionHours: -1 } },
        }),
    },
  ];
  for (const c of invalid) {
    it(`throws RangeError: ${c.name}`, () => {
      assert.throws(c.call, RangeError);
    });
  }
});

describe('caseSlaState / isCaseBreached', () => {
  const due: Pick<CaseSlaFields, 'firstResponseDueAt' | 'resolutionDueAt'> = {
    firstResponseDueAt: '2026-02-02T14:00:00.000Z',
    resolutionDueAt: '2026-02-05T10:00:00.000Z',
  };
  const cases: {
    name: string;
    firstRespondedAt?: string;
    resolvedAt?: string;
    now: string;
    expected: CaseSlaState;
  }[] = [
    {
      name: 'new, both clocks running',
      now: '2026-02-02T11:00:00.000Z',
      expected: {
        firstResponse: 'pending',
        resolution: 'pending',
        breached: false,
        nextDueAt: due.firstResponseDueAt,
      },
    },
    {
      name: 'exactly at the due time is still pending',
      now: due.firstResponseDueAt,
      expected: {
        firstResponse: 'pending',
        resolution: 'pending',
        breached: false,
        nextDueAt: due.firstResponseDueAt,
      },
    },
    {
      name: 'no response past the due time',
      now: '2026-02-02T14:00:00.001Z',
      expected: {
        firstResponse: 'breached',
        resolution: 'pending',
        breached: true,
        nextDueAt: due.resolutionDueAt,
      },
    },
    {
      name: 'responded in time',
      firstRespondedAt: '2026-02-02T13:00:00.000Z',
      now: '2026-02-03T09:00:00.000Z',
      expected: {
        firstResponse: 'met',
        resolution: 'pending',
        breached: false,
        nextDueAt: due.resolutionDueAt,
      },
    },
    {
      name: 'responded exactly on time',
      firstRespondedAt: due.firstResponseDueAt,
      now: '2026-02-03T09:00:00.000Z',
      expected: {
        firstResponse: 'met',
        resolution: 'pending',
        breached: false,
        nextDueAt: due.resolutionDueAt,
      },
    },
    {
      name: 'responded late stays breached',
      firstRespondedAt: '2026-02-02T15:00:00.000Z',
      now: '2026-02-03T09:00:00.000Z',
      expected: {
        firstResponse: 'breached',
        resolution: 'pending',
        breached: true,
        nextDueAt: due.resolutionDueAt,
      },
    },
    {
      name: 'resolved in time',
      firstRespondedAt: '2026-02-02T13:00:00.000Z',
      resolvedAt: '2026-02-04T10:00:00.000Z',
      now: '2026-03-01T00:00:00.000Z',
      expected: { firstResponse: 'met', resolution: 'met', breached: false, nextDueAt: null },
    },
    {
      name: 'resolved late',
      firstRespondedAt: '2026-02-02T13:00:00.000Z',
      resolvedAt: '2026-02-06T10:00:00.000Z',
      now: '2026-03-01T00:00:00.000Z',
      expected: { firstResponse: 'met', resolution: 'breached', breached: true, nextDueAt: null },
    },
    {
      name: 'not resolved past the resolution due time',
      firstRespondedAt: '2026-02-02T13:00:00.000Z',
      now: '2026-02-05T10:00:01.000Z',
      expected: { firstResponse: 'met', resolution: 'breached', breached: true, nextDueAt: null },
    },
    {
      name: 'resolved without a comment counts as the first response',
      resolvedAt: '2026-02-02T12:00:00.000Z',
      now: '2026-03-01T00:00:00.000Z',
      expected: { firstResponse: 'met', resolution: 'met', breached: false, nextDueAt: null },
    },
    {
      name: 'resolved late without a comment breaches both',
      resolvedAt: '2026-02-02T15:00:00.000Z',
      now: '2026-03-01T00:00:00.000Z',
      expected: { firstResponse: 'breached', resolution: 'met', breached: true, nextDueAt: null },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const kase: CaseSlaFields = {
        ...due,
        firstRespondedAt: c.firstRespondedAt ?? null,
        resolvedAt: c.resolvedAt ?? null,
      };
      assert.deepEqual(caseSlaState(kase, c.now), c.expected);
      assert.equal(isCaseBreached(kase, c.now), c.expected.breached);
    });
  }

  it('orders nextDueAt by instant, whatever the offsets, and returns it in UTC', () => {
    const state = caseSlaState(
      {
        firstResponseDueAt: '2026-02-02T15:00:00+02:00', // 13:00Z
        resolutionDueAt: '2026-02-02T14:00:00Z',
        firstRespondedAt: null,
        resolvedAt: null,
      },
      '2026-02-02T12:00:00Z',
    );
    assert.equal(state.nextDueAt, '2026-02-02T13:00:00.000Z');
  });

  it('throws RangeError on an invalid now', () => {
    assert.throws(
      () => caseSlaState({ ...due, firstRespondedAt: null, resolvedAt: null }, 'now'),
      RangeError,
    );
  });
});

describe('reopening a resolved case', () => {
  const resolvedAt = '2026-03-01T10:00:00.000Z';
  const resolved = { status: 'resolved' as const, resolvedAt };
  it('is allowed until CASE_REOPEN_DAYS after resolution, and not after', () => {
    assert.equal(CASE_REOPEN_DAYS, 14);
    assert.equal(reopenDeadline(resolved), '2026-03-15T10:00:00.000Z');
    const cases: [string, boolean][] = [
      ['2026-03-01T10:00:00.000Z', true],
      ['2026-03-15T10:00:00.000Z', true],
      ['2026-03-15T10:00:00.001Z', false],
    ];
    for (const [now, expected] of cases) assert.equal(canReopenCase(resolved, now), expected, now);
    assert.equal(canReopenCase(resolved, '2026-03-03T10:00:00.000Z', 1), false, 'custom window');
  });

  it('has no deadline for a case that is not resolved', () => {
    assert.equal(reopenDeadline({ status: 'closed', resolvedAt }), null);
    assert.equal(reopenDeadline({ status: 'resolved', resolvedAt: null }), null);
    assert.equal(canReopenCase({ status: 'in_progress', resolvedAt: null }, resolvedAt), false);
  });
});
