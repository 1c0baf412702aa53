import type { Partner, PartnerTier } from '../schemas/partner.js';
import type { Segment, SegmentCriterion } from '../schemas/segment.js';
import { PARTNER_TIERS } from '../schemas/values.js';

/** The partner fields segment rules read. */
export type SegmentPartner = Pick<
  Partner,
  | 'id'
  | 'country'
  | 'region'
  | 'tier'
  | 'status'
  | 'specializations'
  | 'annualRevenue'
  | 'employees'
  | 'certifications'
>;

/** The parts of a segment that decide its members. */
export type SegmentMembership = Pick<Segment, 'rule' | 'manualMemberIds'>;

/** A tier's rank, 0 for the entry tier (`registered`) up to 3 (`platinum`). */
export function partnerTierRank(tier: PartnerTier): number {
  return PARTNER_TIERS.indexOf(tier);
}

type CriterionValue = SegmentCriterion['value'];

const lower = (value: string): string => value.toLowerCase();

/** The values of an `in` / `not_in` list, or the one value of any other operator. */
const asList = (value: CriterionValue): readonly (string | number)[] =>
  Array.isArray(value) ? value : [value];

/** A criterion value as a number; text such as `"50"` counts, anything else is `null`. */
function toNumber(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A tier criterion value as a rank: a tier key (`gold`) or a rank number (`2`). */
function toTierRank(value: string | number): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const rank = (PARTNER_TIERS as readonly string[]).indexOf(lower(value.trim()));
  return rank === -1 ? null : rank;
}

function compareText(actual: string, op: SegmentCriterion['op'], value: CriterionValue): boolean {
  const a = lower(actual);
  const values = asList(value).map((v) => lower(String(v)));
  switch (op) {
    case 'eq':
    case 'in':
      return values.includes(a);
    case 'neq':
    case 'not_in':
      return !values.includes(a);
    case 'contains':
      return values.some((v) => a.includes(v));
    default:
      // `gte` / `lte` have no meaning for text.
      return false;
  }
}

function compareNumber(
  actual: number | undefined,
  op: SegmentCriterion['op'],
  value: CriterionValue,
  parse: (v: string | number) => number | null,
): boolean {
  if (actual === undefined) return false;
  const values = asList(value).map(parse);
  const first = values[0] ?? null;
  switch (op) {
    case 'gte':
      return first !== null && actual >= first;
    case 'lte':
      return first !== null && actual <= first;
    case 'eq':
    case 'in':
      return values.includes(actual);
    case 'neq':
    case 'not_in':
      return !values.includes(actual);
    default:
      // `contains` has no meaning for a number.
      return false;
  }
}

function compareList(
  actual: readonly string[],
  op: SegmentCriterion['op'],
  value: CriterionValue,
): boolean {
  const have = new Set(actual.map(lower));
  const overlap = asList(value).some((v) => have.has(lower(String(v))));
  switch (op) {
    case 'eq':
    case 'contains':
    case 'in':
      return overlap;
    case 'neq':
    case 'not_in':
      return !overlap;
    default:
      return false;
  }
}

/**
 * Tests one rule condition against a partner.
 *
 * - Text fields (`country`, `region`, `status`) compare case-insensitively; `contains` is a
 *   substring test; `gte` / `lte` never match text.
 * - `tier`: `eq` / `neq` / `in` / `not_in` compare keys; `gte` / `lte` compare ranks in
 *   `PARTNER_TIERS`, the value being a tier key (`gold`) or a rank number (`2`).
 * - `specializations` is a list: `eq` / `contains` / `in` match when the partner has any of
 *   the values, `neq` / `not_in` when it has none of them.
 * - `annualRevenue` compares its `amount` in minor units (its currency is not considered);
 *   `employees`, `certifications` are counts. Text values such as `"50"` are read as numbers.
 *   A partner without the field matches no condition on it, not even `neq` / `not_in`.
 */
export function evaluateCriterion(partner: SegmentPartner, criterion: SegmentCriterion): boolean {
  const { op, value } = criterion;
  switch (criterion.field) {
    case 'country':
    case 'region':
    case 'status':
      return compareText(partner[criterion.field], op, value);
    case 'tier':
      return compareNumber(partnerTierRank(partner.tier), op, value, toTierRank);
    case 'specializations':
      return compareList(partner.specializations, op, value);
    case 'annualRevenue':
      return compareNumber(partner.annualRevenue?.amount, op, value, toNumber);
    case 'employees':
    case 'certifications':
      return compareNumber(partner[criterion.field], op, value, toNumber);
  }
}

/**
 * Whether a partner belongs to a segment: a manual member always does; otherwise the rule
 * decides (`all` criteria, or `any` of them). A segment without a rule has manual members only.
 */
export function matchesSegment(partner: SegmentPartner, segment: SegmentMembership): boolean {
  if (segment.manualMemberIds.includes(partner.id)) return true;
  const rule = segment.rule;
  if (rule === null) return false;
  const test = (criterion: SegmentCriterion) => evaluateCriterion(partner, criterion);
  return rule.match === 'all' ? rule.criteria.every(test) : rule.criteria.some(test);
}

/** The ids of the segments a partner belongs to, in the order the segments are given. */
export function segmentsFor(
  partner: SegmentPartner,
  segments: readonly (SegmentMembership & Pick<Segment, 'id'>)[],
): string[] {
  return segments.filter((segment) => matchesSegment(partner, segment)).map((s) => s.id);
}
