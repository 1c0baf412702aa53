import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  isApprovalOverdue,
  isPrmError,
  type DealRegistration,
  type PrmAdapter,
} from '@prm-kit/core';
import type { PrmDealReviewQueue } from '../src/components/deal-review-queue/deal-review-queue.js';
import type { PrmDealDecidedEvent } from '../src/events.js';
import {
  HOSTILE,
  deepText,
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  press,
  textOf,
  until,
} from './support/fixtures.js';

const WAITING = ['submitted', 'under_review'] as const;

function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function row(element: Element, dealId: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`tr[data-deal-id="${dealId}"]`);
}

function rows(element: Element): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('tr[part~="row"]')];
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountQueue(adapter: PrmAdapter) {
  const mounted = await mount<PrmDealReviewQueue>(
    adapter,
    html`<prm-provider><prm-deal-review-queue></prm-deal-review-queue></prm-provider>`,
  );
  return mounted.element;
}

/** Every registration waiting for a decision that `adapter`'s viewer may see, as the adapter says. */
async function waiting(adapter: PrmAdapter): Promise<DealRegistration[]> {
  const page = await adapter.deals.list({ filter: { status: [...WAITING] }, limit: 200 });
  return page.items;
}

async function byCustomer(adapter: PrmAdapter, company: string): Promise<DealRegistration> {
  const deal = (await waiting(adapter)).find((d) => d.customer.company === company);
  if (!deal) throw new Error(`no waiting registration for ${company}`);
  return deal;
}

/** Opens a registration in the review panel and waits for it to show. */
async function open(element: PrmDealReviewQueue, deal: DealRegistration): Promise<void> {
  await until(element, deal.number);
  row(element, deal.id)!.querySelector<HTMLButtonElement>('[part~="select-button"]')!.click();
  await until(element, `Review ${deal.number}`);
  await waitUntil(() => part(element, 'conflicts'), 'the review panel did not show');
}

