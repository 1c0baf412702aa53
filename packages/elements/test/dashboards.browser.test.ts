import { expect, html, waitUntil } from '@open-wc/testing';
import { createLocalBackend } from '@prm-kit/adapter-local';
import {
  OPEN_CASE_STATUSES,
  partnerMetrics,
  type DealStatus,
  type OpportunityStage,
  type PartnerMetrics,
  type PartnerTier,
  type PrmAdapter,
} from '@prm-kit/core';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PrmChartSelectEvent } from '../src/charts/events.js';
import type { PrmEnterpriseDashboard } from '../src/components/enterprise-dashboard/enterprise-dashboard.js';
import type { PrmPartnerDashboard } from '../src/components/partner-dashboard/partner-dashboard.js';
import type { PrmPartnerSelectEvent } from '../src/events.js';
import { amountIn } from '../src/internal/dashboard.js';
import { opportunityStageLabel, partnerTierLabel } from '../src/internal/labels.js';
import { dealStatusLabel } from '../src/internal/status.js';
import { Formatter } from '../src/localize.js';
import {
  deepText,
  failFirst,
  hanging,
  instrument,
  mount,
  press,
  textOf,
  until,
} from './support/fixtures.js';

const format = new Formatter('en');
const compactUsd = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
});
const openCases = (rows: readonly { key: string; value: number }[]) =>
  rows
    .filter((row) => (OPEN_CASE_STATUSES as readonly string[]).includes(row.key))
    .reduce((sum, row) => sum + row.value, 0);

/** One demo backend with its clock stopped, so the figures shown and expected are for one instant. */
function stoppedBackend() {
  const now = new Date();
  return createLocalBackend({ clock: () => now });
}

async function showPartnerDashboard(adapter: PrmAdapter, partnerId?: string) {
  const { provider, element } = await mount<PrmPartnerDashboard>(
    adapter,
    html`<prm-provider
      ><prm-partner-dashboard partner-id=${ifDefined(partnerId)}></prm-partner-dashboard
    ></prm-provider>`,
  );
  return { provider, element };
}

async function showEnterpriseDashboard(adapter: PrmAdapter) {
  const { element } = await mount<PrmEnterpriseDashboard>(
    adapter,
    html`<prm-provider><prm-enterprise-dashboard></prm-enterprise-dashboard></prm-provider>`,
  );
  return element;
}

