import { msg, str } from '@lit/localize';
import { type EngagementRow, type EnterpriseMetrics, type PartnerTier } from '@prm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ChartDatum, ChartSeries, StackedDatum } from '../../charts/index.js';
import type { PrmChartSelectEvent } from '../../charts/events.js';
import { QueryController } from '../../client/controllers.js';
import { PrmPartnerSelectEvent } from '../../events.js';
import { currencyPicker, dashboardStyles, serviceKpis } from '../../internal/dashboard.js';
import { partnerTierLabel } from '../../internal/labels.js';
import { PrmElement } from '../../internal/prm-element.js';
import { emptyView, renderStates } from '../../internal/views.js';

const label = (row: { key: string; label?: string | undefined }): string => row.label ?? row.key;

/**
 * @summary The partner ecosystem at a glance for the enterprise team: active partners,
 * approvals waiting and how long they take, open cases and SLA breaches, partners by tier
 * and segment, the most engaged partners (activity in the last 30 and 90 days) and those who
 * need attention, open cases by partner, top partners by registered pipeline, and conversion
 * by program. The figures come from the backend's `metrics.enterprise` (or are computed from
 * the lists when the adapter has no metrics) and refresh whenever the data changes.
 *
 * @fires prm-partner-select - A partner was chosen: a bar of a partner chart, or a name in the least engaged table (`event.partnerId`).
 *
 * @csspart base - The dashboard.
 * @csspart header - The line with the figures' time and the currency picker.
 * @csspart currency - The currency picker (shown when pipelines come in several currencies).
 * @csspart kpis - The key figures.
 * @csspart charts - The charts.
 * @csspart attention - The table of the least engaged partners.
 */
export class PrmEnterpriseDashboard extends PrmElement {
  static override styles = [...PrmElement.styles, dashboardStyles];

