/**
 * Support case SLAs: first-response and resolution due times by priority, and whether a
 * case met, breached or is still within them.
 */
import type { Case, CasePriority } from '../schemas/case.js';
import type { TierBenefits } from '../schemas/program.js';
import { addBusinessHours, type BusinessCalendar } from './business-time.js';
import { DAY_MS, HOUR_MS, assertHours, toIso, toMs } from './internal.js';

/** Hours to a first response and to resolution. */
export interface SlaTarget {
  firstResponseHours: number;
  resolutionHours: number;
}

/**
 * Default targets. `critical` counts calendar hours (24×7); the others count business
 * hours of the calendar in use (default Mon–Fri 09:00–17:00 UTC).
 */
export const DEFAULT_CASE_SLA: Readonly<Record<CasePriority, Readonly<SlaTarget>>> = Object.freeze({
  critical: Object.freeze({ firstResponseHours: 1, resolutionHours: 8 }),
  high: Object.freeze({ firstResponseHours: 4, resolutionHours: 24 }),
  medium: Object.freeze({ firstResponseHours: 8, resolutionHours: 48 }),
  low: Object.freeze({ firstResponseHours: 24, resolutionHours: 120 }),
});

/** Priorities whose targets run around the clock rather than in business hours. */
export const CALENDAR_HOUR_PRIORITIES: readonly CasePriority[] = Object.freeze(['critical']);

/** Overrides for {@link caseDueTimes}. */
export interface CaseSlaOptions {
  /** The partner's tier benefits: `caseFirstResponseHours` tightens the first-response target. */
  tierBenefits?: Pick<TierBenefits, 'caseFirstResponseHours'>;
  /** Replaces default targets per priority. */
  targets?: Partial<Record<CasePriority, Partial<SlaTarget>>>;
  /** Business calendar for the non-critical priorities. */
  calendar?: BusinessCalendar;
}

/** A case's SLA due times. */
export interface CaseDueTimes {
  firstResponseDueAt: string;
  resolutionDueAt: string;
}

/**
 * Due times of a case created at `createdAt`. A tier's `caseFirstResponseHours` replaces
 * the first-response target only where it is shorter: a benefit never loosens an SLA (a
 * 4-hour tier target leaves critical at 1 hour). Critical priority adds calendar hours;
 * the others add business hours of `options.calendar`.
 */
export function caseDueTimes(
  createdAt: string,
  priority: CasePriority,
  options: CaseSlaOptions = {},
): CaseDueTimes {
  const override = options.targets?.[priority];
  const base = DEFAULT_CASE_SLA[priority];
  const tierHours = options.tierBenefits?.caseFirstResponseHours ?? Infinity;
  const firstResponseHours = Math.min(
    tierHours,
    override?.firstResponseHours ?? base.firstResponseHours,
  );
  const resolutionHours = override?.resolutionHours ?? base.resolutionHours;
  const add = CALENDAR_HOUR_PRIORITIES.includes(priority)
    ? (hours: number) => addCalendarHours(createdAt, hours)
    : (hours: number) => addBusinessHours(createdAt, hours, options.calendar);
  return {
    firstResponseDueAt: add(firstResponseHours),
    resolutionDueAt: add(resolutionHours),
  };
}

/** One SLA clock: done in time, done late, or still running. */
export type SlaClockState = 'met' | 'breached' | 'pending';

/** Where a case stands against its SLA at some moment. */
export interface CaseSlaState {
  firstResponse: SlaClockState;
  resolution: SlaClockState;
  /** Either clock breached. */
  breached: boolean;
  /** The earliest due time of a clock still pending (breached ones excluded), or `null`. */
  nextDueAt: string | null;
}

/** The timestamps an SLA state is computed from. */
export type CaseSlaFields = Pick<
  Case,
  'firstResponseDueAt' | 'resolutionDueAt' | 'firstRespondedAt' | 'resolvedAt'
>;

/**
 * The case's SLA state at `now`. A clock is met when its event happened at or before the
 * due time, breached when it happened later or has not happened and `now` is past the due
 * time. Resolving a case without a response counts as the first response. In v1 nothing
 * pauses the clocks: time awaiting the partner counts too.
 */
export function caseSlaState(kase: CaseSlaFields, now: string): CaseSlaState {
  const at = toMs(now);
  const respondedAt = kase.firstRespondedAt ?? kase.resolvedAt;
  const firstResponse = clock(respondedAt, kase.firstResponseDueAt, at);
  const resolution = clock(kase.resolvedAt, kase.resolutionDueAt, at);
  const pending = [
    ...(firstResponse === 'pending' ? [kase.firstResponseDueAt] : []),
    ...(resolution === 'pending' ? [kase.resolutionDueAt] : []),
  ].sort((a, b) => toMs(a) - toMs(b));
  return {
    firstResponse,
    resolution,
    breached: firstResponse === 'breached' || resolution === 'breached',
    nextDueAt: pending[0] === undefined ? null : toIso(toMs(pending[0])),
  };
}

/** True when the case missed its first-response or resolution target (see {@link caseSlaState}). */
export function isCaseBreached(kase: CaseSlaFields, now: string): boolean {
  return caseSlaState(kase, now).breached;
}

function clock(doneAt: string | null, dueAt: string, now: number): SlaClockState {
  if (doneAt !== null) return toMs(doneAt) <= toMs(dueAt) ? 'met' : 'breached';
  return now > toMs(dueAt) ? 'breached' : 'pending';
}

function addCalendarHours(start: string, hours: number): string {
  assertHours(hours);
  return toIso(toMs(start, 'start') + Math.round(hours * HOUR_MS));
}

/** Days after resolution in which the partner may reopen a case; after that, a new case. */
export const CASE_REOPEN_DAYS = 14;

/** Until when a resolved case may be reopened; `null` when it is not resolved. */
export function reopenDeadline(
  kase: Pick<Case, 'status' | 'resolvedAt'>,
  days: number = CASE_REOPEN_DAYS,
): string | null {
  if (kase.status !== 'resolved' || kase.resolvedAt === null) return null;
  return toIso(toMs(kase.resolvedAt) + days * DAY_MS);
}

/** True while a resolved case may still be reopened at `now`. */
export function canReopenCase(
  kase: Pick<Case, 'status' | 'resolvedAt'>,
  now: string,
  days: number = CASE_REOPEN_DAYS,
): boolean {
  const deadline = reopenDeadline(kase, days);
  return deadline !== null && toMs(now) <= toMs(deadline);
}
