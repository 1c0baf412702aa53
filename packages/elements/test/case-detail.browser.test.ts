import { expect, html, waitUntil } from '@open-wc/testing';
import { createLocalBackend } from '@prm-kit/adapter-local';
import type { PrmAdapter } from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmCaseDetail } from '../src/components/case-detail/case-detail.js';
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

/** Chloe's (the associate's) licensing case, awaiting the partner, with replies and work notes. */
const LICENCE = 'case-1';
/** Alice's (the admin's) resolved tier-review case. */
const RESOLVED = 'case-4';

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountDetail(
  adapter: PrmAdapter,
  id: string,
  pollInterval?: number,
): Promise<PrmCaseDetail> {
  const { element } = await mount<PrmCaseDetail>(
    adapter,
    html`<prm-provider
      ><prm-case-detail case-id=${id} poll-interval=${ifDefined(pollInterval)}></prm-case-detail
    ></prm-provider>`,
  );
  await waitUntil(
    () => element.shadowRoot!.querySelector('article, [part~="error"]'),
    'the detail never settled',
  );
  return element;
}

async function type(element: PrmCaseDetail, selector: string, value: string): Promise<void> {
  const box = element.shadowRoot!.querySelector<HTMLTextAreaElement>(selector)!;
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await element.updateComplete;
}

