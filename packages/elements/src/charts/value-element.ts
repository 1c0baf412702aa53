import { property } from 'lit/decorators.js';
import { PrmElement } from '../internal/prm-element.js';

/** How an element shows its numbers: plain, a 0–1 fraction as percent, or minor units of money. */
export const FORMAT_AS = ['number', 'percent', 'money'] as const;
export type FormatAs = (typeof FORMAT_AS)[number];

/** `Intl` accepts any well-formed code; anything else would throw while rendering. */
const CURRENCY = /^[A-Za-z]{3}$/;

const formats = new Map<string, Intl.NumberFormat>();

/** One `Intl.NumberFormat` per locale and options (building one costs more than using it). */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/**
 * The base of the elements that show numbers (the charts, `prm-progress`, `prm-kpi`): one
 * way to format a value, in the provider's locale, for tooltips, tables, legends and axes.
 */
export class PrmValueElement extends PrmElement {
  /**
   * `number` (default), `percent` (the value is a 0–1 fraction) or `money` (the value is in
   * minor units of `currency`).
   */
  @property({ attribute: 'format-as' }) accessor formatAs: FormatAs = 'number';

  /** ISO 4217 code of the money values (with `format-as="money"`). */
  @property() accessor currency: string | undefined;

  /** Formats every value shown (overrides `format-as`), e.g. `(v) => \`${v} deals\``. */
  @property({ attribute: false }) accessor formatValue: ((value: number) => string) | undefined;

  /** A value as the viewer reads it in tooltips, tables and legends. */
  protected formatted(value: number): string {
    if (this.formatValue) return this.formatValue(value);
    const currency = this.#currency();
    switch (this.formatAs) {
      case 'percent':
        return this.format.percent(value);
      case 'money':
        if (currency) return this.format.money({ amount: Math.round(value), currency });
        return this.format.number(value);
      default:
        return this.format.number(value);
    }
  }

  /** A value short (`1.2K`, `€3K`) for axes and compact tiles, in the same unit as `formatted`. */
  protected formattedTick(value: number): string {
    if (this.formatValue) return this.formatValue(value);
    const locale = this.format.locale;
    const currency = this.#currency();
    if (this.formatAs === 'percent') return this.format.percent(value);
    if (this.formatAs === 'money' && currency) {
      const digits =
        numberFormat(locale, { style: 'currency', currency }).resolvedOptions()
          .maximumFractionDigits ?? 2;
      return numberFormat(locale, { style: 'currency', currency, notation: 'compact' }).format(
        value / 10 ** digits,
      );
    }
    return numberFormat(locale, { notation: 'compact' }).format(value);
  }

  #currency(): string | undefined {
    return this.currency && CURRENCY.test(this.currency) ? this.currency.toUpperCase() : undefined;
  }
}
