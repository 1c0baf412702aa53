/**
 * The messages a person reads when input is rejected. English is built in; a host or the
 * elements package passes translations of any subset to `validate(…, { messages })`. The
 * business rules word their field errors with these messages too, so a UI can translate a
 * rule's error by its key.
 */
import { describeMove } from './rules/internal.js';

/** Values a message may quote, taken from the validation issue or the rule that failed. */
export interface MessageParams {
  minimum?: number | bigint;
  maximum?: number | bigint;
  options?: readonly string[];
  expected?: string;
  keys?: readonly string[];
  /** A status change: the resource (`deals`) and its `from` and `to` status keys. */
  resource?: string;
  from?: string;
  to?: string;
}

export type Message = (params: MessageParams) => string;

const list = (values: readonly string[] | undefined): string => (values ?? []).join(', ');

const move = ({ resource, from, to }: MessageParams): string =>
  resource === undefined || from === undefined || to === undefined
    ? 'this record'
    : describeMove(resource, from, to);

export const englishMessages = {
  required: () => 'This field is required.',
  tooShort: (p: MessageParams) => `Use at least ${String(p.minimum)} characters.`,
  tooLong: (p: MessageParams) => `Use at most ${String(p.maximum)} characters.`,
  tooSmall: (p: MessageParams) => `Enter ${String(p.minimum)} or more.`,
  tooBig: (p: MessageParams) => `Enter ${String(p.maximum)} or less.`,
  tooFewItems: (p: MessageParams) =>
    p.minimum === 1 ? 'Add at least one.' : `Add at least ${String(p.minimum)}.`,
  tooManyItems: (p: MessageParams) => `Add no more than ${String(p.maximum)}.`,
  wholeNumber: () => 'Enter a whole number.',
  oneOf: (p: MessageParams) => `Choose one of: ${list(p.options)}.`,
  wrongType: (p: MessageParams) => `Expected ${p.expected ?? 'a different kind of value'}.`,
  unknownKeys: (p: MessageParams) => `Remove the unknown fields: ${list(p.keys)}.`,
  email: () => 'Enter an email address like name@example.com.',
  webUrl: () => 'Enter a web address starting with https:// or http://.',
  date: () => 'Enter a date as YYYY-MM-DD.',
  dateTime: () => 'Enter a date and time in ISO 8601, like 2026-01-31T09:00:00Z.',
  invalidFormat: () => 'This value is not in the expected format.',
  invalid: () => 'This value is not valid.',
  moneyMinorUnits: () =>
    'Enter the amount in minor units as a whole number: 1250 means 12.50 in a two-decimal currency.',
  nonNegativeAmount: () => 'The amount cannot be negative.',
  positiveAmount: () => 'Enter an amount greater than zero.',
  currencyCode: () => 'Use a three-letter ISO 4217 currency code in capitals, such as USD or EUR.',
  countryCode: () => 'Use a two-letter ISO 3166 country code in capitals, such as US or DE.',
  domain: () => 'Enter a domain like example.com, without https:// or a path.',
  colour: () => 'Enter a colour as #rrggbb, such as #0b6bcb.',
  key: () => 'Use lower-case letters, digits, - and _ only, starting with a letter.',
  dateRange: () => 'The end date must be on or after the start date.',
  basisPoints: () => 'Enter a percentage in basis points, from 0 (0 %) to 10000 (100 %).',
  criterionValue: () =>
    'This condition needs a list for "in"/"not in", a number for "at least"/"at most" (for tier, a tier such as gold also works), and text otherwise.',
  singleCurrency: () => 'Use one currency for every amount in this record.',
  viewerPartner: () =>
    'Partner roles need the partner the user belongs to; enterprise roles must have none.',
  acceptTerms: () => 'Accept the program terms to continue.',
  // Business rules (`rules/`): checks a schema alone cannot make.
  unknownProduct: () => 'This product is not in the catalog. Choose another product.',
  lineTooLarge: () => 'This line is too large to price. Lower the quantity.',
  quoteTooLarge: () => 'This quote is too large to price. Split it into smaller quotes.',
  exceedsAllocation: () => 'The amount is more than what is left of this allocation.',
  exceedsClaimable: () => 'The amount is more than what is left to claim on this request.',
  requestNotApproved: () => 'Funds can be claimed only against an approved request.',
  reasonRequired: (p: MessageParams) => `Give a reason to move ${move(p)}.`,
  messageRequired: (p: MessageParams) => `Give a message to move ${move(p)}.`,
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof englishMessages;
export type PrmMessages = Record<MessageKey, Message>;

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(englishMessages, value);
}

/** Schema-level option that tags a check with one of our messages. */
export const message = (key: MessageKey) => ({ error: key });
