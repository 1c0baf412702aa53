import { expect, html, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { PrmBarChart } from '../src/charts/bar-chart.js';
import type { ChartDatum, ChartSeries, StackedDatum } from '../src/charts/chart-element.js';
import type { PrmChartSelectEvent } from '../src/charts/events.js';
import type { PrmDonutChart } from '../src/charts/donut-chart.js';
import type { PrmKpi } from '../src/charts/kpi.js';
import type { PrmLineChart } from '../src/charts/line-chart.js';
import type { PrmProgress } from '../src/charts/progress.js';
import type { PrmStackedBarChart } from '../src/charts/stacked-bar-chart.js';
import { Formatter, setMessageLocale } from '../src/localize.js';
import { HOSTILE, demoBackend, mount, press, textOf } from './support/fixtures.js';

const DATA: ChartDatum[] = [
  { key: 'abc', label: 'ABC Systems', value: 1200 },
  { key: 'north', label: 'Northwind', value: 800 },
  { key: 'contoso', label: 'Contoso', value: 0 },
  { key: 'fabrikam', label: 'Fabrikam', value: 2500 },
];
const en = new Formatter('en');

const boxes: HTMLElement[] = [];
afterEach(() => {
  for (const box of boxes.splice(0)) box.remove();
});

/**
 * Renders `content` into a box `width` pixels wide (no provider) and waits for the plot or
 * the empty state. Built by hand: open-wc's `fixture()` waits for an animation frame.
 */
async function place<T extends HTMLElement>(content: TemplateResult, width = 480): Promise<T> {
  const box = document.createElement('div');
  box.style.setProperty('width', `${width}px`);
  document.body.append(box);
  boxes.push(box);
  render(content, box);
  const element = box.firstElementChild as T;
  await settled(element);
  return element;
}

async function settled(element: Element): Promise<void> {
  await waitUntil(
    () =>
      element.shadowRoot?.querySelector(
        'svg[part~="plot"], [part~="empty"], [part~="meter"], [part~="value"]',
      ),
    'the element never rendered',
  );
}

const $ = (element: Element, selector: string) => element.shadowRoot!.querySelector(selector);
const $$ = (element: Element, selector: string) => [
  ...element.shadowRoot!.querySelectorAll(selector),
];
/** Collapsed white space; Intl's no-break spaces stay. */
const text = (node: Node | null | undefined) =>
  (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
/** The tooltip's lines. */
const tooltip = (element: Element) =>
  [...($(element, '[part~="tooltip"]')?.children ?? [])].map(text).join(' / ');
const live = (element: Element) => text($(element, '[part~="live"]'));

async function showTable(element: HTMLElement & { updateComplete: Promise<boolean> }) {
  const toggle = $(element, 'button[part~="toggle"]') as HTMLButtonElement;
  expect(text(toggle)).to.equal('Show table');
  toggle.click();
  await element.updateComplete;
  expect(text($(element, 'button[part~="toggle"]'))).to.equal('Show chart');
}

/** The table's body rows as text cells. */
const tableRows = (element: Element) =>
  $$(element, 'tbody tr').map((row) => [...row.children].map((cell) => text(cell)));

async function focusPlot(element: HTMLElement & { updateComplete: Promise<boolean> }) {
  ($(element, '[part~="plot-group"]') as HTMLElement).focus();
  await element.updateComplete;
}

async function key(element: HTMLElement & { updateComplete: Promise<boolean> }, name: string) {
  await press(name);
  await element.updateComplete;
}

function selections(element: HTMLElement): string[] {
  const keys: string[] = [];
  element.addEventListener('prm-chart-select', (event: PrmChartSelectEvent) => {
    keys.push(`${event.key}|${event.label}`);
  });
  return keys;
}

describe('prm-bar-chart', () => {
  const bars = (data = DATA, extra = html``) =>
    html`<prm-bar-chart label="Pipeline by partner" .data=${data}>${extra}</prm-bar-chart>`;

  it('draws a bar per datum and is accessible as a chart and as a table', async () => {
    const chart = await place<PrmBarChart>(bars());
    expect($$(chart, 'rect[part~="bar"]')).to.have.length(DATA.length);
    const plot = $(chart, 'svg[part~="plot"]')!;
    expect(plot.getAttribute('role')).to.equal('img');
    expect(plot.getAttribute('aria-label')).to.equal('Pipeline by partner: Bar chart, 4 values');
    // Nothing inside the image takes focus; the group around it does.
    expect($$(chart, 'svg [tabindex]')).to.have.length(0);
    expect($(chart, '[part~="plot-group"]')?.getAttribute('tabindex')).to.equal('0');
    await expect(chart).to.be.accessible();
    await showTable(chart);
    await expect(chart).to.be.accessible();
  });

  it('shows in its table exactly the labels and formatted numbers of the bars', async () => {
    const chart = await place<PrmBarChart>(bars());
    await showTable(chart);
    expect(text($(chart, 'caption'))).to.equal('Pipeline by partner');
    expect(tableRows(chart)).to.deep.equal(DATA.map((d) => [d.label, en.number(d.value)]));
    expect($(chart, 'svg[part~="plot"]') === null).to.equal(true);
  });

  it('formats money in the provider’s locale', async () => {
    const data = [
      { key: 'a', label: 'ABC Systems', value: 123456 },
      { key: 'b', label: 'Northwind', value: 99 },
    ];
    const { element: chart } = await mount<PrmBarChart>(
      demoBackend().adapter('partnerAdmin'),
      html`<prm-provider locale="de"
        ><prm-bar-chart
          label="Umsatz"
          format-as="money"
          currency="EUR"
          .data=${data}
        ></prm-bar-chart
      ></prm-provider>`,
    );
    // The provider switches the page's messages to German; they load on demand.
    await setMessageLocale('de');
    await settled(chart);
    const de = new Formatter('de');
    // Ticks are short, in the same currency and locale (such as "100.000 €").
    expect(text($(chart, '[part~="axis"]'))).to.contain('€');
    const toggle = $(chart, 'button[part~="toggle"]') as HTMLButtonElement;
    expect(text(toggle)).to.equal('Tabelle anzeigen');
    toggle.click();
    await chart.updateComplete;
    expect(text(toggle)).to.equal('Diagramm anzeigen');
    expect(tableRows(chart)).to.deep.equal(
      data.map((d) => [d.label, de.money({ amount: d.value, currency: 'EUR' })]),
    );
    expect(tableRows(chart)[0]?.[1]).to.equal('1.234,56\u00a0€');
    // The other tests read English.
    await setMessageLocale('en');
  });

  it('moves the active bar with the keyboard and announces it', async () => {
    const chart = await place<PrmBarChart>(bars());
    await focusPlot(chart);
    await key(chart, 'ArrowRight');
    expect(tooltip(chart)).to.equal('ABC Systems: 1,200');
    expect(live(chart)).to.equal('ABC Systems: 1,200');
    expect($(chart, 'rect[data-active]') === $$(chart, 'rect[part~="bar"]')[0]).to.equal(true);
    await key(chart, 'ArrowRight');
    expect(live(chart)).to.equal('Northwind: 800');
    await key(chart, 'End');
    expect(tooltip(chart)).to.equal('Fabrikam: 2,500');
    await key(chart, 'ArrowRight');
    expect(tooltip(chart)).to.equal('Fabrikam: 2,500');
    await key(chart, 'Home');
    expect(live(chart)).to.equal('ABC Systems: 1,200');
    await key(chart, 'Escape');
    expect($(chart, '[part~="tooltip"]') === null).to.equal(true);
    expect(live(chart)).to.equal('');
  });

  it('shows the tooltip of the bar under the pointer', async () => {
    const chart = await place<PrmBarChart>(bars());
    const bar = $$(chart, 'rect[part~="bar"]')[3]!;
    bar.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true }));
    await chart.updateComplete;
    expect(tooltip(chart)).to.equal('Fabrikam: 2,500');
    const tip = $(chart, '[part~="tooltip"]') as HTMLElement;
    // Placed through CSSOM custom properties, never a style attribute written by a template.
    expect(tip.style.getPropertyValue('--_x')).to.match(/px$/);
    $(chart, '[part~="plot-group"]')!.dispatchEvent(new PointerEvent('pointerleave'));
    await chart.updateComplete;
    expect($(chart, '[part~="tooltip"]') === null).to.equal(true);
  });

  it('says which bar was chosen by click or Enter', async () => {
    const chart = await place<PrmBarChart>(bars());
    const chosen = selections(chart);
    ($$(chart, 'rect[part~="bar"]')[1] as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true }),
    );
    expect(chosen).to.deep.equal(['north|Northwind']);
    await focusPlot(chart);
    await key(chart, 'End');
    await key(chart, 'Enter');
    expect(chosen).to.deep.equal(['north|Northwind', 'fabrikam|Fabrikam']);
  });

  it('follows the width of its container', async () => {
    const chart = await place<PrmBarChart>(bars(), 600);
    const width = () => Number($(chart, 'svg[part~="plot"]')?.getAttribute('width'));
    await waitUntil(() => width() === 600, 'never took the container’s width');
    chart.parentElement!.style.setProperty('width', '320px');
    await waitUntil(() => width() === 320, 'never followed the container');
  });

  it('says "No data yet" under its label when there is nothing to draw', async () => {
    const chart = await place<PrmBarChart>(bars([]));
    expect(text($(chart, '[part~="empty"]'))).to.equal('No data yet');
    expect(text($(chart, '[part~="label"]'))).to.equal('Pipeline by partner');
    expect($(chart, 'svg, button') === null).to.equal(true);
    await expect(chart).to.be.accessible();
  });

  it('lays out horizontal bars, one row each, growing with the rows', async () => {
    const data = Array.from({ length: 20 }, (_, i) => ({
      key: `p${i}`,
      label: `Partner with a rather long company name number ${i}`,
      value: (i + 1) * 100,
    }));
    const chart = await place<PrmBarChart>(
      html`<prm-bar-chart label="Partners" orientation="horizontal" .data=${data}></prm-bar-chart>`,
    );
    expect($$(chart, 'rect[part~="bar"]')).to.have.length(20);
    expect(Number($(chart, 'svg')?.getAttribute('height'))).to.be.greaterThan(220);
    // Cut to fit on the axis, whole in the table.
    expect(text($$(chart, '.category')[0])).to.match(/…$/);
    await expect(chart).to.be.accessible();
  });

  it('renders hostile labels as text', async () => {
    const data = [{ key: 'x', label: HOSTILE, value: 5 }];
    const chart = await place<PrmBarChart>(
      html`<prm-bar-chart label=${HOSTILE} orientation="horizontal" .data=${data}></prm-bar-chart>`,
      1200,
    );
    expect(text($(chart, '[part~="label"]'))).to.equal(HOSTILE);
    await focusPlot(chart);
    await key(chart, 'ArrowRight');
    expect(tooltip(chart)).to.equal(`${HOSTILE}: 5`);
    await showTable(chart);
    expect(text($(chart, 'tbody th'))).to.equal(HOSTILE);
    expect($(chart, 'img, script') === null).to.equal(true);
    expect((window as { __prmPwned?: boolean }).__prmPwned).to.equal(undefined);
  });

  it('uses formatValue for tooltips, tables and ticks', async () => {
    const chart = await place<PrmBarChart>(
      html`<prm-bar-chart
        label="Deals"
        .data=${DATA}
        .formatValue=${(value: number) => `${value} deals`}
      ></prm-bar-chart>`,
    );
    expect(text($(chart, '[part~="axis"]'))).to.contain('deals');
    await showTable(chart);
    expect(tableRows(chart)[0]).to.deep.equal(['ABC Systems', '1200 deals']);
  });
});