/** An element in the dashboard's shadow root (fails the test when missing). */
function inside<T extends Element = HTMLElement>(dashboard: Element, selector: string): T {
  const found = dashboard.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in: ${textOf(dashboard).slice(0, 300)}`);
  return found;
}

/** Waits until the dashboard shows its figures (every KPI tile and chart rendered). */
async function ready(dashboard: Element): Promise<void> {
  await waitUntil(() => dashboard.shadowRoot!.querySelector('prm-kpi') !== null, 'no figures', {
    timeout: 5000,
  });
  const charts = [
    ...dashboard.shadowRoot!.querySelectorAll<HTMLElement & { updateComplete: Promise<boolean> }>(
      'prm-kpi, prm-progress, [label]',
    ),
  ];
  await Promise.all(charts.map((chart) => chart.updateComplete));
}

/** The value a KPI tile shows, by its label. */
function kpi(dashboard: Element, label: string): string {
  const tile = [...dashboard.shadowRoot!.querySelectorAll('prm-kpi')].find(
    (candidate) => candidate.getAttribute('label') === label,
  );
  if (!tile) throw new Error(`no KPI "${label}"`);
  return textOf(tile.shadowRoot!.querySelector('[part~="value"]')!);
}

function kpiTitle(dashboard: Element, label: string): string | null {
  const tile = [...dashboard.shadowRoot!.querySelectorAll('prm-kpi')].find(
    (candidate) => candidate.getAttribute('label') === label,
  )!;
  return tile.shadowRoot!.querySelector('[part~="value"]')!.getAttribute('title');
}

function kpiHint(dashboard: Element, label: string): string {
  const tile = [...dashboard.shadowRoot!.querySelectorAll('prm-kpi')].find(
    (candidate) => candidate.getAttribute('label') === label,
  )!;
  return textOf(tile.shadowRoot!.querySelector('[part~="hint"]')!);
}

function chart(
  dashboard: Element,
  label: string,
): HTMLElement & { updateComplete: Promise<boolean> } {
  return inside(dashboard, `[label="${label}"]`);
}

/** A chart's "Show table" view, as rows of cell texts (the row header first). */
async function tableOf(dashboard: Element, label: string): Promise<string[][]> {
  const element = chart(dashboard, label);
  const toggle = element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
  if (toggle.textContent?.includes('Show table')) toggle.click();
  await element.updateComplete;
  const rows = element.shadowRoot!.querySelectorAll('[part~="table"] tbody tr');
  return [...rows].map((row) => [...row.children].map((cell) => textOf(cell)));
}

describe('<prm-partner-dashboard>', () => {
  it('shows the core metrics of the viewer’s own partner, as figures, charts and tables', async () => {
    const backend = stoppedBackend();
    const adapter = backend.adapter('partnerAdmin');
    const expected = await adapter.metrics.partner();
    const { element } = await showPartnerDashboard(adapter);
    await ready(element);
    const usd = (amount: number) => format.money({ amount, currency: 'USD' });

    // Short in the tile, exact in its tooltip.
    const pipeline = amountIn(expected.registeredPipeline.amounts, 'USD');
    expect(kpi(element, 'Registered pipeline')).to.equal(compactUsd.format(pipeline / 100));
    expect(kpiTitle(element, 'Registered pipeline')).to.equal(usd(pipeline));
    // Its sparkline: the value registered in each of the last (up to) 12 months.
    const tile = [...element.shadowRoot!.querySelectorAll('prm-kpi')].find(
      (candidate) => candidate.getAttribute('label') === 'Registered pipeline',
    )!;
    expect(tile.trend).to.deep.equal(
      expected.registeredValueByMonth.slice(-12).map((row) => amountIn(row.amounts, 'USD')),
    );
    expect(Boolean(tile.shadowRoot!.querySelector('[part~="trend"] path'))).to.equal(true);
    expect(kpiHint(element, 'Registered pipeline')).to.equal(
      `${expected.registeredPipeline.count} live registrations`,
    );
    expect(kpi(element, 'Win rate')).to.equal(format.percent(expected.winRate!));
    expect(kpi(element, 'Days to approve')).to.equal(format.number(expected.averageDaysToApprove!));
    expect(kpi(element, 'Open cases')).to.equal(String(openCases(expected.cases)));
    expect(kpi(element, 'SLA breaches')).to.equal(String(expected.sla.breached));
    expect(expected.sla.breached).to.be.greaterThan(0);

    expect(await tableOf(element, 'Registrations by status')).to.deep.equal(
      expected.registrations
        .filter((row) => row.value > 0)
        .map((row) => [dealStatusLabel(row.key as DealStatus), String(row.value)]),
    );
    expect(await tableOf(element, 'Pipeline by stage')).to.deep.equal(
      expected.pipeline.map((row) => [
        opportunityStageLabel(row.key as OpportunityStage),
        usd(amountIn(row.amounts, 'USD')),
      ]),
    );
    expect(await tableOf(element, 'Registered value by month')).to.deep.equal(
      expected.registeredValueByMonth.map((row) => [
        format.month(row.key),
        usd(amountIn(row.amounts, 'USD')),
      ]),
    );

    // Every requirement of the next tier, as a meter holding actual against target.
    const program = expected.programs.find((p) => p.progress !== null)!;
    expect(deepText(element)).to.contain(`Toward ${program.progress!.nextTierName}`);
    const meters = [...element.shadowRoot!.querySelectorAll('prm-progress')].map((progress) => {
      const meter = progress.shadowRoot!.querySelector('[role="meter"]')!;
      return [meter.getAttribute('aria-valuenow'), meter.getAttribute('aria-valuemax')];
    });
    expect(meters).to.deep.equal(
      program.progress!.requirements.map((r) => [String(r.actual), String(r.target)]),
    );
    // Entitlements, as used of total.
    const training = program.entitlements.find((e) => e.total !== null)!;
    expect(textOf(inside(element, '[part~="entitlements"]'))).to.contain(
      `${training.used} of ${training.total} used`,
    );
    await expect(element).to.be.accessible();
  });

  it('computes the same figures from the lists when the adapter serves no metrics', async () => {
    const backend = stoppedBackend();
    const served = await backend.adapter('partnerAdmin').metrics.partner();
    const { adapter, log } = instrument(backend.adapter('partnerAdmin'));
    const listsOnly = { ...adapter, capabilities: { ...adapter.capabilities, metrics: false } };
    const { element } = await showPartnerDashboard(listsOnly);
    await ready(element);

    expect(log.count('metrics.partner')).to.equal(0);
    expect(log.count('deals.list')).to.be.greaterThan(0);
    expect(kpiTitle(element, 'Registered pipeline')).to.equal(
      format.money({ amount: amountIn(served.registeredPipeline.amounts, 'USD'), currency: 'USD' }),
    );
    // Figures that do not depend on the moment: the client computes at the page's clock, this
    // backend's is stopped (metrics-fallback.test.ts compares SLAs too, at one instant).
    expect(kpi(element, 'Open cases')).to.equal(String(openCases(served.cases)));
    expect(await tableOf(element, 'Registrations by status')).to.deep.equal(
      served.registrations
        .filter((row) => row.value > 0)
        .map((row) => [dealStatusLabel(row.key as DealStatus), String(row.value)]),
    );
  });

  it('refreshes when a registration is submitted', async () => {
    const backend = stoppedBackend();
    const adapter = backend.adapter('partnerAdmin');
    const { element } = await showPartnerDashboard(adapter);
    await ready(element);
    const before = (await adapter.metrics.partner()).registeredPipeline.count;
    expect(kpiHint(element, 'Registered pipeline')).to.equal(`${before} live registrations`);

    const draft = await adapter.deals.create(
      {
        programId: 'prog-reseller',
        dealType: 'new_business',
        customer: { company: 'Fresh Customer GmbH', country: 'DE' },
        products: [{ productId: 'prod-fw-1000', quantity: 1 }],
        estimatedValue: { amount: 7_500_000, currency: 'USD' },
        expectedCloseDate: '2030-06-30',
      },
      { idempotencyKey: 'dashboard-refresh' },
    );
    await adapter.deals.transition(draft.id, 'submitted', { version: draft.version });
    await until(element, `${before + 1} live registrations`);
  });

  it('shows one currency at a time, with a picker when there are several', async () => {
    const backend = stoppedBackend();
    const served = await backend.adapter('partnerAdmin').metrics.partner();
    const eur = { amount: 1_234_500, currency: 'EUR' };
    const withEuros: PartnerMetrics = {
      ...served,
      registeredPipeline: {
        count: served.registeredPipeline.count + 1,
        amounts: [eur, ...served.registeredPipeline.amounts],
      },
    };
    const { adapter } = instrument(backend.adapter('partnerAdmin'), (name, call) =>
      name === 'metrics.partner' ? Promise.resolve(withEuros) : call(),
    );
    const { element } = await showPartnerDashboard(adapter);
    await ready(element);
    // The partner's own currency first.
    expect(kpiTitle(element, 'Registered pipeline')).to.equal(
      format.money({ amount: amountIn(served.registeredPipeline.amounts, 'USD'), currency: 'USD' }),
    );
    const picker = inside<HTMLSelectElement>(element, '[part~="currency"] select');
    picker.value = 'EUR';
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await element.updateComplete;
    await ready(element);
    expect(kpiTitle(element, 'Registered pipeline')).to.equal(format.money(eur));
  });

  it('draws registrations by month over 10 000 registrations', async () => {
    const backend = stoppedBackend();
    const served = await backend.adapter('partnerAdmin').metrics.partner();
    const statuses: DealStatus[] = [
      'submitted',
      'under_review',
      'approved',
      'converted',
      'rejected',
    ];
    const deals = Array.from({ length: 10_000 }, (_, i) => ({
      partnerId: 'p-abc',
      status: statuses[i % statuses.length]!,
      submittedAt: new Date(Date.UTC(2021, 0, 1) + i * 3 * 3_600_000).toISOString(),
      decision: null,
      estimatedValue: { amount: 100_000 + (i % 97) * 1_000, currency: 'USD' },
    }));
    const many = partnerMetrics({
      partner: { id: 'p-abc', certifications: 0 },
      programs: [],
      memberships: [],
      deals,
      opportunities: [],
      cases: [],
      currency: 'USD',
      now: new Date().toISOString(),
    });
    const { adapter } = instrument(backend.adapter('partnerAdmin'), (name, call) =>
      name === 'metrics.partner' ? Promise.resolve({ ...served, ...many, programs: [] }) : call(),
    );
    const { element } = await showPartnerDashboard(adapter);
    await ready(element);
    const line = chart(element, 'Registered value by month');
    await line.updateComplete;
    expect(Boolean(line.shadowRoot!.querySelector('svg path'))).to.equal(true);
    const months = await tableOf(element, 'Registered value by month');
    expect(months.length).to.equal(many.registeredValueByMonth.length);
    const registered = deals.filter((d) => d.status !== 'rejected');
    const total = registered.reduce((sum, d) => sum + d.estimatedValue.amount, 0);
    const shown = many.registeredValueByMonth.reduce(
      (sum, r) => sum + amountIn(r.amounts, 'USD'),
      0,
    );
    expect(shown).to.equal(total);
    const byStatus = await tableOf(element, 'Registrations by status');
    expect(byStatus.reduce((sum, [, value]) => sum + Number(value!.replace(/,/g, '')), 0)).to.equal(
      10_000,
    );
  });

  it('moves through a chart’s values with the keyboard and reports a selection', async () => {
    const backend = stoppedBackend();
    const adapter = backend.adapter('partnerAdmin');
    const expected = await adapter.metrics.partner();
    const { provider, element } = await showPartnerDashboard(adapter);
    await ready(element);
    const selected: string[] = [];
    provider.addEventListener('prm-chart-select', (event: PrmChartSelectEvent) =>
      selected.push(event.key),
    );
    const donut = chart(element, 'Registrations by status');
    donut.shadowRoot!.querySelector<HTMLElement>('[part~="plot-group"]')!.focus();
    await press('ArrowRight');
    await donut.updateComplete;
    const first = expected.registrations.find((row) => row.value > 0)!;
    expect(textOf(donut.shadowRoot!.querySelector('[part~="tooltip"]')!)).to.contain(
      `${dealStatusLabel(first.key as DealStatus)}: ${first.value}`,
    );
    await press('Enter');
    expect(selected).to.deep.equal([first.key]);
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    const backend = stoppedBackend();
    const held = hanging(backend.adapter('partnerAdmin'), (name) => name === 'metrics.partner');
    const { element: loading } = await showPartnerDashboard(held.adapter);
    await loading.updateComplete;
    expect(
      loading.shadowRoot!.querySelector('[part~="loading"]')?.getAttribute('aria-busy'),
    ).to.equal('true');

    const flaky = failFirst(backend.adapter('partnerAdmin'), 'metrics.partner');
    const { element } = await showPartnerDashboard(flaky.adapter);
    await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'no error', {
      timeout: 5000,
    });
    await expect(element).to.be.accessible();
    inside<HTMLButtonElement>(element, '[part~="retry"]').click();
    await ready(element);
    expect(flaky.log.count('metrics.partner')).to.equal(2);
  });

  it('says when there is nothing to show yet', async () => {
    const backend = stoppedBackend();
    const served = await backend.adapter('partnerAdmin').metrics.partner();
    const quiet: PartnerMetrics = {
      ...served,
      programs: [],
      registrations: served.registrations.map((row) => ({ ...row, value: 0 })),
      pipeline: served.pipeline.map((row) => ({ ...row, count: 0, amounts: [] })),
      cases: served.cases.map((row) => ({ ...row, value: 0 })),
    };
    const { adapter } = instrument(backend.adapter('partnerAdmin'), (name, call) =>
      name === 'metrics.partner' ? Promise.resolve(quiet) : call(),
    );
    const { element } = await showPartnerDashboard(adapter);
    await until(element, 'Nothing to show yet');
    await expect(element).to.be.accessible();
  });

  it('asks an enterprise viewer to choose a partner, and shows the one named', async () => {
    const backend = stoppedBackend();
    const { element: unnamed } = await showPartnerDashboard(backend.adapter('channelManager'));
    await until(unnamed, 'Choose a partner to see its dashboard.');

    const expected = await backend.adapter('channelManager').metrics.partner('p-northwind');
    const { element } = await showPartnerDashboard(
      backend.adapter('channelManager'),
      'p-northwind',
    );
    await ready(element);
    expect(kpi(element, 'SLA breaches')).to.equal(String(expected.sla.breached));
  });

  it('is not connected outside a provider', async () => {
    const element = document.createElement('prm-partner-dashboard');
    document.body.append(element);
    await element.updateComplete;
    expect(textOf(element)).to.contain('Not connected');
    element.remove();
  });
});

describe('<prm-enterprise-dashboard>', () => {
  it('shows the core metrics across the partners the viewer may see', async () => {
    const backend = stoppedBackend();
    const adapter = backend.adapter('channelManager');
    const expected = await adapter.metrics.enterprise();
    const element = await showEnterpriseDashboard(adapter);
    await ready(element);
    const active = expected.partnersByStatus.find((row) => row.key === 'active')!.value;

    expect(kpi(element, 'Active partners')).to.equal(String(active));
    expect(kpi(element, 'Approvals waiting')).to.equal(String(expected.approvals.waiting));
    expect(kpiHint(element, 'Approvals waiting')).to.equal(`${expected.approvals.overdue} overdue`);
    expect(kpi(element, 'Open cases')).to.equal(String(openCases(expected.casesByStatus)));
    expect(kpi(element, 'SLA breaches')).to.equal(String(expected.sla.breached));
    expect(kpi(element, 'Active in 30 days')).to.equal(String(expected.engagement.active30Days));

    expect(await tableOf(element, 'Active partners by tier')).to.deep.equal(
      expected.partnersByTier.map((row) => [
        partnerTierLabel(row.key as PartnerTier),
        String(row.value),
      ]),
    );
    const usd = expected.topPartnersByRegisteredValue.find((r) => r.currency === 'USD')!;
    expect(await tableOf(element, 'Top partners by registered pipeline')).to.deep.equal(
      usd.rows.map((row) => [row.label!, format.money({ amount: row.value, currency: 'USD' })]),
    );
    expect(await tableOf(element, 'Conversion by program')).to.deep.equal(
      expected.conversionByProgram
        .filter((row) => row.value !== null)
        .map((row) => [row.label!, format.percent(row.value!)]),
    );
    const engagement = await tableOf(element, 'Most engaged partners (activities)');
    expect(engagement.map((row) => row[0])).to.deep.equal(
      expected.engagement.mostEngaged.map((row) => row.label),
    );
    expect(engagement.map((row) => row.at(-1))).to.deep.equal(
      expected.engagement.mostEngaged.map((row) => String(row.last90Days)),
    );
    const cases = await tableOf(element, 'Open cases by partner');
    expect(cases.map((row) => [row[0], row.at(-2), row.at(-1)])).to.deep.equal(
      expected.casesByPartner.map((row) => [row.label, String(row.breached), String(row.open)]),
    );
    const attention = inside(element, '[part~="attention"]');
    expect(attention.querySelectorAll('tbody tr').length).to.equal(
      expected.engagement.leastEngaged.length,
    );
    await expect(element).to.be.accessible();
  });

  it('reports the partner chosen in a partner chart or the least engaged table', async () => {
    const backend = stoppedBackend();
    const adapter = backend.adapter('channelManager');
    const expected = await adapter.metrics.enterprise();
    const element = await showEnterpriseDashboard(adapter);
    await ready(element);
    const chosen: string[] = [];
    element.addEventListener('prm-partner-select', (event: PrmPartnerSelectEvent) =>
      chosen.push(`${event.partnerId} ${event.name}`),
    );

    const least = expected.engagement.leastEngaged[0]!;
    const button = [...inside(element, '[part~="attention"]').querySelectorAll('button')].find(
      (candidate) => textOf(candidate) === least.label,
    );
    button!.focus();
    await press('Enter');
    const top = chart(element, 'Top partners by registered pipeline');
    top.shadowRoot!.querySelector<HTMLElement>('[part~="plot-group"]')!.focus();
    await press('ArrowDown');
    await press('Enter');
    const first = expected.topPartnersByRegisteredValue.find((r) => r.currency === 'USD')!.rows[0]!;
    expect(chosen).to.deep.equal([`${least.key} ${least.label}`, `${first.key} ${first.label}`]);
  });

  it('computes the same figures from the lists when the adapter serves no metrics', async () => {
    const backend = stoppedBackend();
    const served = await backend.adapter('enterpriseAdmin').metrics.enterprise();
    const { adapter, log } = instrument(backend.adapter('enterpriseAdmin'));
    const listsOnly = { ...adapter, capabilities: { ...adapter.capabilities, metrics: false } };
    const element = await showEnterpriseDashboard(listsOnly);
    await ready(element);
    expect(log.count('metrics.enterprise')).to.equal(0);
    // Figures that do not depend on the moment (see the partner dashboard's same test).
    expect(kpi(element, 'Approvals waiting')).to.equal(String(served.approvals.waiting));
    expect(kpi(element, 'Open cases')).to.equal(String(openCases(served.casesByStatus)));
    expect(await tableOf(element, 'Active partners by tier')).to.deep.equal(
      served.partnersByTier.map((row) => [
        partnerTierLabel(row.key as PartnerTier),
        String(row.value),
      ]),
    );
  });

  it('tells a partner viewer it is for the enterprise team', async () => {
    const element = await showEnterpriseDashboard(stoppedBackend().adapter('partnerAdmin'));
    await until(element, 'The enterprise dashboard is for the enterprise team.');
  });

  it('shows an error with a retry', async () => {
    const flaky = failFirst(stoppedBackend().adapter('channelManager'), 'metrics.enterprise');
    const element = await showEnterpriseDashboard(flaky.adapter);
    await until(element, 'Try again');
    inside<HTMLButtonElement>(element, '[part~="retry"]').click();
    await ready(element);
  });
});
