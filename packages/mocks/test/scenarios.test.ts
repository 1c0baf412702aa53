import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_USERS, demoDataset } from '@prm-kit/backend';
import { SCENARIO_NAMES, createHandlers, emptySeed, scenario, scenarios } from '../src/index.js';

describe('scenarios', () => {
  it('names default, empty, error and slow', () => {
    assert.deepEqual(Object.keys(scenarios), [...SCENARIO_NAMES]);
    assert.deepEqual(SCENARIO_NAMES, ['default', 'empty', 'error', 'slow']);
    assert.deepEqual(scenarios.default, {});
    assert.deepEqual(scenarios.error, { faults: { errorRate: 1 } });
    assert.deepEqual(scenarios.slow, { faults: { latency: { min: 1_500, max: 2_500 } } });
    assert.ok(scenarios.empty.seed);
  });

  it('lets overrides win, merging faults', () => {
    assert.deepEqual(
      scenario('slow', { baseUrl: 'https://api.example.com/prm', faults: { seed: 4 } }),
      {
        baseUrl: 'https://api.example.com/prm',
        faults: { latency: { min: 1_500, max: 2_500 }, seed: 4 },
      },
    );
    assert.deepEqual(scenario('error', { faults: { errorRate: 0.5 } }), {
      faults: { errorRate: 0.5 },
    });
    assert.deepEqual(scenario('default', { baseUrl: '/prm' }), { baseUrl: '/prm' });
  });

  it('builds each read afresh, so a test cannot spoil the next one', () => {
    assert.notEqual(scenarios.empty.seed, scenarios.empty.seed);
  });
});

describe('emptySeed', () => {
  const seed = emptySeed();
  const demo = demoDataset();
  const ids = (items: readonly object[] | undefined) =>
    (items ?? []).map((item) => (item as { id: string }).id);

  it('keeps the demo users, their partners, programs and products', () => {
    assert.deepEqual(ids(seed.partners).sort(), ['p-abc', 'p-northwind']);
    const users = new Set(ids(seed.users));
    for (const user of Object.values(DEMO_USERS)) assert.ok(users.has(user.id), user.id);
    assert.equal(seed.programs?.length, demo.programs.length);
    assert.equal(seed.products?.length, demo.products.length);
    assert.ok((seed.memberships?.length ?? 0) > 0);
  });

  it('holds no one’s work', () => {
    for (const resource of [
      'deals',
      'opportunities',
      'quotes',
      'orders',
      'cases',
      'leads',
      'mdfRequests',
      'mdfClaims',
      'activities',
    ])
      assert.equal(seed[resource]?.length ?? 0, 0, resource);
    for (const allocation of seed.mdfAllocations as { committed: { amount: number } }[])
      assert.equal(allocation.committed.amount, 0);
  });
});

describe('createHandlers', () => {
  it('makes one catch-all handler', () => {
    const { handlers } = createHandlers(scenario('empty'));
    assert.equal(handlers.length, 1);
  });

  it('refuses faults that cannot be meant', () => {
    assert.throws(() => createHandlers({ faults: { drop: ['deals.nope'] } }), TypeError);
  });
});
