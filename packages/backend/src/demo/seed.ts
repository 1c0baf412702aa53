/**
 * The demo's story. XYZ Solutions sells security and networking products through ~25 channel
 * partners. ABC Systems, a North-American Gold reseller, is the partner the demo signs in as:
 * its registrations cover every status (one clashes with Northwind Networks over Globex, one is
 * a duplicate, one's protection is about to end), its people raise cases, take leads and spend
 * market development funds. The other partners get random but lawful records from the same
 * builders the large-data generator uses.
 */
import {
  assignLead,
  autoDecision,
  findDealConflicts,
  leadCandidates,
  type CaseStatus,
  type Customer,
  type DealRegistration,
  type DealStatus,
  type Lead,
  type LeadDeclineReason,
  type LeadStatus,
  type MdfClaimStatus,
  type MdfRequestStatus,
  type OpportunityStage,
  type OrderStatus,
  type PartnerStatus,
  type PartnerTier,
  type ProductLine,
  type QuoteStatus,
  type User,
} from '@prm-kit/core';
import { Builder, SYSTEM_ACTOR, statusAt, type Actor, type Move } from './builder.js';
import { actor, buildCatalog, usd, type Catalog } from './catalog.js';
import { DEMO_USERS, type Dataset, type DemoUser } from './dataset.js';
import {
  buildPartner,
  finishMdf,
  randomCase,
  randomDeal,
  randomLead,
  randomMdf,
  randomMemberships,
  randomPartnerPlan,
  mdfQuarters,
  type PartnerContext,
} from './populate.js';
import { DAY_MS, DEMO_NOW, HOUR_MS, MINUTE_MS, dateOnly, toMs } from './random.js';
import {
  buildCase,
  buildClaim,
  buildDeal,
  buildFundRequest,
  buildLead,
  buildMembership,
  buildOpportunity,
  buildOrder,
  buildQuote,
  startAllocation,
  type AllocationDraft,
  type LeadMove,
  type PartnerPlan,
  type Quarter,
  type Said,
} from './records.js';

/** The seed of the demo's random details. */
export const DEMO_SEED = 'xyz-solutions-demo';

const CM = { reyes: 0, okafor: 1, tanaka: 2 } as const;

type SeedPartner = readonly [
  id: string,
  name: string,
  country: string,
  status: PartnerStatus,
  tier: PartnerTier,
  specializations: readonly string[],
  channelManager: number | null,
];

/** The partners besides ABC Systems and Northwind Networks. */
const OTHER_PARTNERS: readonly SeedPartner[] = [
  ['p-bluepeak', 'Bluepeak Cloud', 'US', 'active', 'silver', ['security', 'cloud'], CM.reyes],
  [
    'p-cascadia',
    'Cascadia IT Services',
    'US',
    'onboarding',
    'registered',
    ['networking'],
    CM.reyes,
  ],
  [
    'p-lonestar',
    'Lone Star Integrators',
    'US',
    'suspended',
    'silver',
    ['networking', 'sd_wan'],
    CM.reyes,
  ],
  ['p-prairie', 'Prairie Tech Partners', 'US', 'active', 'registered', ['networking'], CM.reyes],
  [
    'p-maple',
    'Maple Leaf Managed Services',
    'CA',
    'active',
    'gold',
    ['security', 'managed_services'],
    CM.reyes,
  ],
  ['p-andes', 'Andes Tecnología', 'CL', 'active', 'silver', ['cloud'], CM.tanaka],
  [
    'p-rio',
    'Rio Digital Solutions',
    'BR',
    'active',
    'gold',
    ['security', 'managed_services'],
    CM.tanaka,
  ],
  ['p-azteca', 'Azteca Redes', 'MX', 'prospect', 'registered', ['networking'], CM.tanaka],
  ['p-pampas', 'Pampas Data', 'AR', 'terminated', 'registered', ['data_protection'], CM.tanaka],
  [
    'p-thames',
    'Thames Secure Ltd',
    'GB',
    'active',
    'platinum',
    ['security', 'managed_services'],
    CM.okafor,
  ],
  [
    'p-rhein',
    'Rheinland Systemhaus GmbH',
    'DE',
    'active',
    'gold',
    ['security', 'networking'],
    CM.okafor,
  ],
  [
    'p-lumiere',
    'Lumière Informatique',
    'FR',
    'active',
    'silver',
    ['cloud', 'data_protection'],
    CM.okafor,
  ],
  ['p-nordic', 'Nordic Edge AB', 'SE', 'onboarding', 'registered', ['sd_wan'], CM.okafor],
  ['p-iberia', 'Iberia Cloud Partners', 'ES', 'prospect', 'registered', ['cloud'], null],
  ['p-savanna', 'Savanna Networks', 'KE', 'active', 'registered', ['networking'], CM.okafor],
  ['p-gulf', 'Gulf Star Technologies', 'AE', 'suspended', 'gold', ['security'], CM.okafor],
  ['p-alpine', 'Alpine Data AG', 'CH', 'active', 'gold', ['cloud', 'data_protection'], CM.okafor],
  ['p-sakura', 'Sakura Systems KK', 'JP', 'active', 'gold', ['security', 'networking'], CM.tanaka],
  [
    'p-harbour',
    'Harbour Bridge IT',
    'AU',
    'active',
    'platinum',
    ['security', 'cloud', 'managed_services'],
    CM.tanaka,
  ],
  ['p-lioncity', 'Lion City Cloud Pte Ltd', 'SG', 'active', 'silver', ['cloud'], CM.tanaka],
  [
    'p-ganges',
    'Ganges Infotech',
    'IN',
    'active',
    'silver',
    ['security', 'public_sector'],
    CM.tanaka,
  ],
  [
    'p-kiwi',
    'Kiwi Managed Services',
    'NZ',
    'onboarding',
    'registered',
    ['managed_services'],
    CM.tanaka,
  ],
  ['p-hanriver', 'Han River Networks', 'KR', 'terminated', 'silver', ['networking'], CM.tanaka],
];

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** ABC Systems: Gold reseller in the US since about 20 months before the reference time. */
export function abcPlan(now: number, channelManager: User): PartnerPlan {
  const by = actor(channelManager);
  return {
    id: DEMO_USERS.partnerAdmin.partnerId,
    name: 'ABC Systems',
    website: 'https://www.abc-systems.example.com',
    country: 'US',
    region: 'north_america',
    tier: 'gold',
    specializations: ['security', 'networking', 'cloud'],
    channelManager,
    annualRevenue: usd(4_200_000),
    employees: 85,
    certifications: 7,
    appliedAt: now - 640 * DAY_MS,
    moves: [
      { to: 'onboarding', at: now - 636 * DAY_MS, by },
      { to: 'active', at: now - 605 * DAY_MS, by },
    ],
  };
}

