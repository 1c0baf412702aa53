import { msg, str } from '@lit/localize';
import {
  CLOSURE_REASONS,
  DEAL_STATUSES,
  MAX_PAGE_SIZE,
  can,
  isPartnerRole,
  isPrmError,
  type ClosureReason,
  type Comment,
  type DealRegistration,
  type DealStatus,
  type Page,
  type Product,
  type Program,
  type StatusChange,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { DealActionFlow, dealScope, protectionCountdown } from '../../internal/deal-actions.js';
import { DraftController } from '../../internal/draft.js';
import { field } from '../../internal/field.js';
import { closureReasonLabel, dealTypeLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { dealStatus, dealStatusLabel } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage } from '../../localize.js';
import { dealRegistrationDetailStyles } from './deal-registration-detail.styles.js';

const COMMENT = 'deal-comment';

const isDealStatus = (value: string | null): value is DealStatus =>
  value !== null && (DEAL_STATUSES as readonly string[]).includes(value);
const isClosureReason = (value: string | undefined): value is ClosureReason =>
  value !== undefined && (CLOSURE_REASONS as readonly string[]).includes(value);

type CommentFailure = { kind: 'conflict' } | { kind: 'error'; error: unknown };

/**
 * @summary One deal registration: customer, products, value, dates, program, status, the
 * decision with its reason and message, the protection window and extension, the opportunity
 * it became; its history of status changes, the conversation with the partner (and a box to
 * add to it), and — for enterprise viewers only — the internal work notes. The same actions as
 * `<prm-deal-registration-list>` offers for it.
 *
 * @fires prm-deal-submitted - The draft or returned registration was (re)submitted; `event.deal`.
 * @fires prm-deal-converted - The approved registration became an opportunity; `event.deal.opportunityId`.
 *
 * @csspart base - The whole detail (and each state view: loading, empty, error).
 * @csspart header - The number, customer and status.
 * @csspart status - The status pill.
 * @csspart details - The list of the registration's details.
 * @csspart products - The product lines.
 * @csspart decision - The decision (outcome, by whom, reason, message).
 * @csspart countdown - The protection countdown of an approved registration.
 * @csspart actions - The action buttons.
 * @csspart action - Each action button (also `action-submit`, `action-withdraw`, `action-resubmit`, `action-extend`, `action-convert`).
 * @csspart history - The history of status changes.
 * @csspart comments - The conversation with the partner.
 * @csspart comment - One comment (or work note).
 * @csspart comment-form - The form to add a comment.
 * @csspart comment-button - Sends the comment.
 * @csspart comment-error - The alert when a comment could not be sent.
 * @csspart work-notes - The enterprise-only work notes (never shown to partner viewers).
 * @csspart notice - The outcome of the last action.
 * @csspart conflict - The alert when someone else changed the registration meanwhile.
 * @csspart reload-button - Reloads after a conflict.
 * @csspart dialog - The dialog of an action.
 *
 * @cssproperty --prm-deal-registration-detail-gap - Space between the sections.
 */
export class PrmDealRegistrationDetail extends PrmElement {
  static override styles = [...PrmElement.styles, dealRegistrationDetailStyles];

  readonly #deal = new QueryController(this, (client) =>
    this.viewer && this.dealId ? client.get('deals', this.dealId) : undefined,
  );

  readonly #programs = new QueryController(this, (client) =>
    this.viewer && this.dealId ? client.list('programs', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  readonly #products = new QueryController(this, (client) =>
    this.viewer && this.dealId ? client.list('products', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  /** The registration's partner, for enterprise viewers: its name and channel manager. */
  readonly #partner = new QueryController(this, (client) => {
    const partnerId = this.#deal.data?.partnerId;
    return partnerId && this.viewer && !isPartnerRole(this.viewer.role)
      ? client.get('partners', partnerId)
      : undefined;
  });

  /** People's names for the history, when the viewer may read users. */
  readonly #users = new QueryController(this, (client) =>
    this.viewer && this.dealId && can(this.viewer, 'users.read')
      ? client.list('users', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #comment = new MutationController(this, (client, deal: DealRegistration, body: string) =>
    client.mutate('deals', (adapter) =>
      adapter.deals.comment(deal.id, { body }, { version: deal.version }),
    ),
  );

  readonly #actions: DealActionFlow = new DealActionFlow(this);
  readonly #draft = new DraftController<string>(this, () =>
    this.viewer && this.dealId ? `deal-comment:${this.viewer.userId}:${this.dealId}` : undefined,
  );
  #restoredKey: string | undefined;

  @state() accessor commentText = '';
  @state() accessor commentError: string | undefined;
  @state() accessor commentFailure: CommentFailure | undefined;

  /** The registration to show. */
  @property({ attribute: 'deal-id' }) accessor dealId: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.viewer && this.dealId ? `${this.viewer.userId}:${this.dealId}` : undefined;
    if (key === this.#restoredKey) return;
    this.#restoredKey = key;
    this.commentText = key ? (this.#draft.read() ?? '') : '';
    this.commentError = undefined;
    this.commentFailure = undefined;
  }

  readonly #onCommentInput = (event: Event): void => {
    this.commentText = (event.target as HTMLTextAreaElement).value;
    if (this.commentText.trim()) this.commentError = undefined;
    this.#draft.save(this.commentText);
  };

  readonly #onComment = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const deal = this.#deal.data;
    if (!deal || this.#comment.pending) return;
    const body = this.commentText.trim();
    if (!body) {
      this.commentError = msg('Write a comment first.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${COMMENT}`)?.focus();
      return;
    }
    this.commentError = undefined;
    this.commentFailure = undefined;
    const saved = await this.#comment.run(deal, body);
    if (saved) {
      this.commentText = '';
      this.#draft.clear();
      return;
    }
    const error = this.#comment.error;
    if (error === undefined) return;
    this.commentFailure = isPrmError(error, 'version_conflict')
      ? { kind: 'conflict' }
      : { kind: 'error', error };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="comment-error"]')?.focus();
  };

  readonly #reload = (): void => {
    this.commentFailure = undefined;
    this.#comment.reset();
    void this.#deal.refetch();
  };

  protected override render() {
    if (this.viewer && !this.dealId) {
      return html`<div part="base">${emptyView(msg('Choose a registration to see it.'))}</div>`;
    }
    return html`<div part="base">
      ${this.#actions.renderNotice()}
      ${renderStates(
        this,
        [this.#deal, this.#programs, this.#products],
        (deal: DealRegistration, programs: Page<Program>, products: Page<Product>) =>
          this.#renderDeal(deal, programs.items, products.items),
        { label: msg('Loading deal registration') },
      )}
      ${this.#actions.render()}
    </div>`;
  }

  #renderDeal(deal: DealRegistration, programs: Program[], products: Product[]): TemplateResult {
    const program = programs.find((p) => p.id === deal.programId);
    const partner = this.#partner.data;
    const enterprise = this.viewer !== undefined && !isPartnerRole(this.viewer.role);
    const context = {
      channelManagerId: partner?.channelManagerId,
      rules: program?.dealRegistration,
    };
    const headingId = 'deal-heading';
    return html`<article class="detail" aria-labelledby=${headingId}>
      <header part="header">
        <h2 id=${headingId}>${deal.number} · ${deal.customer.company}</h2>
        ${dealStatus(deal.status)}
      </header>
      ${this.#actions.renderButtons(deal, context)}
      <dl class="details" part="details">
        <dt>${msg('Customer')}</dt>
        <dd>
          ${deal.customer.company}
          ${deal.customer.domain ? html`<span class="muted">(${deal.customer.domain})</span>` : nothing}
          · ${deal.customer.country}
          ${
            deal.customer.contact
              ? html`<br />${deal.customer.contact.name} · ${deal.customer.contact.email}`
              : nothing
          }
        </dd>
        ${
          enterprise
            ? html`<dt>${msg('Partner')}</dt>
                <dd>${partner?.name ?? deal.partnerId}</dd>`
            : nothing
        }
        <dt>${msg('Program')}</dt>
        <dd>${program?.name ?? deal.programId}</dd>
        <dt>${msg('Deal type')}</dt>
        <dd>${dealTypeLabel(deal.dealType)}</dd>
        <dt>${msg('Products')}</dt>
        <dd>
          <ul part="products">
            ${deal.products.map((line) => {
              const product = products.find((p) => p.id === line.productId);
              return html`<li>
                ${product?.name ?? line.productId} × ${this.format.number(line.quantity)}
              </li>`;
            })}
          </ul>
        </dd>
        <dt>${msg('Estimated value')}</dt>
        <dd>${this.format.money(deal.estimatedValue)}</dd>
        <dt>${msg('Expected close')}</dt>
        <dd>${this.format.date(deal.expectedCloseDate)}</dd>
        <dt>${msg('Created')}</dt>
        <dd>${this.format.dateTime(deal.createdAt)}</dd>
        ${
          deal.submittedAt
            ? html`<dt>${msg('Submitted')}</dt>
                <dd>${this.format.dateTime(deal.submittedAt)}</dd>`
            : nothing
        }
        ${this.#renderDecision(deal)} ${this.#renderProtection(deal)}
        ${
          deal.opportunityId
            ? html`<dt>${msg('Opportunity')}</dt>
                <dd part="opportunity">${deal.opportunityId}</dd>`
            : nothing
        }
      </dl>
      ${this.#renderHistory(deal.history)} ${this.#renderComments(deal, context.channelManagerId)}
      ${this.#renderWorkNotes(deal)}
    </article>`;
  }

  #renderDecision(deal: DealRegistration): TemplateResult | typeof nothing {
    const decision = deal.decision;
    if (!decision) return nothing;
    const outcomes: Record<typeof decision.outcome, string> = {
      approved: msg('Approved'),
      rejected: msg('Rejected'),
      returned: msg('Returned for more information'),
    };
    return html`<dt>${msg('Decision')}</dt>
      <dd part="decision">
        ${msg(
          str`${outcomes[decision.outcome]} by ${this.#who(decision.by, decision.byName)} on ${this.format.dateTime(decision.at)}`,
        )}
        ${
          decision.reason
            ? html`<br /><span>${msg('Reason:')} ${closureReasonLabel(decision.reason)}</span>`
            : nothing
        }
        ${decision.message ? html`<br /><q part="decision-message">${decision.message}</q>` : nothing}
      </dd>`;
  }

  #renderProtection(deal: DealRegistration): TemplateResult | typeof nothing {
    const protection = deal.protection;
    const extension = deal.extension;
    if (!protection) return nothing;
    const extensionStates: Record<NonNullable<typeof extension>['status'], string> = {
      requested: msg('Extension requested, waiting for a decision'),
      granted: msg('Extension granted'),
      denied: msg('Extension denied'),
    };
    return html`<dt>${msg('Protection')}</dt>
      <dd>
        ${msg(
          str`${this.format.date(protection.startsAt)} to ${this.format.date(protection.endsAt)}`,
        )}
        <div class="protection">${protectionCountdown(deal)}</div>
        ${
          protection.extensions > 0
            ? html`<div>
                ${
                  protection.extensions === 1
                    ? msg('Extended once')
                    : msg(str`Extended ${protection.extensions} times`)
                }
              </div>`
            : nothing
        }
        ${
          extension
            ? html`<div part="extension">
                ${extensionStates[extension.status]}
                <span class="muted">(${this.format.dateTime(extension.requestedAt)})</span>
                <br /><q>${extension.reason}</q>
              </div>`
            : nothing
        }
      </dd>`;
  }

  /** A person's name: from the record, the viewer itself, the users the viewer may read, or the other side. */
  #who(id: string, name?: string): string {
    if (id === this.viewer?.userId) return msg('you');
    if (name) return name;
    const user = this.#users.data?.items.find((u) => u.id === id);
    if (user) return user.name;
    return this.viewer && isPartnerRole(this.viewer.role)
      ? msg('the channel team')
      : msg('a partner user');
  }

  #statusText(status: string | null): string {
    if (!isDealStatus(status)) return status ?? '';
    return dealStatusLabel(status);
  }

  #renderHistory(history: readonly StatusChange[]): TemplateResult {
    return html`<section part="history" aria-labelledby="deal-history">
      <h3 id="deal-history">${msg('History')}</h3>
      <ol class="timeline">
        ${history.map((change) => {
          const to = this.#statusText(change.to);
          const who = this.#who(change.by, change.byName);
          const when = this.format.dateTime(change.at);
          return html`<li>
            <strong>${change.from === null ? msg(str`Created as ${to}`) : to}</strong>
            <span class="muted">${msg(str`by ${who}, ${when}`)}</span>
            ${
              change.reason
                ? html`<br /><span
                      >${msg('Reason:')}
                      ${
                        isClosureReason(change.reason)
                          ? closureReasonLabel(change.reason)
                          : change.reason.replaceAll('_', ' ')
                      }</span
                    >`
                : nothing
            }
            ${change.message ? html`<br /><q>${change.message}</q>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  #renderCommentList(comments: readonly Comment[]): TemplateResult {
    return html`<ul class="comments">
      ${comments.map(
        (comment) =>
          html`<li part="comment">
            <strong>${this.#who(comment.authorId, comment.authorName)}</strong>
            <span class="muted">${this.format.dateTime(comment.createdAt)}</span>
            <p>${comment.body}</p>
          </li>`,
      )}
    </ul>`;
  }

  #renderComments(
    deal: DealRegistration,
    channelManagerId: string | null | undefined,
  ): TemplateResult {
    const viewer = this.viewer;
    const mayComment =
      viewer !== undefined && can(viewer, 'deals.comment', dealScope(deal, { channelManagerId }));
    const pending = this.#comment.pending;
    return html`<section part="comments" aria-labelledby="deal-comments">
      <h3 id="deal-comments">${msg('Comments')}</h3>
      ${
        deal.comments.length > 0
          ? this.#renderCommentList(deal.comments)
          : html`<p class="muted">${msg('No comments yet.')}</p>`
      }
      ${
        mayComment
          ? html`<form class="form" part="comment-form" novalidate @submit=${this.#onComment}>
              ${this.#renderCommentFailure()}
              ${field(
                {
                  id: COMMENT,
                  label: msg('Add a comment'),
                  hint: isPartnerRole(viewer.role)
                    ? undefined
                    : msg('The partner sees comments. Work notes stay internal.'),
                  error: this.commentError,
                },
                (a) =>
                  html`<textarea
                    id=${a.id}
                    rows="3"
                    aria-describedby=${ifDefined(a.describedBy)}
                    aria-invalid=${ifDefined(a.invalid)}
                    .value=${this.commentText}
                    @input=${this.#onCommentInput}
                  ></textarea>`,
              )}
              <div class="actions">
                <button
                  type="submit"
                  class="primary"
                  part="comment-button"
                  aria-disabled=${pending ? 'true' : 'false'}
                >
                  ${pending ? msg('Sending…') : msg('Add comment')}
                </button>
              </div>
            </form>`
          : nothing
      }
    </section>`;
  }

  #renderCommentFailure(): TemplateResult | typeof nothing {
    const failure = this.commentFailure;
    if (!failure) return nothing;
    if (failure.kind === 'conflict') {
      return html`<div
        class="alert"
        data-tone="warning"
        part="comment-error conflict"
        role="alert"
        tabindex="-1"
      >
        <p>
          ${msg('This registration was changed by someone else. Reload it, then send your comment again.')}
        </p>
        <div class="row">
          <button type="button" part="reload-button" @click=${this.#reload}>
            ${msg('Reload')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="alert" part="comment-error" role="alert" tabindex="-1">
      <p>${errorMessage(failure.error)}</p>
    </div>`;
  }

  /** Internal notes: enterprise viewers only, and only when the record carries them. */
  #renderWorkNotes(deal: DealRegistration): TemplateResult | typeof nothing {
    const viewer = this.viewer;
    const notes = deal.workNotes;
    if (!viewer || isPartnerRole(viewer.role) || !notes || notes.length === 0) return nothing;
    return html`<section class="work-notes" part="work-notes" aria-labelledby="deal-work-notes">
      <h3 id="deal-work-notes">${msg('Work notes (internal)')}</h3>
      ${this.#renderCommentList(notes)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-registration-detail': PrmDealRegistrationDetail;
  }
}
