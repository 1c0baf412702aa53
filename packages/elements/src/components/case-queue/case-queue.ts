import { msg, str } from '@lit/localize';
import {
  MAX_PAGE_SIZE,
  availableTransitions,
  can,
  isPrmError,
  suggestAssignee,
  type Case,
  type CaseQuery,
  type CaseRoutingTable,
  type CaseStatus,
  type Page,
  type Partner,
  type TransitionRequirement,
  type User,
} from '@prm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { PrmCaseSelectEvent, PrmCaseUpdatedEvent } from '../../events.js';
import { slaCell } from '../../internal/case-sla.js';
import { dialog } from '../../internal/dialog.js';
import { DraftController } from '../../internal/draft.js';
import { field } from '../../internal/field.js';
import { caseCategoryLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { caseStatus, casePriority } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage } from '../../localize.js';
import { caseQueueStyles } from './case-queue.styles.js';

/** The queue's views: the unassigned pool, the viewer's own cases, breached ones, every open one. */
export type CaseQueueView = 'unassigned' | 'mine' | 'breached' | 'open';
const VIEWS: readonly CaseQueueView[] = ['unassigned', 'mine', 'breached', 'open'];

/** The statuses a case is worked in (resolved and closed cases leave the queue). */
const OPEN: CaseStatus[] = ['new', 'in_progress', 'awaiting_partner'];

/** The status changes this queue offers (closing and reopening belong to the partner's side). */
const QUEUE_MOVES = ['in_progress', 'awaiting_partner', 'resolved'] as const;
type QueueMove = (typeof QUEUE_MOVES)[number];
const isQueueMove = (to: string): to is QueueMove =>
  (QUEUE_MOVES as readonly string[]).includes(to);

const DIALOG = 'case-dialog';
const AGENT = `${DIALOG}-agent`;
const MESSAGE = `${DIALOG}-message`;

/** One write of this queue, at the version on screen. */
type Change =
  { kind: 'assign'; assigneeId: string | null } | { kind: 'move'; to: QueueMove; message?: string };

type OpenDialog =
  | { kind: 'assign'; caseId: string }
  | { kind: 'ask'; caseId: string; requires: readonly TransitionRequirement[] };

/** An error after which the case on screen is no longer what the server holds. */
const isStale = (error: unknown) =>
  isPrmError(error, 'version_conflict') ||
  isPrmError(error, 'invalid_transition') ||
  isPrmError(error, 'not_found');

/** The due time a row is ordered by: the first response until it happened, then resolution. */
const dueKey = (c: Case) =>
  Date.parse(c.firstRespondedAt ? c.resolutionDueAt : c.firstResponseDueAt);

/**
 * @summary The vendor's support queue: unassigned cases, the viewer's own, breached ones and
 * every open case, soonest due first with SLA breaches flagged; assign a case (to oneself or,
 * with a suggested agent, to someone else), unassign it, and move it along.
 *
 * Which controls a viewer gets follows core's rules: `can(viewer, 'cases.assign' | 'cases.transition', …)`
 * and the case transition table (`availableTransitions`); asking the partner needs a message
 * because core requires one. "Breached" is core's `isCaseBreached`. The agent suggested in
 * "Assign to…" is core's `suggestAssignee`: the agents `routing` names for the case's
 * category, else the agent with the fewest open cases. Partner viewers get an empty state
 * (the backend refuses them anyway).
 *
 * @fires prm-case-select - The viewer opened a case (cancelable: a host that shows its own view
 * calls `preventDefault()`, otherwise the row expands to show the description).
 * @fires prm-case-updated - A case was assigned, unassigned or changed status; `event.supportCase`
 * is the saved record.
 *
 * @csspart base - The whole queue (and each state view: loading, empty, error).
 * @csspart views - The group of view buttons.
 * @csspart view-button - One view button (`aria-pressed` marks the current one).
 * @csspart notice - The live region announcing the last change.
 * @csspart failure - Why the last change failed.
 * @csspart queue - The table of cases.
 * @csspart row - One case.
 * @csspart select-button - Opens a case.
 * @csspart detail - The description of an opened case.
 * @csspart sla - A case's SLA due time.
 * @csspart breached - The "Breached" pill.
 * @csspart row-actions - The actions of one case.
 * @csspart assign-me-button - Assigns the case to the viewer.
 * @csspart assign-button - Opens the assign dialog.
 * @csspart unassign-button - Returns the case to the unassigned pool.
 * @csspart start-button - Moves the case to in progress.
 * @csspart ask-button - Opens the dialog asking the partner for information.
 * @csspart resolve-button - Resolves the case.
 * @csspart dialog - The assign or ask-the-partner dialog.
 * @csspart field - Each labelled field of the dialog.
 * @csspart field-error - A field's error message.
 * @csspart agent-select - The agent to assign.
 * @csspart suggestion - Which agent is suggested and why.
 * @csspart message-input - The message to the partner.
 * @csspart dialog-error - Why the dialog's change failed.
 * @csspart submit-button - Saves the dialog.
 * @csspart cancel-button - Closes the dialog without saving.
 *
 * @cssproperty --prm-case-queue-gap - Space between the parts of the queue.
 */