  readonly #metrics = new QueryController(this, (client) =>
    this.viewer?.partnerId === null ? client.enterpriseMetrics() : undefined,
  );

  /** The currency of the top partners chart, when pipelines come in several. */
  @state() accessor currency: string | undefined;

  protected override render() {
    if (this.viewer && this.viewer.partnerId !== null) {
      return html`<div part="base">
        ${emptyView(msg('The enterprise dashboard is for the enterprise team.'))}
      </div>`;
    }
    return html`<div part="base">
      ${renderStates(this, [this.#metrics], (metrics) => this.#renderDashboard(metrics), {
        label: msg('Loading the dashboard'),
        empty: {
          when: (metrics) => metrics.partnersByStatus.every((row) => row.value === 0),
          message: msg('No partners yet. Figures appear here once partners join.'),
        },
      })}
    </div>`;
  }

  #renderDashboard(metrics: EnterpriseMetrics): TemplateResult {
    // One ranking per currency; the one with the most partners first.
    const currencies = [...metrics.topPartnersByRegisteredValue]
      .sort((a, b) => b.rows.length - a.rows.length)
      .map((ranking) => ranking.currency);
    const currency =
      this.currency && currencies.includes(this.currency) ? this.currency : currencies[0];
    return html`
      <div class="header" part="header">
        <p class="muted">${msg(str`Figures as of ${this.format.dateTime(metrics.generatedAt)}`)}</p>
        ${
          currency
            ? currencyPicker(currencies, currency, (chosen) => (this.currency = chosen))
            : nothing
        }
      </div>
      ${this.#renderKpis(metrics)} ${this.#renderCharts(metrics, currency)}
      ${this.#renderAttention(metrics.engagement.leastEngaged)}
    `;
  }

  #renderKpis(metrics: EnterpriseMetrics): TemplateResult {
    const count = (key: string) => metrics.partnersByStatus.find((r) => r.key === key)?.value ?? 0;
    const onboarding = count('onboarding');
    const { approvals, engagement, sla } = metrics;
    return html`<div class="kpis" part="kpis" role="group" aria-label=${msg('Key figures')}>
      <prm-kpi
        label=${msg('Active partners')}
        .value=${count('active')}
        hint=${msg(str`${onboarding} onboarding`)}
      ></prm-kpi>
      <prm-kpi
        label=${msg('Approvals waiting')}
        .value=${approvals.waiting}
        tone=${approvals.overdue > 0 ? 'warning' : 'neutral'}
        hint=${msg(str`${approvals.overdue} overdue`)}
      ></prm-kpi>
      ${serviceKpis(metrics.averageDaysToApprove, metrics.casesByStatus, sla.breached)}
      <prm-kpi
        label=${msg('Active in 30 days')}
        .value=${engagement.active30Days}
        hint=${msg(str`${engagement.inactive90Days} quiet for 90 days`)}
      ></prm-kpi>
    </div>`;
  }

  #renderCharts(metrics: EnterpriseMetrics, currency: string | undefined): TemplateResult {
    const tiers: ChartDatum[] = metrics.partnersByTier.map((row) => ({
      key: row.key,
      label: partnerTierLabel(row.key as PartnerTier),
      value: row.value,
    }));
    const segments: ChartDatum[] = metrics.partnersBySegment
      .map((row) => ({ key: row.key, label: label(row), value: row.value }))
      .sort((a, b) => b.value - a.value);
    const activitySeries: ChartSeries[] = [
      { key: 'last30Days', label: msg('Last 30 days') },
      { key: 'earlier', label: msg('31 to 90 days ago') },
    ];
    const engagement: StackedDatum[] = metrics.engagement.mostEngaged.map((row) => ({
      key: row.key,
      label: label(row),
      values: [row.last30Days, row.last90Days - row.last30Days],
    }));
    const caseSeries: ChartSeries[] = [
      { key: 'withinSla', label: msg('Within SLA') },
      { key: 'breached', label: msg('Past SLA') },
    ];
    const cases: StackedDatum[] = metrics.casesByPartner.map((row) => ({
      key: row.key,
      label: label(row),
      values: [row.open - row.breached, row.breached],
    }));
    const ranking = metrics.topPartnersByRegisteredValue.find((r) => r.currency === currency);
    const top: ChartDatum[] = (ranking?.rows ?? []).map((row) => ({
      key: row.key,
      label: label(row),
      value: row.value,
    }));
    const conversion: ChartDatum[] = metrics.conversionByProgram.flatMap((row) =>
      row.value === null ? [] : [{ key: row.key, label: label(row), value: row.value }],
    );
    return html`<div class="charts" part="charts">
      <prm-donut-chart label=${msg('Active partners by tier')} .data=${tiers}></prm-donut-chart>
      <prm-bar-chart
        orientation="horizontal"
        label=${msg('Active partners by segment')}
        .data=${segments}
      ></prm-bar-chart>
      <prm-stacked-bar-chart
        orientation="horizontal"
        label=${msg('Most engaged partners (activities)')}
        @prm-chart-select=${this.#onPartnerChosen}
        .series=${activitySeries}
        .data=${engagement}
      ></prm-stacked-bar-chart>
      <prm-stacked-bar-chart
        orientation="horizontal"
        label=${msg('Open cases by partner')}
        @prm-chart-select=${this.#onPartnerChosen}
        .series=${caseSeries}
        .data=${cases}
      ></prm-stacked-bar-chart>
      <prm-bar-chart
        orientation="horizontal"
        label=${msg('Top partners by registered pipeline')}
        @prm-chart-select=${this.#onPartnerChosen}
        format-as="money"
        currency=${currency ?? 'USD'}
        .data=${top}
      ></prm-bar-chart>
      <prm-bar-chart
        label=${msg('Conversion by program')}
        format-as="percent"
        .data=${conversion}
      ></prm-bar-chart>
    </div>`;
  }

  /** The partner charts' keys are partner ids: a chosen bar is a chosen partner. */
  readonly #onPartnerChosen = (event: PrmChartSelectEvent): void => {
    this.#selectPartner(event.key, event.label);
  };

  #selectPartner(partnerId: string, name: string): void {
    this.dispatchEvent(new PrmPartnerSelectEvent(partnerId, name));
  }

  #renderAttention(rows: readonly EngagementRow[]): TemplateResult {
    return html`<section part="attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">${msg('Least engaged partners')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Partner')}</th>
            <th scope="col" class="number">${msg('Last 30 days')}</th>
            <th scope="col" class="number">${msg('Last 90 days')}</th>
            <th scope="col">${msg('Last activity')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <th scope="row">
                  <button
                    type="button"
                    class="link"
                    @click=${() => this.#selectPartner(row.key, label(row))}
                  >
                    ${label(row)}
                  </button>
                </th>
                <td class="number">${this.format.number(row.last30Days)}</td>
                <td class="number">${this.format.number(row.last90Days)}</td>
                <td>
                  ${
                    row.lastActivityAt === null
                      ? msg('Never')
                      : this.format.relative(row.lastActivityAt)
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-enterprise-dashboard': PrmEnterpriseDashboard;
  }
}