describe('prm-stacked-bar-chart', () => {
  const SERIES: ChartSeries[] = [
    { key: 'submitted', label: 'Submitted' },
    { key: 'approved', label: 'Approved' },
    { key: 'rejected', label: 'Rejected' },
  ];
  const ROWS: StackedDatum[] = [
    { key: '2026-01', label: 'January', values: [4, 2, 1] },
    { key: '2026-02', label: 'February', values: [6, 3, 0] },
  ];
  const stacked = (rows = ROWS) =>
    html`<prm-stacked-bar-chart
      label="Deals by month"
      .series=${SERIES}
      .data=${rows}
    ></prm-stacked-bar-chart>`;

  it('draws a segment per series and category, with a legend; accessible in both views', async () => {
    const chart = await place<PrmStackedBarChart>(stacked());
    expect($$(chart, 'rect[part~="bar"]')).to.have.length(ROWS.length * SERIES.length);
    expect($$(chart, '[part~="legend-item"]').map(text)).to.deep.equal(SERIES.map((s) => s.label));
    expect(
      $$(chart, 'rect[part~="bar"]').map((rect) => rect.getAttribute('data-colour')),
    ).to.deep.equal(['0', '0', '1', '1', '2', '2']);
    await expect(chart).to.be.accessible();
    await showTable(chart);
    await expect(chart).to.be.accessible();
  });

  it('tables a column per series plus the total', async () => {
    const chart = await place<PrmStackedBarChart>(stacked());
    await showTable(chart);
    expect($$(chart, 'thead th').map(text)).to.deep.equal([
      'Category',
      'Submitted',
      'Approved',
      'Rejected',
      'Total',
    ]);
    expect(tableRows(chart)).to.deep.equal([
      ['January', '4', '2', '1', '7'],
      ['February', '6', '3', '0', '9'],
    ]);
  });

  it('tells the total and each series of the active category', async () => {
    const chart = await place<PrmStackedBarChart>(stacked());
    const chosen = selections(chart);
    await focusPlot(chart);
    await key(chart, 'End');
    expect(tooltip(chart)).to.equal('February: 9 / Submitted: 6 / Approved: 3 / Rejected: 0');
    expect(live(chart)).to.equal('February: 9; Submitted: 6; Approved: 3; Rejected: 0');
    expect($$(chart, 'rect[data-active]')).to.have.length(SERIES.length);
    await key(chart, ' ');
    expect(chosen).to.deep.equal(['2026-02|February']);
  });

  it('stacks negative values below the zero line', async () => {
    const chart = await place<PrmStackedBarChart>(
      stacked([{ key: 'q1', label: 'Q1', values: [5, -3, 2] }]),
    );
    const baseline = Number($(chart, '.baseline')?.getAttribute('y1'));
    const [first, negative] = $$(chart, 'rect[part~="bar"]');
    expect(Number(first?.getAttribute('y')) < baseline).to.equal(true);
    expect(Number(negative?.getAttribute('y'))).to.be.closeTo(baseline, 0.5);
    await showTable(chart);
    expect(tableRows(chart)).to.deep.equal([['Q1', '5', '-3', '2', '4']]);
  });

  it('says "No data yet" without rows', async () => {
    const chart = await place<PrmStackedBarChart>(stacked([]));
    expect(text($(chart, '[part~="empty"]'))).to.equal('No data yet');
  });
});

