/**
 * What a person may do with one deal registration, shared by `<prm-deal-registration-list>`
 * and `<prm-deal-registration-detail>`: submit a draft, withdraw (confirmed), answer a
 * returned one and resubmit, request a longer protection window, convert an approved one to
 * an opportunity. Which actions show is core's rule, previewed (`availableTransitions`, `can`,
 * `extensionEligibility`); the backend enforces it. Every write carries the record's
 * `version`, so a change by someone else meanwhile is refused and offered as a reload.
 */
import { msg, str } from '@lit/localize';
import {
  availableTransitions,
  can,
  extensionEligibility,
  isPrmError,
  protectionRemaining,
  type DealRegistration,
  type DealRegistrationRules,
  type DealStatus,
  type RecordScope,
  type Viewer,
} from '@prm-kit/core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController } from '../client/controllers.js';
import { PrmDealConvertedEvent, PrmDealSubmittedEvent } from '../events.js';
import { errorMessage } from '../localize.js';
import { dialog } from './dialog.js';
import { pill } from './status.js';
import { DraftController } from './draft.js';
import { field } from './field.js';
import type { PrmElement } from './prm-element.js';

/** The actions, in the order their buttons appear. */
export const DEAL_ACTIONS = ['submit', 'resubmit', 'extend', 'convert', 'withdraw'] as const;
export type DealAction = (typeof DEAL_ACTIONS)[number];

/** What a deal's actions depend on besides the record: its partner's channel manager and its program's rules. */
export interface DealContext {
  channelManagerId?: string | null | undefined;
  rules?: Pick<DealRegistrationRules, 'maxExtensions' | 'extensionDays'> | undefined;
}

/** The record scope of a registration, as core `can` needs it. */
export function dealScope(deal: DealRegistration, context: DealContext = {}): RecordScope {
  return {
    partnerId: deal.partnerId,
    ownerId: deal.submittedBy,
    channelManagerId: context.channelManagerId ?? null,
  };
}

/** The status each transition action moves to. */
const MOVES: Partial<Record<DealAction, { from: readonly DealStatus[]; to: DealStatus }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  resubmit: { from: ['returned'], to: 'submitted' },
  convert: { from: ['approved'], to: 'converted' },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn' },
};

/** The actions `viewer` may take on `deal` now, per core's rules (a preview; the backend decides). */
export function dealActions(
  viewer: Viewer | undefined,
  deal: DealRegistration,
  context: DealContext = {},
  now: string = new Date().toISOString(),
): DealAction[] {
  if (!viewer) return [];
  const scope = dealScope(deal, context);
  const moves = availableTransitions('deals', deal.status, viewer.role).map((move) => move.to);
  return DEAL_ACTIONS.filter((action) => {
    if (action === 'extend') {
      return (
        context.rules !== undefined &&
        can(viewer, 'deals.extend', scope) &&
        extensionEligibility(deal, context.rules, now).eligible
      );
    }
    const move = MOVES[action];
    if (!move?.from.includes(deal.status) || !moves.includes(move.to)) return false;
    if (action === 'convert') return can(viewer, 'deals.convert', scope);
    return can(viewer, 'deals.transition', scope);
  });
}

/** The button label of an action. */
export function dealActionLabel(action: DealAction): string {
  const labels: Record<DealAction, string> = {
    submit: msg('Submit'),
    resubmit: msg('Answer and resubmit'),
    extend: msg('Request extension'),
    convert: msg('Convert to opportunity'),
    withdraw: msg('Withdraw', { id: 'deal-withdraw' }),
  };
  return labels[action];
}

/**
 * The protection countdown of an approved registration ("Protected for 12 more days"), with
 * an "Expiring soon" pill by core's rule (`protectionRemaining`); nothing for other statuses.
 */
