import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  DEAL_STATUSES,
  DEAL_TYPES,
  LEAD_STATUSES,
  MDF_CLAIM_STATUSES,
  MDF_REQUEST_STATUSES,
  MEMBERSHIP_STATUSES,
  OPPORTUNITY_STAGES,
  ORDER_STATUSES,
  PARTNER_STATUSES,
  PARTNER_TIERS,
  PROGRAM_STATUSES,
  QUOTE_STATUSES,
  REGIONS,
  RESOURCES,
  ROLES,
  SEGMENT_KINDS,
  dealsToExpire,
  findApprovedClaims,
  isApprovalOverdue,
  isCaseBreached,
  normalizeCompanyName,
  protectionRemaining,
} from '@prm-kit/core';
import { CONFORMANCE_ACTORS } from '@prm-kit/core/testing';
import { DEMO_NOW, DEMO_USERS, demoDataset } from '../../src/demo/index.js';
import {
  checkActivities,
  checkHistories,
  checkIds,
  checkMdf,
  checkReferences,
  checkSchemas,
  checkStamps,
} from './checks.js';

const data = demoDataset();
const abc = DEMO_USERS.partnerAdmin.partnerId;

describe('demoDataset', () => {
  it('holds every resource', () => {
    for (const resource of RESOURCES) assert.ok(data[resource].length > 0, `no ${resource}`);
  });

  it('validates every record with its core schema, unchanged', () => {
    assert.ok(checkSchemas(data) > 1_000);
  });

  it('has unique ids and record numbers', () => checkIds(data));

  it('stamps records consistently: version ≥ 1, createdAt ≤ updatedAt ≤ now', () =>
    checkStamps(data, DEMO_NOW));

  it('writes histories that are legal paths through the core transition tables', () =>
    checkHistories(data));

  it('resolves references and derives fields with the core rules', () => checkReferences(data));

  it('never commits or claims more MDF than allocated', () => checkMdf(data));

  it('logs an activity for every creation and status change', () => checkActivities(data));

  it('is deterministic: two runs are equal, byte for byte', () => {
    const again = demoDataset();
    assert.deepEqual(again, data);
    assert.equal(JSON.stringify(again), JSON.stringify(data));
  });

  it('moves with the reference time', () => {
    const later = demoDataset({ now: '2027-03-15T14:30:00.000Z' });
    checkStamps(later, '2027-03-15T14:30:00.000Z');
    checkHistories(later);
    checkReferences(later);
    checkMdf(later);
    assert.notEqual(later.deals[0]!.createdAt, data.deals[0]!.createdAt);
  });
});

describe('every status of every lifecycle is present', () => {
  const has = (name: string, values: readonly string[], present: readonly string[]) => {
    const seen = new Set(present);
    for (const value of values) assert.ok(seen.has(value), `${name}: no ${value}`);
  };
  const cases: [string, readonly string[], () => readonly string[]][] = [
    ['partner status', PARTNER_STATUSES, () => data.partners.map((p) => p.status)],
    ['partner tier', PARTNER_TIERS, () => data.partners.map((p) => p.tier)],
    ['region', REGIONS, () => data.partners.map((p) => p.region)],
    ['role', ROLES, () => data.users.map((u) => u.role)],
    ['program status', PROGRAM_STATUSES, () => data.programs.map((p) => p.status)],
    ['membership status', MEMBERSHIP_STATUSES, () => data.memberships.map((m) => m.status)],
    ['segment kind', SEGMENT_KINDS, () => data.segments.map((s) => s.kind)],
    ['deal status', DEAL_STATUSES, () => data.deals.map((d) => d.status)],
    ['deal type', DEAL_TYPES, () => data.deals.map((d) => d.dealType)],
    ['opportunity stage', OPPORTUNITY_STAGES, () => data.opportunities.map((o) => o.stage)],
    ['quote status', QUOTE_STATUSES, () => data.quotes.map((q) => q.status)],
    ['order status', ORDER_STATUSES, () => data.orders.map((o) => o.status)],
    ['case status', CASE_STATUSES, () => data.cases.map((c) => c.status)],
    ['case priority', CASE_PRIORITIES, () => data.cases.map((c) => c.priority)],
    ['case category', CASE_CATEGORIES, () => data.cases.map((c) => c.category)],
    ['lead status', LEAD_STATUSES, () => data.leads.map((l) => l.status)],
    ['fund request status', MDF_REQUEST_STATUSES, () => data.mdfRequests.map((r) => r.status)],
    ['fund claim status', MDF_CLAIM_STATUSES, () => data.mdfClaims.map((c) => c.status)],
  ];
  for (const [name, values, present] of cases) it(name, () => has(name, values, present()));

  it('ABC alone has a registration in every status', () =>
    has(
      'ABC deal status',
      DEAL_STATUSES,
      data.deals.filter((d) => d.partnerId === abc).map((d) => d.status),
    ));
});

