/**
 * Localization: @lit/localize in runtime mode (one message locale per page), English built
 * in, German and Japanese loaded on demand; numbers, money and dates through `Intl` in the
 * provider's own locale (which may be more specific, such as `de-CH`).
 */
import { configureLocalization, msg, str } from '@lit/localize';
import {
  isPrmError,
  type Money,
  type PrmErrorCode,
  type PrmMessages,
  type MessageParams,
} from '@prm-kit/core';
import { sourceLocale, targetLocales } from './locales/locale-codes.js';

export type MessageLocale = typeof sourceLocale | (typeof targetLocales)[number];
export const MESSAGE_LOCALES: readonly MessageLocale[] = [sourceLocale, ...targetLocales];

const loaders = {
  de: () => import('./locales/de.js'),
  ja: () => import('./locales/ja.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

let runtime: ReturnType<typeof configureLocalization> | undefined;

/** The message locale for a BCP 47 tag: `de-CH` → `de`; anything unknown → `en`. */
export function messageLocaleFor(tag: string): MessageLocale {
  const base = tag.toLowerCase().split('-')[0];
  return MESSAGE_LOCALES.find((locale) => locale === base) ?? sourceLocale;
}

/** Switches the page's prm messages; resolves once the translations are loaded. */
export async function setMessageLocale(tag: string): Promise<void> {
  const locale = messageLocaleFor(tag);
  if (!runtime && locale === sourceLocale) return;
  runtime ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (code) => loaders[code as keyof typeof loaders](),
  });
  if (runtime.getLocale() !== locale) await runtime.setLocale(locale);
}

/** `Intl` formatting in one locale, cached per locale. */
export class Formatter {
  readonly locale: string;
  #numbers = new Map<string, Intl.NumberFormat>();
  #dates: Intl.DateTimeFormat;
  #dateTimes: Intl.DateTimeFormat;
  #relative: Intl.RelativeTimeFormat;
  #months: Intl.DateTimeFormat;

  constructor(locale: string) {
    this.locale = locale;
    this.#dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    this.#dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.#relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    this.#months = new Intl.DateTimeFormat(locale, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }

  number(value: number): string {
    return this.#number('n', {}).format(value);
  }

  percent(fraction: number): string {
    return this.#number('%', { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
  }

  /** Money in minor units, with the currency's own number of decimals. */
  money({ amount, currency }: Money): string {
    const format = this.#number(`¤${currency}`, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  }

  /** A calendar date (`YYYY-MM-DD` or a timestamp's day, in UTC). */
  date(value: string): string {
    return this.#dates.format(new Date(value));
  }

  /** A calendar month, from its `YYYY-MM` key ("Mar 2026"). */
  month(key: string): string {
    return this.#months.format(new Date(`${key}-01T00:00:00Z`));
  }

  dateTime(value: string): string {
    return this.#dateTimes.format(new Date(value));
  }

  /** "in 3 days", "2 hours ago", relative to `now`. */
  relative(value: string, now: Date = new Date()): string {
    const seconds = (new Date(value).getTime() - now.getTime()) / 1000;
    const units: [Intl.RelativeTimeFormatUnit, number][] = [
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return this.#relative.format(Math.round(seconds / size), unit);
    }
    return this.#relative.format(Math.round(seconds / 60), 'minute');
  }

  #number(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
    let format = this.#numbers.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.locale, options);
      this.#numbers.set(key, format);
    }
    return format;
  }
}

/** What a person reads for a failure, by its stable code. */
export function errorMessage(error: unknown): string {
  const code: PrmErrorCode | undefined = isPrmError(error) ? error.code : undefined;
  switch (code) {
    case 'network':
      return msg("Can't reach the server. Check your connection and try again.");
    case 'timeout':
      return msg('The server took too long to answer. Try again.');
    case 'rate_limited':
      return msg('Too many requests. Wait a moment and try again.');
    case 'unauthorized':
      return msg('Your session has ended. Sign in again.');
    case 'forbidden':
      return msg("You don't have access to this.");
    case 'not_found':
      return msg("This record doesn't exist or was removed.");
    case 'version_conflict':
      return msg('Someone else changed this record while you were editing it.');
    case 'invalid_transition':
    case 'conflict':
    case 'validation':
      return isPrmError(error) ? error.message : msg('Something went wrong.');
    default:
      return msg('Something went wrong on our side. Try again.');
  }
}

/** The core validation messages in the current message locale, for `validate(…, { messages })`. */
export function validationMessages(): Partial<PrmMessages> {
  const n = (value: number | bigint | undefined) => String(value ?? '');
  return {
    required: () => msg('This field is required.'),
    tooShort: (p: MessageParams) => msg(str`Use at least ${n(p.minimum)} characters.`),
    tooLong: (p: MessageParams) => msg(str`Use at most ${n(p.maximum)} characters.`),
    tooSmall: (p: MessageParams) => msg(str`Enter ${n(p.minimum)} or more.`),
    tooBig: (p: MessageParams) => msg(str`Enter ${n(p.maximum)} or less.`),
    wholeNumber: () => msg('Enter a whole number.'),
    email: () => msg('Enter an email address like name@example.com.'),
    webUrl: () => msg('Enter a web address starting with https:// or http://.'),
    countryCode: () => msg('Use a two-letter ISO 3166 country code in capitals, such as US or DE.'),
    domain: () => msg('Enter a domain like example.com, without https:// or a path.'),
    invalid: () => msg('This value is not valid.'),
    acceptTerms: () => msg('Accept the program terms to continue.'),
  };
}