export function protectionCountdown(
  deal: DealRegistration,
  now: string = new Date().toISOString(),
): TemplateResult | typeof nothing {
  if (deal.status !== 'approved') return nothing;
  const left = protectionRemaining(deal, now);
  if (!left) return nothing;
  if (left.ended) return html`<span part="countdown">${msg('Protection ended')}</span>`;
  const text =
    left.days > 1
      ? msg(str`Protected for ${left.days} more days`)
      : left.days === 1
        ? msg('Protected for 1 more day')
        : left.hours > 1
          ? msg(str`Protected for ${left.hours} more hours`)
          : msg('Protected for about one more hour');
  return html`<span class="countdown" part="countdown">${text}</span>
    ${left.expiringSoon ? pill(msg('Expiring soon'), 'warning') : nothing}
    ${deal.extension?.status === 'requested' ? pill(msg('Extension requested'), 'accent') : nothing}`;
}

/** Actions that ask something first (a confirmation, a message, a reason). */
type DialogAction = Extract<DealAction, 'withdraw' | 'resubmit' | 'extend'>;
const asksFirst = (action: DealAction): action is DialogAction =>
  action === 'withdraw' || action === 'resubmit' || action === 'extend';

type Failure = { kind: 'conflict' } | { kind: 'error'; error: unknown };

interface Open {
  action: DialogAction;
  deal: DealRegistration;
  opener: HTMLElement | undefined;
}

const DIALOG = 'deal-action-dialog';
const TEXT = `${DIALOG}-text`;

/**
 * The action flow of one element: `renderButtons(deal, context)` where a registration's
 * actions belong, `render()` outside the state views (a refetch never removes an open
 * dialog), `renderNotice()` where the outcome is announced.
 */
export class DealActionFlow implements ReactiveController {
  readonly #host: PrmElement;
  readonly #write: MutationController<
    DealRegistration,
    [DealRegistration, DealAction, string, number | undefined]
  >;
  readonly #draft: DraftController<string>;
  #open: Open | undefined;
  #text = '';
  #textError: string | undefined;
  #failure: Failure | undefined;
  /** A returned registration whose answer was posted but whose resubmission failed: its new version. */
  #answered: { dealId: string; version: number } | undefined;
  #notice: { text: string; tone: 'success' | 'error'; failure?: Failure } | undefined;

