import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  protectionRemaining,
  type DealQuery,
  type DealRegistration,
  type PrmAdapter,
} from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmDealRegistrationList } from '../src/components/deal-registration-list/deal-registration-list.js';
import type { PrmDealSelectEvent } from '../src/events.js';
import {
  HOSTILE,
  deepText,
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

function shadow(element: Element): ShadowRoot {
  return element.shadowRoot!;
}

function rowOf(element: Element, id: string): HTMLTableRowElement | null {
  return shadow(element).querySelector<HTMLTableRowElement>(`tr[data-deal-id="${id}"]`);
}

function rowIds(element: Element): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('tr[data-deal-id]')].map(
    (row) => row.dataset.dealId ?? '',
  );
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = shadow(element).querySelector('dialog');
  return dialog?.open ? dialog : null;
}

function button(scope: ParentNode, part: string): HTMLButtonElement | null {
  return scope.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
}

async function mountList(
  adapter: PrmAdapter,
  options: { status?: string; pageSize?: number } = {},
): Promise<PrmDealRegistrationList> {
  const { element } = await mount<PrmDealRegistrationList>(
    adapter,
    html`<prm-provider
      ><prm-deal-registration-list
        status=${ifDefined(options.status)}
        page-size=${ifDefined(options.pageSize)}
      ></prm-deal-registration-list
    ></prm-provider>`,
  );
  await waitUntil(
    () => shadow(element).querySelector('table, [part~="empty"], [part~="error"]'),
    'the list never settled',
  );
  return element;
}

/** The next event of `type` from `element`, typed by the event map. */
function eventOf<K extends keyof HTMLElementEventMap>(
  element: Element,
  type: K,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => {
    element.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), {
      once: true,
    });
  });
}

/** Records the query of every `deals.list` call. */
function recording(adapter: PrmAdapter) {
  const queries: DealQuery[] = [];
  const { adapter: recorded, log } = instrument(adapter, (name, call, args) => {
    if (name === 'deals.list') queries.push(args[0] ?? {});
    return call();
  });
  return { adapter: recorded, log, queries };
}

async function ids(adapter: PrmAdapter, query: DealQuery = {}): Promise<string[]> {
  const page = await adapter.deals.list({ sort: '-createdAt', limit: 25, ...query });
  return page.items.map((deal) => deal.id);
}

