import { msg, str } from '@lit/localize';
import {
  MAX_PAGE_SIZE,
  availableTransitions,
  can,
  isTerminalStatus,
  type AvailableTransition,
  type MembershipStatus,
  type Partner,
  type Program,
  type ProgramEligibility,
  type ProgramMembership,
} from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { MutationController, QueryController } from '../../client/controllers.js';
import { PrmMembershipWithdrawnEvent } from '../../events.js';
import { ApplyFlow, mayApply, membershipScope } from '../../internal/apply-to-program.js';
import { dialog } from '../../internal/dialog.js';
import { DraftController } from '../../internal/draft.js';
import { field } from '../../internal/field.js';
import { PrmElement } from '../../internal/prm-element.js';
import { membershipStatus } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { errorMessage, validationMessages } from '../../localize.js';
import { programEnrollmentStyles } from './program-enrollment.styles.js';

const WITHDRAW = 'withdraw-dialog';
const REASON = `${WITHDRAW}-reason`;
const APPLY_PROGRAM = 'apply-program';

/**
 * @summary A partner's program memberships — status, tier, renewal and entitlements — with
 * withdrawal where the viewer may withdraw, and applying to another program with the terms
 * accepted in a dialog.
 *
 * @fires prm-program-apply - Apply was pressed (cancelable: cancel it to handle the application yourself).
 * @fires prm-membership-applied - An application was sent; `membership` is the new membership.
 * @fires prm-membership-withdrawn - A membership was withdrawn; `membership` is it, now withdrawn.
 *
 * @csspart base - The enrollment.
 * @csspart current - The section of current memberships (applied, active, suspended).
 * @csspart past - The section of past memberships (rejected, expired, withdrawn).
 * @csspart membership - One membership (also `past` on past ones).
 * @csspart status - A membership's status pill.
 * @csspart entitlements - A membership's entitlements.
 * @csspart withdraw-button - The Withdraw button of a membership.
 * @csspart apply - The "Apply to a program" section.
 * @csspart apply-button - The button that starts an application.
 * @csspart notice - The announcement after an application or a withdrawal.
 * @csspart dialog - The apply and withdraw dialogs.
 * @csspart accept-terms - The terms checkbox in the apply dialog.
 * @csspart tier-select - The tier choice in the apply dialog.
 * @csspart submit-button - The confirming button of a dialog.
 * @csspart cancel-button - The Cancel button of a dialog.
 * @cssproperty --prm-program-enrollment-radius - Corner radius of a membership card.
 */
export class PrmProgramEnrollment extends PrmElement {
  static override styles = [...PrmElement.styles, programEnrollmentStyles];