describe('prm-deal-review-queue', () => {
  beforeEach(() => {
    // Dialog drafts are kept per viewer and registration; each test starts without one.
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('prm-kit:draft:deal-review:')) localStorage.removeItem(key);
    }
  });

  it('lists waiting registrations soonest due first, with partner, customer, value and conflicts, accessibly', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('channelManager');
    const expected = await waiting(reference);
    const partners = (await reference.partners.list({ limit: 200 })).items;
    expect(expected.length, 'the demo has waiting registrations').to.be.greaterThan(3);

    const element = await mountQueue(backend.adapter('channelManager'));
    await until(element, expected[0]!.number);
    await expect(element).to.be.accessible();

    const shown = rows(element).map((tr) => expected.find((d) => d.id === tr.dataset.dealId)!);
    expect(shown.map((d) => d.id).sort()).to.deep.equal(expected.map((d) => d.id).sort());
    const due = shown.map((d) => Date.parse(d.approvalDueAt!));
    expect(due, 'ordered by approval due time').to.deep.equal([...due].sort((a, b) => a - b));

    for (const deal of shown) {
      const text = textOf(row(element, deal.id)!);
      expect(text).to.contain(deal.number);
      expect(text).to.contain(partners.find((p) => p.id === deal.partnerId)!.name);
      expect(text).to.contain(deal.customer.company);
      expect(text).to.contain(
        new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(
          deal.estimatedValue.amount / 100,
        ),
      );
    }
    const globex = shown.find((d) => d.customer.company === 'Globex Corp')!;
    expect(globex.conflicts).to.have.length(1);
    const cells = row(element, globex.id)!.querySelectorAll('td');
    expect(textOf(cells[cells.length - 2]!)).to.equal('1');
  });

  it('flags a registration past its approval due time as breached, and no other', async () => {
    const backend = demoBackend();
    const deals = await waiting(backend.adapter('channelManager'));
    const now = new Date().toISOString();
    const breached = deals.filter((d) => isApprovalOverdue(d, now));
    const onTime = deals.filter((d) => !isApprovalOverdue(d, now));
    expect(breached.length, 'the demo has a breached registration').to.be.greaterThan(0);
    expect(onTime.length, 'the demo has one on time').to.be.greaterThan(0);

    const element = await mountQueue(backend.adapter('channelManager'));
    await until(element, breached[0]!.number);
    for (const deal of breached) {
      const flag = row(element, deal.id)!.querySelector('[part~="breached"]');
      expect(flag && textOf(flag), `${deal.number} is flagged`).to.equal('Breached');
    }
    for (const deal of onTime) {
      const flag = row(element, deal.id)!.querySelector('[part~="breached"]');
      expect(Boolean(flag), `${deal.number} is not flagged`).to.equal(false);
    }
    expect(textOf(row(element, breached[0]!.id)!)).to.match(/ago/);
  });

  it('flags one due within a day as due soon', async () => {
    const backend = demoBackend();
    const cyberdyne = await byCustomer(backend.adapter('channelManager'), 'Cyberdyne Systems');
    const soon = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const { adapter } = instrument(backend.adapter('channelManager'), async (name, call) => {
      const result = await call();
      if (name !== 'deals.list') return result;
      const page = result as { items: DealRegistration[] };
      return {
        ...page,
        items: page.items.map((d) => (d.id === cyberdyne.id ? { ...d, approvalDueAt: soon } : d)),
      };
    });
    const element = await mountQueue(adapter);
    await until(element, cyberdyne.number);
    const flag = row(element, cyberdyne.id)!.querySelector('[part~="due-soon"]');
    expect(flag && textOf(flag)).to.equal('Due soon');
    expect(textOf(row(element, cyberdyne.id)!)).to.contain('in 2 hours');
  });

  it('gives an enterprise admin the whole queue, with decisions on any partner', async () => {
    const backend = demoBackend();
    const all = await waiting(backend.adapter('enterpriseAdmin'));
    const assigned = new Set((await waiting(backend.adapter('channelManager'))).map((d) => d.id));
    const unassigned = all.find((d) => !assigned.has(d.id));
    expect(unassigned, "a registration outside the channel manager's partners").to.not.equal(
      undefined,
    );
    const element = await mountQueue(backend.adapter('enterpriseAdmin'));
    await open(element, unassigned!);
    expect(rows(element)).to.have.length(all.length);
    expect(Boolean(part(element, 'approve-button'))).to.equal(true);
    expect(Boolean(part(element, 'reject-button'))).to.equal(true);
  });

  it('shows the loading state while the queue is read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('channelManager'),
      (name) => name === 'deals.list',
    );
    const element = await mountQueue(adapter);
    await element.updateComplete;
    expect(part(element, 'loading')?.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('channelManager'), 'deals.list');
    const element = await mountQueue(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    part<HTMLButtonElement>(element, 'retry')!.click();
    await until(element, 'Approval due');
    expect(log.count('deals.list')).to.equal(2);
  });

  it('says when nothing is waiting', async () => {
    const { adapter } = instrument(demoBackend().adapter('channelManager'), (name, call) =>
      name === 'deals.list' ? Promise.resolve({ items: [], nextCursor: null }) : call(),
    );
    const element = await mountQueue(adapter);
    await until(element, 'Nothing waiting for review');
    expect(Boolean(part(element, 'empty'))).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows a registration beside its conflicts, with the other partner and shared products', async () => {
    const backend = demoBackend();
    const cm = backend.adapter('channelManager');
    const globex = await byCustomer(cm, 'Globex Corp');
    const conflict = globex.conflicts![0]!;
    const other = await cm.deals.get(conflict.dealId);
    const products = (await cm.products.list({ limit: 200 })).items;
    const name = (id: string) => products.find((p) => p.id === id)!.name;

    const element = await mountQueue(backend.adapter('channelManager'));
    await open(element, globex);
    await until(part(element, 'conflicts')!, 'Northwind Networks');
    await expect(element).to.be.accessible();

    const registration = textOf(part(element, 'registration')!);
    expect(registration).to.contain('Globex Corp');
    expect(registration).to.contain('ABC Systems');
    for (const line of globex.products) expect(registration).to.contain(name(line.productId));
    expect(registration).to.contain(globex.comments[0]!.body);

    const card = part(element, 'conflict')!;
    const text = textOf(card);
    expect(text).to.contain(conflict.dealNumber);
    expect(text).to.contain('Northwind Networks');
    expect(text).to.contain(other.customer.company);
    expect(text).to.contain('company name, web domain');
    for (const id of conflict.productIds) expect(text).to.contain(name(id));
    // Side by side: the registration and its conflicts are siblings in one grid.
    expect(part(element, 'registration')!.parentElement).to.equal(
      part(element, 'conflicts')!.parentElement,
    );
  });

  it('approves: the protection window starts, the event fires and the row leaves the queue', async () => {
    const backend = demoBackend();
    const cyberdyne = await byCustomer(backend.adapter('channelManager'), 'Cyberdyne Systems');
    expect(cyberdyne.status).to.equal('submitted');
    const element = await mountQueue(backend.adapter('channelManager'));
    await open(element, cyberdyne);
    expect(Boolean(part(element, 'start-review-button')), 'submitted: review can start').to.equal(
      true,
    );
    const decided = oneEvent<PrmDealDecidedEvent>(element, 'prm-deal-decided');
    part<HTMLButtonElement>(element, 'approve-button')!.click();
    const event = await decided;
    expect(event.outcome).to.equal('approved');
    expect(event.deal.id).to.equal(cyberdyne.id);
    expect(event.deal.status).to.equal('approved');
    expect(event.deal.protection?.endsAt).to.be.a('string');

    const saved = await backend.adapter('channelManager').deals.get(cyberdyne.id);
    expect(saved.status).to.equal('approved');
    const end = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(saved.protection!.endsAt),
    );
    await until(part(element, 'notice')!, `protection window runs until ${end}`);
    await waitUntil(() => !row(element, cyberdyne.id), 'the approved row stayed in the queue');
    expect(Boolean(part(element, 'panel'))).to.equal(false);
  });

  it('approves once on a double click', async () => {
    const backend = demoBackend();
    const cyberdyne = await byCustomer(backend.adapter('channelManager'), 'Cyberdyne Systems');
    const { adapter, log } = instrument(backend.adapter('channelManager'));
    const element = await mountQueue(adapter);
    await open(element, cyberdyne);
    const approve = part<HTMLButtonElement>(element, 'approve-button')!;
    approve.click();
    approve.click();
    await until(part(element, 'notice')!, 'approved');
    expect(log.count('deals.transition')).to.equal(1);
  });

  it('rejects only with a closure reason, keeping the dialog open until one is chosen', async () => {
    const backend = demoBackend();
    const globex = await byCustomer(backend.adapter('channelManager'), 'Globex Corp');
    const { adapter, log } = instrument(backend.adapter('channelManager'));
    const element = await mountQueue(adapter);
    await open(element, globex);
    part<HTMLButtonElement>(element, 'reject-button')!.click();
    await waitUntil(() => openDialog(element), 'the reject dialog did not open');
    await expect(element).to.be.accessible();

    part<HTMLButtonElement>(element, 'submit-button')!.click();
    const select = part<HTMLSelectElement>(element, 'reason-select')!;
    await waitUntil(() => select.getAttribute('aria-invalid') === 'true', 'no error at the select');
    expect(textOf(openDialog(element)!)).to.contain('Choose a closure reason.');
    expect(log.count('deals.transition')).to.equal(0);
    expect(Boolean(openDialog(element)), 'the dialog stays open').to.equal(true);
    await expect(element).to.be.accessible();

    select.value = 'partner_conflict';
    select.dispatchEvent(new Event('change'));
    const message = part<HTMLTextAreaElement>(element, 'message-input')!;
    message.value = 'Northwind holds the network relationship.';
    message.dispatchEvent(new Event('input'));
    const decided = oneEvent<PrmDealDecidedEvent>(element, 'prm-deal-decided');
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    const event = await decided;
    expect(event.outcome).to.equal('rejected');
    const saved = await backend.adapter('channelManager').deals.get(globex.id);
    expect(saved.status).to.equal('rejected');
    expect(saved.decision?.reason).to.equal('partner_conflict');
    expect(saved.decision?.message).to.equal('Northwind holds the network relationship.');
    await waitUntil(() => !openDialog(element), 'the dialog stayed open');
    await until(part(element, 'notice')!, `${globex.number} rejected`);
  });

  it('starts the review of a submitted one, then returns it only with a message', async () => {
    const backend = demoBackend();
    const cyberdyne = await byCustomer(backend.adapter('channelManager'), 'Cyberdyne Systems');
    const { adapter, log } = instrument(backend.adapter('channelManager'));
    const element = await mountQueue(adapter);
    await open(element, cyberdyne);
    expect(Boolean(part(element, 'return-button')), 'submitted: no return yet').to.equal(false);
    part<HTMLButtonElement>(element, 'start-review-button')!.click();
    await waitUntil(() => part(element, 'return-button'), 'Return did not appear after review');
    expect((await backend.adapter('channelManager').deals.get(cyberdyne.id)).status).to.equal(
      'under_review',
    );

    part<HTMLButtonElement>(element, 'return-button')!.click();
    await waitUntil(() => openDialog(element), 'the return dialog did not open');
    await expect(element).to.be.accessible();
    expect(Boolean(part(element, 'reason-select')), 'no closure reason to return').to.equal(false);
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    const message = part<HTMLTextAreaElement>(element, 'message-input')!;
    await waitUntil(() => message.getAttribute('aria-invalid') === 'true', 'no error at message');
    expect(log.count('deals.transition')).to.equal(1);

    message.value = 'How many sites are in scope?';
    message.dispatchEvent(new Event('input'));
    const decided = oneEvent<PrmDealDecidedEvent>(element, 'prm-deal-decided');
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    expect((await decided).outcome).to.equal('returned');
    const saved = await backend.adapter('channelManager').deals.get(cyberdyne.id);
    expect(saved.status).to.equal('returned');
    expect(saved.decision?.message).to.equal('How many sites are in scope?');
  });

  it('keeps the reason and message when sending fails, and sends them on retry', async () => {
    const backend = demoBackend();
    const globex = await byCustomer(backend.adapter('channelManager'), 'Globex Corp');
    const { adapter, log } = failFirst(backend.adapter('channelManager'), 'deals.transition');
    const element = await mountQueue(adapter);
    await open(element, globex);
    part<HTMLButtonElement>(element, 'reject-button')!.click();
    await waitUntil(() => openDialog(element));
    const select = part<HTMLSelectElement>(element, 'reason-select')!;
    select.value = 'duplicate';
    select.dispatchEvent(new Event('change'));
    const message = part<HTMLTextAreaElement>(element, 'message-input')!;
    message.value = 'Same as DR-000001.';
    message.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await until(openDialog(element)!, "Can't reach the server");
    expect(part<HTMLSelectElement>(element, 'reason-select')!.value).to.equal('duplicate');
    expect(part<HTMLTextAreaElement>(element, 'message-input')!.value).to.equal(
      'Same as DR-000001.',
    );
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await waitUntil(() => !openDialog(element), 'the retry did not close the dialog');
    expect(log.count('deals.transition')).to.equal(2);
    expect(
      (await backend.adapter('channelManager').deals.get(globex.id)).decision?.reason,
    ).to.equal('duplicate');
  });

  it('keeps a typed message across a reload of the page', async () => {
    const backend = demoBackend();
    const globex = await byCustomer(backend.adapter('channelManager'), 'Globex Corp');
    const first = await mountQueue(backend.adapter('channelManager'));
    await open(first, globex);
    part<HTMLButtonElement>(first, 'return-button')!.click();
    await waitUntil(() => openDialog(first));
    const message = part<HTMLTextAreaElement>(first, 'message-input')!;
    message.value = 'Which sites are in scope?';
    message.dispatchEvent(new Event('input'));
    first.closest('prm-provider')!.remove();

    const again = await mountQueue(backend.adapter('channelManager'));
    await open(again, globex);
    part<HTMLButtonElement>(again, 'return-button')!.click();
    await waitUntil(() => openDialog(again));
    expect(part<HTMLTextAreaElement>(again, 'message-input')!.value).to.equal(
      'Which sites are in scope?',
    );
    // A deliberate cancel forgets it.
    part<HTMLButtonElement>(again, 'cancel-button')!.click();
    await waitUntil(() => !openDialog(again));
    part<HTMLButtonElement>(again, 'return-button')!.click();
    await waitUntil(() => openDialog(again));
    expect(part<HTMLTextAreaElement>(again, 'message-input')!.value).to.equal('');
  });

  it('says so and reloads when the registration changed meanwhile', async () => {
    const backend = demoBackend();
    const cyberdyne = await byCustomer(backend.adapter('channelManager'), 'Cyberdyne Systems');
    const { adapter, log } = failFirst(
      backend.adapter('channelManager'),
      'deals.transition',
      1,
      'version_conflict',
    );
    const element = await mountQueue(adapter);
    await open(element, cyberdyne);
    const gets = log.count('deals.get');
    part<HTMLButtonElement>(element, 'approve-button')!.click();
    await until(part(element, 'panel')!, 'Someone else changed this record');
    const alert = part(element, 'decision-error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(textOf(alert)).to.contain('reloaded');
    await waitUntil(() => log.count('deals.get') > gets, 'the registration was not read again');
    part<HTMLButtonElement>(element, 'approve-button')!.click();
    await until(part(element, 'notice')!, `${cyberdyne.number} approved`);
  });

  it('gives partner viewers no decision controls, and the backend refuses them', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const { adapter, log } = instrument(associate);
    const element = await mountQueue(adapter);
    await until(element, 'The review queue is for the vendor');
    await expect(element).to.be.accessible();
    expect(element.shadowRoot!.querySelectorAll('button').length).to.equal(0);
    expect(log.count('deals.list')).to.equal(0);

    const own = (await waiting(associate))[0]!;
    expect(own, 'the associate has a waiting registration').to.not.equal(undefined);
    const refused = await associate.deals
      .transition(own.id, 'approved', { version: own.version })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isPrmError(refused, 'forbidden'), String(refused)).to.equal(true);
  });

  it('tells an enterprise viewer without the right that reviewing is not its role', async () => {
    const element = await mountQueue(demoBackend().adapter('supportAgent'));
    await until(element, 'Reviewing deal registrations is not part of your role.');
    expect(element.shadowRoot!.querySelectorAll('button').length).to.equal(0);
  });

  it('renders hostile customer and partner names as text', async () => {
    const backend = demoBackend();
    const admin = backend.adapter('enterpriseAdmin');
    const abc = await admin.partners.get('p-abc');
    await admin.partners.update('p-abc', { name: HOSTILE }, { version: abc.version });
    const created = await backend.adapter('partnerAdmin').deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: HOSTILE, domain: 'hostile.example.com', country: 'US' },
        products: [{ productId: 'prod-fw-5000', quantity: 3 }],
        estimatedValue: { amount: 9_000_000, currency: 'USD' },
        expectedCloseDate: '2099-01-31',
        comments: HOSTILE,
      },
      { idempotencyKey: crypto.randomUUID(), submit: true },
    );
    expect(created.status).to.equal('submitted');

    const element = await mountQueue(backend.adapter('channelManager'));
    await open(element, created);
    expect(textOf(row(element, created.id)!)).to.contain('<img src=x');
    expect(textOf(part(element, 'registration')!)).to.contain('<script>');
    expect(element.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });

  it('works from the keyboard: Enter opens a row, Escape closes a dialog and focus returns', async () => {
    const backend = demoBackend();
    const globex = await byCustomer(backend.adapter('channelManager'), 'Globex Corp');
    const element = await mountQueue(backend.adapter('channelManager'));
    await until(element, globex.number);
    const select = row(element, globex.id)!.querySelector<HTMLButtonElement>(
      '[part~="select-button"]',
    )!;
    select.focus();
    await press('Enter');
    await waitUntil(() => part(element, 'reject-button'), 'Enter did not open the registration');
    const heading = element.shadowRoot!.querySelector('#review-panel-heading');
    await waitUntil(() => element.shadowRoot!.activeElement === heading, 'focus not on the panel');

    const reject = part<HTMLButtonElement>(element, 'reject-button')!;
    reject.focus();
    await press('Enter');
    await waitUntil(() => openDialog(element), 'Enter did not open the dialog');
    await waitUntil(
      () => element.shadowRoot!.activeElement === part(element, 'reason-select'),
      'focus not in the dialog',
    );
    await press('Escape');
    await waitUntil(() => !openDialog(element), 'Escape did not close the dialog');
    await waitUntil(
      () => element.shadowRoot!.activeElement === reject,
      'focus did not return to Reject',
    );
    expect(deepText(element)).to.contain(`Review ${globex.number}`);
  });
});
