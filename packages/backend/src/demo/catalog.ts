/**
 * XYZ Solutions' catalog: its people, products, programs and segments. Shared by the demo
 * seed and the large-data generator; every timestamp is relative to the reference time.
 */
import type {
  DealRegistrationRules,
  Product,
  Program,
  Segment,
  SegmentInput,
  Tier,
  User,
} from '@prm-kit/core';
import type { Actor, Builder } from './builder.js';
import { DEMO_USERS, type DemoUser } from './dataset.js';
import { DAY_MS, HOUR_MS } from './random.js';

/** Money in US dollars, as integer cents. */
export const usd = (dollars: number) => ({ amount: Math.round(dollars * 100), currency: 'USD' });
/** Money in euros, as integer cents. */
export const eur = (euros: number) => ({ amount: Math.round(euros * 100), currency: 'EUR' });

/** A user as an actor. */
export const actor = (user: Pick<User, 'id' | 'name' | 'role'>): Actor => ({
  id: user.id,
  name: user.name,
  role: user.role,
});

/** Adds a user and logs its creation. */
export function addUser(b: Builder, person: DemoUser, at: number, by: Actor, active = true): User {
  const stamp = b.created(
    'users',
    { id: person.id, label: person.name, partnerId: person.partnerId },
    by,
    at,
  );
  const user: User = {
    id: person.id,
    ...stamp,
    name: person.name,
    email: person.email,
    role: person.role,
    partnerId: person.partnerId,
    active,
  };
  b.data.users.push(user);
  return user;
}

// ---------------------------------------------------------------------------------------
// Enterprise people

/** Extra channel managers and support agents of the demo (beyond `DEMO_USERS`). */
const MORE_CHANNEL_MANAGERS: readonly [string, string][] = [
  ['u-xyz-cm-okafor', 'Adaeze Okafor'],
  ['u-xyz-cm-tanaka', 'Hiro Tanaka'],
];
const MORE_SUPPORT_AGENTS: readonly [string, string][] = [['u-xyz-support-patel', 'Raj Patel']];

export interface EnterpriseStaff {
  admin: User;
  programAdmin: User;
  /** The first is ABC's (`DEMO_USERS.channelManager`). */
  channelManagers: User[];
  supportAgents: User[];
}

