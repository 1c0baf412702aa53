let last = 0;
let counter = 0;

/**
 * A new opaque id: a readable prefix, then a time-and-counter part that sorts in creation
 * order (so records made in the same millisecond keep their order), then 32 random bits.
 * `crypto.getRandomValues` works outside secure contexts too.
 */
export function newId(prefix: string): string {
  const now = Date.now();
  counter = now === last ? counter + 1 : 0;
  last = now;
  const order = now.toString(36).padStart(9, '0') + counter.toString(36).padStart(4, '0');
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `${prefix}_${order}${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A record number people quote on the phone: `DR-000123`. */
export const formatNumber = (prefix: string, value: number): string =>
  `${prefix}-${String(value).padStart(6, '0')}`;

/** Record-number prefixes by resource; the store keeps one counter each. */
export const NUMBER_PREFIXES = {
  deals: 'DR',
  cases: 'CS',
  quotes: 'QT',
  orders: 'SO',
  leads: 'LD',
  mdfRequests: 'FR',
  mdfClaims: 'FC',
} as const;
export type NumberedResource = keyof typeof NUMBER_PREFIXES;
