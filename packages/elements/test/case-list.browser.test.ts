import { expect, html, waitUntil } from '@open-wc/testing';
import { isCaseBreached, type CaseQuery, type PrmAdapter } from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmCaseList } from '../src/components/case-list/case-list.js';
import {
  HOSTILE,
  deepText,
  demoBackend,
  failFirst,
  failing,
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
  return shadow(element).querySelector<HTMLTableRowElement>(`tr[data-case-id="${id}"]`);
}

function rowIds(element: Element): string[] {
  return [...shadow(element).querySelectorAll<HTMLElement>('tr[data-case-id]')].map(
    (row) => row.dataset.caseId ?? '',
  );
}

async function mountList(
  adapter: PrmAdapter,
  options: { status?: string; pageSize?: number; partnerId?: string } = {},
): Promise<PrmCaseList> {
  const { element } = await mount<PrmCaseList>(
    adapter,
    html`<prm-provider
      ><prm-case-list
        status=${ifDefined(options.status)}
        partner-id=${ifDefined(options.partnerId)}
        page-size=${ifDefined(options.pageSize)}
      ></prm-case-list
    ></prm-provider>`,
  );
  await waitUntil(
    () => shadow(element).querySelector('table, [part~="empty"], [part~="error"]'),
    'the list never settled',
  );
  return element;
}

/** Records the query of every `cases.list` call. */
function recording(adapter: PrmAdapter) {
  const queries: CaseQuery[] = [];
  const { adapter: recorded, log } = instrument(adapter, (name, call, args) => {
    if (name === 'cases.list') queries.push((args[0] as CaseQuery | undefined) ?? {});
    return call();
  });
  return { adapter: recorded, log, queries };
}

async function ids(adapter: PrmAdapter, query: CaseQuery = {}): Promise<string[]> {
  const page = await adapter.cases.list({ sort: '-updatedAt', limit: 25, ...query });
  return page.items.map((kase) => kase.id);
}

