import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrmError } from '@prm-kit/core';
import { Builder, SYSTEM_ACTOR, statusAt, type Actor } from '../../src/demo/builder.js';
import { buildCatalog } from '../../src/demo/catalog.js';
import {
  buildFundRequest,
  buildLead,
  buildOrder,
  buildQuote,
  quarterOf,
  startAllocation,
} from '../../src/demo/records.js';
import { toMs } from '../../src/demo/random.js';

const NOW = toMs('2026-11-02T09:00:00.000Z');
const HOUR = 3_600_000;
const agent: Actor = { id: 'u-agent', name: 'Agent', role: 'support_agent' };
const associate: Actor = { id: 'u-assoc', name: 'Associate', role: 'partner_associate' };
const ref = { id: 'case-x', label: 'CS-X', partnerId: 'p-x' };

const code = (error: unknown) => (error instanceof PrmError ? error.code : String(error));

describe('Builder.lifecycle', () => {
  it('writes a history from creation through each move, and logs it', () => {
    const b = new Builder({ now: NOW, seed: 1 });
    const walk = b.lifecycle('cases', ref, { status: 'new', at: NOW - 3 * HOUR, by: associate }, [
      { to: 'in_progress', at: NOW - 2 * HOUR, by: agent },
      { to: 'resolved', at: NOW - HOUR, by: agent },
    ]);
    assert.equal(walk.status, 'resolved');
    assert.deepEqual(
      walk.history.map((h) => [h.from, h.to]),
      [
        [null, 'new'],
        ['new', 'in_progress'],
        ['in_progress', 'resolved'],
      ],
    );
    assert.equal(walk.version, 3);
    assert.equal(walk.updatedAt, '2026-11-02T08:00:00.000Z');
    assert.equal(statusAt(walk.history, NOW - 2.5 * HOUR), 'new');
    assert.equal(statusAt(walk.history, NOW - 4 * HOUR), null);
    assert.deepEqual(
      b.data.activities.map((a) => a.action),
      ['created', 'transitioned', 'transitioned'],
    );
  });

  it('refuses illegal moves with the core rule’s error', () => {
    const b = new Builder({ now: NOW, seed: 1 });
    const start = { status: 'new' as const, at: NOW - 3 * HOUR, by: associate };
    const move =
      (to: 'closed' | 'in_progress' | 'awaiting_partner', by: Actor, message?: string) => () =>
        b.lifecycle('cases', ref, start, [{ to, at: NOW - HOUR, by, message }]);
    assert.equal(code(catchError(move('closed', agent))), 'invalid_transition');
    assert.equal(code(catchError(move('in_progress', associate))), 'forbidden');
    const waiting = () =>
      b.lifecycle('cases', ref, start, [
        { to: 'in_progress', at: NOW - 2 * HOUR, by: agent },
        { to: 'awaiting_partner', at: NOW - HOUR, by: agent, message: ' ' },
      ]);
    assert.equal(code(catchError(waiting)), 'validation');
    // The system may make any move in the graph.
    const expired = b.lifecycle(
      'quotes',
      { ...ref, id: 'q' },
      { status: 'draft', at: NOW - 3 * HOUR, by: { id: 'u', name: 'U', role: 'partner_admin' } },
      [
        { to: 'sent', at: NOW - 2 * HOUR, by: { id: 'u', name: 'U', role: 'partner_admin' } },
        { to: 'expired', at: NOW - HOUR, by: SYSTEM_ACTOR },
      ],
    );
    assert.equal(expired.status, 'expired');
  });

  it('refuses times out of order or after now', () => {
    const b = new Builder({ now: NOW, seed: 1 });
    const start = { status: 'new' as const, at: NOW - HOUR, by: associate };
    assert.throws(
      () =>
        b.lifecycle('cases', ref, start, [{ to: 'in_progress', at: NOW - 2 * HOUR, by: agent }]),
      RangeError,
    );
    assert.throws(() => b.lifecycle('cases', ref, { ...start, at: NOW + 1 }, []), RangeError);
    assert.throws(
      () =>
        b.created('users', ref, agent, NOW - HOUR, [
          { at: NOW - 2 * HOUR, by: agent, action: 'updated', summary: 'x' },
        ]),
      RangeError,
    );
  });

  it('logs nothing when activities are off', () => {
    const b = new Builder({ now: NOW, seed: 1, activities: false });
    b.lifecycle(
      'cases',
      ref,
      { status: 'new', at: NOW - 2 * HOUR, by: associate },
      [{ to: 'in_progress', at: NOW - HOUR, by: agent }],
      [{ at: NOW - HOUR, by: agent, action: 'commented', summary: 'x' }],
    );
    b.log({
      at: '2026-11-02T08:00:00.000Z',
      actorId: 'u',
      actorName: 'U',
      partnerId: null,
      resource: 'cases',
      recordId: 'case-x',
      action: 'updated',
      summary: 'x',
    });
    assert.equal(b.data.activities.length, 0);
  });
});

