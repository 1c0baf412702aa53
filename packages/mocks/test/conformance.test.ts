import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRestAdapter } from '@prm-kit/adapter-rest';
import { demoViewer } from '@prm-kit/backend';
import { isPrmError, type ChangeEvent, type PrmAdapter } from '@prm-kit/core';
import { formatReport, runConformance, type ConformanceActor } from '@prm-kit/core/testing';
import { scenario } from '../src/index.js';
import { setupMockServer, type MockServer } from '../src/node.js';
import type { HandlersOptions } from '../src/handlers.js';

const BASE = 'http://prm.test/api/prm';

const rest = (
  actor: ConformanceActor,
  more: Omit<Parameters<typeof createRestAdapter>[0], 'baseUrl'> = {},
): PrmAdapter => createRestAdapter({ baseUrl: BASE, getToken: () => `demo-${actor}`, ...more });

/** Runs `work` with msw intercepting `fetch` for a mock server made from `options`. */
async function withMocks<T>(
  options: HandlersOptions,
  work: (mocks: MockServer & { requests: Request[]; unhandled: string[] }) => Promise<T>,
): Promise<T> {
  const mocks = setupMockServer(options);
  const requests: Request[] = [];
  const unhandled: string[] = [];
  mocks.server.events.on('request:start', ({ request }) => void requests.push(request));
  mocks.server.listen({
    onUnhandledRequest: (request) => {
      unhandled.push(request.url);
      throw new Error(`Not mocked: ${request.method} ${request.url}`);
    },
  });
  try {
    return await work({ ...mocks, requests, unhandled });
  } finally {
    mocks.server.close();
  }
}

const raise = (subject: string) => ({
  category: 'licensing' as const,
  priority: 'medium' as const,
  subject,
  description: 'Licence keys missing.',
});

