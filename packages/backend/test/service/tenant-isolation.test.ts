import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RESOURCES,
  isPrmError,
  type ChangeEvent,
  type PrmAdapter,
  type ResourceName,
} from '@prm-kit/core';
import { demoDataset } from '../../src/demo/index.js';
import { STORES, demoService } from '../support/stores.js';

const A = 'p-abc';
const CATALOG: ReadonlySet<ResourceName> = new Set([
  'programs',
  'products',
  'segments',
  'mdfBudgets',
]);
const dataset = demoDataset();
const partnerOf = (resource: ResourceName, record: { id: string; partnerId?: unknown }) =>
  resource === 'partners' ? record.id : (record.partnerId ?? null);
const recordsOfA = (resource: ResourceName) =>
  (dataset[resource] as { id: string; version?: number; partnerId?: unknown }[]).filter(
    (record) => partnerOf(resource, record) === A,
  );

/** Every method that names a record, with arguments good enough to reach the permission check. */
const CALLS_ON_A_RECORD: Record<string, (id: string, version: number) => unknown[]> = {
  get: (id) => [id],
  update: (id, version) => [id, {}, { version }],
  transition: (id, version) => [id, 'withdrawn', { version, reason: 'other', message: 'x' }],
  comment: (id, version) => [id, { body: 'peek' }, { version }],
  assign: (id, version) => [id, null, { version }],
  requestExtension: (id, version) => [id, 'more time', { version }],
  decideExtension: (id, version) => [id, true, { version }],
  remove: (id, version) => [id, { version }],
};
type Group = Partial<Record<string, (...args: unknown[]) => Promise<unknown>>>;

async function rejectsUnseen(call: () => Promise<unknown>, what: string) {
  await assert.rejects(call, (error: unknown) => {
    assert.ok(isPrmError(error), `${what}: not a PrmError: ${String(error)}`);
    assert.ok(error.code === 'not_found' || error.code === 'forbidden', `${what}: ${error.code}`);
    return true;
  });
}

async function everything<T extends { id: string }>(adapter: PrmAdapter, resource: ResourceName) {
  const group = adapter[resource] as unknown as {
    list(q: object): Promise<{ items: T[]; nextCursor: string | null }>;
  };
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await group
      .list({ limit: 200, ...(cursor ? { cursor } : {}) })
      .catch((error: unknown) => {
        if (isPrmError(error, 'forbidden')) return { items: [], nextCursor: null };
        throw error;
      });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

for (const store of STORES) {
  describe(`tenant isolation on the ${store.name} store`, () => {
    const partnerViewers = ['otherPartnerAdmin'] as const;

    for (const resource of RESOURCES) {
      it(`another partner lists, reads and changes none of A's ${resource}`, async () => {
        const { as } = demoService(store);
        const owned = recordsOfA(resource);
        // Catalog resources belong to no partner; every other resource has records of A to probe.
        assert.equal(owned.length > 0, !CATALOG.has(resource), `records of A in ${resource}`);
        for (const actor of partnerViewers) {
          const other = as(actor);
          const listed = await everything<{ id: string; partnerId?: unknown }>(other, resource);
          assert.ok(
            listed.every((record) => partnerOf(resource, record) !== A),
            `${actor} lists a ${resource} record of partner A`,
          );
          const group = other[resource] as unknown as Group;
          for (const record of owned) {
            for (const [method, args] of Object.entries(CALLS_ON_A_RECORD)) {
              const call = group[method];
              if (!call) continue;
              await rejectsUnseen(
                () => call(...args(record.id, record.version ?? 1)),
                `${resource}.${method}(${record.id})`,
              );
            }
          }
        }
      });
    }

    it("another partner cannot build on A's records", async () => {
      const { as } = demoService(store);
      const other = as('otherPartnerAdmin');
      const first = <T>(items: T[]) => items[0] as T;
      const opportunity = first(recordsOfA('opportunities'));
      const quote = first(
        dataset.quotes.filter((q) => q.partnerId === A && q.status === 'accepted'),
      );
      const allocation = first(recordsOfA('mdfAllocations'));
      const request = first(
        dataset.mdfRequests.filter((r) => r.partnerId === A && r.status === 'approved'),
      );
      const deal = first(dataset.deals.filter((d) => d.partnerId === A));
      const key = { idempotencyKey: 'isolation' };
      const usd = (amount: number) => ({ amount, currency: 'USD' });
      await rejectsUnseen(
        () =>
          other.quotes.create(
            {
              opportunityId: opportunity.id,
              currency: 'USD',
              lines: [{ productId: dataset.products[0]!.id, quantity: 1 }],
              validUntil: '2027-01-31',
            },
            key,
          ),
        'a quote on A’s opportunity',
      );
      await rejectsUnseen(
        () => other.orders.create({ quoteId: quote.id }, key),
        'an order from A’s quote',
      );
      await rejectsUnseen(
        () =>
          other.mdfRequests.create(
            {
              allocationId: allocation.id,
              amount: usd(100),
              activity: {
                name: 'x',
                type: 'event',
                description: '',
                period: { start: '2026-12-01', end: '2026-12-02' },
              },
            },
            key,
          ),
        'a fund request on A’s allocation',
      );
      await rejectsUnseen(
        () =>
          other.mdfClaims.create(
            {
              requestId: request.id,
              amount: usd(100),
              proof: [{ name: 'i', url: 'https://x.example' }],
            },
            key,
          ),
        'a claim on A’s request',
      );
      await rejectsUnseen(
        () =>
          other.cases.create(
            {
              category: 'other',
              priority: 'low',
              subject: 's',
              description: 'd',
              related: { type: 'deal', id: deal.id },
            },
            key,
          ),
        'a case about A’s registration',
      );
      const mine = await other.metrics.partner();
      assert.deepEqual(
        await other.metrics.partner(A),
        mine,
        'partner metrics asked for A answer B’s own',
      );
      const conflicts = await other.deals.checkConflicts({
        customer: deal.customer,
        products: deal.products,
      });
      assert.deepEqual(conflicts.matches, [], 'the conflict check reveals a registration');
    });

    it("another partner receives no change event of A's records", async () => {
      const { as } = demoService(store);
      const seen: ChangeEvent[] = [];
      const own: ChangeEvent[] = [];
      const stop = as('otherPartnerAdmin').subscribe?.((event) => seen.push(event));
      const stopOwn = as('partnerAdmin').subscribe?.((event) => own.push(event));
      const associate = as('partnerAssociate');
      await associate.cases.create(
        { category: 'licensing', priority: 'high', subject: 'Keys', description: 'Missing keys' },
        { idempotencyKey: 'live' },
      );
      await new Promise((resolve) => setTimeout(resolve, 10));
      stop?.();
      stopOwn?.();
      assert.ok(
        own.some((event) => event.resource === 'cases' && event.kind === 'created'),
        'A sees its case',
      );
      assert.deepEqual(
        seen.filter((event) => event.partnerId === A),
        [],
      );
    });
  });
}
