import * as z from 'zod/mini';
import { Comment, Id, StatusChange, Timestamp, prose, recordFields, text } from './common.js';
import { CASE_CATEGORIES, CASE_PRIORITIES, CASE_STATUSES } from './values.js';

export const CaseStatus = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;

export const CaseCategory = z.enum(CASE_CATEGORIES);
export type CaseCategory = z.infer<typeof CaseCategory>;

/** A record a case is about. */
export const RelatedRecord = z.object({
  type: z.enum(['deal', 'program', 'order']),
  id: Id,
});
export type RelatedRecord = z.infer<typeof RelatedRecord>;

export const Case = z.object({
  ...recordFields,
  number: z.string(),
  partnerId: Id,
  raisedBy: Id,
  subject: text(200),
  description: prose(10_000),
  category: CaseCategory,
  priority: CasePriority,
  status: CaseStatus,
  assigneeId: z.nullable(Id),
  related: z.nullable(RelatedRecord),
  firstResponseDueAt: Timestamp,
  resolutionDueAt: Timestamp,
  firstRespondedAt: z.nullable(Timestamp),
  resolvedAt: z.nullable(Timestamp),
  comments: z.array(Comment),
  /** Enterprise-only notes; never present for a partner viewer. */
  workNotes: z.optional(z.array(Comment)),
  history: z.array(StatusChange),
});
export type Case = z.infer<typeof Case>;

export const CaseInput = z.object({
  category: CaseCategory,
  priority: CasePriority,
  subject: text(200),
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  related: z.optional(RelatedRecord),
  /** Enterprise callers raising a case for a partner name it. */
  partnerId: z.optional(Id),
});
export type CaseInput = z.infer<typeof CaseInput>;

export const CasePatch = z.partial(
  z.object({ category: CaseCategory, priority: CasePriority, subject: text(200) }),
);
export type CasePatch = z.infer<typeof CasePatch>;
