// The client's metrics fallback shows the same figures as a backend that serves them: every
// demo viewer, on the demo data, with the clock stopped so both judge SLAs at one instant.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_USERS, createLocalBackend } from '@prm-kit/adapter-local';
import { PrmError } from '@prm-kit/core';
import { computeEnterpriseMetrics, computePartnerMetrics } from '../src/client/metrics.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const backend = createLocalBackend({ clock: () => NOW });
const signal = new AbortController().signal;
const users = Object.keys(DEMO_USERS) as (keyof typeof DEMO_USERS)[];

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => (error instanceof PrmError ? error.code : error),
  );

describe('computePartnerMetrics', () => {
  for (const user of users) {
    const partnerId = DEMO_USERS[user].partnerId ?? 'p-abc';
    it(`equals metrics.partner for ${user}`, async () => {
      const adapter = backend.adapter(user);
      const served = await adapter.metrics.partner(partnerId);
      const computed = await computePartnerMetrics(adapter, partnerId, NOW.toISOString(), signal);
      assert.deepEqual(computed, served);
    });
  }

  it('has something to compare on the demo data', async () => {
    const metrics = await backend.adapter('partnerAdmin').metrics.partner();
    assert.ok(metrics.registrations.some((row) => row.value > 0));
    assert.ok(metrics.programs.some((program) => program.progress !== null));
    assert.ok(metrics.sla.breached > 0);
  });

  it('asks an enterprise viewer to choose a partner, as the backend does', async () => {
    const adapter = backend.adapter('channelManager');
    const now = NOW.toISOString();
    assert.equal(
      await rejection(computePartnerMetrics(adapter, undefined, now, signal)),
      'validation',
    );
    assert.equal(await rejection(adapter.metrics.partner()), 'validation');
  });
});

describe('computeEnterpriseMetrics', () => {
  for (const user of users.filter((u) => DEMO_USERS[u].partnerId === null)) {
    it(`equals metrics.enterprise for ${user}`, async () => {
      const adapter = backend.adapter(user);
      const served = await adapter.metrics.enterprise();
      const computed = await computeEnterpriseMetrics(adapter, NOW.toISOString(), signal);
      assert.deepEqual(computed, served);
    });
  }

  it('refuses a partner viewer, as the backend does', async () => {
    const adapter = backend.adapter('partnerAdmin');
    const now = NOW.toISOString();
    assert.equal(await rejection(computeEnterpriseMetrics(adapter, now, signal)), 'forbidden');
    assert.equal(await rejection(adapter.metrics.enterprise()), 'forbidden');
  });
});
