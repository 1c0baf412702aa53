import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport, runConformance } from '@prm-kit/core/testing';
import {
  createMemoryStore,
  createPrmService,
  createRestApp,
  datasetSnapshot,
  demoAuthenticate,
  demoDataset,
} from '@prm-kit/backend';
import { createRestAdapter } from '../src/index.js';

describe('createRestAdapter against the reference REST app (in process)', () => {
  it('passes the adapter conformance suite', async () => {
    const service = createPrmService({
      store: createMemoryStore(datasetSnapshot(demoDataset())),
    });
    const app = createRestApp(service, { authenticate: demoAuthenticate, basePath: '/api/prm' });
    const report = await runConformance({
      makeAdapter: (actor) =>
        createRestAdapter({
          baseUrl: 'http://prm.test/api/prm',
          getToken: () => `demo-${actor}`,
          fetch: async (input, init) => app.fetch(new Request(input, init)),
        }),
    });
    assert.equal(report.failed, 0, formatReport(report));
    assert.equal(report.notApplicable, 0);
    assert.ok(report.passed > 0);
  });
});
