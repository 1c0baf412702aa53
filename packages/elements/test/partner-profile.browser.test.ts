import { expect, html, waitUntil } from '@open-wc/testing';
import { PrmError, type Partner, type PrmAdapter } from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmPartnerProfile } from '../src/components/partner-profile/partner-profile.js';
import type { PrmPartnerUpdatedEvent } from '../src/events.js';
import {
  HOSTILE,
  deepText,
  demoBackend,
  failing,
  hanging,
  instrument,
  mount,
  textOf,
  until,
} from './support/fixtures.js';

const DRAFT_PREFIX = 'prm-kit:draft:partner-profile:';

function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  }
}

const drafts = () => Object.keys(localStorage).filter((key) => key.startsWith(DRAFT_PREFIX));

async function showProfile(adapter: PrmAdapter, partnerId?: string) {
  const { provider, element } = await mount<PrmPartnerProfile>(
    adapter,
    html`<prm-provider
      ><prm-partner-profile partner-id=${ifDefined(partnerId)}></prm-partner-profile
    ></prm-provider>`,
  );
  const events: PrmPartnerUpdatedEvent[] = [];
  provider.addEventListener('prm-partner-updated', (event) => events.push(event));
  return { provider, element, events };
}

/** The shadow root's element matching `selector` (fails the test when missing). */
function part<T extends Element = HTMLElement>(element: Element, selector: string): T {
  const found = element.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in: ${textOf(element).slice(0, 300)}`);
  return found;
}

/**
 * Whether the shadow root holds `selector`. Assertions compare booleans, not elements: chai
 * would print a whole element (and the client behind it) when one fails.
 */
const has = (element: Element, selector: string) =>
  element.shadowRoot!.querySelector(selector) !== null;
const focused = (element: Element, target: Element | null) =>
  target !== null && element.shadowRoot!.activeElement === target;

const editButton = (element: Element) =>
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="edit-button"]');
const input = (element: Element, name: string) =>
  part<HTMLInputElement | HTMLSelectElement>(element, `[name="${name}"]`);

/** Types into a field the way a browser reports it: the value, then an `input` event. */
async function type(element: PrmPartnerProfile, name: string, value: string): Promise<void> {
  const control = input(element, name);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

async function openForm(element: PrmPartnerProfile): Promise<void> {
  await until(element, 'ABC Systems');
  editButton(element)!.click();
  await element.updateComplete;
  part(element, '[part~="form"]');
}

async function save(element: PrmPartnerProfile): Promise<void> {
  part<HTMLButtonElement>(element, '[part~="save-button"]').click();
  await element.updateComplete;
}

const formGone = (element: Element) =>
  waitUntil(() => !element.shadowRoot!.querySelector('[part~="form"]'), 'the form stayed open');

/** ABC's record as stored now (read by an enterprise admin). */
const storedAbc = (backend: ReturnType<typeof demoBackend>) =>
  backend.adapter('enterpriseAdmin').partners.get('p-abc');

describe('prm-partner-profile', () => {
  beforeEach(clearDrafts);
  afterEach(clearDrafts);

  it('is accessible and shows the viewer’s own partner: details, segments, contacts, programs', async () => {
    const { element } = await showProfile(demoBackend().adapter('partnerAdmin'));
    await until(element, 'XYZ Reseller Program');
    await until(element, 'Strategic partners');
    await expect(element).to.be.accessible();

    const details = textOf(part(element, '[part~="details"]'));
    expect(details).to.contain('Gold');
    expect(details).to.contain('United States');
    expect(details).to.contain('85');
    expect(details).to.contain('$4,200,000.00');
    expect(details).to.contain('security, networking, cloud');
    expect(part<HTMLAnchorElement>(element, 'a[part~="website"]').href).to.equal(
      'https://www.abc-systems.example.com/',
    );
    expect(textOf(part(element, '[part~="header"]'))).to.contain('Active');

    // Segments as badges, each given its segment (read once as a list).
    const badges = element.shadowRoot!.querySelectorAll('prm-segment-badge');
    expect(badges.length).to.equal(7);
    expect(deepText(part(element, '[part~="segments"]'))).to.contain('Security specialists');

    // Contacts: email as a mailto link, role, primary.
    const contacts = element.shadowRoot!.querySelectorAll('[part~="contact"]');
    expect(contacts.length).to.equal(4);
    expect(textOf(part(element, '[part~="contacts"]'))).to.contain('Alliance Director');
    expect(contacts[0]!.textContent).to.contain('Primary');
    expect(contacts[0]!.textContent).to.contain('Partner admin');
    expect(contacts[0]!.querySelector('a')!.getAttribute('href')).to.equal(
      'mailto:alice.brennan@abc-systems.example.com',
    );

    // Programs: every membership with its status, tier and entitlements.
    const programs = textOf(part(element, '[part~="memberships"]'));
    expect(element.shadowRoot!.querySelectorAll('[part~="membership"]').length).to.equal(3);
    expect(programs).to.contain('XYZ Referral Program');
    expect(programs).to.contain('Withdrawn');
    expect(programs).to.contain('Training seats: 7 of 10 used');
    expect(programs).to.contain('Partner support incidents: 5 used (no limit)');
    // Onboarding is complete: no checklist.
    expect(has(element, '[part~="onboarding"]'), 'onboarding shown').to.equal(false);
  });

  it('shows the onboarding checklist while onboarding is not complete', async () => {
    const backend = demoBackend();
    const partners = await backend.adapter('enterpriseAdmin').partners.list({ limit: 200 });
    const onboarding = partners.items.find(
      (p) => p.onboarding.some((s) => s.done) && p.onboarding.some((s) => !s.done),
    )!;
    const { element } = await showProfile(backend.adapter('enterpriseAdmin'), onboarding.id);
    await until(element, onboarding.name);
    const checklist = textOf(part(element, '[part~="onboarding"]'));
    const done = onboarding.onboarding.filter((s) => s.done).length;
    expect(checklist).to.contain(`${done} of ${onboarding.onboarding.length} steps done`);
    const open = onboarding.onboarding.find((s) => !s.done)!;
    expect(checklist).to.contain(`${open.label} (to do)`);
  });

  it('shows loading while the partner is read', async () => {
    const { adapter } = hanging(demoBackend().adapter('partnerAdmin'), (n) => n === 'partners.get');
    const { element } = await showProfile(adapter);
    await until(element, 'Loading partner profile');
    expect(has(element, '[aria-busy="true"]'), 'no busy state').to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('shows an error with a retry that reads again', async () => {
    let fail = true;
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'partners.get' && fail ? Promise.reject(new PrmError('network', 'down')) : call(),
    );
    const { element } = await showProfile(adapter);
    await until(element, "Can't reach the server");
    await expect(element).to.be.accessible();
    fail = false;
    part<HTMLButtonElement>(element, '[part~="retry"]').click();
    await until(element, 'ABC Systems');
    expect(log.count('partners.get')).to.equal(2);
  });

  it('says a partner does not exist, including another partner’s record', async () => {
    const backend = demoBackend();
    const missing = await showProfile(backend.adapter('partnerAdmin'), 'p-missing');
    await until(missing.element, "doesn't exist");
    const other = await showProfile(backend.adapter('partnerAdmin'), 'p-northwind');
    await until(other.element, "doesn't exist");
    expect(deepText(other.element)).not.to.contain('Northwind');
  });

  it('asks an enterprise viewer without a partner id to choose a partner', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('channelManager'));
    const { element } = await showProfile(adapter);
    await until(element, 'Choose a partner');
    expect(log.count('partners.get')).to.equal(0);
    await expect(element).to.be.accessible();
  });

  it('lets the partner admin edit its profile, without the tier', async () => {
    const backend = demoBackend();
    const { element, events } = await showProfile(backend.adapter('partnerAdmin'));
    await openForm(element);
    await expect(element).to.be.accessible();
    expect(focused(element, input(element, 'name')), 'focus not on the name').to.equal(true);
    expect(has(element, '[name="tier"]'), 'a tier field').to.equal(false);
    expect(input(element, 'name').value).to.equal('ABC Systems');
    expect(input(element, 'region').value).to.equal('north_america');

    await type(element, 'name', 'ABC Systems Group');
    await type(element, 'employees', '120');
    await save(element);
    await formGone(element);
    await until(element, 'ABC Systems Group');
    expect(textOf(part(element, '[part~="details"]'))).to.contain('120');
    expect(events.length).to.equal(1);
    expect(events[0]!.partner.name).to.equal('ABC Systems Group');
    expect(events[0]!.partner.employees).to.equal(120);
    expect((await storedAbc(backend)).name).to.equal('ABC Systems Group');
    expect(focused(element, editButton(element)), 'focus not on Edit').to.equal(true);
    expect(drafts()).to.deep.equal([]);
  });

  it('shows no edit control to people who may only read the profile', async () => {
    const backend = demoBackend();
    for (const role of [
      'partnerManager',
      'partnerAssociate',
      'programAdmin',
      'supportAgent',
    ] as const) {
      const { element } = await showProfile(backend.adapter(role), 'p-abc');
      await until(element, 'XYZ Reseller Program');
      expect(has(element, '[part~="edit-button"]'), `${role} sees Edit`).to.equal(false);
      expect(has(element, 'form'), `${role} sees a form`).to.equal(false);
    }
  });

  it('lets ABC’s channel manager edit the profile and the tier', async () => {
    const backend = demoBackend();
    const { element, events } = await showProfile(backend.adapter('channelManager'), 'p-abc');
    await openForm(element);
    const tier = input(element, 'tier');
    expect(tier.value).to.equal('gold');
    tier.value = 'platinum';
    tier.dispatchEvent(new Event('change', { bubbles: true }));
    await save(element);
    await formGone(element);
    await waitUntil(() => textOf(part(element, '[part~="details"]')).includes('Platinum'));
    expect(events[0]!.partner.tier).to.equal('platinum');
    expect((await storedAbc(backend)).tier).to.equal('platinum');
  });

  it('shows validation errors at the fields and in a summary, keeping what was typed', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'));
    const { element } = await showProfile(adapter);
    await openForm(element);
    await type(element, 'name', 'ABC Renamed');
    await type(element, 'website', 'not a web address');
    await type(element, 'country', 'USA');
    await save(element);

    const website = input(element, 'website');
    expect(website.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = website.getAttribute('aria-describedby')!;
    const message = part(element, `#${describedBy.split(' ')[0]!}`);
    expect(message.textContent).to.contain('Enter a web address starting with https://');
    expect(input(element, 'country').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'name').hasAttribute('aria-invalid')).to.equal(false);

    const summary = part(element, '[part~="error-summary"]');
    expect(textOf(summary)).to.contain('2 fields need attention');
    expect(textOf(summary)).to.contain('Website: Enter a web address');
    await waitUntil(() => element.shadowRoot!.activeElement === summary, 'focus not on summary');
    await expect(element).to.be.accessible();

    // Nothing typed is lost, nothing was sent.
    expect(input(element, 'name').value).to.equal('ABC Renamed');
    expect(website.value).to.equal('not a web address');
    expect(log.count('partners.update')).to.equal(0);

    // The summary's link moves focus to the field.
    summary.querySelector<HTMLAnchorElement>('a[href="#profile-website"]')!.click();
    expect(focused(element, website), 'focus not on the website').to.equal(true);
  });

  it('maps the server’s validation errors to the fields', async () => {
    const { adapter } = instrument(demoBackend().adapter('partnerAdmin'), (name, call) =>
      name === 'partners.update'
        ? Promise.reject(
            new PrmError('validation', 'Rejected', {
              fields: [{ path: 'name', message: 'That name is already registered.' }],
            }),
          )
        : call(),
    );
    const { element } = await showProfile(adapter);
    await openForm(element);
    await type(element, 'name', 'Northwind Networks');
    await save(element);
    await until(element, 'That name is already registered.');
    expect(input(element, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(input(element, 'name').value).to.equal('Northwind Networks');
  });

  it('keeps every value when saving fails, and a retry saves once', async () => {
    const backend = demoBackend();
    const before = await storedAbc(backend);
    let fail = true;
    const { adapter, log } = instrument(backend.adapter('partnerAdmin'), (name, call) =>
      name === 'partners.update' && fail ? Promise.reject(new PrmError('network', 'down')) : call(),
    );
    const { element, events } = await showProfile(adapter);
    await openForm(element);
    await type(element, 'name', 'ABC Offline Edit');
    await type(element, 'specializations', 'security, managed services');
    await save(element);
    await until(element, "Can't reach the server");
    await waitUntil(
      () => element.shadowRoot!.activeElement === part(element, '[part~="save-error"]'),
      'focus not on the alert',
    );
    await expect(element).to.be.accessible();
    expect(input(element, 'name').value).to.equal('ABC Offline Edit');
    expect(input(element, 'specializations').value).to.equal('security, managed services');
    expect(events.length).to.equal(0);

    fail = false;
    part<HTMLButtonElement>(element, '[part~="retry-button"]').click();
    await formGone(element);
    await until(element, 'ABC Offline Edit');
    expect(log.count('partners.update')).to.equal(2);
    expect(events.length).to.equal(1);
    const after = await storedAbc(backend);
    expect(after.version).to.equal(before.version + 1);
    expect(after.specializations).to.deep.equal(['security', 'managed_services']);
  });

  describe('when someone else changed the profile meanwhile', () => {
    async function conflict() {
      const backend = demoBackend();
      const { element, events } = await showProfile(backend.adapter('partnerAdmin'));
      await openForm(element);
      await type(element, 'name', 'Mine Systems');
      const other = backend.adapter('channelManager');
      const current = await other.partners.get('p-abc');
      await other.partners.update(
        'p-abc',
        { name: 'Theirs Systems' },
        { version: current.version },
      );
      await save(element);
      await until(element, 'This profile was changed by someone else');
      return { backend, element, events };
    }

    it('keeps my edits and offers to reload or overwrite', async () => {
      const { element } = await conflict();
      expect(input(element, 'name').value).to.equal('Mine Systems');
      const alert = part(element, '[part~="conflict"]');
      await waitUntil(() => element.shadowRoot!.activeElement === alert, 'focus not on the alert');
      expect(has(element, '[part~="conflict"] [part~="reload-button"]')).to.equal(true);
      await expect(element).to.be.accessible();
    });

    it('overwrites theirs with mine', async () => {
      const { backend, element, events } = await conflict();
      part<HTMLButtonElement>(element, '[part~="overwrite-button"]').click();
      await formGone(element);
      await until(element, 'Mine Systems');
      expect((await storedAbc(backend)).name).to.equal('Mine Systems');
      expect(events.map((e) => e.partner.name)).to.deep.equal(['Mine Systems']);
    });

    it('reloads theirs, discarding mine', async () => {
      const { backend, element, events } = await conflict();
      part<HTMLButtonElement>(element, '[part~="reload-button"]').click();
      await formGone(element);
      await until(element, 'Theirs Systems');
      expect(deepText(element)).not.to.contain('Mine Systems');
      expect((await storedAbc(backend)).name).to.equal('Theirs Systems');
      expect(events.length).to.equal(0);
      expect(drafts()).to.deep.equal([]);
    });
  });

  it('restores the form with what was typed after a reload mid-edit', async () => {
    const backend = demoBackend();
    const first = await showProfile(backend.adapter('partnerAdmin'));
    await openForm(first.element);
    await type(first.element, 'name', 'Half-typed name');
    await type(first.element, 'website', 'https://abc.example.org');
    first.provider.remove();

    const second = await showProfile(backend.adapter('partnerAdmin'));
    await until(second.element, 'Edit profile');
    await waitUntil(() => second.element.shadowRoot!.querySelector('[part~="form"]'), 'no form');
    expect(input(second.element, 'name').value).to.equal('Half-typed name');
    expect(input(second.element, 'website').value).to.equal('https://abc.example.org');

    // Another viewer on the same browser does not get this draft.
    const other = await showProfile(backend.adapter('channelManager'), 'p-abc');
    await until(other.element, 'ABC Systems');
    expect(has(other.element, '[part~="form"]'), 'another viewer got the draft').to.equal(false);

    // Cancel drops the draft: the next mount is in view mode.
    part<HTMLButtonElement>(second.element, '[part~="cancel-button"]').click();
    await formGone(second.element);
    second.provider.remove();
    const third = await showProfile(backend.adapter('partnerAdmin'));
    await until(third.element, 'ABC Systems');
    expect(has(third.element, '[part~="edit-button"]'), 'no Edit').to.equal(true);
    expect(has(third.element, '[part~="form"]'), 'the draft survived Cancel').to.equal(false);
  });

  it('renders hostile names and contacts as inert text', async () => {
    const backend = demoBackend();
    const admin = backend.adapter('enterpriseAdmin');
    const abc = await admin.partners.get('p-abc');
    const contacts = abc.contacts.map((contact, i) =>
      i === 0 ? { ...contact, name: HOSTILE, title: HOSTILE } : contact,
    );
    await admin.partners.update('p-abc', { name: HOSTILE, contacts }, { version: abc.version });
    const { element } = await showProfile(backend.adapter('partnerAdmin'));
    await until(element, 'XYZ Reseller Program');
    expect(textOf(part(element, '[part~="name"]'))).to.contain('<img src=x');
    expect(textOf(part(element, '[part~="contacts"]'))).to.contain('<script>');
    expect(has(element, 'img, script'), 'markup was rendered').to.equal(false);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });

  it('shows a website with an unsafe scheme as text, not as a link', async () => {
    const { adapter } = instrument(demoBackend().adapter('partnerAdmin'), async (name, call) => {
      if (name !== 'partners.get') return call();
      const partner = (await call()) as Partner;
      return { ...partner, website: 'javascript:window.__prmPwned=true' };
    });
    const { element } = await showProfile(adapter);
    await until(element, 'javascript:window.__prmPwned=true');
    expect(has(element, 'a[part~="website"]'), 'a website link').to.equal(false);
    expect(has(element, 'a[href^="javascript"]'), 'a javascript: link').to.equal(false);
  });

  it('works with the keyboard: the edit button is reachable, Escape cancels', async () => {
    const { element } = await showProfile(demoBackend().adapter('partnerAdmin'));
    await until(element, 'ABC Systems');
    const button = editButton(element)!;
    expect(button.localName).to.equal('button');
    expect(button.tabIndex).to.equal(0);
    button.focus();
    expect(focused(element, button), 'Edit not focusable').to.equal(true);
    button.click();
    await element.updateComplete;
    await type(element, 'name', 'Escaped edit');
    input(element, 'name').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    await formGone(element);
    expect(textOf(part(element, '[part~="name"]'))).to.equal('ABC Systems');
    await waitUntil(() => element.shadowRoot!.activeElement === editButton(element));
    expect(drafts()).to.deep.equal([]);
  });

  it('makes one partners.get call for ten profiles of the same partner', async () => {
    const { adapter, log } = instrument(demoBackend().adapter('partnerAdmin'));
    const profiles = Array.from(
      { length: 10 },
      () => html`<prm-partner-profile partner-id="p-abc"></prm-partner-profile>`,
    );
    const { provider } = await mount(adapter, html`<prm-provider>${profiles}</prm-provider>`);
    const elements = provider.querySelectorAll('prm-partner-profile');
    expect(elements.length).to.equal(10);
    for (const element of elements) await until(element, 'XYZ Reseller Program');
    expect(log.count('partners.get')).to.equal(1);
    expect(log.count('memberships.list')).to.equal(1);
    expect(log.count('segments.list')).to.equal(1);
    expect(log.count('programs.list')).to.equal(1);
  });

  it('shows an error in the programs section alone when memberships fail to load', async () => {
    const { adapter } = failing(
      demoBackend().adapter('partnerAdmin'),
      'server',
      (n) => n === 'memberships.list',
    );
    const { element } = await showProfile(adapter);
    await until(element, 'ABC Systems');
    await until(part(element, '[part~="memberships"]'), 'Something went wrong');
    expect(textOf(part(element, '[part~="details"]'))).to.contain('Gold');
  });
});
