import { expect, html, waitUntil } from '@open-wc/testing';
import { PrmError, type PrmAdapter } from '@prm-kit/core';
import type { PrmCaseForm } from '../src/components/case-form/case-form.js';
import type { PrmCaseCreatedEvent } from '../src/events.js';
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

const DRAFT_PREFIX = 'prm-kit:draft:case-form:';

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  }
}

async function showForm(adapter: PrmAdapter, attributes: { partnerId?: string } = {}) {
  const { provider, element } = await mount<PrmCaseForm>(
    adapter,
    attributes.partnerId
      ? html`<prm-provider
          ><prm-case-form partner-id=${attributes.partnerId}></prm-case-form
        ></prm-provider>`
      : html`<prm-provider><prm-case-form></prm-case-form></prm-provider>`,
  );
  const events: PrmCaseCreatedEvent[] = [];
  provider.addEventListener('prm-case-created', (event) => events.push(event));
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

async function type(element: PrmCaseForm, name: string, value: string): Promise<void> {
  const target = control(element, name);
  target.value = value;
  const kind = target instanceof HTMLSelectElement ? 'change' : 'input';
  target.dispatchEvent(new Event(kind, { bubbles: true, composed: true }));
  await element.updateComplete;
}

async function ready(element: PrmCaseForm): Promise<void> {
  await until(element, 'Raise a support case');
  await waitUntil(() => has(element, '[part~="form"]'), 'no form');
}

const SUBJECT = 'Licence keys rejected after renewal';
const DESCRIPTION = 'Every FW-1000 rejects the renewed key with error 0x51.';

async function fill(element: PrmCaseForm, related = 'deal:deal-13'): Promise<void> {
  await type(element, 'category', 'licensing');
  await type(element, 'priority', 'high');
  await type(element, 'subject', SUBJECT);
  await type(element, 'description', DESCRIPTION);
  await type(element, 'related', related);
}

const submit = async (element: PrmCaseForm) => {
  part<HTMLButtonElement>(element, '[part~="submit-button"]').click();
  await element.updateComplete;
};

/** ABC's cases with the test subject, as stored now. */
async function cases(backend: ReturnType<typeof demoBackend>, subject = SUBJECT) {
  const page = await backend
    .adapter('partnerAdmin')
    .cases.list({ filter: { partnerId: 'p-abc' }, limit: 200 });
  return page.items.filter((c) => c.subject === subject);
}

const optionValues = (element: PrmCaseForm, name: string) =>
  [...control(element, name).querySelectorAll('option')].map((o) => o.value);

describe('prm-case-form', () => {
  beforeEach(clearDrafts);
  afterEach(clearDrafts);

  it('is accessible, offers the categories, priorities and the viewer’s records', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAssociate'));
    const { element } = await showForm(adapter);
    await ready(element);
    await expect(element).to.be.accessible();

    expect(optionValues(element, 'category').filter(Boolean)).to.include.members([
      'licensing',
      'technical',
      'billing',
    ]);
    expect(optionValues(element, 'priority').filter(Boolean)).to.deep.equal([
      'low',
      'medium',
      'high',
      'critical',
    ]);
    const priority = control(element, 'priority');
    const hint = part(element, `#${priority.getAttribute('aria-describedby')!}`);
    expect(textOf(hint)).to.contain('Critical means production is down');
    expect(textOf(hint)).to.contain('within an hour');

    const related = optionValues(element, 'related');
    expect(related[0]).to.equal('');
    // The associate's own registrations and the active programs; orders are not theirs to read.
    expect(related).to.include('deal:deal-13');
    expect(related).to.include('program:prog-reseller');
    expect(related).not.to.include('program:prog-public-sector');
    expect(related.some((v) => v.startsWith('order:'))).to.equal(false);
    const labels = [...control(element, 'related').querySelectorAll('optgroup')].map((g) =>
      g.getAttribute('label'),
    );
    expect(labels).to.deep.equal(['Deal registrations', 'Programs']);
    expect(log.count('orders.list')).to.equal(0);
  });

  it('offers the company’s orders to a viewer who may read them', async () => {
    const { element } = await showForm(demoBackend().adapter('partnerAdmin'));
    await ready(element);
    const related = optionValues(element, 'related');
    expect(related).to.include('order:order-7');
    expect(textOf(control(element, 'related'))).to.contain('SO-000007');
  });

  it('shows loading while the records are read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'deals.list',
    );
    const { element } = await showForm(adapter);
    await until(element, 'Loading the case form');
    expect(has(element, '[aria-busy="true"]')).to.equal(true);
    expect(has(element, 'form')).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    let fail = true;
    const { adapter, log } = instrument(demoBackend().adapter('partnerAssociate'), (name, call) =>
      name === 'programs.list' && fail ? Promise.reject(new PrmError('network', 'down')) : call(),
    );
    const { element } = await showForm(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(element, '[part~="retry"]').click();
    await ready(element);
    expect(log.count('programs.list')).to.equal(2);
  });

  it('tells an enterprise viewer that raising a case is a partner action', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('programAdmin'));
    const { element } = await showForm(adapter);
    await until(element, 'Raising a case is a partner action');
    expect(has(element, 'form')).to.equal(false);
    expect(log.count('deals.list') + log.count('programs.list')).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('lets an enterprise viewer who may raise cases do so for a named partner', async () => {
    const backend = demoBackend();
    const plain = await showForm(backend.adapter('enterpriseAdmin'));
    await until(plain.element, 'Raising a case is a partner action');
    plain.provider.remove();

    const { element } = await showForm(backend.adapter('enterpriseAdmin'), { partnerId: 'p-abc' });
    await ready(element);
    await fill(element, 'order:order-7');
    await submit(element);
    await until(element, 'Case raised');
    const stored = await cases(backend);
    expect(stored.length).to.equal(1);
    expect(stored[0]!.partnerId).to.equal('p-abc');
    expect(stored[0]!.related).to.deep.equal({ type: 'order', id: 'order-7' });
  });

  it('shows field errors and a summary that takes focus, sending nothing', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAssociate'));
    const { element } = await showForm(adapter);
    await ready(element);
    await submit(element);

    const summary = part(element, '[part~="error-summary"]');
    await waitUntil(() => element.shadowRoot!.activeElement === summary, 'focus not on summary');
    const said = textOf(summary);
    for (const label of ['Category', 'Priority', 'Subject', 'Description']) {
      expect(said, label).to.contain(`${label}: This field is required.`);
      const name = label.toLowerCase();
      expect(control(element, name).getAttribute('aria-invalid'), name).to.equal('true');
    }
    expect(said).not.to.contain('Related record');
    expect(control(element, 'related').hasAttribute('aria-invalid')).to.equal(false);
    await expect(element).to.be.accessible();

    // Spaces only still count as empty; typed text stays; a summary link focuses its field.
    await type(element, 'subject', '   ');
    await type(element, 'category', 'technical');
    await submit(element);
    expect(textOf(part(element, '[part~="error-summary"]'))).to.contain('Subject:');
    expect(textOf(part(element, '[part~="error-summary"]'))).not.to.contain('Category:');
    expect(control(element, 'category').value).to.equal('technical');
    part<HTMLAnchorElement>(element, '[part~="error-summary"] a[href="#case-description"]').click();
    expect(element.shadowRoot!.activeElement === control(element, 'description')).to.equal(true);
    expect(log.count('cases.create')).to.equal(0);
  });

  it('raises the case once and confirms with number, status, priority and first-response due', async () => {
    const backend = demoBackend();
    const { element, events } = await showForm(backend.adapter('partnerAssociate'));
    await ready(element);
    await fill(element);
    await submit(element);
    await until(element, 'Case raised');

    const stored = await cases(backend);
    expect(stored.length).to.equal(1);
    const created = stored[0]!;
    expect(created).to.deep.include({
      category: 'licensing',
      priority: 'high',
      description: DESCRIPTION,
      raisedBy: 'u-abc-associate',
      status: 'new',
    });
    expect(created.related).to.deep.equal({ type: 'deal', id: 'deal-13' });

    expect(events.length).to.equal(1);
    expect(events[0]!.supportCase.id).to.equal(created.id);
    expect(textOf(part(element, '[part~="number"]'))).to.equal(created.number);
    const pills = [...element.shadowRoot!.querySelectorAll('[part~="status"]')].map((p) =>
      textOf(p),
    );
    expect(pills).to.deep.equal(['New', 'High']);
    const due = part(element, '[part~="due"]');
    expect(due.querySelector('time')!.getAttribute('datetime')).to.equal(
      created.firstResponseDueAt,
    );
    expect(textOf(due)).to.match(/\(in \d+ (hours?|days?|minutes?)\)/);
    await waitUntil(
      () => element.shadowRoot!.activeElement === part(element, '[part~="confirmation"]'),
      'focus not on the confirmation',
    );
    await expect(element).to.be.accessible();
    expect(Object.keys(localStorage).filter((k) => k.startsWith(DRAFT_PREFIX))).to.deep.equal([]);

    // Raise another: an empty form with a fresh key.
    part<HTMLButtonElement>(element, '[part~="raise-another-button"]').click();
    await ready(element);
    expect(control(element, 'subject').value).to.equal('');
    await fill(element, 'program:prog-reseller');
    await submit(element);
    await until(element, 'Case raised');
    const again = await cases(backend);
    expect(again.length).to.equal(2);
    expect(again.some((c) => c.related?.type === 'program')).to.equal(true);
    expect(events.length).to.equal(2);
  });

  it('raises once when Raise case is clicked twice', async () => {
    const backend = demoBackend();
    const { adapter, log } = instrument(backend.adapter('partnerAssociate'));
    const { element, events } = await showForm(adapter);
    await ready(element);
    await fill(element);
    const button = part<HTMLButtonElement>(element, '[part~="submit-button"]');
    button.click();
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    await until(element, 'Case raised');
    expect((await cases(backend)).length).to.equal(1);
    expect(log.count('cases.create')).to.equal(1);
    expect(events.length).to.equal(1);
  });

  it('keeps every value when submitting fails, and the retry raises once', async () => {
    const backend = demoBackend();
    const { adapter, log } = failFirst(
      backend.adapter('partnerAssociate'),
      'cases.create',
      1,
      'network',
    );
    const { element, events } = await showForm(adapter);
    await ready(element);
    await fill(element);
    await submit(element);
    await until(element, "Can't reach the server");
    const alert = part(element, '[part~="submit-error"]');
    await waitUntil(() => element.shadowRoot!.activeElement === alert, 'focus not on the alert');
    await expect(element).to.be.accessible();
    expect(control(element, 'category').value).to.equal('licensing');
    expect(control(element, 'priority').value).to.equal('high');
    expect(control(element, 'subject').value).to.equal(SUBJECT);
    expect(control(element, 'description').value).to.equal(DESCRIPTION);
    expect(control(element, 'related').value).to.equal('deal:deal-13');
    expect(events.length).to.equal(0);
    expect((await cases(backend)).length).to.equal(0);

    part<HTMLButtonElement>(element, '[part~="retry-button"]').click();
    await until(element, 'Case raised');
    expect(log.count('cases.create')).to.equal(2);
    expect((await cases(backend)).length).to.equal(1);
    expect(events.length).to.equal(1);
  });

  it('reuses the idempotency key after a reload, so a lost answer never raises twice', async () => {
    const backend = demoBackend();
    let lose = true;
    const { adapter } = instrument(backend.adapter('partnerAssociate'), async (name, call) => {
      const result = await call();
      if (name === 'cases.create' && lose) {
        lose = false;
        throw new PrmError('network', 'connection reset');
      }
      return result;
    });
    const first = await showForm(adapter);
    await ready(first.element);
    await fill(first.element);
    await submit(first.element);
    await until(first.element, "Can't reach the server");
    expect((await cases(backend)).length).to.equal(1);
    first.provider.remove();

    const second = await showForm(adapter);
    await ready(second.element);
    expect(control(second.element, 'subject').value).to.equal(SUBJECT);
    await submit(second.element);
    await until(second.element, 'Case raised');
    expect((await cases(backend)).length).to.equal(1);
  });

  it('restores every field after a reload, for the same viewer only', async () => {
    const backend = demoBackend();
    const first = await showForm(backend.adapter('partnerAssociate'));
    await ready(first.element);
    await fill(first.element, 'program:prog-msp');
    first.provider.remove();

    const second = await showForm(backend.adapter('partnerAssociate'));
    await ready(second.element);
    const expected: Record<string, string> = {
      category: 'licensing',
      priority: 'high',
      subject: SUBJECT,
      description: DESCRIPTION,
      related: 'program:prog-msp',
    };
    for (const [name, value] of Object.entries(expected)) {
      expect(control(second.element, name).value, name).to.equal(value);
    }
    second.provider.remove();

    // Another viewer on the same browser starts empty.
    const other = await showForm(backend.adapter('partnerAdmin'));
    await ready(other.element);
    for (const name of Object.keys(expected)) {
      expect(control(other.element, name).value, name).to.equal('');
    }
  });

  it('renders a hostile customer name of a related deal as text', async () => {
    const backend = demoBackend();
    const hostile = await backend.adapter('partnerAssociate').deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: HOSTILE, country: 'US' },
        products: [{ productId: 'prod-fw-1000', quantity: 1 }],
        estimatedValue: { amount: 2_000_000, currency: 'USD' },
        expectedCloseDate: '2030-03-31',
      },
      { idempotencyKey: 'hostile-case-deal' },
    );
    const { element } = await showForm(backend.adapter('partnerAssociate'));
    await ready(element);
    const option = part<HTMLOptionElement>(element, `option[value="deal:${hostile.id}"]`);
    expect(option.textContent).to.contain(HOSTILE);
    expect(element.shadowRoot!.querySelectorAll('img, script').length).to.equal(0);
    expect(Reflect.get(window, '__prmPwned')).to.equal(undefined);

    await fill(element, `deal:${hostile.id}`);
    await submit(element);
    await until(element, 'Case raised');
    const stored = await cases(backend);
    expect(stored[0]!.related).to.deep.equal({ type: 'deal', id: hostile.id });
  });
});