describe('the story', () => {
  const partner = (id: string) => data.partners.find((p) => p.id === id)!;
  const now = DEMO_NOW;

  it('signs in every conformance actor as a demo user', () => {
    assert.deepEqual(Object.keys(DEMO_USERS).sort(), [...CONFORMANCE_ACTORS].sort());
    for (const actor of CONFORMANCE_ACTORS) {
      const demo = DEMO_USERS[actor];
      const user = data.users.find((u) => u.id === demo.id);
      assert.ok(user, `${actor} missing`);
      assert.deepEqual(
        {
          id: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
          partnerId: user.partnerId,
        },
        { ...demo },
      );
      assert.ok(user.active);
    }
  });

  it('meets the conformance suite’s needs', () => {
    const a = partner(DEMO_USERS.partnerAdmin.partnerId);
    const b = partner(DEMO_USERS.otherPartnerAdmin.partnerId);
    assert.equal(a.name, 'ABC Systems');
    assert.equal(a.status, 'active');
    assert.equal(a.channelManagerId, DEMO_USERS.channelManager.id);
    assert.equal(b.status, 'active');
    assert.notEqual(a.id, b.id);
    for (const actor of ['partnerManager', 'partnerAssociate'] as const) {
      assert.equal(DEMO_USERS[actor].partnerId, a.id);
    }
    assert.ok(data.products.filter((p) => p.active).length >= 2);
    assert.ok(
      data.mdfAllocations.some((x) => x.partnerId === a.id && x.remaining.amount >= 200),
      'ABC needs an allocation with money left',
    );
  });

  it('has about 25 partners, 2–3 channel managers, ABC in North America', () => {
    assert.ok(data.partners.length >= 20 && data.partners.length <= 30);
    const managers = data.users.filter((u) => u.role === 'channel_manager');
    assert.ok(managers.length >= 2 && managers.length <= 3);
    assert.equal(partner(abc).region, 'north_america');
    assert.ok(new Set(data.partners.map((p) => p.country)).size >= 15);
  });

  it('has two partners claiming Globex under different spellings', () => {
    const globex = data.deals.filter((d) => normalizeCompanyName(d.customer.company) === 'globex');
    assert.deepEqual(globex.map((d) => d.customer.company).sort(), [
      'GLOBEX CORPORATION',
      'Globex Corp',
    ]);
    const mine = globex.find((d) => d.partnerId === abc)!;
    const theirs = globex.find((d) => d.partnerId !== abc)!;
    assert.deepEqual(
      mine.conflicts?.map((c) => [c.dealId, c.duplicate, c.matchedBy]),
      [[theirs.id, false, ['company', 'domain']]],
    );
    assert.equal(mine.status, 'under_review');
    assert.equal(theirs.status, 'under_review');
    assert.ok(mine.workNotes!.length > 0 && mine.comments.length > 0);
  });

  it('rejects ABC’s second Initech registration as a duplicate', () => {
    const dup = data.deals.find((d) => d.decision?.reason === 'duplicate')!;
    assert.equal(dup.status, 'rejected');
    assert.equal(dup.partnerId, abc);
    assert.ok(dup.conflicts?.some((c) => c.duplicate));
  });

  it('never holds two approved claims on one customer and product', () => {
    const approved = data.deals.filter((d) => d.status === 'approved');
    for (const deal of approved) {
      assert.deepEqual(
        findApprovedClaims(deal, approved, { partnerId: deal.partnerId, excludeId: deal.id }),
        [],
      );
    }
    assert.deepEqual(dealsToExpire(data.deals, now), []);
  });

  it('has a protection window ending soon with an extension requested', () => {
    const soon = data.deals.filter(
      (d) => protectionRemaining(d, now)?.expiringSoon && d.status === 'approved',
    );
    assert.ok(soon.some((d) => d.extension?.status === 'requested' && d.partnerId === abc));
  });

  it('has registrations waiting past their approval due time, and some within it', () => {
    const waiting = data.deals.filter(
      (d) => d.status === 'submitted' || d.status === 'under_review',
    );
    assert.ok(waiting.some((d) => isApprovalOverdue(d, now)));
    assert.ok(waiting.some((d) => !isApprovalOverdue(d, now)));
  });

  it('has closure reasons on every rejection and a reason on every decline', () => {
    for (const d of data.deals.filter((x) => x.status === 'rejected'))
      assert.ok(d.decision?.reason);
    for (const l of data.leads.filter((x) => x.status === 'declined'))
      assert.ok(l.declinedBy.length > 0);
    assert.ok(
      data.leads.some((l) => l.status === 'assigned' && l.declinedBy.length > 0),
      'a reassigned lead',
    );
  });

  it('has ABC’s associate raise licensing and configuration cases for the support agent', () => {
    const mine = data.cases.filter((c) => c.raisedBy === DEMO_USERS.partnerAssociate.id);
    for (const category of ['licensing', 'product_configuration'] as const) {
      const kase = mine.find((c) => c.category === category);
      assert.ok(kase, category);
      assert.equal(kase.assigneeId, DEMO_USERS.supportAgent.id);
    }
  });

  it('has open cases breaching their SLA at now, and some not', () => {
    const open = data.cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed');
    assert.ok(open.some((c) => c.partnerId === abc && isCaseBreached(c, now)));
    assert.ok(open.some((c) => !isCaseBreached(c, now)));
  });

  it('quotes in euros with the EUR product', () => {
    const eur = data.quotes.filter((q) => q.currency === 'EUR');
    assert.ok(eur.length > 0);
    assert.ok(data.products.some((p) => p.listPrice.currency === 'EUR'));
  });

  it('has an activity timeline in time order', () => {
    const times = data.activities.map((a) => a.at);
    assert.deepEqual(times, [...times].sort());
    assert.ok(data.activities.some((a) => a.partnerId === abc && a.action === 'commented'));
  });
});
