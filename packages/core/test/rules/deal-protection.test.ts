import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrmError } from '../../src/errors.js';
import {
  approvalDueAt,
  autoDecision,
  dealsToExpire,
  extendProtection,
  extensionEligibility,
  approvalState,
  isApprovalOverdue,
  isMaterialChange,
  dealEditEffect,
  isProtectionExpired,
  materialChanges,
  protectionRemaining,
  protectionWindow,
  type AutoDecision,
  type MaterialBefore,
  type MaterialField,
  type MaterialPatch,
} from '../../src/rules/deal-protection.js';
import type {
  DealRegistration,
  DealStatus,
  ExtensionRequest,
  Protection,
} from '../../src/schemas/deal.js';
import type { DealRegistrationRules } from '../../src/schemas/program.js';

const rules: DealRegistrationRules = {
  enabled: true,
  dealTypes: ['new_business', 'upsell', 'renewal'],
  exclusivityDays: 90,
  extensionDays: 30,
  maxExtensions: 1,
  minimumValue: { amount: 500_000, currency: 'USD' },
  approvalRequired: true,
  autoApproveBelow: { amount: 2_500_000, currency: 'USD' },
  approvalSlaHours: 16,
  conflictPolicy: 'first_come',
};

const window90: Protection = {
  startsAt: '2026-02-02T10:00:00.000Z',
  endsAt: '2026-05-03T10:00:00.000Z',
  extensions: 0,
};

describe('approvalDueAt', () => {
  const cases: { name: string; submittedAt: string; slaHours: number; expected: string }[] = [
    {
      name: 'two business days from Monday morning',
      submittedAt: '2026-02-02T09:00:00.000Z',
      slaHours: 16,
      expected: '2026-02-03T17:00:00.000Z',
    },
    {
      name: 'Friday afternoon runs into next week',
      submittedAt: '2026-01-30T15:00:00.000Z',
      slaHours: 16,
      expected: '2026-02-03T15:00:00.000Z',
    },
    {
      name: 'submitted on Saturday',
      submittedAt: '2026-01-31T15:00:00.000Z',
      slaHours: 8,
      expected: '2026-02-02T17:00:00.000Z',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(approvalDueAt(c.submittedAt, { approvalSlaHours: c.slaHours }), c.expected);
    });
  }

  it('uses the calendar given', () => {
    assert.equal(
      approvalDueAt(
        '2026-02-02T09:00:00.000Z',
        { approvalSlaHours: 1 },
        { timeZone: 'America/New_York' },
      ),
      '2026-02-02T15:00:00.000Z',
    );
  });
});

describe('approvalState', () => {
  const due = '2026-02-03T17:00:00.000Z';
  const cases: [DealStatus, string | null, string, ReturnType<typeof approvalState>][] = [
    ['submitted', due, '2026-02-03T17:00:01.000Z', 'overdue'],
    ['under_review', due, due, 'due_soon'],
    ['submitted', due, '2026-02-02T17:00:00.000Z', 'due_soon'],
    ['submitted', due, '2026-02-02T16:59:59.000Z', 'on_time'],
    ['returned', due, '2026-02-03T16:00:00.000Z', null],
    ['approved', due, '2026-02-03T16:00:00.000Z', null],
    ['submitted', null, '2026-02-03T16:00:00.000Z', null],
  ];
  for (const [status, approvalDueAt, now, expected] of cases) {
    it(`${status}, due ${String(approvalDueAt)}, now ${now} → ${String(expected)}`, () => {
      assert.equal(approvalState({ status, approvalDueAt }, now), expected);
    });
  }
});

