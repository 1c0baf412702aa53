import * as z from 'zod/mini';
import {
  Amount,
  CountryCode,
  Email,
  Id,
  Key,
  Region,
  Timestamp,
  WebUrl,
  recordFields,
  text,
} from './common.js';
import { PartnerRole } from './viewer.js';
import { PARTNER_STATUSES, PARTNER_TIERS } from './values.js';

export const PartnerStatus = z.enum(PARTNER_STATUSES);
export type PartnerStatus = z.infer<typeof PartnerStatus>;

export const PartnerTier = z.enum(PARTNER_TIERS);
export type PartnerTier = z.infer<typeof PartnerTier>;

export const PartnerContact = z.object({
  id: Id,
  /** The contact's sign-in user, when the contact has portal access. */
  userId: z.nullable(Id),
  name: text(120),
  email: Email,
  phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
  title: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  role: PartnerRole,
  primary: z.boolean(),
});
export type PartnerContact = z.infer<typeof PartnerContact>;

export const OnboardingStep = z.object({
  key: Key,
  label: text(200),
  done: z.boolean(),
  completedAt: z.optional(Timestamp),
});
export type OnboardingStep = z.infer<typeof OnboardingStep>;

export const Partner = z.object({
  ...recordFields,
  name: text(200),
  website: z.optional(WebUrl),
  country: CountryCode,
  region: Region,
  status: PartnerStatus,
  tier: PartnerTier,
  specializations: z.array(Key),
  segmentIds: z.array(Id),
  contacts: z.array(PartnerContact),
  /** The enterprise user who owns the relationship. */
  channelManagerId: z.nullable(Id),
  onboarding: z.array(OnboardingStep),
  annualRevenue: z.optional(Amount),
  employees: z.optional(z.int().check(z.nonnegative())),
  certifications: z.int().check(z.nonnegative()),
});
export type Partner = z.infer<typeof Partner>;

/** A prospect's application to become a partner (onboarding starts here). */
export const PartnerApplication = z.object({
  name: text(200),
  website: z.optional(WebUrl),
  country: CountryCode,
  region: Region,
  specializations: z.optional(z.array(Key)),
  employees: z.optional(z.int().check(z.nonnegative())),
  contact: z.object({
    name: text(120),
    email: Email,
    phone: z.optional(z.string().check(z.trim(), z.maxLength(40))),
    title: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  }),
});
export type PartnerApplication = z.infer<typeof PartnerApplication>;

/** What may be edited on a partner's profile (status changes go through `transition`). */
export const PartnerPatch = z.partial(
  z.object({
    name: text(200),
    website: z.nullable(WebUrl),
    country: CountryCode,
    region: Region,
    tier: PartnerTier,
    specializations: z.array(Key),
    contacts: z.array(PartnerContact),
    channelManagerId: z.nullable(Id),
    onboarding: z.array(OnboardingStep),
    annualRevenue: Amount,
    employees: z.int().check(z.nonnegative()),
    certifications: z.int().check(z.nonnegative()),
  }),
);
export type PartnerPatch = z.infer<typeof PartnerPatch>;