describe('prm-case-detail', () => {
  beforeEach(() => localStorage.clear());

  it('shows a partner the case, its conversation oldest first and history, but never work notes', async () => {
    const backend = demoBackend();
    const agentView = await backend.adapter('supportAgent').cases.get(LICENCE);
    expect(agentView.workNotes?.length ?? 0, 'the agent sees work notes').to.be.greaterThan(0);
    const kase = await backend.adapter('partnerAssociate').cases.get(LICENCE);
    expect('workNotes' in kase, 'the backend strips work notes for a partner').to.equal(false);

    const element = await mountDetail(backend.adapter('partnerAssociate'), LICENCE);
    await expect(element).to.be.accessible();
    const text = textOf(element);
    expect(text).to.contain(kase.number);
    expect(text).to.contain(kase.subject);
    expect(textOf(part(element, 'description')!)).to.equal(kase.description);
    expect(getComputedStyle(part(element, 'description')!).whiteSpace).to.equal('pre-wrap');
    const comments = [...part(element, 'conversation')!.querySelectorAll('[part~="comment"]')];
    const sorted = [...kase.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(comments.map((li) => li.querySelector('p')!.textContent)).to.deep.equal(
      sorted.map((c) => c.body),
    );
    expect(part(element, 'history')!.querySelectorAll('li').length).to.equal(kase.history.length);
    expect(Boolean(part(element, 'reply-form'))).to.equal(true);
    // No work-notes section, not even an empty one, and no assignee line.
    expect(Boolean(part(element, 'work-notes'))).to.equal(false);
    expect(Boolean(part(element, 'note-form'))).to.equal(false);
    expect(Boolean(part(element, 'assignee'))).to.equal(false);
    for (const note of agentView.workNotes ?? []) expect(text).not.to.contain(note.body);
  });

  it('shows the support agent the same case with its partner, assignee and work notes', async () => {
    const backend = demoBackend();
    const kase = await backend.adapter('supportAgent').cases.get(LICENCE);
    const partner = await backend.adapter('supportAgent').partners.get(kase.partnerId);
    const element = await mountDetail(backend.adapter('supportAgent'), LICENCE);
    await until(element, partner.name);
    // Sofia is the assignee and the viewer.
    expect(textOf(part(element, 'assignee')!)).to.equal('you');
    expect(textOf(part(element, 'details')!)).to.contain('Resolution overdue');
    await expect(element).to.be.accessible();
    const notes = part(element, 'work-notes')!;
    for (const note of kase.workNotes ?? []) expect(textOf(notes)).to.contain(note.body);
    expect(Boolean(part(element, 'note-form'))).to.equal(true);
    // awaiting_partner: the agent may resume or resolve (core's table).
    const moves = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[data-move]')].map(
      (b) => b.dataset.move,
    );
    expect(moves).to.deep.equal(['in_progress', 'resolved']);
  });

  it('never renders work notes for a partner, even if an adapter leaks them', async () => {
    const backend = demoBackend();
    const leaked = await backend.adapter('supportAgent').cases.get(LICENCE);
    const { adapter } = instrument(backend.adapter('partnerAssociate'), (name, call) =>
      name === 'cases.get' ? Promise.resolve(leaked) : call(),
    );
    const element = await mountDetail(adapter, LICENCE);
    await until(element, 'History');
    expect(Boolean(part(element, 'work-notes'))).to.equal(false);
    for (const note of leaked.workNotes ?? []) expect(textOf(element)).not.to.contain(note.body);
  });

  it('adds an internal work note for the agent that the partner never receives', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('supportAgent'), LICENCE);
    const updated = new Promise<string>((resolve) =>
      element.addEventListener('prm-case-updated', (e) => resolve(e.supportCase.id), {
        once: true,
      }),
    );
    await type(element, '#case-note', 'Customer is on the NFR pool — do not tell them.');
    part(element, 'note-button')!.click();
    expect(await updated).to.equal(LICENCE);
    await until(part(element, 'work-notes')!, 'Customer is on the NFR pool');
    const partnerView = await backend.adapter('partnerAssociate').cases.get(LICENCE);
    expect(JSON.stringify(partnerView)).not.to.contain('NFR pool');
    expect(partnerView.comments.some((c) => c.body.includes('NFR'))).to.equal(false);
  });

  it('shows the loading state', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAssociate'),
      (n) => n === 'cases.get',
    );
    const { element } = await mount<PrmCaseDetail>(
      adapter,
      html`<prm-provider><prm-case-detail case-id=${LICENCE}></prm-case-detail></prm-provider>`,
    );
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-busy="true"]'));
    expect(textOf(element)).to.contain('Loading case');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('partnerAssociate'), 'cases.get');
    const element = await mountDetail(adapter, LICENCE);
    expect(Boolean(part(element, 'error'))).to.equal(true);
    await expect(element).to.be.accessible();
    part(element, 'retry')!.click();
    await waitUntil(() => element.shadowRoot!.querySelector('article'), 'no case after retry');
    expect(log.count('cases.get')).to.equal(2);
  });

  it('keeps a reply draft across a reload and sends it once', async () => {
    const backend = demoBackend();
    const before = await backend.adapter('partnerAssociate').cases.get(LICENCE);
    const first = await mountDetail(backend.adapter('partnerAssociate'), LICENCE);
    await type(first, '#case-reply', 'Serials:\nFW-1 A123\nFW-2 B456');
    first.closest('prm-provider')!.remove();

    const { adapter, log } = instrument(backend.adapter('partnerAssociate'));
    const element = await mountDetail(adapter, LICENCE);
    const box = element.shadowRoot!.querySelector<HTMLTextAreaElement>('#case-reply')!;
    expect(box.value).to.equal('Serials:\nFW-1 A123\nFW-2 B456');
    part(element, 'reply-button')!.click();
    part(element, 'reply-button')!.click();
    await until(part(element, 'conversation')!, 'FW-2 B456');
    expect(log.count('cases.comment')).to.equal(1);
    const after = await backend.adapter('partnerAssociate').cases.get(LICENCE);
    expect(after.comments.length).to.equal(before.comments.length + 1);
    expect(after.comments.at(-1)!.body).to.equal('Serials:\nFW-1 A123\nFW-2 B456');
    expect(box.value).to.equal('');
    // Sent: the draft is gone.
    element.closest('prm-provider')!.remove();
    const again = await mountDetail(backend.adapter('partnerAssociate'), LICENCE);
    expect(again.shadowRoot!.querySelector<HTMLTextAreaElement>('#case-reply')!.value).to.equal('');
  });

  it('offers no Reopen once the reopen window has passed, only Confirm', async () => {
    // A backend living 20 days in the past: its resolution is 20 days old to this page.
    const backend = createLocalBackend({ clock: () => new Date(Date.now() - 20 * 86_400_000) });
    const raised = await backend
      .adapter('partnerAssociate')
      .cases.create(
        { category: 'licensing', priority: 'low', subject: 'Old keys', description: 'Missing' },
        { idempotencyKey: 'old-case' },
      );
    await backend
      .adapter('supportAgent')
      .cases.transition(raised.id, 'resolved', { version: raised.version });
    const element = await mountDetail(backend.adapter('partnerAssociate'), raised.id);
    await until(element, 'Old keys');
    const has = (selector: string) => Boolean(element.shadowRoot!.querySelector(selector));
    expect(has('[data-move="closed"]')).to.equal(true);
    expect(has('[data-move="in_progress"]')).to.equal(false);
  });

  it('lets a partner confirm a resolved case', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('partnerAdmin'), RESOLVED);
    const confirm = element.shadowRoot!.querySelector<HTMLButtonElement>('[data-move="closed"]')!;
    expect(textOf(confirm)).to.equal('Confirm resolution');
    const updated = new Promise<string>((resolve) =>
      element.addEventListener('prm-case-updated', (e) => resolve(e.supportCase.status), {
        once: true,
      }),
    );
    confirm.click();
    expect(await updated).to.equal('closed');
    await until(part(element, 'notice')!, 'is now Closed');
    expect((await backend.adapter('partnerAdmin').cases.get(RESOLVED)).status).to.equal('closed');
    // Closed is final: no moves, no reply box.
    await waitUntil(() => !element.shadowRoot!.querySelector('[data-move]'));
    expect(Boolean(part(element, 'reply-form'))).to.equal(false);
  });

  it('lets a partner reopen a resolved case with a message, accessibly', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('partnerAdmin'), RESOLVED);
    const reopen = element.shadowRoot!.querySelector<HTMLButtonElement>(
      '[data-move="in_progress"]',
    )!;
    expect(textOf(reopen)).to.equal('Reopen');
    reopen.click();
    await waitUntil(() => openDialog(element), 'no dialog');
    await expect(element).to.be.accessible();
    // The message is required.
    part(element, 'confirm-button')!.click();
    await until(openDialog(element)!, 'Say what is still wrong.');
    await type(element, '#case-move-dialog-message', 'The review was never scheduled.');
    part(element, 'confirm-button')!.click();
    await waitUntil(() => !openDialog(element), 'the dialog stayed open');
    const kase = await backend.adapter('partnerAdmin').cases.get(RESOLVED);
    expect(kase.status).to.equal('in_progress');
    expect(kase.history.at(-1)!.message).to.equal('The review was never scheduled.');
    await until(part(element, 'history')!, 'The review was never scheduled.');
  });

  it('shows a reply the support agent sends elsewhere without a reload', async () => {
    const backend = demoBackend();
    const element = await mountDetail(backend.adapter('partnerAssociate'), LICENCE);
    const agent = backend.adapter('supportAgent');
    const kase = await agent.cases.get(LICENCE);
    await agent.cases.comment(
      LICENCE,
      { body: 'Got the serials, thanks — re-issuing keys now.' },
      { version: kase.version },
    );
    await until(part(element, 'conversation')!, 'Got the serials, thanks');
  });

  it('refetches every poll-interval for an adapter without live events', async () => {
    const backend = demoBackend();
    const { adapter } = instrument(backend.adapter('partnerAssociate'));
    Reflect.deleteProperty(adapter, 'subscribe');
    const element = await mountDetail(adapter, LICENCE, 300);
    const agent = backend.adapter('supportAgent');
    const kase = await agent.cases.get(LICENCE);
    await agent.cases.comment(LICENCE, { body: 'Polled reply.' }, { version: kase.version });
    await until(part(element, 'conversation')!, 'Polled reply.');
  });

  it('renders a hostile subject and description as inert text', async () => {
    const backend = demoBackend();
    const raised = await backend
      .adapter('partnerAssociate')
      .cases.create(
        { category: 'other', priority: 'low', subject: HOSTILE, description: HOSTILE },
        { idempotencyKey: 'hostile-detail' },
      );
    const element = await mountDetail(backend.adapter('partnerAssociate'), raised.id);
    expect(textOf(part(element, 'description')!)).to.equal(HOSTILE);
    expect(textOf(part(element, 'header')!)).to.contain(HOSTILE);
    expect(Boolean(element.shadowRoot!.querySelector('img, script'))).to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });
});
