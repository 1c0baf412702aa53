import { expect } from '@open-wc/testing';
import { startMockWorker, scenario, type MockWorker } from '../src/browser.js';

const asPartnerAdmin = { headers: { Authorization: 'Bearer demo-partnerAdmin' } };

// msw's service worker, served at /mockServiceWorker.js by web-test-runner.config.mjs.
describe('startMockWorker in Chromium', () => {
  let mocks: MockWorker | undefined;
  afterEach(() => {
    mocks?.stop();
    mocks = undefined;
  });

  it('serves the reference backend at /api/prm', async () => {
    mocks = await startMockWorker();
    const response = await fetch('/api/prm/session', asPartnerAdmin);
    expect(response.status).to.equal(200);
    const viewer = (await response.json()) as { userId: string; partnerId: string | null };
    expect(viewer.userId).to.equal('u-abc-admin');
    expect(viewer.partnerId).to.equal('p-abc');
  });

  it('answers 500 problem details in the error scenario', async () => {
    mocks = await startMockWorker(scenario('error'));
    const response = await fetch('/api/prm/session', asPartnerAdmin);
    expect(response.status).to.equal(500);
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    const problem = (await response.json()) as { code: string };
    expect(problem.code).to.equal('server');
  });

  it('lets a later start take over, which an earlier stop() leaves alone', async () => {
    const first = await startMockWorker(scenario('error'));
    mocks = await startMockWorker();
    first.stop();
    expect((await fetch('/api/prm/session', asPartnerAdmin)).status).to.equal(200);
    let refused: unknown;
    await startMockWorker({ workerUrl: '/elsewhere/mockServiceWorker.js' }).catch(
      (error: unknown) => (refused = error),
    );
    expect(String(refused)).to.contain('already runs the mock worker');
  });

  it('stops intercepting on stop()', async () => {
    mocks = await startMockWorker();
    mocks.stop();
    mocks = undefined;
    // The test server has no /api/prm: a real request answers 404 and no viewer.
    const response = await fetch('/api/prm/session', asPartnerAdmin);
    expect(response.status).to.equal(404);
  });
});
