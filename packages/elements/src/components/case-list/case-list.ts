import { msg, str } from '@lit/localize';
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  CASE_STATUSES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  isPartnerRole,
  type Case,
  type CaseCategory,
  type CasePriority,
  type CaseQuery,
  type CaseStatus,
  type Page,
  type Partner,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { QueryController } from '../../client/controllers.js';
import { PrmCaseSelectEvent } from '../../events.js';
import { slaCell } from '../../internal/case-sla.js';
import { CursorPager } from '../../internal/cursor-pager.js';
import { filterForm, filterSelect } from '../../internal/filters.js';
import { caseCategoryLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { RowDetail } from '../../internal/row-detail.js';
import {
  casePriority,
  casePriorityLabel,
  caseStatus,
  caseStatusLabel,
} from '../../internal/status.js';
import { renderStates } from '../../internal/views.js';
import { caseListStyles } from './case-list.styles.js';

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((known) => known === value);

/**
 * @summary Support cases the viewer may see, with priority, status, the SLA due time and a
 * "Breached" pill, filters and pages. The backend decides which cases a viewer sees: a partner
 * associate the cases it raised, a partner manager or admin its partner's, a support agent the
 * queue (with each case's partner).
 *
 * Choosing a case's number fires the cancelable `prm-case-select`; unless a listener cancels
 * it, the case opens in a `<prm-case-detail>` below the table.
 *
 * @fires prm-case-select - A case's number was chosen; cancel it to show your own detail view.
 * @fires prm-case-updated - The case open below the table changed through it; `event.supportCase`.
 *
 * @csspart base - The whole list (and each state view: loading, empty, error).
 * @csspart filters - The filter form.
 * @csspart field - Each labelled filter.
 * @csspart status-filter - The status filter.
 * @csspart priority-filter - The priority filter.
 * @csspart category-filter - The category filter.
 * @csspart breached-filter - The "breached only" checkbox.
 * @csspart search - The search box.
 * @csspart table - The table of cases.
 * @csspart row - One case's row.
 * @csspart number - A case's number (a button that opens it).
 * @csspart status - A status or priority pill.
 * @csspart sla - A case's SLA due time.
 * @csspart breached - The "Breached" pill.
 * @csspart pager - The page navigation.
 * @csspart previous-button - Goes to the previous page.
 * @csspart next-button - Goes to the next page.
 * @csspart detail - The panel with the chosen case.
 * @csspart close-detail-button - Closes that panel.
 *
 * @cssproperty --prm-case-list-gap - Space between the filters, table and pager.
 */
export class PrmCaseList extends PrmElement {
  static override styles = [...PrmElement.styles, caseListStyles];

  readonly #detail = new RowDetail(this, 'data-case-id');
  readonly #pager = new CursorPager(this);

  readonly #cases = new QueryController(this, (client) =>
    this.viewer ? client.list('cases', this.query) : undefined,
  );

  /** Partner names, for enterprise viewers (read once). */
  readonly #partners = new QueryController(this, (client) =>
    this.viewer && !isPartnerRole(this.viewer.role)
      ? client.list('partners', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  /** Only cases in this status (`new`, `in_progress`, `awaiting_partner`, `resolved`, `closed`). */
  @property({ reflect: true }) accessor status: string | undefined;
  /** Only cases of this priority (`low`, `medium`, `high`, `critical`). */
  @property({ reflect: true }) accessor priority: string | undefined;
  /** Only cases in this category. */
  @property({ reflect: true }) accessor category: string | undefined;
  /** Only cases past a first-response or resolution due time. */
  @property({ type: Boolean, reflect: true }) accessor breached = false;
  /** Free-text search (number, subject). */
  @property() accessor search: string | undefined;
  /** Only cases of this partner (enterprise viewers; partner viewers see their own anyway). */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;
  /** Cases per page (1–200, default 25). */
  @property({ attribute: 'page-size', type: Number }) accessor pageSize = DEFAULT_PAGE_SIZE;
  /** Refetches the case open below the table every so many milliseconds (off by default). */
  @property({ attribute: 'poll-interval', type: Number }) accessor pollInterval: number | undefined;

  /** The query the list sends to `cases.list` now. */
  get query(): CaseQuery {
    const filter: NonNullable<CaseQuery['filter']> = {};
    const status = oneOf<CaseStatus>(CASE_STATUSES, this.status);
    if (status) filter.status = [status];
    const priority = oneOf<CasePriority>(CASE_PRIORITIES, this.priority);
    if (priority) filter.priority = [priority];
    const category = oneOf<CaseCategory>(CASE_CATEGORIES, this.category);
    if (category) filter.category = [category];
    if (this.breached) filter.breached = true;
    if (this.partnerId) filter.partnerId = this.partnerId;
    const query: CaseQuery = { sort: '-updatedAt', limit: this.#limit() };
    if (Object.keys(filter).length > 0) query.filter = filter;
    const search = this.search?.trim();
    if (search) query.search = search;
    const cursor = this.#pager.cursor;
    if (cursor) query.cursor = cursor;
    return query;
  }

  #limit(): number {
    const size = Math.trunc(this.pageSize);
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const filters = [
      'status',
      'priority',
      'category',
      'breached',
      'partnerId',
      'search',
      'pageSize',
    ] as const;
    // Another filter: back to the first page.
    if (filters.some((name) => changed.has(name))) this.#pager.reset();
  }

  readonly #onFilter = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const value = target.value || undefined;
    switch (target.name) {
      case 'status':
        this.status = value;
        break;
      case 'priority':
        this.priority = value;
        break;
      case 'category':
        this.category = value;
        break;
      case 'breached':
        this.breached = (target as HTMLInputElement).checked;
        break;
    }
  };

  #filtered(): boolean {
    const query = this.query;
    return query.filter !== undefined || query.search !== undefined;
  }

  protected override render() {
    return html`<div class="list" part="base">
      ${this.viewer ? this.#renderFilters() : nothing}
      ${renderStates(this, [this.#cases], (page: Page<Case>) => this.#renderTable(page), {
        label: msg('Loading cases'),
        empty: {
          when: (page: Page<Case>) => page.items.length === 0,
          message: this.#filtered() ? msg('No cases match these filters.') : msg('No cases yet.'),
        },
      })}
      ${this.#detail.render(
        msg('Selected case'),
        (id) =>
          html`<prm-case-detail
            case-id=${id}
            poll-interval=${this.pollInterval && this.pollInterval > 0 ? this.pollInterval : nothing}
          ></prm-case-detail>`,
      )}
    </div>`;
  }

  #renderFilters(): TemplateResult {
    const partnerView = Boolean(this.viewer?.partnerId);
    return filterForm(
      {
        label: msg('Filter cases'),
        searchLabel: msg('Search'),
        search: this.search,
        onChange: this.#onFilter,
        onSearch: (search) => (this.search = search),
      },
      html`${filterSelect({
          name: 'status',
          label: msg('Status'),
          all: msg('All statuses'),
          values: CASE_STATUSES,
          current: this.status,
          text: (status) => caseStatusLabel(status, partnerView),
        })}
        ${filterSelect({
          name: 'priority',
          label: msg('Priority'),
          all: msg('All priorities'),
          values: CASE_PRIORITIES,
          current: this.priority,
          text: casePriorityLabel,
        })}
        ${filterSelect({
          name: 'category',
          label: msg('Category'),
          all: msg('All categories'),
          values: CASE_CATEGORIES,
          current: this.category,
          text: caseCategoryLabel,
        })}
        <div class="field check" part="field">
          <input
            id="filter-breached"
            name="breached"
            type="checkbox"
            part="breached-filter"
            .checked=${this.breached}
          />
          <label for="filter-breached">${msg('Breached only')}</label>
        </div>`,
    );
  }

  #renderTable(page: Page<Case>): TemplateResult {
    const enterprise = this.viewer !== undefined && !isPartnerRole(this.viewer.role);
    const partners = new Map((this.#partners.data?.items ?? []).map((p) => [p.id, p]));
    const now = new Date().toISOString();
    return html`<div class="table-wrap">
        <table part="table">
          <caption class="visually-hidden">
            ${msg('Support cases')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Number')}</th>
              <th scope="col">${msg('Subject')}</th>
              ${enterprise ? html`<th scope="col">${msg('Partner')}</th>` : nothing}
              <th scope="col">${msg('Category')}</th>
              <th scope="col">${msg('Priority')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('SLA due')}</th>
              <th scope="col">${msg('Updated')}</th>
            </tr>
          </thead>
          <tbody>
            ${page.items.map((kase) =>
              this.#renderRow(kase, enterprise, partners.get(kase.partnerId), now),
            )}
          </tbody>
        </table>
      </div>
      ${this.#pager.render(page, this.#limit(), (total) =>
        total === 1 ? msg('1 case') : msg(str`${total} cases`),
      )}`;
  }

  #renderRow(
    kase: Case,
    enterprise: boolean,
    partner: Partner | undefined,
    now: string,
  ): TemplateResult {
    return html`<tr part="row" data-case-id=${kase.id}>
      <td class="number">
        <button
          type="button"
          class="link"
          part="number"
          aria-expanded=${this.#detail.selectedId === kase.id ? 'true' : 'false'}
          @click=${() => void this.#detail.select(kase.id, new PrmCaseSelectEvent(kase))}
        >
          ${kase.number}
        </button>
      </td>
      <td part="subject">${kase.subject}</td>
      ${enterprise ? html`<td part="partner">${partner?.name ?? kase.partnerId}</td>` : nothing}
      <td>${caseCategoryLabel(kase.category)}</td>
      <td>${casePriority(kase.priority)}</td>
      <td>${caseStatus(kase.status, Boolean(this.viewer?.partnerId))}</td>
      <td>${slaCell(kase, this.format, now)}</td>
      <td>
        <time datetime=${kase.updatedAt} title=${this.format.dateTime(kase.updatedAt)}
          >${this.format.relative(kase.updatedAt)}</time
        >
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-case-list': PrmCaseList;
  }
}
