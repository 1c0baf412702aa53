// The whole story, as the people in it do it, once on the in-page backend and once
// over HTTP (the REST adapter against msw serving the reference backend): a partner
// associate registers a deal, a channel manager sees the conflict and approves it, the
// partner converts it, and the opportunity shows in the API's opportunity list.
import { expect, html, waitUntil } from '@open-wc/testing';
import { createRestAdapter } from '@prm-kit/adapter-rest';
import type { DealRegistration, PrmAdapter } from '@prm-kit/core';
import { startMockWorker, type MockWorker } from '@prm-kit/mocks/browser';
import type { PrmDealRegistrationForm } from '../src/components/deal-registration-form/deal-registration-form.js';
import type { PrmDealRegistrationList } from '../src/components/deal-registration-list/deal-registration-list.js';
import type { PrmDealReviewQueue } from '../src/components/deal-review-queue/deal-review-queue.js';
import { fillDealForm } from './support/deal-form.js';
import { deepText, demoBackend, mount, until } from './support/fixtures.js';
import type { DEMO_USERS } from '@prm-kit/adapter-local';

type Actor = keyof typeof DEMO_USERS;

const CUSTOMER = { company: 'Story Dynamics', domain: 'story-dynamics.example.com' };

interface Backend {
  as: (actor: Actor) => PrmAdapter;
  stop: () => void;
}

const backends: Record<string, () => Promise<Backend>> = {
  'adapter-local': async () => {
    const backend = demoBackend();
    return { as: (actor) => backend.adapter(actor), stop: () => undefined };
  },
  'adapter-rest over msw': async () => {
    const mocks: MockWorker = await startMockWorker();
    return {
      as: (actor) =>
        createRestAdapter({ baseUrl: '/api/prm', getToken: async () => `demo-${actor}` }),
      stop: () => mocks.stop(),
    };
  },
};

const shadowPart = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T>(selector);

for (const [name, start] of Object.entries(backends)) {
  describe(`deal registration end to end, ${name}`, () => {
    let backend: Backend | undefined;
    beforeEach(() => localStorage.clear());
    afterEach(() => backend?.stop());

    it('register, see the conflict, approve, convert into an opportunity', async () => {
      backend = await start();
      const { as } = backend;

      // Another partner already holds a live (not yet approved) claim on the customer.
      const theirs = await as('otherPartnerAdmin').deals.create(
        {
          programId: 'prog-reseller',
          dealType: 'new_business',
          customer: { ...CUSTOMER, country: 'US' },
          products: [{ productId: 'prod-fw-1000', quantity: 2 }],
          estimatedValue: { amount: 4_000_000, currency: 'USD' },
          expectedCloseDate: '2030-03-31',
        },
        { idempotencyKey: `story-northwind-${name}`, submit: true },
      );

      // 1. The partner associate registers the deal and is warned, anonymously.
      const form = await mount<PrmDealRegistrationForm>(
        as('partnerAssociate'),
        html`<prm-provider
          ><prm-deal-registration-form></prm-deal-registration-form
        ></prm-provider>`,
      );
      await until(form.element, 'Register a deal');
      const submitted: DealRegistration[] = [];
      form.provider.addEventListener('prm-deal-submitted', (event) => submitted.push(event.deal));
      await fillDealForm(form.element, CUSTOMER);
      await until(form.element, 'Another partner already has a live claim on this customer');
      expect(deepText(form.element)).not.to.contain('Northwind');
      expect(deepText(form.element)).not.to.contain(theirs.number);
      shadowPart<HTMLButtonElement>(form.element, '[part~="submit-button"]')!.click();
      await waitUntil(() => submitted.length === 1, 'the registration was not submitted', {
        timeout: 8000,
      });
      const ours = submitted[0]!;
      await until(form.element, ours.number);
      form.provider.remove();

      // 2. The channel manager sees it in the queue, with the conflict side by side, and approves.
      const queue = await mount<PrmDealReviewQueue>(
        as('channelManager'),
        html`<prm-provider><prm-deal-review-queue></prm-deal-review-queue></prm-provider>`,
      );
      await until(queue.element, ours.number);
      shadowPart<HTMLButtonElement>(
        queue.element,
        `tr[data-deal-id="${ours.id}"] [part~="select-button"]`,
      )!.click();
      await until(queue.element, `Review ${ours.number}`);
      await until(queue.element, 'Northwind Networks');
      const decided: string[] = [];
      queue.provider.addEventListener('prm-deal-decided', (event) => decided.push(event.outcome));
      await waitUntil(() => shadowPart(queue.element, '[part~="approve-button"]'), 'no Approve');
      shadowPart<HTMLButtonElement>(queue.element, '[part~="approve-button"]')!.click();
      await waitUntil(() => decided.includes('approved'), 'not approved', { timeout: 8000 });
      queue.provider.remove();

      // 3. The partner converts the approved registration into an opportunity.
      const list = await mount<PrmDealRegistrationList>(
        as('partnerAssociate'),
        html`<prm-provider
          ><prm-deal-registration-list></prm-deal-registration-list
        ></prm-provider>`,
      );
      await until(list.element, ours.number);
      const converted: DealRegistration[] = [];
      list.provider.addEventListener('prm-deal-converted', (event) => converted.push(event.deal));
      const convert = () =>
        shadowPart<HTMLButtonElement>(
          list.element,
          `tr[data-deal-id="${ours.id}"] [part~="action-convert"]`,
        );
      await waitUntil(convert, 'no Convert action on the approved registration');
      convert()!.click();
      await list.element.updateComplete;
      shadowPart<HTMLButtonElement>(list.element, 'dialog[open] [part~="confirm-button"]')?.click();
      await waitUntil(() => converted.length === 1, 'not converted', { timeout: 8000 });
      const opportunityId = converted[0]!.opportunityId;
      expect(opportunityId).to.be.a('string');

      // 4. The opportunity is in the API's opportunity list (associates do not read
      // opportunities; their partner admin does).
      const opportunities = await as('partnerAdmin').opportunities.list({ limit: 200 });
      expect(opportunities.items.some((o) => o.id === opportunityId)).to.equal(true);
      list.provider.remove();
    });
  });
}