describe('record builders keep the rules', () => {
  const setUp = () => {
    const b = new Builder({ now: NOW, seed: 2 });
    const catalog = buildCatalog(b, { channelManagers: 3, supportAgents: 2, strategicMembers: [] });
    return { b, catalog };
  };
  const seller = {
    id: 'u-seller',
    name: 'Seller',
    email: 'seller@example.com',
    role: 'partner_admin' as const,
    partnerId: 'p-x',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    active: true,
  };

  it('places orders from accepted quotes only', () => {
    const { b, catalog } = setUp();
    const quote = buildQuote(
      b,
      {
        partnerId: 'p-x',
        opportunityId: null,
        deal: null,
        currency: 'USD',
        lines: [{ productId: 'prod-fw-1000', quantity: 1 }],
        benefits: { discountBps: 1_000, dealRegistrationDiscountBps: 0 },
        validUntil: '2026-12-01',
        createdAt: NOW - 2 * HOUR,
        createdBy: seller,
        moves: [],
      },
      catalog.products,
    );
    assert.equal(quote.totals.net.amount, 405_000);
    assert.throws(
      () => buildOrder(b, { quote, createdAt: NOW - HOUR, createdBy: seller, moves: [] }),
      RangeError,
    );
  });

  it('never lets fund requests commit more than is allocated', () => {
    const { b } = setUp();
    const quarter = quarterOf(NOW);
    const allocation = startAllocation(
      b,
      quarter,
      'p-x',
      { amount: 100_000, currency: 'USD' },
      seller,
      NOW - 10 * HOUR,
    );
    const request = (amount: number) =>
      buildFundRequest(b, {
        allocation,
        activity: {
          name: 'Event',
          type: 'event',
          description: '',
          period: { start: '2026-11-10', end: '2026-11-10' },
        },
        amount,
        createdAt: NOW - 5 * HOUR,
        createdBy: seller,
        moves: [
          {
            to: 'submitted',
            at: NOW - 4 * HOUR,
            by: { id: seller.id, name: seller.name, role: 'partner_admin' },
          },
        ],
      });
    request(60_000);
    assert.equal(code(catchError(() => request(60_000))), 'validation');
  });

  it('assigns leads to a partner', () => {
    const { b } = setUp();
    const distributor: Actor = { id: 'u-cm', name: 'CM', role: 'channel_manager' };
    assert.throws(
      () =>
        buildLead(b, {
          customer: { company: 'X', country: 'US' },
          interest: '',
          productIds: [],
          estimatedValue: null,
          createdAt: NOW - 2 * HOUR,
          createdBy: distributor,
          moves: [{ to: 'assigned', at: NOW - HOUR, by: distributor, partnerId: null }],
        }),
      RangeError,
    );
  });

  it('numbers quarters across years', () => {
    assert.equal(quarterOf(toMs('2026-11-02T00:00:00Z'), 1).id, 'mdf-2027-q1');
    assert.equal(quarterOf(toMs('2026-02-02T00:00:00Z'), -1).id, 'mdf-2025-q4');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
