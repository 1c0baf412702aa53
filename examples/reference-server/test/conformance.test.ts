import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROUTES, matchRoute, type PrmAdapter } from '@prm-kit/core';
import { formatReport, runConformance, type ConformanceActor } from '@prm-kit/core/testing';
import { createRestAdapter } from '@prm-kit/adapter-rest';
import { startReferenceServer, type ReferenceServer } from '../src/server.js';

// The whole path for real: REST adapter → HTTP on a loopback port → REST app → SQLite file.
describe('the REST adapter against the reference server over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prm-conformance-'));
  let server: ReferenceServer;
  /** Operations that answered 2xx through the adapter. */
  const answered = new Set<string>();
  const adapterAs = (actor: ConformanceActor): PrmAdapter =>
    createRestAdapter({
      baseUrl: server.url,
      getToken: () => `demo-${actor}`,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = input instanceof Request ? input.url : String(input);
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        const path = new URL(url).pathname.slice(new URL(server.url).pathname.length);
        const match = matchRoute(method, path);
        if (match && response.ok) answered.add(match.route.operation);
        return response;
      },
    });

  before(async () => {
    server = await startReferenceServer({ port: 0, filename: join(dir, 'prm.sqlite') });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes the adapter conformance suite', async () => {
    const report = await runConformance({ makeAdapter: adapterAs });
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.notApplicable, 0);
  });

  it('reaches every route of the table through the adapter', async () => {
    // What the suite does not call with success, called here once each.
    const admin = adapterAs('enterpriseAdmin');
    const partner = adapterAs('partnerAdmin');
    const first = async <T>(list: Promise<{ items: T[] }>) => {
      const [item] = (await list).items;
      assert.ok(item, 'the demo data has one');
      return item;
    };
    await admin.users.get((await first(admin.users.list({ limit: 1 }))).id);
    await partner.quotes.get((await first(partner.quotes.list({ limit: 1 }))).id);
    await partner.orders.get((await first(partner.orders.list({ limit: 1 }))).id);
    await partner.mdfRequests.get((await first(partner.mdfRequests.list({ limit: 1 }))).id);
    await partner.mdfClaims.get((await first(partner.mdfClaims.list({ limit: 1 }))).id);
    await partner.memberships.get((await first(partner.memberships.list({ limit: 1 }))).id);
    await partner.cases.get((await first(partner.cases.list({ limit: 1 }))).id);
    await partner.activities.get((await first(partner.activities.list({ limit: 1 }))).id);
    await admin.leads.get((await first(admin.leads.list({ limit: 1 }))).id);
    await partner.segments.get((await first(partner.segments.list({ limit: 1 }))).id);
    await partner.opportunities.list({ limit: 1 });
    const missing = ROUTES.map((route) => route.operation).filter((op) => !answered.has(op));
    assert.deepEqual(missing, [], 'routes never answered 2xx through the adapter');
  });
});