describe('isApprovalOverdue', () => {
  const due = '2026-02-03T17:00:00.000Z';
  const cases: {
    status: DealStatus;
    approvalDueAt: string | null;
    now: string;
    expected: boolean;
  }[] = [
    { status: 'submitted', approvalDueAt: due, now: '2026-02-03T17:00:01.000Z', expected: true },
    { status: 'under_review', approvalDueAt: due, now: '2026-02-04T09:00:00.000Z', expected: true },
    { status: 'submitted', approvalDueAt: due, now: due, expected: false },
    { status: 'submitted', approvalDueAt: due, now: '2026-02-03T16:00:00.000Z', expected: false },
    { status: 'submitted', approvalDueAt: null, now: '2027-01-01T00:00:00.000Z', expected: false },
    { status: 'returned', approvalDueAt: due, now: '2026-02-10T00:00:00.000Z', expected: false },
    { status: 'approved', approvalDueAt: due, now: '2026-02-10T00:00:00.000Z', expected: false },
    { status: 'draft', approvalDueAt: due, now: '2026-02-10T00:00:00.000Z', expected: false },
  ];
  for (const c of cases) {
    it(`${c.status}, due ${String(c.approvalDueAt)}, now ${c.now} → ${String(c.expected)}`, () => {
      assert.equal(isApprovalOverdue(c, c.now), c.expected);
    });
  }

  it('throws RangeError on an invalid now', () => {
    assert.throws(
      () => isApprovalOverdue({ status: 'submitted', approvalDueAt: due }, 'soon'),
      RangeError,
    );
  });
});

describe('protectionWindow', () => {
  const cases: { approvedAt: string; days: number; expected: Protection }[] = [
    { approvedAt: '2026-02-02T10:00:00.000Z', days: 90, expected: window90 },
    {
      approvedAt: '2026-02-02T10:00:00+02:00',
      days: 1,
      expected: {
        startsAt: '2026-02-02T08:00:00.000Z',
        endsAt: '2026-02-03T08:00:00.000Z',
        extensions: 0,
      },
    },
    {
      approvedAt: '2028-02-28T00:00:00Z',
      days: 2,
      expected: {
        startsAt: '2028-02-28T00:00:00.000Z',
        endsAt: '2028-03-01T00:00:00.000Z',
        extensions: 0,
      },
    },
  ];
  for (const c of cases) {
    it(`${c.approvedAt} + ${String(c.days)} days`, () => {
      assert.deepEqual(protectionWindow(c.approvedAt, { exclusivityDays: c.days }), c.expected);
    });
  }
});

describe('isProtectionExpired / dealsToExpire', () => {
  type D = Pick<DealRegistration, 'id' | 'status' | 'protection'>;
  const deals: D[] = [
    { id: 'running', status: 'approved', protection: window90 },
    {
      id: 'ended',
      status: 'approved',
      protection: { ...window90, endsAt: '2026-03-01T00:00:00.000Z' },
    },
    {
      id: 'ends-now',
      status: 'approved',
      protection: { ...window90, endsAt: '2026-04-01T00:00:00.000Z' },
    },
    {
      id: 'converted',
      status: 'converted',
      protection: { ...window90, endsAt: '2026-03-01T00:00:00.000Z' },
    },
    {
      id: 'already-expired',
      status: 'expired',
      protection: { ...window90, endsAt: '2026-03-01T00:00:00.000Z' },
    },
    { id: 'no-window', status: 'approved', protection: null },
    { id: 'pending', status: 'submitted', protection: null },
  ];
  const now = '2026-04-01T00:00:00.000Z';
  const expired: Record<string, boolean> = {
    running: false,
    ended: true,
    'ends-now': true,
    converted: true,
    'already-expired': true,
    'no-window': false,
    pending: false,
  };
  for (const deal of deals) {
    it(`isProtectionExpired(${deal.id}) → ${String(expired[deal.id])}`, () => {
      assert.equal(isProtectionExpired(deal, now), expired[deal.id]);
    });
  }

  it('lists only approved registrations whose window ended', () => {
    assert.deepEqual(dealsToExpire(deals, now), ['ended', 'ends-now']);
    assert.deepEqual(dealsToExpire([], now), []);
  });
});

