import * as z from 'zod/mini';
import { message } from '../messages.js';
import { Email, Id, recordFields, text } from './common.js';
import { ENTERPRISE_ROLES, PARTNER_ROLES, ROLES, isPartnerRole } from './values.js';

export const PartnerRole = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof PartnerRole>;
export const EnterpriseRole = z.enum(ENTERPRISE_ROLES);
export type EnterpriseRole = z.infer<typeof EnterpriseRole>;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** A person who signs in: an enterprise employee, or a partner's user (with `partnerId`). */
export const User = z.object({
  ...recordFields,
  name: text(120),
  email: Email,
  role: Role,
  partnerId: z.nullable(Id),
  active: z.boolean(),
});
export type User = z.infer<typeof User>;

/**
 * Who is signed in. Partner-side roles carry the partner they belong to; enterprise
 * roles have `partnerId: null`.
 */
export const Viewer = z
  .object({
    userId: Id,
    name: z.string(),
    email: Email,
    role: Role,
    partnerId: z.nullable(Id),
    locale: z.optional(z.string()),
  })
  .check(
    z.refine((viewer) => isPartnerRole(viewer.role) === (viewer.partnerId !== null), {
      ...message('viewerPartner'),
      path: ['partnerId'],
    }),
  );
export type Viewer = z.infer<typeof Viewer>;
