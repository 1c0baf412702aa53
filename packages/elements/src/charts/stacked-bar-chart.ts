import { msg } from '@lit/localize';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PrmBandChart } from './band-chart.js';
import { colourOf, type ChartSeries, type StackedDatum } from './chart-element.js';

/**
 * @summary Stacked bars: a bar per category, a segment per series (colour `i % 6` of the
 * palette), with a legend, tooltip, keyboard navigation and a table with a column per series
 * and the total.
 *
 * Negative values stack below zero. Works without a provider; inside one it formats in the
 * provider's locale.
 *
 * @fires prm-chart-select - The viewer chose a category (Enter on the active bar, or a
 * click); `event.key` and `event.label` name the category.
 *
 * @csspart base - The whole chart.
 * @csspart label - The chart's label (its heading).
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart plot-group - The focusable area around the plot (arrow keys move between bars).
 * @csspart plot - The `<svg>`.
 * @csspart bar - One segment of a bar.
 * @csspart axis - The value axis: gridlines and ticks.
 * @csspart categories - The category labels.
 * @csspart tooltip - The active category: its total, then each series.
 * @csspart live - The visually hidden live region announcing the active category.
 * @csspart legend - The series and their colours.
 * @csspart legend-item - One series in the legend.
 * @csspart table - The table view.
 * @csspart state - The empty state ("No data yet"); also `empty`.
 *
 * @cssproperty --prm-chart-1 - Colour of the first series (and `--prm-chart-2` … `-6` of the next ones).
 */
export class PrmStackedBarChart extends PrmBandChart {
  /** The series, in stacking order: `{ key, label }`. */
  @property({ attribute: false }) accessor series: ChartSeries[] = [];

  /** The categories: `{ key, label, values }` with one value per series, in order. */
  @property({ attribute: false }) accessor data: StackedDatum[] = [];

  protected override get rows(): StackedDatum[] {
    return this.data;
  }

  protected override get seriesList(): ChartSeries[] {
    return this.series;
  }

  protected override isEmpty(): boolean {
    return this.data.length === 0 || this.series.length === 0;
  }

  protected override kindLabel(): string {
    return msg('Stacked bar chart');
  }

  protected override renderLegend() {
    return html`<ul class="legend" part="legend" aria-label=${msg('Legend')}>
      ${this.series.map(
        (series, s) =>
          html`<li part="legend-item">
            <span class="swatch" data-colour=${colourOf(s)}></span>${series.label}
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-stacked-bar-chart': PrmStackedBarChart;
  }
}