  readonly #partner = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id ? client.get('partners', id) : undefined;
  });
  readonly #memberships = new QueryController(this, (client) => {
    const partnerId = this.partnerOrOwn(this.partnerId);
    return partnerId
      ? client.list('memberships', {
          filter: { partnerId },
          sort: '-createdAt',
          limit: MAX_PAGE_SIZE,
        })
      : undefined;
  });
  readonly #programs = new QueryController(this, (client) =>
    this.partnerOrOwn(this.partnerId)
      ? client.list('programs', { limit: MAX_PAGE_SIZE })
      : undefined,
  );
  readonly #eligibility = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id ? client.eligibility(id) : undefined;
  });
  readonly #apply: ApplyFlow = new ApplyFlow(this);
  readonly #withdraw = new MutationController(
    this,
    (client, membership: ProgramMembership, reason: string | undefined) =>
      client.mutate('memberships', (adapter) =>
        adapter.memberships.transition(membership.id, 'withdrawn', {
          version: membership.version,
          ...(reason ? { reason } : {}),
        }),
      ),
  );
  /** The withdrawal reason, kept per viewer and membership until the withdrawal succeeds. */
  readonly #draft = new DraftController<{ reason: string }>(this, () =>
    this.viewer && this.#withdrawing
      ? `prm-program-enrollment:withdraw:${this.viewer.userId}:${this.#withdrawing.membership.id}`
      : undefined,
  );

  #withdrawing:
    | { membership: ProgramMembership; name: string; move: AvailableTransition<MembershipStatus> }
    | undefined;
  #reason = '';
  #reasonError: string | undefined;
  #withdrawFailure: unknown;
  #withdrawOpener: HTMLElement | undefined;
  #withdrawn: string | undefined;
  #selectedProgramId = '';

  /**
   * The partner whose memberships to show. Defaults to the signed-in partner user's own; an
   * enterprise viewer (channel manager, enterprise admin) names one.
   */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;

  protected override render() {
    return html`${this.#content()}${this.#apply.render()}${this.#renderWithdrawDialog()}`;
  }

  #content(): unknown {
    if (this.viewer && !this.partnerOrOwn(this.partnerId)) {
      return emptyView(msg('Choose a partner to see its programs.'));
    }
    return renderStates(
      this,
      [this.#partner, this.#memberships, this.#programs, this.#eligibility],
      (partner, memberships, programs, eligibility) =>
        this.#renderEnrollment(partner, memberships.items, programs.items, eligibility),
      { label: msg('Loading memberships') },
    );
  }

  #renderEnrollment(
    partner: Partner,
    memberships: readonly ProgramMembership[],
    programs: readonly Program[],
    eligibility: readonly ProgramEligibility[],
  ): TemplateResult {
    const byId = new Map(programs.map((program) => [program.id, program]));
    const current = memberships.filter((m) => !isTerminalStatus('memberships', m.status));
    const past = memberships.filter((m) => isTerminalStatus('memberships', m.status));
    const open = eligibility.flatMap((entry) => {
      const program = entry.eligible ? byId.get(entry.programId) : undefined;
      return program ? [program] : [];
    });
    const notices = html`${this.#apply.renderNotice()}
      <div class="notice" part="notice" role="status" tabindex="-1" id="withdraw-notice">
        ${this.#withdrawn ? html`<p class="alert" data-tone="success">${this.#withdrawn}</p>` : nothing}
      </div>`;
    const heading =
      this.viewer?.partnerId === null
        ? html`<p class="muted">${msg(str`Programs of ${partner.name}`)}</p>`
        : nothing;
    if (memberships.length === 0) {
      return html`<div part="base">
        ${notices} ${heading} ${emptyView(msg('Not enrolled in any program yet.'))}
        ${this.#renderApplySection(partner, open)}
      </div>`;
    }
    return html`<div part="base">
      ${notices} ${heading}
      <section part="current" aria-labelledby="current-heading">
        <h2 id="current-heading">${msg('Current memberships')}</h2>
        ${
          current.length > 0
            ? html`<ul class="memberships">
                ${repeat(
                  current,
                  (m) => m.id,
                  (m, index) =>
                    html`<li>${this.#renderCurrent(m, index, byId.get(m.programId), partner)}</li>`,
                )}
              </ul>`
            : html`<p class="muted">${msg('Not enrolled in any program now.')}</p>`
        }
      </section>
      ${this.#renderApplySection(partner, open)}
      ${
        past.length > 0
          ? html`<section part="past" aria-labelledby="past-heading">
              <h2 id="past-heading">${msg('Past memberships')}</h2>
              <ul class="memberships">
                ${repeat(
                  past,
                  (m) => m.id,
                  (m, index) => html`<li>${this.#renderPast(m, index, byId.get(m.programId))}</li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    </div>`;
  }

  #renderCurrent(
    membership: ProgramMembership,
    index: number,
    program: Program | undefined,
    partner: Partner,
  ): TemplateResult {
    const headingId = `current-${index}`;
    const name = program?.name ?? membership.programId;
    const move = this.#withdrawMove(membership, partner);
    const { startedAt, renewsAt, acceptedTerms, entitlements } = membership;
    return html`<article
      class="panel membership"
      part="membership"
      aria-labelledby=${headingId}
      data-membership-id=${membership.id}
    >
      <header>
        <h3 id=${headingId}>${name}</h3>
        ${membershipStatus(membership.status)}
      </header>
      <dl class="details">
        <dt>${msg('Tier')}</dt>
        <dd>${this.#tierName(membership, program)}</dd>
        <dt>${msg('Started')}</dt>
        <dd>${startedAt ? this.format.date(startedAt) : msg('Not yet: waiting for approval')}</dd>
        ${
          renewsAt
            ? html`<dt>${msg('Renewal')}</dt>
                <dd>
                  ${this.format.date(renewsAt)}
                  <span class="muted">(${msg(str`renews ${this.format.relative(renewsAt)}`)})</span>
                </dd>`
            : nothing
        }
        <dt>${msg('Terms accepted')}</dt>
        <dd>
          ${msg(str`Version ${acceptedTerms.version} on ${this.format.date(acceptedTerms.at)}`)}
        </dd>
      </dl>
      ${
        entitlements.length > 0
          ? html`<div part="entitlements">
              <p class="subhead">${msg('Entitlements')}</p>
              <ul class="entitlements">
                ${entitlements.map(
                  ({ label, used, total }) =>
                    html`<li>
                      ${
                        total === null
                          ? msg(str`${label}: ${this.format.number(used)} used`)
                          : msg(
                              str`${label}: ${this.format.number(used)} of ${this.format.number(total)} used`,
                            )
                      }
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${
        move
          ? html`<div class="actions">
              <button
                type="button"
                class="danger"
                part="withdraw-button"
                aria-label=${msg(str`Withdraw from ${name}`)}
                @click=${(event: Event) =>
                  void this.#openWithdraw(
                    membership,
                    name,
                    move,
                    event.currentTarget as HTMLElement,
                  )}
              >
                ${msg('Withdraw')}
              </button>
            </div>`
          : nothing
      }
    </article>`;
  }

  #renderPast(
    membership: ProgramMembership,
    index: number,
    program: Program | undefined,
  ): TemplateResult {
    const headingId = `past-${index}`;
    const last = membership.history.at(-1);
    return html`<article
      class="panel membership past"
      part="membership past"
      aria-labelledby=${headingId}
      data-membership-id=${membership.id}
    >
      <header>
        <h3 id=${headingId}>${program?.name ?? membership.programId}</h3>
        ${membershipStatus(membership.status)}
      </header>
      <dl class="details">
        <dt>${msg('Tier')}</dt>
        <dd>${this.#tierName(membership, program)}</dd>
        ${
          last
            ? html`<dt>${msg('Since')}</dt>
                <dd>${this.format.date(last.at)}</dd>
                ${
                  last.reason
                    ? html`<dt>${msg('Reason')}</dt>
                        <dd>${last.reason}</dd>`
                    : nothing
                }`
            : nothing
        }
      </dl>
    </article>`;
  }

  #renderApplySection(partner: Partner, open: readonly Program[]): TemplateResult | typeof nothing {
    if (!mayApply(this.viewer, partner)) return nothing;
    const selected = open.find((program) => program.id === this.#selectedProgramId) ?? open[0];
    return html`<section part="apply" aria-labelledby="apply-heading">
      <h2 id="apply-heading">${msg('Apply to a program')}</h2>
      ${
        selected
          ? html`<form
              class="apply-entry"
              novalidate
              @submit=${(event: SubmitEvent) => {
                event.preventDefault();
                const opener = event.submitter instanceof HTMLElement ? event.submitter : undefined;
                void this.#apply.request(selected, partner.id, opener);
              }}
            >
              ${field(
                { id: APPLY_PROGRAM, label: msg('Program') },
                (a) =>
                  html`<select
                    id=${a.id}
                    aria-describedby=${ifDefined(a.describedBy)}
                    @change=${(event: Event) => {
                      this.#selectedProgramId = (event.target as HTMLSelectElement).value;
                      this.requestUpdate();
                    }}
                  >
                    ${open.map(
                      (program) =>
                        html`<option value=${program.id} ?selected=${program.id === selected.id}>
                          ${program.name}
                        </option>`,
                    )}
                  </select>`,
              )}
              <button type="submit" class="primary" part="apply-button">${msg('Apply…')}</button>
            </form>`
          : html`<p class="muted">${msg('No other programs are open to join now.')}</p>`
      }
    </section>`;
  }

  #renderWithdrawDialog(): TemplateResult | typeof nothing {
    const withdrawing = this.#withdrawing;
    if (!withdrawing) return nothing;
    const required = withdrawing.move.requires.includes('reason');
    const pending = this.#withdraw.pending;
    return dialog({
      id: WITHDRAW,
      heading: msg(str`Withdraw from ${withdrawing.name}?`),
      onClose: () => void this.#withdrawClosed(),
      onCancel: () => this.#closeWithdraw(),
      body: html`<form
        id="${WITHDRAW}-form"
        class="form"
        novalidate
        @submit=${this.#submitWithdraw}
      >
        ${
          this.#withdrawFailure === undefined
            ? nothing
            : html`<div class="alert" part="error" role="alert">
                <p>${errorMessage(this.#withdrawFailure)}</p>
              </div>`
        }
        <p>
          ${msg(
            'The partner leaves the program and loses its benefits. To take part again, apply again.',
          )}
        </p>
        ${field(
          {
            id: REASON,
            label: required ? msg('Reason') : msg('Reason (optional)'),
            error: this.#reasonError,
            required,
          },
          (a) =>
            html`<textarea
              id=${a.id}
              aria-describedby=${ifDefined(a.describedBy)}
              aria-invalid=${ifDefined(a.invalid)}
              ?required=${required}
              maxlength="1000"
              .value=${this.#reason}
              @input=${this.#onReason}
            ></textarea>`,
        )}
      </form>`,
      actions: html`<button type="button" part="cancel-button" @click=${this.#cancelWithdraw}>
          ${msg('Keep membership')}
        </button>
        <button
          type="submit"
          class="danger"
          part="submit-button"
          form="${WITHDRAW}-form"
          aria-disabled=${pending ? 'true' : 'false'}
        >
          ${pending ? msg('Withdrawing…') : msg('Withdraw')}
        </button>`,
    });
  }

  /** The withdrawal the viewer may make now (core capabilities and transition table), if any. */
  #withdrawMove(
    membership: ProgramMembership,
    partner: Partner,
  ): AvailableTransition<MembershipStatus> | undefined {
    const viewer = this.viewer;
    if (!viewer || !can(viewer, 'memberships.transition', membershipScope(partner))) {
      return undefined;
    }
    return availableTransitions('memberships', membership.status, viewer.role).find(
      (move) => move.to === 'withdrawn',
    );
  }

  async #openWithdraw(
    membership: ProgramMembership,
    name: string,
    move: AvailableTransition<MembershipStatus>,
    opener: HTMLElement,
  ): Promise<void> {
    this.#withdrawing = { membership, name, move };
    this.#reason = this.#draft.read()?.reason ?? '';
    this.#reasonError = undefined;
    this.#withdrawFailure = undefined;
    this.#withdrawOpener = opener;
    this.#withdrawn = undefined;
    this.#withdraw.reset();
    this.requestUpdate();
    await this.updateComplete;
    const element = this.#withdrawDialog();
    if (element && !element.open) element.showModal();
  }

  #onReason = (event: Event) => {
    this.#reason = (event.target as HTMLTextAreaElement).value;
    this.#reasonError = undefined;
    this.#draft.save({ reason: this.#reason });
  };

  #cancelWithdraw = () => {
    this.#closeWithdraw();
  };

  /** Closes at once (a hidden page never fires `close`); Escape arrives through the event. */
  #closeWithdraw(): void {
    const element = this.#withdrawDialog();
    if (element?.open) element.close();
    void this.#withdrawClosed();
  }

  #submitWithdraw = async (event: SubmitEvent) => {
    event.preventDefault();
    const withdrawing = this.#withdrawing;
    if (!withdrawing || this.#withdraw.pending) return;
    const reason = this.#reason.trim();
    if (withdrawing.move.requires.includes('reason') && reason === '') {
      this.#reasonError = validationMessages().required?.({});
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${REASON}`)?.focus();
      return;
    }
    this.#withdrawFailure = undefined;
    const updated = await this.#withdraw.run(withdrawing.membership, reason || undefined);
    // The dialog may have been closed (and another opened) while this was sending.
    const current = this.#withdrawing === withdrawing;
    if (!updated) {
      if (current && this.#withdraw.error !== undefined) {
        this.#withdrawFailure = this.#withdraw.error;
        this.requestUpdate();
      }
      return;
    }
    this.#withdrawn = msg(str`Withdrawn from ${withdrawing.name}.`);
    this.dispatchEvent(new PrmMembershipWithdrawnEvent(updated));
    if (current) {
      // The draft is keyed by the open dialog's membership: cleared while it is still open.
      this.#draft.clear();
      this.#closeWithdraw();
    } else {
      this.requestUpdate();
    }
  };

  /** After the withdraw dialog closed: forget it and put focus back (or on the outcome). */
  async #withdrawClosed(): Promise<void> {
    if (!this.#withdrawing) return;
    const opener = this.#withdrawOpener;
    this.#withdrawing = undefined;
    this.#withdrawOpener = undefined;
    this.#withdrawFailure = undefined;
    this.#reasonError = undefined;
    this.requestUpdate();
    await this.updateComplete;
    if (this.#withdrawn) this.renderRoot.querySelector<HTMLElement>('#withdraw-notice')?.focus();
    else if (opener?.isConnected) opener.focus();
  }

  #withdrawDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>(`#${WITHDRAW}`);
  }

  #tierName(membership: ProgramMembership, program: Program | undefined): string {
    return (
      program?.tiers.find((tier) => tier.key === membership.tierKey)?.name ?? membership.tierKey
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-program-enrollment': PrmProgramEnrollment;
  }
}
