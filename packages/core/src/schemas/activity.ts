import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';
import { ACTIVITY_ACTIONS, RESOURCES } from './values.js';

export const ResourceName = z.enum(RESOURCES);
export type ResourceName = z.infer<typeof ResourceName>;

/** One line of a partner's timeline: who did what to which record, and when. */
export const Activity = z.object({
  id: Id,
  at: Timestamp,
  actorId: Id,
  actorName: z.string(),
  partnerId: z.nullable(Id),
  resource: ResourceName,
  recordId: Id,
  action: z.enum(ACTIVITY_ACTIONS),
  summary: z.string(),
  /** For a transition: the statuses before and after. */
  from: z.optional(z.string()),
  to: z.optional(z.string()),
});
export type Activity = z.infer<typeof Activity>;