describe('prm-donut-chart', () => {
  const donut = (data = DATA) =>
    html`<prm-donut-chart label="Deals by partner" .data=${data}></prm-donut-chart>`;

  it('draws a slice per datum, the total and a legend; accessible in both views', async () => {
    const chart = await place<PrmDonutChart>(donut());
    expect($$(chart, 'path[part~="arc"]')).to.have.length(DATA.length);
    expect(text($(chart, '[part~="total"]'))).to.equal(`${en.number(4500)} Total`);
    expect($$(chart, '[part~="legend-item"]').map(text)).to.deep.equal(
      DATA.map((d) => `${d.label} ${en.number(d.value)}`),
    );
    await expect(chart).to.be.accessible();
    await showTable(chart);
    expect(tableRows(chart)).to.deep.equal(DATA.map((d) => [d.label, en.number(d.value)]));
    expect(text($(chart, 'tfoot'))).to.equal(`Total ${en.number(4500)}`);
    await expect(chart).to.be.accessible();
  });

  it('formats percentages, moves with the keyboard, selects, and shows hover', async () => {
    const data = [
      { key: 'won', label: 'Won', value: 0.25 },
      { key: 'lost', label: 'Lost', value: 0.75 },
    ];
    const chart = await place<PrmDonutChart>(
      html`<prm-donut-chart label="Outcomes" format-as="percent" .data=${data}></prm-donut-chart>`,
    );
    const chosen = selections(chart);
    await focusPlot(chart);
    await key(chart, 'ArrowLeft');
    expect(live(chart)).to.equal('Lost: 75%');
    await key(chart, 'ArrowUp');
    expect(tooltip(chart)).to.equal('Won: 25%');
    await key(chart, 'Enter');
    expect(chosen).to.deep.equal(['won|Won']);
    $$(chart, 'path[part~="arc"]')[1]!.dispatchEvent(
      new PointerEvent('pointermove', { bubbles: true, composed: true }),
    );
    await chart.updateComplete;
    expect(tooltip(chart)).to.equal('Lost: 75%');
  });

  it('says "No data yet" when every value is zero', async () => {
    const chart = await place<PrmDonutChart>(
      donut([
        { key: 'a', label: 'A', value: 0 },
        { key: 'b', label: 'B', value: 0 },
      ]),
    );
    expect(text($(chart, '[part~="empty"]'))).to.equal('No data yet');
    expect(text($(chart, '[part~="label"]'))).to.equal('Deals by partner');
  });
});

