/**
 * The XYZ Solutions host site: its header (role and language switchers, reset), the partner
 * portal or the partner workspace depending on who is signed in, and the prm elements inside
 * one `<prm-provider>`. Rendered in the light DOM, so the site's own stylesheet applies.
 */
import { DEMO_USERS } from '@prm-kit/adapter-local';
import { MAX_PAGE_SIZE, can, isPartnerRole, type Partner } from '@prm-kit/core';
import type {
  PrmCaseCreatedEvent,
  PrmDealSubmittedEvent,
  PrmPartnerSelectEvent,
  PrmProvider,
} from '@prm-kit/elements';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  PARTNER_NAMES,
  USER_GROUPS,
  demoAdapter,
  saveLocale,
  saveUser,
  savedLocale,
  savedUser,
  type DemoUserKey,
} from './demo.js';
import { LOCALES, LOCALE_NAMES, MESSAGES, isLocale, type Messages } from './i18n.js';
import { parseRoute, partnerHref, type PartnerTab, type Route } from './routes.js';

/** What the host itself reads through the adapter (it is the host: components read their own). */
type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error' };

const PAGE_TITLE = 'XYZ Solutions Partner Network';

export class XyzPortal extends LitElement {
  readonly #adapter = demoAdapter(savedUser());
  /** Bumped on every host read, so a late answer for an earlier role is dropped. */
  #generation = 0;
  #focusOnRender = false;
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #reloadTimer: ReturnType<typeof setTimeout> | undefined;
  #stopChanges: (() => void) | undefined;

  @state() accessor user: DemoUserKey = savedUser();
  @state() accessor locale = savedLocale();
  @state() accessor route: Route = parseRoute(location.hash);
  @state() accessor partners: Loaded<Partner[]> = { state: 'loading' };
  @state() accessor search = '';
  /** The last announcement, in whichever language the page is in now. */
  @state() accessor notice: ((t: Messages) => string) | undefined;
  /** The number of the deal just registered on "Register a deal" (until the page changes). */
  @state() accessor submittedDeal: string | undefined;
  /** The number of the case just raised on "Raise a case" (until the page changes). */
  @state() accessor raisedCase: string | undefined;

  // The site's stylesheet styles this element's content: no shadow root.
  protected override createRenderRoot(): HTMLElement {
    this.replaceChildren();
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
    // Names in the header and the partner list follow edits made in the elements.
    this.#stopChanges = this.#adapter.subscribe(() => {
      clearTimeout(this.#reloadTimer);
      this.#reloadTimer = setTimeout(() => void this.#loadPartners(), 100);
    });
    void this.#loadPartners();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    this.#stopChanges?.();
    clearTimeout(this.#reloadTimer);
    clearTimeout(this.#noticeTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) document.documentElement.lang = this.locale;
    document.title = `${this.#pageTitle()} · ${PAGE_TITLE}`;
  }

  protected override updated(): void {
    if (!this.#focusOnRender) return;
    this.#focusOnRender = false;
    // A new page: start reading (and tabbing) from its heading, as after a full page load.
    this.querySelector<HTMLElement>('main h1')?.focus();
  }

  get #provider(): PrmProvider | null {
    return this.querySelector('prm-provider');
  }

  get #t(): Messages {
    return MESSAGES[this.locale];
  }

