/**
 * Business-hours arithmetic for SLAs (deal approval, case response), in any IANA time zone
 * through `Intl` — no date library. Timestamps in and out are ISO 8601 strings; results
 * are UTC (`2026-01-31T09:00:00.000Z`).
 */
import { DAY_MS, HOUR_MS, assertHours, toIso, toMs } from './internal.js';

/** When a team works. Every field is optional; missing ones take the default calendar's value. */
export interface BusinessCalendar {
  /** IANA time zone the hours and holidays are read in, e.g. `Europe/Berlin`. Default `UTC`. */
  timeZone?: string;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. Default Monday to Friday. */
  workdays?: readonly number[];
  /** Local opening hour, 0–23 (fractions allowed: 8.5 is 08:30). Default 9. */
  startHour?: number;
  /** Local closing hour, after `startHour`, at most 24. Default 17. */
  endHour?: number;
  /** Local dates (`2026-12-25`) with no business hours. */
  holidays?: readonly string[];
}

/** Monday to Friday, 09:00–17:00 UTC, no holidays. */
export const DEFAULT_BUSINESS_CALENDAR: Readonly<Required<BusinessCalendar>> = Object.freeze({
  timeZone: 'UTC',
  workdays: Object.freeze([1, 2, 3, 4, 5]),
  startHour: 9,
  endHour: 17,
  holidays: Object.freeze([]),
});

/** A calendar with no business day in ten years is a configuration error, not a long wait. */
const MAX_IDLE_DAYS = 3_660;

interface ResolvedCalendar {
  timeZone: string;
  workdays: ReadonlySet<number>;
  openMs: number;
  closeMs: number;
  holidays: ReadonlySet<string>;
}

/**
 * Adds `hours` business hours to `start`. A start outside business hours counts from the
 * next opening, so zero hours on a Saturday gives Monday's opening. Work that ends exactly
 * at closing time ends then (09:00 + 8 h = 17:00 the same day), but a start at closing time
 * counts from the next opening.
 * @throws RangeError for an invalid timestamp, negative hours or an invalid calendar.
 */
export function addBusinessHours(
  start: string,
  hours: number,
  calendar?: BusinessCalendar,
): string {
  const cal = resolveCalendar(calendar);
  const from = toMs(start, 'start');
  assertHours(hours);
  let remaining = Math.round(hours * HOUR_MS);
  let day = localDay(from, cal.timeZone);
  let idle = 0;
  for (;;) {
    const open = openingOf(day, cal);
    if (open) {
      const begin = Math.max(from, open.start);
      if (begin < open.end) {
        const available = open.end - begin;
        if (remaining <= available) return toIso(begin + remaining);
        remaining -= available;
      }
      idle = 0;
    } else if (++idle > MAX_IDLE_DAYS) {
      throw new RangeError('calendar has no business hours');
    }
    day += 1;
  }
}

/**
 * Business hours between two instants (fractional, e.g. 1.5). Negative when `to` is before
 * `from`, so "hours left until a due time" reads below zero once it has passed.
 * @throws RangeError for an invalid timestamp or calendar.
 */
export function businessHoursBetween(
  from: string,
  to: string,
  calendar?: BusinessCalendar,
): number {
  const cal = resolveCalendar(calendar);
  const a = toMs(from, 'from');
  const b = toMs(to, 'to');
  if (b < a) return -businessHoursBetween(to, from, calendar);
  let total = 0;
  const last = localDay(b, cal.timeZone);
  for (let day = localDay(a, cal.timeZone); day <= last; day += 1) {
    const open = openingOf(day, cal);
    if (!open) continue;
    const overlap = Math.min(b, open.end) - Math.max(a, open.start);
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}

function resolveCalendar(calendar: BusinessCalendar | undefined): ResolvedCalendar {
  const d = DEFAULT_BUSINESS_CALENDAR;
  const timeZone = calendar?.timeZone ?? d.timeZone;
  const workdays = calendar?.workdays ?? d.workdays;
  const startHour = calendar?.startHour ?? d.startHour;
  const endHour = calendar?.endHour ?? d.endHour;
  if (!(startHour >= 0 && endHour <= 24 && startHour < endHour)) {
    throw new RangeError(
      `business hours must satisfy 0 ≤ startHour < endHour ≤ 24, got ${String(startHour)}–${String(endHour)}`,
    );
  }
  if (!workdays.some((w) => Number.isInteger(w) && w >= 0 && w <= 6)) {
    throw new RangeError('calendar needs at least one workday (0 = Sunday … 6 = Saturday)');
  }
  // Validates the zone once, with the built-in RangeError for an unknown one.
  if (timeZone !== 'UTC') formatter(timeZone);
  return {
    timeZone,
    workdays: new Set(workdays),
    openMs: Math.round(startHour * HOUR_MS),
    closeMs: Math.round(endHour * HOUR_MS),
    holidays: new Set(calendar?.holidays ?? d.holidays),
  };
}

/** The UTC instants a local day's business hours start and end, or undefined on a day off. */
function openingOf(day: number, cal: ResolvedCalendar): { start: number; end: number } | undefined {
  // 1970-01-01 was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  if (!cal.workdays.has(weekday)) return undefined;
  if (cal.holidays.size > 0 && cal.holidays.has(toIso(day * DAY_MS).slice(0, 10))) {
    return undefined;
  }
  return {
    start: localToInstant(day * DAY_MS + cal.openMs, cal.timeZone),
    end: localToInstant(day * DAY_MS + cal.closeMs, cal.timeZone),
  };
}

/** Days since 1970-01-01 of the local calendar date of `instant` in `timeZone`. */
function localDay(instant: number, timeZone: string): number {
  return Math.floor((instant + offsetAt(instant, timeZone)) / DAY_MS);
}

/**
 * The instant at which local wall-clock time `wall` (ms since the epoch, read as if UTC)
 * occurs. A wall time skipped by a DST change resolves after the gap (02:30 → 03:30); a
 * repeated one resolves to its first occurrence — the rules `Temporal` calls "compatible".
 */
function localToInstant(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  const first = wall - offsetAt(wall, timeZone);
  const offset = offsetAt(first, timeZone);
  const second = wall - offset;
  if (second === first) return first;
  return offsetAt(second, timeZone) === offset ? second : Math.max(first, second);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Milliseconds local time is ahead of UTC at `instant` in `timeZone`. */
function offsetAt(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}
