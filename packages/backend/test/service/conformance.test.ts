import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport, runConformance } from '@prm-kit/core/testing';
import { STORES, demoService } from '../support/stores.js';

for (const store of STORES) {
  describe(`the service on the ${store.name} store`, () => {
    it('passes the adapter conformance suite', async () => {
      const { as } = demoService(store);
      const report = await runConformance({ makeAdapter: as });
      assert.equal(report.failed, 0, formatReport(report));
      assert.equal(report.notApplicable, 0);
    });
  });
}
