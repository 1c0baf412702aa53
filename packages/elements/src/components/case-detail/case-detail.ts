import { msg, str } from '@lit/localize';
import {
  CASE_STATUSES,
  MAX_PAGE_SIZE,
  availableTransitions,
  canReopenCase,
  can,
  caseSlaState,
  isPartnerRole,
  type Case,
  type CaseStatus,
  type Comment,
  type RecordScope,
  type StatusChange,
  type TransitionRequirement,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { PrmCaseUpdatedEvent } from '../../events.js';
import { breachedPill, slaDueText } from '../../internal/case-sla.js';
import { CommentBox, failureOf, type CommentFailure } from '../../internal/comment-box.js';
import { dialog } from '../../internal/dialog.js';
import { DraftController } from '../../internal/draft.js';
import { field } from '../../internal/field.js';
import { caseCategoryLabel } from '../../internal/labels.js';
import { PollController } from '../../internal/poll.js';
import { PrmElement } from '../../internal/prm-element.js';
import { casePriority, caseStatus, caseStatusLabel } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage } from '../../localize.js';
import { caseDetailStyles } from './case-detail.styles.js';

const REPLY = 'case-reply';
const NOTE = 'case-note';
const DIALOG = 'case-move-dialog';
const MESSAGE = `${DIALOG}-message`;

interface Move {
  to: CaseStatus;
  requires: readonly TransitionRequirement[];
}

const isCaseStatus = (value: string | null): value is CaseStatus =>
  value !== null && (CASE_STATUSES as readonly string[]).includes(value);

const scopeOf = (kase: Case): RecordScope => ({
  partnerId: kase.partnerId,
  ownerId: kase.raisedBy,
});

/**
 * @summary One support case: subject, description, category, priority, status, who raised it
 * and when, the assignee (enterprise viewers), the SLA due times and whether they were
 * breached, the related record; the conversation with a reply box, the status history, and —
 * for enterprise viewers only — internal work notes with their own box. The status moves the
 * viewer may make (core's transition table): a partner confirms or reopens a resolved case, the
 * support team starts, resolves or waits for the partner.
 *
 * The case follows changes made elsewhere: through the adapter's live change events when it
 * has them, or every `poll-interval` milliseconds when set.
 *
 * @fires prm-case-updated - After each reply, work note or status change; `event.supportCase`.
 *
 * @csspart base - The whole detail (and each state view: loading, empty, error).
 * @csspart header - The number, subject, priority and status.
 * @csspart status - The status and priority pills.
 * @csspart details - The list of the case's details.
 * @csspart description - The description as the partner wrote it.
 * @csspart sla - The SLA due times.
 * @csspart breached - The "Breached" pill.
 * @csspart actions - The status move buttons.
 * @csspart action - Each move button (also `action-<status>`, e.g. `action-closed`).
 * @csspart conversation - The partner-visible comments.
 * @csspart comment - One comment (or work note).
 * @csspart reply-form - The form to reply.
 * @csspart reply-button - Sends the reply.
 * @csspart work-notes - The internal work notes (enterprise viewers only; never shown to a partner).
 * @csspart note-form - The form to add a work note.
 * @csspart note-button - Adds the work note.
 * @csspart history - The history of status changes.
 * @csspart notice - The outcome of the last status move.
 * @csspart error - An alert when a write failed.
 * @csspart conflict - The alert when someone else changed the case meanwhile.
 * @csspart reload-button - Reloads after a conflict.
 * @csspart dialog - The dialog asking for a message with a move (reopen, wait for the partner).
 *
 * @cssproperty --prm-case-detail-gap - Space between the sections.
 */
export class PrmCaseDetail extends PrmElement {
  static override styles = [...PrmElement.styles, caseDetailStyles];

