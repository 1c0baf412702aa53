import { msg, str } from '@lit/localize';
import {
  DEAL_STATUSES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  isPartnerRole,
  type DealQuery,
  type DealRegistration,
  type DealStatus,
  type Page,
  type Partner,
  type Program,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { QueryController } from '../../client/controllers.js';
import { PrmDealSelectEvent } from '../../events.js';
import {
  DealActionFlow,
  protectionCountdown,
  type DealContext,
} from '../../internal/deal-actions.js';
import { CursorPager } from '../../internal/cursor-pager.js';
import { filterForm } from '../../internal/filters.js';
import { PrmElement } from '../../internal/prm-element.js';
import { RowDetail } from '../../internal/row-detail.js';
import { dealStatus, dealStatusLabel } from '../../internal/status.js';
import { renderStates } from '../../internal/views.js';
import { dealRegistrationListStyles } from './deal-registration-list.styles.js';

/** The sorts the list offers, first the default. */
const SORTS = [
  '-createdAt',
  'createdAt',
  '-updatedAt',
  'expectedCloseDate',
  '-estimatedValue',
  'number',
] as const satisfies readonly NonNullable<DealQuery['sort']>[];
type Sort = (typeof SORTS)[number];

function sortLabel(sort: Sort): string {
  const labels: Record<Sort, string> = {
    '-createdAt': msg('Newest first'),
    createdAt: msg('Oldest first'),
    '-updatedAt': msg('Recently updated'),
    expectedCloseDate: msg('Closing soonest'),
    '-estimatedValue': msg('Highest value'),
    number: msg('Number'),
  };
  return labels[sort];
}

/** `"approved, returned"` → the known statuses it names. */
function parseStatuses(value: string | undefined): DealStatus[] {
  if (!value) return [];
  const known: readonly string[] = DEAL_STATUSES;
  return value.split(/[\s,]+/).filter((status): status is DealStatus => known.includes(status));
}

const isDate = (value: string | undefined): value is string =>
  value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * @summary Deal registrations the viewer may see, with status, the protection countdown,
 * filters, sorting and pages; the actions each registration allows (submit, withdraw, answer
 * and resubmit, request an extension, convert to an opportunity). The backend decides which
 * registrations a viewer sees: an associate its own, a partner manager its partner's, a channel
 * manager its partners' (with the partner's name), an admin all.
 *
 * Choosing a registration's number fires the cancelable `prm-deal-select`; unless a listener
 * cancels it, the registration opens in a `<prm-deal-registration-detail>` below the table.
 *
 * @fires prm-deal-select - A registration's number was chosen; cancel it to show your own detail view.
 * @fires prm-deal-submitted - A draft or returned registration was (re)submitted; `event.deal`.
 * @fires prm-deal-converted - An approved registration became an opportunity; `event.deal.opportunityId`.
 *
 * @csspart base - The whole list (and each state view: loading, empty, error).
 * @csspart filters - The filter form.
 * @csspart field - Each labelled filter.
 * @csspart status-filter - The status filter.
 * @csspart program-filter - The program filter.
 * @csspart from-filter - The "created from" date.
 * @csspart to-filter - The "created to" date.
 * @csspart search - The customer search box.
 * @csspart sort - The sort order.
 * @csspart table - The table of registrations.
 * @csspart row - One registration's row.
 * @csspart number - A registration's number (a button that opens it).
 * @csspart status - A status pill.
 * @csspart countdown - The protection countdown of an approved registration.
 * @csspart actions - A registration's action buttons.
 * @csspart action - Each action button (also `action-submit`, `action-withdraw`, `action-resubmit`, `action-extend`, `action-convert`).
 * @csspart pager - The page navigation.
 * @csspart previous-button - Goes to the previous page.
 * @csspart next-button - Goes to the next page.
 * @csspart notice - The outcome of the last action.
 * @csspart conflict - The alert when someone else changed a registration meanwhile.
 * @csspart reload-button - Reloads after a conflict.
 * @csspart dialog - The dialog of an action (confirm, answer, extension reason).
 * @csspart detail - The panel with the chosen registration.
 * @csspart close-detail-button - Closes that panel.
 *
 * @cssproperty --prm-deal-registration-list-gap - Space between the filters, table and pager.
 */
export class PrmDealRegistrationList extends PrmElement {
  static override styles = [...PrmElement.styles, dealRegistrationListStyles];