describe('protectionRemaining', () => {
  const short: Protection = {
    startsAt: '2026-02-01T00:00:00.000Z',
    endsAt: '2026-02-11T00:00:00.000Z',
    extensions: 0,
  };
  const cases: {
    name: string;
    protection: Protection;
    now: string;
    expected: { days: number; hours: number; ended: boolean; expiringSoon: boolean };
  }[] = [
    {
      name: 'just approved',
      protection: window90,
      now: window90.startsAt,
      expected: { days: 90, hours: 0, ended: false, expiringSoon: false },
    },
    {
      name: 'days and hours',
      protection: window90,
      now: '2026-04-30T05:30:00.000Z',
      expected: { days: 3, hours: 4, ended: false, expiringSoon: true },
    },
    {
      name: 'exactly 7 days left',
      protection: window90,
      now: '2026-04-26T10:00:00.000Z',
      expected: { days: 7, hours: 0, ended: false, expiringSoon: true },
    },
    {
      name: 'just over 7 days left',
      protection: window90,
      now: '2026-04-26T09:59:59.000Z',
      expected: { days: 7, hours: 0, ended: false, expiringSoon: false },
    },
    {
      name: 'minutes left',
      protection: window90,
      now: '2026-05-03T09:30:00.000Z',
      expected: { days: 0, hours: 0, ended: false, expiringSoon: true },
    },
    {
      name: 'ended',
      protection: window90,
      now: window90.endsAt,
      expected: { days: 0, hours: 0, ended: true, expiringSoon: false },
    },
    {
      name: 'long after the end',
      protection: window90,
      now: '2027-01-01T00:00:00.000Z',
      expected: { days: 0, hours: 0, ended: true, expiringSoon: false },
    },
    // A 10-day window: 20 % is 2 days, shorter than 7.
    {
      name: 'short window, 3 days left',
      protection: short,
      now: '2026-02-08T00:00:00.000Z',
      expected: { days: 3, hours: 0, ended: false, expiringSoon: false },
    },
    {
      name: 'short window, 2 days left',
      protection: short,
      now: '2026-02-09T00:00:00.000Z',
      expected: { days: 2, hours: 0, ended: false, expiringSoon: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const remaining = protectionRemaining({ protection: c.protection }, c.now);
      assert.ok(remaining);
      const { days, hours, ended, expiringSoon } = remaining;
      assert.deepEqual({ days, hours, ended, expiringSoon }, c.expected);
      assert.equal(remaining.ms, Math.max(0, Date.parse(c.protection.endsAt) - Date.parse(c.now)));
    });
  }

  it('is null without a window', () => {
    assert.equal(protectionRemaining({ protection: null }, window90.startsAt), null);
  });
});

describe('extensionEligibility', () => {
  const requested: ExtensionRequest = {
    requestedAt: '2026-04-20T00:00:00.000Z',
    requestedBy: 'u1',
    reason: 'Customer procurement delayed',
    status: 'requested',
  };
  const now = '2026-04-25T00:00:00.000Z';
  type Deal = Pick<DealRegistration, 'status' | 'protection' | 'extension'>;
  const approved: Deal = { status: 'approved', protection: window90, extension: null };
  const cases: {
    name: string;
    deal: Deal;
    rules?: Pick<DealRegistrationRules, 'maxExtensions' | 'extensionDays'>;
    now?: string;
    expected: ReturnType<typeof extensionEligibility>;
  }[] = [
    { name: 'eligible', deal: approved, expected: { eligible: true } },
    {
      name: 'program allows none',
      deal: approved,
      rules: { maxExtensions: 0, extensionDays: 30 },
      expected: { eligible: false, reason: 'extensions_disabled' },
    },
    {
      name: 'zero-day extensions',
      deal: approved,
      rules: { maxExtensions: 2, extensionDays: 0 },
      expected: { eligible: false, reason: 'extensions_disabled' },
    },
    {
      name: 'not approved yet',
      deal: { ...approved, status: 'under_review', protection: null },
      expected: { eligible: false, reason: 'not_approved' },
    },
    {
      name: 'approved without a window',
      deal: { ...approved, protection: null },
      expected: { eligible: false, reason: 'not_approved' },
    },
    {
      name: 'converted',
      deal: { ...approved, status: 'converted' },
      expected: { eligible: false, reason: 'not_approved' },
    },
    {
      name: 'window ended',
      deal: approved,
      now: window90.endsAt,
      expected: { eligible: false, reason: 'window_ended' },
    },
    {
      name: 'limit reached',
      deal: { ...approved, protection: { ...window90, extensions: 1 } },
      expected: { eligible: false, reason: 'limit_reached' },
    },
    {
      name: 'a request is pending',
      deal: { ...approved, extension: requested },
      expected: { eligible: false, reason: 'already_requested' },
    },
    {
      name: 'an earlier request was denied: may ask again',
      deal: { ...approved, extension: { ...requested, status: 'denied' } },
      expected: { eligible: true },
    },
    {
      name: 'one granted, a second allowed',
      deal: {
        ...approved,
        protection: { ...window90, extensions: 1 },
        extension: { ...requested, status: 'granted' },
      },
      rules: { maxExtensions: 2, extensionDays: 30 },
      expected: { eligible: true },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(extensionEligibility(c.deal, c.rules ?? rules, c.now ?? now), c.expected);
    });
  }
});

