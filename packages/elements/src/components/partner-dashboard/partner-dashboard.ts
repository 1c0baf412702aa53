import { msg, str } from '@lit/localize';
import {
  type DealStatus,
  type OpportunityStage,
  type PartnerMetrics,
  type ProgramParticipation,
  type TierProgress,
} from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ChartDatum } from '../../charts/index.js';
import { QueryController } from '../../client/controllers.js';
import {
  amountIn,
  currenciesIn,
  currencyPicker,
  dashboardStyles,
  serviceKpis,
} from '../../internal/dashboard.js';
import { opportunityStageLabel, requirementMetricOf } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { dealStatusLabel, membershipStatus } from '../../internal/status.js';
import { emptyView, renderStates } from '../../internal/views.js';
import { partnerDashboardStyles } from './partner-dashboard.styles.js';

/** A partner with nothing yet: no program, registration, opportunity or case. */
const isQuiet = (metrics: PartnerMetrics): boolean =>
  metrics.programs.length === 0 &&
  metrics.registrations.every((row) => row.value === 0) &&
  metrics.pipeline.every((row) => row.count === 0) &&
  metrics.cases.every((row) => row.value === 0);

/**
 * @summary Where a partner stands: registered pipeline, win rate, approval time, open cases
 * and SLA breaches; registrations by status, pipeline by stage and registered value by month
 * as charts; each program with its tier, entitlements and progress toward the next tier.
 * Partner viewers see their own partner; enterprise viewers name one with `partner-id`.
 * The figures come from the backend's `metrics.partner` (or are computed from the lists when
 * the adapter has no metrics) and refresh whenever the data changes.
 *
 * @csspart base - The dashboard.
 * @csspart header - The line with the figures' time and the currency picker.
 * @csspart currency - The currency picker (shown when figures come in several currencies).
 * @csspart kpis - The key figures.
 * @csspart charts - The charts.
 * @csspart programs - The programs section.
 * @csspart program - One program.
 * @csspart entitlements - A program's entitlements.
 * @csspart progress - A program's progress toward its next tier.
 */
export class PrmPartnerDashboard extends PrmElement {
  static override styles = [...PrmElement.styles, dashboardStyles, partnerDashboardStyles];

