import { msg, str } from '@lit/localize';
import { max, min } from 'd3-array';
import { scaleBand, type ScaleBand, type ScaleLinear } from 'd3-scale';
import { stack, stackOffsetDiverging, type Series } from 'd3-shape';
import { html, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  CHAR_WIDTH,
  fitText,
  textWidth,
  tickCount,
  valueAxis,
  valueScale,
  type PlotArea,
} from './axes.js';
import {
  CHART_ORIENTATIONS,
  PrmChartElement,
  colourOf,
  type ChartOrientation,
  type ChartPoint,
  type ChartSeries,
  type StackedDatum,
} from './chart-element.js';

/** Pixels per category row of a horizontal chart (it grows past `height` to keep them). */
const ROW = 28;

interface Layout {
  area: PlotArea;
  band: ScaleBand<string>;
  value: ScaleLinear<number, number>;
  ticks: { value: number; label: string }[];
  stacked: Series<StackedDatum, number>[];
}

/**
 * Bars along a category axis, one stacked segment per series: the bar chart is its
 * one-series case. Vertical bars stand on the x axis; horizontal ones suit long labels.
 */
export abstract class PrmBandChart extends PrmChartElement {
  /** `vertical` (default) or `horizontal` (long category names, such as partners). */
  @property({ reflect: true }) accessor orientation: ChartOrientation = 'vertical';

  /** The categories, each with a value per series. */
  protected abstract get rows(): StackedDatum[];
  protected abstract get seriesList(): ChartSeries[];

  protected override get count(): number {
    return this.rows.length;
  }

