import { msg, str } from '@lit/localize';
import {
  CLOSURE_REASONS,
  DEAL_STATUSES,
  MAX_PAGE_SIZE,
  can,
  isPartnerRole,
  type ClosureReason,
  type Comment,
  type DealRegistration,
  type DealStatus,
  type Page,
  type Product,
  type Program,
  type StatusChange,
} from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { QueryController } from '../../client/controllers.js';
import { CommentBox, type CommentFailure } from '../../internal/comment-box.js';
import { DealActionFlow, dealScope, protectionCountdown } from '../../internal/deal-actions.js';
import { closureReasonLabel, dealTypeLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { dealStatus, dealStatusLabel } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage } from '../../localize.js';
import { dealRegistrationDetailStyles } from './deal-registration-detail.styles.js';

const COMMENT = 'deal-comment';
const WORK_NOTE = 'deal-work-note';

const isDealStatus = (value: string | null): value is DealStatus =>
  value !== null && (DEAL_STATUSES as readonly string[]).includes(value);
const isClosureReason = (value: string | undefined): value is ClosureReason =>
  value !== undefined && (CLOSURE_REASONS as readonly string[]).includes(value);

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
 * @csspart work-note-form - The form to add a work note (enterprise viewers who may).
 * @csspart work-note-button - Adds the work note.
 * @csspart work-note-error - The alert when a work note could not be added.
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

  readonly #comment = this.#commentBox('comment', COMMENT, false, () =>
    msg('Write a comment first.'),
  );
  readonly #workNote = this.#commentBox('work-note', WORK_NOTE, true, () =>
    msg('Write a note first.'),
  );

  readonly #actions: DealActionFlow = new DealActionFlow(this);
  /** The registration to show. */
  @property({ attribute: 'deal-id' }) accessor dealId: string | undefined;

  /** The partner-visible comment box, or the enterprise's work-note box. */
  #commentBox(part: string, id: string, internal: boolean, empty: () => string) {
    return new CommentBox<DealRegistration>(this, {
      id,
      part,
      draftKey: () =>
        this.viewer && this.dealId ? `${id}:${this.viewer.userId}:${this.dealId}` : undefined,
      empty,
      write: (client, deal, body) =>
        client.mutate('deals', (adapter) =>
          adapter.deals.comment(deal.id, { body, internal }, { version: deal.version }),
        ),
    });
  }

  readonly #reload = (): void => {
    this.#comment.reset();
    this.#workNote.reset();
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
      ${this.#renderWorkNotes(deal, context.channelManagerId)}
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
    return html`<section part="comments" aria-labelledby="deal-comments">
      <h3 id="deal-comments">${msg('Comments')}</h3>
      ${
        deal.comments.length > 0
          ? this.#renderCommentList(deal.comments)
          : html`<p class="muted">${msg('No comments yet.')}</p>`
      }
      ${
        mayComment
          ? this.#comment.render(deal, {
              label: msg('Add a comment'),
              hint: isPartnerRole(viewer.role)
                ? undefined
                : msg('The partner sees comments. Work notes stay internal.'),
              button: msg('Add comment'),
              failure: this.#renderCommentFailure,
            })
          : nothing
      }
    </section>`;
  }

  readonly #renderCommentFailure = (failure: CommentFailure): TemplateResult => {
    if (failure.kind === 'conflict') {
      return html`<div class="alert" data-tone="warning" part="conflict">
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
    return html`<div class="alert"><p>${errorMessage(failure.error)}</p></div>`;
  };

  /**
   * Internal notes, for enterprise viewers who may read them (a partner never gets the
   * section, even from an adapter that leaks them), with a box to add one.
   */
  #renderWorkNotes(
    deal: DealRegistration,
    channelManagerId: string | null | undefined,
  ): TemplateResult | typeof nothing {
    const viewer = this.viewer;
    if (
      !viewer ||
      isPartnerRole(viewer.role) ||
      !can(viewer, 'deals.workNotes', dealScope(deal, { channelManagerId }))
    )
      return nothing;
    const notes = deal.workNotes ?? [];
    return html`<section class="work-notes" part="work-notes" aria-labelledby="deal-work-notes">
      <h3 id="deal-work-notes">${msg('Work notes (internal)')}</h3>
      ${
        notes.length > 0
          ? this.#renderCommentList(notes)
          : html`<p class="muted">${msg('No work notes yet.')}</p>`
      }
      ${this.#workNote.render(deal, {
        label: msg('Add a work note'),
        hint: msg('Only the enterprise team sees work notes.'),
        button: msg('Add note'),
        failure: this.#renderCommentFailure,
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-registration-detail': PrmDealRegistrationDetail;
  }
}