export class PrmCaseQueue extends PrmElement {
  static override styles = [...PrmElement.styles, caseQueueStyles];

  /** The view shown: `unassigned` (default), `mine`, `breached` or `open`. */
  @property({ reflect: true }) accessor view: CaseQueueView = 'unassigned';

  /**
   * Routing rules: category → the ids of the agents who handle it. Used to suggest an agent
   * in "Assign to…"; without a rule for the category the least-loaded agent is suggested.
   */
  @property({ attribute: false }) accessor routing: CaseRoutingTable = {};

  readonly #cases = new QueryController(this, (client) => {
    const filter = this.#filter();
    return filter ? client.list('cases', this.#query(filter)) : undefined;
  });

  /** Every open case: the agents' load for the assignment suggestion. */
  readonly #open = new QueryController(this, (client) =>
    this.#mayWork() && this.dialogOpen?.kind === 'assign'
      ? client.list('cases', this.#query({ status: OPEN }))
      : undefined,
  );

  readonly #agents = new QueryController(this, (client) =>
    this.#mayWork()
      ? client.list('users', {
          filter: { role: ['support_agent'] },
          sort: 'name',
          limit: MAX_PAGE_SIZE,
        })
      : undefined,
  );

  readonly #partners = new QueryController(this, (client) =>
    this.#mayWork() ? client.list('partners', { limit: MAX_PAGE_SIZE }) : undefined,
  );

  readonly #write = new MutationController(
    this,
    (client, id: string, version: number, change: Change) =>
      client.mutate('cases', (adapter) =>
        change.kind === 'assign'
          ? adapter.cases.assign(id, change.assigneeId, { version })
          : adapter.cases.transition(id, change.to, {
              version,
              ...(change.message ? { message: change.message } : {}),
            }),
      ),
  );

  readonly #draft = new DraftController<{ message: string }>(this, () => this.#draftKey());
  #opener: HTMLElement | undefined;

  /** The case whose description is shown below its row. */
  @state() accessor expandedId: string | undefined;
  /** The assign or ask-the-partner dialog, while open. */
  @state() accessor dialogOpen: OpenDialog | undefined;
  @state() accessor agentId = '';
  @state() accessor message = '';
  @state() accessor errors: ReadonlyMap<string, string> = new Map();
  /** Why the last change failed (in the dialog while it is open, else above the queue). */
  @state() accessor failure: unknown;
  /** The last change, announced at the top. */
  @state() accessor notice: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!VIEWS.includes(this.view)) this.view = 'unassigned';
  }

  /** May this viewer work the support queue at all (core `cases.assign`)? */
  #mayWork(): boolean {
    const viewer = this.viewer;
    return viewer !== undefined && can(viewer, 'cases.assign');
  }

  #filter(): NonNullable<CaseQuery['filter']> | undefined {
    const viewer = this.viewer;
    if (!viewer || !this.#mayWork()) return undefined;
    switch (this.view) {
      case 'unassigned':
        return { status: OPEN, unassigned: true };
      case 'mine':
        return { status: OPEN, assigneeId: viewer.userId };
      case 'breached':
        return { breached: true };
      default:
        return { status: OPEN };
    }
  }

  #query(filter: NonNullable<CaseQuery['filter']>): CaseQuery {
    return { filter, sort: 'firstResponseDueAt', limit: MAX_PAGE_SIZE };
  }

  #draftKey(): string | undefined {
    const viewer = this.viewer;
    const open = this.dialogOpen;
    return viewer && open?.kind === 'ask'
      ? `case-queue:${viewer.userId}:${open.caseId}:awaiting_partner`
      : undefined;
  }

  #scope(c: Case) {
    return { partnerId: c.partnerId, ownerId: c.raisedBy };
  }

  #mayAssign(c: Case): boolean {
    const viewer = this.viewer;
    return viewer !== undefined && can(viewer, 'cases.assign', this.#scope(c));
  }

  /** The status changes the viewer may make on this case now, in the table's order. */
  #moves(c: Case): { to: QueueMove; requires: readonly TransitionRequirement[] }[] {
    const viewer = this.viewer;
    if (!viewer || !can(viewer, 'cases.transition', this.#scope(c))) return [];
    return availableTransitions('cases', c.status, viewer.role).flatMap((move) =>
      isQueueMove(move.to) ? [{ to: move.to, requires: move.requires }] : [],
    );
  }

  #case(id: string): Case | undefined {
    return this.#cases.data?.items.find((c) => c.id === id);
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #setView(view: CaseQueueView): void {
    this.view = view;
    this.expandedId = undefined;
    this.failure = undefined;
  }

  #select(c: Case): void {
    const event = new PrmCaseSelectEvent(c);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.expandedId = this.expandedId === c.id ? undefined : c.id;
  }

  // ---- writes --------------------------------------------------------------------------

  /** Saves one change at the version on screen; a second start while one runs is ignored. */
  async #run(caseId: string, change: Change): Promise<void> {
    const c = this.#case(caseId);
    if (!c || this.#write.pending) return;
    this.failure = undefined;
    const saved = await this.#write.run(c.id, c.version, change);
    if (!saved) {
      const error = this.#write.error;
      if (error === undefined) return;
      this.failure = error;
      const fields = isPrmError(error, 'validation') ? error.fields : [];
      if (fields.length > 0) {
        this.errors = new Map(
          fields.map((f) => [f.path === 'assigneeId' ? 'agent' : f.path, f.message]),
        );
      }
      if (isStale(error)) void this.#cases.refetch();
      return this.#focus(this.dialogOpen ? '[part~="dialog-error"]' : '[part~="failure"]');
    }
    this.notice = this.#noticeText(saved, change);
    this.dispatchEvent(new PrmCaseUpdatedEvent(saved));
    if (this.dialogOpen) {
      this.#draft.clear();
      this.#closeDialog(false, false);
    }
    return this.#focus('[part~="notice"]');
  }

  #noticeText(c: Case, change: Change): string {
    const number = c.number;
    if (change.kind === 'assign') {
      if (change.assigneeId === null) return msg(str`${number} is unassigned.`);
      if (change.assigneeId === this.viewer?.userId) return msg(str`${number} is assigned to you.`);
      return msg(str`${number} is assigned to ${this.#agentName(change.assigneeId)}.`);
    }
    switch (change.to) {
      case 'in_progress':
        return msg(str`${number} is in progress.`);
      case 'awaiting_partner':
        return msg(str`${number} is waiting for the partner.`);
      case 'resolved':
        return msg(str`${number} is resolved.`);
    }
  }

  #agentName(id: string, agents = this.#agents.data): string {
    if (id === this.viewer?.userId) return this.viewer.name;
    return agents?.items.find((u) => u.id === id)?.name ?? id;
  }

  // ---- dialog --------------------------------------------------------------------------

  async #openDialog(open: OpenDialog, opener: HTMLElement): Promise<void> {
    this.dialogOpen = open;
    this.agentId = '';
    this.message = open.kind === 'ask' ? (this.#draft.read()?.message ?? '') : '';
    this.errors = new Map();
    this.failure = undefined;
    this.#write.reset();
    this.#opener = opener;
    await this.updateComplete;
    const element = this.#dialog();
    if (element && !element.open) element.showModal();
    if (open.kind === 'ask') this.renderRoot.querySelector<HTMLElement>(`#${MESSAGE}`)?.focus();
  }

  /** Closes the dialog; `forget` drops what was typed (a deliberate cancel). */
  #closeDialog(forget: boolean, restoreFocus = true): void {
    if (forget) this.#draft.clear();
    const element = this.#dialog();
    if (element?.open) element.close();
    if (!this.dialogOpen) return;
    this.dialogOpen = undefined;
    this.errors = new Map();
    this.failure = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (restoreFocus && opener?.isConnected) opener.focus();
  }

  readonly #onCancel = (): void => {
    if (this.dialogOpen) this.#closeDialog(true);
  };

  readonly #onDialogClose = (): void => {
    // A close this component did not start (the browser's own): tidy up the same way.
    if (this.dialogOpen) this.#closeDialog(false);
  };

  readonly #onAgent = (event: Event): void => {
    this.agentId = (event.target as HTMLSelectElement).value;
    if (this.agentId) this.#dropError('agent');
  };

  readonly #onMessage = (event: Event): void => {
    this.message = (event.target as HTMLTextAreaElement).value;
    this.#draft.save({ message: this.message });
    if (this.message.trim()) this.#dropError('message');
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
    const open = this.dialogOpen;
    if (!open || this.#write.pending) return;
    const errors = new Map<string, string>();
    if (open.kind === 'assign') {
      const agentId = this.agentId || (this.#suggestion(open.caseId)?.agentId ?? '');
      if (!agentId) errors.set('agent', msg('Choose an agent.'));
      this.errors = errors;
      if (errors.size > 0) return this.#focus(`#${AGENT}`);
      return this.#run(open.caseId, { kind: 'assign', assigneeId: agentId });
    }
    const message = this.message.trim();
    if (open.requires.includes('message') && !message) {
      errors.set('message', msg('Write what the partner should send or answer.'));
    }
    this.errors = errors;
    if (errors.size > 0) return this.#focus(`#${MESSAGE}`);
    return this.#run(open.caseId, {
      kind: 'move',
      to: 'awaiting_partner',
      ...(message ? { message } : {}),
    });
  }

  /** Core's suggested agent for the case, from the routing rules and each agent's open cases. */
  #suggestion(caseId: string, agents = this.#agents.data, open = this.#open.data) {
    const c = this.#case(caseId);
    if (!c || !agents || !open) return null;
    const load: Record<string, number> = {};
    for (const other of open.items) {
      if (other.assigneeId) load[other.assigneeId] = (load[other.assigneeId] ?? 0) + 1;
    }
    return suggestAssignee(c.category, agents.items, load, this.routing);
  }

  #dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${DIALOG}`);
  }

  // ---- render --------------------------------------------------------------------------

  protected override render() {
    if (this.viewer && !this.#mayWork()) {
      return html`<div part="base">
        ${emptyView(
          this.viewer.partnerId
            ? msg(
                "The case queue is for the vendor's support team. Your cases are in your case list.",
              )
            : msg('Working the support queue is not part of your role.'),
        )}
      </div>`;
    }
    return html`<div part="base">
      ${this.#renderViews()}
      <div class="notice" part="notice" role="status" tabindex="-1">
        ${this.notice ? html`<p class="alert" data-tone="success">${this.notice}</p>` : nothing}
      </div>
      ${
        this.failure !== undefined && !this.dialogOpen
          ? html`<div class="alert" part="failure" role="alert" tabindex="-1">
              <p>${errorMessage(this.failure)}</p>
              ${isStale(this.failure) ? html`<p>${this.#staleText()}</p>` : nothing}
            </div>`
          : nothing
      }
      ${renderStates(
        this,
        [this.#cases, this.#partners, this.#agents],
        (cases: Page<Case>, partners: Page<Partner>, agents: Page<User>) =>
          this.#renderQueue(cases, partners, agents),
        {
          label: msg('Loading the case queue'),
          empty: { when: (cases) => cases.items.length === 0, message: this.#emptyText() },
        },
      )}
      ${this.#renderDialog()}
    </div>`;
  }

  #staleText(): string {
    return msg(
      'This case was changed by someone else. The queue was reloaded; check it and try again.',
    );
  }

  #viewLabel(view: CaseQueueView): string {
    switch (view) {
      case 'unassigned':
        return msg('Unassigned');
      case 'mine':
        return msg('Assigned to me');
      case 'breached':
        return msg('Breaching');
      case 'open':
        return msg('All open');
    }
  }

  #emptyText(): string {
    switch (this.view) {
      case 'unassigned':
        return msg('No unassigned cases');
      case 'mine':
        return msg('No open cases are assigned to you');
      case 'breached':
        return msg('No case is breaching its SLA');
      case 'open':
        return msg('No open cases');
    }
  }

  #renderViews(): TemplateResult {
    return html`<div class="views" part="views" role="group" aria-label=${msg('Queue view')}>
      ${VIEWS.map(
        (view) =>
          html`<button
            type="button"
            part="view-button"
            data-view=${view}
            aria-pressed=${this.view === view ? 'true' : 'false'}
            @click=${() => this.#setView(view)}
          >
            ${this.#viewLabel(view)}
          </button>`,
      )}
    </div>`;
  }

  #renderQueue(cases: Page<Case>, partners: Page<Partner>, agents: Page<User>): TemplateResult {
    const now = new Date().toISOString();
    const items = [...cases.items].sort((a, b) => dueKey(a) - dueKey(b));
    return html`<div class="table">
      <table part="queue">
        <caption>
          ${msg(str`${this.#viewLabel(this.view)}: open cases, soonest due first`)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Case')}</th>
            <th scope="col">${msg('Partner')}</th>
            <th scope="col">${msg('Subject')}</th>
            <th scope="col">${msg('Category')}</th>
            <th scope="col">${msg('Priority')}</th>
            <th scope="col">${msg('Status')}</th>
            <th scope="col">${msg('Due')}</th>
            <th scope="col">${msg('Assignee')}</th>
            <th scope="col">${msg('Actions')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map((c) => this.#renderRow(c, partners, agents, now))}
        </tbody>
      </table>
      ${
        cases.nextCursor !== null
          ? html`<p class="muted">
              ${msg(str`Showing the ${this.format.number(items.length)} cases due first.`)}
            </p>`
          : nothing
      }
    </div>`;
  }

  #renderRow(c: Case, partners: Page<Partner>, agents: Page<User>, now: string): TemplateResult {
    const expanded = this.expandedId === c.id;
    const partner = partners.items.find((p) => p.id === c.partnerId)?.name ?? c.partnerId;
    return html`<tr part="row" data-case-id=${c.id} ?data-expanded=${expanded}>
        <th scope="row">
          <button
            type="button"
            class="link"
            part="select-button"
            aria-expanded=${expanded ? 'true' : 'false'}
            @click=${() => this.#select(c)}
          >
            ${c.number}<span class="visually-hidden">: ${msg('open')}</span>
          </button>
        </th>
        <td>${partner}</td>
        <td>${c.subject}</td>
        <td>${caseCategoryLabel(c.category)}</td>
        <td>${casePriority(c.priority)}</td>
        <td>${caseStatus(c.status, false)}</td>
        <td class="due">${slaCell(c, this.format, now)}</td>
        <td>
          ${
            c.assigneeId
              ? this.#agentName(c.assigneeId, agents)
              : html`<span class="muted">${msg('Unassigned')}</span>`
          }
        </td>
        <td>${this.#renderActions(c)}</td>
      </tr>
      ${
        expanded
          ? html`<tr class="detail" part="detail">
              <td colspan="9">
                <p class="text">${c.description}</p>
              </td>
            </tr>`
          : nothing
      }`;
  }

  #renderActions(c: Case): TemplateResult {
    const viewer = this.viewer;
    const busy = this.#write.pending ? 'true' : 'false';
    const mayAssign = this.#mayAssign(c);
    const mine = c.assigneeId !== null && c.assigneeId === viewer?.userId;
    const which = html`<span class="visually-hidden"> ${c.number}</span>`;
    const moves = this.#moves(c);
    return html`<div part="row-actions">
      ${
        mayAssign && !mine
          ? html`<button
              type="button"
              part="assign-me-button"
              aria-disabled=${busy}
              @click=${() => void this.#run(c.id, { kind: 'assign', assigneeId: viewer!.userId })}
            >
              ${msg('Assign to me')}${which}
            </button>`
          : nothing
      }
      ${
        mayAssign
          ? html`<button
              type="button"
              part="assign-button"
              aria-haspopup="dialog"
              @click=${(event: Event) =>
                void this.#openDialog(
                  { kind: 'assign', caseId: c.id },
                  event.currentTarget as HTMLElement,
                )}
            >
              ${msg('Assign to…')}${which}
            </button>`
          : nothing
      }
      ${
        mayAssign && c.assigneeId !== null
          ? html`<button
              type="button"
              part="unassign-button"
              aria-disabled=${busy}
              @click=${() => void this.#run(c.id, { kind: 'assign', assigneeId: null })}
            >
              ${msg('Unassign')}${which}
            </button>`
          : nothing
      }
      ${moves.map((move) => this.#renderMove(c, move, busy, which))}
    </div>`;
  }

  #renderMove(
    c: Case,
    move: { to: QueueMove; requires: readonly TransitionRequirement[] },
    busy: 'true' | 'false',
    which: TemplateResult,
  ): TemplateResult {
    switch (move.to) {
      case 'in_progress':
        return html`<button
          type="button"
          part="start-button"
          aria-disabled=${busy}
          @click=${() => void this.#run(c.id, { kind: 'move', to: 'in_progress' })}
        >
          ${msg('Start work')}${which}
        </button>`;
      case 'awaiting_partner':
        return html`<button
          type="button"
          part="ask-button"
          aria-haspopup="dialog"
          @click=${(event: Event) =>
            void this.#openDialog(
              { kind: 'ask', caseId: c.id, requires: move.requires },
              event.currentTarget as HTMLElement,
            )}
        >
          ${msg('Ask the partner…')}${which}
        </button>`;
      case 'resolved':
        return html`<button
          type="button"
          part="resolve-button"
          aria-disabled=${busy}
          @click=${() => void this.#run(c.id, { kind: 'move', to: 'resolved' })}
        >
          ${msg('Resolve')}${which}
        </button>`;
    }
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const open = this.dialogOpen;
    if (!open) return nothing;
    const c = this.#case(open.caseId);
    const number = c?.number ?? '';
    const pending = this.#write.pending;
    const failure = this.failure;
    const assign = open.kind === 'assign';
    return dialog({
      id: DIALOG,
      heading: assign ? msg(str`Assign ${number}`) : msg(str`Ask the partner about ${number}`),
      onClose: this.#onDialogClose,
      onCancel: this.#onCancel,
      body: html`<form id="${DIALOG}-form" class="form" novalidate @submit=${this.#onDialogSubmit}>
        ${
          failure !== undefined && this.errors.size === 0
            ? html`<div class="alert" part="dialog-error" role="alert" tabindex="-1">
                <p>${errorMessage(failure)}</p>
                ${isStale(failure) ? html`<p>${this.#staleText()}</p>` : nothing}
              </div>`
            : nothing
        }
        ${assign ? this.#renderAgentField(open.caseId) : this.#renderMessageField(open.requires)}
      </form>`,
      actions: html`<button
          type="button"
          part="cancel-button"
          @click=${() => this.#closeDialog(true)}
        >
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          part="submit-button"
          form="${DIALOG}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Saving…') : assign ? msg('Assign') : msg('Send and wait for the partner')}
        </button>`,
    });
  }

  #renderAgentField(caseId: string): unknown {
    return renderStates(
      this,
      [this.#agents, this.#open],
      (agents: Page<User>, open: Page<Case>) => {
        const c = this.#case(caseId);
        const suggestion = this.#suggestion(caseId, agents, open);
        const selected = this.agentId || (suggestion?.agentId ?? '');
        const suggested = suggestion
          ? agents.items.find((a) => a.id === suggestion.agentId)
          : undefined;
        const hint =
          suggestion && suggested && c
            ? suggestion.reason === 'handles_category'
              ? msg(str`Suggested: ${suggested.name}, handles ${caseCategoryLabel(c.category)}`)
              : msg(
                  str`Suggested: ${suggested.name}, fewest open cases (${this.format.number(suggestion.openCases)})`,
                )
            : undefined;
        return html`${field(
          { id: AGENT, label: msg('Agent'), error: this.errors.get('agent'), required: true },
          (a) =>
            html`<select
              id=${a.id}
              part="agent-select"
              required
              aria-describedby=${ifDefined(
                [a.describedBy, hint ? `${AGENT}-suggestion` : undefined]
                  .filter(Boolean)
                  .join(' ') || undefined,
              )}
              aria-invalid=${ifDefined(a.invalid)}
              @change=${this.#onAgent}
            >
              <option value="" ?selected=${selected === ''}>${msg('Choose an agent')}</option>
              ${agents.items
                .filter((agent) => agent.active)
                .map(
                  (agent) =>
                    html`<option value=${agent.id} ?selected=${selected === agent.id}>
                      ${agent.name}${agent.id === c?.assigneeId ? msg(' (assigned now)') : ''}
                    </option>`,
                )}
            </select>`,
        )}
        ${
          hint
            ? html`<p class="muted" id="${AGENT}-suggestion" part="suggestion">${hint}</p>`
            : nothing
        }`;
      },
      { label: msg('Loading the support agents') },
    );
  }

  #renderMessageField(requires: readonly TransitionRequirement[]): TemplateResult {
    const required = requires.includes('message');
    return field(
      {
        id: MESSAGE,
        label: msg('What the partner should send or answer'),
        hint: msg('The partner sees this message with the case.'),
        error: this.errors.get('message'),
        required,
      },
      (a) =>
        html`<textarea
          id=${a.id}
          part="message-input"
          ?required=${required}
          aria-describedby=${ifDefined(a.describedBy)}
          aria-invalid=${ifDefined(a.invalid)}
          .value=${this.message}
          @input=${this.#onMessage}
        ></textarea>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-case-queue': PrmCaseQueue;
  }
}
