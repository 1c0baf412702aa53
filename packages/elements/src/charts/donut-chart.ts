import { msg, str } from '@lit/localize';
import { arc, pie, type PieArcDatum } from 'd3-shape';
import { html, svg, type SVGTemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { PrmChartElement, colourOf, type ChartDatum, type ChartPoint } from './chart-element.js';

/** How far the active slice stands out, in pixels. */
const LIFT = 6;

/**
 * @summary A donut: a slice per datum (colour `i % 6` of the palette), the total in the
 * centre, a legend with each value, a tooltip, keyboard navigation and a "Show table" view.
 *
 * Negative values count as zero. With no data, or only zeros, it says "No data yet". Works
 * without a provider; inside one it formats in the provider's locale.
 *
 * @fires prm-chart-select - The viewer chose a slice (Enter on the active slice, or a
 * click); `event.key` and `event.label` name the datum.
 *
 * @csspart base - The whole chart.
 * @csspart label - The chart's label (its heading).
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart plot-group - The focusable area around the plot (arrow keys move between slices).
 * @csspart plot - The `<svg>`.
 * @csspart arc - One slice.
 * @csspart total - The total in the centre.
 * @csspart tooltip - The active slice's label and value.
 * @csspart live - The visually hidden live region announcing the active slice.
 * @csspart legend - Each datum with its colour and value.
 * @csspart legend-item - One datum in the legend.
 * @csspart table - The table view.
 * @csspart state - The empty state ("No data yet"); also `empty`.
 *
 * @cssproperty --prm-chart-1 - Colour of the first slice (and `--prm-chart-2` … `-6` of the next ones).
 */
export class PrmDonutChart extends PrmChartElement {
  /** The slices, in order: `{ key, label, value }`. */
  @property({ attribute: false }) accessor data: ChartDatum[] = [];

  protected override get count(): number {
    return this.data.length;
  }

  protected override isEmpty(): boolean {
    return !this.data.some((datum) => datum.value > 0);
  }

  protected override kindLabel(): string {
    return msg('Donut chart');
  }

  protected override datumAt(index: number) {
    const datum = this.data[index];
    return { key: datum?.key ?? '', label: datum?.label ?? '' };
  }

  protected override describe(index: number): string[] {
    const datum = this.data[index];
    return datum ? [msg(str`${datum.label}: ${this.formatted(datum.value)}`)] : [];
  }

  protected override renderPlot(width: number, height: number): SVGTemplateResult {
    const { arcs, radius } = this.#layout(width, height);
    const shape = arc<PieArcDatum<ChartDatum>>()
      .innerRadius(radius * 0.62)
      .outerRadius((slice) => (slice.index === this.active ? radius + LIFT : radius));
    return svg`<g transform=${`translate(${width / 2},${height / 2})`}>
      <g class="marks">${arcs.map(
        (slice) =>
          svg`<path class="mark" part="arc" data-index=${slice.index}
            data-colour=${colourOf(slice.index)} ?data-active=${this.active === slice.index}
            d=${shape(slice) ?? ''}></path>`,
      )}</g>
      <text part="total" text-anchor="middle">
        <tspan class="total" x="0" dy="0.1em">${this.formatted(this.#total())}</tspan>
        <tspan class="total-label" x="0" dy="1.6em">${msg('Total')}</tspan>
      </text>
    </g>`;
  }

  protected override anchor(index: number, width: number, height: number): ChartPoint {
    const { arcs, radius } = this.#layout(width, height);
    const slice = arcs[index];
    if (!slice) return { x: width / 2, y: height / 2 };
    const [x, y] = arc<PieArcDatum<ChartDatum>>()
      .innerRadius(radius * 0.62)
      .outerRadius(radius)
      .centroid(slice);
    return { x: width / 2 + x, y: height / 2 + y };
  }

  protected override renderLegend() {
    return html`<ul class="legend" part="legend" aria-label=${msg('Legend')}>
      ${this.data.map(
        (datum, i) =>
          html`<li part="legend-item">
            <span class="swatch" data-colour=${colourOf(i)}></span>${datum.label}
            <span class="muted">${this.formatted(datum.value)}</span>
          </li>`,
      )}
    </ul>`;
  }

  protected override renderTableContent() {
    return this.renderValueTable(this.data, this.#total());
  }

  #total(): number {
    return this.data.reduce((sum, datum) => sum + Math.max(0, datum.value), 0);
  }

  #layout(width: number, height: number) {
    // `sort(null)`: slices keep the data's order, so colours match the legend.
    const arcs = pie<ChartDatum>()
      .value((datum) => Math.max(0, datum.value))
      .sort(null)(this.data);
    return { arcs, radius: Math.max(10, Math.min(width, height) / 2 - LIFT) };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-donut-chart': PrmDonutChart;
  }
}
