import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conformanceCases, formatReport, runConformance } from '../src/testing/index.js';
import { createFakeBackend, type Fault } from './support/fake-backend.js';

const run = (faults: Fault[] = []) => {
  const backend = createFakeBackend(faults);
  return runConformance({ makeAdapter: (actor) => backend.as(actor) });
};

describe('the conformance suite', () => {
  it('passes every case against a correct backend', async () => {
    const report = await run();
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.notApplicable, 0);
    assert.equal(report.passed, conformanceCases.length);
  });

  // Each broken backend has one defect; the suite must name a case it breaks.
  const defects: [Fault, string][] = [
    ['replays-create', 'deals: a partner registers a draft once per idempotency key'],
    ['leaks-other-partners', "deals: partner B never sees partner A's registrations"],
    [
      'ignores-versions',
      'catalog: programs: status follows the transition table; stale versions conflict',
    ],
    [
      'allows-any-transition',
      'deals: submitting, reviewing and approving follow the table and the roles',
    ],
    ['leaks-work-notes', 'deals: work notes stay on the enterprise side'],
    ['endless-cursor', 'catalog: products: pages follow cursors to the end, without repeats'],
    ['errors-without-fields', 'deals: bad input is rejected with the paths of the fields'],
    ['float-money', 'deals: a partner registers a draft once per idempotency key'],
  ];
  for (const [fault, expected] of defects) {
    it(`catches a backend that ${fault.replaceAll('-', ' ')}`, async () => {
      const report = await run([fault]);
      const failed = report.results
        .filter((r) => r.status === 'failed')
        .map((r) => `${r.group}: ${r.name}`);
      assert.ok(
        failed.includes(expected),
        `expected "${expected}" to fail; failed: ${failed.join(' | ') || 'none'}`,
      );
    });
  }

  it('reports a case that hangs as failed instead of stalling', async () => {
    const backend = createFakeBackend();
    const report = await runConformance({
      makeAdapter: (actor) => {
        const adapter = backend.as(actor);
        return { ...adapter, session: () => new Promise(() => undefined) };
      },
      filter: (c) => c.group === 'session',
      timeoutMs: 50,
    });
    const hung = report.results.find((r) => r.name.startsWith('each actor signs in'));
    assert.equal(hung?.status, 'failed');
    assert.match(formatReport(report), /no answer within 50 ms/);
  });

  it('marks cases of resources the backend does not serve as not applicable', async () => {
    const backend = createFakeBackend();
    const report = await runConformance({
      makeAdapter: (actor) => {
        const adapter = backend.as(actor);
        const resources = adapter.capabilities.resources.filter((r) => r !== 'mdfClaims');
        return { ...adapter, capabilities: { ...adapter.capabilities, resources } };
      },
      filter: (c) => c.group === 'leads and funds',
    });
    assert.deepEqual(
      report.results.map((r) => r.status),
      ['passed', 'not_applicable'],
    );
  });

  it('accepts a backend without live changes, but not one that claims them without subscribe', async () => {
    const backend = createFakeBackend();
    const live = (claims: boolean) =>
      runConformance({
        makeAdapter: (actor) => {
          const adapter = backend.as(actor);
          const capabilities = { ...adapter.capabilities, live: claims };
          return { ...adapter, capabilities, subscribe: undefined };
        },
        filter: (c) => c.name === 'live changes reach subscribers',
      });
    assert.equal((await live(false)).passed, 1);
    const claimed = await live(true);
    assert.equal(claimed.failed, 1);
    assert.match(formatReport(claimed), /capabilities.live is true but there is no subscribe/);
  });
});