  get #partnerSide(): boolean {
    return isPartnerRole(DEMO_USERS[this.user].role);
  }

  /**
   * Which deal and case pages the signed-in role gets: core's rules decide (the backend
   * enforces them anyway); the host only leaves out what would be empty or refused.
   */
  get #may(): {
    registerDeals: boolean;
    readDeals: boolean;
    reviewDeals: boolean;
    raiseCases: boolean;
    readCases: boolean;
    workQueue: boolean;
  } {
    const viewer = this.#adapter.viewer;
    const own = viewer.partnerId !== null ? { partnerId: viewer.partnerId } : undefined;
    return {
      registerDeals: own !== undefined && can(viewer, 'deals.create', own),
      readDeals: can(viewer, 'deals.read'),
      reviewDeals: can(viewer, 'deals.review'),
      raiseCases: own !== undefined && can(viewer, 'cases.create', own),
      readCases: can(viewer, 'cases.read'),
      // The support queue is for the roles that take cases: assigning is what it is for.
      workQueue: can(viewer, 'cases.assign'),
    };
  }

  /** A partner record's tab the viewer may read. */
  #mayOpenTab(tab: PartnerTab): boolean {
    if (tab === 'deals') return this.#may.readDeals;
    if (tab === 'cases') return this.#may.readCases;
    return true;
  }

  /** Partner side: the signed-in user's company. Enterprise side: every partner they may see. */
  async #loadPartners(): Promise<void> {
    const generation = ++this.#generation;
    const viewer = this.#adapter.viewer;
    try {
      const page = viewer.partnerId
        ? { items: [await this.#adapter.partners.get(viewer.partnerId)] }
        : await this.#adapter.partners.list({ limit: MAX_PAGE_SIZE, sort: 'name' });
      if (generation === this.#generation) this.partners = { state: 'ready', value: page.items };
    } catch (error) {
      console.warn('XYZ portal: could not list partners', error);
      if (generation === this.#generation) this.partners = { state: 'error' };
    }
  }

  #partnerName(partnerId: string | null): string | undefined {
    if (!partnerId) return undefined;
    const loaded =
      this.partners.state === 'ready'
        ? this.partners.value.find((partner) => partner.id === partnerId)
        : undefined;
    return loaded?.name ?? PARTNER_NAMES[partnerId];
  }

  #onHashChange = (): void => {
    this.route = parseRoute(location.hash);
    this.submittedDeal = undefined;
    this.raisedCase = undefined;
    this.#focusOnRender = true;
  };

  #onDealSubmitted(event: PrmDealSubmittedEvent): void {
    this.submittedDeal = event.deal.number;
  }

  #onCaseCreated(event: PrmCaseCreatedEvent): void {
    this.raisedCase = event.supportCase.number;
  }

  /** A partner chosen on the enterprise dashboard opens in the workspace. */
  #onPartnerSelect(event: PrmPartnerSelectEvent): void {
    location.hash = partnerHref(event.partnerId);
  }

  #announce(message: (t: Messages) => string): void {
    this.notice = message;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => (this.notice = undefined), 6000);
  }

  #onUserChange(event: Event): void {
    const user = (event.target as HTMLSelectElement).value as DemoUserKey;
    const wasPartnerSide = this.#partnerSide;
    this.user = user;
    saveUser(user);
    this.#adapter.setViewer(user);
    // The elements forget what they read as the previous user and read again.
    void this.#provider?.reset();
    this.partners = { state: 'loading' };
    this.search = '';
    this.submittedDeal = undefined;
    this.raisedCase = undefined;
    void this.#loadPartners();
    if (wasPartnerSide !== this.#partnerSide && location.hash !== '#/') location.hash = '#/';
    this.#announce((t) => t.switched(DEMO_USERS[user].name));
  }

  #onLocaleChange(event: Event): void {
    const locale = (event.target as HTMLSelectElement).value;
    if (!isLocale(locale)) return;
    this.locale = locale;
    saveLocale(locale);
  }

  #onReset(): void {
    this.#adapter.reset();
    void this.#provider?.reset();
    void this.#loadPartners();
    this.#announce((t) => t.resetDone);
  }

  #pageTitle(): string {
    const t = this.#t;
    const route = this.route;
    const may = this.#may;
    switch (route.page) {
      case 'home':
        return t.dashboard;
      case 'profile':
      case 'programs':
        return this.#partnerSide ? t[route.page] : t.notFound;
      case 'deals':
        return this.#partnerSide && may.readDeals ? t.deals : t.notFound;
      case 'new-deal':
        return this.#partnerSide && may.registerDeals ? t.newDeal : t.notFound;
      case 'cases':
        return this.#partnerSide && may.readCases ? t.cases : t.notFound;
      case 'new-case':
        return this.#partnerSide && may.raiseCases ? t.newCase : t.notFound;
      case 'reviews':
        return !this.#partnerSide && may.reviewDeals ? t.reviews : t.notFound;
      case 'support':
        return !this.#partnerSide && may.workQueue ? t.supportQueue : t.notFound;
      case 'partners':
        return this.#partnerSide ? t.notFound : t.partners;
      case 'partner':
        if (this.#partnerSide || !this.#mayOpenTab(route.tab)) return t.notFound;
        return this.#partnerName(route.partnerId) ?? route.partnerId;
      case 'not-found':
        return t.notFound;
    }
  }

  protected override render() {
    const t = this.#t;
    return html`
      <a class="skip-link" href="#main">${t.skip}</a>
      ${this.#renderHeader()}
      <p class="notice" role="status">${this.notice?.(t)}</p>
      <div class="layout">
        ${this.#renderNav()}
        <main id="main" tabindex="-1">
          <prm-provider .adapter=${this.#adapter} locale=${this.locale}>
            ${this.#renderPage()}
          </prm-provider>
        </main>
      </div>
      <footer class="site-footer">
        <p>${t.footer}</p>
      </footer>
    `;
  }

  #renderHeader(): TemplateResult {
    const t = this.#t;
    return html`
      <header class="site-header">
        <a class="brand" href="#/">
          <span class="brand-mark" aria-hidden="true">XYZ</span>
          <span class="brand-name">XYZ Solutions</span>
          <span class="brand-tagline">${t.tagline}</span>
        </a>
        <div class="header-controls">
          <label class="control">
            <span>${t.signedInAs}</span>
            <select id="user" @change=${this.#onUserChange}>
              ${USER_GROUPS.map(
                (group) => html`
                  <optgroup
                    label=${
                      group.partnerId
                        ? t.partnerGroup(PARTNER_NAMES[group.partnerId] ?? group.partnerId)
                        : t.enterpriseGroup
                    }
                  >
                    ${group.users.map(
                      (key) => html`
                        <option value=${key} ?selected=${key === this.user}>
                          ${DEMO_USERS[key].name} — ${t.roles[DEMO_USERS[key].role]}
                        </option>
                      `,
                    )}
                  </optgroup>
                `,
              )}
            </select>
          </label>
          <label class="control">
            <span>${t.language}</span>
            <select id="locale" @change=${this.#onLocaleChange}>
              ${LOCALES.map(
                (locale) => html`
                  <option value=${locale} lang=${locale} ?selected=${locale === this.locale}>
                    ${LOCALE_NAMES[locale]}
                  </option>
                `,
              )}
            </select>
          </label>
          <button type="button" class="reset" @click=${this.#onReset}>${t.resetData}</button>
        </div>
      </header>
    `;
  }

  #renderNav(): TemplateResult {
    const t = this.#t;
    const route = this.route;
    /** `current`: this very page; `within`: a page under this entry (highlighted, not current). */
    const link = (href: string, label: string, current: boolean, within = false) => html`
      <li>
        <a
          href=${href}
          class=${current || within ? 'active' : ''}
          aria-current=${current ? 'page' : 'false'}
          >${label}</a
        >
      </li>
    `;
    const may = this.#may;
    if (this.#partnerSide) {
      const partner = this.#partnerName(DEMO_USERS[this.user].partnerId);
      return html`
        <nav class="side-nav" aria-label=${t.partnerPortal}>
          <p class="side-title">${t.partnerPortal}</p>
          ${partner ? html`<p class="side-subtitle">${partner}</p>` : nothing}
          <ul>
            ${link('#/', t.dashboard, route.page === 'home')}
            ${link('#/profile', t.profile, route.page === 'profile')}
            ${link('#/programs', t.programs, route.page === 'programs')}
            ${
              may.readDeals
                ? link('#/deals', t.deals, route.page === 'deals', route.page === 'new-deal')
                : nothing
            }
            ${
              may.readCases
                ? link('#/cases', t.cases, route.page === 'cases', route.page === 'new-case')
                : nothing
            }
          </ul>
        </nav>
      `;
    }
    return html`
      <nav class="side-nav" aria-label=${t.workspace}>
        <p class="side-title">${t.workspace}</p>
        <p class="side-subtitle">XYZ Solutions</p>
        <ul>
          ${link('#/', t.dashboard, route.page === 'home')}
          ${link('#/partners', t.partners, route.page === 'partners', route.page === 'partner')}
          ${may.reviewDeals ? link('#/reviews', t.reviews, route.page === 'reviews') : nothing}
          ${may.workQueue ? link('#/support', t.supportQueue, route.page === 'support') : nothing}
        </ul>
      </nav>
    `;
  }

  #renderPage(): TemplateResult {
    const route = this.route;
    const may = this.#may;
    if (this.#partnerSide) {
      switch (route.page) {
        case 'home':
          return this.#renderPartnerHome();
        case 'profile':
          return this.#renderProfile();
        case 'programs':
          return this.#renderPrograms();
        case 'deals':
          return may.readDeals ? this.#renderDeals() : this.#renderNotFound();
        case 'new-deal':
          return may.registerDeals ? this.#renderNewDeal() : this.#renderNotFound();
        case 'cases':
          return may.readCases ? this.#renderCases() : this.#renderNotFound();
        case 'new-case':
          return may.raiseCases ? this.#renderNewCase() : this.#renderNotFound();
        default:
          return this.#renderNotFound();
      }
    }
    switch (route.page) {
      case 'home':
        return this.#renderEnterpriseHome();
      case 'partners':
        return this.#renderPartnerList();
      case 'reviews':
        return may.reviewDeals ? this.#renderReviews() : this.#renderNotFound();
      case 'support':
        return may.workQueue ? this.#renderSupportQueue() : this.#renderNotFound();
      case 'partner':
        return this.#mayOpenTab(route.tab)
          ? this.#renderPartner(route.partnerId, route.tab)
          : this.#renderNotFound();
      default:
        return this.#renderNotFound();
    }
  }

  #heading(title: string, lead?: string): TemplateResult {
    return html`
      <div class="page-head">
        <h1 tabindex="-1">${title}</h1>
        ${lead ? html`<p class="lead">${lead}</p>` : nothing}
      </div>
    `;
  }

  #renderPartnerHome(): TemplateResult {
    const t = this.#t;
    const user = DEMO_USERS[this.user];
    const partner = this.#partnerName(user.partnerId) ?? '';
    return html`
      ${this.#heading(t.welcome(user.name.split(' ')[0] ?? user.name), t.welcomeLead(partner))}
      <prm-partner-dashboard></prm-partner-dashboard>
      ${this.#renderAbout()}
    `;
  }

  #renderEnterpriseHome(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.dashboard, t.enterpriseDashboardLead)}
      <prm-enterprise-dashboard
        @prm-partner-select=${this.#onPartnerSelect}
      ></prm-enterprise-dashboard>
      ${this.#renderAbout()}
    `;
  }

  #renderAbout(): TemplateResult {
    const t = this.#t;
    return html`
      <aside class="about" aria-labelledby="about-title">
        <h2 id="about-title">${t.aboutTitle}</h2>
        <p>${t.about}</p>
      </aside>
    `;
  }

  #renderProfile(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.profile, t.profileLead)}
      <prm-partner-profile></prm-partner-profile>
    `;
  }

  #renderPrograms(partnerId?: string): TemplateResult {
    const t = this.#t;
    return html`
      ${partnerId ? nothing : this.#heading(t.programs, t.programsLead)}
      <div class="section">
        <prm-program-enrollment partner-id=${partnerId ?? nothing}></prm-program-enrollment>
      </div>
      <div class="section">
        <prm-program-catalog partner-id=${partnerId ?? nothing}></prm-program-catalog>
      </div>
    `;
  }

  #renderDeals(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.deals, t.dealsLead)}
      ${
        this.#may.registerDeals
          ? html`<p class="page-actions">
              <a class="button-link" href="#/deals/new">${t.newDeal}</a>
            </p>`
          : nothing
      }
      <prm-deal-registration-list></prm-deal-registration-list>
    `;
  }

  #renderNewDeal(): TemplateResult {
    const t = this.#t;
    const number = this.submittedDeal;
    return html`
      <nav class="breadcrumbs" aria-label=${t.breadcrumb}>
        <ol>
          <li><a href="#/deals">${t.deals}</a></li>
          <li><span aria-current="page">${t.newDeal}</span></li>
        </ol>
      </nav>
      ${this.#heading(t.newDeal, t.newDealLead)}
      <div role="status">
        ${
          number
            ? html`<div class="next-step">
                <p>${t.dealSubmitted(number)}</p>
                <a href="#/deals">${t.backToDeals}</a>
              </div>`
            : nothing
        }
      </div>
      <prm-deal-registration-form
        @prm-deal-submitted=${this.#onDealSubmitted}
      ></prm-deal-registration-form>
    `;
  }

  #renderCases(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.cases, t.casesLead)}
      ${
        this.#may.raiseCases
          ? html`<p class="page-actions">
              <a class="button-link" href="#/cases/new">${t.newCase}</a>
            </p>`
          : nothing
      }
      <prm-case-list></prm-case-list>
    `;
  }

  #renderNewCase(): TemplateResult {
    const t = this.#t;
    const number = this.raisedCase;
    return html`
      <nav class="breadcrumbs" aria-label=${t.breadcrumb}>
        <ol>
          <li><a href="#/cases">${t.cases}</a></li>
          <li><span aria-current="page">${t.newCase}</span></li>
        </ol>
      </nav>
      ${this.#heading(t.newCase, t.newCaseLead)}
      <div role="status">
        ${
          number
            ? html`<div class="next-step">
                <p>${t.caseRaised(number)}</p>
                <a href="#/cases">${t.backToCases}</a>
              </div>`
            : nothing
        }
      </div>
      <prm-case-form @prm-case-created=${this.#onCaseCreated}></prm-case-form>
    `;
  }

  #renderSupportQueue(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.supportQueue, t.supportQueueLead)}
      <prm-case-queue></prm-case-queue>
    `;
  }

  #renderReviews(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.reviews, t.reviewsLead)}
      <prm-deal-review-queue></prm-deal-review-queue>
    `;
  }

  #renderPartnerList(): TemplateResult {
    const t = this.#t;
    const partners = this.partners;
    let body: TemplateResult;
    if (partners.state === 'loading') {
      body = html`<p class="muted">${t.loading}</p>`;
    } else if (partners.state === 'error') {
      body = html`
        <p class="error">${t.loadFailed}</p>
        <button type="button" @click=${() => void this.#loadPartners()}>${t.retry}</button>
      `;
    } else {
      const needle = this.search.trim().toLocaleLowerCase(this.locale);
      const shown = partners.value.filter((partner) =>
        partner.name.toLocaleLowerCase(this.locale).includes(needle),
      );
      const regions = new Intl.DisplayNames(this.locale, { type: 'region' });
      body =
        partners.value.length === 0
          ? html`<p class="muted">${t.noPartners}</p>`
          : html`
              <label class="search">
                <span>${t.findPartner}</span>
                <input
                  type="search"
                  .value=${this.search}
                  @input=${(event: Event) =>
                    (this.search = (event.target as HTMLInputElement).value)}
                />
              </label>
              ${
                shown.length === 0
                  ? html`<p class="muted">${t.noMatch}</p>`
                  : html`
                      <table class="partners">
                        <thead>
                          <tr>
                            <th scope="col">${t.partnerName}</th>
                            <th scope="col">${t.country}</th>
                            <th scope="col">${t.tier}</th>
                            <th scope="col">${t.status}</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${shown.map(
                            (partner) => html`
                              <tr>
                                <th scope="row">
                                  <a href=${partnerHref(partner.id)}>${partner.name}</a>
                                </th>
                                <td>${regions.of(partner.country) ?? partner.country}</td>
                                <td>${t.tiers[partner.tier]}</td>
                                <td>
                                  <span class="status" data-status=${partner.status}>
                                    ${t.statuses[partner.status]}
                                  </span>
                                </td>
                              </tr>
                            `,
                          )}
                        </tbody>
                      </table>
                    `
              }
            `;
    }
    return html`${this.#heading(t.partners, t.partnersLead)}${body}`;
  }

  #renderPartner(partnerId: string, tab: PartnerTab): TemplateResult {
    const t = this.#t;
    const name = this.#partnerName(partnerId) ?? partnerId;
    const tabLink = (to: PartnerTab, label: string) => html`
      <a href=${partnerHref(partnerId, to)} aria-current=${tab === to ? 'page' : 'false'}
        >${label}</a
      >
    `;
    let body: TemplateResult;
    switch (tab) {
      case 'profile':
        body = html`<prm-partner-profile partner-id=${partnerId}></prm-partner-profile>`;
        break;
      case 'programs':
        body = this.#renderPrograms(partnerId);
        break;
      case 'deals':
        body = html`
          <prm-deal-registration-list partner-id=${partnerId}></prm-deal-registration-list>
        `;
        break;
      case 'dashboard':
        body = html`<prm-partner-dashboard partner-id=${partnerId}></prm-partner-dashboard>`;
        break;
      case 'cases':
        body = html`<prm-case-list partner-id=${partnerId}></prm-case-list>`;
        break;
    }
    return html`
      <nav class="breadcrumbs" aria-label=${t.breadcrumb}>
        <ol>
          <li><a href="#/partners">${t.partners}</a></li>
          <li><span aria-current="page">${name}</span></li>
        </ol>
      </nav>
      ${this.#heading(name)}
      <nav class="tabs" aria-label=${t.partnerPages(name)}>
        ${tabLink('profile', t.profile)} ${tabLink('dashboard', t.dashboard)}
        ${tabLink('programs', t.programs)}
        ${this.#may.readDeals ? tabLink('deals', t.deals) : nothing}
        ${this.#may.readCases ? tabLink('cases', t.cases) : nothing}
      </nav>
      ${body}
    `;
  }

  #renderNotFound(): TemplateResult {
    const t = this.#t;
    return html`
      ${this.#heading(t.notFound, t.notFoundLead)}
      <p><a href="#/">${t.goHome}</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'xyz-portal': XyzPortal;
  }
}
