import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import {
  PrmError,
  isCaseBreached,
  isPrmError,
  type Case,
  type CaseQuery,
  type PrmAdapter,
} from '@prm-kit/core';
import type { PrmCaseQueue } from '../src/components/case-queue/case-queue.js';
import type { PrmCaseSelectEvent, PrmCaseUpdatedEvent } from '../src/events.js';
import {
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  press,
  textOf,
  until,
} from './support/fixtures.js';

const OPEN = ['new', 'in_progress', 'awaiting_partner'] as const;
const SOFIA = 'u-xyz-support-lindqvist';
const RAJ = 'u-xyz-support-patel';

function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function row(element: Element, caseId: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`tr[data-case-id="${caseId}"]`);
}

function rows(element: Element): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('tr[part~="row"]')];
}

function button(element: Element, caseId: string, name: string): HTMLButtonElement | null {
  return row(element, caseId)?.querySelector<HTMLButtonElement>(`[part~="${name}"]`) ?? null;
}

function viewButton(element: Element, label: string): HTMLButtonElement {
  const found = [
    ...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="view-button"]'),
  ].find((b) => textOf(b) === label);
  if (!found) throw new Error(`no view button "${label}"`);
  return found;
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountQueue(adapter: PrmAdapter, routing?: PrmCaseQueue['routing']) {
  const mounted = await mount<PrmCaseQueue>(
    adapter,
    html`<prm-provider><prm-case-queue></prm-case-queue></prm-provider>`,
  );
  if (routing) mounted.element.routing = routing;
  return mounted.element;
}

async function list(adapter: PrmAdapter, filter: CaseQuery['filter']): Promise<Case[]> {
  return (await adapter.cases.list({ filter, limit: 200 })).items;
}

const unassigned = (adapter: PrmAdapter) => list(adapter, { status: [...OPEN], unassigned: true });

/** The demo's unassigned ABC case ("Portal access for our new account executive"). */
async function portalCase(adapter: PrmAdapter): Promise<Case> {
  const found = (await unassigned(adapter)).find((c) => c.subject.startsWith('Portal access'));
  if (!found) throw new Error('the demo has no unassigned portal-access case');
  return found;
}

