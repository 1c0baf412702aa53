import type {
  Viewer,
  Activity,
  Case,
  DealRegistration,
  Lead,
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfRequest,
  Opportunity,
  Order,
  Partner,
  Product,
  Program,
  ProgramMembership,
  Quote,
  ResourceName,
  Role,
  Segment,
  User,
} from '@prm-kit/core';
import type { ConformanceActor } from '@prm-kit/core/testing';

/** The core entity type each resource holds. */
export interface EntityByResource {
  partners: Partner;
  users: User;
  programs: Program;
  memberships: ProgramMembership;
  segments: Segment;
  deals: DealRegistration;
  opportunities: Opportunity;
  products: Product;
  quotes: Quote;
  orders: Order;
  cases: Case;
  leads: Lead;
  mdfBudgets: MdfBudget;
  mdfAllocations: MdfAllocation;
  mdfRequests: MdfRequest;
  mdfClaims: MdfClaim;
  activities: Activity;
}

/** Every record of a backend, by resource: what a store is seeded with. */
export type Dataset = { [R in ResourceName]: EntityByResource[R][] };

/** A dataset with no records. */
export function emptyDataset(): Dataset {
  return {
    partners: [],
    users: [],
    programs: [],
    memberships: [],
    segments: [],
    deals: [],
    opportunities: [],
    products: [],
    quotes: [],
    orders: [],
    cases: [],
    leads: [],
    mdfBudgets: [],
    mdfAllocations: [],
    mdfRequests: [],
    mdfClaims: [],
    activities: [],
  };
}

/** A sign-in user of the demo. */
export interface DemoUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  /** The user's partner; `null` for enterprise (XYZ Solutions) users. */
  readonly partnerId: string | null;
}

/**
 * The demo's sign-in users, one per role, keyed by the conformance suite's actor names
 * (`CONFORMANCE_ACTORS`): partner A is ABC Systems (`p-abc`), partner B Northwind Networks
 * (`p-northwind`), and the channel manager is ABC's. Both `demoDataset` and `generateDataset`
 * hold them all.
 */
export const DEMO_USERS = {
  partnerAdmin: {
    id: 'u-abc-admin',
    name: 'Alice Brennan',
    email: 'alice.brennan@abc-systems.example.com',
    role: 'partner_admin',
    partnerId: 'p-abc',
  },
  partnerManager: {
    id: 'u-abc-manager',
    name: 'Ben Carter',
    email: 'ben.carter@abc-systems.example.com',
    role: 'partner_manager',
    partnerId: 'p-abc',
  },
  partnerAssociate: {
    id: 'u-abc-associate',
    name: 'Chloe Diaz',
    email: 'chloe.diaz@abc-systems.example.com',
    role: 'partner_associate',
    partnerId: 'p-abc',
  },
  otherPartnerAdmin: {
    id: 'u-northwind-admin',
    name: 'Nina Park',
    email: 'nina.park@northwind-networks.example.com',
    role: 'partner_admin',
    partnerId: 'p-northwind',
  },
  channelManager: {
    id: 'u-xyz-cm-reyes',
    name: 'Marcus Reyes',
    email: 'marcus.reyes@xyz-solutions.example.com',
    role: 'channel_manager',
    partnerId: null,
  },
  supportAgent: {
    id: 'u-xyz-support-lindqvist',
    name: 'Sofia Lindqvist',
    email: 'sofia.lindqvist@xyz-solutions.example.com',
    role: 'support_agent',
    partnerId: null,
  },
  programAdmin: {
    id: 'u-xyz-program-chen',
    name: 'Grace Chen',
    email: 'grace.chen@xyz-solutions.example.com',
    role: 'program_admin',
    partnerId: null,
  },
  enterpriseAdmin: {
    id: 'u-xyz-admin',
    name: 'Dana Whitfield',
    email: 'dana.whitfield@xyz-solutions.example.com',
    role: 'enterprise_admin',
    partnerId: null,
  },
} as const satisfies Record<ConformanceActor, DemoUser>;

/** A demo user (`'partnerAdmin'`, `'channelManager'`, …) as a signed-in viewer. */
export function demoViewer(key: keyof typeof DEMO_USERS): Viewer {
  const user: DemoUser = DEMO_USERS[key];
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    partnerId: user.partnerId,
  };
}
