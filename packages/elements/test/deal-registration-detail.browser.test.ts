import { expect, html, waitUntil } from '@open-wc/testing';
import type { PrmAdapter } from '@prm-kit/core';
import type { PrmDealRegistrationDetail } from '../src/components/deal-registration-detail/deal-registration-detail.js';
import type { PrmProvider } from '../src/components/provider/provider.js';
import {
  HOSTILE,
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

/** ABC's Globex registration: Chloe's (the associate), with comments and XYZ work notes. */
const GLOBEX = 'deal-2';

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountDetail(adapter: PrmAdapter, id: string): Promise<PrmDealRegistrationDetail> {
  const { element } = await mount<PrmDealRegistrationDetail>(
    adapter,
    html`<prm-provider
      ><prm-deal-registration-detail deal-id=${id}></prm-deal-registration-detail
    ></prm-provider>`,
  );
  await waitUntil(
    () => element.shadowRoot!.querySelector('article, [part~="error"]'),
    'the detail never settled',
  );
  return element;
}

describe('prm-deal-registration-detail', () => {
  beforeEach(() => localStorage.clear());

  it("shows a partner viewer the record, history and comments, but never the enterprise's work notes", async () => {
    const backend = demoBackend();
    const enterprise = await backend.adapter('channelManager').deals.get(GLOBEX);
    expect(enterprise.workNotes?.length ?? 0, 'the record has work notes').to.be.greaterThan(0);
    const deal = await backend.adapter('partnerAssociate').deals.get(GLOBEX);
    const products = (await backend.adapter('partnerAssociate').products.list({ limit: 200 }))
      .items;

    const element = await mountDetail(backend.adapter('partnerAssociate'), GLOBEX);
    await expect(element).to.be.accessible();
    const text = textOf(element);
    expect(text).to.contain(deal.number);
    expect(text).to.contain(deal.customer.company);
    expect(textOf(part(element, 'status')!)).to.equal('Under review');
    for (const line of deal.products) {
      expect(textOf(part(element, 'products')!)).to.contain(
        products.find((p) => p.id === line.productId)!.name,
      );
    }
    // History: one entry per change; the viewer's own changes read "you".
    const history = part(element, 'history')!;
    expect(history.querySelectorAll('li').length).to.equal(deal.history.length);
    expect(textOf(history)).to.contain('by you');
    const reviewer = deal.history.find((change) => change.by !== 'u-abc-associate')!;
    expect(textOf(history)).to.contain(reviewer.byName ?? 'the channel team');
    // Comments, and a box to add one.
    const comments = part(element, 'comments')!;
    for (const comment of deal.comments) expect(textOf(comments)).to.contain(comment.body);
    expect(Boolean(part(element, 'comment-form'))).to.equal(true);
    // No work notes, not even an empty section.
    expect(Boolean(part(element, 'work-notes'))).to.equal(false);
    for (const note of enterprise.workNotes ?? []) expect(text).not.to.contain(note.body);
  });

  it('never renders work notes for a partner viewer, even if an adapter leaks them', async () => {
    const backend = demoBackend();
    const enterprise = await backend.adapter('channelManager').deals.get(GLOBEX);
    const { adapter } = instrument(backend.adapter('partnerAssociate'), (name, call) =>
      name === 'deals.get' ? Promise.resolve(enterprise) : call(),
    );
    const element = await mountDetail(adapter, GLOBEX);
    await until(element, 'History');
    expect(Boolean(part(element, 'work-notes'))).to.equal(false);
    for (const note of enterprise.workNotes ?? [])
      expect(textOf(element)).not.to.contain(note.body);
  });

  it('shows a channel manager the same record with its partner and work notes', async () => {
    const backend = demoBackend();
    const deal = await backend.adapter('channelManager').deals.get(GLOBEX);
    const partner = await backend.adapter('channelManager').partners.get(deal.partnerId);
    const element = await mountDetail(backend.adapter('channelManager'), GLOBEX);
    await until(element, partner.name);
    await expect(element).to.be.accessible();
    const notes = part(element, 'work-notes')!;
    for (const note of deal.workNotes ?? []) expect(textOf(notes)).to.contain(note.body);
    // The channel manager does not submit or withdraw partner registrations.
    expect(element.shadowRoot!.querySelectorAll('[data-action]').length).to.equal(0);
  });

  it('shows the loading state', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'deals.get',
    );
    const { element } = await mount<PrmDealRegistrationDetail>(
      adapter,
      html`<prm-provider
        ><prm-deal-registration-detail deal-id=${GLOBEX}></prm-deal-registration-detail
      ></prm-provider>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy="true"]'));
    expect(textOf(element)).to.contain('Loading deal registration');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('partnerAssociate'), 'deals.get');
    const element = await mountDetail(adapter, GLOBEX);
    await until(element, 'Try again');
    await expect(element).to.be.accessible();
    part(element, 'retry')!.click();
    await until(element, 'History');
    expect(log.count('deals.get')).to.equal(2);
  });

  it('shows a partner viewer that cannot see a registration as not found', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('partnerAssociate'), 'deal-1');
    await until(element, "This record doesn't exist or was removed.");
  });

  it('lets a channel manager add a work note that the partner never sees', async () => {
    const backend = demoBackend();
    const note = 'Customer is also talking to our direct team; check before approving.';
    const element = await mountDetail(backend.adapter('channelManager'), GLOBEX);
    part(element, 'work-note-button')!.click();
    await until(element, 'Write a note first.');
    const textarea = element.shadowRoot!.querySelector<HTMLTextAreaElement>('#deal-work-note')!;
    textarea.value = note;
    textarea.dispatchEvent(new Event('input'));
    part(element, 'work-note-button')!.click();
    await waitUntil(() => textOf(part(element, 'work-notes')!).includes(note));
    expect(textOf(part(element, 'comments')!)).not.to.contain(note);
    await waitUntil(() => textarea.value === '');

    const enterprise = await backend.adapter('channelManager').deals.get(GLOBEX);
    expect(enterprise.workNotes?.at(-1)?.body).to.equal(note);
    const partnerView = await backend.adapter('partnerAssociate').deals.get(GLOBEX);
    expect(JSON.stringify(partnerView)).not.to.contain(note);
    const partnerElement = await mountDetail(backend.adapter('partnerAssociate'), GLOBEX);
    expect(textOf(partnerElement)).not.to.contain(note);
    expect(Boolean(part(partnerElement, 'work-note-form'))).to.equal(false);
  });

  it('adds a comment, keeps the typed text across a reload, and requires text', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('partnerAssociate'), GLOBEX);
    part(element, 'comment-button')!.click();
    await until(element, 'Write a comment first.');
    const textarea = element.shadowRoot!.querySelector<HTMLTextAreaElement>('#deal-comment')!;
    expect(element.shadowRoot!.activeElement).to.equal(textarea);
    textarea.value = 'The customer confirmed the budget.';
    textarea.dispatchEvent(new Event('input'));

    // A reload mid-comment brings the text back.
    const provider = element.parentElement as PrmProvider;
    provider.remove();
    const again = await mountDetail(backend.adapter('partnerAssociate'), GLOBEX);
    const restored = again.shadowRoot!.querySelector<HTMLTextAreaElement>('#deal-comment')!;
    expect(restored.value).to.equal('The customer confirmed the budget.');

    part(again, 'comment-button')!.click();
    await waitUntil(() =>
      textOf(part(again, 'comments')!).includes('The customer confirmed the budget.'),
    );
    const saved = await backend.adapter('partnerAssociate').deals.get(GLOBEX);
    expect(saved.comments.at(-1)?.body).to.equal('The customer confirmed the budget.');
    await waitUntil(() => restored.value === '');
  });

  it('offers the same actions as the list: withdraw after confirming', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const submitted = (await reference.deals.list({ filter: { status: ['submitted'] } })).items[0]!;
    const element = await mountDetail(backend.adapter('partnerAssociate'), submitted.id);
    part(element, 'action-withdraw')!.click();
    await waitUntil(() => openDialog(element));
    await expect(element).to.be.accessible();
    openDialog(element)!.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await until(element, `${submitted.number} withdrawn.`);
    await waitUntil(() => textOf(part(element, 'status')!) === 'Withdrawn');
    expect((await reference.deals.get(submitted.id)).status).to.equal('withdrawn');
  });

  it('shows the opportunity of a converted registration and the decision', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const converted = (await reference.deals.list({ filter: { status: ['converted'] } })).items;
    const withOpportunity = converted.find((deal) => deal.opportunityId !== null);
    const rejected = (await reference.deals.list({ filter: { status: ['rejected'] } })).items[0]!;
    if (withOpportunity) {
      const element = await mountDetail(backend.adapter('partnerManager'), withOpportunity.id);
      expect(textOf(part(element, 'opportunity')!)).to.equal(withOpportunity.opportunityId);
    }
    const element = await mountDetail(backend.adapter('partnerManager'), rejected.id);
    const decision = textOf(part(element, 'decision')!);
    expect(decision).to.contain('Rejected');
    if (rejected.decision?.message) expect(decision).to.contain(rejected.decision.message);
  });

  it('renders hostile text as text', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const created = await associate.deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: HOSTILE, country: 'US' },
        products: [{ productId: 'prod-fw-1000', quantity: 1 }],
        estimatedValue: { amount: 5_000_000, currency: 'USD' },
        expectedCloseDate: '2030-06-30',
        comments: HOSTILE,
      },
      { idempotencyKey: 'hostile-detail' },
    );
    const element = await mountDetail(backend.adapter('partnerAssociate'), created.id);
    expect(textOf(part(element, 'header')!)).to.contain(HOSTILE);
    expect(textOf(part(element, 'comments')!)).to.contain(HOSTILE);
    expect(Boolean(element.shadowRoot!.querySelector('img, script'))).to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });

  it('says so when no registration is named', async () => {
    const { element } = await mount<PrmDealRegistrationDetail>(
      demoBackend().adapter('partnerAssociate'),
      html`<prm-provider
        ><prm-deal-registration-detail></prm-deal-registration-detail
      ></prm-provider>`,
    );
    await until(element, 'Choose a registration to see it.');
  });
});
