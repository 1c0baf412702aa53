import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

/** Every kind of record the adapter serves, by its adapter group name. */
export const RESOURCES = [
  'partners',
  'users',
  'programs',
  'memberships',
  'segments',
  'deals',
  'opportunities',
  'products',
  'quotes',
  'orders',
  'cases',
  'leads',
  'mdfBudgets',
  'mdfAllocations',
  'mdfRequests',
  'mdfClaims',
  'activities',
] as const;
export const ResourceName = z.enum(RESOURCES);
export type ResourceName = z.infer<typeof ResourceName>;

export const ACTIVITY_ACTIONS = [
  'created',
  'updated',
  'transitioned',
  'commented',
  'assigned',
  'deleted',
] as const;

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
