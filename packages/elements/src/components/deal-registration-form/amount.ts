/**
 * Money as a person types it (`12,500.00` in `en`, `12.500,00` in `de`) to integer minor units
 * with the currency's own number of decimals. Pure string arithmetic: no float is ever made.
 */

export type AmountProblem = 'empty' | 'format' | 'decimals' | 'tooLarge';

export type ParsedAmount = { ok: true; amount: number } | { ok: false; problem: AmountProblem };

/** The decimals of `currency` in `locale` (2 for USD, 0 for JPY); 2 for an unknown code. */
export function currencyDigits(locale: string, currency: string): number {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SPACES = /[\s\u00a0\u202f]/g;

/** The locale's grouping and decimal signs. */
function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: (parts.find((p) => p.type === 'group')?.value ?? ',').replace(SPACES, ' '),
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/**
 * Parses a typed amount. Accepts the locale's grouping (or spaces) in whole groups of three,
 * the locale's decimal sign (and `.` where `.` is not the grouping sign), and at most the
 * currency's decimals. Rejects signs, letters, exponents and anything else.
 */
export function parseAmount(text: string, locale: string, currency: string): ParsedAmount {
  const typed = text.replace(SPACES, ' ').trim();
  if (typed === '') return { ok: false, problem: 'empty' };
  const { group, decimal } = separators(locale);
  const groups = [...new Set([group, ' '])].map(escape).join('|');
  const decimals = [...new Set([decimal, ...(group === '.' ? [] : ['.'])])].map(escape).join('|');
  const pattern = new RegExp(`^(\\d{1,3}(?:(?:${groups})\\d{3})+|\\d+)(?:(?:${decimals})(\\d+))?$`);
  const match = pattern.exec(typed);
  if (!match) return { ok: false, problem: 'format' };
  const whole = (match[1] ?? '').replace(/\D/g, '');
  const fraction = match[2] ?? '';
  const digits = currencyDigits(locale, currency);
  if (fraction.length > digits) return { ok: false, problem: 'decimals' };
  const minor = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const amount = Number.parseInt(minor, 10);
  if (!Number.isSafeInteger(amount)) return { ok: false, problem: 'tooLarge' };
  return { ok: true, amount };
}

/** An example of how to type an amount of `currency` in `locale` (`12,500.00`, `12.500`). */
export function amountExample(locale: string, currency: string): string {
  const digits = currencyDigits(locale, currency);
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(12_500);
}