describe('extendProtection', () => {
  it('adds extensionDays to the current end and counts the extension', () => {
    assert.deepEqual(extendProtection(window90, rules), {
      startsAt: window90.startsAt,
      endsAt: '2026-06-02T10:00:00.000Z',
      extensions: 1,
    });
  });

  it('extends again while the limit allows', () => {
    const twice = extendProtection(extendProtection(window90, { ...rules, maxExtensions: 2 }), {
      ...rules,
      maxExtensions: 2,
    });
    assert.equal(twice.endsAt, '2026-07-02T10:00:00.000Z');
    assert.equal(twice.extensions, 2);
  });

  const refused: {
    name: string;
    protection: Protection;
    rules: Pick<DealRegistrationRules, 'maxExtensions' | 'extensionDays'>;
  }[] = [
    { name: 'limit reached', protection: { ...window90, extensions: 1 }, rules },
    {
      name: 'extensions disabled',
      protection: window90,
      rules: { maxExtensions: 0, extensionDays: 30 },
    },
    {
      name: 'zero-day extensions',
      protection: window90,
      rules: { maxExtensions: 3, extensionDays: 0 },
    },
  ];
  for (const c of refused) {
    it(`throws invalid_transition: ${c.name}`, () => {
      assert.throws(
        () => extendProtection(c.protection, c.rules),
        (error: unknown) => isPrmError(error, 'invalid_transition'),
      );
    });
  }
});

