import { msg, str } from '@lit/localize';
import {
  CLOSURE_REASONS,
  MAX_PAGE_SIZE,
  availableTransitions,
  can,
  approvalState,
  isPrmError,
  type ClosureReason,
  type DealConflict,
  type DealRegistration,
  type DealStatus,
  type Page,
  type Partner,
  type Product,
  type Program,
  type TransitionOptions,
  type TransitionRequirement,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import type { PrmQuery } from '../../client/prm-client.js';
import { PrmDealDecidedEvent, PrmDealSelectEvent } from '../../events.js';
import { dialog } from '../../internal/dialog.js';
import { DraftController } from '../../internal/draft.js';
import { field } from '../../internal/field.js';
import { closureReasonLabel, dealTypeLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { dealStatus, pill } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage } from '../../localize.js';
import { dealReviewQueueStyles } from './deal-review-queue.styles.js';

/** The statuses a registration waits in for an enterprise decision. */
const WAITING: DealStatus[] = ['submitted', 'under_review'];

/** The moves this queue offers (converting an approved registration is the list's job). */
const REVIEW_MOVES = ['under_review', 'approved', 'rejected', 'returned'] as const;
type ReviewMove = (typeof REVIEW_MOVES)[number];
type Outcome = 'approved' | 'rejected' | 'returned';

const PANEL = 'review-panel';
const DIALOG = 'decision-dialog';
const REASON = `${DIALOG}-reason`;
const MESSAGE = `${DIALOG}-message`;

/** What the reject or return dialog holds (kept across a failure and a reload). */
interface DecisionValues {
  reason: string;
  message: string;
}

interface OpenDecision {
  dealId: string;
  to: 'rejected' | 'returned';
  requires: readonly TransitionRequirement[];
}

const isReviewMove = (to: string): to is ReviewMove =>
  (REVIEW_MOVES as readonly string[]).includes(to);
const isClosureReason = (value: string): value is ClosureReason =>
  (CLOSURE_REASONS as readonly string[]).includes(value);

/** An error after which the registration on screen is no longer what the server holds. */
const isStale = (error: unknown) =>
  isPrmError(error, 'version_conflict') ||
  isPrmError(error, 'invalid_transition') ||
  isPrmError(error, 'conflict') ||
  isPrmError(error, 'not_found');

/**
 * @summary The enterprise's deal registration review queue: registrations waiting for a
 * decision, ordered by approval due time with breaches flagged; one registration beside its
 * conflicts; approve, reject with a closure reason, or return for more information.
 *
 * The queue lists `submitted` and `under_review` registrations the viewer may see (the backend
 * scopes a channel manager to its assigned partners). Which decisions a viewer gets follows
 * core's rules (`can(viewer, 'deals.review', …)` and the deal transition table); partner
 * viewers get an empty state, and the backend refuses them anyway. "Breached" and "Due soon"
 * are core's `approvalState` (the last `APPROVAL_DUE_SOON_HOURS` before the due time).
 *
 * @fires prm-deal-select - The viewer chose a registration (cancelable: a host that opens its
 * own view calls `preventDefault()` and the review panel stays closed).
 * @fires prm-deal-decided - A registration was approved, rejected or returned; `event.deal` is
 * the saved record, `event.outcome` the decision.
 *
 * @csspart base - The whole queue (and each state view: loading, empty, error).
 * @csspart notice - The live region announcing the last decision.
 * @csspart queue - The table of waiting registrations.
 * @csspart row - One waiting registration.
 * @csspart select-button - Opens a registration in the review panel.
 * @csspart due - A registration's approval due time.
 * @csspart breached - The "Breached" pill of a registration past its approval due time.
 * @csspart due-soon - The "Due soon" pill.
 * @csspart status - A status pill.
 * @csspart panel - The review panel.
 * @csspart registration - The registration under review.
 * @csspart conflicts - The conflicting registrations beside it.
 * @csspart conflict - One conflicting registration.
 * @csspart decisions - The decision buttons.
 * @csspart start-review-button - Moves a submitted registration to under review.
 * @csspart approve-button - Approves the registration (starts its protection window).
 * @csspart reject-button - Opens the reject dialog.
 * @csspart return-button - Opens the return-for-more-information dialog.
 * @csspart close-button - Closes the review panel.
 * @csspart decision-error - Why the last decision failed.
 * @csspart dialog - The reject or return dialog.
 * @csspart field - Each labelled field of the dialog.
 * @csspart field-error - A field's error message.
 * @csspart reason-select - The closure reason.
 * @csspart message-input - The message to the partner.
 * @csspart submit-button - Sends the decision in the dialog.
 * @csspart cancel-button - Closes the dialog without deciding.
 *
 * @cssproperty --prm-deal-review-queue-gap - Space between the queue and the review panel.
 */
export class PrmDealReviewQueue extends PrmElement {
  static override styles = [...PrmElement.styles, dealReviewQueueStyles];

  readonly #queue = new QueryController(this, (client) =>
    this.#mayReview()
      ? client.list('deals', {
          filter: { status: WAITING },
          sort: 'approvalDueAt',
          limit: MAX_PAGE_SIZE,
        })
      : undefined,
  );

  readonly #partners = new QueryController(this, (client) =>
    this.#mayReview() ? client.list('partners', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  readonly #selected = new QueryController(this, (client) =>
    this.#mayReview() && this.selectedId ? client.get('deals', this.selectedId) : undefined,
  );

  /** The other side of each conflict, read one by one (an unreadable one counts as `null`). */
  readonly #others = new QueryController(this, (client) => {
    const deal = this.#selected.data;
    const ids = deal?.conflicts?.map((conflict) => conflict.dealId) ?? [];
    if (!deal || ids.length === 0) return undefined;
    const query: PrmQuery<(DealRegistration | null)[]> = {
      queryKey: ['deals', 'conflicting', deal.id, ids],
      queryFn: () =>
        Promise.all(
          ids.map((id) =>
            client
              .fetch(client.get('deals', id))
              .catch((error: unknown) =>
                isPrmError(error, 'forbidden') || isPrmError(error, 'not_found')
                  ? null
                  : Promise.reject(error instanceof Error ? error : new Error(String(error))),
              ),
          ),
        ),
    };
    return query;
  });

  readonly #products = new QueryController(this, (client) =>
    this.selectedId ? client.list('products', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  readonly #programs = new QueryController(this, (client) =>
    this.selectedId ? client.list('programs', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  readonly #decide = new MutationController(
    this,
    (client, id: string, to: ReviewMove, options: TransitionOptions<ClosureReason>) =>
      client.mutate('deals', (adapter) => adapter.deals.transition(id, to, options)),
  );

  readonly #draft = new DraftController<DecisionValues>(this, () => this.#draftKey());
  #opener: HTMLElement | undefined;
  #focusPanel = false;

  /** The registration open in the review panel. */
  @state() accessor selectedId: string | undefined;
  /** The reject or return dialog, while open. */
  @state() accessor decision: OpenDecision | undefined;
  @state() accessor values: DecisionValues = { reason: '', message: '' };
  @state() accessor errors: ReadonlyMap<string, string> = new Map();
  /** Why the last decision failed (in the dialog while it is open, else in the panel). */
  @state() accessor failure: unknown;
  /** The outcome of the last decision, announced at the top. */
  @state() accessor notice: string | undefined;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#focusPanel) return;
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${PANEL}-heading`);
    if (heading) {
      this.#focusPanel = false;
      heading.focus();
    }
  }

  /** May this viewer review registrations at all (core `deals.review`)? */
  #mayReview(): boolean {
    const viewer = this.viewer;
    return viewer !== undefined && can(viewer, 'deals.review');
  }

  /** The decisions the viewer may take on this registration now, in the table's order. */
  #moves(deal: DealRegistration): { to: ReviewMove; requires: readonly TransitionRequirement[] }[] {
    const viewer = this.viewer;
    if (!viewer) return [];
    const partner = this.#partners.data?.items.find((p) => p.id === deal.partnerId);
    const scope = { partnerId: deal.partnerId, channelManagerId: partner?.channelManagerId };
    if (!can(viewer, 'deals.review', scope)) return [];
    return availableTransitions('deals', deal.status, viewer.role).flatMap((move) =>
      isReviewMove(move.to) ? [{ to: move.to, requires: move.requires }] : [],
    );
  }

  #draftKey(): string | undefined {
    const viewer = this.viewer;
    const open = this.decision;
    return viewer && open ? `deal-review:${viewer.userId}:${open.dealId}:${open.to}` : undefined;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #select(deal: DealRegistration): void {
    const event = new PrmDealSelectEvent(deal);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selectedId = deal.id;
    this.failure = undefined;
    this.#decide.reset();
    // The heading shows once the registration is read: `updated` moves focus then.
    this.#focusPanel = true;
  }

  #closePanel(): void {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.#focusPanel = false;
    this.failure = undefined;
    void this.#focus(`[data-deal-id="${id ?? ''}"] [part~="select-button"]`);
  }

  /** Re-reads the queue and the open registration after the server said it changed. */
  #refresh(): void {
    void this.#queue.refetch();
    void this.#selected.refetch();
  }

  // ---- decisions -----------------------------------------------------------------------

  async #openDialog(
    deal: DealRegistration,
    to: 'rejected' | 'returned',
    requires: readonly TransitionRequirement[],
    opener: HTMLElement,
  ): Promise<void> {
    this.decision = { dealId: deal.id, to, requires };
    const saved = this.#draft.read();
    this.values = {
      reason: typeof saved?.reason === 'string' ? saved.reason : '',
      message: typeof saved?.message === 'string' ? saved.message : '',
    };
    this.errors = new Map();
    this.failure = undefined;
    this.#decide.reset();
    this.#opener = opener;
    await this.updateComplete;
    const element = this.#dialog();
    if (element && !element.open) element.showModal();
    this.renderRoot
      .querySelector<HTMLElement>(requires.includes('reason') ? `#${REASON}` : `#${MESSAGE}`)
      ?.focus();
  }

  /** Closes the dialog; `keepDraft` false forgets what was typed (a deliberate cancel). */
  #closeDialog(keepDraft: boolean): void {
    if (!keepDraft) this.#draft.clear();
    const element = this.#dialog();
    if (element?.open) element.close();
    if (!this.decision) return;
    this.decision = undefined;
    this.errors = new Map();
    this.failure = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  readonly #onCancel = (): void => {
    if (this.decision) this.#closeDialog(false);
  };

  readonly #onDialogClose = (): void => {
    // A close this component did not start (the browser's own): tidy up the same way.
    if (this.decision) this.#closeDialog(true);
  };

  readonly #onReason = (event: Event): void => {
    this.values = { ...this.values, reason: (event.target as HTMLSelectElement).value };
    this.#draft.save(this.values);
    if (this.values.reason) this.#dropError('reason');
  };

  readonly #onMessage = (event: Event): void => {
    this.values = { ...this.values, message: (event.target as HTMLTextAreaElement).value };
    this.#draft.save(this.values);
    if (this.values.message.trim()) this.#dropError('message');
  };

  #dropError(path: string): void {
    if (!this.errors.has(path)) return;
    const errors = new Map(this.errors);
    errors.delete(path);
    this.errors = errors;
  }

  readonly #onDialogSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submitDialog();
  };

  async #submitDialog(): Promise<void> {
    const open = this.decision;
    if (!open || this.#decide.pending) return;
    const { reason, message } = this.values;
    // What the move requires comes from core's transition table; the backend checks it too.
    const errors = new Map<string, string>();
    if (open.requires.includes('reason') && !isClosureReason(reason)) {
      errors.set('reason', msg('Choose a closure reason.'));
    }
    if (open.requires.includes('message') && message.trim() === '') {
      errors.set('message', msg('Write what the partner should add or clarify.'));
    }
    this.errors = errors;
    if (errors.size > 0) {
      this.failure = undefined;
      return this.#focus(errors.has('reason') ? `#${REASON}` : `#${MESSAGE}`);
    }
    const options = {
      ...(isClosureReason(reason) ? { reason } : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
    await this.#run(open.dealId, open.to, options);
  }

  /** Sends one decision at the version on screen; a second start while one runs is ignored. */
  async #run(
    dealId: string,
    to: ReviewMove,
    extra: { reason?: ClosureReason; message?: string } = {},
  ): Promise<void> {
    const deal = this.#selected.data;
    if (deal?.id !== dealId || this.#decide.pending) return;
    this.failure = undefined;
    const saved = await this.#decide.run(deal.id, to, { version: deal.version, ...extra });
    if (!saved) {
      const error = this.#decide.error;
      if (error === undefined) return;
      this.failure = error;
      const fields = isPrmError(error, 'validation') ? error.fields : [];
      if (fields.length > 0) {
        this.errors = new Map(fields.map((f) => [f.path, f.message]));
      }
      if (isStale(error)) this.#refresh();
      if (this.decision && this.#shownAtFields(error)) {
        return this.#focus(this.errors.has('reason') ? `#${REASON}` : `#${MESSAGE}`);
      }
      return this.#focus(
        this.decision
          ? `#${DIALOG} [part~="decision-error"]`
          : `#${PANEL} [part~="decision-error"]`,
      );
    }
    if (to === 'under_review') {
      this.notice = msg(str`Review of ${saved.number} started.`);
      return this.#focus(`#${PANEL} [part~="approve-button"], #${PANEL}-heading`);
    }
    const outcome: Outcome = to;
    this.notice = this.#outcomeText(saved, outcome);
    this.dispatchEvent(new PrmDealDecidedEvent(saved, outcome));
    this.#draft.clear();
    this.#closeDialog(true);
    this.selectedId = undefined;
    return this.#focus('[part~="notice"]');
  }

  #outcomeText(deal: DealRegistration, outcome: Outcome): string {
    const number = deal.number;
    if (outcome === 'approved') {
      return deal.protection
        ? msg(
            str`${number} approved. Its protection window runs until ${this.format.dateTime(deal.protection.endsAt)}.`,
          )
        : msg(str`${number} approved.`);
    }
    return outcome === 'rejected'
      ? msg(str`${number} rejected.`)
      : msg(str`${number} returned to the partner for more information.`);
  }

  // ---- render --------------------------------------------------------------------------

  protected override render() {
    if (this.viewer && !this.#mayReview()) {
      return html`<div part="base">
        ${emptyView(
          this.viewer.partnerId
            ? msg(
                "The review queue is for the vendor's channel team. Your registrations are in your deal list.",
              )
            : msg('Reviewing deal registrations is not part of your role.'),
        )}
      </div>`;
    }
    return html`<div part="base">
      <div class="notice" part="notice" role="status" tabindex="-1">
        ${this.notice ? html`<p class="alert" data-tone="success">${this.notice}</p>` : nothing}
      </div>
      ${renderStates(
        this,
        [this.#queue, this.#partners],
        (queue: Page<DealRegistration>, partners: Page<Partner>) =>
          this.#renderQueue(queue, partners),
        {
          label: msg('Loading the review queue'),
          empty: {
            when: (queue) => queue.items.length === 0,
            message: msg('Nothing waiting for review'),
          },
        },
      )}
      ${this.selectedId ? this.#renderPanel() : nothing} ${this.#renderDialog()}
    </div>`;
  }

  #partnerName(partners: Page<Partner> | undefined, id: string): string {
    return partners?.items.find((partner) => partner.id === id)?.name ?? id;
  }

  #renderQueue(queue: Page<DealRegistration>, partners: Page<Partner>): TemplateResult {
    const now = new Date();
    const more = queue.nextCursor !== null;
    return html`<div class="table">
      <table part="queue">
        <caption>
          ${msg('Registrations waiting for a decision, soonest due first')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Registration')}</th>
            <th scope="col">${msg('Partner')}</th>
            <th scope="col">${msg('Customer')}</th>
            <th scope="col">${msg('Value')}</th>
            <th scope="col">${msg('Submitted')}</th>
            <th scope="col">${msg('Approval due')}</th>
            <th scope="col">${msg('Conflicts')}</th>
            <th scope="col">${msg('Status')}</th>
          </tr>
        </thead>
        <tbody>
          ${queue.items.map((deal) => this.#renderRow(deal, partners, now))}
        </tbody>
      </table>
      ${
        more
          ? html`<p class="muted">
              ${msg(
                str`Showing the ${this.format.number(queue.items.length)} registrations due first.`,
              )}
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderRow(deal: DealRegistration, partners: Page<Partner>, now: Date): TemplateResult {
    const selected = deal.id === this.selectedId;
    const conflicts = deal.conflicts?.length ?? 0;
    return html`<tr part="row" data-deal-id=${deal.id} ?data-selected=${selected}>
      <th scope="row">
        <button
          type="button"
          class="link"
          part="select-button"
          aria-expanded=${selected ? 'true' : 'false'}
          @click=${() => this.#select(deal)}
        >
          ${deal.number}<span class="visually-hidden">: ${msg('review')}</span>
        </button>
      </th>
      <td>${this.#partnerName(partners, deal.partnerId)}</td>
      <td>${deal.customer.company}</td>
      <td>${this.format.money(deal.estimatedValue)}</td>
      <td>${deal.submittedAt ? this.format.date(deal.submittedAt) : '—'}</td>
      <td class="due" part="due">${this.#renderDue(deal, now)}</td>
      <td>${this.format.number(conflicts)}</td>
      <td>${dealStatus(deal.status)}</td>
    </tr>`;
  }

  #renderDue(deal: DealRegistration, now: Date): TemplateResult {
    const due = deal.approvalDueAt;
    if (!due) return html`<span class="muted">${msg('No due time')}</span>`;
    const state = approvalState(deal, now.toISOString());
    return html`<div class="due-text">
      <time datetime=${due}>${this.format.dateTime(due)}</time>
      <span class="muted">${this.format.relative(due, now)}</span>
      ${
        state === 'overdue'
          ? html`<span class="pill" part="breached" data-tone="danger">${msg('Breached')}</span>`
          : state === 'due_soon'
            ? html`<span class="pill" part="due-soon" data-tone="warning">${msg('Due soon')}</span>`
            : nothing
      }
    </div>`;
  }

  #renderPanel(): TemplateResult {
    return html`<section id=${PANEL} class="panel" part="panel" aria-labelledby="${PANEL}-heading">
      ${renderStates(
        this,
        [this.#selected, this.#products, this.#programs],
        (deal: DealRegistration, products: Page<Product>, programs: Page<Program>) =>
          this.#renderReview(deal, products, programs),
        { label: msg('Loading the registration') },
      )}
    </section>`;
  }

  #renderReview(
    deal: DealRegistration,
    products: Page<Product>,
    programs: Page<Program>,
  ): TemplateResult {
    const partners = this.#partners.data;
    const productName = (id: string) => products.items.find((p) => p.id === id)?.name ?? id;
    const program = programs.items.find((p) => p.id === deal.programId);
    const moves = this.#moves(deal);
    const waiting = WAITING.includes(deal.status);
    return html`<header class="review-header">
        <h2 id="${PANEL}-heading" tabindex="-1">
          <span>${msg(str`Review ${deal.number}`)}</span> ${dealStatus(deal.status)}
        </h2>
        <button type="button" part="close-button" @click=${() => this.#closePanel()}>
          ${msg('Close')}
        </button>
      </header>
      ${
        !waiting
          ? html`<p class="alert" data-tone="warning">
              ${msg('This registration is no longer waiting for a decision.')}
            </p>`
          : nothing
      }
      ${
        this.failure !== undefined && !this.decision
          ? html`<div class="alert" part="decision-error" role="alert" tabindex="-1">
              <p>${errorMessage(this.failure)}</p>
              ${
                isStale(this.failure)
                  ? html`<p>${msg('The registration was reloaded; check it and decide again.')}</p>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <div class="review">
        <article class="panel" part="registration" aria-labelledby="registration-heading">
          <h3 id="registration-heading">${msg('This registration')}</h3>
          <dl class="details">
            <dt>${msg('Partner')}</dt>
            <dd>${this.#partnerName(partners, deal.partnerId)}</dd>
            <dt>${msg('Customer')}</dt>
            <dd>
              ${deal.customer.company}${
                deal.customer.domain
                  ? html`<br /><span class="muted">${deal.customer.domain}</span>`
                  : nothing
              }
            </dd>
            <dt>${msg('Country')}</dt>
            <dd>${deal.customer.country}</dd>
            ${
              deal.customer.contact
                ? html`<dt>${msg('Customer contact')}</dt>
                    <dd>${deal.customer.contact.name} (${deal.customer.contact.email})</dd>`
                : nothing
            }
            <dt>${msg('Program')}</dt>
            <dd>${program?.name ?? deal.programId}</dd>
            <dt>${msg('Deal type')}</dt>
            <dd>${dealTypeLabel(deal.dealType)}</dd>
            <dt>${msg('Value')}</dt>
            <dd>${this.format.money(deal.estimatedValue)}</dd>
            <dt>${msg('Expected close')}</dt>
            <dd>${this.format.date(deal.expectedCloseDate)}</dd>
            ${
              deal.approvalDueAt
                ? html`<dt>${msg('Approval due')}</dt>
                    <dd>${this.#renderDue(deal, new Date())}</dd>`
                : nothing
            }
          </dl>
          <h4>${msg('Products')}</h4>
          <ul class="bullets" part="products">
            ${deal.products.map(
              (line) =>
                html`<li>
                  ${productName(line.productId)} × ${this.format.number(line.quantity)}
                </li>`,
            )}
          </ul>
          <h4>${msg('Comments from the partner')}</h4>
          ${
            deal.comments.length === 0
              ? html`<p class="muted">${msg('No comments.')}</p>`
              : html`<ul class="comments" part="comments">
                  ${deal.comments.map(
                    (comment) =>
                      html`<li class="comment">
                        <span class="muted"
                          >${comment.authorName}, ${this.format.dateTime(comment.createdAt)}</span
                        >
                        <p>${comment.body}</p>
                      </li>`,
                  )}
                </ul>`
          }
        </article>
        ${this.#renderConflicts(deal, productName)}
      </div>
      ${
        moves.length > 0
          ? html`<div class="actions decisions" part="decisions">
              ${moves.map((move) => this.#renderMove(deal, move))}
            </div>`
          : nothing
      }`;
  }

  #renderMove(
    deal: DealRegistration,
    move: { to: ReviewMove; requires: readonly TransitionRequirement[] },
  ): TemplateResult {
    const pending = this.#decide.pending;
    const busy = pending ? 'true' : 'false';
    switch (move.to) {
      case 'under_review':
        return html`<button
          type="button"
          part="start-review-button"
          aria-disabled=${busy}
          @click=${() => void this.#run(deal.id, 'under_review')}
        >
          ${msg('Start review')}
        </button>`;
      case 'approved':
        return html`<button
          type="button"
          class="primary"
          part="approve-button"
          aria-disabled=${busy}
          @click=${() => void this.#run(deal.id, 'approved')}
        >
          ${pending ? msg('Saving…') : msg('Approve')}
        </button>`;
      case 'rejected':
        return html`<button
          type="button"
          class="danger"
          part="reject-button"
          aria-haspopup="dialog"
          @click=${(event: Event) =>
            void this.#openDialog(
              deal,
              'rejected',
              move.requires,
              event.currentTarget as HTMLElement,
            )}
        >
          ${msg('Reject…')}
        </button>`;
      case 'returned':
        return html`<button
          type="button"
          part="return-button"
          aria-haspopup="dialog"
          @click=${(event: Event) =>
            void this.#openDialog(
              deal,
              'returned',
              move.requires,
              event.currentTarget as HTMLElement,
            )}
        >
          ${msg('Return for more information…')}
        </button>`;
    }
  }

  #renderConflicts(deal: DealRegistration, productName: (id: string) => string): TemplateResult {
    const conflicts = deal.conflicts ?? [];
    return html`<section class="panel" part="conflicts" aria-labelledby="conflicts-heading">
      <h3 id="conflicts-heading">
        ${msg(str`Conflicts (${this.format.number(conflicts.length)})`)}
      </h3>
      ${
        conflicts.length === 0
          ? html`<p class="muted">
              ${msg('No other registration claimed this customer at submission.')}
            </p>`
          : renderStates(
              this,
              [this.#others],
              (others: (DealRegistration | null)[]) =>
                html`<ul class="conflicts">
                  ${conflicts.map((conflict, i) =>
                    this.#renderConflict(conflict, others[i] ?? null, productName),
                  )}
                </ul>`,
              { label: msg('Loading the conflicting registrations') },
            )
      }
    </section>`;
  }

  #renderConflict(
    conflict: DealConflict,
    other: DealRegistration | null,
    productName: (id: string) => string,
  ): TemplateResult {
    const partner =
      conflict.partnerName ?? this.#partnerName(this.#partners.data, conflict.partnerId);
    const matched = conflict.matchedBy
      .map((by) => (by === 'company' ? msg('company name') : msg('web domain')))
      .join(', ');
    return html`<li class="panel conflict" part="conflict" data-deal-id=${conflict.dealId}>
      <h4>
        ${conflict.dealNumber} · ${partner}
        ${conflict.duplicate ? pill(msg('Same partner'), 'warning') : nothing}
      </h4>
      <dl class="details">
        <dt>${msg('Status')}</dt>
        <dd>${dealStatus(other?.status ?? conflict.status)}</dd>
        <dt>${msg('Matched by')}</dt>
        <dd>${matched}</dd>
        <dt>${msg('Shared products')}</dt>
        <dd>
          ${
            conflict.productIds.length > 0
              ? conflict.productIds.map(productName).join(', ')
              : html`<span class="muted">${msg('None')}</span>`
          }
        </dd>
        ${
          other
            ? html`<dt>${msg('Customer')}</dt>
                <dd>
                  ${other.customer.company}${
                    other.customer.domain
                      ? html`<br /><span class="muted">${other.customer.domain}</span>`
                      : nothing
                  }
                </dd>
                <dt>${msg('Value')}</dt>
                <dd>${this.format.money(other.estimatedValue)}</dd>
                <dt>${msg('Submitted')}</dt>
                <dd>${other.submittedAt ? this.format.date(other.submittedAt) : '—'}</dd>
                ${
                  other.protection && other.status === 'approved'
                    ? html`<dt>${msg('Protected until')}</dt>
                        <dd>${this.format.date(other.protection.endsAt)}</dd>`
                    : nothing
                }`
            : nothing
        }
      </dl>
      ${
        other === null
          ? html`<p class="muted">${msg('The details of this registration are not available.')}</p>`
          : nothing
      }
    </li>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const open = this.decision;
    if (!open) return nothing;
    const deal = this.#selected.data;
    const number = deal?.id === open.dealId ? deal.number : '';
    const reject = open.to === 'rejected';
    const pending = this.#decide.pending;
    const needsReason = open.requires.includes('reason');
    const needsMessage = open.requires.includes('message');
    const failure = this.failure;
    return dialog({
      id: DIALOG,
      heading: reject
        ? msg(str`Reject ${number}`)
        : msg(str`Return ${number} for more information`),
      onClose: this.#onDialogClose,
      onCancel: this.#onCancel,
      body: html`<form id="${DIALOG}-form" class="form" novalidate @submit=${this.#onDialogSubmit}>
        ${
          failure !== undefined && !this.#shownAtFields(failure)
            ? html`<div class="alert" part="decision-error" role="alert" tabindex="-1">
                <p>${errorMessage(failure)}</p>
                ${
                  isStale(failure)
                    ? html`<p>
                        ${msg('The registration was reloaded; check it and decide again.')}
                      </p>`
                    : nothing
                }
              </div>`
            : nothing
        }
        ${
          reject
            ? field(
                {
                  id: REASON,
                  label: msg('Closure reason'),
                  error: this.errors.get('reason'),
                  required: needsReason,
                },
                (a) =>
                  html`<select
                    id=${a.id}
                    part="reason-select"
                    ?required=${needsReason}
                    aria-describedby=${ifDefined(a.describedBy)}
                    aria-invalid=${ifDefined(a.invalid)}
                    @change=${this.#onReason}
                  >
                    <option value="" ?selected=${this.values.reason === ''}>
                      ${msg('Choose a reason')}
                    </option>
                    ${CLOSURE_REASONS.map(
                      (reason) =>
                        html`<option value=${reason} ?selected=${this.values.reason === reason}>
                          ${closureReasonLabel(reason)}
                        </option>`,
                    )}
                  </select>`,
              )
            : nothing
        }
        ${field(
          {
            id: MESSAGE,
            label: reject ? msg('Message to the partner') : msg('What the partner should add'),
            hint: reject ? msg('Optional. The partner sees it with the decision.') : undefined,
            error: this.errors.get('message'),
            required: needsMessage,
          },
          (a) =>
            html`<textarea
              id=${a.id}
              part="message-input"
              ?required=${needsMessage}
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${this.values.message}
              @input=${this.#onMessage}
            ></textarea>`,
        )}
      </form>`,
      actions: html`<button
          type="button"
          part="cancel-button"
          @click=${() => this.#closeDialog(false)}
        >
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class=${reject ? 'danger' : 'primary'}
          part="submit-button"
          form="${DIALOG}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Saving…') : reject ? msg('Reject') : msg('Return to partner')}
        </button>`,
    });
  }

  /** True when every message of a rejection already shows at a field of the dialog. */
  #shownAtFields(error: unknown): boolean {
    return (
      isPrmError(error, 'validation') &&
      error.fields.length > 0 &&
      error.fields.every((f) => f.path === 'reason' || f.path === 'message')
    );
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${DIALOG}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-review-queue': PrmDealReviewQueue;
  }
}
