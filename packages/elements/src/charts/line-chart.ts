import { msg, str } from '@lit/localize';
import { extent } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { nothing, svg, type PropertyValues, type SVGTemplateResult } from 'lit';
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
import { PrmChartElement, type ChartDatum, type ChartPoint } from './chart-element.js';

interface Layout {
  width: number;
  height: number;
  area: PlotArea;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  ticks: { value: number; label: string }[];
  /** The `d` of the line and of the area under it: one path each, however many points. */
  line: string;
  fill: string;
}

/**
 * @summary A line over categories in x order (months such as `2026-03`), optionally with the
 * area under it filled: one path however many points (10 000 render at once), x labels
 * thinned to fit, the nearest point under the pointer or the keyboard's cursor in a tooltip.
 *
 * Works without a provider; inside one it formats in the provider's locale.
 *
 * @fires prm-chart-select - The viewer chose a point (Enter on the active point, or a
 * click); `event.key` and `event.label` name the datum.
 *
 * @csspart base - The whole chart.
 * @csspart label - The chart's label (its heading).
 * @csspart toggle - The "Show table" / "Show chart" button.
 * @csspart plot-group - The focusable area around the plot (arrow keys move between points,
 * Page Up/Down by a tenth).
 * @csspart plot - The `<svg>`.
 * @csspart line - The line.
 * @csspart area - The filled area under the line (with `area`).
 * @csspart marker - The active point.
 * @csspart axis - The value axis: gridlines and ticks.
 * @csspart categories - The x labels.
 * @csspart tooltip - The active point's label and value.
 * @csspart live - The visually hidden live region announcing the active point.
 * @csspart table - The table view (a row per point).
 * @csspart state - The empty state ("No data yet"); also `empty`.
 *
 * @cssproperty --prm-chart-1 - Colour of the line and the area.
 */
export class PrmLineChart extends PrmChartElement {
  /** The points in x order: `{ key, label, value }`; `label` is the x category. */
  @property({ attribute: false }) accessor data: ChartDatum[] = [];

  /** Fill the area under the line. */
  @property({ type: Boolean, reflect: true }) accessor area = false;

  /** The paths of 10 000 points cost milliseconds: built again only when data or size change. */
  #layout: Layout | undefined;

  protected override get count(): number {
    return this.data.length;
  }

  protected override kindLabel(): string {
    return msg('Line chart');
  }

  protected override datumAt(index: number) {
    const datum = this.data[index];
    return { key: datum?.key ?? '', label: datum?.label ?? '' };
  }

  protected override describe(index: number): string[] {
    const datum = this.data[index];
    return datum ? [msg(str`${datum.label}: ${this.formatted(datum.value)}`)] : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const inputs = ['data', 'area', 'connection', 'formatAs', 'currency', 'formatValue'] as const;
    if (inputs.some((name) => changed.has(name))) this.#layout = undefined;
  }

  /** The nearest point to the pointer, by index maths (the x scale is linear in the index). */
  protected override indexAt(event: PointerEvent | MouseEvent): number | undefined {
    const plot = this.renderRoot.querySelector('svg');
    if (!plot || this.count === 0) return undefined;
    const { x } = this.#layoutFor(this.width, this.plotHeight());
    const offset = event.clientX - plot.getBoundingClientRect().left;
    return Math.min(this.count - 1, Math.max(0, Math.round(x.invert(offset))));
  }

  protected override anchor(index: number, width: number, height: number): ChartPoint {
    const { x, y } = this.#layoutFor(width, height);
    return { x: x(index), y: y(this.data[index]?.value ?? 0) };
  }

  protected override renderPlot(width: number, height: number): SVGTemplateResult {
    const layout = this.#layoutFor(width, height);
    const { x, y, area: plot } = layout;
    const active = this.active === undefined ? undefined : this.data[this.active];
    return svg`${valueAxis(y, layout.ticks, 'vertical', plot)}
      ${this.area ? svg`<path class="area" part="area" d=${layout.fill}></path>` : nothing}
      <path class="line" part="line" d=${layout.line}></path>
      ${this.#xLabels(x, plot)}
      ${
        active && this.active !== undefined
          ? svg`<line class="guide" x1=${x(this.active)} x2=${x(this.active)} y1=${plot.top} y2=${plot.bottom}></line>
            <circle class="marker" part="marker" r="4" cx=${x(this.active)} cy=${y(active.value)}></circle>`
          : nothing
      }`;
  }

  protected override renderTableContent() {
    return this.renderValueTable(this.data);
  }

  /** As many x labels as fit side by side: every `step`-th point gets one. */
  #xLabels(x: ScaleLinear<number, number>, plot: PlotArea): SVGTemplateResult {
    const data = this.data;
    const slot = Math.min(this.#widestLabel(), CHAR_WIDTH * 12) + 16;
    const fit = Math.max(1, Math.floor((plot.right - plot.left) / slot));
    const step = Math.max(1, Math.ceil(data.length / fit));
    const labels: SVGTemplateResult[] = [];
    for (let i = 0; i < data.length; i += step) {
      // Labels near an edge sit inside the plot rather than centred past it.
      const at = x(i);
      const anchor =
        at - slot / 2 < plot.left ? 'start' : at + slot / 2 > plot.right ? 'end' : 'middle';
      labels.push(
        svg`<text class="category" x=${at} y=${plot.bottom + 16} text-anchor=${anchor}>${fitText(
          data[i]?.label ?? '',
          slot - 8,
        )}</text>`,
      );
    }
    return svg`<g part="categories">${labels}</g>`;
  }

  #widestLabel(): number {
    let widest = CHAR_WIDTH;
    for (const datum of this.data) widest = Math.max(widest, textWidth(datum.label));
    return widest;
  }

  #layoutFor(width: number, height: number): Layout {
    if (this.#layout?.width === width && this.#layout.height === height) return this.#layout;
    const values = this.data.map((datum) => datum.value);
    const [low = 0, high = 0] = extent(values);
    const { scale: y, ticks } = valueScale(low, high, tickCount(height - 32, 40), (tick) =>
      this.formattedTick(tick),
    );
    const left = Math.max(...ticks.map((tick) => textWidth(tick.label)), CHAR_WIDTH) + 10;
    // Room on the right for half of the last x label.
    const right = width - Math.min(this.#widestLabel(), CHAR_WIDTH * 12) / 2 - 4;
    const plot: PlotArea = { left, right, top: 8, bottom: height - 24 };
    y.range([plot.bottom, plot.top]);
    const x = scaleLinear()
      .domain([0, Math.max(0, values.length - 1)])
      .range([plot.left, plot.right]);
    const base = y(Math.max(y.domain()[0] ?? 0, 0));
    const lineOf = line<number>()
      .x((_, i) => x(i))
      .y((value) => y(value))
      .digits(1);
    const areaOf = area<number>()
      .x((_, i) => x(i))
      .y0(base)
      .y1((value) => y(value))
      .digits(1);
    return (this.#layout = {
      width,
      height,
      area: plot,
      x,
      y,
      ticks,
      line: lineOf(values) ?? '',
      fill: this.area ? (areaOf(values) ?? '') : '',
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-line-chart': PrmLineChart;
  }
}