  readonly #metrics = new QueryController(this, (client) => {
    const partnerId = this.viewer && this.partnerOrOwn(this.partnerId);
    return partnerId ? client.partnerMetrics(partnerId) : undefined;
  });

  /** The currency the money figures are shown in, when the partner has several. */
  @state() accessor currency: string | undefined;

  /** The partner to show; partner viewers always see their own. */
  @property({ attribute: 'partner-id' }) accessor partnerId: string | undefined;

  protected override render() {
    if (this.viewer && !this.partnerOrOwn(this.partnerId)) {
      return html`<div part="base">
        ${emptyView(msg('Choose a partner to see its dashboard.'))}
      </div>`;
    }
    return html`<div part="base">
      ${renderStates(this, [this.#metrics], (metrics) => this.#renderDashboard(metrics), {
        label: msg('Loading the dashboard'),
        empty: {
          when: isQuiet,
          message: msg(
            'Nothing to show yet. Figures appear here once the partner joins a program, registers a deal or raises a case.',
          ),
        },
      })}
    </div>`;
  }

  #renderDashboard(metrics: PartnerMetrics): TemplateResult {
    const currencies = currenciesIn(
      [
        ...metrics.registeredPipeline.amounts,
        ...metrics.pipeline.flatMap((row) => row.amounts),
        ...metrics.registeredValueByMonth.flatMap((row) => row.amounts),
      ],
      metrics.currency,
    );
    const currency =
      this.currency && currencies.includes(this.currency)
        ? this.currency
        : (currencies[0] ?? metrics.currency);
    return html`
      <div class="header" part="header">
        <p class="muted">${msg(str`Figures as of ${this.format.dateTime(metrics.generatedAt)}`)}</p>
        ${currencyPicker(currencies, currency, (chosen) => (this.currency = chosen))}
      </div>
      ${this.#renderKpis(metrics, currency)} ${this.#renderCharts(metrics, currency)}
      ${this.#renderPrograms(metrics)}
    `;
  }

  #renderKpis(metrics: PartnerMetrics, currency: string): TemplateResult {
    const live = metrics.registeredPipeline.count;
    return html`<div class="kpis" part="kpis" role="group" aria-label=${msg('Key figures')}>
      <prm-kpi
        label=${msg('Registered pipeline')}
        compact
        format-as="money"
        currency=${currency}
        .value=${amountIn(metrics.registeredPipeline.amounts, currency)}
        .trend=${metrics.registeredValueByMonth
          .slice(-12)
          .map((row) => amountIn(row.amounts, currency))}
        hint=${live === 1 ? msg('1 live registration') : msg(str`${live} live registrations`)}
      ></prm-kpi>
      <prm-kpi
        label=${msg('Win rate')}
        format-as="percent"
        .value=${metrics.winRate ?? undefined}
        hint=${msg('Won of the closed opportunities')}
      ></prm-kpi>
      ${serviceKpis(metrics.averageDaysToApprove, metrics.cases, metrics.sla.breached)}
    </div>`;
  }

  #renderCharts(metrics: PartnerMetrics, currency: string): TemplateResult {
    const registrations: ChartDatum[] = metrics.registrations
      .filter((row) => row.value > 0)
      .map((row) => ({
        key: row.key,
        label: dealStatusLabel(row.key as DealStatus),
        value: row.value,
      }));
    const pipeline: ChartDatum[] = metrics.pipeline.map((row) => ({
      key: row.key,
      label: opportunityStageLabel(row.key as OpportunityStage),
      value: amountIn(row.amounts, currency),
    }));
    const byMonth: ChartDatum[] = metrics.registeredValueByMonth.map((row) => ({
      key: row.key,
      label: this.format.month(row.key),
      value: amountIn(row.amounts, currency),
    }));
    return html`<div class="charts" part="charts">
      <prm-bar-chart
        orientation="horizontal"
        label=${msg('Registrations by status')}
        .data=${registrations}
      ></prm-bar-chart>
      <prm-bar-chart
        orientation="horizontal"
        label=${msg('Pipeline by stage')}
        format-as="money"
        currency=${currency}
        .data=${pipeline}
      ></prm-bar-chart>
      <prm-line-chart
        class="wide"
        area
        label=${msg('Registered value by month')}
        format-as="money"
        currency=${currency}
        .data=${byMonth}
      ></prm-line-chart>
    </div>`;
  }

  #renderPrograms(metrics: PartnerMetrics): TemplateResult {
    return html`<section part="programs" aria-labelledby="programs-heading">
      <h2 id="programs-heading">${msg('Programs')}</h2>
      ${
        metrics.programs.length === 0
          ? html`<p class="muted">${msg('Not a member of any program yet.')}</p>`
          : html`<ul class="programs">
              ${metrics.programs.map(
                (program) => html`<li>${this.#renderProgram(program, metrics.currency)}</li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderProgram(program: ProgramParticipation, currency: string): TemplateResult {
    return html`<article class="panel" part="program">
      <div class="row">
        <h3>${program.label ?? program.key}</h3>
        ${membershipStatus(program.status)}
      </div>
      <p>
        ${msg(str`Tier: ${program.tierName ?? program.tierKey}`)}${
          program.renewsAt
            ? html` ·
                <span class="muted"
                  >${msg(str`Renews ${this.format.date(program.renewsAt)}`)}</span
                >`
            : nothing
        }
      </p>
      ${
        program.entitlements.length > 0
          ? html`<dl class="details" part="entitlements">
              ${program.entitlements.map(
                (entitlement) =>
                  html`<dt>${entitlement.label}</dt>
                    <dd>
                      ${
                        entitlement.total === null
                          ? msg(str`${this.format.number(entitlement.used)} used`)
                          : msg(
                              str`${this.format.number(entitlement.used)} of ${this.format.number(entitlement.total)} used`,
                            )
                      }
                    </dd>`,
              )}
            </dl>`
          : nothing
      }
      ${program.progress ? this.#renderProgress(program.progress, currency) : nothing}
    </article>`;
  }

  #renderProgress(progress: TierProgress, currency: string): TemplateResult {
    return html`<div class="progress" part="progress">
      <p>
        <strong>${msg(str`Toward ${progress.nextTierName}`)}</strong>
        ${
          progress.met
            ? html` · <span class="met">${msg('Every requirement is met')}</span>`
            : nothing
        }
      </p>
      ${progress.requirements.map((requirement) => {
        const metric = requirementMetricOf(requirement.metric);
        return html`<prm-progress
          label=${requirement.label ?? metric.label}
          format-as=${metric.money ? 'money' : 'number'}
          currency=${currency}
          .value=${requirement.actual}
          .max=${requirement.target}
        ></prm-progress>`;
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-partner-dashboard': PrmPartnerDashboard;
  }
}
