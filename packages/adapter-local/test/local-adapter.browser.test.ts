import { expect } from '@open-wc/testing';
import { formatReport, runConformance } from '@prm-kit/core/testing';
import { createLocalAdapter, createLocalBackend } from '../src/index.js';

// The whole backend runs in a page: no Node built-ins, browser storage for persistence.
describe('the local adapter in Chromium', () => {
  afterEach(() => localStorage.clear());

  it('passes the adapter conformance suite', async () => {
    const backend = createLocalBackend();
    const report = await runConformance({ makeAdapter: (actor) => backend.adapter(actor) });
    expect(report.failed, formatReport(report)).to.equal(0);
  });

  it('keeps a demo change in localStorage across a reload', async () => {
    const before = createLocalAdapter({ viewer: 'partnerAssociate', persist: true });
    const raised = await before.cases.create(
      {
        category: 'licensing',
        priority: 'high',
        subject: 'Stored in the page',
        description: 'Keys missing',
      },
      { idempotencyKey: 'browser-persist' },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(localStorage.getItem('prm-kit:local-adapter')).to.contain('Stored in the page');
    const after = createLocalAdapter({ viewer: 'partnerAssociate', persist: true });
    expect((await after.cases.get(raised.id)).subject).to.equal('Stored in the page');
  });
});