describe('the REST adapter against the msw mocks', () => {
  it('passes the adapter conformance suite', async () => {
    await withMocks({}, async () => {
      const report = await runConformance({ makeAdapter: (actor) => rest(actor) });
      assert.equal(report.failed, 0, formatReport(report));
      assert.equal(report.notApplicable, 0);
    });
  });

  it('serves an absolute base URL, and only that origin', async () => {
    await withMocks({ baseUrl: `${BASE}/` }, async ({ requests, unhandled }) => {
      assert.equal((await rest('partnerAdmin').session()).partnerId, 'p-abc');
      await fetch('http://other.test/api/prm/session', {
        headers: { Authorization: 'Bearer demo-partnerAdmin' },
      }).catch(() => undefined);
      assert.deepEqual(unhandled, ['http://other.test/api/prm/session']);
      assert.equal(requests.length, 2);
    });
  });

  it('answers the base itself and unknown paths as the REST app does', async () => {
    await withMocks({}, async () => {
      const base = await fetch(BASE, { headers: { Authorization: 'Bearer demo-partnerAdmin' } });
      assert.equal(base.status, 404);
      assert.equal(base.headers.get('Content-Type'), 'application/problem+json');
      const anonymous = await fetch(`${BASE}/session`);
      assert.equal(anonymous.status, 401);
    });
  });

  it('makes ONE record when a create is answered by a dropped connection and retried', async () => {
    const faults = { drop: [{ operation: 'cases.create', times: 1 }] };
    await withMocks({ baseUrl: BASE, faults }, async ({ service, requests }) => {
      const adapter = rest('partnerAssociate', { retry: { limit: 2, backoffLimit: 10 } });
      const created = await adapter.cases.create(raise('Dropped once'), {
        idempotencyKey: 'drop-1',
      });
      const posts = requests.filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2, 'sent again after the drop');
      assert.deepEqual(
        posts.map((r) => r.headers.get('Idempotency-Key')),
        ['drop-1', 'drop-1'],
      );
      const cases = await service
        .for(demoViewer('partnerAssociate'))
        .cases.list({ search: 'Dropped once', limit: 50 });
      assert.deepEqual(
        cases.items.map((c) => c.id),
        [created.id],
      );
    });
  });

  it('reports a malformed body as invalid_response', async () => {
    await withMocks({ faults: { malformed: ['session'] } }, async () => {
      await assert.rejects(rest('partnerAdmin').session(), (error: unknown) =>
        isPrmError(error, 'invalid_response'),
      );
    });
  });

  it('waits out a 429 with Retry-After 1, then succeeds', async () => {
    const faults = {
      status: [{ operation: 'deals.list', status: 429, retryAfter: 1, times: 1 }],
    };
    await withMocks({ faults }, async ({ requests }) => {
      const started = Date.now();
      const page = await rest('partnerAdmin').deals.list({ limit: 5 });
      assert.ok(page.items.length > 0);
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      assert.equal(requests.length, 2);
    });
  });

  it('times out on a slow route', async () => {
    await withMocks({ faults: { latency: 400 } }, async () => {
      const adapter = rest('partnerAdmin', { timeout: 50, retry: 0 });
      await assert.rejects(adapter.session(), (error: unknown) => isPrmError(error, 'timeout'));
    });
  });

  it('answers every request 500 in the error scenario', async () => {
    await withMocks(scenario('error', { baseUrl: BASE }), async () => {
      const response = await fetch(`${BASE}/session`, {
        headers: { Authorization: 'Bearer demo-partnerAdmin' },
      });
      assert.equal(response.status, 500);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.code, 'server');
      assert.equal(body.instance, '/api/prm/session');
      await assert.rejects(rest('partnerAdmin', { retry: 0 }).session(), (error: unknown) =>
        isPrmError(error, 'server'),
      );
    });
  });

  it('sends Retry-After with an injected 503', async () => {
    const faults = { status: [{ status: 503, retryAfter: 7 }] };
    await withMocks({ faults }, async () => {
      const response = await fetch(`${BASE}/session`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('Retry-After'), '7');
      const body = (await response.json()) as Record<string, unknown>;
      assert.deepEqual([body.status, body.code, body.retryAfter], [503, 'server', 7]);
    });
  });

  it('serves no work records in the empty scenario', async () => {
    await withMocks(scenario('empty'), async () => {
      const adapter = rest('partnerAdmin');
      assert.equal((await adapter.session()).partnerId, 'p-abc');
      assert.equal((await adapter.deals.list({ limit: 5 })).items.length, 0);
      assert.equal((await adapter.cases.list({ limit: 5 })).items.length, 0);
      assert.ok((await adapter.programs.list({ limit: 5 })).items.length > 0);
      assert.ok((await adapter.products.list({ limit: 5 })).items.length > 0);
      const partners = await rest('enterpriseAdmin').partners.list({ limit: 50 });
      assert.deepEqual(partners.items.map((p) => p.id).sort(), ['p-abc', 'p-northwind']);
    });
  });

  it('forgets changes on reset(), and keeps its subscribers', async () => {
    await withMocks({ clock: () => new Date('2026-07-15T10:00:00Z') }, async (mocks) => {
      const events: ChangeEvent[] = [];
      const stop = mocks.service.subscribe((event) => events.push(event));
      const adapter = rest('partnerAssociate');
      const raised = await adapter.cases.create(raise('Before reset'), { idempotencyKey: 'r-1' });
      assert.equal(raised.createdAt, '2026-07-15T10:00:00.000Z', 'the clock is used');
      mocks.reset();
      await assert.rejects(adapter.cases.get(raised.id), (error: unknown) =>
        isPrmError(error, 'not_found'),
      );
      await adapter.cases.create(raise('After reset'), { idempotencyKey: 'r-1' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      stop();
      await adapter.cases.create(raise('Unheard'), { idempotencyKey: 'r-2' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      const created = events.filter((e) => e.resource === 'cases' && e.kind === 'created');
      assert.equal(created.length, 2, 'heard before and after reset, not after stop');
      mocks.service.sweep();
    });
  });
});