describe('prm-deal-registration-list', () => {
  it('shows a partner associate only its own registrations, with no partner column and no review controls, accessibly', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const expected = await ids(reference);
    const element = await mountList(backend.adapter('partnerAssociate'));
    await expect(element).to.be.accessible();

    expect(rowIds(element)).to.deep.equal(expected);
    const all = (await reference.deals.list({ limit: 200 })).items;
    expect(all.every((deal) => deal.submittedBy === 'u-abc-associate')).to.equal(true);
    const headers = [...shadow(element).querySelectorAll('th')].map((th) => textOf(th));
    expect(headers).not.to.include('Partner');
    const buttons = [...shadow(element).querySelectorAll('button')].map((b) => textOf(b));
    expect(buttons.some((label) => /^(Approve|Reject|Return)/.test(label))).to.equal(false);
    // The draft can be submitted or withdrawn; a rejected one has no action.
    const draft = all.find((deal) => deal.status === 'draft')!;
    const draftActions = [
      ...rowOf(element, draft.id)!.querySelectorAll<HTMLElement>('[data-action]'),
    ];
    expect(draftActions.map((b) => b.dataset.action)).to.deep.equal(['submit', 'withdraw']);
    const rejected = all.find((deal) => deal.status === 'rejected')!;
    expect(rowOf(element, rejected.id)!.querySelectorAll('[data-action]').length).to.equal(0);
  });

  it('shows a partner manager every registration of its partner', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const expected = await ids(reference);
    const element = await mountList(backend.adapter('partnerManager'));
    expect(rowIds(element)).to.deep.equal(expected);
    const deals = (await reference.deals.list({ limit: 200 })).items;
    expect(deals.every((deal) => deal.partnerId === 'p-abc')).to.equal(true);
    expect(new Set(deals.map((deal) => deal.submittedBy)).size).to.be.greaterThan(1);
  });

  it("shows a channel manager its partners' registrations with the partner's name", async () => {
    const backend = demoBackend();
    const reference = backend.adapter('channelManager');
    const expected = await ids(reference);
    const partners = (await reference.partners.list({ limit: 200 })).items;
    const element = await mountList(backend.adapter('channelManager'));
    await expect(element).to.be.accessible();
    expect(rowIds(element)).to.deep.equal(expected);
    const deals = (await reference.deals.list({ sort: '-createdAt', limit: 25 })).items;
    expect(new Set(deals.map((d) => d.partnerId)).size).to.be.greaterThan(1);
    for (const deal of deals) {
      const name = partners.find((p) => p.id === deal.partnerId)!.name;
      expect(textOf(rowOf(element, deal.id)!.querySelector('[part~="partner"]')!)).to.equal(name);
    }
  });

  it('shows the loading state while the registrations are read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'deals.list',
    );
    const { element } = await mount<PrmDealRegistrationList>(
      adapter,
      html`<prm-provider><prm-deal-registration-list></prm-deal-registration-list></prm-provider>`,
    );
    await waitUntil(() => shadow(element).querySelector('[aria-busy="true"]'));
    expect(textOf(element)).to.contain('Loading deal registrations');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('partnerAssociate'), 'deals.list');
    const element = await mountList(adapter);
    await until(element, 'Try again');
    await expect(element).to.be.accessible();
    button(shadow(element), 'retry')!.click();
    await waitUntil(() => rowIds(element).length > 0, 'no rows after retry');
    expect(log.count('deals.list')).to.equal(2);
  });

  it('says when nothing matches, keeping the filters', async () => {
    const element = await mountList(demoBackend().adapter('partnerAssociate'), {
      status: 'expired',
    });
    await until(element, 'No deal registrations match these filters.');
    expect(Boolean(shadow(element).querySelector('[part~="filters"]'))).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('filters by status (preset by attribute or chosen) and sends the filter to the adapter', async () => {
    const backend = demoBackend();
    const { adapter, queries } = recording(backend.adapter('partnerManager'));
    const element = await mountList(adapter, { status: 'approved' });
    expect(queries.at(-1)?.filter?.status).to.deep.equal(['approved']);
    expect(rowIds(element)).to.deep.equal(
      await ids(backend.adapter('partnerManager'), { filter: { status: ['approved'] } }),
    );

    const select = shadow(element).querySelector<HTMLSelectElement>('select[name="status"]')!;
    select.value = 'returned';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => queries.at(-1)?.filter?.status?.[0] === 'returned');
    const expected = await ids(backend.adapter('partnerManager'), {
      filter: { status: ['returned'] },
    });
    await waitUntil(() => rowIds(element).join() === expected.join(), 'rows never narrowed');
    expect(element.status).to.equal('returned');
    expect(element.getAttribute('status')).to.equal('returned');
    for (const id of expected) {
      expect(textOf(rowOf(element, id)!.querySelector('[part~="status"]')!)).to.equal(
        'Needs more info',
      );
    }
  });

  it('searches by customer', async () => {
    const backend = demoBackend();
    const { adapter, queries } = recording(backend.adapter('partnerManager'));
    const element = await mountList(adapter);
    const before = rowIds(element).length;
    const input = shadow(element).querySelector<HTMLInputElement>('input[name="search"]')!;
    input.value = 'Globex';
    input.form!.requestSubmit();
    await waitUntil(() => queries.at(-1)?.search === 'Globex');
    const expected = await ids(backend.adapter('partnerManager'), { search: 'Globex' });
    await waitUntil(() => rowIds(element).join() === expected.join());
    expect(expected.length).to.be.greaterThan(0);
    expect(expected.length).to.be.lessThan(before);
    expect(textOf(element)).to.contain('Globex Corp');
  });

  it('pages with Next and Previous, showing the total', async () => {
    const backend = demoBackend();
    const { adapter, queries } = recording(backend.adapter('partnerManager'));
    const element = await mountList(adapter, { pageSize: 5 });
    const first = rowIds(element);
    const total = (await backend.adapter('partnerManager').deals.list({ limit: 5 })).total;
    expect(first).to.have.length(5);
    if (total !== undefined) expect(textOf(element)).to.contain(`Showing 1–5 of ${total}`);
    expect(button(shadow(element), 'previous-button')!.disabled).to.equal(true);

    button(shadow(element), 'next-button')!.click();
    await waitUntil(() => rowIds(element).join() !== first.join(), 'Next did not change page');
    expect(queries.at(-1)?.cursor).to.be.a('string');
    const second = rowIds(element);
    expect(second.some((id) => first.includes(id))).to.equal(false);
    expect(textOf(element)).to.contain('Showing 6–');

    button(shadow(element), 'previous-button')!.click();
    await waitUntil(() => rowIds(element).join() === first.join(), 'Previous did not go back');
  });

  it('counts down the protection of approved registrations and flags the ones expiring soon', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const approved = (await reference.deals.list({ filter: { status: ['approved'] } })).items;
    const now = new Date().toISOString();
    const soon = approved.find((deal) => protectionRemaining(deal, now)?.expiringSoon);
    const later = approved.find((deal) => !protectionRemaining(deal, now)?.expiringSoon);
    expect(Boolean(soon), 'the demo has an approved registration near its end').to.equal(true);
    expect(Boolean(later)).to.equal(true);

    const element = await mountList(backend.adapter('partnerManager'), { status: 'approved' });
    const soonRow = rowOf(element, soon!.id)!;
    const days = protectionRemaining(soon!, now)!.days;
    expect(textOf(soonRow)).to.contain(`Protected for ${days} more day`);
    expect(textOf(soonRow)).to.contain('Expiring soon');
    const laterRow = rowOf(element, later!.id)!;
    expect(textOf(laterRow)).to.contain(
      `Protected for ${protectionRemaining(later!, now)!.days} more days`,
    );
    expect(textOf(laterRow)).not.to.contain('Expiring soon');
  });

  it('lets an associate withdraw its own submitted registration after confirming', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const submitted = (await reference.deals.list({ filter: { status: ['submitted'] } })).items[0]!;
    const element = await mountList(backend.adapter('partnerAssociate'));
    const opener = button(rowOf(element, submitted.id)!, 'action-withdraw')!;
    opener.click();
    await waitUntil(() => openDialog(element), 'no confirm dialog');
    expect(textOf(openDialog(element)!)).to.contain(`Withdraw ${submitted.number}?`);
    await expect(element).to.be.accessible();

    // Cancel keeps it as it was.
    button(openDialog(element)!, 'cancel-button')!.click();
    await waitUntil(() => !openDialog(element));
    expect((await reference.deals.get(submitted.id)).status).to.equal('submitted');

    button(rowOf(element, submitted.id)!, 'action-withdraw')!.click();
    await waitUntil(() => openDialog(element));
    button(openDialog(element)!, 'confirm-button')!.click();
    await until(element, `${submitted.number} withdrawn.`);
    await waitUntil(
      () =>
        textOf(rowOf(element, submitted.id)!.querySelector('[part~="status"]')!) === 'Withdrawn',
    );
    expect((await reference.deals.get(submitted.id)).status).to.equal('withdrawn');
    expect(rowOf(element, submitted.id)!.querySelectorAll('[data-action]').length).to.equal(0);
  });

  it('converts an approved registration to an opportunity', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const channel = backend.adapter('channelManager');
    const submitted = (await associate.deals.list({ filter: { status: ['submitted'] } })).items[0]!;
    await channel.deals.transition(submitted.id, 'approved', { version: submitted.version });

    const element = await mountList(backend.adapter('partnerAssociate'));
    const row = rowOf(element, submitted.id)!;
    expect(textOf(row)).to.contain('Protected for');
    const converted = eventOf(element, 'prm-deal-converted');
    button(row, 'action-convert')!.click();
    const event = await converted;
    expect(event.deal.id).to.equal(submitted.id);
    expect(event.deal.opportunityId).to.be.a('string');
    const opportunities = (
      await backend.adapter('partnerManager').opportunities.list({ limit: 200 })
    ).items;
    expect(opportunities.map((o) => o.id)).to.include(event.deal.opportunityId);
    await waitUntil(
      () =>
        textOf(rowOf(element, submitted.id)!.querySelector('[part~="status"]')!) === 'Converted',
    );
  });

  it('requests an extension of an approved registration, with a reason', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const approved = (await reference.deals.list({ filter: { status: ['approved'] } })).items;
    const candidate = approved.find((deal) => deal.extension === null)!;
    const pending = approved.find((deal) => deal.extension?.status === 'requested');
    const element = await mountList(backend.adapter('partnerManager'), { status: 'approved' });
    if (pending) {
      // Already asked: no second request.
      expect(Boolean(button(rowOf(element, pending.id)!, 'action-extend'))).to.equal(false);
    }
    button(rowOf(element, candidate.id)!, 'action-extend')!.click();
    await waitUntil(() => openDialog(element));
    await expect(element).to.be.accessible();
    // A reason is required.
    button(openDialog(element)!, 'confirm-button')!.click();
    await until(element, 'Say why the customer needs more time.');
    const textarea = openDialog(element)!.querySelector('textarea')!;
    textarea.value = 'The customer moved its budget meeting.';
    textarea.dispatchEvent(new Event('input'));
    button(openDialog(element)!, 'confirm-button')!.click();
    await until(element, `Extension requested for ${candidate.number}.`);
    const saved = await reference.deals.get(candidate.id);
    expect(saved.extension?.status).to.equal('requested');
    expect(saved.extension?.reason).to.equal('The customer moved its budget meeting.');
    await waitUntil(() => !button(rowOf(element, candidate.id)!, 'action-extend'));
  });

  it('answers a returned registration and resubmits it', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const returned = (await reference.deals.list({ filter: { status: ['returned'] } })).items[0]!;
    const element = await mountList(backend.adapter('partnerAssociate'));
    const submittedEvent = oneEvent(element, 'prm-deal-submitted');
    button(rowOf(element, returned.id)!, 'action-resubmit')!.click();
    await waitUntil(() => openDialog(element));
    // The reviewer's question is shown with the answer box.
    expect(textOf(openDialog(element)!)).to.contain(returned.decision!.message!);
    const textarea = openDialog(element)!.querySelector('textarea')!;
    textarea.value = 'Six sites in scope; Art Vandelay decides.';
    textarea.dispatchEvent(new Event('input'));
    button(openDialog(element)!, 'confirm-button')!.click();
    await submittedEvent;
    const saved = await reference.deals.get(returned.id);
    expect(saved.status).not.to.equal('returned');
    expect(saved.history.at(-1)?.from ?? saved.history.at(-2)?.from).to.be.a('string');
    expect(saved.comments.at(-1)?.body).to.equal('Six sites in scope; Art Vandelay decides.');
    await waitUntil(() => !openDialog(element));
  });

  it('tells the viewer to reload when someone else changed the registration', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const draft = (await associate.deals.list({ filter: { status: ['draft'] } })).items[0]!;
    const element = await mountList(backend.adapter('partnerAssociate'));
    // Someone else edits the draft after the list read it.
    await backend
      .adapter('partnerManager')
      .deals.update(draft.id, { expectedCloseDate: '2030-01-31' }, { version: draft.version });
    button(rowOf(element, draft.id)!, 'action-submit')!.click();
    await until(element, 'This registration was changed by someone else.');
    expect((await associate.deals.get(draft.id)).status).to.equal('draft');
    button(shadow(element), 'reload-button')!.click();
    await waitUntil(() => !textOf(element).includes('changed by someone else'));
    // After the reload the row shows the other change, and the submit goes through.
    await waitUntil(() => textOf(rowOf(element, draft.id)!).includes('2030'));
    button(rowOf(element, draft.id)!, 'action-submit')!.click();
    await until(element, `${draft.number} submitted.`);
    expect((await associate.deals.get(draft.id)).status).not.to.equal('draft');
  });

  it('fires a cancelable prm-deal-select and opens the registration below the table', async () => {
    const backend = demoBackend();
    const element = await mountList(backend.adapter('partnerAssociate'));
    const [id] = rowIds(element);
    const cancel = (event: PrmDealSelectEvent) => event.preventDefault();
    element.addEventListener('prm-deal-select', cancel, { once: true });
    button(rowOf(element, id!)!, 'number')!.click();
    await element.updateComplete;
    expect(Boolean(shadow(element).querySelector('prm-deal-registration-detail'))).to.equal(false);

    const selected = eventOf(element, 'prm-deal-select');
    button(rowOf(element, id!)!, 'number')!.click();
    expect((await selected).deal.id).to.equal(id);
    await waitUntil(() => shadow(element).querySelector('prm-deal-registration-detail'));
    await until(element, 'History');
    expect(shadow(element).activeElement?.getAttribute('part')).to.contain('detail');
    button(shadow(element), 'close-detail-button')!.click();
    await waitUntil(() => !shadow(element).querySelector('prm-deal-registration-detail'));
    expect(shadow(element).activeElement?.getAttribute('part')).to.equal('number');
  });

  it('renders hostile customer names as text', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const created: DealRegistration = await associate.deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: HOSTILE, country: 'US' },
        products: [{ productId: 'prod-fw-1000', quantity: 1 }],
        estimatedValue: { amount: 5_000_000, currency: 'USD' },
        expectedCloseDate: '2030-06-30',
      },
      { idempotencyKey: 'hostile-list' },
    );
    const element = await mountList(backend.adapter('partnerAssociate'));
    const row = rowOf(element, created.id)!;
    expect(textOf(row.querySelector('[part~="customer"]')!)).to.equal(HOSTILE);
    expect(Boolean(row.querySelector('img, script'))).to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
    expect(deepText(element)).to.contain(created.number);
  });
});
