/**
 * A small seeded pseudo-random generator (sfc32) and the time helpers the demo data uses.
 * Nothing here reads the clock or `Math.random`: every value follows from the seed and the
 * reference time passed in, so the same inputs give the same data byte for byte.
 */

/** The demo's reference time: a Monday morning, UTC. */
export const DEMO_NOW = '2026-11-02T09:00:00.000Z';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of an ISO 8601 timestamp. */
export function toMs(timestamp: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`not a valid timestamp: ${timestamp}`);
  return ms;
}

/** `YYYY-MM-DDT` by day number, and `HH:MM:00.000Z` by minute of the day (both bounded). */
const dayPrefixes = new Map<number, string>();
const minuteSuffixes: string[] = [];

/**
 * An instant as a UTC ISO 8601 string: `2026-01-31T09:00:00.000Z`. Same output as
 * `Date#toISOString` (for years 0–9999), several times faster: the generator formats millions.
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const rest = ms - day * DAY_MS;
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  if (rest % MINUTE_MS !== 0) return prefix + new Date(rest).toISOString().slice(11);
  const minute = rest / MINUTE_MS;
  let suffix = minuteSuffixes[minute];
  if (suffix === undefined) {
    suffix = new Date(rest).toISOString().slice(11);
    minuteSuffixes[minute] = suffix;
  }
  return prefix + suffix;
}

/** The UTC calendar date of an instant: `2026-01-31`. */
export const dateOnly = (ms: number): string => iso(ms).slice(0, 10);

/** A 32-bit hash of a string (cyrb53's mixing, truncated): turns a text seed into a number. */
export function hashSeed(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2_654_435_761);
    h2 = Math.imul(h2 ^ code, 1_597_334_677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2_246_822_507) ^ Math.imul(h2 ^ (h2 >>> 13), 3_266_489_909);
  return h1 >>> 0;
}

/** A deterministic random source: sfc32 seeded from a number or a string. */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number | string = 1) {
    const n = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = n;
    // Mix the seed in before the first value is used.
    for (let i = 0; i < 15; i += 1) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    const rotated = (c << 21) | (c >>> 11);
    this.#c = (rotated + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  /**
   * `count` distinct items of `items` (all of them when there are fewer), in random order.
   * Costs O(count), not O(items), so picking a few from a long list stays cheap.
   */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = items.length;
    const k = Math.min(count, n);
    // A partial Fisher–Yates over a sparse map of swapped positions.
    const swapped = new Map<number, number>();
    const out: T[] = [];
    for (let i = 0; i < k; i += 1) {
      const j = i + Math.floor(this.next() * (n - i));
      const atJ = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(i) ?? i);
      out.push(items[atJ] as T);
    }
    return out;
  }

  /** An instant in [from, to], rounded down to the minute (never before `from`'s minute). */
  between(from: number, to: number): number {
    const ms = from + Math.floor(this.next() * (to - from + 1));
    return Math.max(from, ms - (ms % MINUTE_MS));
  }

  /** An instant between `minDays` and `maxDays` days before `now`, to the minute. */
  daysAgo(now: number, minDays: number, maxDays: number): number {
    return this.between(now - maxDays * DAY_MS, now - minDays * DAY_MS);
  }

  /** `hours` from `minHours` to `maxHours`, as milliseconds rounded to the minute. */
  hours(minHours: number, maxHours: number): number {
    const ms = Math.floor((minHours + this.next() * (maxHours - minHours)) * HOUR_MS);
    return ms - (ms % MINUTE_MS);
  }
}