  constructor(host: PrmElement) {
    this.#host = host;
    this.#write = new MutationController(host, (client, deal, action, text, answeredVersion) =>
      client.mutate('deals', async (adapter) => {
        const { id, version } = deal;
        switch (action) {
          case 'submit':
            return adapter.deals.transition(id, 'submitted', { version });
          case 'withdraw':
            return adapter.deals.transition(id, 'withdrawn', { version });
          case 'convert':
            return adapter.deals.transition(id, 'converted', { version });
          case 'extend':
            return adapter.deals.requestExtension(id, text, { version });
          case 'resubmit': {
            // The answer goes into the conversation first; a retry after a failed
            // resubmission does not post it twice.
            let at = answeredVersion;
            if (at === undefined) {
              at = (await adapter.deals.comment(id, { body: text }, { version })).version;
              this.#answered = { dealId: id, version: at };
            }
            return adapter.deals.transition(id, 'submitted', { version: at });
          }
        }
      }),
    );
    this.#draft = new DraftController(host, () => {
      const open = this.#open;
      const viewer = host.viewer;
      return open && open.action !== 'withdraw' && viewer
        ? `deal-action:${viewer.userId}:${open.deal.id}:${open.action}`
        : undefined;
    });
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: a flow begins when the host's viewer picks an action.
  }

  /** True while a write runs. */
  get pending(): boolean {
    return this.#write.pending;
  }

  /** One button per action the viewer may take (none when it may take none). */
  renderButtons(deal: DealRegistration, context: DealContext): TemplateResult | typeof nothing {
    const actions = dealActions(this.#host.viewer, deal, context);
    if (actions.length === 0) return nothing;
    const pending = this.#write.pending;
    return html`<div class="deal-actions" part="actions">
      ${actions.map(
        (action) =>
          html`<button
            type="button"
            part="action action-${action}"
            class=${action === 'withdraw' ? 'danger' : action === 'convert' ? 'primary' : ''}
            data-action=${action}
            aria-disabled=${pending ? 'true' : 'false'}
            @click=${(event: Event) =>
              void this.start(action, deal, event.currentTarget as HTMLElement)}
          >
            ${dealActionLabel(action)}<span class="visually-hidden"> ${deal.number}</span>
          </button>`,
      )}
    </div>`;
  }

  /** Starts an action: at once (submit, convert) or through its dialog. */
  async start(action: DealAction, deal: DealRegistration, opener?: HTMLElement): Promise<void> {
    if (this.#write.pending) return;
    this.#notice = undefined;
    this.#failure = undefined;
    this.#write.reset();
    if (!asksFirst(action)) {
      await this.#run(action, deal, '');
      return;
    }
    this.#open = { action, deal, opener };
    this.#text = this.#draft.read() ?? '';
    this.#textError = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const element = this.#dialog();
    if (element && !element.open) element.showModal();
    this.#host.renderRoot.querySelector<HTMLElement>(`#${TEXT}`)?.focus();
  }

  /** The live region with the last outcome (empty until an action ran). */
  renderNotice(): TemplateResult {
    const notice = this.#notice;
    return html`<div class="notice" part="notice" tabindex="-1">
      <div role="status">
        ${
          notice?.tone === 'success'
            ? html`<p class="alert" data-tone="success">${notice.text}</p>`
            : nothing
        }
      </div>
      <div role="alert">
        ${notice?.tone === 'error' ? this.#renderFailure(notice.failure) : nothing}
      </div>
    </div>`;
  }

  /** The dialog of the action being asked; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    const open = this.#open;
    if (!open) return nothing;
    const { action, deal } = open;
    const pending = this.#write.pending;
    const headings: Record<DialogAction, string> = {
      withdraw: msg(str`Withdraw ${deal.number}?`),
      resubmit: msg(str`Answer and resubmit ${deal.number}`),
      extend: msg(str`Request a protection extension for ${deal.number}`),
    };
    const confirms: Record<DialogAction, [string, string]> = {
      withdraw: [msg('Withdraw registration'), msg('Withdrawing…', { id: 'deal-withdrawing' })],
      resubmit: [msg('Send answer and resubmit'), msg('Sending…')],
      extend: [msg('Request extension'), msg('Requesting…')],
    };
    const [label, busy] = confirms[action];
    return dialog({
      id: DIALOG,
      heading: headings[action],
      onClose: () => void this.#closed(),
      onCancel: () => this.#close(false),
      body: html`<form id="${DIALOG}-form" class="form" novalidate @submit=${this.#submit}>
        ${this.#failure ? html`<div role="alert">${this.#renderFailure(this.#failure)}</div>` : nothing}
        ${
          action === 'withdraw'
            ? html`<p>
                ${msg(
                  str`${deal.customer.company} will no longer be registered to your company. This cannot be undone.`,
                )}
              </p>`
            : this.#renderText(action, deal)
        }
      </form>`,
      actions: html`<button type="button" part="cancel-button" @click=${this.#cancel}>
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class=${action === 'withdraw' ? 'danger' : 'primary'}
          part="confirm-button"
          form="${DIALOG}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? busy : label}
        </button>`,
    });
  }

  #renderText(action: 'resubmit' | 'extend', deal: DealRegistration): TemplateResult {
    const question = action === 'resubmit' ? deal.decision?.message : undefined;
    return html`${
      question
        ? html`<blockquote part="question">
            <span class="muted">${msg('Asked by the reviewer:')}</span> ${question}
          </blockquote>`
        : nothing
    }
    ${field(
      {
        id: TEXT,
        label:
          action === 'resubmit' ? msg('Your answer') : msg('Why does the customer need more time?'),
        hint:
          action === 'resubmit'
            ? msg('Your answer is added to the conversation, then the registration is resubmitted.')
            : undefined,
        error: this.#textError,
        required: true,
      },
      (a) =>
        html`<textarea
          id=${a.id}
          part="text"
          rows="4"
          required
          aria-describedby=${ifDefined(a.describedBy)}
          aria-invalid=${ifDefined(a.invalid)}
          .value=${this.#text}
          @input=${this.#onInput}
        ></textarea>`,
    )}`;
  }

  #renderFailure(failure: Failure | undefined): TemplateResult | typeof nothing {
    if (!failure) return nothing;
    if (failure.kind === 'conflict') {
      return html`<div class="alert" data-tone="warning" part="conflict">
        <p>${msg('This registration was changed by someone else. Reload to see the latest.')}</p>
        <div class="row">
          <button type="button" part="reload-button" @click=${this.#reload}>
            ${msg('Reload')}
          </button>
        </div>
      </div>`;
    }
    return html`<div class="alert" part="action-error"><p>${errorMessage(failure.error)}</p></div>`;
  }

  #onInput = (event: Event) => {
    this.#text = (event.target as HTMLTextAreaElement).value;
    if (this.#text.trim()) this.#textError = undefined;
    this.#draft.save(this.#text);
    this.#host.requestUpdate();
  };

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const open = this.#open;
    if (!open || this.#write.pending) return;
    if (open.action !== 'withdraw' && this.#text.trim() === '') {
      this.#textError =
        open.action === 'resubmit'
          ? msg('Write an answer to the reviewer.')
          : msg('Say why the customer needs more time.');
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>(`#${TEXT}`)?.focus();
      return;
    }
    await this.#run(open.action, open.deal, this.#text.trim());
  };

  async #run(action: DealAction, deal: DealRegistration, text: string): Promise<void> {
    this.#failure = undefined;
    const answered = this.#answered?.dealId === deal.id ? this.#answered.version : undefined;
    const saved = await this.#write.run(deal, action, text, answered);
    if (!saved) {
      const error = this.#write.error;
      if (error === undefined) return;
      const failure: Failure = isPrmError(error, 'version_conflict')
        ? { kind: 'conflict' }
        : { kind: 'error', error };
      if (this.#open) {
        this.#failure = failure;
        this.#host.requestUpdate();
      } else {
        this.#notice = { text: '', tone: 'error', failure };
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        this.#noticeElement()?.focus();
      }
      return;
    }
    this.#answered = undefined;
    const texts: Record<DealAction, string> = {
      submit: msg(str`${saved.number} submitted.`),
      resubmit: msg(str`${saved.number} answered and resubmitted.`),
      withdraw: msg(str`${saved.number} withdrawn.`),
      extend: msg(str`Extension requested for ${saved.number}.`),
      convert: msg(str`${saved.number} converted to an opportunity.`),
    };
    this.#notice = { text: texts[action], tone: 'success' };
    if (action === 'submit' || action === 'resubmit') {
      this.#host.dispatchEvent(new PrmDealSubmittedEvent(saved));
    }
    if (action === 'convert') this.#host.dispatchEvent(new PrmDealConvertedEvent(saved));
    if (this.#open) {
      this.#draft.clear();
      this.#close(true);
    } else {
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#noticeElement()?.focus();
    }
  }

  #reload = () => {
    this.#host.client?.invalidate('deals');
    this.#notice = undefined;
    this.#failure = undefined;
    this.#answered = undefined;
    this.#write.reset();
    if (this.#open) this.#close(false);
  };

  #cancel = () => {
    this.#close(false);
  };

  #done = false;

  #close(done: boolean): void {
    this.#done = done;
    const element = this.#dialog();
    if (element?.open) element.close();
    void this.#closed();
  }

  /** After the dialog closed: forget it; focus the outcome, or the button that opened it. */
  async #closed(): Promise<void> {
    if (!this.#open) return;
    const opener = this.#open.opener;
    const done = this.#done;
    this.#open = undefined;
    this.#done = false;
    this.#text = '';
    this.#textError = undefined;
    this.#failure = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (done) this.#noticeElement()?.focus();
    else if (opener?.isConnected) opener.focus();
  }

  #noticeElement(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('[part~="notice"]');
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`#${DIALOG}`);
  }
}