describe('materialChanges / isMaterialChange', () => {
  const before: MaterialBefore = {
    programId: 'prog-1',
    dealType: 'new_business',
    customer: { company: 'Acme, Inc.', domain: 'acme.com', country: 'US' },
    products: [
      { productId: 'a', quantity: 10 },
      { productId: 'b', quantity: 1 },
    ],
    estimatedValue: { amount: 1_000_000, currency: 'USD' },
  };
  const customer = before.customer;
  const cases: {
    name: string;
    patch: MaterialPatch;
    expected: MaterialField[];
    toleranceBps?: number;
  }[] = [
    { name: 'empty patch', patch: {}, expected: [] },
    { name: 'same values', patch: { ...before }, expected: [] },
    { name: 'program', patch: { programId: 'prog-2' }, expected: ['programId'] },
    { name: 'deal type', patch: { dealType: 'upsell' }, expected: ['dealType'] },
    {
      name: 'company spelling only',
      patch: { customer: { ...customer, company: 'ACME Corporation' } },
      expected: [],
    },
    {
      name: 'another company',
      patch: { customer: { ...customer, company: 'Globex' } },
      expected: ['customer.company'],
    },
    {
      name: 'domain spelling only',
      patch: { customer: { ...customer, domain: 'www.ACME.com' } },
      expected: [],
    },
    {
      name: 'another domain',
      patch: { customer: { ...customer, domain: 'acme.io' } },
      expected: ['customer.domain'],
    },
    {
      name: 'domain removed',
      patch: { customer: { company: customer.company, country: 'US' } },
      expected: ['customer.domain'],
    },
    {
      name: 'country',
      patch: { customer: { ...customer, country: 'CA' } },
      expected: ['customer.country'],
    },
    {
      name: 'products reordered',
      patch: {
        products: [
          { productId: 'b', quantity: 1 },
          { productId: 'a', quantity: 10 },
        ],
      },
      expected: [],
    },
    {
      name: 'a line split in two',
      patch: {
        products: [
          { productId: 'a', quantity: 4 },
          { productId: 'b', quantity: 1 },
          { productId: 'a', quantity: 6 },
        ],
      },
      expected: [],
    },
    {
      name: 'quantity changed',
      patch: {
        products: [
          { productId: 'a', quantity: 11 },
          { productId: 'b', quantity: 1 },
        ],
      },
      expected: ['products'],
    },
    {
      name: 'product added',
      patch: { products: [...before.products, { productId: 'c', quantity: 1 }] },
      expected: ['products'],
    },
    {
      name: 'product swapped',
      patch: {
        products: [
          { productId: 'a', quantity: 10 },
          { productId: 'c', quantity: 1 },
        ],
      },
      expected: ['products'],
    },
    {
      name: 'value +10 % exactly',
      patch: { estimatedValue: { amount: 1_100_000, currency: 'USD' } },
      expected: [],
    },
    {
      name: 'value −10 % exactly',
      patch: { estimatedValue: { amount: 900_000, currency: 'USD' } },
      expected: [],
    },
    {
      name: 'value just over +10 %',
      patch: { estimatedValue: { amount: 1_100_001, currency: 'USD' } },
      expected: ['estimatedValue'],
    },
    {
      name: 'value halved',
      patch: { estimatedValue: { amount: 500_000, currency: 'USD' } },
      expected: ['estimatedValue'],
    },
    {
      name: 'currency changed',
      patch: { estimatedValue: { amount: 1_000_000, currency: 'EUR' } },
      expected: ['estimatedValue'],
    },
    {
      name: 'zero tolerance',
      patch: { estimatedValue: { amount: 1_000_001, currency: 'USD' } },
      toleranceBps: 0,
      expected: ['estimatedValue'],
    },
    {
      name: 'several, in fixed order',
      patch: {
        estimatedValue: { amount: 1, currency: 'USD' },
        customer: { ...customer, company: 'Globex', country: 'DE' },
        programId: 'prog-9',
      },
      expected: ['programId', 'customer.company', 'customer.country', 'estimatedValue'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const options =
        c.toleranceBps === undefined ? undefined : { valueToleranceBps: c.toleranceBps };
      assert.deepEqual(materialChanges(before, c.patch, options), c.expected);
      assert.equal(isMaterialChange(before, c.patch, options), c.expected.length > 0);
    });
  }

  it('adding a domain where there was none is material', () => {
    const noDomain = { ...before, customer: { company: 'Acme', country: 'US' } };
    assert.deepEqual(materialChanges(noDomain, { customer: { ...customer } }), ['customer.domain']);
    assert.deepEqual(
      materialChanges(noDomain, { customer: { company: 'Acme', country: 'US' } }),
      [],
    );
  });

  it('any change from a zero value is material', () => {
    const zero = { ...before, estimatedValue: { amount: 0, currency: 'USD' } };
    assert.equal(isMaterialChange(zero, { estimatedValue: { amount: 1, currency: 'USD' } }), true);
    assert.equal(isMaterialChange(zero, { estimatedValue: { amount: 0, currency: 'USD' } }), false);
  });
});