/** Northwind Networks: Platinum reseller and managed service provider in Canada. */
export function northwindPlan(now: number, channelManager: User): PartnerPlan {
  const by = actor(channelManager);
  return {
    id: DEMO_USERS.otherPartnerAdmin.partnerId,
    name: 'Northwind Networks',
    website: 'https://www.northwind-networks.example.com',
    country: 'CA',
    region: 'north_america',
    tier: 'platinum',
    specializations: ['networking', 'managed_services'],
    channelManager,
    annualRevenue: usd(14_800_000),
    employees: 240,
    certifications: 16,
    appliedAt: now - 700 * DAY_MS,
    moves: [
      { to: 'onboarding', at: now - 698 * DAY_MS, by },
      { to: 'active', at: now - 680 * DAY_MS, by },
    ],
  };
}

const ABC_PEOPLE: readonly DemoUser[] = [
  DEMO_USERS.partnerAdmin,
  DEMO_USERS.partnerManager,
  DEMO_USERS.partnerAssociate,
  {
    id: 'u-abc-associate-2',
    name: 'Omar Haddad',
    email: 'omar.haddad@abc-systems.example.com',
    role: 'partner_associate',
    partnerId: 'p-abc',
  },
];

const NORTHWIND_PEOPLE: readonly DemoUser[] = [
  DEMO_USERS.otherPartnerAdmin,
  {
    id: 'u-northwind-manager',
    name: 'Liam Foster',
    email: 'liam.foster@northwind-networks.example.com',
    role: 'partner_manager',
    partnerId: 'p-northwind',
  },
];

/** The partners every dataset starts with: ABC Systems (A) and Northwind Networks (B). */
export function buildStoryPartners(
  b: Builder,
  catalog: Catalog,
): { abc: PartnerContext; northwind: PartnerContext } {
  const cm = catalog.staff.channelManagers[0]!;
  const abc = buildPartner(b, catalog, abcPlan(b.now, cm), { named: ABC_PEOPLE })!;
  const northwind = buildPartner(b, catalog, northwindPlan(b.now, cm), {
    named: NORTHWIND_PEOPLE,
  })!;
  return { abc, northwind };
}

/** Sorts the activity log by time (creation order breaks ties) and numbers it in that order. */
export function orderActivities(data: Dataset): void {
  data.activities.sort((a, c) => (a.at < c.at ? -1 : a.at > c.at ? 1 : 0));
  data.activities.forEach((entry, index) => {
    entry.id = `act-${String(index + 1).padStart(6, '0')}`;
  });
}

/**
 * The demo dataset: deterministic (the same output every run, byte for byte) for a given
 * reference time, `DEMO_NOW` by default. Every record validates with its core schema, every
 * status of every lifecycle appears, and histories are legal paths.
 */
