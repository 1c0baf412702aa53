import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEAL_STATUSES, RESOURCES } from '@prm-kit/core';
import { DEMO_USERS, generateDataset } from '../../src/demo/index.js';
import {
  checkActivities,
  checkHistories,
  checkIds,
  checkMdf,
  checkReferences,
  checkSchemas,
  checkStamps,
} from './checks.js';

const NOW = '2026-11-02T09:00:00.000Z';

describe('generateDataset', () => {
  const small = generateDataset({ partners: 300, dealsPerPartner: 3, casesPerPartner: 2, seed: 7 });

  it('makes the partners and registrations asked for', () => {
    assert.equal(small.partners.length, 300);
    const dealing = small.partners.filter(
      (p) => p.status !== 'prospect' && p.status !== 'onboarding',
    );
    // A registration is skipped only when a partner's active window is too short for its path.
    assert.ok(small.deals.length >= dealing.length * 3 * 0.95);
    assert.ok(small.deals.length <= dealing.length * 3);
    assert.ok(small.cases.length > 300);
    for (const resource of RESOURCES) assert.ok(small[resource].length > 0, `no ${resource}`);
  });

  it('starts with ABC Systems and Northwind Networks and every demo user', () => {
    assert.deepEqual(
      small.partners.slice(0, 2).map((p) => p.id),
      ['p-abc', 'p-northwind'],
    );
    for (const demo of Object.values(DEMO_USERS)) {
      assert.ok(
        small.users.some((u) => u.id === demo.id && u.role === demo.role),
        demo.id,
      );
    }
    const abc = small.partners[0]!;
    assert.equal(abc.status, 'active');
    assert.equal(abc.channelManagerId, DEMO_USERS.channelManager.id);
  });

  it('writes records that validate, with legal histories and resolving references', () => {
    checkSchemas(small);
    checkIds(small);
    checkStamps(small, NOW);
    checkHistories(small);
    checkReferences(small);
    checkMdf(small);
    checkActivities(small);
  });

  it('covers every registration status', () => {
    const seen = new Set(small.deals.map((d) => d.status));
    for (const status of DEAL_STATUSES) assert.ok(seen.has(status), status);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const options = { partners: 120, dealsPerPartner: 2, seed: 'bench' };
    const a = generateDataset(options);
    const b = generateDataset(options);
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    const c = generateDataset({ ...options, seed: 'other' });
    assert.notEqual(JSON.stringify(c), JSON.stringify(a));
    assert.notDeepEqual(
      c.deals.map((d) => d.customer.company),
      a.deals.map((d) => d.customer.company),
    );
  });

  it('scales: a sample of a larger dataset validates', () => {
    const large = generateDataset({ partners: 4_000, dealsPerPartner: 2, activities: false });
    assert.equal(large.partners.length, 4_000);
    assert.equal(large.activities.length, 0);
    // A few hundred records of each resource, spread over the whole list.
    const checked = checkSchemas(large, (i) => i % 97 === 0);
    assert.ok(checked > 300, String(checked));
    checkIds(large);
    checkMdf(large);
  });

  it('keeps at least two partners, with defaults for the rest', () => {
    const tiny = generateDataset({ partners: 0, dealsPerPartner: 1 });
    assert.equal(tiny.partners.length, 2);
    checkReferences(tiny);
  });
});
