import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { progressStyles } from './chart.styles.js';
import { PrmValueElement } from './value-element.js';

/**
 * @summary Progress towards a target ("3 of 5 certified people", "€40,000 of €50,000 revenue"):
 * a label, "value of max" and a bar, exposed as a `meter` with its values.
 *
 * Works without a provider; inside one it formats in the provider's locale. The `met`
 * attribute appears once `value` reaches `max` (a styling hook, also said as text).
 *
 * @csspart base - The whole element.
 * @csspart label - The label.
 * @csspart value - "value of max".
 * @csspart meter - The meter (the bar's track), with `aria-valuenow`/`min`/`max`/`valuetext`.
 * @csspart track - The bar's background.
 * @csspart fill - The filled part of the bar.
 *
 * @cssproperty --prm-progress-height - Thickness of the bar (default 0.5rem).
 * @cssproperty --prm-progress-color - Colour of the fill (default `--prm-chart-1`).
 * @cssproperty --prm-progress-met-color - Colour of the fill once the target is met (default the success colour).
 */
export class PrmProgress extends PrmValueElement {
  static override styles = [...PrmValueElement.styles, progressStyles];

  /** What is measured. */
  @property() accessor label = '';

  /** Where it stands. */
  @property({ type: Number }) accessor value = 0;

  /** The target. */
  @property({ type: Number }) accessor max = 100;

  /** Set by the element when `value` reaches `max` (styling hook). */
  @property({ type: Boolean, reflect: true }) accessor met = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.met = this.max > 0 && this.value >= this.max;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const ratio = this.max > 0 ? Math.min(1, Math.max(0, this.value / this.max)) : 0;
    // CSSOM, not a style attribute (strict CSP).
    this.renderRoot
      .querySelector<HTMLElement>('[part~="fill"]')
      ?.style.setProperty('--_ratio', String(ratio));
  }

  protected override render() {
    const text = msg(str`${this.formatted(this.value)} of ${this.formatted(this.max)}`);
    return html`<div part="base">
      <div class="header">
        <span part="label" id="label">${this.label}</span>
        <span part="value"
          >${text}${this.met ? html` <span>(${msg('target met')})</span>` : nothing}</span
        >
      </div>
      <div
        part="meter track"
        role="meter"
        aria-labelledby="label"
        aria-valuemin="0"
        aria-valuemax=${this.max}
        aria-valuenow=${Math.min(Math.max(this.value, 0), Math.max(this.max, 0))}
        aria-valuetext=${text}
      >
        <div part="fill"></div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-progress': PrmProgress;
  }
}