const enterpriseUser = (id: string, name: string, role: User['role']): DemoUser => ({
  id,
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@xyz-solutions.example.com`,
  role,
  partnerId: null,
});

/**
 * XYZ Solutions' people. With more managers or agents than the demo names, the rest are
 * numbered (`u-xyz-cm-4`, …).
 */
export function buildStaff(b: Builder, channelManagers = 3, supportAgents = 2): EnterpriseStaff {
  const start = b.now - 760 * DAY_MS;
  const admin = addUser(b, DEMO_USERS.enterpriseAdmin, start, actor(DEMO_USERS.enterpriseAdmin));
  const by = actor(admin);
  const programAdmin = addUser(b, DEMO_USERS.programAdmin, start + 2 * HOUR_MS, by);
  const managers = [addUser(b, DEMO_USERS.channelManager, start + 3 * HOUR_MS, by)];
  const agents = [addUser(b, DEMO_USERS.supportAgent, start + 4 * HOUR_MS, by)];
  for (let i = 1; i < channelManagers; i += 1) {
    const [id, name] = MORE_CHANNEL_MANAGERS[i - 1] ?? [`u-xyz-cm-${String(i + 1)}`, ''];
    const person = enterpriseUser(
      id,
      name || `Channel Manager ${String(i + 1)}`,
      'channel_manager',
    );
    managers.push(addUser(b, person, start + (5 + i) * HOUR_MS, by));
  }
  for (let i = 1; i < supportAgents; i += 1) {
    const [id, name] = MORE_SUPPORT_AGENTS[i - 1] ?? [`u-xyz-support-${String(i + 1)}`, ''];
    const person = enterpriseUser(id, name || `Support Agent ${String(i + 1)}`, 'support_agent');
    agents.push(addUser(b, person, start + (5 + i) * HOUR_MS + 30 * 60_000, by));
  }
  return { admin, programAdmin, channelManagers: managers, supportAgents: agents };
}

// ---------------------------------------------------------------------------------------
// Products

interface ProductSpec {
  id: string;
  sku: string;
  name: string;
  description: string;
  family: string;
  listPrice: Product['listPrice'];
  unit: Product['unit'];
  active: boolean;
}

const PRODUCTS: readonly ProductSpec[] = [
  {
    id: 'prod-fw-1000',
    sku: 'XYZ-FW-1000',
    name: 'XYZ Firewall 1000',
    description: 'Next-generation firewall for branch offices, up to 2 Gbps threat protection.',
    family: 'firewall',
    listPrice: usd(4_500),
    unit: 'each',
    active: true,
  },
  {
    id: 'prod-fw-5000',
    sku: 'XYZ-FW-5000',
    name: 'XYZ Firewall 5000',
    description: 'Data-centre firewall cluster node, 40 Gbps threat protection.',
    family: 'firewall',
    listPrice: usd(18_500),
    unit: 'each',
    active: true,
  },
  {
    id: 'prod-sdwan-edge',
    sku: 'XYZ-SDW-EDGE',
    name: 'XYZ SD-WAN Edge',
    description: 'SD-WAN appliance with zero-touch provisioning.',
    family: 'networking',
    listPrice: usd(1_200),
    unit: 'each',
    active: true,
  },
  {
    id: 'prod-switch-48',
    sku: 'XYZ-SW-48P',
    name: 'XYZ Campus Switch 48P',
    description: '48-port PoE+ campus access switch.',
    family: 'networking',
    listPrice: usd(3_900),
    unit: 'each',
    active: true,
  },
  {
    id: 'prod-cloudguard',
    sku: 'XYZ-CG-SEAT',
    name: 'XYZ CloudGuard',
    description: 'Cloud workload protection, per protected user per year.',
    family: 'cloud_security',
    listPrice: usd(96),
    unit: 'seat',
    active: true,
  },
  {
    id: 'prod-backup',
    sku: 'XYZ-BKP-YR',
    name: 'XYZ Backup Cloud',
    description: 'Immutable cloud backup, 10 TB per subscription year.',
    family: 'data_protection',
    listPrice: usd(2_400),
    unit: 'subscription_year',
    active: true,
  },
  {
    id: 'prod-mdr',
    sku: 'XYZ-MDR-SEAT',
    name: 'XYZ Managed Detection & Response',
    description: '24×7 managed detection and response, per endpoint per year.',
    family: 'services',
    listPrice: usd(180),
    unit: 'seat',
    active: true,
  },
  {
    id: 'prod-support-premium',
    sku: 'XYZ-SUP-PREM',
    name: 'XYZ Premium Support',
    description: 'One-hour response, named technical account manager.',
    family: 'services',
    listPrice: usd(5_000),
    unit: 'subscription_year',
    active: true,
  },
  {
    id: 'prod-vpn-legacy',
    sku: 'XYZ-VPN-300',
    name: 'XYZ VPN Concentrator 300 (end of sale)',
    description: 'Replaced by the XYZ SD-WAN Edge.',
    family: 'networking',
    listPrice: usd(3_000),
    unit: 'each',
    active: false,
  },
  {
    id: 'prod-fw-1000-eu',
    sku: 'XYZ-FW-1000-EU',
    name: 'XYZ Firewall 1000 (EU)',
    description: 'The branch firewall, priced and shipped in the EU.',
    family: 'firewall',
    listPrice: eur(4_200),
    unit: 'each',
    active: true,
  },
];

/** Active USD products: what deals, quotes and leads pick from. */
export const USD_PRODUCT_IDS = PRODUCTS.filter(
  (p) => p.active && p.listPrice.currency === 'USD',
).map((p) => p.id);

export function buildProducts(b: Builder, by: Actor): Product[] {
  const start = b.now - 720 * DAY_MS;
  return PRODUCTS.map((spec, index) => {
    const at = start + index * HOUR_MS;
    const notes = spec.active
      ? []
      : [
          {
            at: b.now - 200 * DAY_MS,
            by,
            action: 'updated' as const,
            summary: `${by.name} marked ${spec.name} end of sale`,
            partnerId: null,
          },
        ];
    const stamp = b.created(
      'products',
      { id: spec.id, label: spec.name, partnerId: null },
      by,
      at,
      notes,
    );
    const product: Product = {
      id: spec.id,
      ...stamp,
      sku: spec.sku,
      name: spec.name,
      description: spec.description,
      family: spec.family,
      listPrice: spec.listPrice,
      unit: spec.unit,
      active: spec.active,
    };
    b.data.products.push(product);
    return product;
  });
}

// ---------------------------------------------------------------------------------------
// Programs

const perks = (...items: string[]) => items;

const RESELLER_TIERS: Tier[] = [
  {
    key: 'registered',
    name: 'Registered',
    rank: 0,
    requirements: [],
    benefits: {
      discountBps: 500,
      dealRegistrationDiscountBps: 500,
      perks: perks('Partner portal access', 'Online sales training'),
    },
  },
  {
    key: 'silver',
    name: 'Silver',
    rank: 1,
    requirements: [
      { metric: 'annual_revenue', target: usd(500_000).amount, label: 'USD 500k annual revenue' },
      { metric: 'certifications', target: 2, label: 'Two certified engineers' },
    ],
    benefits: {
      discountBps: 1_000,
      dealRegistrationDiscountBps: 500,
      mdfPerQuarter: usd(5_000),
      perks: perks('Partner portal access', 'Not-for-resale demo kit'),
    },
  },
  {
    key: 'gold',
    name: 'Gold',
    rank: 2,
    requirements: [
      { metric: 'annual_revenue', target: usd(2_000_000).amount, label: 'USD 2M annual revenue' },
      { metric: 'certifications', target: 5, label: 'Five certified engineers' },
      { metric: 'won_deals', target: 10, label: 'Ten won deals a year' },
    ],
    benefits: {
      discountBps: 1_500,
      dealRegistrationDiscountBps: 1_000,
      mdfPerQuarter: usd(15_000),
      caseFirstResponseHours: 6,
      perks: perks('Partner portal access', 'Not-for-resale demo kit', 'Quarterly business review'),
    },
  },
  {
    key: 'platinum',
    name: 'Platinum',
    rank: 3,
    requirements: [
      { metric: 'annual_revenue', target: usd(10_000_000).amount, label: 'USD 10M annual revenue' },
      { metric: 'certifications', target: 10, label: 'Ten certified engineers' },
      { metric: 'won_deals', target: 40, label: 'Forty won deals a year' },
      { metric: 'won_revenue', target: usd(5_000_000).amount, label: 'USD 5M won revenue' },
    ],
    benefits: {
      discountBps: 2_000,
      dealRegistrationDiscountBps: 1_000,
      mdfPerQuarter: usd(40_000),
      caseFirstResponseHours: 4,
      perks: perks(
        'Partner portal access',
        'Not-for-resale demo kit',
        'Quarterly business review',
        'Named partner success manager',
      ),
    },
  },
];

const rules = (patch: Partial<DealRegistrationRules>): DealRegistrationRules => ({
  enabled: true,
  dealTypes: ['new_business', 'upsell', 'renewal'],
  exclusivityDays: 90,
  extensionDays: 30,
  maxExtensions: 1,
  minimumValue: null,
  approvalRequired: true,
  autoApproveBelow: null,
  approvalSlaHours: 16,
  conflictPolicy: 'manual_review',
  ...patch,
});

type ProgramSpec = Omit<Program, 'createdAt' | 'updatedAt' | 'version' | 'status'> & {
  /** Days before now: created, activated, retired. */
  days: [number, number | null, number | null];
};

export const PROGRAM_IDS = {
  reseller: 'prog-reseller',
  msp: 'prog-msp',
  referral: 'prog-referral',
  publicSector: 'prog-public-sector',
  legacy: 'prog-solution-provider-2024',
} as const;

export const SEGMENT_IDS = {
  registered: 'seg-tier-registered',
  silver: 'seg-tier-silver',
  gold: 'seg-tier-gold',
  platinum: 'seg-tier-platinum',
  security: 'seg-spec-security',
  cloud: 'seg-spec-cloud',
  managed: 'seg-spec-managed-services',
  networking: 'seg-spec-networking',
  northAmerica: 'seg-market-north-america',
  latinAmerica: 'seg-market-latin-america',
  emea: 'seg-market-emea',
  apac: 'seg-market-apac',
  strategic: 'seg-custom-strategic',
  highGrowth: 'seg-custom-high-growth',
} as const;

const PROGRAMS: readonly ProgramSpec[] = [
  {
    id: PROGRAM_IDS.reseller,
    name: 'XYZ Reseller Program',
    description:
      'Resell the XYZ security and networking portfolio. Four tiers, each with a larger discount, deal registration protection and market development funds.',
    tiers: RESELLER_TIERS,
    eligibility: { segmentIds: [], minimumTier: null, countries: [] },
    dealRegistration: rules({
      minimumValue: usd(10_000),
      autoApproveBelow: usd(25_000),
    }),
    termsVersion: '2026-01',
    termsUrl: 'https://partners.xyz-solutions.example.com/terms/reseller-2026-01',
    days: [700, 690, null],
  },
  {
    id: PROGRAM_IDS.msp,
    name: 'XYZ Managed Service Provider Program',
    description:
      'Deliver XYZ security as a managed service: monthly billing, multi-tenant console and a longer protection window for renewals.',
    tiers: [
      {
        key: 'authorized',
        name: 'Authorized MSP',
        rank: 0,
        requirements: [{ metric: 'certifications', target: 3 }],
        benefits: {
          discountBps: 1_800,
          dealRegistrationDiscountBps: 500,
          mdfPerQuarter: usd(7_500),
          perks: perks('Multi-tenant console', 'Usage-based billing'),
        },
      },
      {
        key: 'premier',
        name: 'Premier MSP',
        rank: 1,
        requirements: [
          { metric: 'certifications', target: 8 },
          { metric: 'won_revenue', target: usd(1_500_000).amount },
        ],
        benefits: {
          discountBps: 2_500,
          dealRegistrationDiscountBps: 1_000,
          mdfPerQuarter: usd(20_000),
          caseFirstResponseHours: 2,
          perks: perks('Multi-tenant console', 'Usage-based billing', 'Dedicated NOC liaison'),
        },
      },
    ],
    eligibility: { segmentIds: [SEGMENT_IDS.managed], minimumTier: 'silver', countries: [] },
    dealRegistration: rules({
      dealTypes: ['new_business', 'renewal'],
      exclusivityDays: 180,
      extensionDays: 60,
      maxExtensions: 2,
      approvalSlaHours: 24,
      conflictPolicy: 'first_come',
    }),
    termsVersion: '2025-07',
    days: [520, 500, null],
  },
  {
    id: PROGRAM_IDS.referral,
    name: 'XYZ Referral Program',
    description:
      'Introduce customers to XYZ and earn a referral fee when they buy direct. No deal registration: referrals go through the lead inbox.',
    tiers: [
      {
        key: 'referrer',
        name: 'Referrer',
        rank: 0,
        requirements: [],
        benefits: {
          discountBps: 0,
          dealRegistrationDiscountBps: 0,
          perks: perks('8 % referral fee on first-year revenue'),
        },
      },
    ],
    eligibility: { segmentIds: [], minimumTier: null, countries: [] },
    dealRegistration: rules({
      enabled: false,
      dealTypes: [],
      exclusivityDays: 30,
      extensionDays: 0,
      maxExtensions: 0,
      approvalRequired: false,
      approvalSlaHours: 40,
      conflictPolicy: 'first_come',
    }),
    termsVersion: '2025-03',
    days: [650, 640, null],
  },
  {
    id: PROGRAM_IDS.publicSector,
    name: 'Public Sector Specialist Program',
    description:
      'For Gold partners serving US and Canadian government agencies: contract vehicles, compliance training and a dedicated public sector desk. Draft: launching in 2027.',
    tiers: [
      {
        key: 'specialist',
        name: 'Public Sector Specialist',
        rank: 0,
        requirements: [{ metric: 'certifications', target: 6 }],
        benefits: {
          discountBps: 1_200,
          dealRegistrationDiscountBps: 800,
          perks: perks('Contract vehicle access', 'FedRAMP training'),
        },
      },
    ],
    eligibility: { segmentIds: [], minimumTier: 'gold', countries: ['US', 'CA'] },
    dealRegistration: rules({ exclusivityDays: 120, approvalSlaHours: 24 }),
    termsVersion: '2027-01-draft',
    days: [25, null, null],
  },
  {
    id: PROGRAM_IDS.legacy,
    name: 'Solution Provider Program (2024)',
    description: 'The program the Reseller Program replaced. Retired: memberships ran out.',
    tiers: [
      {
        key: 'member',
        name: 'Member',
        rank: 0,
        requirements: [],
        benefits: { discountBps: 800, dealRegistrationDiscountBps: 400, perks: [] },
      },
    ],
    eligibility: { segmentIds: [], minimumTier: null, countries: [] },
    dealRegistration: rules({ exclusivityDays: 60, extensionDays: 0, maxExtensions: 0 }),
    termsVersion: '2024-01',
    days: [750, 745, 300],
  },
];

export interface Programs {
  reseller: Program;
  msp: Program;
  referral: Program;
  publicSector: Program;
  legacy: Program;
}

export function buildPrograms(b: Builder, by: Actor): Programs {
  const built = PROGRAMS.map(({ days, ...spec }) => {
    const [createdDays, activeDays, retiredDays] = days;
    const moves: { to: Program['status']; at: number; by: Actor }[] = [];
    if (activeDays !== null) moves.push({ to: 'active', at: b.now - activeDays * DAY_MS, by });
    if (retiredDays !== null) moves.push({ to: 'retired', at: b.now - retiredDays * DAY_MS, by });
    const walk = b.lifecycle(
      'programs',
      { id: spec.id, label: spec.name, partnerId: null },
      { status: 'draft', at: b.now - createdDays * DAY_MS, by },
      moves,
    );
    const program: Program = {
      id: spec.id,
      createdAt: walk.createdAt,
      updatedAt: walk.updatedAt,
      version: walk.version,
      name: spec.name,
      description: spec.description,
      status: walk.status,
      tiers: spec.tiers,
      eligibility: spec.eligibility,
      dealRegistration: spec.dealRegistration,
      termsVersion: spec.termsVersion,
      ...(spec.termsUrl === undefined ? {} : { termsUrl: spec.termsUrl }),
    };
    b.data.programs.push(program);
    return program;
  });
  const [reseller, msp, referral, publicSector, legacy] = built as [
    Program,
    Program,
    Program,
    Program,
    Program,
  ];
  return { reseller, msp, referral, publicSector, legacy };
}

// ---------------------------------------------------------------------------------------
// Segments

type SegmentSpec = SegmentInput & { id: string };

const tierSegment = (
  id: string,
  name: string,
  tier: string,
  colour: string,
  programLinks: SegmentInput['programLinks'] = [],
): SegmentSpec => ({
  id,
  name,
  kind: 'tier',
  colour,
  description: `Partners at the ${name} tier.`,
  rule: { match: 'all', criteria: [{ field: 'tier', op: 'eq', value: tier }] },
  manualMemberIds: [],
  programLinks,
});

const regionSegment = (id: string, name: string, region: string, colour: string): SegmentSpec => ({
  id,
  name,
  kind: 'market',
  colour,
  description: `Partners based in ${name}.`,
  rule: { match: 'all', criteria: [{ field: 'region', op: 'eq', value: region }] },
  manualMemberIds: [],
  programLinks: [],
});

/** The demo's segments; `strategic` lists manual members, given by the caller. */
function segmentSpecs(strategicMembers: readonly string[]): SegmentSpec[] {
  return [
    tierSegment(SEGMENT_IDS.registered, 'Registered', 'registered', '#6b7280'),
    tierSegment(SEGMENT_IDS.silver, 'Silver', 'silver', '#9ca3af'),
    tierSegment(SEGMENT_IDS.gold, 'Gold', 'gold', '#b45309'),
    tierSegment(SEGMENT_IDS.platinum, 'Platinum', 'platinum', '#4338ca', [
      {
        programId: PROGRAM_IDS.reseller,
        benefitOverrides: { perks: ['Executive sponsor at XYZ'] },
      },
    ]),
    {
      id: SEGMENT_IDS.security,
      name: 'Security specialists',
      kind: 'specialization',
      colour: '#b91c1c',
      description: 'Partners specialised in network and cloud security.',
      rule: {
        match: 'all',
        criteria: [{ field: 'specializations', op: 'contains', value: 'security' }],
      },
      manualMemberIds: [],
      programLinks: [
        {
          programId: PROGRAM_IDS.reseller,
          benefitOverrides: { dealRegistrationDiscountBps: 1_500 },
        },
      ],
    },
    {
      id: SEGMENT_IDS.cloud,
      name: 'Cloud specialists',
      kind: 'specialization',
      colour: '#0369a1',
      rule: {
        match: 'all',
        criteria: [{ field: 'specializations', op: 'contains', value: 'cloud' }],
      },
      manualMemberIds: [],
      programLinks: [],
    },
    {
      id: SEGMENT_IDS.managed,
      name: 'Managed service providers',
      kind: 'specialization',
      colour: '#047857',
      description:
        'Partners that run XYZ products for their customers; eligible for the MSP Program.',
      rule: {
        match: 'all',
        criteria: [{ field: 'specializations', op: 'contains', value: 'managed_services' }],
      },
      manualMemberIds: [],
      programLinks: [
        { programId: PROGRAM_IDS.msp, benefitOverrides: { caseFirstResponseHours: 4 } },
      ],
    },
    {
      id: SEGMENT_IDS.networking,
      name: 'Networking specialists',
      kind: 'specialization',
      colour: '#7c3aed',
      rule: {
        match: 'all',
        criteria: [
          { field: 'specializations', op: 'contains', value: 'networking' },
          { field: 'certifications', op: 'gte', value: 3 },
        ],
      },
      manualMemberIds: [],
      programLinks: [],
    },
    regionSegment(SEGMENT_IDS.northAmerica, 'North America', 'north_america', '#1d4ed8'),
    regionSegment(SEGMENT_IDS.latinAmerica, 'Latin America', 'latin_america', '#15803d'),
    regionSegment(SEGMENT_IDS.emea, 'Europe, Middle East & Africa', 'emea', '#a16207'),
    regionSegment(SEGMENT_IDS.apac, 'Asia Pacific', 'apac', '#be185d'),
    {
      id: SEGMENT_IDS.strategic,
      name: 'Strategic partners',
      kind: 'custom',
      colour: '#111827',
      description: 'Hand-picked by the channel leadership: faster support and more MDF.',
      rule: null,
      manualMemberIds: [...strategicMembers],
      programLinks: [
        {
          programId: PROGRAM_IDS.reseller,
          benefitOverrides: { mdfPerQuarter: usd(25_000), caseFirstResponseHours: 2 },
        },
      ],
    },
    {
      id: SEGMENT_IDS.highGrowth,
      name: 'High growth',
      kind: 'custom',
      colour: '#db2777',
      description: 'Smaller active partners already selling more than USD 1M a year.',
      rule: {
        match: 'all',
        criteria: [
          { field: 'status', op: 'eq', value: 'active' },
          { field: 'employees', op: 'lte', value: 250 },
          { field: 'annualRevenue', op: 'gte', value: usd(1_000_000).amount },
        ],
      },
      manualMemberIds: [],
      programLinks: [],
    },
  ];
}

export function buildSegments(
  b: Builder,
  by: Actor,
  strategicMembers: readonly string[],
): Segment[] {
  const start = b.now - 680 * DAY_MS;
  return segmentSpecs(strategicMembers).map((spec, index) => {
    const stamp = b.created(
      'segments',
      { id: spec.id, label: spec.name, partnerId: null },
      by,
      start + index * 2 * HOUR_MS,
    );
    const { id, ...fields } = spec;
    const segment: Segment = { id, ...stamp, ...fields };
    b.data.segments.push(segment);
    return segment;
  });
}

// ---------------------------------------------------------------------------------------
// The whole catalog

export interface Catalog {
  staff: EnterpriseStaff;
  products: Product[];
  programs: Programs;
  segments: Segment[];
}

export function buildCatalog(
  b: Builder,
  options: { channelManagers: number; supportAgents: number; strategicMembers: readonly string[] },
): Catalog {
  const staff = buildStaff(b, options.channelManagers, options.supportAgents);
  const products = buildProducts(b, actor(staff.admin));
  const programs = buildPrograms(b, actor(staff.programAdmin));
  const segments = buildSegments(b, actor(staff.programAdmin), options.strategicMembers);
  return { staff, products, programs, segments };
}