  readonly #deals = new QueryController(this, (client) =>
    this.viewer ? client.list('deals', this.query) : undefined,
  );

  readonly #programs = new QueryController(this, (client) =>
    this.viewer ? client.list('programs', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  /** Partner names and channel managers, for enterprise viewers (read once). */
  readonly #partners = new QueryController(this, (client) =>
    this.viewer && !isPartnerRole(this.viewer.role)
      ? client.list('partners', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #actions: DealActionFlow = new DealActionFlow(this);
  readonly #detail = new RowDetail(this, 'data-deal-id');
  readonly #pager: CursorPager = new CursorPager(this);

  /** Cursors of the pages before the current one's; the last is the current page's. */

  /** Only registrations in these statuses (comma-separated: `approved,returned`). */
  @property({ reflect: true }) accessor status: string | undefined;
  /** Only registrations in this program. */
  @property({ attribute: 'program-id', reflect: true }) accessor programId: string | undefined;
  /** Only registrations of this partner (enterprise viewers). */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;
  /** Registrations created on or after this day (`YYYY-MM-DD`). */
  @property({ attribute: 'created-from' }) accessor createdFrom: string | undefined;
  /** Registrations created on or before this day (`YYYY-MM-DD`). */
  @property({ attribute: 'created-to' }) accessor createdTo: string | undefined;
  /** Free-text search (the customer). */
  @property() accessor search: string | undefined;
  /** The order: `-createdAt` (default), `createdAt`, `-updatedAt`, `expectedCloseDate`, `-estimatedValue`, `number`. */
  @property() accessor sort: string | undefined;
  /** Registrations per page (1–200, default 25). */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = DEFAULT_PAGE_SIZE;

  /** The query the list sends to `deals.list` now. */
  get query(): DealQuery {
    const filter: NonNullable<DealQuery['filter']> = {};
    const statuses = parseStatuses(this.status);
    if (statuses.length > 0) filter.status = statuses;
    if (this.programId) filter.programId = this.programId;
    if (this.partnerId) filter.partnerId = this.partnerId;
    if (isDate(this.createdFrom)) filter.createdFrom = this.createdFrom;
    if (isDate(this.createdTo)) filter.createdTo = this.createdTo;
    const query: DealQuery = { sort: this.#sort(), limit: this.#limit() };
    if (Object.keys(filter).length > 0) query.filter = filter;
    const search = this.search?.trim();
    if (search) query.search = search;
    const cursor = this.#pager.cursor;
    if (cursor) query.cursor = cursor;
    return query;
  }

  #sort(): Sort {
    return SORTS.find((sort) => sort === this.sort) ?? SORTS[0];
  }

  #limit(): number {
    const size = Math.trunc(this.pageSize);
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another filter: back to the first page.
    const filters = [
      'status',
      'programId',
      'partnerId',
      'createdFrom',
      'createdTo',
      'search',
      'sort',
      'pageSize',
    ] as const;
    if (filters.some((name) => changed.has(name))) this.#pager.reset();
  }

  readonly #onFilter = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const value = target.value || undefined;
    switch (target.name) {
      case 'status':
        this.status = value;
        break;
      case 'program':
        this.programId = value;
        break;
      case 'from':
        this.createdFrom = value;
        break;
      case 'to':
        this.createdTo = value;
        break;
      case 'sort':
        this.sort = value;
        break;
    }
  };

  protected override render() {
    const viewer = this.viewer;
    return html`<div class="list" part="base">
      ${viewer ? this.#renderFilters() : nothing} ${this.#actions.renderNotice()}
      ${renderStates(
        this,
        [this.#deals, this.#programs],
        (page: Page<DealRegistration>, programs: Page<Program>) =>
          this.#renderTable(page, programs.items),
        {
          label: msg('Loading deal registrations'),
          empty: {
            when: (page: Page<DealRegistration>) => page.items.length === 0,
            message: this.#filtered()
              ? msg('No deal registrations match these filters.')
              : msg('No deal registrations yet.'),
          },
        },
      )}
      ${this.#detail.render(
        msg('Selected registration'),
        (id) => html`<prm-deal-registration-detail deal-id=${id}></prm-deal-registration-detail>`,
      )}
      ${this.#actions.render()}
    </div>`;
  }

  #filtered(): boolean {
    const filter = this.query;
    return filter.filter !== undefined || filter.search !== undefined;
  }

  #renderFilters(): TemplateResult {
    const statuses = parseStatuses(this.status);
    const value = statuses.join(',');
    const programs = this.#programs.data?.items ?? [];
    return filterForm(
      {
        label: msg('Filter deal registrations'),
        searchLabel: msg('Customer'),
        search: this.search,
        onChange: this.#onFilter,
        onSearch: (search) => (this.search = search),
      },
      html` <div class="field" part="field">
          <label for="filter-status">${msg('Status')}</label>
          <select id="filter-status" name="status" part="status-filter" .value=${value}>
            <option value="" ?selected=${value === ''}>${msg('All statuses')}</option>
            ${
              statuses.length > 1
                ? html`<option value=${value} selected>
                    ${statuses.map(dealStatusLabel).join(', ')}
                  </option>`
                : nothing
            }
            ${DEAL_STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${value === status}>
                  ${dealStatusLabel(status)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field" part="field">
          <label for="filter-program">${msg('Program')}</label>
          <select id="filter-program" name="program" part="program-filter">
            <option value="" ?selected=${!this.programId}>${msg('All programs')}</option>
            ${
              this.programId && !programs.some((p) => p.id === this.programId)
                ? html`<option value=${this.programId} selected>${this.programId}</option>`
                : nothing
            }
            ${programs
              .filter(
                (program) => program.dealRegistration.enabled || program.id === this.programId,
              )
              .map(
                (program) =>
                  html`<option value=${program.id} ?selected=${program.id === this.programId}>
                    ${program.name}
                  </option>`,
              )}
          </select>
        </div>
        <div class="field" part="field">
          <label for="filter-from">${msg('Created from')}</label>
          <input
            id="filter-from"
            name="from"
            type="date"
            part="from-filter"
            .value=${this.createdFrom ?? ''}
          />
        </div>
        <div class="field" part="field">
          <label for="filter-to">${msg('Created to')}</label>
          <input
            id="filter-to"
            name="to"
            type="date"
            part="to-filter"
            .value=${this.createdTo ?? ''}
          />
        </div>
        <div class="field" part="field">
          <label for="filter-sort">${msg('Sort by')}</label>
          <select id="filter-sort" name="sort" part="sort">
            ${SORTS.map(
              (sort) =>
                html`<option value=${sort} ?selected=${sort === this.#sort()}>
                  ${sortLabel(sort)}
                </option>`,
            )}
          </select>
        </div>`,
    );
  }

  #renderTable(page: Page<DealRegistration>, programs: Program[]): TemplateResult {
    const enterprise = this.viewer !== undefined && !isPartnerRole(this.viewer.role);
    const partners = new Map((this.#partners.data?.items ?? []).map((p) => [p.id, p]));
    const programsById = new Map(programs.map((p) => [p.id, p]));
    const now = new Date().toISOString();
    return html`<div class="table-wrap">
        <table part="table">
          <caption class="visually-hidden">
            ${msg('Deal registrations')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Number')}</th>
              <th scope="col">${msg('Customer')}</th>
              ${enterprise ? html`<th scope="col">${msg('Partner')}</th>` : nothing}
              <th scope="col">${msg('Program')}</th>
              <th scope="col">${msg('Estimated value')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('Protection')}</th>
              <th scope="col">${msg('Expected close')}</th>
              <th scope="col">${msg('Actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map((deal) =>
              this.#renderRow(
                deal,
                enterprise,
                partners.get(deal.partnerId),
                programsById.get(deal.programId),
                now,
              ),
            )}
          </tbody>
        </table>
      </div>
      ${this.#pager.render(page, this.#limit(), (total) => this.#totalText(total))}`;
  }

  #renderRow(
    deal: DealRegistration,
    enterprise: boolean,
    partner: Partner | undefined,
    program: Program | undefined,
    now: string,
  ): TemplateResult {
    const context: DealContext = {
      channelManagerId: partner?.channelManagerId,
      rules: program?.dealRegistration,
    };
    return html`<tr part="row" data-deal-id=${deal.id}>
      <td class="number">
        <button
          type="button"
          class="link"
          part="number"
          aria-expanded=${this.#detail.selectedId === deal.id ? 'true' : 'false'}
          @click=${() => void this.#detail.select(deal.id, new PrmDealSelectEvent(deal))}
        >
          ${deal.number}
        </button>
      </td>
      <td part="customer">${deal.customer.company}</td>
      ${enterprise ? html`<td part="partner">${partner?.name ?? deal.partnerId}</td>` : nothing}
      <td>${program?.name ?? deal.programId}</td>
      <td>${this.format.money(deal.estimatedValue)}</td>
      <td>${dealStatus(deal.status)}</td>
      <td><div class="protection">${protectionCountdown(deal, now)}</div></td>
      <td>${this.format.date(deal.expectedCloseDate)}</td>
      <td>${this.#actions.renderButtons(deal, context)}</td>
    </tr>`;
  }

  #totalText(total: number): string {
    return total === 1 ? msg('1 registration') : msg(str`${total} registrations`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-registration-list': PrmDealRegistrationList;
  }
}
