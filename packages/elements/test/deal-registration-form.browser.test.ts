import { expect, html, waitUntil } from '@open-wc/testing';
import { PrmError, type PrmAdapter } from '@prm-kit/core';
import type { PrmDealRegistrationForm } from '../src/components/deal-registration-form/deal-registration-form.js';
import { parseAmount } from '../src/components/deal-registration-form/amount.js';
import type { PrmDealSubmittedEvent } from '../src/events.js';
import { DEAL_CUSTOMER, fillDealForm, type } from './support/deal-form.js';
import {
  deepText,
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

const DRAFT_PREFIX = 'prm-kit:draft:deal-registration-form:';

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  }
}

async function showForm(adapter: PrmAdapter) {
  const { provider, element } = await mount<PrmDealRegistrationForm>(
    adapter,
    html`<prm-provider><prm-deal-registration-form></prm-deal-registration-form></prm-provider>`,
  );
  const events: PrmDealSubmittedEvent[] = [];
  provider.addEventListener('prm-deal-submitted', (event) => events.push(event));
  return { provider, element, events };
}

function part<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in: ${textOf(element).slice(0, 300)}`);
  return found;
}

const has = (element: Element, selector: string) =>
  element.shadowRoot!.querySelector(selector) !== null;

const control = (element: Element, name: string) =>
  part<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(element, `[name="${name}"]`);

async function ready(element: PrmDealRegistrationForm): Promise<void> {
  await until(element, 'Register a deal');
  await waitUntil(() => has(element, '[part~="form"]'), 'no form');
}

const CUSTOMER = DEAL_CUSTOMER;

const submit = async (element: PrmDealRegistrationForm) => {
  part<HTMLButtonElement>(element, '[part~="submit-button"]').click();
  await element.updateComplete;
};

/** ABC's registrations for one customer, as stored now. */
async function registrations(backend: ReturnType<typeof demoBackend>, company = CUSTOMER) {
  const page = await backend
    .adapter('partnerAdmin')
    .deals.list({ filter: { partnerId: 'p-abc' }, limit: 200 });
  return page.items.filter((deal) => deal.customer.company === company);
}

const drafts = () => Object.keys(localStorage).filter((key) => key.startsWith(DRAFT_PREFIX));

describe('prm-deal-registration-form', () => {
  beforeEach(clearDrafts);
  afterEach(clearDrafts);

  it('is accessible and offers only eligible programs, their deal types and the minimum', async () => {
    const { element } = await showForm(demoBackend().adapter('partnerAssociate'));
    await ready(element);
    await expect(element).to.be.accessible();

    // ABC is an active member of the Reseller program only (Referral withdrawn, Legacy expired).
    const programs = [...control(element, 'programId').querySelectorAll('option')].map((o) =>
      (o.textContent ?? '').trim(),
    );
    expect(programs).to.deep.equal(['XYZ Reseller Program']);
    const types = [...control(element, 'dealType').querySelectorAll('option')]
      .map((o) => o.value)
      .filter(Boolean);
    expect(types).to.deep.equal(['new_business', 'upsell', 'renewal']);
    expect(textOf(part(element, '[part~="minimum"]'))).to.contain('$10,000.00');
    // Native controls with labels; the close date is a date input.
    expect(control(element, 'expectedCloseDate').getAttribute('type')).to.equal('date');
    const products = control(element, 'product-0').querySelectorAll('option');
    expect([...products].some((o) => o.value === 'prod-fw-1000')).to.equal(true);
    expect([...products].some((o) => o.value === 'prod-vpn-legacy')).to.equal(false);
  });

  it('shows loading while the catalog is read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'products.list',
    );
    const { element } = await showForm(adapter);
    await until(element, 'Loading deal registration');
    expect(has(element, '[aria-busy="true"]')).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    let fail = true;
    const { adapter, log } = instrument(demoBackend().adapter('partnerAssociate'), (name, call) =>
      name === 'memberships.list' && fail
        ? Promise.reject(new PrmError('network', 'down'))
        : call(),
    );
    const { element } = await showForm(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(element, '[part~="retry"]').click();
    await ready(element);
    expect(log.count('memberships.list')).to.equal(2);
  });

  it('says so when the partner is in no program with deal registration', async () => {
    const { adapter } = instrument(demoBackend().adapter('partnerAssociate'), (name, call) =>
      name === 'memberships.list'
        ? Promise.resolve({ items: [], nextCursor: null, total: 0 })
        : call(),
    );
    const { element } = await showForm(adapter);
    await until(element, 'Your company is not in a program with deal registration yet');
    expect(has(element, 'form')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('tells an enterprise viewer that deal registration is a partner action', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('channelManager'));
    const { element } = await showForm(adapter);
    await until(element, 'Deal registration is a partner action');
    expect(has(element, 'form')).to.equal(false);
    expect(log.count('memberships.list')).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('shows field errors and a summary that takes focus, sending nothing', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAssociate'));
    const { element } = await showForm(adapter);
    await ready(element);
    await submit(element);

    const summary = part(element, '[part~="error-summary"]');
    await waitUntil(() => element.shadowRoot!.activeElement === summary, 'focus not on summary');
    const said = textOf(summary);
    for (const label of [
      'Deal type',
      'Company',
      'Country',
      'Product 1',
      'Estimated value',
      'Expected close date',
    ]) {
      expect(said, label).to.contain(`${label}:`);
    }
    expect(said).not.to.contain('Program:');
    expect(control(element, 'company').getAttribute('aria-invalid')).to.equal('true');
    expect(control(element, 'postalCode').hasAttribute('aria-invalid')).to.equal(false);
    await expect(element).to.be.accessible();

    // A bad domain and an amount that is not a number say what is wrong; typed text stays.
    await type(element, 'company', 'Typed Co');
    await type(element, 'domain', 'https://typed.example.com/path');
    await type(element, 'amount', '12.5k');
    await submit(element);
    const domain = control(element, 'domain');
    const domainError = part(
      element,
      `#${domain.getAttribute('aria-describedby')!.split(' ')[0]!}`,
    );
    expect(domainError.textContent).to.contain('Enter a domain like example.com');
    expect(textOf(part(element, '#deal-amount-error'))).to.contain(
      'Enter an amount in numbers, like 12,500.00',
    );
    expect(control(element, 'company').value).to.equal('Typed Co');
    expect(domain.value).to.equal('https://typed.example.com/path');
    expect(control(element, 'amount').value).to.equal('12.5k');

    // Too many decimals, and the summary's link moves focus to its field.
    await type(element, 'amount', '100.505');
    await submit(element);
    expect(textOf(part(element, '#deal-amount-error'))).to.contain('at most 2 decimals');
    part<HTMLAnchorElement>(element, '[part~="error-summary"] a[href="#deal-amount"]').click();
    expect(element.shadowRoot!.activeElement === control(element, 'amount')).to.equal(true);
    expect(log.count('deals.create')).to.equal(0);
  });

  it('registers the deal once, in minor units, and confirms with number and due time', async () => {
    const backend = demoBackend();
    const { element, events } = await showForm(backend.adapter('partnerAssociate'));
    await ready(element);
    await fillDealForm(element);
    await submit(element);
    await until(element, 'Deal registered');

    const stored = await registrations(backend);
    expect(stored.length).to.equal(1);
    const deal = stored[0]!;
    expect(deal.estimatedValue).to.deep.equal({ amount: 6_250_050, currency: 'USD' });
    expect(deal.customer).to.deep.include({
      company: CUSTOMER,
      domain: 'umbrella-test.example.com',
      country: 'US',
      postalCode: '10001',
    });
    expect(deal.products).to.deep.equal([
      { productId: 'prod-fw-1000', quantity: 4 },
      { productId: 'prod-mdr', quantity: 12 },
    ]);
    expect(deal.submittedBy).to.equal('u-abc-associate');
    expect(deal.comments[0]!.body).to.equal('Met their CISO at the roadshow.');

    expect(events.length).to.equal(1);
    expect(events[0]!.deal.id).to.equal(deal.id);
    expect(textOf(part(element, '[part~="number"]'))).to.equal(deal.number);
    expect(textOf(part(element, '[part~="status"]'))).to.match(/Submitted|Under review/);
    const due = part(element, '[part~="due"]');
    expect(due.querySelector('time')!.getAttribute('datetime')).to.equal(deal.approvalDueAt);
    expect(textOf(due)).to.match(/\(in \d+ (hours?|days?|minutes?)\)/);
    await waitUntil(
      () => element.shadowRoot!.activeElement === part(element, '[part~="confirmation"]'),
      'focus not on the confirmation',
    );
    await expect(element).to.be.accessible();
    expect(drafts()).to.deep.equal([]);

    // Register another: an empty form with a fresh key.
    part<HTMLButtonElement>(element, '[part~="register-another-button"]').click();
    await ready(element);
    expect(control(element, 'company').value).to.equal('');
    await fillDealForm(element, { company: 'Second Test Corp' });
    await submit(element);
    await until(element, 'Deal registered');
    expect((await registrations(backend, 'Second Test Corp')).length).to.equal(1);
    expect(events.length).to.equal(2);
  });

  it('registers once when Submit is clicked twice', async () => {
    const backend = demoBackend();
    const { adapter, log } = instrument(backend.adapter('partnerAssociate'));
    const { element, events } = await showForm(adapter);
    await ready(element);
    await fillDealForm(element);
    const button = part<HTMLButtonElement>(element, '[part~="submit-button"]');
    button.click();
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await until(element, 'Deal registered');
    expect((await registrations(backend)).length).to.equal(1);
    expect(log.count('deals.create')).to.equal(1);
    expect(events.length).to.equal(1);
  });

  it('keeps every value when submitting fails, and the retry registers once', async () => {
    const backend = demoBackend();
    const { adapter, log } = failFirst(
      backend.adapter('partnerAssociate'),
      'deals.create',
      1,
      'network',
    );
    const { element, events } = await showForm(adapter);
    await ready(element);
    await fillDealForm(element);
    await submit(element);
    await until(element, "Can't reach the server");
    const alert = part(element, '[part~="submit-error"]');
    await waitUntil(() => element.shadowRoot!.activeElement === alert, 'focus not on the alert');
    await expect(element).to.be.accessible();
    expect(control(element, 'company').value).to.equal(CUSTOMER);
    expect(control(element, 'product-1').value).to.equal('prod-mdr');
    expect(control(element, 'quantity-1').value).to.equal('12');
    expect(control(element, 'amount').value).to.equal('62,500.50');
    expect(control(element, 'expectedCloseDate').value).to.equal('2030-06-30');
    expect(control(element, 'comments').value).to.equal('Met their CISO at the roadshow.');
    expect(events.length).to.equal(0);
    expect((await registrations(backend)).length).to.equal(0);

    part<HTMLButtonElement>(element, '[part~="retry-button"]').click();
    await until(element, 'Deal registered');
    expect(log.count('deals.create')).to.equal(2);
    expect((await registrations(backend)).length).to.equal(1);
    expect(events.length).to.equal(1);
  });

  it('reuses the idempotency key after a reload, so a lost answer never registers twice', async () => {
    const backend = demoBackend();
    // The server registers the deal, but the answer never arrives.
    let lose = true;
    const { adapter } = instrument(backend.adapter('partnerAssociate'), async (name, call) => {
      const result = await call();
      if (name === 'deals.create' && lose) {
        lose = false;
        throw new PrmError('network', 'connection reset');
      }
      return result;
    });
    const first = await showForm(adapter);
    await ready(first.element);
    await fillDealForm(first.element);
    await submit(first.element);
    await until(first.element, "Can't reach the server");
    expect((await registrations(backend)).length).to.equal(1);
    first.provider.remove();

    const second = await showForm(adapter);
    await ready(second.element);
    expect(control(second.element, 'company').value).to.equal(CUSTOMER);
    await submit(second.element);
    await until(second.element, 'Deal registered');
    expect((await registrations(backend)).length).to.equal(1);
  });

  it('restores every field after a reload, for the same viewer only', async () => {
    const backend = demoBackend();
    const first = await showForm(backend.adapter('partnerAssociate'));
    await ready(first.element);
    await fillDealForm(first.element);
    first.provider.remove();

    const second = await showForm(backend.adapter('partnerAssociate'));
    await ready(second.element);
    const expected: Record<string, string> = {
      programId: 'prog-reseller',
      dealType: 'new_business',
      company: CUSTOMER,
      domain: 'umbrella-test.example.com',
      country: 'us',
      postalCode: '10001',
      contactName: 'Alice Wesker',
      contactEmail: 'alice.wesker@umbrella-test.example.com',
      'product-0': 'prod-fw-1000',
      'quantity-0': '4',
      'product-1': 'prod-mdr',
      'quantity-1': '12',
      amount: '62,500.50',
      currency: 'USD',
      expectedCloseDate: '2030-06-30',
      comments: 'Met their CISO at the roadshow.',
    };
    const programId = control(second.element, 'programId').value;
    expected.programId = programId;
    expect(programId).not.to.equal('');
    for (const [name, value] of Object.entries(expected)) {
      expect(control(second.element, name).value, name).to.equal(value);
    }

    // Another viewer on the same browser starts empty.
    const other = await showForm(backend.adapter('partnerAdmin'));
    await ready(other.element);
    expect(control(other.element, 'company').value).to.equal('');
    expect(control(other.element, 'amount').value).to.equal('');
  });

  it('warns about another partner’s live claim without naming it, after typing pauses', async () => {
    const backend = demoBackend();
    const theirs = await backend.adapter('otherPartnerAdmin').deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: 'Cyberdyne Systems', domain: 'cyberdyne.example.com', country: 'US' },
        products: [{ productId: 'prod-fw-5000', quantity: 2 }],
        estimatedValue: { amount: 9_000_000, currency: 'USD' },
        expectedCloseDate: '2030-01-31',
      },
      { idempotencyKey: 'northwind-cyberdyne', submit: true },
    );
    const { adapter, log } = instrument(backend.adapter('partnerAssociate'));
    const { element } = await showForm(adapter);
    await ready(element);
    await type(element, 'product-0', 'prod-fw-5000');
    // Keystrokes 100 ms apart: quicker than the pre-check's pause.
    for (const typed of ['C', 'Cy', 'Cyber', 'Cyberdyne', 'Cyberdyne Systems']) {
      await type(element, 'company', typed);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await until(element, 'Another partner already has a live claim on this customer');
    // Typing quickly asks once, for what was typed when it paused.
    expect(log.count('deals.checkConflicts')).to.equal(1);
    const warning = textOf(part(element, '[part~="conflict"]'));
    expect(warning).not.to.contain('Northwind');
    expect(warning).not.to.contain(theirs.number);
    expect(deepText(element)).not.to.contain('Northwind');
    expect(deepText(element)).not.to.contain(theirs.number);
    await expect(element).to.be.accessible();

    // Another customer: the warning goes.
    await type(element, 'company', 'Tyrell Corporation');
    await waitUntil(() => !has(element, '[part~="conflict"]'), 'the warning stayed');
  });

  it('says when the viewer’s own company already registered the customer', async () => {
    const { element } = await showForm(demoBackend().adapter('partnerAssociate'));
    await ready(element);
    await type(element, 'domain', 'initech.example.com');
    await type(element, 'product-0', 'prod-sdwan-edge');
    await until(element, 'Your company already registered this customer');
    expect(textOf(part(element, '[part~="conflict"]'))).not.to.contain('Another partner');
  });

  it('parses typed amounts to minor units in the currency’s decimals, never floats', () => {
    expect(parseAmount('12,500.00', 'en', 'USD')).to.deep.equal({ ok: true, amount: 1_250_000 });
    expect(parseAmount('12500.5', 'en', 'USD')).to.deep.equal({ ok: true, amount: 1_250_050 });
    expect(parseAmount('0.29', 'en', 'USD')).to.deep.equal({ ok: true, amount: 29 });
    expect(parseAmount('12.500,75', 'de', 'EUR')).to.deep.equal({ ok: true, amount: 1_250_075 });
    expect(parseAmount('12,500', 'en', 'JPY')).to.deep.equal({ ok: true, amount: 12_500 });
    expect(parseAmount('12,500.5', 'en', 'JPY')).to.deep.equal({ ok: false, problem: 'decimals' });
    for (const garbage of ['abc', '-5', '1e5', '12,50', '1.2.3', '$100', '12 500 x']) {
      expect(parseAmount(garbage, 'en', 'USD').ok, garbage).to.equal(false);
    }
    expect(parseAmount('  ', 'en', 'USD')).to.deep.equal({ ok: false, problem: 'empty' });
    expect(parseAmount('99999999999999999999', 'en', 'USD')).to.deep.equal({
      ok: false,
      problem: 'tooLarge',
    });
  });
});
