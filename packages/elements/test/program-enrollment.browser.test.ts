import { expect, html, waitUntil } from '@open-wc/testing';
import {
  availableTransitions,
  can,
  isTerminalStatus,
  PrmError,
  type PrmAdapter,
  type ProgramMembership,
} from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmProgramEnrollment } from '../src/components/program-enrollment/program-enrollment.js';
import type { PrmMembershipAppliedEvent, PrmMembershipWithdrawnEvent } from '../src/events.js';
import {
  demoBackend,
  failFirst,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

const ABC = 'p-abc';
const REFERRAL = 'prog-referral';
const RESELLER = 'prog-reseller';

function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function membershipCard(element: Element, id: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[data-membership-id="${id}"]`);
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountEnrollment(adapter: PrmAdapter, partnerId?: string) {
  return mount<PrmProgramEnrollment>(
    adapter,
    html`<prm-provider
      ><prm-program-enrollment partner-id=${ifDefined(partnerId)}></prm-program-enrollment
    ></prm-provider>`,
  );
}

async function abcMemberships(adapter: PrmAdapter): Promise<ProgramMembership[]> {
  return (await adapter.memberships.list({ filter: { partnerId: ABC }, limit: 200 })).items;
}

describe('prm-program-enrollment', () => {
  it('lists current and past memberships with status, tier, renewal and entitlements, accessibly', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAdmin');
    const memberships = await abcMemberships(reference);
    const programs = (await reference.programs.list({ limit: 200 })).items;
    const current = memberships.filter((m) => !isTerminalStatus('memberships', m.status));
    const past = memberships.filter((m) => isTerminalStatus('memberships', m.status));
    expect(current, 'ABC has a current membership').to.have.length.greaterThan(0);
    expect(past, 'ABC has a past membership').to.have.length.greaterThan(0);

    const { element } = await mountEnrollment(backend.adapter('partnerAdmin'));
    await until(element, 'Current memberships');
    await expect(element).to.be.accessible();

    for (const membership of memberships) {
      const program = programs.find((p) => p.id === membership.programId)!;
      const card = membershipCard(element, membership.id)!;
      const section = part(
        element,
        isTerminalStatus('memberships', membership.status) ? 'past' : 'current',
      )!;
      expect(section.contains(card), `${program.name} is in the right section`).to.equal(true);
      const text = textOf(card);
      expect(text).to.contain(program.name);
      expect(text).to.contain(program.tiers.find((t) => t.key === membership.tierKey)!.name);
      const status = membership.status.charAt(0).toUpperCase() + membership.status.slice(1);
      expect(textOf(card.querySelector('[part~="status"]')!)).to.equal(status);
    }
    const reseller = current.find((m) => m.programId === RESELLER)!;
    const resellerText = textOf(membershipCard(element, reseller.id)!);
    expect(reseller.renewsAt).to.be.a('string');
    expect(resellerText).to.match(/renews in \d+ days/);
    for (const { label, used, total } of reseller.entitlements) {
      expect(resellerText).to.contain(
        total === null ? `${label}: ${used} used` : `${label}: ${used} of ${total} used`,
      );
    }
  });

  it('shows the loading state while the memberships are read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAdmin'),
      (name) => name === 'memberships.list',
    );
    const { element } = await mountEnrollment(adapter);
    await element.updateComplete;
    expect(part(element, 'loading')?.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(demoBackend().adapter('partnerAdmin'), 'memberships.list');
    const { element } = await mountEnrollment(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    part<HTMLButtonElement>(element, 'retry')!.click();
    await until(element, 'Current memberships');
    expect(log.count('memberships.list')).to.equal(2);
  });

  it('shows the empty state with a way to apply', async () => {
    const { adapter } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'memberships.list' ? Promise.resolve({ items: [], nextCursor: null }) : call(),
    );
    const { element } = await mountEnrollment(adapter);
    await until(element, 'Not enrolled in any program yet');
    expect(Boolean(part(element, 'empty'))).to.equal(true);
    expect(Boolean(part(element, 'apply-button')), 'the empty state offers to apply').to.equal(
      true,
    );
    await expect(element).to.be.accessible();
  });

  it('applies to a program from the entry point through the shared dialog', async () => {
    const { provider, element } = await mountEnrollment(demoBackend().adapter('partnerAdmin'));
    const applied: PrmMembershipAppliedEvent[] = [];
    provider.addEventListener('prm-membership-applied', (event) => applied.push(event));
    await until(element, 'Apply to a program');
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('#apply-program')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal([REFERRAL]);
    part<HTMLButtonElement>(element, 'apply-button')!.click();
    await waitUntil(() => openDialog(element), 'the apply dialog never opened');
    expect(textOf(openDialog(element)!)).to.contain('Apply to XYZ Referral Program');
    part<HTMLInputElement>(element, 'accept-terms')!.click();
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await waitUntil(() => applied.length === 1, 'no application sent');
    await waitUntil(
      () => part(element, 'current')?.contains(membershipCard(element, applied[0]!.membership.id)),
      'the application is not listed',
    );
    expect(textOf(membershipCard(element, applied[0]!.membership.id)!)).to.contain('Applied');
    await waitUntil(
      () => textOf(part(element, 'apply')!).includes('No other programs are open'),
      'the program is still offered',
    );
  });

  it('withdraws after a confirmation, keeping the reason across a cancel and a failure', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAdmin');
    const reseller = (await abcMemberships(reference)).find(
      (m) => m.programId === RESELLER && m.status === 'active',
    )!;
    let failures = 1;
    const { adapter, log } = instrument(backend.adapter('partnerAdmin'), (name, call) => {
      if (name === 'memberships.transition' && failures > 0) {
        failures--;
        return Promise.reject(new PrmError('network', 'offline'));
      }
      return call();
    });
    const { provider, element } = await mountEnrollment(adapter);
    const withdrawn: PrmMembershipWithdrawnEvent[] = [];
    provider.addEventListener('prm-membership-withdrawn', (event) => withdrawn.push(event));
    await until(element, 'XYZ Reseller Program');
    const button = membershipCard(element, reseller.id)!.querySelector<HTMLButtonElement>(
      '[part~="withdraw-button"]',
    )!;

    // Open, type a reason, cancel: nothing changes and focus returns.
    button.click();
    await waitUntil(() => openDialog(element), 'the withdraw dialog never opened');
    expect(textOf(openDialog(element)!)).to.contain('Withdraw from XYZ Reseller Program?');
    await expect(element).to.be.accessible();
    const reason = () => element.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    reason().value = 'Moving to the MSP program';
    reason().dispatchEvent(new Event('input'));
    part<HTMLButtonElement>(element, 'cancel-button')!.click();
    await waitUntil(() => !openDialog(element), 'cancel did not close the dialog');
    await waitUntil(() => element.shadowRoot!.activeElement === button, 'focus did not return');
    expect(log.count('memberships.transition')).to.equal(0);

    // Open again: the reason is still there. The first confirmation fails on the network.
    button.click();
    await waitUntil(() => openDialog(element), 'the withdraw dialog never reopened');
    expect(reason().value).to.equal('Moving to the MSP program');
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await until(openDialog(element)!, "Can't reach the server");
    expect(reason().value, 'the reason survives the failure').to.equal('Moving to the MSP program');
    expect(withdrawn).to.have.length(0);

    // The retry withdraws.
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await waitUntil(() => !openDialog(element), 'the dialog never closed');
    expect(withdrawn).to.have.length(1);
    expect(withdrawn[0]!.membership.id).to.equal(reseller.id);
    expect(withdrawn[0]!.membership.status).to.equal('withdrawn');
    const stored = await reference.memberships.get(reseller.id);
    expect(stored.status).to.equal('withdrawn');
    expect(stored.history.at(-1)!.reason).to.equal('Moving to the MSP program');
    await waitUntil(
      () => part(element, 'past')?.contains(membershipCard(element, reseller.id)),
      'the membership did not move to the past',
    );
    expect(textOf(membershipCard(element, reseller.id)!)).to.contain('Withdrawn');
    expect(textOf(element.shadowRoot!.querySelector('#withdraw-notice')!)).to.contain(
      'Withdrawn from XYZ Reseller Program',
    );
  });

  it('gives a partner associate no Withdraw or Apply controls, as core rules', async () => {
    const backend = demoBackend();
    const adapter = backend.adapter('partnerAssociate');
    const viewer = await adapter.session();
    const partner = await adapter.partners.get(ABC);
    const scope = { partnerId: ABC, channelManagerId: partner.channelManagerId };
    expect(can(viewer, 'memberships.apply', scope)).to.equal(false);
    expect(can(viewer, 'memberships.transition', scope)).to.equal(false);
    expect(availableTransitions('memberships', 'active', viewer.role)).to.have.length(0);

    const { element } = await mountEnrollment(adapter);
    await until(element, 'XYZ Reseller Program');
    expect(Boolean(part(element, 'withdraw-button'))).to.equal(false);
    expect(Boolean(part(element, 'apply'))).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('shows a channel manager the memberships of a partner named by partner-id, withdrawing only where core allows', async () => {
    const backend = demoBackend();
    const adapter = backend.adapter('channelManager');
    const viewer = await adapter.session();
    const partner = await adapter.partners.get(ABC);
    const scope = { partnerId: ABC, channelManagerId: partner.channelManagerId };
    const mayWithdraw =
      can(viewer, 'memberships.transition', scope) &&
      availableTransitions('memberships', 'active', viewer.role).some((m) => m.to === 'withdrawn');

    const { element } = await mountEnrollment(adapter, ABC);
    await until(element, 'Programs of ABC Systems');
    await until(element, 'XYZ Reseller Program');
    expect(Boolean(part(element, 'withdraw-button'))).to.equal(mayWithdraw);
    expect(Boolean(part(element, 'apply-button'))).to.equal(
      can(viewer, 'memberships.apply', scope),
    );
  });
});
