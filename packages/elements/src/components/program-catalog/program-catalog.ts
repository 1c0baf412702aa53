import { msg, str } from '@lit/localize';
import {
  MAX_PAGE_SIZE,
  type IneligibilityReason,
  type Partner,
  type Program,
  type ProgramEligibility,
  type Tier,
  type TierRequirement,
} from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { QueryController } from '../../client/controllers.js';
import { ApplyFlow, mayApply, tiersByRank } from '../../internal/apply-to-program.js';
import { PrmElement } from '../../internal/prm-element.js';
import { membershipStatus, partnerStatus, programStatus } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { programCatalogStyles } from './program-catalog.styles.js';
import { partnerTierLabel, requirementMetricOf } from '../../internal/labels.js';

interface CatalogEntry {
  program: Program;
  eligibility: ProgramEligibility;
}

/**
 * @summary The programs a partner may join, with each tier's benefits and requirements, and
 * for every other program the reasons the partner may not. Partner admins (and the partner's
 * channel manager or an enterprise admin, with `partner-id`) apply from here: the terms are
 * accepted in a dialog and the application is sent once, however often it is retried.
 *
 * @fires prm-program-apply - Apply was pressed (cancelable: cancel it to handle the application yourself).
 * @fires prm-membership-applied - An application was sent; `membership` is the new membership.
 *
 * @csspart base - The catalog.
 * @csspart eligible - The section of programs the partner may join.
 * @csspart ineligible - The section of the other programs.
 * @csspart program - One program (also `ineligible` on programs the partner may not join).
 * @csspart tier - One tier of a program.
 * @csspart benefits - A tier's benefits.
 * @csspart requirements - A tier's requirements.
 * @csspart deal-registration - The program's deal registration summary.
 * @csspart reasons - Why the partner may not join a program.
 * @csspart apply-button - The Apply button of a program.
 * @csspart notice - The announcement after an application.
 * @csspart dialog - The apply dialog.
 * @csspart accept-terms - The terms checkbox in the dialog.
 * @csspart tier-select - The tier choice in the dialog.
 * @csspart submit-button - The dialog's Apply button.
 * @csspart cancel-button - The dialog's Cancel button.
 * @csspart status - A status pill in a reason.
 * @cssproperty --prm-program-catalog-radius - Corner radius of a program card.
 */
export class PrmProgramCatalog extends PrmElement {
  static override styles = [...PrmElement.styles, programCatalogStyles];

