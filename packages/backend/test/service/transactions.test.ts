import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrmError } from '@prm-kit/core';
import {
  createPrmService,
  datasetSnapshot,
  type Store,
  type StoreWriter,
} from '../../src/index.js';
import { createSqliteStore } from '../../src/sqlite/index.js';
import { demoDataset } from '../../src/demo/index.js';
import { testClock, viewerOf } from '../support/stores.js';

/** A store whose `put` fails on the n-th call: a disk filling up halfway through an operation. */
function failingOnPut(store: Store, n: number): Store {
  let puts = 0;
  return {
    ...store,
    get: (resource, id) => store.get(resource, id),
    list: (resource, query) => store.list(resource, query),
    getKey: (key) => store.getKey(key),
    transaction: (work) =>
      store.transaction((tx) =>
        work({
          ...tx,
          get: (resource, id) => tx.get(resource, id),
          list: (resource, query) => tx.list(resource, query),
          getKey: (key) => tx.getKey(key),
          putKey: (key, value) => tx.putKey(key, value),
          delete: (resource, id) => tx.delete(resource, id),
          nextSequence: (name) => tx.nextSequence(name),
          put: (resource, record) => {
            if (++puts === n) throw new Error('disk I/O error');
            tx.put(resource, record);
          },
        } satisfies StoreWriter),
      ),
  };
}

describe('a failed operation on SQLite', () => {
  it('leaves the database exactly as it was, and answers a server PrmError', async () => {
    const sqlite = createSqliteStore({ filename: ':memory:' });
    sqlite.restore(datasetSnapshot(demoDataset()));
    const before = JSON.stringify(sqlite.snapshot());
    // Registering and submitting writes the draft, its activity, then the submission: fail there.
    const service = createPrmService({ store: failingOnPut(sqlite, 3), clock: testClock().clock });
    const associate = service.for(viewerOf('partnerAssociate'));
    const membership = (await associate.memberships.list({ filter: { status: ['active'] } }))
      .items[0];
    assert.ok(membership, 'partner A has an active membership');
    await assert.rejects(
      associate.deals.create(
        {
          programId: membership.programId,
          dealType: 'new_business',
          customer: { company: 'Halfway Ltd', country: 'GB' },
          products: [{ productId: 'prod-fw-1000', quantity: 1 }],
          estimatedValue: { amount: 100_000, currency: 'USD' },
          expectedCloseDate: '2027-03-01',
        },
        { idempotencyKey: 'halfway', submit: true },
      ),
      (error: unknown) =>
        isPrmError(error, 'server') && (error.cause as Error).message === 'disk I/O error',
    );
    assert.equal(JSON.stringify(sqlite.snapshot()), before);
    sqlite.close();
  });
});
