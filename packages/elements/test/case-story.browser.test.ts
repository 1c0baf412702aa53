// Issue 7's story, once on the in-page backend and once over HTTP (adapter-rest against msw):
// a partner associate raises a licensing case, an agent assigns it to itself and replies, the
// reply appears in the partner's open detail view without a reload (live events locally,
// ETag polling over REST), and the partner confirms the resolution.
import { expect, html, waitUntil } from '@open-wc/testing';
import type { DEMO_USERS } from '@prm-kit/adapter-local';
import { createRestAdapter } from '@prm-kit/adapter-rest';
import type { Case, PrmAdapter } from '@prm-kit/core';
import { startMockWorker } from '@prm-kit/mocks/browser';
import type { LitElement } from 'lit';
import type { PrmCaseDetail } from '../src/components/case-detail/case-detail.js';
import type { PrmCaseForm } from '../src/components/case-form/case-form.js';
import type { PrmCaseQueue } from '../src/components/case-queue/case-queue.js';
import { demoBackend, mount, type, until } from './support/fixtures.js';

type Actor = keyof typeof DEMO_USERS;

interface Backend {
  as: (actor: Actor) => PrmAdapter;
  /** How the partner's open detail learns of the reply. */
  pollInterval: number | undefined;
  stop: () => void;
}

const backends: Record<string, () => Promise<Backend>> = {
  'adapter-local': async () => {
    const backend = demoBackend();
    return {
      as: (actor) => backend.adapter(actor),
      pollInterval: undefined,
      stop: () => undefined,
    };
  },
  'adapter-rest over msw': async () => {
    const mocks = await startMockWorker();
    return {
      as: (actor) =>
        createRestAdapter({ baseUrl: '/api/prm', getToken: async () => `demo-${actor}` }),
      pollInterval: 500,
      stop: () => mocks.stop(),
    };
  },
};

const inShadow = <T extends Element = HTMLElement>(element: Element, selector: string) =>
  element.shadowRoot!.querySelector<T>(selector);

async function write(element: LitElement, selector: string, value: string): Promise<void> {
  const box = inShadow<HTMLTextAreaElement>(element, selector)!;
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await element.updateComplete;
}

/** Clicks the status move to `to` in a case detail, answering its message dialog if it asks. */
async function move(detail: PrmCaseDetail, to: string, message: string): Promise<void> {
  await waitUntil(() => inShadow(detail, `[data-move="${to}"]`), `no move to ${to}`);
  inShadow<HTMLButtonElement>(detail, `[data-move="${to}"]`)!.click();
  await detail.updateComplete;
  const dialog = inShadow<HTMLDialogElement>(detail, 'dialog[open]');
  if (dialog) {
    await write(detail, 'dialog[open] textarea', message);
    inShadow<HTMLButtonElement>(detail, 'dialog[open] [part~="confirm-button"]')!.click();
  }
  await waitUntil(
    () => !inShadow(detail, 'dialog[open]') && !inShadow(detail, `[data-move="${to}"]`),
    `the move to ${to} did not happen`,
    { timeout: 8000 },
  );
}

for (const [name, start] of Object.entries(backends)) {
  describe(`support case end to end, ${name}`, () => {
    let backend: Backend | undefined;
    beforeEach(() => localStorage.clear());
    afterEach(() => backend?.stop());

    it('raise, assign, reply (seen live by the partner), confirm the resolution', async () => {
      backend = await start();
      const { as, pollInterval } = backend;

      // 1. The partner associate raises a licensing case.
      const form = await mount<PrmCaseForm>(
        as('partnerAssociate'),
        html`<prm-provider><prm-case-form></prm-case-form></prm-provider>`,
      );
      await waitUntil(() => inShadow(form.element, '[name="category"]'), 'no form');
      const created: Case[] = [];
      form.provider.addEventListener('prm-case-created', (event) =>
        created.push(event.supportCase),
      );
      await type(form.element, 'category', 'licensing');
      await type(form.element, 'priority', 'high');
      await type(form.element, 'subject', 'Licence keys missing for the new firewalls');
      await type(form.element, 'description', 'Order 4711 shipped without keys.');
      inShadow<HTMLButtonElement>(form.element, '[part~="submit-button"]')!.click();
      await waitUntil(() => created.length === 1, 'the case was not raised', { timeout: 8000 });
      const raised = created[0]!;
      await until(form.element, raised.number);
      form.provider.remove();

      // The partner keeps the case open.
      const partner = await mount<PrmCaseDetail>(
        as('partnerAssociate'),
        html`<prm-provider
          ><prm-case-detail
            case-id=${raised.id}
            poll-interval=${pollInterval ?? 0}
          ></prm-case-detail
        ></prm-provider>`,
      );
      await until(partner.element, 'Licence keys missing for the new firewalls');

      // 2. The agent assigns it to itself in the queue.
      const queue = await mount<PrmCaseQueue>(
        as('supportAgent'),
        html`<prm-provider><prm-case-queue></prm-case-queue></prm-provider>`,
      );
      await until(queue.element, raised.number);
      const updated: Case[] = [];
      queue.provider.addEventListener('prm-case-updated', (event) =>
        updated.push(event.supportCase),
      );
      inShadow<HTMLButtonElement>(
        queue.element,
        `tr[data-case-id="${raised.id}"] [part~="assign-me-button"]`,
      )!.click();
      await waitUntil(() => updated.length === 1, 'not assigned', { timeout: 8000 });
      expect(updated[0]!.assigneeId).to.equal('u-xyz-support-lindqvist');
      queue.provider.remove();

      // 3. The agent replies and resolves it.
      const agent = await mount<PrmCaseDetail>(
        as('supportAgent'),
        html`<prm-provider><prm-case-detail case-id=${raised.id}></prm-case-detail></prm-provider>`,
      );
      await until(agent.element, 'Licence keys missing');
      await write(agent.element, '#case-reply', 'New keys are on their way: KEY-1234.');
      inShadow<HTMLButtonElement>(agent.element, '[part~="reply-button"]')!.click();
      await until(inShadow(agent.element, '[part~="conversation"]')!, 'KEY-1234');
      if (inShadow(agent.element, '[data-move="in_progress"]')) {
        await move(agent.element, 'in_progress', 'Working on it.');
      }
      await move(agent.element, 'resolved', 'Keys sent.');
      agent.provider.remove();

      // 4. The reply shows in the partner's open view without a reload; the partner confirms.
      await until(inShadow(partner.element, '[part~="conversation"]')!, 'KEY-1234', 10_000);
      await move(partner.element, 'closed', 'Thanks.');
      const final = await as('partnerAssociate').cases.get(raised.id);
      expect(final.status).to.equal('closed');
      partner.provider.remove();
    });
  });
}
