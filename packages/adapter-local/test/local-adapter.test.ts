import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPrmError, type ChangeEvent } from '@prm-kit/core';
import { formatReport, runConformance } from '@prm-kit/core/testing';
import { createLocalAdapter, createLocalBackend } from '../src/index.js';

/** Storage in a Map, with a switch to make it full. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    full: false,
    getItem: (key: string) => items.get(key) ?? null,
    setItem(key: string, value: string) {
      if (this.full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const raise = (subject: string) => ({
  category: 'licensing' as const,
  priority: 'medium' as const,
  subject,
  description: 'Licence keys missing.',
});

describe('createLocalAdapter', () => {
  it('passes the adapter conformance suite', async () => {
    const backend = createLocalBackend();
    const report = await runConformance({ makeAdapter: (actor) => backend.adapter(actor) });
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.notApplicable, 0);
  });

  it('signs in as a demo user, and switches roles', async () => {
    const adapter = createLocalAdapter({ viewer: 'partnerAdmin' });
    assert.equal((await adapter.session()).partnerId, 'p-abc');
    const abc = await adapter.deals.list({ limit: 200 });
    assert.ok(abc.items.length > 0 && abc.items.every((d) => d.partnerId === 'p-abc'));
    adapter.setViewer('otherPartnerAdmin');
    assert.equal((await adapter.session()).role, 'partner_admin');
    const other = await adapter.deals.list({ limit: 200 });
    assert.ok(other.items.every((d) => d.partnerId === adapter.viewer.partnerId));
    assert.notEqual(adapter.viewer.partnerId, 'p-abc');
  });

  it('keeps changes across a reload when asked, and forgets them on reset', async () => {
    const storage = memoryStorage();
    const first = createLocalAdapter({ viewer: 'partnerAssociate', persist: { storage } });
    const raised = await first.cases.create(raise('Survives a reload'), {
      idempotencyKey: 'persist',
    });
    await settle();
    const reloaded = createLocalAdapter({ viewer: 'partnerAssociate', persist: { storage } });
    assert.equal((await reloaded.cases.get(raised.id)).subject, 'Survives a reload');
    reloaded.reset();
    await assert.rejects(reloaded.cases.get(raised.id), (e: unknown) => isPrmError(e, 'not_found'));
    const afterReset = createLocalAdapter({ viewer: 'partnerAssociate', persist: { storage } });
    await assert.rejects(afterReset.cases.get(raised.id), (e: unknown) =>
      isPrmError(e, 'not_found'),
    );
  });

  it('ignores a saved copy of another format, and survives a full storage', async (t) => {
    const storage = memoryStorage();
    storage.items.set(
      'prm-kit:local-adapter',
      JSON.stringify({ format: 0, snapshot: { records: {} } }),
    );
    const adapter = createLocalAdapter({ persist: { storage } });
    assert.ok((await adapter.partners.get('p-abc')).name, 'the seed is used');
    storage.full = true;
    const warn = t.mock.method(console, 'warn', () => undefined);
    await adapter.cases.create(raise('One'), { idempotencyKey: 'full-1' });
    await adapter.cases.create(raise('Two'), { idempotencyKey: 'full-2' });
    await settle();
    assert.equal(warn.mock.callCount(), 1, 'one warning, not one per change');
    assert.equal(
      (await adapter.cases.list({ search: 'Two' })).items.length,
      1,
      'the page keeps working',
    );
  });

  it('waits the simulated latency, and an abort ends the wait at once', async () => {
    const adapter = createLocalAdapter({ latency: 10_000 });
    const controller = new AbortController();
    const call = adapter.products.list({}, { signal: controller.signal });
    const first = await Promise.race([call.then(() => 'answered'), settle().then(() => 'waiting')]);
    assert.equal(first, 'waiting');
    controller.abort(new DOMException('The user left the page.', 'AbortError'));
    await assert.rejects(call, (error: unknown) => (error as DOMException).name === 'AbortError');
    const aborted = AbortSignal.abort();
    await assert.rejects(adapter.session({ signal: aborted }));
  });

  it('delivers live changes to the current viewer only', async () => {
    const backend = createLocalBackend();
    const watcher = backend.adapter('partnerAdmin');
    const seen: ChangeEvent[] = [];
    const stop = watcher.subscribe((event) => seen.push(event));
    await backend
      .adapter('partnerAssociate')
      .cases.create(raise('Live'), { idempotencyKey: 'live-1' });
    await settle();
    assert.ok(seen.some((e) => e.resource === 'cases' && e.kind === 'created'));
    watcher.setViewer('otherPartnerAdmin');
    seen.length = 0;
    await backend
      .adapter('partnerAssociate')
      .cases.create(raise('Hidden'), { idempotencyKey: 'live-2' });
    await settle();
    assert.deepEqual(seen, [], "after switching to partner B, A's changes stay unseen");
    stop();
  });

  it('tells the demo story relative to now, so a demo opened later is still alive', async () => {
    const later = createLocalAdapter({
      viewer: 'partnerAdmin',
      clock: () => new Date('2027-06-01T10:00:00Z'),
    });
    const approved = await later.deals.list({ filter: { status: ['approved'] }, limit: 50 });
    assert.ok(approved.items.length > 0, 'approved registrations are not all expired');
    assert.ok(approved.items.every((d) => (d.protection?.endsAt ?? '') > '2027-06-01'));
  });
});