  readonly #case = new QueryController(this, (client) =>
    this.viewer && this.caseId ? client.get('cases', this.caseId) : undefined,
  );

  /** The case's partner name, for enterprise viewers. */
  readonly #partner = new QueryController(this, (client) => {
    const partnerId = this.#case.data?.partnerId;
    return partnerId && this.viewer && !isPartnerRole(this.viewer.role)
      ? client.get('partners', partnerId)
      : undefined;
  });

  /** People's names (raiser, assignee), when the viewer may read users. */
  readonly #users = new QueryController(this, (client) =>
    this.viewer && this.caseId && can(this.viewer, 'users.read')
      ? client.list('users', { limit: MAX_PAGE_SIZE })
      : undefined,
  );

  readonly #reply = this.#commentBox('reply', REPLY, false, () => msg('Write a reply first.'));
  readonly #note = this.#commentBox('note', NOTE, true, () => msg('Write a note first.'));

  readonly #move = new MutationController(
    this,
    (client, kase: Case, to: CaseStatus, message: string | undefined) =>
      client.mutate('cases', (adapter) =>
        adapter.cases.transition(kase.id, to, {
          version: kase.version,
          ...(message ? { message } : {}),
        }),
      ),
  );

  readonly #messageDraft = new DraftController<string>(this, () =>
    this.open ? this.#draftKey(`move-${this.open.to}`) : undefined,
  );

  #restoredKey: string | undefined;
  #opener: HTMLElement | undefined;

  /** Why the last status change failed (shown above the actions). */
  @state() accessor moveFailure: CommentFailure | undefined;
  @state() accessor notice: string | undefined;
  /** The move whose message the dialog asks for. */
  @state() accessor open: Move | undefined;
  @state() accessor message = '';
  @state() accessor messageError: string | undefined;

  /** The case to show. */
  @property({ attribute: 'case-id' }) accessor caseId: string | undefined;
  /**
   * Refetches the case every so many milliseconds while connected (off by default), for
   * adapters without live change events.
   */
  @property({ attribute: 'poll-interval', type: Number }) accessor pollInterval: number | undefined;

  constructor() {
    super();
    // Polls only when `poll-interval` is set (adapters without live change events).
    new PollController(
      this,
      () => (this.caseId ? this.pollInterval : undefined),
      () => void this.#case.refetch(),
    );
  }

  #draftKey(box: string): string | undefined {
    return this.viewer && this.caseId
      ? `case-${box}:${this.viewer.userId}:${this.caseId}`
      : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const key = this.#draftKey('reply');
    if (key === this.#restoredKey) return;
    this.#restoredKey = key;
    this.moveFailure = undefined;
    this.notice = undefined;
  }

  // --- Replies and work notes -------------------------------------------------------------

  /** A reply box (the partner sees it) or a work-note box (the enterprise only). */
  #commentBox(part: string, id: string, internal: boolean, empty: () => string) {
    return new CommentBox<Case>(this, {
      id,
      part,
      draftKey: () => this.#draftKey(part),
      empty,
      write: (client, kase, body) =>
        client.mutate('cases', (adapter) =>
          adapter.cases.comment(kase.id, { body, internal }, { version: kase.version }),
        ),
      saved: (kase) => this.dispatchEvent(new PrmCaseUpdatedEvent(kase)),
    });
  }

  readonly #reload = (): void => {
    this.moveFailure = undefined;
    this.#reply.reset();
    this.#note.reset();
    this.#move.reset();
    void this.#case.refetch();
  };

  // --- Status moves -----------------------------------------------------------------------

  /** The moves the viewer may make now (core's table and reach; the backend decides). */
  #moves(kase: Case): Move[] {
    const viewer = this.viewer;
    if (!viewer || !can(viewer, 'cases.transition', scopeOf(kase))) return [];
    // A resolved case may be reopened only within core's window; later, a new case.
    const now = new Date().toISOString();
    return availableTransitions('cases', kase.status, viewer.role).filter(
      (move) => kase.status !== 'resolved' || move.to !== 'in_progress' || canReopenCase(kase, now),
    );
  }

  #moveLabel(from: CaseStatus, to: CaseStatus): string {
    const partner = this.viewer !== undefined && isPartnerRole(this.viewer.role);
    if (to === 'closed') return partner ? msg('Confirm resolution') : msg('Close case');
    if (to === 'resolved') return msg('Resolve');
    if (to === 'awaiting_partner') return msg('Ask the partner');
    if (from === 'resolved') return msg('Reopen');
    if (from === 'awaiting_partner') return partner ? msg('Mark as answered') : msg('Resume work');
    return msg('Start work');
  }

  async #start(kase: Case, move: Move, opener: HTMLElement): Promise<void> {
    if (this.#move.pending) return;
    this.notice = undefined;
    this.moveFailure = undefined;
    this.#move.reset();
    if (!move.requires.includes('message')) {
      await this.#runMove(kase, move.to, undefined);
      return;
    }
    this.#opener = opener;
    this.open = move;
    this.message = this.#messageDraft.read() ?? '';
    this.messageError = undefined;
    await this.updateComplete;
    const element = this.#dialog();
    if (element && !element.open) element.showModal();
    this.renderRoot.querySelector<HTMLElement>(`#${MESSAGE}`)?.focus();
  }

  async #runMove(kase: Case, to: CaseStatus, message: string | undefined): Promise<boolean> {
    const saved = await this.#move.run(kase, to, message);
    if (!saved) {
      const error = this.#move.error;
      if (error !== undefined) {
        this.moveFailure = failureOf(error);
        if (!this.open) {
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus();
        }
      }
      return false;
    }
    this.notice = msg(
      str`${saved.number} is now ${caseStatusLabel(saved.status, Boolean(this.viewer?.partnerId))}.`,
    );
    this.dispatchEvent(new PrmCaseUpdatedEvent(saved));
    if (!this.open) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus();
    }
    return true;
  }

  readonly #onMessage = (event: Event): void => {
    this.message = (event.target as HTMLTextAreaElement).value;
    if (this.message.trim()) this.messageError = undefined;
    this.#messageDraft.save(this.message);
  };

  readonly #confirmMove = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const kase = this.#case.data;
    const open = this.open;
    if (!kase || !open || this.#move.pending) return;
    const message = this.message.trim();
    if (!message) {
      this.messageError =
        open.to === 'awaiting_partner'
          ? msg('Say what you need from the partner.')
          : msg('Say what is still wrong.');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${MESSAGE}`)?.focus();
      return;
    }
    this.moveFailure = undefined;
    if (await this.#runMove(kase, open.to, message)) {
      this.#messageDraft.clear();
      await this.#closeDialog(true);
    }
  };

  readonly #onDialogClose = (): void => {
    if (this.open) void this.#closeDialog(false);
  };

  async #closeDialog(done: boolean): Promise<void> {
    const element = this.#dialog();
    if (element?.open) element.close();
    if (!this.open) return;
    this.open = undefined;
    this.message = '';
    this.messageError = undefined;
    if (!done) this.moveFailure = undefined;
    await this.updateComplete;
    if (done) this.renderRoot.querySelector<HTMLElement>('[part~="notice"]')?.focus();
    else if (this.#opener?.isConnected) this.#opener.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${DIALOG}`);
  }

  // --- Rendering --------------------------------------------------------------------------

  protected override render() {
    if (this.viewer && !this.caseId) {
      return html`<div part="base">${emptyView(msg('Choose a case to see it.'))}</div>`;
    }
    return html`<div part="base">
      ${this.#renderNotice()}
      ${renderStates(this, [this.#case], (kase: Case) => this.#renderCase(kase), {
        label: msg('Loading case'),
      })}
      ${this.#renderDialog()}
    </div>`;
  }

  /** A person's name: the viewer itself, the record's name, the users the viewer may read, or the other side. */
  #who(id: string, name?: string): string {
    if (id === this.viewer?.userId) return msg('you');
    if (name) return name;
    const user = this.#users.data?.items.find((u) => u.id === id);
    if (user) return user.name;
    return this.viewer && isPartnerRole(this.viewer.role)
      ? msg('the support team')
      : msg('a partner user');
  }

  #renderCase(kase: Case): TemplateResult {
    const viewer = this.viewer;
    const enterprise = viewer !== undefined && !isPartnerRole(viewer.role);
    const now = new Date().toISOString();
    const sla = caseSlaState(kase, now);
    const raisedBy =
      kase.raisedBy === viewer?.userId
        ? msg('you')
        : (kase.history.find((change) => change.from === null)?.byName ?? this.#who(kase.raisedBy));
    const related = kase.related;
    const relatedTypes = { deal: msg('Deal'), program: msg('Program'), order: msg('Order') };
    const slaLine = (label: string, due: string, clock: typeof sla.firstResponse) =>
      html`<li>
        ${label}: <time datetime=${due}>${this.format.dateTime(due)}</time>
        <span class="muted"
          >(${
            clock === 'pending'
              ? this.format.relative(due)
              : clock === 'met'
                ? msg('met')
                : msg('missed')
          })</span
        >
      </li>`;
    return html`<article class="detail" aria-labelledby="case-heading">
      <header part="header">
        <h2 id="case-heading">${kase.number} · ${kase.subject}</h2>
        ${casePriority(kase.priority)} ${caseStatus(kase.status, Boolean(this.viewer?.partnerId))}
        ${breachedPill(kase, now)}
      </header>
      ${this.#renderActions(kase)}
      <p class="description" part="description">${kase.description}</p>
      <dl class="details" part="details">
        ${
          enterprise
            ? html`<dt>${msg('Partner')}</dt>
                <dd>${this.#partner.data?.name ?? kase.partnerId}</dd>`
            : nothing
        }
        <dt>${msg('Category')}</dt>
        <dd>${caseCategoryLabel(kase.category)}</dd>
        <dt>${msg('Raised')}</dt>
        <dd>${msg(str`by ${raisedBy}, ${this.format.dateTime(kase.createdAt)}`)}</dd>
        ${
          enterprise
            ? html`<dt>${msg('Assignee')}</dt>
                <dd part="assignee">
                  ${kase.assigneeId ? this.#who(kase.assigneeId) : msg('Unassigned')}
                </dd>`
            : nothing
        }
        <dt>${msg('SLA')}</dt>
        <dd>
          <span class="sla">${slaDueText(kase, this.format, now)} ${breachedPill(kase, now)}</span>
          <ul class="plain" part="sla">
            ${slaLine(msg('First response due'), kase.firstResponseDueAt, sla.firstResponse)}
            ${slaLine(msg('Resolution due'), kase.resolutionDueAt, sla.resolution)}
          </ul>
        </dd>
        ${
          related
            ? html`<dt>${msg('Related to')}</dt>
                <dd part="related">${relatedTypes[related.type]} ${related.id}</dd>`
            : nothing
        }
        <dt>${msg('Updated')}</dt>
        <dd>${this.format.dateTime(kase.updatedAt)}</dd>
      </dl>
      ${this.#renderConversation(kase)} ${this.#renderWorkNotes(kase)}
      ${this.#renderHistory(kase.history)}
    </article>`;
  }

  #renderActions(kase: Case): TemplateResult | typeof nothing {
    const moves = this.#moves(kase);
    if (moves.length === 0) return nothing;
    const pending = this.#move.pending;
    return html`<div class="case-actions" part="actions">
      ${moves.map(
        (move) =>
          html`<button
            type="button"
            part="action action-${move.to}"
            class=${move.to === 'closed' || move.to === 'resolved' ? 'primary' : ''}
            data-move=${move.to}
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${(event: Event) =>
              void this.#start(kase, move, event.currentTarget as HTMLElement)}
          >
            ${this.#moveLabel(kase.status, move.to)}
          </button>`,
      )}
    </div>`;
  }

  #renderNotice(): TemplateResult {
    const failure = this.open ? undefined : this.moveFailure;
    return html`<div class="notice" part="notice" tabindex="-1">
      <div role="status">
        ${this.notice ? html`<p class="alert" data-tone="success">${this.notice}</p>` : nothing}
      </div>
      <div role="alert">${failure ? this.#renderFailure(failure) : nothing}</div>
    </div>`;
  }

  readonly #renderFailure = (failure: CommentFailure): TemplateResult => {
    if (failure.kind === 'conflict') {
      return html`<div class="alert" data-tone="warning" part="conflict">
        <p>${msg('This case was changed by someone else. Reload it, then try again.')}</p>
        <div class="row">
          <button type="button" part="reload-button" @click=${this.#reload}>
            ${msg('Reload')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="alert" part="error"><p>${errorMessage(failure.error)}</p></div>`;
  };

  #renderComments(comments: readonly Comment[]): TemplateResult {
    return html`<ol class="comments">
      ${comments.map(
        (comment) =>
          html`<li part="comment">
            <strong>${this.#who(comment.authorId, comment.authorName)}</strong>
            <time class="muted" datetime=${comment.createdAt}
              >${this.format.dateTime(comment.createdAt)}</time
            >
            <p>${comment.body}</p>
          </li>`,
      )}
    </ol>`;
  }

  #renderConversation(kase: Case): TemplateResult {
    const viewer = this.viewer;
    const mayReply =
      viewer !== undefined &&
      kase.status !== 'closed' &&
      can(viewer, 'cases.comment', scopeOf(kase));
    const comments = [...kase.comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return html`<section part="conversation" aria-labelledby="case-conversation">
      <h3 id="case-conversation">${msg('Conversation')}</h3>
      ${
        comments.length > 0
          ? this.#renderComments(comments)
          : html`<p class="muted">${msg('No replies yet.')}</p>`
      }
      ${
        mayReply
          ? this.#reply.render(kase, {
              label: msg('Reply'),
              hint: isPartnerRole(viewer.role)
                ? undefined
                : msg('The partner sees replies. Work notes stay internal.'),
              button: msg('Send reply'),
              failure: this.#renderFailure,
            })
          : nothing
      }
    </section>`;
  }

  /** Internal notes: enterprise viewers who may read them only; a partner never gets the section. */
  #renderWorkNotes(kase: Case): TemplateResult | typeof nothing {
    const viewer = this.viewer;
    if (!viewer || isPartnerRole(viewer.role) || !can(viewer, 'cases.workNotes', scopeOf(kase)))
      return nothing;
    const notes = [...(kase.workNotes ?? [])].sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
    return html`<section class="work-notes" part="work-notes" aria-labelledby="case-work-notes">
      <h3 id="case-work-notes">${msg('Work notes (internal)')}</h3>
      ${
        notes.length > 0
          ? this.#renderComments(notes)
          : html`<p class="muted">${msg('No work notes yet.')}</p>`
      }
      ${this.#note.render(kase, {
        label: msg('Add a work note'),
        hint: msg('Only the enterprise team sees work notes.'),
        button: msg('Add note'),
        failure: this.#renderFailure,
      })}
    </section>`;
  }

  #renderHistory(history: readonly StatusChange[]): TemplateResult {
    return html`<section part="history" aria-labelledby="case-history">
      <h3 id="case-history">${msg('History')}</h3>
      <ol class="timeline">
        ${history.map((change) => {
          const to = isCaseStatus(change.to)
            ? caseStatusLabel(change.to, Boolean(this.viewer?.partnerId))
            : (change.to ?? '');
          const who = this.#who(change.by, change.byName);
          const when = this.format.dateTime(change.at);
          return html`<li>
            <strong>${change.from === null ? msg(str`Raised as ${to}`) : to}</strong>
            <span class="muted">${msg(str`by ${who}, ${when}`)}</span>
            ${change.message ? html`<br /><q>${change.message}</q>` : nothing}
          </li>`;
        })}
      </ol>
    </section>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const open = this.open;
    const kase = this.#case.data;
    if (!open || !kase) return nothing;
    const pending = this.#move.pending;
    const reopen = open.to === 'in_progress';
    const failure = this.moveFailure;
    return dialog({
      id: DIALOG,
      heading: reopen
        ? msg(str`Reopen ${kase.number}`)
        : msg(str`Ask the partner about ${kase.number}`),
      onClose: this.#onDialogClose,
      body: html`<form id="${DIALOG}-form" class="form" novalidate @submit=${this.#confirmMove}>
        ${failure ? html`<div role="alert">${this.#renderFailure(failure)}</div>` : nothing}
        ${field(
          {
            id: MESSAGE,
            label: reopen ? msg('What is still wrong?') : msg('What do you need from the partner?'),
            hint: msg('Your message is added to the case history.'),
            error: this.messageError,
            required: true,
          },
          (a) =>
            html`<textarea
              id=${a.id}
              part="message"
              rows="4"
              required
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              .value=${this.message}
              @input=${this.#onMessage}
            ></textarea>`,
        )}
      </form>`,
      actions: html`<button
          type="button"
          part="cancel-button"
          @click=${() => void this.#closeDialog(false)}
        >
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          part="confirm-button"
          form="${DIALOG}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Sending…') : reopen ? msg('Reopen case') : msg('Send and wait')}
        </button>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-case-detail': PrmCaseDetail;
  }
}
