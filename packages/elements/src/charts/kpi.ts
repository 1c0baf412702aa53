import { msg } from '@lit/localize';
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { kpiStyles } from './chart.styles.js';
import { PrmValueElement } from './value-element.js';

export const KPI_TONES = ['neutral', 'success', 'warning', 'danger'] as const;
export type KpiTone = (typeof KPI_TONES)[number];

/** `value=""` or no attribute: not known yet (shown as "—"), never 0. */
const optionalNumber = {
  fromAttribute: (value: string | null): number | undefined => {
    if (value === null || value.trim() === '') return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  },
  toAttribute: (value: number | undefined): string | null =>
    value === undefined ? null : String(value),
};

/** The sparkline's drawing box; the `<svg>` stretches it to the tile's width. */
const TREND_WIDTH = 100;
const TREND_HEIGHT = 24;

/**
 * @summary A key figure as a tile: a label, the value (or "—" while it is not known, such as a
 * win rate before any deal closed), an optional hint and a tiny trend line.
 *
 * Works without a provider; inside one it formats in the provider's locale.
 *
 * @csspart base - The tile.
 * @csspart label - The label.
 * @csspart value - The value, or "—".
 * @csspart hint - The small text under the value.
 * @csspart trend - The sparkline (decorative, hidden from assistive technology).
 *
 * @cssproperty --prm-kpi-value-size - Size of the value (default 1.75rem).
 */
export class PrmKpi extends PrmValueElement {
  static override styles = [...PrmValueElement.styles, kpiStyles];

  /** What the figure is. */
  @property() accessor label = '';

  /** The figure; absent or empty when not known yet ("—"). */
  @property({ converter: optionalNumber }) accessor value: number | undefined;

  /** Small text under the value ("12 of 40 deals", "since January"). */
  @property() accessor hint = '';

  /** `neutral` (default), `success`, `warning` or `danger`: colours the tile's edge. */
  @property({ reflect: true }) accessor tone: KpiTone = 'neutral';

  /**
   * Shows the value short (`$1.1M`, `12K`) for a narrow tile; the exact value is the
   * value's tooltip.
   */
  @property({ type: Boolean }) accessor compact = false;

  /** Recent values, oldest first, drawn as a sparkline. */
  @property({ attribute: false }) accessor trend: number[] | undefined;

  protected override render() {
    const known = this.value !== undefined && Number.isFinite(this.value);
    return html`<div part="base">
      <span part="label">${this.label}</span>
      <span part="value" title=${known && this.compact ? this.formatted(this.value ?? 0) : nothing}
        >${
          known
            ? this.compact
              ? this.formattedTick(this.value ?? 0)
              : this.formatted(this.value ?? 0)
            : html`<span aria-hidden="true">—</span
                ><span class="visually-hidden">${msg('Not known yet')}</span>`
        }</span
      >
      ${this.hint ? html`<span part="hint">${this.hint}</span>` : nothing} ${this.#renderTrend()}
    </div>`;
  }

  #renderTrend() {
    const trend = this.trend?.filter(Number.isFinite) ?? [];
    if (trend.length < 2) return nothing;
    const [low = 0, high = 0] = extent(trend);
    const x = scaleLinear()
      .domain([0, trend.length - 1])
      .range([0, TREND_WIDTH]);
    const y = scaleLinear()
      .domain(low === high ? [low - 1, high + 1] : [low, high])
      .range([TREND_HEIGHT - 2, 2]);
    const d = line<number>()
      .x((_, i) => x(i))
      .y((value) => y(value))
      .digits(1)(trend);
    return html`<svg
      part="trend"
      aria-hidden="true"
      viewBox="0 0 ${TREND_WIDTH} ${TREND_HEIGHT}"
      preserveAspectRatio="none"
    >
      ${svg`<path d=${d ?? ''}></path>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-kpi': PrmKpi;
  }
}