describe('prm-case-queue', () => {
  beforeEach(() => {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith('prm-kit:draft:case-queue:')) localStorage.removeItem(key);
    }
  });

  it('lists the unassigned open cases the adapter holds, soonest due first, accessibly', async () => {
    const backend = demoBackend();
    const expected = await unassigned(backend.adapter('supportAgent'));
    const partners = (await backend.adapter('supportAgent').partners.list({ limit: 200 })).items;
    expect(expected.length, 'the demo has unassigned cases').to.be.greaterThan(0);

    const element = await mountQueue(backend.adapter('supportAgent'));
    await until(element, expected[0]!.number);
    await expect(element).to.be.accessible();
    expect(viewButton(element, 'Unassigned').getAttribute('aria-pressed')).to.equal('true');

    const shown = rows(element).map((tr) => expected.find((c) => c.id === tr.dataset.caseId)!);
    expect(shown.map((c) => c.id).sort()).to.deep.equal(expected.map((c) => c.id).sort());
    const due = shown.map((c) =>
      Date.parse(c.firstRespondedAt ? c.resolutionDueAt : c.firstResponseDueAt),
    );
    expect(due, 'ordered by due time').to.deep.equal([...due].sort((a, b) => a - b));
    for (const c of shown) {
      const text = textOf(row(element, c.id)!);
      expect(text).to.contain(c.subject);
      expect(text).to.contain(partners.find((p) => p.id === c.partnerId)?.name ?? c.partnerId);
      expect(text).to.contain('Unassigned');
    }
    const portal = await portalCase(backend.adapter('supportAgent'));
    const text = textOf(row(element, portal.id)!);
    expect(text).to.contain('ABC Systems');
    expect(text).to.contain('Other');
    expect(text).to.contain('Low');
    expect(text).to.contain('New');
  });

  it('shows the loading state while the cases are read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('supportAgent'),
      (name) => name === 'cases.list',
    );
    const element = await mountQueue(adapter);
    await element.updateComplete;
    expect(part(element, 'loading')?.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('supportAgent'), 'cases.list');
    const element = await mountQueue(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    part<HTMLButtonElement>(element, 'retry')!.click();
    await waitUntil(() => part(element, 'queue'), 'the queue never showed');
    expect(log.count('cases.list')).to.equal(2);
  });

  it('says when a view is empty', async () => {
    const { adapter } = instrument(demoBackend().adapter('supportAgent'), (name, call) =>
      name === 'cases.list' ? Promise.resolve({ items: [], nextCursor: null }) : call(),
    );
    const element = await mountQueue(adapter);
    await until(element, 'No unassigned cases');
    expect(Boolean(part(element, 'empty'))).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('"Assign to me" moves a case to "Assigned to me" and fires prm-case-updated', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const element = await mountQueue(backend.adapter('supportAgent'));
    await until(element, portal.number);

    const updated = oneEvent<PrmCaseUpdatedEvent>(element, 'prm-case-updated');
    button(element, portal.id, 'assign-me-button')!.click();
    const event = await updated;
    expect(event.supportCase.id).to.equal(portal.id);
    expect(event.supportCase.assigneeId).to.equal(SOFIA);
    await until(element, `${portal.number} is assigned to you.`);
    await waitUntil(() => !row(element, portal.id), 'the case stayed in Unassigned');

    viewButton(element, 'Assigned to me').click();
    await waitUntil(() => row(element, portal.id), 'the case is not in "Assigned to me"');
    expect(textOf(row(element, portal.id)!)).to.contain('Sofia Lindqvist');
    const saved = await backend.adapter('supportAgent').cases.get(portal.id);
    expect(saved.assigneeId).to.equal(SOFIA);
  });

  it('assigns to another agent through the dialog, with the routed agent suggested', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const element = await mountQueue(backend.adapter('supportAgent'), { other: [RAJ] });
    await until(element, portal.number);

    button(element, portal.id, 'assign-button')!.click();
    await waitUntil(() => openDialog(element) && part(element, 'agent-select'), 'no dialog');
    await until(element, 'Suggested: Raj Patel, handles Other');
    const select = part<HTMLSelectElement>(element, 'agent-select')!;
    expect(select.value, 'the suggestion is pre-selected').to.equal(RAJ);
    await expect(element).to.be.accessible();

    const updated = oneEvent<PrmCaseUpdatedEvent>(element, 'prm-case-updated');
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    expect((await updated).supportCase.assigneeId).to.equal(RAJ);
    await until(element, `${portal.number} is assigned to Raj Patel.`);
    expect(Boolean(openDialog(element))).to.equal(false);
    expect((await backend.adapter('supportAgent').cases.get(portal.id)).assigneeId).to.equal(RAJ);
  });

  it('suggests the agent with the fewest open cases without a routing rule, and assigns the one chosen', async () => {
    const backend = demoBackend();
    const open = await list(backend.adapter('supportAgent'), { status: [...OPEN] });
    const load = (id: string) => open.filter((c) => c.assigneeId === id).length;
    const lighter = load(SOFIA) <= load(RAJ) ? 'Sofia Lindqvist' : 'Raj Patel';
    const portal = await portalCase(backend.adapter('supportAgent'));
    const element = await mountQueue(backend.adapter('supportAgent'));
    await until(element, portal.number);
    button(element, portal.id, 'assign-button')!.click();
    await until(element, `Suggested: ${lighter}, fewest open cases`);

    const select = part<HTMLSelectElement>(element, 'agent-select')!;
    select.value = SOFIA;
    select.dispatchEvent(new Event('change'));
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await until(element, `${portal.number} is assigned to you.`);
    expect((await backend.adapter('supportAgent').cases.get(portal.id)).assigneeId).to.equal(SOFIA);
  });

  it('starts work on a new case (status → in progress)', async () => {
    const backend = demoBackend();
    const mine = await list(backend.adapter('supportAgent'), {
      status: ['new'],
      assigneeId: SOFIA,
    });
    const fresh = mine[0];
    expect(fresh, 'Sofia has a new case').to.not.equal(undefined);
    const element = await mountQueue(backend.adapter('supportAgent'));
    element.view = 'mine';
    await until(element, fresh!.number);
    expect(textOf(row(element, fresh!.id)!)).to.contain('New');

    const updated = oneEvent<PrmCaseUpdatedEvent>(element, 'prm-case-updated');
    button(element, fresh!.id, 'start-button')!.click();
    expect((await updated).supportCase.status).to.equal('in_progress');
    await until(element, `${fresh!.number} is in progress.`);
    await waitUntil(() => textOf(row(element, fresh!.id)!).includes('In progress'));
    expect(Boolean(button(element, fresh!.id, 'start-button'))).to.equal(false);
    expect((await backend.adapter('supportAgent').cases.get(fresh!.id)).status).to.equal(
      'in_progress',
    );
  });

  it('asks the partner only with a message, as core requires', async () => {
    const backend = demoBackend();
    const working = (
      await list(backend.adapter('supportAgent'), { status: ['in_progress'], assigneeId: SOFIA })
    )[0];
    expect(working, 'Sofia has a case in progress').to.not.equal(undefined);
    const { adapter, log } = instrument(backend.adapter('supportAgent'));
    const element = await mountQueue(adapter);
    element.view = 'mine';
    await until(element, working!.number);
    button(element, working!.id, 'ask-button')!.click();
    await waitUntil(() => openDialog(element), 'no dialog');
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await until(element, 'Write what the partner should send or answer.');
    expect(log.count('cases.transition')).to.equal(0);

    const input = part<HTMLTextAreaElement>(element, 'message-input')!;
    input.value = 'Please send the device serial numbers.';
    input.dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await until(element, `${working!.number} is waiting for the partner.`);
    const saved = await backend.adapter('supportAgent').cases.get(working!.id);
    expect(saved.status).to.equal('awaiting_partner');
  });

  it('flags breached cases, and only those', async () => {
    const backend = demoBackend();
    const now = new Date().toISOString();
    const open = await list(backend.adapter('supportAgent'), { status: [...OPEN] });
    const breached = open.filter((c) => isCaseBreached(c, now));
    const onTime = open.filter((c) => !isCaseBreached(c, now));
    expect(breached.length, 'the demo has a breached case').to.be.greaterThan(0);
    expect(onTime.length, 'the demo has one on time').to.be.greaterThan(0);

    const element = await mountQueue(backend.adapter('supportAgent'));
    element.view = 'open';
    await until(element, breached[0]!.number);
    for (const c of breached) {
      const flag = row(element, c.id)?.querySelector('[part~="breached"]');
      expect(flag && textOf(flag), `${c.number} is flagged`).to.equal('Breached');
    }
    for (const c of onTime) {
      const flag = row(element, c.id)?.querySelector('[part~="breached"]');
      expect(Boolean(flag), `${c.number} is not flagged`).to.equal(false);
    }

    viewButton(element, 'Breaching').click();
    await waitUntil(() => rows(element).length === breached.length, 'the breaching view');
    expect(
      rows(element)
        .map((tr) => tr.dataset.caseId)
        .sort(),
    ).to.deep.equal(breached.map((c) => c.id).sort());
  });

  it('writes once when "Assign to me" is clicked twice', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const { adapter, log } = instrument(backend.adapter('supportAgent'));
    const element = await mountQueue(adapter);
    await until(element, portal.number);
    const assign = button(element, portal.id, 'assign-me-button')!;
    assign.click();
    assign.click();
    await until(element, `${portal.number} is assigned to you.`);
    expect(log.count('cases.assign')).to.equal(1);
  });

  it('says when someone else changed the case, and reads the queue again', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const { adapter, log } = instrument(backend.adapter('supportAgent'), (name, call) =>
      name === 'cases.assign' ? Promise.reject(new PrmError('version_conflict', 'stale')) : call(),
    );
    const element = await mountQueue(adapter);
    await until(element, portal.number);
    const reads = log.count('cases.list');
    button(element, portal.id, 'assign-me-button')!.click();
    await until(element, 'changed by someone else');
    expect(element.shadowRoot!.activeElement?.getAttribute('part')).to.equal('failure');
    await waitUntil(() => log.count('cases.list') > reads, 'the queue was not read again');
  });

  it('opens a case on select (cancelable)', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const element = await mountQueue(backend.adapter('supportAgent'));
    await until(element, portal.number);
    const select = () => button(element, portal.id, 'select-button')!;

    const prevent = (event: PrmCaseSelectEvent) => event.preventDefault();
    element.addEventListener('prm-case-select', prevent, { once: true });
    const first = oneEvent<PrmCaseSelectEvent>(element, 'prm-case-select');
    select().click();
    expect((await first).supportCase.id).to.equal(portal.id);
    await element.updateComplete;
    expect(Boolean(part(element, 'detail')), 'a cancelled select opens nothing').to.equal(false);

    select().click();
    await until(element, portal.description);
    expect(select().getAttribute('aria-expanded')).to.equal('true');
  });

  it('gives a partner associate no controls, and the backend refuses the associate anyway', async () => {
    const backend = demoBackend();
    const associate = backend.adapter('partnerAssociate');
    const element = await mountQueue(associate);
    await until(element, "The case queue is for the vendor's support team.");
    expect(Boolean(part(element, 'empty'))).to.equal(true);
    expect(element.shadowRoot!.querySelectorAll('button').length).to.equal(0);
    await expect(element).to.be.accessible();

    const portal = await portalCase(backend.adapter('supportAgent'));
    const refused = await associate.cases
      .assign(portal.id, 'u-abc-associate', { version: portal.version })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isPrmError(refused, 'forbidden') || isPrmError(refused, 'not_found')).to.equal(true);
  });

  it('works with the keyboard: switch views, open the assign dialog, Escape closes it', async () => {
    const backend = demoBackend();
    const portal = await portalCase(backend.adapter('supportAgent'));
    const element = await mountQueue(backend.adapter('supportAgent'));
    await until(element, portal.number);

    viewButton(element, 'Unassigned').focus();
    await press('Tab');
    expect(element.shadowRoot!.activeElement).to.equal(viewButton(element, 'Assigned to me'));
    await press('Tab');
    await press('Enter');
    await waitUntil(
      () => viewButton(element, 'Breaching').getAttribute('aria-pressed') === 'true',
      'Enter did not switch the view',
    );
    viewButton(element, 'Unassigned').focus();
    await press('Space');
    await waitUntil(() => row(element, portal.id), 'back in Unassigned');

    const opener = button(element, portal.id, 'assign-button')!;
    opener.focus();
    await press('Enter');
    await waitUntil(() => openDialog(element) && part(element, 'agent-select'), 'no dialog');
    await press('Escape');
    await waitUntil(() => !openDialog(element), 'Escape did not close the dialog');
    expect(element.shadowRoot!.activeElement).to.equal(opener);
  });
});
