import { expect } from '@open-wc/testing';
import { conformanceCases, formatReport, runConformance } from '../src/testing/index.js';
import { createFakeBackend } from './support/fake-backend.js';

// The suite needs no test runner and no Node: a host can prove an adapter in the browser.
describe('the conformance suite in Chromium', () => {
  it('runs every case against a correct in-page backend', async () => {
    const backend = createFakeBackend();
    const report = await runConformance({ makeAdapter: (actor) => backend.as(actor) });
    expect(report.failed, formatReport(report)).to.equal(0);
    expect(report.passed).to.equal(conformanceCases.length);
  });
});