  readonly #partner = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id ? client.get('partners', id) : undefined;
  });
  readonly #eligibility = new QueryController(this, (client) => {
    const id = this.partnerOrOwn(this.partnerId);
    return id ? client.eligibility(id) : undefined;
  });
  readonly #programs = new QueryController(this, (client) =>
    this.partnerOrOwn(this.partnerId)
      ? client.list('programs', { limit: MAX_PAGE_SIZE })
      : undefined,
  );
  readonly #apply: ApplyFlow = new ApplyFlow(this);

  /**
   * The partner whose programs to show. Defaults to the signed-in partner user's own; an
   * enterprise viewer (channel manager, enterprise admin) names one.
   */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;

  protected override render() {
    return html`${this.#content()}${this.#apply.render()}`;
  }

  #content(): unknown {
    if (this.viewer && !this.partnerOrOwn(this.partnerId)) {
      return emptyView(msg('Choose a partner to see its programs.'));
    }
    return renderStates(
      this,
      [this.#partner, this.#eligibility, this.#programs],
      (partner, eligibility, programs) => this.#renderCatalog(partner, eligibility, programs.items),
      {
        label: msg('Loading programs'),
        empty: {
          when: (_partner, eligibility) => eligibility.length === 0,
          message: msg('No programs are open yet.'),
        },
      },
    );
  }

  #renderCatalog(
    partner: Partner,
    eligibility: readonly ProgramEligibility[],
    programs: readonly Program[],
  ): TemplateResult {
    const byId = new Map(programs.map((program) => [program.id, program]));
    const entries = eligibility.flatMap((entry): CatalogEntry[] => {
      const program = byId.get(entry.programId);
      return program ? [{ program, eligibility: entry }] : [];
    });
    const eligible = entries.filter((entry) => entry.eligibility.eligible);
    const others = entries.filter((entry) => !entry.eligibility.eligible);
    const canApply = mayApply(this.viewer, partner);
    const enterprise = this.viewer?.partnerId === null;
    return html`<div part="base">
      ${this.#apply.renderNotice()}
      ${enterprise ? html`<p class="muted">${msg(str`Programs for ${partner.name}`)}</p>` : nothing}
      <section part="eligible" aria-labelledby="eligible-heading">
        <h2 id="eligible-heading">${msg('Programs open to join')}</h2>
        ${
          eligible.length > 0
            ? html`<ul class="programs">
                ${repeat(
                  eligible,
                  ({ program }) => program.id,
                  ({ program }, index) =>
                    html`<li>${this.#renderEligible(program, index, partner, canApply)}</li>`,
                )}
              </ul>`
            : html`<p class="muted">
                ${msg('No programs are open for this partner to join now.')}
              </p>`
        }
      </section>
      ${
        others.length > 0
          ? html`<section part="ineligible" aria-labelledby="ineligible-heading">
              <h2 id="ineligible-heading">${msg('Other programs')}</h2>
              <ul class="programs">
                ${repeat(
                  others,
                  ({ program }) => program.id,
                  (entry, index) => html`<li>${this.#renderIneligible(entry, index, partner)}</li>`,
                )}
              </ul>
            </section>`
          : nothing
      }
    </div>`;
  }

  #renderEligible(
    program: Program,
    index: number,
    partner: Partner,
    canApply: boolean,
  ): TemplateResult {
    const headingId = `eligible-${index}`;
    return html`<article
      class="panel program"
      part="program"
      aria-labelledby=${headingId}
      data-program-id=${program.id}
    >
      <header>
        <h3 id=${headingId}>${program.name}</h3>
        <span class="muted">${msg(str`Terms version ${program.termsVersion}`)}</span>
      </header>
      <p class="description">${program.description}</p>
      ${this.#renderDealRegistration(program)}
      <div class="tiers">
        ${tiersByRank(program).map((tier) => this.#renderTier(tier, partner))}
      </div>
      ${
        canApply
          ? html`<div class="actions">
              <button
                type="button"
                class="primary"
                part="apply-button"
                aria-label=${msg(str`Apply to ${program.name}`)}
                @click=${(event: Event) =>
                  void this.#apply.request(program, partner.id, event.currentTarget as HTMLElement)}
              >
                ${msg('Apply')}
              </button>
            </div>`
          : nothing
      }
    </article>`;
  }

  #renderIneligible(entry: CatalogEntry, index: number, partner: Partner): TemplateResult {
    const { program, eligibility } = entry;
    const headingId = `ineligible-${index}`;
    return html`<article
      class="panel program ineligible"
      part="program ineligible"
      aria-labelledby=${headingId}
      data-program-id=${program.id}
    >
      <header><h3 id=${headingId}>${program.name}</h3></header>
      <p class="description">${program.description}</p>
      <div part="reasons">
        <p class="subhead">${msg('Why this partner may not join')}</p>
        <ul class="reasons">
          ${eligibility.reasons.map((reason) => html`<li>${this.#renderReason(reason)}</li>`)}
        </ul>
      </div>
      <details>
        <summary>${msg('Tiers, benefits and requirements')}</summary>
        ${this.#renderDealRegistration(program)}
        <div class="tiers">
          ${tiersByRank(program).map((tier) => this.#renderTier(tier, partner))}
        </div>
      </details>
    </article>`;
  }

  #renderReason(reason: IneligibilityReason): TemplateResult {
    switch (reason.code) {
      case 'program_not_active':
        return html`<span>${msg('The program is not open for applications. Program status:')}</span>
          ${programStatus(reason.status)}`;
      case 'partner_not_active':
        return html`<span
            >${msg('Only active or onboarding partners may join. Partner status:')}</span
          >
          ${partnerStatus(reason.status)}`;
      case 'segment_required':
        return html`<span>${msg('For partners in one of these segments:')}</span>
          ${reason.segmentIds.map(
            (id) => html`<prm-segment-badge segment-id=${id}></prm-segment-badge>`,
          )}`;
      case 'tier_too_low': {
        const required = partnerTierLabel(reason.required);
        const actual = partnerTierLabel(reason.actual);
        return html`<span
          >${msg(str`Needs partner tier ${required} or higher; the partner is ${actual}.`)}</span
        >`;
      }
      case 'country_not_covered': {
        const country = this.#countryName(reason.country);
        return html`<span>${msg(str`Not offered in ${country}.`)}</span>`;
      }
      case 'already_member':
        return html`<span>${msg('Already a member. Membership status:')}</span>
          ${membershipStatus(reason.status)}`;
    }
  }

  #renderDealRegistration(program: Program): TemplateResult {
    const rules = program.dealRegistration;
    const days = rules.exclusivityDays;
    return html`<p part="deal-registration">
      ${
        !rules.enabled
          ? msg('No deal registration in this program.')
          : days === 1
            ? msg('Deal registration: an approved deal is protected for 1 day.')
            : msg(str`Deal registration: an approved deal is protected for ${days} days.`)
      }
    </p>`;
  }

  #renderTier(tier: Tier, partner: Partner): TemplateResult {
    const { benefits } = tier;
    const hours = benefits.caseFirstResponseHours;
    return html`<div class="tier" part="tier">
      <h4>${tier.name}</h4>
      <div part="benefits">
        <p class="subhead">${msg('Benefits')}</p>
        <dl class="details">
          <dt>${msg('Discount')}</dt>
          <dd>${this.format.percent(benefits.discountBps / 10_000)}</dd>
          <dt>${msg('Deal registration discount')}</dt>
          <dd>${this.format.percent(benefits.dealRegistrationDiscountBps / 10_000)}</dd>
          ${
            benefits.mdfPerQuarter
              ? html`<dt>${msg('Market development funds')}</dt>
                  <dd>${msg(str`${this.format.money(benefits.mdfPerQuarter)} per quarter`)}</dd>`
              : nothing
          }
          ${
            hours === undefined
              ? nothing
              : html`<dt>${msg('Support first response')}</dt>
                  <dd>${msg(str`Within ${this.format.number(hours)} business hours`)}</dd>`
          }
        </dl>
        ${
          benefits.perks.length > 0
            ? html`<ul class="bullets" aria-label=${msg('Perks')}>
                ${benefits.perks.map((perk) => html`<li>${perk}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      <div part="requirements">
        <p class="subhead">${msg('Requirements')}</p>
        ${
          tier.requirements.length > 0
            ? html`<ul class="bullets">
                ${tier.requirements.map(
                  (requirement) => html`<li>${this.#renderRequirement(requirement, partner)}</li>`,
                )}
              </ul>`
            : html`<p class="muted">${msg('None')}</p>`
        }
      </div>
    </div>`;
  }

  #renderRequirement(requirement: TierRequirement, partner: Partner): TemplateResult {
    const metric = requirementMetricOf(requirement.metric);
    // Money targets are minor units in the currency the backend measures the partner in: its
    // annual revenue's, USD when it has none (amounts are never converted).
    const target = metric.money
      ? this.format.money({
          amount: requirement.target,
          currency: partner.annualRevenue?.currency ?? 'USD',
        })
      : this.format.number(requirement.target);
    return html`${metric.label}: <strong>${target}</strong>${
        requirement.label ? html` <span class="muted">(${requirement.label})</span>` : nothing
      }`;
  }

  #countryName(code: string): string {
    try {
      return new Intl.DisplayNames([this.format.locale], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-program-catalog': PrmProgramCatalog;
  }
}