describe('autoDecision', () => {
  const usd = (amount: number) => ({ estimatedValue: { amount, currency: 'USD' } });
  const conflict = { duplicate: false };
  const duplicate = { duplicate: true };
  const cases: {
    name: string;
    input: { estimatedValue: { amount: number; currency: string } };
    rules?: Partial<DealRegistrationRules>;
    conflicts?: { duplicate: boolean }[];
    expected: AutoDecision;
  }[] = [
    {
      name: 'below minimum',
      input: usd(499_999),
      expected: { decision: 'reject', reason: 'below_minimum' },
    },
    {
      name: 'below minimum beats a conflict',
      input: usd(1),
      conflicts: [conflict],
      expected: { decision: 'reject', reason: 'below_minimum' },
    },
    {
      name: 'at the minimum is not below it',
      input: usd(500_000),
      expected: { decision: 'approve', reason: 'below_auto_approve' },
    },
    {
      name: 'duplicate',
      input: usd(3_000_000),
      conflicts: [duplicate],
      expected: { decision: 'reject', reason: 'duplicate' },
    },
    {
      name: 'duplicate beats a conflict',
      input: usd(3_000_000),
      conflicts: [conflict, duplicate],
      expected: { decision: 'reject', reason: 'duplicate' },
    },
    {
      name: 'conflict under first_come',
      input: usd(3_000_000),
      conflicts: [conflict],
      expected: { decision: 'reject', reason: 'partner_conflict' },
    },
    {
      name: 'conflict under manual_review',
      input: usd(1_000_000),
      rules: { conflictPolicy: 'manual_review' },
      conflicts: [conflict],
      expected: { decision: 'review', reason: 'conflict' },
    },
    {
      name: 'conflict blocks auto-approval even without approvalRequired',
      input: usd(1_000_000),
      rules: { conflictPolicy: 'manual_review', approvalRequired: false },
      conflicts: [conflict],
      expected: { decision: 'review', reason: 'conflict' },
    },
    {
      name: 'below auto-approve threshold',
      input: usd(2_499_999),
      expected: { decision: 'approve', reason: 'below_auto_approve' },
    },
    {
      name: 'at the threshold',
      input: usd(2_500_000),
      expected: { decision: 'review', reason: 'approval_required' },
    },
    {
      name: 'approval not required',
      input: usd(9_000_000),
      rules: { approvalRequired: false },
      expected: { decision: 'approve', reason: 'approval_not_required' },
    },
    {
      name: 'no threshold set',
      input: usd(600_000),
      rules: { autoApproveBelow: null },
      expected: { decision: 'review', reason: 'approval_required' },
    },
    {
      name: 'no minimum set',
      input: usd(1),
      rules: { minimumValue: null, autoApproveBelow: null },
      expected: { decision: 'review', reason: 'approval_required' },
    },
    {
      name: 'minimum in another currency → review, never converted',
      input: { estimatedValue: { amount: 100, currency: 'EUR' } },
      rules: { approvalRequired: false },
      expected: { decision: 'review', reason: 'currency_mismatch' },
    },
    {
      name: 'another currency still rejects a duplicate',
      input: { estimatedValue: { amount: 100, currency: 'EUR' } },
      conflicts: [duplicate],
      expected: { decision: 'reject', reason: 'duplicate' },
    },
    {
      name: 'threshold in another currency → review',
      input: { estimatedValue: { amount: 100, currency: 'EUR' } },
      rules: { minimumValue: { amount: 50, currency: 'EUR' } },
      expected: { decision: 'review', reason: 'currency_mismatch' },
    },
    {
      name: 'approval not required ignores the threshold currency',
      input: { estimatedValue: { amount: 100, currency: 'EUR' } },
      rules: { minimumValue: null, approvalRequired: false },
      expected: { decision: 'approve', reason: 'approval_not_required' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(
        autoDecision(c.input, { ...rules, ...c.rules }, c.conflicts ?? []),
        c.expected,
      );
    });
  }
});

describe('dealEditEffect', () => {
  const deal = {
    programId: 'prog-1',
    dealType: 'new_business' as const,
    customer: { company: 'Acme, Inc.', domain: 'acme.com', country: 'US' },
    products: [{ productId: 'a', quantity: 10 }],
    estimatedValue: { amount: 1_000_000, currency: 'USD' },
  };
  const material = { products: [{ productId: 'a', quantity: 50 }] };
  const minor = { expectedCloseDate: '2026-09-30' };
  const cases: [DealRegistration['status'], object, 'edit' | 'review' | 'conflict'][] = [
    ['draft', material, 'edit'],
    ['returned', material, 'edit'],
    ['approved', minor, 'edit'],
    ['approved', { customer: { ...deal.customer, company: 'ACME Corporation' } }, 'edit'],
    ['approved', material, 'review'],
    ['approved', { customer: { ...deal.customer, domain: 'other.com' } }, 'review'],
    ['submitted', minor, 'conflict'],
    ['under_review', minor, 'conflict'],
    ['rejected', minor, 'conflict'],
    ['converted', minor, 'conflict'],
    ['expired', minor, 'conflict'],
    ['withdrawn', minor, 'conflict'],
  ];
  for (const [status, patch, expected] of cases) {
    it(`${status} + ${JSON.stringify(patch)} → ${expected}`, () => {
      const run = () => dealEditEffect({ ...deal, status }, patch);
      if (expected === 'conflict') {
        assert.throws(run, (error: unknown) => {
          assert.ok(isPrmError(error, 'conflict'));
          assert.match(
            error.message,
            new RegExp(`is ${status.replace('_', ' ')} cannot be edited`),
          );
          return true;
        });
      } else {
        assert.equal(run(), expected);
      }
    });
  }
});
