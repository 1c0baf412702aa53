/**
 * Applying to a program, shared by `<prm-program-catalog>` and `<prm-program-enrollment>`:
 * the cancelable `prm-program-apply` event, then a modal dialog with the program's terms, a
 * tier choice (when the program has several) and the required acceptance, checked with core's
 * `MembershipApplication` and sent once per dialog (one idempotency key, kept across retries).
 */
import { msg, str } from '@lit/localize';
import {
  can,
  MembershipApplication,
  validate,
  type Partner,
  type Program,
  type ProgramMembership,
  type RecordScope,
  type Tier,
  type Viewer,
} from '@prm-kit/core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MutationController } from '../client/controllers.js';
import { PrmMembershipAppliedEvent, PrmProgramApplyEvent } from '../events.js';
import { errorMessage, validationMessages } from '../localize.js';
import { dialog } from './dialog.js';
import { field, fieldErrors } from './field.js';
import { newIdempotencyKey } from './idempotency.js';
import type { PrmElement } from './prm-element.js';
import { safeUrl } from './safe-url.js';

/** The record scope of a partner's memberships, as core `can` needs it. */
export function membershipScope(partner: Pick<Partner, 'id' | 'channelManagerId'>): RecordScope {
  return { partnerId: partner.id, channelManagerId: partner.channelManagerId };
}

/** May the viewer apply to programs for this partner (core `memberships.apply`)? */
export function mayApply(
  viewer: Viewer | undefined,
  partner: Pick<Partner, 'id' | 'channelManagerId'>,
): boolean {
  return viewer !== undefined && can(viewer, 'memberships.apply', membershipScope(partner));
}

/** The program's tiers, entry tier first (the tier the backend picks when none is named). */
export function tiersByRank(program: Pick<Program, 'tiers'>): Tier[] {
  return [...program.tiers].sort((a, b) => a.rank - b.rank);
}

const DIALOG = 'apply-dialog';
const TERMS = `${DIALOG}-terms`;
const TIER = `${DIALOG}-tier`;

/**
 * The apply flow of one element: call `request()` from an Apply button, render `render()`
 * outside the element's state views (so a refetch never removes an open dialog) and
 * `renderNotice()` where the outcome should be announced.
 */
export class ApplyFlow implements ReactiveController {
  readonly #host: PrmElement;
  readonly #send: MutationController<ProgramMembership, [MembershipApplication, string]>;
  #program: Program | undefined;
  #partnerId: string | undefined;
  #tierKey = '';
  #accepted = false;
  #errors = new Map<string, string>();
  #failure: unknown;
  #idempotencyKey: string | undefined;
  #opener: HTMLElement | undefined;
  #applied: ProgramMembership | undefined;
  #notice: string | undefined;

