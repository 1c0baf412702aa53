import { msg, str } from '@lit/localize';
import {
  html,
  nothing,
  type PropertyValues,
  type SVGTemplateResult,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { emptyView } from '../internal/views.js';
import { chartStyles } from './chart.styles.js';
import { PrmChartSelectEvent } from './events.js';
import { PrmValueElement } from './value-element.js';

/** One bar, slice or point. */
export interface ChartDatum {
  key: string;
  label: string;
  value: number;
}

/** One series of a stacked chart. */
export interface ChartSeries {
  key: string;
  label: string;
}

/** One category of a stacked chart: a value per series, in the order of `series`. */
export interface StackedDatum {
  key: string;
  label: string;
  values: number[];
}

export const CHART_ORIENTATIONS = ['vertical', 'horizontal'] as const;
export type ChartOrientation = (typeof CHART_ORIENTATIONS)[number];

/** Where the tooltip points, in the plot's pixels. */
export interface ChartPoint {
  x: number;
  y: number;
}

/** The palette slot (`--prm-chart-1…6`) of series or category `index`. */
export const colourOf = (index: number): number => index % 6;

/**
 * What every chart shares: the label, the plot sized by its container, a keyboard- and
 * pointer-driven active datum with a tooltip and a live announcement, the select event, the
 * "Show table" view and the empty state. A chart supplies its marks and numbers.
 */
export abstract class PrmChartElement extends PrmValueElement {
  static override styles = [...PrmValueElement.styles, chartStyles];

  readonly #resize = new ResizeObserver(([entry]) => {
    const width = Math.floor(entry?.contentRect.width ?? 0);
    if (width !== this.width) this.width = width;
  });

  /** The width of the plot, from the container (no scaling: text stays at its size). */
  @state() protected accessor width = 0;
  /** The datum under the pointer or the keyboard's cursor. */
  @state() protected accessor active: number | undefined;
  @state() private accessor tableShown = false;
  /** What the live region says (the active datum, when moved to by keyboard). */
  @state() private accessor announcement = '';

  /** The chart's name: its heading, and the accessible name of the plot and the table. */
  @property() accessor label = '';

  /** Height of the plot in pixels. */
  @property({ type: Number }) accessor height = 220;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#observeWidth();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  /** How many data the keyboard moves through. */
  protected abstract get count(): number;
  /** "Bar chart", "Line chart", … for the plot's accessible summary. */
  protected abstract kindLabel(): string;
  protected abstract datumAt(index: number): { key: string; label: string };
  /** The tooltip's lines for datum `index`; the first is "Label: value". */
  protected abstract describe(index: number): string[];
  /** The marks, axes and labels inside the `<svg>`. */
  protected abstract renderPlot(width: number, height: number): SVGTemplateResult;
  /** Where the tooltip of datum `index` points. */
  protected abstract anchor(index: number, width: number, height: number): ChartPoint;
  /** The table's head and body: exactly the chart's numbers. */
  protected abstract renderTableContent(): TemplateResult;

  /** The table of a chart with one value per datum, with a total row when given one. */
  protected renderValueTable(data: readonly ChartDatum[], total?: number): TemplateResult {
    return html`<thead>
        <tr>
          <th scope="col">${msg('Category')}</th>
          <th scope="col">${msg('Value')}</th>
        </tr>
      </thead>
      <tbody>
        ${data.map(
          (datum) =>
            html`<tr>
              <th scope="row">${datum.label}</th>
              <td>${this.formatted(datum.value)}</td>
            </tr>`,
        )}
      </tbody>
      ${
        total === undefined
          ? nothing
          : html`<tfoot>
              <tr>
                <th scope="row">${msg('Total')}</th>
                <td>${this.formatted(total)}</td>
              </tr>
            </tfoot>`
      }`;
  }

  /** Height of the `<svg>`; a chart may grow it (horizontal bars, one row each). */
  protected plotHeight(): number {
    return this.height;
  }

  protected isEmpty(): boolean {
    return this.count === 0;
  }

  /** The legend below the plot, if the chart has one. */
  protected renderLegend(): unknown {
    return nothing;
  }

  /** The datum under a pointer: marks carry `data-index`; a chart may compute it instead. */
  protected indexAt(event: PointerEvent | MouseEvent): number | undefined {
    for (const target of event.composedPath()) {
      if (target === event.currentTarget) break;
      const index = target instanceof Element ? target.getAttribute('data-index') : null;
      if (index !== null) return Number(index);
    }
    return undefined;
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    this.#observeWidth();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.active !== undefined && this.active >= this.count) this.active = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    if (!tooltip || this.active === undefined || this.width === 0) return;
    const { x, y } = this.anchor(this.active, this.width, this.plotHeight());
    // CSSOM, not a style attribute (strict CSP). `--_shift` slides the tooltip along its own
    // width as the point nears an edge, so it never leaves the plot.
    tooltip.style.setProperty('--_x', `${x}px`);
    tooltip.style.setProperty('--_y', `${y}px`);
    tooltip.style.setProperty('--_shift', String(Math.round((x / this.width) * 100)));
    // Below the point when there is no room above (a tall stacked tooltip near the top).
    tooltip.toggleAttribute('data-below', y - tooltip.offsetHeight - 8 < 0);
  }

  protected override render() {
    return html`<div class="sizer"></div>
      ${this.#renderContent()}`;
  }

  /**
   * Watches a zero-height line as wide as the element rather than the element itself: the
   * element's height follows the plot, and a resize that changes what it watches would loop.
   */
  #observeWidth(): void {
    const sizer = this.renderRoot.querySelector('.sizer');
    if (sizer) this.#resize.observe(sizer);
  }

  #renderContent() {
    const title = this.label || this.kindLabel();
    const header = html`<div class="header">
      <span class="title" part="label" id="title">${this.label}</span>
      ${
        this.isEmpty()
          ? nothing
          : html`<button
              type="button"
              part="toggle"
              aria-describedby="title"
              @click=${this.#toggleTable}
            >
              ${this.tableShown ? msg('Show chart') : msg('Show table')}
            </button>`
      }
    </div>`;
    if (this.isEmpty()) {
      return html`<div part="base">${header}${emptyView(msg('No data yet'))}</div>`;
    }
    return html`<div part="base">
      ${header}
      ${
        this.tableShown
          ? html`<table part="table">
              <caption>
                ${title}
              </caption>
              ${this.renderTableContent()}
            </table>`
          : html`${this.#renderChart(title)}${this.renderLegend()}`
      }
      <div class="visually-hidden" part="live" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderChart(title: string) {
    const height = this.plotHeight();
    const summary = msg(str`${title}: ${this.kindLabel()}, ${this.count} values`);
    return html`<div
        class="plot"
        part="plot-group"
        role="group"
        tabindex="0"
        aria-label=${title}
        aria-describedby="keys"
        @keydown=${this.#onKeydown}
        @pointermove=${this.#onPointerMove}
        @pointerleave=${this.#clear}
        @click=${this.#onClick}
        @blur=${this.#clear}
      >
        ${
          this.width > 0
            ? html`<svg
                part="plot"
                role="img"
                aria-label=${summary}
                width=${this.width}
                height=${height}
                data-active=${this.active === undefined ? 'none' : 'some'}
              >
                ${this.renderPlot(this.width, height)}
              </svg>`
            : html`<div class="placeholder"></div>`
        }
        ${
          this.active === undefined
            ? nothing
            : html`<div class="tooltip" part="tooltip" aria-hidden="true">
                ${this.describe(this.active).map((line) => html`<div>${line}</div>`)}
              </div>`
        }
      </div>
      <span id="keys" class="visually-hidden"
        >${msg('Arrow keys, Home and End move between values; Enter selects one.')}</span
      >`;
  }

  #onKeydown(event: KeyboardEvent): void {
    const last = this.count - 1;
    const current = this.active;
    // Page keys jump a tenth of the data: a line of 10 000 points is not 10 000 presses.
    const page = Math.max(1, Math.round(this.count / 10));
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = current === undefined ? 0 : Math.min(last, current + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = current === undefined ? last : Math.max(0, current - 1);
        break;
      case 'PageDown':
        next = Math.min(last, (current ?? -1) + page);
        break;
      case 'PageUp':
        next = Math.max(0, (current ?? last + 1) - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        if (current === undefined) return;
        event.preventDefault();
        this.#clear();
        return;
      case 'Enter':
      case ' ':
        if (current === undefined) return;
        event.preventDefault();
        this.#select(current);
        return;
      default:
        return;
    }
    event.preventDefault();
    this.active = next;
    this.announcement = this.describe(next).join('; ');
  }

  #onPointerMove(event: PointerEvent): void {
    const index = this.indexAt(event);
    if (index !== undefined) this.active = index;
  }

  #onClick(event: MouseEvent): void {
    const index = this.indexAt(event);
    if (index === undefined) return;
    this.active = index;
    this.#select(index);
  }

  #toggleTable(): void {
    this.#clear();
    this.tableShown = !this.tableShown;
  }

  #clear(): void {
    // Also runs on the blur of a plot that is being removed: change nothing that is unchanged.
    if (this.active !== undefined) this.active = undefined;
    if (this.announcement) this.announcement = '';
  }

  #select(index: number): void {
    const { key, label } = this.datumAt(index);
    this.dispatchEvent(new PrmChartSelectEvent(key, label));
  }
}