describe('prm-line-chart', () => {
  const months = (count: number): ChartDatum[] =>
    Array.from({ length: count }, (_, i) => ({
      key: `m${i}`,
      label: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      value: Math.round(1000 + 800 * Math.sin(i / 7) + i),
    }));

  it('draws one path (and the area), accessible in both views', async () => {
    const data = months(12);
    const chart = await place<PrmLineChart>(
      html`<prm-line-chart label="Revenue" area .data=${data}></prm-line-chart>`,
    );
    expect($$(chart, 'path[part~="line"]')).to.have.length(1);
    expect($$(chart, 'path[part~="area"]')).to.have.length(1);
    expect($$(chart, 'circle')).to.have.length(0);
    await expect(chart).to.be.accessible();
    await showTable(chart);
    expect(tableRows(chart)).to.deep.equal(data.map((d) => [d.label, en.number(d.value)]));
    await expect(chart).to.be.accessible();
  });

  it('renders 10 000 points quickly, thins the x labels and tables every point', async () => {
    const data = months(10_000);
    const started = performance.now();
    const chart = await place<PrmLineChart>(
      html`<prm-line-chart label="Daily deals" .data=${data}></prm-line-chart>`,
      800,
    );
    const took = performance.now() - started;
    expect(took).to.be.lessThan(1000);
    expect($$(chart, 'path[part~="line"]')).to.have.length(1);
    expect($$(chart, 'circle, rect')).to.have.length(0);
    const labels = $$(chart, '[part~="categories"] text');
    expect(labels.length).to.be.greaterThan(2);
    expect(labels.length).to.be.lessThan(20);
    await focusPlot(chart);
    await key(chart, 'End');
    expect(live(chart)).to.equal(`${data[9999]!.label}: ${en.number(data[9999]!.value)}`);
    await key(chart, 'PageUp');
    expect(live(chart)).to.equal(`${data[8999]!.label}: ${en.number(data[8999]!.value)}`);
    await showTable(chart);
    expect($$(chart, 'tbody tr')).to.have.length(10_000);
  });

  it('finds the nearest point under the pointer and selects it on click', async () => {
    const data = months(5);
    const chart = await place<PrmLineChart>(
      html`<prm-line-chart label="Revenue" .data=${data}></prm-line-chart>`,
    );
    const chosen = selections(chart);
    const group = $(chart, '[part~="plot-group"]')!;
    const plot = $(chart, 'svg')!.getBoundingClientRect();
    // Right edge of the plot: the last point.
    const at = { clientX: plot.right - 2, clientY: plot.top + 20, bubbles: true, composed: true };
    group.dispatchEvent(new PointerEvent('pointermove', at));
    await chart.updateComplete;
    expect(tooltip(chart)).to.equal(`${data[4]!.label}: ${en.number(data[4]!.value)}`);
    expect($$(chart, 'circle[part~="marker"]')).to.have.length(1);
    group.dispatchEvent(new MouseEvent('click', { ...at, clientX: plot.left }));
    expect(chosen).to.deep.equal([`m0|${data[0]!.label}`]);
  });

  it('follows the width of its container and says "No data yet" without points', async () => {
    const chart = await place<PrmLineChart>(
      html`<prm-line-chart label="Revenue" .data=${months(30)}></prm-line-chart>`,
      500,
    );
    const width = () => Number($(chart, 'svg')?.getAttribute('width'));
    await waitUntil(() => width() === 500);
    chart.parentElement!.style.setProperty('width', '700px');
    await waitUntil(() => width() === 700, 'never followed the container');
    chart.data = [];
    await chart.updateComplete;
    expect(text($(chart, '[part~="empty"]'))).to.equal('No data yet');
    await expect(chart).to.be.accessible();
  });
});