  constructor(host: PrmElement) {
    this.#host = host;
    this.#send = new MutationController(host, (client, input, idempotencyKey) =>
      client.mutate('memberships', (adapter) =>
        adapter.memberships.create(input, { idempotencyKey }),
      ),
    );
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the flow begins when the host asks to apply.
  }

  /**
   * Asks to apply: dispatches the cancelable `prm-program-apply` from the host and, unless a
   * listener cancelled it, opens the dialog. Resolves to whether the dialog opened.
   */
  async request(program: Program, partnerId: string, opener?: HTMLElement): Promise<boolean> {
    const event = new PrmProgramApplyEvent(program, partnerId);
    this.#host.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    this.#program = program;
    this.#partnerId = partnerId;
    this.#tierKey = tiersByRank(program)[0]?.key ?? '';
    this.#accepted = false;
    this.#errors = new Map();
    this.#failure = undefined;
    // One key per open dialog: a retry after a failure re-sends the same application.
    this.#idempotencyKey = newIdempotencyKey();
    this.#opener = opener;
    this.#applied = undefined;
    this.#notice = undefined;
    this.#send.reset();
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const element = this.#dialog();
    if (element && !element.open) element.showModal();
    return true;
  }

  /** The live region announcing the last application (empty until one is sent). */
  renderNotice(): TemplateResult {
    return html`<div class="notice" part="notice" role="status" tabindex="-1">
      ${this.#notice ? html`<p class="alert" data-tone="success">${this.#notice}</p>` : nothing}
    </div>`;
  }

  /** The dialog while an application is open; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    const program = this.#program;
    if (!program) return nothing;
    const tiers = tiersByRank(program);
    const termsUrl = safeUrl(program.termsUrl);
    const termsError = this.#errors.get('acceptedTermsVersion');
    const pending = this.#send.pending;
    return dialog({
      id: DIALOG,
      heading: msg(str`Apply to ${program.name}`),
      onClose: () => void this.#closed(),
      onCancel: () => this.#close(),
      body: html`<form id="${DIALOG}-form" class="form" novalidate @submit=${this.#submit}>
        ${this.#renderFailure()}
        <p part="terms">
          ${
            termsUrl
              ? html`<a href=${termsUrl} target="_blank" rel="noopener noreferrer"
                  >${msg(str`Read the program terms (version ${program.termsVersion})`)}</a
                >`
              : msg(str`Program terms: version ${program.termsVersion}`)
          }
        </p>
        ${
          tiers.length > 1
            ? field(
                {
                  id: TIER,
                  label: msg('Tier to apply for'),
                  error: this.#errors.get('tierKey'),
                  required: true,
                },
                (a) =>
                  html`<select
                    id=${a.id}
                    part="tier-select"
                    aria-describedby=${ifDefined(a.describedBy)}
                    aria-invalid=${ifDefined(a.invalid)}
                    @change=${this.#onTier}
                  >
                    ${tiers.map(
                      (tier) =>
                        html`<option value=${tier.key} ?selected=${tier.key === this.#tierKey}>
                          ${tier.name}
                        </option>`,
                    )}
                  </select>`,
              )
            : nothing
        }
        <div class="field" part="field">
          <div class="checkbox">
            <input
              type="checkbox"
              id=${TERMS}
              part="accept-terms"
              required
              .checked=${this.#accepted}
              aria-invalid=${ifDefined(termsError ? 'true' : undefined)}
              aria-describedby=${ifDefined(termsError ? `${TERMS}-error` : undefined)}
              @change=${this.#onAccept}
            />
            <label for=${TERMS}
              >${msg(str`I accept the program terms (version ${program.termsVersion})`)}</label
            >
          </div>
          ${
            termsError
              ? html`<span class="error" id="${TERMS}-error" part="field-error"
                  >${termsError}</span
                >`
              : nothing
          }
        </div>
      </form>`,
      actions: html`<button type="button" part="cancel-button" @click=${this.#cancel}>
          ${msg('Cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          part="submit-button"
          form="${DIALOG}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Applying…') : msg('Apply')}
        </button>`,
    });
  }

  /** A failure the fields cannot show: a network error, or a reason the partner may not join. */
  #renderFailure(): TemplateResult | typeof nothing {
    if (this.#failure === undefined) return nothing;
    const known = new Set(['acceptedTermsVersion', 'tierKey']);
    const messages = [...this.#errors].filter(([path]) => !known.has(path)).map(([, m]) => m);
    if (this.#errors.size > 0 && messages.length === 0) return nothing;
    return html`<div class="alert" part="error" role="alert">
      ${
        messages.length > 0
          ? html`<ul>
              ${messages.map((message) => html`<li>${message}</li>`)}
            </ul>`
          : html`<p>${errorMessage(this.#failure)}</p>`
      }
    </div>`;
  }

  #onTier = (event: Event) => {
    this.#tierKey = (event.target as HTMLSelectElement).value;
    this.#errors.delete('tierKey');
    this.#host.requestUpdate();
  };

  #onAccept = (event: Event) => {
    this.#accepted = (event.target as HTMLInputElement).checked;
    if (this.#accepted) this.#errors.delete('acceptedTermsVersion');
    this.#host.requestUpdate();
  };

  #cancel = () => {
    this.#close();
  };

  /**
   * Closes the dialog and tidies up at once: Chrome fires `close` with the next rendering
   * update, which a hidden page never has. Escape still arrives through the `close` event.
   */
  #close(): void {
    const element = this.#dialog();
    if (element?.open) element.close();
    void this.#closed();
  }

  #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const program = this.#program;
    const idempotencyKey = this.#idempotencyKey;
    if (!program || !idempotencyKey || this.#send.pending) return;
    const checked = validate(
      MembershipApplication,
      {
        programId: program.id,
        partnerId: this.#partnerId,
        tierKey: this.#tierKey || undefined,
        acceptedTermsVersion: this.#accepted ? program.termsVersion : '',
      },
      { messages: validationMessages() },
    );
    if (!checked.ok) {
      this.#showErrors(checked.error);
      return;
    }
    this.#errors = new Map();
    this.#failure = undefined;
    const membership = await this.#send.run(checked.value, idempotencyKey);
    // The dialog may have been closed (and another opened) while this was sending.
    const current = this.#idempotencyKey === idempotencyKey;
    if (!membership) {
      // `undefined` without an error: a second click while the first was sending.
      if (current && this.#send.error !== undefined) this.#showErrors(this.#send.error);
      return;
    }
    this.#notice =
      membership.status === 'active'
        ? msg(str`Enrolled in ${program.name}.`)
        : msg(str`Application to ${program.name} sent. It is waiting for approval.`);
    this.#host.dispatchEvent(new PrmMembershipAppliedEvent(membership));
    if (current) {
      this.#applied = membership;
      this.#close();
    } else {
      this.#host.requestUpdate();
    }
  };

  /** Shows a rejection in the dialog, keeping the tier and the checkbox as they are. */
  #showErrors(error: unknown): void {
    this.#errors = fieldErrors(error);
    this.#failure = error;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot;
      const target = this.#errors.has('acceptedTermsVersion')
        ? root.querySelector<HTMLElement>(`#${TERMS}`)
        : this.#errors.has('tierKey')
          ? root.querySelector<HTMLElement>(`#${TIER}`)
          : undefined;
      target?.focus();
    });
  }

  /** After the dialog closed (applied, cancelled or Escape): forget it and put focus back. */
  async #closed(): Promise<void> {
    if (!this.#program) return;
    const opener = this.#opener;
    const applied = this.#applied !== undefined;
    this.#program = undefined;
    this.#idempotencyKey = undefined;
    this.#opener = undefined;
    this.#errors = new Map();
    this.#failure = undefined;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // After applying, the program leaves the list its button was in: announce and focus the outcome.
    const notice = this.#host.renderRoot.querySelector<HTMLElement>('[part~="notice"]');
    if (applied && notice) notice.focus();
    else if (opener?.isConnected) opener.focus();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`#${DIALOG}`);
  }
}
