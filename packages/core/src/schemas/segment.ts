import * as z from 'zod/mini';
import { message } from '../messages.js';
import { HexColour, Id, prose, recordFields, text } from './common.js';
import { TierBenefits } from './program.js';
import { PARTNER_TIERS, SEGMENT_FIELDS, SEGMENT_KINDS, SEGMENT_OPERATORS } from './values.js';

export const SegmentKind = z.enum(SEGMENT_KINDS);
export type SegmentKind = z.infer<typeof SegmentKind>;

export const SegmentField = z.enum(SEGMENT_FIELDS);
export type SegmentField = z.infer<typeof SegmentField>;

export const SegmentOperator = z.enum(SEGMENT_OPERATORS);
export type SegmentOperator = z.infer<typeof SegmentOperator>;

const isTierKey = (value: unknown): boolean =>
  (PARTNER_TIERS as readonly unknown[]).includes(value);

/**
 * `in` / `not_in` take a list; `gte` / `lte` a number, or for `tier` also a tier key (`gold`);
 * the other operators take text.
 */
const valueFits = (c: { field: SegmentField; op: SegmentOperator; value: unknown }): boolean => {
  if (c.op === 'in' || c.op === 'not_in') return Array.isArray(c.value);
  if (c.op === 'gte' || c.op === 'lte') {
    return typeof c.value === 'number' || (c.field === 'tier' && isTierKey(c.value));
  }
  return typeof c.value === 'string';
};

/**
 * One condition over a partner field: `tier gte gold` compares ranks (a tier key of
 * `PARTNER_TIERS` or a rank number), `annualRevenue` minor units.
 */
export const SegmentCriterion = z
  .object({
    field: SegmentField,
    op: SegmentOperator,
    value: z.union([z.string(), z.number(), z.array(z.string())], message('criterionValue')),
  })
  .check(z.refine(valueFits, { ...message('criterionValue'), path: ['value'] }));
export type SegmentCriterion = z.infer<typeof SegmentCriterion>;

export const SegmentRule = z.object({
  match: z.enum(['all', 'any']),
  criteria: z.array(SegmentCriterion).check(z.minLength(1)),
});
export type SegmentRule = z.infer<typeof SegmentRule>;

/** A program linked to a segment, with benefits that differ for the segment's partners. */
export const SegmentProgramLink = z.object({
  programId: Id,
  benefitOverrides: z.optional(z.partial(TierBenefits)),
});
export type SegmentProgramLink = z.infer<typeof SegmentProgramLink>;

const segmentFields = {
  name: text(80),
  kind: SegmentKind,
  colour: HexColour,
  description: z.optional(prose(1_000)),
  /** Partners match the rule; `null` means membership is manual. */
  rule: z.nullable(SegmentRule),
  manualMemberIds: z.array(Id),
  programLinks: z.array(SegmentProgramLink),
};

export const Segment = z.object({ ...recordFields, ...segmentFields });
export type Segment = z.infer<typeof Segment>;

export const SegmentInput = z.object(segmentFields);
export type SegmentInput = z.infer<typeof SegmentInput>;

export const SegmentPatch = z.partial(SegmentInput);
export type SegmentPatch = z.infer<typeof SegmentPatch>;
