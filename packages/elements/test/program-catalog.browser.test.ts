import { expect, html, waitUntil } from '@open-wc/testing';
import {
  availableTransitions,
  can,
  PrmError,
  type Page,
  type PrmAdapter,
  type ProgramEligibility,
  type ProgramMembership,
} from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmProgramCatalog } from '../src/components/program-catalog/program-catalog.js';
import type { PrmProgramEnrollment } from '../src/components/program-enrollment/program-enrollment.js';
import type { PrmMembershipAppliedEvent, PrmProgramApplyEvent } from '../src/events.js';
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

const ABC = 'p-abc';
const REFERRAL = 'prog-referral';
const RESELLER = 'prog-reseller';
const percent = (bps: number) =>
  new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(bps / 10_000);

function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function parts<T extends Element = HTMLElement>(element: Element, name: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** The program card of `programId` (eligible or not). */
function card(element: Element, programId: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[data-program-id="${programId}"]`);
}

function applyButton(element: Element, programId: string): HTMLButtonElement | null {
  return card(element, programId)?.querySelector('[part~="apply-button"]') ?? null;
}

function openDialog(element: Element): HTMLDialogElement | null {
  const dialog = element.shadowRoot!.querySelector('dialog');
  return dialog?.open ? dialog : null;
}

async function mountCatalog(adapter: PrmAdapter, partnerId?: string) {
  const { provider, element } = await mount<PrmProgramCatalog>(
    adapter,
    html`<prm-provider
      ><prm-program-catalog partner-id=${ifDefined(partnerId)}></prm-program-catalog
    ></prm-provider>`,
  );
  return { provider, element };
}

async function liveMemberships(adapter: PrmAdapter, programId: string, partnerId = ABC) {
  const page: Page<ProgramMembership> = await adapter.memberships.list({
    filter: { partnerId, programId, status: ['applied', 'active', 'suspended'] },
  });
  return page.items;
}

describe('prm-program-catalog', () => {
  it('shows the eligible programs with their benefits and the reasons for the others, accessibly', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAdmin');
    const eligibility: ProgramEligibility[] = await reference.programs.eligibility();
    const programs = (await reference.programs.list({ limit: 200 })).items;
    const eligible = eligibility.filter((e) => e.eligible);
    const others = eligibility.filter((e) => !e.eligible);
    expect(eligible, 'the demo has an eligible program').to.have.length.greaterThan(0);
    expect(others, 'the demo has programs ABC may not join').to.have.length.greaterThan(0);

    const { element } = await mountCatalog(backend.adapter('partnerAdmin'));
    await until(element, programs.find((p) => p.id === eligible[0]!.programId)!.name);
    await expect(element).to.be.accessible();

    const eligibleSection = part(element, 'eligible')!;
    const otherSection = part(element, 'ineligible')!;
    for (const entry of eligible) {
      const program = programs.find((p) => p.id === entry.programId)!;
      const programCard = card(element, program.id)!;
      expect(
        eligibleSection.contains(programCard),
        `${program.name} is listed as eligible`,
      ).to.equal(true);
      const text = textOf(programCard).replace(/\s+/g, ' ');
      for (const tier of program.tiers) {
        expect(text).to.contain(tier.name);
        expect(text).to.contain(percent(tier.benefits.discountBps));
        for (const perk of tier.benefits.perks) expect(text).to.contain(perk);
      }
      expect(Boolean(applyButton(element, program.id)), 'a partner admin may apply').to.equal(true);
    }
    for (const entry of others) {
      const program = programs.find((p) => p.id === entry.programId)!;
      const programCard = card(element, program.id)!;
      expect(
        otherSection.contains(programCard),
        `${program.name} is listed as not eligible`,
      ).to.equal(true);
      expect(Boolean(applyButton(element, program.id))).to.equal(false);
      const reasons = programCard.querySelectorAll('[part~="reasons"] li');
      expect(reasons.length).to.equal(entry.reasons.length);
      const text = deepText(programCard);
      for (const reason of entry.reasons) {
        const expected = {
          program_not_active: 'not open for applications',
          partner_not_active: 'Only active or onboarding partners',
          segment_required: 'For partners in one of these segments',
          tier_too_low: 'Needs partner tier',
          country_not_covered: 'Not offered in',
          already_member: 'Already a member',
        }[reason.code];
        expect(text).to.contain(expected);
      }
    }
    // Money benefits and requirements are formatted as money.
    const reseller = programs.find((p) => p.id === RESELLER)!;
    const gold = reseller.tiers.find((t) => t.key === 'gold')!;
    const resellerText = textOf(card(element, RESELLER)!);
    expect(resellerText).to.contain('$15,000.00 per quarter');
    expect(resellerText).to.contain('Annual revenue: $2,000,000.00');
    expect(resellerText).to.contain(`${gold.benefits.caseFirstResponseHours} business hours`);
    expect(resellerText).to.contain(
      `protected for ${reseller.dealRegistration.exclusivityDays} days`,
    );
    // A segment requirement names the segment.
    await until(card(element, 'prog-msp')!, 'Managed');
  });

  it('explains every reason in words: partner status, tier and country', async () => {
    const backend = demoBackend();
    const admin = backend.adapter('programAdmin');
    const referral = await admin.programs.get(REFERRAL);
    await admin.programs.update(
      REFERRAL,
      { eligibility: { ...referral.eligibility, countries: ['CA'] } },
      { version: referral.version },
    );
    const adapter = backend.adapter('channelManager');
    // Lone Star Integrators: suspended, in the US.
    const suspended = await mountCatalog(adapter, 'p-lonestar');
    await until(suspended.element, 'Other programs');
    const referralText = textOf(card(suspended.element, REFERRAL)!);
    expect(referralText).to.contain(
      'Only active or onboarding partners may join. Partner status: Suspended',
    );
    expect(referralText).to.contain('Not offered in United States.');
    // Prairie Tech Partners: Registered tier, below the MSP Program's minimum.
    const registered = await mountCatalog(adapter, 'p-prairie');
    await until(registered.element, 'Other programs');
    expect(textOf(card(registered.element, 'prog-msp')!)).to.contain(
      'Needs partner tier Silver or higher; the partner is Registered.',
    );
  });

  it('shows the loading state while the eligibility is read', async () => {
    const { adapter } = hanging(
      demoBackend().adapter('partnerAdmin'),
      (name) => name === 'programs.eligibility',
    );
    const { element } = await mountCatalog(adapter);
    await element.updateComplete;
    const loading = part(element, 'loading');
    expect(Boolean(loading)).to.equal(true);
    expect(loading!.getAttribute('aria-busy')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    const { adapter, log } = failFirst(
      demoBackend().adapter('partnerAdmin'),
      'programs.eligibility',
    );
    const { element } = await mountCatalog(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    part<HTMLButtonElement>(element, 'retry')!.click();
    await until(element, 'XYZ Referral Program');
    expect(log.count('programs.eligibility')).to.equal(2);
  });

  it('says so when there are no programs', async () => {
    const { adapter } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'programs.eligibility' ? Promise.resolve([]) : call(),
    );
    const { element } = await mountCatalog(adapter);
    await until(element, 'No programs are open yet.');
    expect(Boolean(part(element, 'empty'))).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('requires the terms, then applies exactly once across a double click and a retry after a network failure', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAdmin');
    let failed = false;
    const { adapter, log } = instrument(backend.adapter('partnerAdmin'), async (name, call) => {
      if (name === 'memberships.create' && !failed) {
        failed = true;
        // The server creates the membership, but the answer never arrives.
        await call();
        throw new PrmError('network', 'connection lost');
      }
      return call();
    });
    const { provider } = await mount(
      adapter,
      html`<prm-provider
        ><prm-program-catalog></prm-program-catalog><prm-program-enrollment></prm-program-enrollment
      ></prm-provider>`,
    );
    const catalog = provider.querySelector('prm-program-catalog')!;
    const enrollment = provider.querySelector<PrmProgramEnrollment>('prm-program-enrollment')!;
    const applied: PrmMembershipAppliedEvent[] = [];
    provider.addEventListener('prm-membership-applied', (event) => applied.push(event));
    await until(catalog, 'XYZ Referral Program');
    await until(enrollment, 'Current memberships');
    const before = await liveMemberships(reference, REFERRAL);
    expect(before).to.have.length(0);

    applyButton(catalog, REFERRAL)!.click();
    await waitUntil(() => openDialog(catalog), 'the apply dialog never opened');
    const dialog = openDialog(catalog)!;
    expect(textOf(dialog)).to.contain('Apply to XYZ Referral Program');
    expect(textOf(dialog)).to.contain('version 2025-03');
    await expect(catalog).to.be.accessible();

    // Without accepting the terms: the error is at the checkbox and the dialog stays open.
    const submit = part<HTMLButtonElement>(catalog, 'submit-button')!;
    submit.click();
    const checkbox = part<HTMLInputElement>(catalog, 'accept-terms')!;
    await waitUntil(() => checkbox.getAttribute('aria-invalid') === 'true', 'no error shown');
    const errorId = checkbox.getAttribute('aria-describedby')!;
    expect(catalog.shadowRoot!.getElementById(errorId)!.textContent).to.contain(
      'Accept the program terms',
    );
    expect(catalog.shadowRoot!.activeElement === checkbox, 'focus moves to the checkbox').to.equal(
      true,
    );
    expect(dialog.open).to.equal(true);
    expect(log.count('memberships.create')).to.equal(0);

    // Accept, then a double click while the connection drops.
    checkbox.click();
    await catalog.updateComplete;
    expect(checkbox.getAttribute('aria-invalid')).to.equal(null);
    submit.click();
    submit.click();
    await until(dialog, "Can't reach the server");
    expect(log.count('memberships.create')).to.equal(1);
    expect(dialog.open, 'the dialog stays open after a failure').to.equal(true);
    expect(
      part<HTMLInputElement>(catalog, 'accept-terms')!.checked,
      'the acceptance is kept',
    ).to.equal(true);
    expect(applied).to.have.length(0);

    // The retry (double-clicked again) re-sends the same application.
    submit.click();
    submit.click();
    await waitUntil(() => !openDialog(catalog), 'the dialog never closed');
    expect(log.count('memberships.create')).to.equal(2);
    expect(applied).to.have.length(1);
    expect(applied[0]!.membership.programId).to.equal(REFERRAL);
    expect(applied[0]!.membership.status).to.equal('applied');
    const after = await liveMemberships(reference, REFERRAL);
    expect(after.map((m) => m.id)).to.deep.equal([applied[0]!.membership.id]);

    // The program moves out of "eligible", and the enrollment lists the application.
    await waitUntil(
      () => part(catalog, 'ineligible')?.contains(card(catalog, REFERRAL)),
      'the program stayed eligible',
    );
    expect(textOf(card(catalog, REFERRAL)!)).to.contain('Already a member');
    expect(textOf(part(catalog, 'notice')!)).to.contain('Application to XYZ Referral Program sent');
    await waitUntil(
      () => catalog.shadowRoot!.activeElement === part(catalog, 'notice'),
      'focus did not move to the outcome',
    );
    await waitUntil(
      () => textOf(part(enrollment, 'current')!).includes('XYZ Referral Program'),
      'the enrollment never listed the application',
    );
    expect(textOf(part(enrollment, 'current')!)).to.contain('Applied');
  });

  it('lets the applicant choose among several tiers', async () => {
    const backend = demoBackend();
    const reference = backend.adapter('partnerAdmin');
    const [membership] = await liveMemberships(reference, RESELLER);
    await reference.memberships.transition(membership!.id, 'withdrawn', {
      version: membership!.version,
    });
    const { element } = await mountCatalog(backend.adapter('partnerAdmin'));
    await waitUntil(() => applyButton(element, RESELLER), 'the reseller program is not open');
    applyButton(element, RESELLER)!.click();
    await waitUntil(() => openDialog(element), 'the apply dialog never opened');
    const select = part<HTMLSelectElement>(element, 'tier-select')!;
    expect([...select.options].map((o) => o.value)).to.deep.equal([
      'registered',
      'silver',
      'gold',
      'platinum',
    ]);
    expect(select.value, 'the entry tier is preselected').to.equal('registered');
    select.value = 'silver';
    select.dispatchEvent(new Event('change'));
    part<HTMLInputElement>(element, 'accept-terms')!.click();
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await waitUntil(() => !openDialog(element), 'the dialog never closed');
    const [created] = await liveMemberships(reference, RESELLER);
    expect(created!.tierKey).to.equal('silver');
  });

  it('gives a partner associate no Apply button, as core rules', async () => {
    const backend = demoBackend();
    const adapter = backend.adapter('partnerAssociate');
    const viewer = await adapter.session();
    const partner = await adapter.partners.get(ABC);
    const scope = { partnerId: ABC, channelManagerId: partner.channelManagerId };
    expect(can(viewer, 'memberships.apply', scope)).to.equal(false);
    expect(availableTransitions('memberships', 'active', viewer.role)).to.have.length(0);

    const { element } = await mountCatalog(adapter);
    await until(element, 'XYZ Referral Program');
    expect(Boolean(card(element, REFERRAL)), 'the eligible program is shown').to.equal(true);
    expect(parts(element, 'apply-button')).to.have.length(0);
    await expect(element).to.be.accessible();
  });

  it('lets the channel manager apply on behalf of a partner named by partner-id', async () => {
    const backend = demoBackend();
    const adapter = backend.adapter('channelManager');
    const { element } = await mountCatalog(adapter, ABC);
    await until(element, 'Programs for ABC Systems');
    const applied: PrmMembershipAppliedEvent[] = [];
    element.addEventListener('prm-membership-applied', (event) => applied.push(event));
    applyButton(element, REFERRAL)!.click();
    await waitUntil(() => openDialog(element), 'the apply dialog never opened');
    part<HTMLInputElement>(element, 'accept-terms')!.click();
    part<HTMLButtonElement>(element, 'submit-button')!.click();
    await waitUntil(() => applied.length === 1, 'no application sent');
    expect(applied[0]!.membership.partnerId).to.equal(ABC);
    expect(await liveMemberships(backend.adapter('partnerAdmin'), REFERRAL)).to.have.length(1);
  });

  it('asks an enterprise viewer to name a partner', async () => {
    const { element } = await mountCatalog(demoBackend().adapter('channelManager'));
    await until(element, 'Choose a partner');
    expect(Boolean(part(element, 'program'))).to.equal(false);
  });

  it('lets a host cancel prm-program-apply, and then opens no dialog', async () => {
    const { provider, element } = await mountCatalog(demoBackend().adapter('partnerAdmin'));
    await until(element, 'XYZ Referral Program');
    const asked: PrmProgramApplyEvent[] = [];
    provider.addEventListener('prm-program-apply', (event) => {
      asked.push(event);
      event.preventDefault();
    });
    applyButton(element, REFERRAL)!.click();
    await element.updateComplete;
    expect(asked).to.have.length(1);
    expect(asked[0]!.program.id).to.equal(REFERRAL);
    expect(asked[0]!.partnerId).to.equal(ABC);
    expect(Boolean(element.shadowRoot!.querySelector('dialog'))).to.equal(false);
  });

  it('works from the keyboard: Tab reaches Apply, Escape closes the dialog and focus returns', async () => {
    const { element } = await mountCatalog(demoBackend().adapter('partnerAdmin'));
    await until(element, 'XYZ Referral Program');
    const button = applyButton(element, REFERRAL)!;
    for (let i = 0; i < 30 && element.shadowRoot!.activeElement !== button; i++) await press('Tab');
    expect(element.shadowRoot!.activeElement === button, 'Tab reaches Apply').to.equal(true);
    await press('Enter');
    await waitUntil(() => openDialog(element), 'Enter did not open the dialog');
    await expect(element).to.be.accessible();
    await press('Escape');
    await waitUntil(() => !openDialog(element), 'Escape did not close the dialog');
    await waitUntil(
      () => element.shadowRoot!.activeElement === button,
      'focus did not return to Apply',
    );
  });

  it('renders hostile program names and descriptions as inert text', async () => {
    const backend = demoBackend();
    const admin = backend.adapter('programAdmin');
    const program = await admin.programs.get(REFERRAL);
    await admin.programs.update(
      REFERRAL,
      { name: HOSTILE, description: HOSTILE },
      { version: program.version },
    );
    const { element } = await mountCatalog(backend.adapter('partnerAdmin'));
    await until(element, HOSTILE);
    applyButton(element, REFERRAL)!.click();
    await waitUntil(() => openDialog(element), 'the apply dialog never opened');
    expect(textOf(openDialog(element)!)).to.contain(HOSTILE);
    expect(Boolean(element.shadowRoot!.querySelector('img, script'))).to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });
});