  protected override datumAt(index: number) {
    const row = this.rows[index];
    return { key: row?.key ?? '', label: row?.label ?? '' };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!CHART_ORIENTATIONS.includes(this.orientation)) this.orientation = 'vertical';
  }

  protected override plotHeight(): number {
    return this.orientation === 'horizontal'
      ? Math.max(this.height, this.rows.length * ROW + 36)
      : this.height;
  }

  protected total(row: StackedDatum): number {
    return row.values.reduce((sum, value) => sum + value, 0);
  }

  protected override anchor(index: number, width: number, height: number): ChartPoint {
    const { band, value, stacked } = this.#layoutFor(width, height);
    const top = max(stacked, (series) => series[index]?.[1]) ?? 0;
    const centre = (band(String(index)) ?? 0) + band.bandwidth() / 2;
    return this.orientation === 'vertical'
      ? { x: centre, y: value(Math.max(0, top)) }
      : { x: value(Math.max(0, top)), y: centre - band.bandwidth() / 2 };
  }

  protected override renderPlot(width: number, height: number): SVGTemplateResult {
    const { area, band, value, ticks, stacked } = this.#layoutFor(width, height);
    const vertical = this.orientation === 'vertical';
    const zero = value(0);
    const marks = stacked.map((series, s) =>
      series.map((point, i) => {
        const [from, to] = [value(point[0]), value(point[1])];
        const start = band(String(i)) ?? 0;
        const size = band.bandwidth();
        return svg`<rect
          class="mark"
          part="bar"
          data-index=${i}
          data-colour=${colourOf(s)}
          ?data-active=${this.active === i}
          x=${vertical ? start : Math.min(from, to)}
          y=${vertical ? Math.min(from, to) : start}
          width=${vertical ? size : Math.abs(to - from)}
          height=${vertical ? Math.abs(to - from) : size}
        ></rect>`;
      }),
    );
    return svg`${valueAxis(value, ticks, this.orientation, area)}
      <g class="marks">${marks}</g>
      ${
        vertical
          ? svg`<line class="baseline" x1=${area.left} x2=${area.right} y1=${zero} y2=${zero}></line>`
          : svg`<line class="baseline" x1=${zero} x2=${zero} y1=${area.top} y2=${area.bottom}></line>`
      }
      ${this.#categoryLabels(band, area)}`;
  }

  protected override renderTableContent() {
    const series = this.seriesList;
    const many = series.length > 1;
    return html`<thead>
        <tr>
          <th scope="col">${msg('Category')}</th>
          ${series.map((s) => html`<th scope="col">${s.label}</th>`)}
          ${many ? html`<th scope="col">${msg('Total')}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${this.rows.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.label}</th>
              ${series.map((_, s) => html`<td>${this.formatted(row.values[s] ?? 0)}</td>`)}
              ${many ? html`<td>${this.formatted(this.total(row))}</td>` : ''}
            </tr>`,
        )}
      </tbody>`;
  }

  protected override describe(index: number): string[] {
    const row = this.rows[index];
    if (!row) return [];
    const lines = [msg(str`${row.label}: ${this.formatted(this.total(row))}`)];
    if (this.seriesList.length > 1) {
      this.seriesList.forEach((series, s) =>
        lines.push(msg(str`${series.label}: ${this.formatted(row.values[s] ?? 0)}`)),
      );
    }
    return lines;
  }

  #categoryLabels(band: ScaleBand<string>, area: PlotArea): SVGTemplateResult {
    const rows = this.rows;
    if (this.orientation === 'horizontal') {
      return svg`<g part="categories">${rows.map(
        (row, i) =>
          svg`<text class="category" x=${area.left - 6} y=${(band(String(i)) ?? 0) + band.bandwidth() / 2}
            dy="0.32em" text-anchor="end">${fitText(row.label, area.left - 10)}</text>`,
      )}</g>`;
    }
    // Every `step`-th label, so that none overlap; each cut to its share of the axis.
    const widest = Math.max(...rows.map((row) => textWidth(row.label)), CHAR_WIDTH);
    const room = Math.max(band.step(), CHAR_WIDTH * 6);
    const step = Math.max(1, Math.ceil(Math.min(widest, CHAR_WIDTH * 12) / room));
    return svg`<g part="categories">${rows.map((row, i) =>
      i % step === 0
        ? svg`<text class="category" x=${(band(String(i)) ?? 0) + band.bandwidth() / 2}
            y=${area.bottom + 16} text-anchor="middle">${fitText(row.label, room * step - 4)}</text>`
        : '',
    )}</g>`;
  }

  #layoutFor(width: number, height: number): Layout {
    const rows = this.rows;
    const keys = this.seriesList.map((_, s) => s);
    // Diverging: negative values stack below zero instead of overlapping the positive ones.
    const stacked = stack<StackedDatum, number>()
      .keys(keys)
      .value((row, s) => row.values[s] ?? 0)
      .offset(stackOffsetDiverging)(rows);
    const vertical = this.orientation === 'vertical';
    // Horizontal: the value axis gets what the category labels leave, about 60 %.
    const count = vertical ? tickCount(height - 32, 40) : tickCount(width * 0.6, 90);
    const { scale: value, ticks } = valueScale(
      min(stacked, (series) => min(series, (point) => point[0])) ?? 0,
      max(stacked, (series) => max(series, (point) => point[1])) ?? 0,
      count,
      (tick) => this.formattedTick(tick),
    );
    const widestTick = Math.max(...ticks.map((tick) => textWidth(tick.label)), CHAR_WIDTH);
    const widestLabel = Math.max(...rows.map((row) => textWidth(row.label)), CHAR_WIDTH);
    const area: PlotArea = vertical
      ? { left: widestTick + 10, right: width - 8, top: 8, bottom: height - 24 }
      : {
          left: Math.min(Math.round(width * 0.4), widestLabel + 12),
          right: width - widestTick / 2 - 4,
          top: 4,
          bottom: height - 22,
        };
    value.range(vertical ? [area.bottom, area.top] : [area.left, area.right]);
    const band = scaleBand<string>()
      // By position: two categories with the same key still get a bar each.
      .domain(rows.map((_, i) => String(i)))
      .range(vertical ? [area.left, area.right] : [area.top, area.bottom])
      .padding(0.2);
    return { area, band, value, ticks, stacked };
  }
}