describe('prm-progress', () => {
  it('shows "value of max" and exposes a meter', async () => {
    const progress = await place<PrmProgress>(
      html`<prm-progress label="Certified people" value="3" max="5"></prm-progress>`,
    );
    const meter = $(progress, '[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('3');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('5');
    expect(meter.getAttribute('aria-valuetext')).to.equal('3 of 5');
    expect(text($(progress, '[part~="value"]'))).to.equal('3 of 5');
    expect(progress.hasAttribute('met')).to.equal(false);
    const fill = $(progress, '[part~="fill"]') as HTMLElement;
    expect(fill.style.getPropertyValue('--_ratio')).to.equal('0.6');
    await expect(progress).to.be.accessible();
  });

  it('marks the target met and formats money', async () => {
    const progress = await place<PrmProgress>(
      html`<prm-progress
        label="Revenue"
        value="6000000"
        max="5000000"
        format-as="money"
        currency="USD"
      ></prm-progress>`,
    );
    expect(progress.hasAttribute('met')).to.equal(true);
    expect(text($(progress, '[part~="value"]'))).to.equal('$60,000.00 of $50,000.00 (target met)');
    expect($(progress, '[role="meter"]')?.getAttribute('aria-valuenow')).to.equal('5000000');
    await expect(progress).to.be.accessible();
  });
});

describe('prm-kpi', () => {
  it('shows "—" while the value is not known', async () => {
    const kpi = await place<PrmKpi>(
      html`<prm-kpi label="Win rate" format-as="percent" hint="No deal closed yet"></prm-kpi>`,
    );
    expect(text($(kpi, '[part~="value"] [aria-hidden]'))).to.equal('—');
    expect(textOf(kpi)).to.contain('Not known yet');
    expect(text($(kpi, '[part~="hint"]'))).to.equal('No deal closed yet');
    expect(kpi.getAttribute('tone')).to.equal('neutral');
    kpi.setAttribute('value', '0.425');
    await kpi.updateComplete;
    expect(text($(kpi, '[part~="value"]'))).to.equal('42.5%');
    kpi.setAttribute('value', '');
    await kpi.updateComplete;
    expect(text($(kpi, '[part~="value"] [aria-hidden]'))).to.equal('—');
    kpi.setAttribute('value', 'n/a');
    await kpi.updateComplete;
    expect(text($(kpi, '[part~="value"] [aria-hidden]'))).to.equal('—');
    await expect(kpi).to.be.accessible();
  });

  it('reflects its tone and draws a decorative trend', async () => {
    const kpi = await place<PrmKpi>(
      html`<prm-kpi label="Open cases" value="12" .trend=${[3, 5, 4, 12]}></prm-kpi>`,
    );
    kpi.tone = 'danger';
    await kpi.updateComplete;
    expect(kpi.getAttribute('tone')).to.equal('danger');
    const trend = $(kpi, 'svg[part~="trend"]')!;
    expect(trend.getAttribute('aria-hidden')).to.equal('true');
    expect($$(kpi, 'svg[part~="trend"] path')).to.have.length(1);
    expect(text($(kpi, '[part~="value"]'))).to.equal('12');
    await expect(kpi).to.be.accessible();
  });

  it('renders a hostile label and hint as text', async () => {
    const kpi = await place<PrmKpi>(
      html`<prm-kpi label=${HOSTILE} hint=${HOSTILE} value="1"></prm-kpi>`,
    );
    expect(text($(kpi, '[part~="label"]'))).to.equal(HOSTILE);
    expect($(kpi, 'img, script') === null).to.equal(true);
  });
});