describe('prm-case-list', () => {
  it('shows a partner associate only the cases it raised, without a partner column, accessibly', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const expected = await ids(reference);
    const element = await mountList(backend.adapter('partnerAssociate'));
    await expect(element).to.be.accessible();
    expect(rowIds(element)).to.deep.equal(expected);
    const all = (await reference.cases.list({ limit: 200 })).items;
    expect(all.every((kase) => kase.raisedBy === 'u-abc-associate')).to.equal(true);
    const partnerCases = (await backend.adapter('partnerManager').cases.list({ limit: 200 })).items;
    expect(partnerCases.length).to.be.greaterThan(all.length);
    const headers = [...shadow(element).querySelectorAll('th')].map((th) => textOf(th));
    expect(headers).not.to.include('Partner');
    expect(headers).to.include.members(['Number', 'Subject', 'Priority', 'Status', 'SLA due']);
    const first = all.find((kase) => kase.id === expected[0])!;
    const row = textOf(rowOf(element, first.id)!);
    expect(row).to.contain(first.number);
    expect(row).to.contain(first.subject);
  });

  it("shows a partner manager all its partner's cases", async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const expected = await ids(reference);
    const element = await mountList(backend.adapter('partnerManager'));
    expect(rowIds(element)).to.deep.equal(expected);
    const cases = (await reference.cases.list({ limit: 200 })).items;
    expect(cases.every((kase) => kase.partnerId === 'p-abc')).to.equal(true);
    expect(new Set(cases.map((kase) => kase.raisedBy)).size).to.be.greaterThan(1);
  });

  it("shows the support agent the queue with each case's partner, and marks breached cases", async () => {
    const backend = demoBackend();
    const reference = backend.adapter('supportAgent');
    const page = await reference.cases.list({ sort: '-updatedAt', limit: 25 });
    const partners = (await reference.partners.list({ limit: 200 })).items;
    const element = await mountList(backend.adapter('supportAgent'));
    await until(element, partners.find((p) => p.id === page.items[0]!.partnerId)!.name);
    await expect(element).to.be.accessible();
    expect(rowIds(element)).to.deep.equal(page.items.map((kase) => kase.id));
    expect(new Set(page.items.map((kase) => kase.partnerId)).size).to.be.greaterThan(1);
    const now = new Date().toISOString();
    const breached = page.items.filter((kase) => isCaseBreached(kase, now));
    expect(breached.length, 'the demo has breached cases').to.be.greaterThan(0);
    for (const kase of page.items) {
      const row = rowOf(element, kase.id)!;
      expect(textOf(row.querySelector('[part~="partner"]')!)).to.equal(
        partners.find((p) => p.id === kase.partnerId)!.name,
      );
      expect(Boolean(row.querySelector('[part~="breached"]')), kase.number).to.equal(
        breached.includes(kase),
      );
    }
  });

  it('shows an enterprise viewer one partner’s cases with partner-id', async () => {
    const backend = demoBackend();
    const expected = await ids(backend.adapter('supportAgent'), {
      filter: { partnerId: 'p-northwind' },
    });
    expect(expected.length, 'Northwind has cases').to.be.greaterThan(0);
    const element = await mountList(backend.adapter('supportAgent'), { partnerId: 'p-northwind' });
    expect(rowIds(element)).to.deep.equal(expected);
  });

  it('shows the loading state while the cases are read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'cases.list',
    );
    const { element } = await mount<PrmCaseList>(
      adapter,
      html`<prm-provider><prm-case-list></prm-case-list></prm-provider>`,
    );
    await waitUntil(() => shadow(element).querySelector('[aria-busy="true"]'));
    expect(textOf(element)).to.contain('Loading cases');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('partnerAssociate'), 'cases.list');
    const element = await mountList(adapter);
    expect(Boolean(shadow(element).querySelector('[part~="error"]'))).to.equal(true);
    await expect(element).to.be.accessible();
    shadow(element).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await waitUntil(() => rowIds(element).length > 0, 'no rows after retry');
    expect(log.count('cases.list')).to.equal(2);
  });

  it('keeps showing the error while reads keep failing', async () => {
    const { adapter } = failing(
      demoBackend().adapter('partnerAssociate'),
      'server',
      (n) => n === 'cases.list',
    );
    const element = await mountList(adapter);
    expect(Boolean(shadow(element).querySelector('[part~="error"]'))).to.equal(true);
    expect(rowIds(element).length).to.equal(0);
  });

  it('shows the empty state, accessibly', async () => {
    const element = await mountList(demoBackend().adapter('partnerAssociate'), {
      status: 'resolved',
    });
    expect(Boolean(shadow(element).querySelector('[part~="empty"]'))).to.equal(true);
    expect(textOf(element)).to.contain('No cases match these filters.');
    await expect(element).to.be.accessible();
  });

  it('sends each filter to the adapter and shows what it answers', async () => {
    const backend = demoBackend();
    const { adapter, queries } = recording(backend.adapter('partnerManager'));
    const element = await mountList(adapter);
    const root = shadow(element);
    const choose = async (name: string, value: string) => {
      const select = root.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => queries.length > 0 && JSON.stringify(queries.at(-1)).includes(value));
    };
    await choose('status', 'in_progress');
    expect(queries.at(-1)!.filter).to.deep.equal({ status: ['in_progress'] });
    await choose('priority', 'high');
    await choose('category', 'technical');
    expect(queries.at(-1)!.filter).to.deep.equal({
      status: ['in_progress'],
      priority: ['high'],
      category: ['technical'],
    });
    const expected = await ids(backend.adapter('partnerManager'), {
      filter: { status: ['in_progress'], priority: ['high'], category: ['technical'] },
    });
    await waitUntil(() => JSON.stringify(rowIds(element)) === JSON.stringify(expected));
    expect(expected.length).to.be.greaterThan(0);

    const breached = root.querySelector<HTMLInputElement>('input[name="breached"]')!;
    breached.click();
    await waitUntil(() => queries.at(-1)!.filter?.breached === true, 'breached never sent');

    const search = root.querySelector<HTMLInputElement>('input[name="search"]')!;
    search.value = 'Hooli';
    root.querySelector<HTMLFormElement>('form[part~="filters"]')!.requestSubmit();
    await waitUntil(() => queries.at(-1)!.search === 'Hooli', 'search never sent');
  });

  it('pages with Next and Previous', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerManager');
    const first = await reference.cases.list({ sort: '-updatedAt', limit: 3 });
    const second = await reference.cases.list({
      sort: '-updatedAt',
      limit: 3,
      cursor: first.nextCursor!,
    });
    const element = await mountList(backend.adapter('partnerManager'), { pageSize: 3 });
    expect(rowIds(element)).to.deep.equal(first.items.map((c) => c.id));
    shadow(element).querySelector<HTMLButtonElement>('[part~="next-button"]')!.click();
    await waitUntil(() => rowIds(element)[0] === second.items[0]!.id, 'never reached page 2');
    expect(textOf(shadow(element).querySelector('[part~="pager"]')!)).to.contain('Showing 4–');
    shadow(element).querySelector<HTMLButtonElement>('[part~="previous-button"]')!.click();
    await waitUntil(() => rowIds(element)[0] === first.items[0]!.id, 'never back to page 1');
  });

  it('opens the chosen case below the table and returns focus on Close; a listener may cancel', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAssociate');
    const [id] = await ids(reference);
    const kase = await reference.cases.get(id!);
    const element = await mountList(backend.adapter('partnerAssociate'));
    const number = rowOf(element, id!)!.querySelector<HTMLButtonElement>('[part~="number"]')!;

    const cancel = (event: Event) => event.preventDefault();
    element.addEventListener('prm-case-select', cancel, { once: true });
    number.click();
    await element.updateComplete;
    expect(Boolean(shadow(element).querySelector('[part~="detail"]'))).to.equal(false);

    let chosen: string | undefined;
    element.addEventListener('prm-case-select', (event) => (chosen = event.supportCase.id), {
      once: true,
    });
    number.click();
    await waitUntil(() => shadow(element).querySelector('[part~="detail"]'));
    expect(chosen).to.equal(id);
    const detail = shadow(element).querySelector<HTMLElement>('[part~="detail"]')!;
    expect(shadow(element).activeElement).to.equal(detail);
    expect(number.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => deepText(detail).includes(kase.description), 'detail never loaded');
    await expect(element).to.be.accessible();

    detail.querySelector<HTMLButtonElement>('[part~="close-detail-button"]')!.click();
    await waitUntil(() => !shadow(element).querySelector('[part~="detail"]'));
    expect(shadow(element).activeElement).to.equal(number);
  });

  it('renders a hostile subject as inert text', async () => {
    const backend = demoBackend();
    const raised = await backend
      .adapter('partnerAssociate')
      .cases.create(
        { category: 'other', priority: 'low', subject: HOSTILE, description: HOSTILE },
        { idempotencyKey: 'hostile-list' },
      );
    const element = await mountList(backend.adapter('partnerAssociate'));
    const row = rowOf(element, raised.id)!;
    expect(textOf(row.querySelector('[part~="subject"]')!)).to.equal(HOSTILE);
    expect(Boolean(row.querySelector('img, script'))).to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });
});