export function demoDataset(options: { now?: string } = {}): Dataset {
  const now = toMs(options.now ?? DEMO_NOW);
  const b = new Builder({ now, seed: DEMO_SEED });
  const { rng } = b;
  const ago = (days: number, hours = 0, minutes = 0) =>
    now - days * DAY_MS - hours * HOUR_MS - minutes * MINUTE_MS;

  const catalog = buildCatalog(b, {
    channelManagers: 3,
    supportAgents: 2,
    strategicMembers: ['p-abc', 'p-northwind', 'p-thames'],
  });
  const { staff, programs, products } = catalog;
  const admin = staff.admin;
  const [reyes, okafor, tanaka] = staff.channelManagers as [User, User, User];
  const [sofia, raj] = staff.supportAgents as [User, User];
  const marcus = actor(reyes);
  const productsById = new Map(products.map((p) => [p.id, p]));

  // -------------------------------------------------------------------------------------
  // Partners and their people

  const { abc, northwind } = buildStoryPartners(b, catalog);
  const contexts: PartnerContext[] = [abc, northwind];
  const managers = [reyes, okafor, tanaka];
  OTHER_PARTNERS.forEach(([id, name, country, status, tier, specializations, cm], index) => {
    const plan = randomPartnerPlan(b, {
      id,
      index,
      channelManager: cm === null ? null : managers[cm]!,
      enterpriseAdmin: admin,
      status,
      tier,
      country,
    });
    const ctx = buildPartner(b, catalog, {
      ...plan,
      name,
      website: `https://www.${slugOf(name)}.example.com`,
      specializations: [...specializations],
    });
    if (ctx) contexts.push(ctx);
  });

  const [alice, ben, chloe] = abc.users as [User, User, User];
  const [nina] = northwind.users as [User];
  const A = { alice: actor(alice), ben: actor(ben), chloe: actor(chloe), nina: actor(nina) };

  // -------------------------------------------------------------------------------------
  // Memberships: ABC's by hand (active, withdrawn, expired), the rest at random.

  abc.dealPrograms.push(programs.reseller);
  buildMembership(b, {
    partnerId: 'p-abc',
    program: programs.reseller,
    tierKey: 'gold',
    applicant: alice,
    appliedAt: ago(604),
    moves: [{ to: 'active', at: ago(603), by: marcus }],
    entitlements: [
      { key: 'training_seats', label: 'Training seats', total: 10, used: 7 },
      { key: 'demo_licences', label: 'Not-for-resale demo licences', total: 8, used: 8 },
      { key: 'support_incidents', label: 'Partner support incidents', total: null, used: 5 },
    ],
  });
  buildMembership(b, {
    partnerId: 'p-abc',
    program: programs.referral,
    tierKey: 'referrer',
    applicant: alice,
    appliedAt: ago(400),
    moves: [
      { to: 'active', at: ago(399), by: marcus },
      {
        to: 'withdrawn',
        at: ago(120),
        by: A.alice,
        reason: 'Focusing on resale and deal registration',
      },
    ],
  });
  buildMembership(b, {
    partnerId: 'p-abc',
    program: programs.legacy,
    tierKey: 'member',
    applicant: alice,
    appliedAt: ago(630),
    moves: [
      { to: 'active', at: ago(628), by: marcus },
      { to: 'expired', at: ago(263), by: SYSTEM_ACTOR },
    ],
  });
  northwind.dealPrograms.push(programs.reseller, programs.msp);
  buildMembership(b, {
    partnerId: 'p-northwind',
    program: programs.reseller,
    tierKey: 'platinum',
    applicant: nina,
    appliedAt: ago(679),
    moves: [{ to: 'active', at: ago(678), by: marcus }],
    entitlements: [
      { key: 'training_seats', label: 'Training seats', total: 25, used: 14 },
      { key: 'demo_licences', label: 'Not-for-resale demo licences', total: 20, used: 11 },
    ],
  });
  buildMembership(b, {
    partnerId: 'p-northwind',
    program: programs.msp,
    tierKey: 'premier',
    applicant: nina,
    appliedAt: ago(480),
    moves: [{ to: 'active', at: ago(478), by: marcus }],
  });
  for (const ctx of contexts.slice(2)) randomMemberships(b, ctx, catalog);
  const bluepeak = contexts.find((c) => c.partner.id === 'p-bluepeak')!;
  buildMembership(b, {
    partnerId: 'p-bluepeak',
    program: programs.msp,
    tierKey: 'authorized',
    applicant: bluepeak.admin,
    appliedAt: ago(45),
    moves: [
      {
        to: 'rejected',
        at: ago(43),
        by: marcus,
        reason: 'Managed services specialization required (not on the partner profile)',
      },
    ],
  });

  // -------------------------------------------------------------------------------------
  // Deal registrations

  const cust = (
    company: string,
    domain: string,
    country: string,
    postalCode: string,
    contact: string,
  ): Customer => {
    const [first = '', last = ''] = contact.toLowerCase().split(' ');
    const mailDomain = domain.replace(/^sales\./, '');
    return {
      company,
      domain,
      country,
      postalCode,
      contact: { name: contact, email: `${first}.${last}@${mailDomain}` },
    };
  };
  type Step = readonly [to: DealStatus, at: number, by: Actor, extra?: Partial<Move<DealStatus>>];
  const steps = (list: readonly Step[]): Move<DealStatus>[] =>
    list.map(([to, at, by, extra]) => ({ to, at, by, ...extra }));
  const lines = (...pairs: [string, number][]): ProductLine[] =>
    pairs.map(([productId, quantity]) => ({ productId, quantity }));

  buildDeal(b, {
    partner: northwind.partner,
    submitter: nina,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('GLOBEX CORPORATION', 'sales.globex.example.com', 'US', '97403', 'Hank Scorpio'),
    products: lines(['prod-fw-5000', 6], ['prod-sdwan-edge', 40]),
    estimatedValue: usd(190_000),
    expectedCloseDate: dateOnly(ago(-45)),
    createdAt: ago(13, 2),
    moves: steps([
      ['submitted', ago(13), A.nina],
      ['under_review', ago(12, -2), marcus],
    ]),
    comments: [
      {
        at: ago(13),
        by: A.nina,
        body: 'Globex is consolidating 40 plants onto SD-WAN; we run their network today.',
      },
    ],
    workNotes: [
      {
        at: ago(4, -1),
        by: marcus,
        body: 'Two partners on Globex now. Calling both account teams before deciding.',
      },
    ],
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Globex Corp', 'globex.example.com', 'US', '97403', 'Hank Scorpio'),
    products: lines(['prod-fw-5000', 4], ['prod-cloudguard', 500]),
    estimatedValue: usd(120_000),
    expectedCloseDate: dateOnly(ago(-60)),
    createdAt: ago(5, 3),
    moves: steps([
      ['submitted', ago(5), A.chloe],
      ['under_review', ago(4), marcus],
    ]),
    comments: [
      {
        at: ago(5),
        by: A.chloe,
        body: "Globex's CISO asked us for a firewall refresh proposal after our security workshop.",
      },
      {
        at: ago(4, -1),
        by: marcus,
        body: 'Thanks. We are checking an overlap with another registration; expect an answer this week.',
      },
    ],
    workNotes: [
      {
        at: ago(4),
        by: marcus,
        body: "Same customer as Northwind's GLOBEX CORPORATION registration (globex domain). ABC ran the workshop; Northwind claims the existing network relationship.",
      },
    ],
  });
  const initech = buildDeal(b, {
    partner: abc.partner,
    submitter: ben,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Initech', 'initech.example.com', 'US', '78701', 'Bill Lumbergh'),
    products: lines(['prod-sdwan-edge', 25], ['prod-switch-48', 10]),
    estimatedValue: usd(68_000),
    expectedCloseDate: dateOnly(ago(-20)),
    createdAt: ago(40, 1),
    moves: steps([
      ['submitted', ago(40), A.ben],
      ['under_review', ago(39), marcus],
      ['approved', ago(38), marcus, { message: 'Approved: 90 days of protection.' }],
    ]),
  });
  // Chloe registers Initech again: the core rules find ABC's own live claim (a duplicate).
  const initechAgain: Omit<Parameters<typeof buildDeal>[1], 'moves'> = {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Initech, Inc.', 'initech.example.com', 'US', '78701', 'Peter Gibbons'),
    products: lines(['prod-sdwan-edge', 30]),
    estimatedValue: usd(36_000),
    expectedCloseDate: dateOnly(ago(-30)),
    createdAt: ago(6, 1),
  };
  const dup = findDealConflicts(initechAgain, [initech], { partnerId: 'p-abc' });
  const dupDecision = autoDecision(initechAgain, programs.reseller.dealRegistration, dup);
  const initechDuplicate = buildDeal(b, {
    ...initechAgain,
    moves: steps([
      ['submitted', ago(6), A.chloe],
      [
        'rejected',
        ago(6, 0, -1),
        SYSTEM_ACTOR,
        {
          reason: dupDecision.reason,
          message: `ABC Systems already holds a live registration for this customer: ${initech.number}.`,
        },
      ],
    ]),
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: ben,
    program: programs.reseller,
    dealType: 'upsell',
    customer: cust(
      'Umbrella Health Systems',
      'umbrella-health.example.com',
      'US',
      '60601',
      'Alice Abernathy',
    ),
    products: lines(['prod-fw-1000', 12], ['prod-mdr', 800], ['prod-support-premium', 1]),
    estimatedValue: usd(210_000),
    expectedCloseDate: dateOnly(ago(-10)),
    createdAt: ago(87, 3),
    moves: steps([
      ['submitted', ago(87, 2), A.ben],
      ['under_review', ago(86), marcus],
      ['approved', ago(85), marcus],
    ]),
    comments: [
      {
        at: ago(1),
        by: A.ben,
        body: "The customer's board moved the purchase decision to mid-November.",
      },
    ],
    extension: {
      requestedAt: ago(1),
      requestedBy: ben,
      reason:
        "The customer's board moved the purchase decision to mid-November; we need 30 more days.",
      status: 'requested',
    },
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: alice,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Soylent Foods', 'soylent.example.com', 'US', '10001', 'Sol Roth'),
    products: lines(['prod-backup', 5], ['prod-cloudguard', 80]),
    estimatedValue: usd(18_500),
    expectedCloseDate: dateOnly(ago(-40)),
    createdAt: ago(3, 2),
    // Below the program's auto-approve threshold, with no conflict: approved on submit.
    moves: steps([
      ['submitted', ago(3, 1), A.alice],
      [
        'approved',
        ago(3, 1, -1),
        SYSTEM_ACTOR,
        { message: 'Approved automatically: below USD 25,000.' },
      ],
    ]),
  });
  const hooli = buildDeal(b, {
    partner: abc.partner,
    submitter: ben,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Hooli', 'hooli.example.com', 'US', '94105', 'Gavin Belson'),
    products: lines(['prod-fw-5000', 2], ['prod-switch-48', 20], ['prod-support-premium', 1]),
    estimatedValue: usd(115_000),
    expectedCloseDate: dateOnly(ago(75)),
    createdAt: ago(120, 4),
    moves: steps([
      ['submitted', ago(120, 3), A.ben],
      ['under_review', ago(119), marcus],
      ['approved', ago(118), marcus],
      ['converted', ago(100), A.ben],
    ]),
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Vandelay Industries', 'vandelay.example.com', 'US', '10013', 'Art Vandelay'),
    products: lines(['prod-switch-48', 40]),
    estimatedValue: usd(150_000),
    expectedCloseDate: dateOnly(ago(-50)),
    createdAt: ago(9, 2),
    moves: steps([
      ['submitted', ago(9), A.chloe],
      ['under_review', ago(8), marcus],
      [
        'returned',
        ago(7),
        marcus,
        { message: "How many sites are in scope, and who is the customer's decision maker?" },
      ],
    ]),
    comments: [
      {
        at: ago(7),
        by: marcus,
        body: "How many sites are in scope, and who is the customer's decision maker?",
      },
      {
        at: ago(2, -3),
        by: A.chloe,
        body: 'Six sites; Art Vandelay signs. Updating the registration now.',
      },
    ],
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Stark Logistics', 'stark-logistics.example.com', 'US', '07302', 'Pepper Potts'),
    products: lines(['prod-fw-1000', 6]),
    estimatedValue: usd(27_000),
    expectedCloseDate: dateOnly(ago(-90)),
    createdAt: ago(1, 4),
    moves: [],
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'renewal',
    customer: cust('Wayne Shipping', 'wayne-shipping.example.com', 'US', '07097', 'Lucius Fox'),
    products: lines(['prod-support-premium', 3]),
    estimatedValue: usd(15_000),
    expectedCloseDate: dateOnly(ago(0)),
    createdAt: ago(30, 5),
    moves: steps([['withdrawn', ago(25), A.chloe]]),
    comments: [
      {
        at: ago(25),
        by: A.chloe,
        body: 'The customer renews direct under its enterprise agreement.',
      },
    ],
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: ben,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Tyrell Robotics', 'tyrell.example.com', 'US', '90012', 'Eldon Tyrell'),
    products: lines(['prod-fw-5000', 3], ['prod-mdr', 400]),
    estimatedValue: usd(120_000),
    expectedCloseDate: dateOnly(ago(130)),
    createdAt: ago(200, 6),
    moves: steps([
      ['submitted', ago(200, 5), A.ben],
      ['under_review', ago(199), marcus],
      ['approved', ago(198), marcus],
      ['expired', ago(108), SYSTEM_ACTOR],
    ]),
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: alice,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Acme Retail', 'acme-retail.example.com', 'US', '85004', 'Wile Coyote'),
    products: lines(['prod-fw-1000', 30], ['prod-sdwan-edge', 30]),
    estimatedValue: usd(165_000),
    expectedCloseDate: dateOnly(ago(20)),
    createdAt: ago(60, 2),
    moves: steps([
      ['submitted', ago(60), A.alice],
      ['under_review', ago(59), marcus],
      [
        'rejected',
        ago(58),
        marcus,
        {
          reason: 'direct_conflict',
          message: "XYZ's enterprise team has an active direct opportunity at Acme Retail.",
        },
      ],
    ]),
  });
  buildDeal(b, {
    partner: abc.partner,
    submitter: chloe,
    program: programs.reseller,
    dealType: 'new_business',
    customer: cust('Cyberdyne Systems', 'cyberdyne.example.com', 'US', '90245', 'Miles Dyson'),
    products: lines(['prod-fw-5000', 5]),
    estimatedValue: usd(88_000),
    expectedCloseDate: dateOnly(ago(-75)),
    createdAt: ago(0, 3),
    moves: steps([['submitted', ago(0, 2), A.chloe]]),
  });
  buildDeal(b, {
    partner: northwind.partner,
    submitter: nina,
    program: programs.msp,
    dealType: 'new_business',
    customer: cust('Oceanic Airlines', 'oceanic-air.example.com', 'CA', 'V7B 0A4', 'Jack Shephard'),
    products: lines(['prod-mdr', 1_500], ['prod-backup', 4]),
    estimatedValue: usd(275_000),
    expectedCloseDate: dateOnly(ago(-30)),
    createdAt: ago(31, 3),
    // Northwind changed the products after approval: a material edit reopens the review.
    moves: steps([
      ['submitted', ago(31), A.nina],
      ['under_review', ago(30, -2), marcus],
      ['approved', ago(30, -6), marcus],
      ['under_review', ago(2), SYSTEM_ACTOR, { message: 'Products changed after approval.' }],
    ]),
  });

  // Random registrations of the other partners (and a few more for ABC and Northwind).
  let customerIndex = 0;
  const dealProducts = products.filter((p) => p.active && p.listPrice.currency === 'USD');
  for (const ctx of contexts) {
    const count = ctx === abc ? 3 : ctx.partner.status === 'active' ? rng.int(2, 4) : rng.int(1, 2);
    for (let i = 0; i < count; i += 1) {
      randomDeal(b, ctx, catalog, {
        customerIndex: customerIndex++,
        products: dealProducts,
        productsById,
      });
    }
  }

  // Conflicts found at submission: other registrations live at that moment (core rule).
  const partnerNames = new Map(b.data.partners.map((p) => [p.id, p.name]));
  for (const deal of b.data.deals) {
    if (deal.submittedAt === null) continue;
    const at = Date.parse(deal.submittedAt);
    const others = b.data.deals.flatMap((other) => {
      const status = other.id === deal.id ? null : statusAt(other.history, at);
      return status === null
        ? []
        : [
            {
              ...other,
              status: status as DealStatus,
              partnerName: partnerNames.get(other.partnerId)!,
            },
          ];
    });
    deal.conflicts = findDealConflicts(deal, others, {
      partnerId: deal.partnerId,
      excludeId: deal.id,
    });
  }

  // -------------------------------------------------------------------------------------
  // ABC's sales: opportunities in every stage, quotes in every status, orders in every status.

  const seller = A.ben;
  const benefits = abc.benefits;
  const opportunity = (
    name: string,
    customer: Customer,
    amount: number,
    createdAt: number,
    path: readonly [OpportunityStage, number][],
    extra: { dealRegistrationId?: string; leadId?: string; by?: Actor } = {},
  ) =>
    buildOpportunity(b, {
      name,
      partnerId: 'p-abc',
      customer,
      amount: usd(amount),
      closeDate: dateOnly(createdAt + 75 * DAY_MS),
      owner: ben,
      dealRegistrationId: extra.dealRegistrationId ?? null,
      leadId: extra.leadId ?? null,
      createdAt,
      createdBy: extra.by ?? seller,
      moves: path.map(([to, at]) => ({ to, at, by: seller })),
    });
  const quote = (
    opportunityId: string,
    deal: DealRegistration | null,
    quoteLines: ProductLine[],
    createdAt: number,
    path: readonly [QuoteStatus, number][],
    validDays = 30,
  ) =>
    buildQuote(
      b,
      {
        partnerId: 'p-abc',
        opportunityId,
        deal,
        currency: 'USD',
        lines: quoteLines,
        benefits,
        validUntil: dateOnly(createdAt + validDays * DAY_MS),
        createdAt,
        createdBy: ben,
        moves: path.map(([to, at]) => ({ to, at, by: to === 'expired' ? SYSTEM_ACTOR : seller })),
      },
      products,
    );
  const order = (
    q: ReturnType<typeof quote>,
    po: string,
    createdAt: number,
    path: readonly [OrderStatus, number, Actor, string?][],
  ) =>
    buildOrder(b, {
      quote: q,
      purchaseOrderNumber: po,
      createdAt,
      createdBy: ben,
      moves: path.map(([to, at, by, reason]) => ({ to, at, by, ...(reason ? { reason } : {}) })),
    });
  const xyz = actor(admin);

  const hooliOpp = opportunity(
    'Hooli — data-centre firewall refresh',
    hooli.customer,
    115_000,
    ago(100),
    [
      ['qualification', ago(98)],
      ['proposal', ago(90)],
      ['negotiation', ago(80)],
      ['closed_won', ago(72)],
    ],
    { dealRegistrationId: hooli.id, by: A.ben },
  );
  hooli.opportunityId = hooliOpp.id;
  const hooliQuote = quote(hooliOpp.id, hooli, hooli.products, ago(90), [
    ['sent', ago(89)],
    ['accepted', ago(72)],
  ]);
  order(hooliQuote, 'HOOLI-PO-88121', ago(71), [
    ['processing', ago(70), xyz],
    ['fulfilled', ago(64), xyz],
  ]);

  const won = (
    name: string,
    company: string,
    domain: string,
    contact: string,
    quoteLines: ProductLine[],
    days: number,
  ) => {
    const customer = cust(company, domain, 'US', '10001', contact);
    const opp = opportunity(name, customer, 60_000, ago(days), [
      ['qualification', ago(days - 2)],
      ['proposal', ago(days - 6)],
      ['closed_won', ago(days - 12)],
    ]);
    const q = quote(opp.id, null, quoteLines, ago(days - 6), [
      ['sent', ago(days - 6, -2)],
      ['accepted', ago(days - 12)],
    ]);
    return q;
  };
  const bluth = won(
    'Bluth Company — branch expansion',
    'Bluth Company',
    'bluth.example.com',
    'Michael Bluth',
    lines(['prod-fw-1000', 8], ['prod-sdwan-edge', 8]),
    30,
  );
  order(bluth, 'BLUTH-4411', ago(17), [['processing', ago(16), xyz]]);
  const sterling = won(
    'Sterling Cooper — support renewal',
    'Sterling Cooper',
    'sterling-cooper.example.com',
    'Joan Holloway',
    lines(['prod-support-premium', 2], ['prod-backup', 3]),
    16,
  );
  order(sterling, 'SC-2026-118', ago(3), []);
  const wonka = won(
    'Wonka Industries — factory network',
    'Wonka Industries',
    'wonka.example.com',
    'Charlie Bucket',
    lines(['prod-switch-48', 12]),
    50,
  );
  order(wonka, 'WONKA-0007', ago(37), [
    ['cancelled', ago(35), A.ben, 'Customer postponed the factory opening'],
  ]);

  opportunity(
    'Massive Dynamic — network refresh',
    cust('Massive Dynamic', 'massive-dynamic.example.com', 'US', '02139', 'Nina Sharp'),
    240_000,
    ago(2),
    [],
  );
  const dunder = opportunity(
    'Dunder Mifflin — branch firewalls',
    cust('Dunder Mifflin', 'dundermifflin.example.com', 'US', '18503', 'Michael Scott'),
    54_000,
    ago(21),
    [
      ['qualification', ago(18)],
      ['proposal', ago(10)],
    ],
  );
  quote(dunder.id, null, lines(['prod-fw-1000', 10], ['prod-support-premium', 1]), ago(10), [
    ['sent', ago(9)],
  ]);
  const prestige = opportunity(
    'Prestige Worldwide — managed detection',
    cust('Prestige Worldwide', 'prestige-worldwide.example.com', 'US', '33101', 'Brennan Huff'),
    90_000,
    ago(40),
    [
      ['qualification', ago(37)],
      ['proposal', ago(30)],
      ['negotiation', ago(14)],
    ],
  );
  quote(prestige.id, null, lines(['prod-mdr', 600]), ago(30), [
    ['sent', ago(29)],
    ['rejected', ago(15)],
  ]);
  quote(prestige.id, null, lines(['prod-mdr', 500], ['prod-cloudguard', 500]), ago(14), []);
  const gringotts = opportunity(
    'Gringotts Bank — vault network segmentation',
    cust('Gringotts Bank', 'gringotts.example.com', 'GB', 'EC2A 4NE', 'Griphook Goblin'),
    130_000,
    ago(150),
    [
      ['qualification', ago(145)],
      ['proposal', ago(130)],
      ['closed_lost', ago(80)],
    ],
  );
  // Sent, never answered: expired after its last valid day.
  quote(
    gringotts.id,
    null,
    lines(['prod-fw-5000', 4]),
    ago(130),
    [
      ['sent', ago(129)],
      ['expired', ago(99)],
    ],
    30,
  );

  // Rheinland quotes in euros.
  const rhein = contexts.find((c) => c.partner.id === 'p-rhein')!;
  const rheinSeller = actor(rhein.sellers[0]!);
  const rheinOpp = buildOpportunity(b, {
    name: 'Bayerische Werke — Zweigstellen-Firewalls',
    partnerId: 'p-rhein',
    customer: cust(
      'Bayerische Werke AG',
      'bayerische-werke.example.com',
      'DE',
      '80331',
      'Klaus Weber',
    ),
    amount: { amount: 5_040_000, currency: 'EUR' },
    closeDate: dateOnly(ago(-30)),
    owner: rhein.sellers[0]!,
    createdAt: ago(20),
    createdBy: rheinSeller,
    moves: [{ to: 'proposal', at: ago(12), by: rheinSeller }],
  });
  buildQuote(
    b,
    {
      partnerId: 'p-rhein',
      opportunityId: rheinOpp.id,
      deal: null,
      currency: 'EUR',
      lines: [{ productId: 'prod-fw-1000-eu', quantity: 12 }],
      benefits: rhein.benefits,
      validUntil: dateOnly(ago(-20)),
      createdAt: ago(12),
      createdBy: rhein.sellers[0]!,
      moves: [{ to: 'sent', at: ago(11), by: rheinSeller }],
    },
    products,
  );

  // -------------------------------------------------------------------------------------
  // Cases: ABC's people raise them; Sofia (the support agent) works them.

  const agent = actor(sofia);
  const caseOf = (
    raisedBy: User,
    fields: Pick<
      Parameters<typeof buildCase>[1],
      'subject' | 'description' | 'category' | 'priority' | 'related'
    >,
    createdAt: number,
    path: readonly [to: CaseStatus, at: number, by: Actor, message?: string][],
    talk: { comments?: Said[]; workNotes?: Said[]; assignedAt?: number | null } = {},
  ) =>
    buildCase(b, {
      partnerId: raisedBy.partnerId!,
      raisedBy,
      ...fields,
      createdAt,
      assignee:
        talk.assignedAt === null
          ? null
          : { user: sofia, at: talk.assignedAt ?? createdAt + 15 * MINUTE_MS, by: agent },
      moves: path.map(([to, at, by, message]) => ({ to, at, by, ...(message ? { message } : {}) })),
      comments: talk.comments ?? [],
      workNotes: talk.workNotes ?? [],
      benefits,
    });
  caseOf(
    chloe,
    {
      subject: 'Licence keys for the Initech firewalls do not activate',
      description:
        'The activation portal answers "key already in use" for all 25 SD-WAN Edge keys of order SO for Initech.',
      category: 'licensing',
      priority: 'high',
      related: { type: 'deal', id: initech.id },
    },
    ago(3),
    [
      ['in_progress', ago(3, -1), agent],
      [
        'awaiting_partner',
        ago(2, -2),
        agent,
        'Please send the serial numbers printed on the devices.',
      ],
    ],
    {
      comments: [
        {
          at: ago(3, -1),
          by: agent,
          body: 'Looking into it: the keys may have been bound to the demo pool.',
        },
        {
          at: ago(2, -2),
          by: agent,
          body: 'Please send the serial numbers printed on the devices.',
        },
      ],
      workNotes: [
        { at: ago(3, -1, -10), by: agent, body: 'Keys were issued from the NFR pool by mistake.' },
      ],
    },
  );
  caseOf(
    chloe,
    {
      subject: 'HA pair fails over after the 7.2 firmware upgrade',
      description:
        'Since upgrading the Globex lab pair to 7.2, the secondary FW-5000 takes over every few minutes.',
      category: 'product_configuration',
      priority: 'critical',
      related: null,
    },
    ago(0, 4),
    [],
    { assignedAt: ago(0, 3, 30) },
  );
  caseOf(
    ben,
    {
      subject: 'Invoice shows list price for the Hooli order',
      description: 'Our Gold discount is missing from invoice INV-2026-3391.',
      category: 'billing',
      priority: 'medium',
      related: null,
    },
    ago(12),
    [['in_progress', ago(12, -5), agent]],
    {
      comments: [
        {
          at: ago(12, -5),
          by: agent,
          body: 'Forwarded to billing; a credit note is being prepared.',
        },
      ],
    },
  );
  caseOf(
    alice,
    {
      subject: 'Tier review: we meet the Platinum requirements',
      description:
        'Revenue and certifications meet Platinum since Q3; please start the tier review.',
      category: 'program',
      priority: 'low',
      related: { type: 'program', id: programs.reseller.id },
    },
    ago(20),
    [
      ['in_progress', ago(19), agent],
      ['resolved', ago(4), agent],
    ],
    {
      comments: [
        { at: ago(19), by: agent, body: 'Passed to your channel manager for the tier review.' },
        { at: ago(4), by: marcus, body: 'Review scheduled for the Q1 business review.' },
      ],
    },
  );
  caseOf(
    chloe,
    {
      subject: 'Why was my Initech registration rejected?',
      description: `${initechDuplicate.number} was rejected within a minute of submitting it.`,
      category: 'deal_registration',
      priority: 'medium',
      related: { type: 'deal', id: initechDuplicate.id },
    },
    ago(5),
    [
      ['in_progress', ago(5, -2), agent],
      ['resolved', ago(4, -1), agent],
      ['closed', ago(3, -3), A.chloe],
    ],
    {
      comments: [
        {
          at: ago(4, -1),
          by: agent,
          body: `It duplicates ${initech.number}, which Ben registered and which is approved.`,
        },
      ],
    },
  );
  caseOf(
    ben,
    {
      subject: 'Throughput drops with IPS enabled on FW-1000',
      description: 'Throughput falls from 2 Gbps to 700 Mbps as soon as IPS is on.',
      category: 'technical',
      priority: 'high',
      related: null,
    },
    ago(15),
    [
      ['in_progress', ago(15, -1), agent],
      ['resolved', ago(10), agent],
      ['in_progress', ago(8), A.ben, 'Still drops after the hotfix.'],
    ],
    {
      comments: [
        { at: ago(10), by: agent, body: 'Hotfix 7.1.4 addresses this; please upgrade.' },
        { at: ago(8), by: A.ben, body: 'Still drops after the hotfix.' },
      ],
    },
  );
  caseOf(
    alice,
    {
      subject: 'Portal access for our new account executive',
      description: 'Please add Omar Haddad as a partner associate.',
      category: 'other',
      priority: 'low',
      related: null,
    },
    ago(0, 1),
    [],
    { assignedAt: null },
  );
  // The other partners' cases, spread over both agents.
  for (const ctx of contexts.slice(1)) {
    const count = ctx.partner.status === 'active' ? rng.int(1, 2) : 1;
    for (let i = 0; i < count; i += 1) randomCase(b, ctx, { agents: [sofia, raj] });
  }

  // -------------------------------------------------------------------------------------
  // Leads: distributed by the core assignment rule (country, then region, by tier).

  const partners = b.data.partners;
  const byId = new Map(contexts.map((c) => [c.partner.id, c]));
  const lead = (
    customer: Customer,
    interest: string,
    productIds: string[],
    value: number | null,
    createdAt: number,
    plan: readonly (readonly [LeadStatus, number, Actor, string?])[],
  ): Lead => {
    // Each assignment follows the core rule, skipping partners that declined this lead.
    const declined: string[] = [];
    let holder: string | null = null;
    const moves: LeadMove[] = plan.map(([to, at, by, reason]) => {
      if (to === 'assigned') {
        holder = assignLead({ customer }, partners, { declinedPartnerIds: declined });
        return { to, at, by, partnerId: holder };
      }
      if (to === 'declined' && holder !== null) declined.push(holder);
      return { to, at, by, ...(reason ? { reason: reason as LeadDeclineReason } : {}) };
    });
    return buildLead(b, {
      customer,
      interest,
      productIds,
      estimatedValue: value === null ? null : usd(value),
      createdAt,
      createdBy: marcus,
      moves,
    });
  };
  lead(
    cust('Pied Piper', 'piedpiper.example.com', 'US', '94301', 'Richard Hendricks'),
    'Needs SD-WAN for a fast-growing office network.',
    ['prod-sdwan-edge'],
    45_000,
    ago(20),
    [
      ['assigned', ago(20, -1), marcus],
      ['accepted', ago(18), A.ben],
    ],
  );
  lead(
    cust('Los Pollos Hermanos', 'lospollos.example.com', 'US', '87102', 'Gustavo Fring'),
    'Wants managed detection for 40 restaurants.',
    ['prod-mdr'],
    72_000,
    ago(6),
    [['assigned', ago(6, -1), marcus]],
  );
  lead(
    cust('Duff Brewing', 'duff.example.com', 'US', '97201', 'Homer Simpson'),
    'Plant network refresh; asked for a call this month.',
    ['prod-switch-48'],
    38_000,
    ago(16),
    [
      ['assigned', ago(16, -1), marcus],
      ['declined', ago(14), A.ben, 'no_capacity'],
    ],
  );
  lead(
    cust('Kramerica Industries', 'kramerica.example.com', 'US', '10024', 'Cosmo Kramer'),
    'Backup for a small head office.',
    ['prod-backup'],
    null,
    ago(25),
    [
      ['assigned', ago(25, -1), marcus],
      ['declined', ago(23), A.alice, 'existing_relationship'],
      ['assigned', ago(23, -2), marcus],
    ],
  );
  lead(
    cust('Buy n Large', 'bnl.example.com', 'ZA', '2196', 'Shelby Forthright'),
    'Evaluating firewalls for 200 stores; no partner yet.',
    ['prod-fw-1000', 'prod-sdwan-edge'],
    400_000,
    ago(0, 2),
    [],
  );
  // Accepted leads open an opportunity for the partner that took them.
  for (const l of b.data.leads) {
    if (l.status !== 'accepted' || l.partnerId !== 'p-abc') continue;
    const accepted = Date.parse(l.history[l.history.length - 1]!.at);
    const opp = opportunity(
      `${l.customer.company} — from lead ${l.number}`,
      l.customer,
      l.estimatedValue?.amount ? l.estimatedValue.amount / 100 : 50_000,
      accepted,
      [['qualification', accepted + 2 * DAY_MS]],
      { leadId: l.id },
    );
    l.opportunityId = opp.id;
  }
  // More leads around the world, assigned by the same rule.
  const active = contexts.filter((c) => c.partner.status === 'active');
  for (let i = 0; i < 10; i += 1) {
    const country = rng.pick(['US', 'CA', 'BR', 'GB', 'DE', 'FR', 'JP', 'AU', 'SG', 'IN']);
    const order = leadCandidates(
      { customer: { country } },
      active.map((c) => c.partner),
    ).map((id) => byId.get(id)!);
    randomLead(b, order, catalog, {
      customerIndex: customerIndex++,
      country,
      distributor: managers[i % 3]!,
    });
  }

  // -------------------------------------------------------------------------------------
  // MDF: budgets for the last, this and next quarter; allocations for active partners in the
  // last and this one.

  const quarters = mdfQuarters(now);
  const [previous, current] = quarters as [Quarter, Quarter, Quarter];
  const allocations = new Map<string, AllocationDraft[]>();
  const keep = (draft: AllocationDraft) => {
    const list = allocations.get(draft.budgetId) ?? [];
    list.push(draft);
    allocations.set(draft.budgetId, list);
    return draft;
  };
  const abcMdf = benefits.mdfPerQuarter!;
  const abcPrevious = keep(
    startAllocation(b, previous, 'p-abc', abcMdf, admin, previous.start - 14 * DAY_MS),
  );
  const abcCurrent = keep(
    startAllocation(b, current, 'p-abc', abcMdf, admin, current.start - 14 * DAY_MS),
  );
  const fund = (
    allocation: AllocationDraft,
    name: string,
    type: 'event' | 'campaign' | 'training' | 'content' | 'other',
    dollars: number,
    createdAt: number,
    activityStart: number,
    path: readonly (readonly [MdfRequestStatus, number, Actor, string?])[],
  ) =>
    buildFundRequest(b, {
      allocation,
      activity: {
        name,
        type,
        description: `${name}, co-branded with XYZ Solutions.`,
        period: { start: dateOnly(activityStart), end: dateOnly(activityStart + DAY_MS) },
      },
      amount: usd(dollars).amount,
      createdAt,
      createdBy: alice,
      moves: path.map(([to, at, by, reason]) => ({ to, at, by, ...(reason ? { reason } : {}) })),
    });
  const claim = (
    request: ReturnType<typeof fund>,
    dollars: number,
    createdAt: number,
    path: readonly (readonly [MdfClaimStatus, number, Actor, string?])[],
  ) =>
    buildClaim(b, {
      request,
      amount: usd(dollars).amount,
      proof: [
        {
          name: 'Invoice',
          url: `https://files.abc-systems.example.com/mdf/${request.number.toLowerCase()}/invoice.pdf`,
        },
        {
          name: 'Photos and attendee list',
          url: `https://files.abc-systems.example.com/mdf/${request.number.toLowerCase()}/proof.zip`,
        },
      ],
      createdAt,
      createdBy: alice,
      moves: path.map(([to, at, by, reason]) => ({ to, at, by, ...(reason ? { reason } : {}) })),
    });
  const ebook = fund(
    abcPrevious,
    'Ransomware readiness e-book',
    'content',
    10_000,
    previous.start + 3 * DAY_MS,
    previous.start + 20 * DAY_MS,
    [
      ['submitted', previous.start + 3 * DAY_MS + HOUR_MS, A.alice],
      ['approved', previous.start + 5 * DAY_MS, marcus],
    ],
  );
  claim(ebook, 9_500, previous.start + 40 * DAY_MS, [
    ['approved', previous.start + 43 * DAY_MS, marcus],
    ['paid', previous.start + 50 * DAY_MS, xyz],
  ]);
  const summit = fund(
    abcPrevious,
    'Partner security summit booth',
    'event',
    7_000,
    previous.start + 10 * DAY_MS,
    previous.start + 45 * DAY_MS,
    [
      ['submitted', previous.start + 10 * DAY_MS + HOUR_MS, A.alice],
      ['approved', previous.start + 12 * DAY_MS, marcus],
    ],
  );
  claim(summit, 7_000, previous.start + 50 * DAY_MS, [
    [
      'rejected',
      previous.start + 53 * DAY_MS,
      marcus,
      'The invoice is addressed to another company',
    ],
  ]);
  claim(summit, 6_800, previous.start + 55 * DAY_MS, [
    ['approved', previous.start + 58 * DAY_MS, marcus],
  ]);
  const roadshow = fund(abcCurrent, 'Security roadshow Chicago', 'event', 8_000, ago(28), ago(14), [
    ['submitted', ago(28, -1), A.alice],
    ['approved', ago(26), marcus],
  ]);
  claim(roadshow, 7_800, ago(3), []);
  fund(abcCurrent, 'SD-WAN webinar series', 'campaign', 5_000, ago(6), ago(-10), [
    ['submitted', ago(5), A.alice],
  ]);
  fund(abcCurrent, 'Holiday customer evening', 'event', 3_000, ago(1), ago(-40), []);
  fund(abcCurrent, 'Customer golf day', 'other', 6_000, ago(20), ago(5), [
    ['submitted', ago(20, -1), A.alice],
    ['rejected', ago(18), marcus, 'Entertainment is not eligible for MDF'],
  ]);
  for (const ctx of contexts.slice(1)) randomMdf(b, ctx, [previous, current], admin, allocations);
  finishMdf(b, quarters, allocations, admin);

  orderActivities(b.data);
  return b.data;
}
