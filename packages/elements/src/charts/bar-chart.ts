import { msg } from '@lit/localize';
import { property } from 'lit/decorators.js';
import { PrmBandChart } from './band-chart.js';
import type { ChartDatum, ChartSeries, StackedDatum } from './chart-element.js';

/**
 * @summary A bar per datum, vertical or horizontal (for long names such as partners), with a
 * tooltip, keyboard navigation and a "Show table" view holding the same numbers.
 *
 * Works without a provider; inside one it formats in the provider's locale.
 *
 * @fires prm-chart-select - The viewer chose a bar (Enter on the active bar, or a click);
 * `event.key` and `event.label` name the datum.
 *
 * @csspart base - The whole chart.
 * @csspart label - The chart's label (its heading).
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart plot-group - The focusable area around the plot (arrow keys move between bars).
 * @csspart plot - The `<svg>`.
 * @csspart bar - One bar.
 * @csspart axis - The value axis: gridlines and ticks.
 * @csspart categories - The category labels.
 * @csspart tooltip - The active bar's label and value.
 * @csspart live - The visually hidden live region announcing the active bar.
 * @csspart table - The table view.
 * @csspart state - The empty state ("No data yet"); also `empty`.
 *
 * @cssproperty --prm-chart-1 - Colour of the bars (default: the accent colour).
 */
export class PrmBarChart extends PrmBandChart {
  /** The bars, in order: `{ key, label, value }`. */
  @property({ attribute: false }) accessor data: ChartDatum[] = [];

  protected override get rows(): StackedDatum[] {
    return this.data.map(({ key, label, value }) => ({ key, label, values: [value] }));
  }

  protected override get seriesList(): ChartSeries[] {
    return [{ key: 'value', label: msg('Value') }];
  }

  protected override kindLabel(): string {
    return msg('Bar chart');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-bar-chart': PrmBarChart;
  }
}
