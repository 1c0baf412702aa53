/**
 * Random but lawful content for one partner: people, memberships, deal registrations (with
 * their opportunities, quotes and orders), cases, leads and MDF. Shared by the demo seed (for
 * the partners its story does not write by hand) and the large-data generator.
 */
import {
  CASE_CATEGORIES,
  CASE_PRIORITIES,
  LEAD_DECLINE_REASONS,
  PARTNER_TIERS,
  autoDecision,
  tierBenefitsFor,
  type CaseCategory,
  type CaseStatus,
  type DealRegistration,
  type DealStatus,
  type LeadStatus,
  type MdfClaimStatus,
  type Money,
  type MdfRequest,
  type MdfRequestStatus,
  type OpportunityStage,
  type OrderStatus,
  type Partner,
  type PartnerContact,
  type PartnerStatus,
  type PartnerTier,
  type Product,
  type ProductLine,
  type Program,
  type ProgramMembership,
  type Quote,
  type QuoteStatus,
  type TierBenefits,
  type User,
} from '@prm-kit/core';
import { SYSTEM_ACTOR, type Actor, type Builder, type Move } from './builder.js';
import { actor, addUser, type Catalog } from './catalog.js';
import type { DemoUser } from './dataset.js';
import {
  COUNTRIES,
  SPECIALIZATIONS,
  customer,
  emailOf,
  partnerName,
  person,
  slug,
} from './names.js';
import { DAY_MS, HOUR_MS, dateOnly } from './random.js';
import {
  allocationLeft,
  buildBudget,
  buildCase,
  buildClaim,
  buildDeal,
  buildFundRequest,
  buildLead,
  buildMembership,
  buildOpportunity,
  buildOrder,
  buildQuote,
  contactOf,
  finishAllocation,
  finishPartner,
  membershipExpiry,
  quarterOf,
  startAllocation,
  startPartner,
  type AllocationDraft,
  type LeadMove,
  type PartnerDraft,
  type PartnerPlan,
  type Quarter,
  type Said,
} from './records.js';

/** Everything the populate helpers need about one partner. */
export interface PartnerContext {
  partner: Partner;
  draft: PartnerDraft;
  admin: User;
  /** Partner users who may sell (admin, manager): quotes, orders, opportunities. */
  sellers: User[];
  users: User[];
  /** The channel manager, or the enterprise admin for a partner without one. */
  manager: User;
  /** Reseller tier benefits with the partner's segment overrides. */
  benefits: TierBenefits;
  /** When the partner could act: from activation to suspension/termination (or now). */
  from: number;
  until: number;
  /** Programs the partner registers deals in (active memberships with deal registration). */
  dealPrograms: Program[];
}

/** Uniform helper: `count` × `make(i)`. */
const times = <T>(count: number, make: (i: number) => T): T[] =>
  Array.from({ length: count }, (_, i) => make(i));

// ---------------------------------------------------------------------------------------
// Partners and their people

export interface PartnerPlanOptions {
  id: string;
  index: number;
  channelManager: User | null;
  /** Ends partnerships (termination is the enterprise admin's). */
  enterpriseAdmin: User;
  status?: PartnerStatus;
  tier?: PartnerTier;
  country?: string;
}

/** A random partner: status, tier, country and a timeline that fits its status. */
export function randomPartnerPlan(b: Builder, o: PartnerPlanOptions): PartnerPlan {
  const { rng, now } = b;
  const status =
    o.status ??
    rng.weighted<PartnerStatus>([
      ['active', 80],
      ['onboarding', 6],
      ['prospect', 4],
      ['suspended', 5],
      ['terminated', 5],
    ]);
  const tier =
    o.tier ??
    rng.weighted<PartnerTier>([
      ['registered', 40],
      ['silver', 30],
      ['gold', 20],
      ['platinum', 10],
    ]);
  const place = o.country
    ? (COUNTRIES.find((c) => c.code === o.country) ?? rng.pick(COUNTRIES))
    : rng.pick(COUNTRIES);
  const name = partnerName(o.index);
  const cm = o.channelManager ? actor(o.channelManager) : null;
  const admin = actor(o.enterpriseAdmin);
  const approver = cm ?? admin;
  const moves: Move<PartnerStatus>[] = [];
  let appliedAt: number;
  if (status === 'prospect') {
    appliedAt = rng.daysAgo(now, 1, 40);
  } else if (status === 'onboarding') {
    appliedAt = rng.daysAgo(now, 20, 90);
    moves.push({ to: 'onboarding', at: appliedAt + rng.hours(24, 240), by: approver });
  } else {
    // Active for at least 300 days before any suspension, so deals fit in.
    appliedAt = rng.daysAgo(now, 420, 700);
    const onboarding = appliedAt + rng.hours(24, 240);
    const active = onboarding + rng.hours(24 * 7, 24 * 45);
    moves.push({ to: 'onboarding', at: onboarding, by: approver });
    moves.push({ to: 'active', at: active, by: approver });
    const stop = rng.between(active + 300 * DAY_MS, now - DAY_MS);
    if (status === 'suspended') {
      moves.push({
        to: 'suspended',
        at: stop,
        by: approver,
        reason: 'Annual certification lapsed',
      });
    } else if (status === 'terminated') {
      moves.push({ to: 'terminated', at: stop, by: admin, reason: 'Partner agreement ended' });
    }
  }
  const specializations = rng
    .sample(SPECIALIZATIONS, rng.int(1, 3))
    .sort((a, c) => SPECIALIZATIONS.indexOf(a) - SPECIALIZATIONS.indexOf(c));
  const rank = PARTNER_TIERS.indexOf(tier);
  const revenue = [200_000, 800_000, 3_000_000, 12_000_000][rank]!;
  return {
    id: o.id,
    name,
    website: `https://www.${slug(name)}.example.com`,
    country: place.code,
    region: place.region,
    tier,
    specializations,
    channelManager: o.channelManager,
    annualRevenue: { amount: rng.int(revenue / 2, revenue * 2) * 100, currency: 'USD' },
    employees: rng.int(8, 40) * (1 + rank * 3),
    certifications: rng.int(0, 3) + rank * 3,
    appliedAt,
    moves,
    onboardingDone: rng.int(2, 5),
  };
}

const TITLES: Record<string, string> = {
  partner_admin: 'Alliance Director',
  partner_manager: 'Sales Manager',
  partner_associate: 'Account Executive',
};

/**
 * The partner's people and its record. A prospect has one contact and no sign-in yet; the
 * others get an admin, maybe a manager, and associates (`named` people first).
 */
export function buildPartner(
  b: Builder,
  catalog: Catalog,
  plan: PartnerPlan,
  options: { people?: number; named?: readonly DemoUser[] } = {},
): PartnerContext | null {
  const { rng } = b;
  const draft = startPartner(b, plan);
  // The website's host without `www.`: where the partner's people have their mail.
  const domain = (plan.website ?? `https://${slug(plan.name)}.example.com`)
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/\/.*$/, '');
  const segments = catalog.segments;
  if (draft.walk.status === 'prospect') {
    const p = person(rng);
    const contact: PartnerContact = {
      id: `${plan.id}-contact-1`,
      userId: null,
      name: p.name,
      email: emailOf(p, domain),
      title: 'Managing Director',
      role: 'partner_admin',
      primary: true,
    };
    finishPartner(b, draft, [contact], segments);
    return null;
  }
  const onboardingAt = draft.onboardingAt!;
  const terminated = draft.walk.status === 'terminated';
  const admin = actor(catalog.staff.admin);
  const count = Math.max(options.people ?? rng.int(1, 4), options.named?.length ?? 0);
  const roles: User['role'][] = ['partner_admin', 'partner_manager'];
  const people = times(count, (i): DemoUser => {
    const named = options.named?.[i];
    if (named) return named;
    const p = person(rng);
    return {
      id: `u-${plan.id.replace(/^p-/, '')}-${String(i + 1)}`,
      name: p.name,
      email: emailOf(p, domain),
      role: roles[i] ?? 'partner_associate',
      partnerId: plan.id,
    };
  });
  const users: User[] = [];
  people.forEach((p, i) => {
    const at = onboardingAt + (i + 1) * HOUR_MS;
    const by = i === 0 ? admin : actor(users[0]!);
    users.push(addUser(b, p, at, by, !terminated));
  });
  const contacts = users.map((u, i) =>
    contactOf(u, i, {
      title: TITLES[u.role] ?? 'Sales',
      phone: `+1 555 01${String(i).padStart(2, '0')}`,
    }),
  );
  const partner = finishPartner(b, draft, contacts, segments);
  const mine = segments.filter((s) => partner.segmentIds.includes(s.id));
  const benefits = tierBenefitsFor(catalog.programs.reseller, partner.tier, mine)!;
  return {
    partner,
    draft,
    admin: users[0]!,
    sellers: users.filter((u) => u.role !== 'partner_associate'),
    users,
    manager: plan.channelManager ?? catalog.staff.admin,
    benefits,
    from: draft.activeFrom ?? onboardingAt,
    until: draft.activeUntil,
    dealPrograms: [],
  };
}

// ---------------------------------------------------------------------------------------
// Memberships

const ENTITLEMENTS: Record<PartnerTier, ProgramMembership['entitlements']> = {
  registered: [{ key: 'training_seats', label: 'Training seats', total: 2, used: 0 }],
  silver: [
    { key: 'training_seats', label: 'Training seats', total: 5, used: 2 },
    { key: 'demo_licences', label: 'Not-for-resale demo licences', total: 3, used: 1 },
  ],
  gold: [
    { key: 'training_seats', label: 'Training seats', total: 10, used: 6 },
    { key: 'demo_licences', label: 'Not-for-resale demo licences', total: 8, used: 5 },
    { key: 'support_incidents', label: 'Partner support incidents', total: null, used: 4 },
  ],
  platinum: [
    { key: 'training_seats', label: 'Training seats', total: 25, used: 11 },
    { key: 'demo_licences', label: 'Not-for-resale demo licences', total: 20, used: 9 },
    { key: 'support_incidents', label: 'Partner support incidents', total: null, used: 12 },
  ],
};

export const entitlementsFor = (tier: PartnerTier) => ENTITLEMENTS[tier].map((e) => ({ ...e }));

/**
 * Program memberships that fit the partner's status: the Reseller Program for everyone past
 * onboarding (applied while onboarding; suspended with a suspended partner, withdrawn with a
 * terminated one), the MSP Program for managed service providers of Silver and up, the Referral
 * Program now and then.
 */
export function randomMemberships(b: Builder, ctx: PartnerContext, catalog: Catalog): void {
  const { rng, now } = b;
  const { partner, admin, manager } = ctx;
  const { reseller, msp, referral } = catalog.programs;
  const by = actor(admin);
  const cm = actor(manager);
  const status = partner.status;
  const appliedAt = ctx.draft.onboardingAt! + 2 * DAY_MS;
  if (status === 'onboarding') {
    buildMembership(b, {
      partnerId: partner.id,
      program: reseller,
      tierKey: partner.tier,
      applicant: admin,
      appliedAt: Math.min(appliedAt, now),
      moves: [],
    });
    return;
  }
  // Renewed memberships show as one running from the latest renewal.
  const start = ctx.from + HOUR_MS;
  const resellerMoves: Move<ProgramMembership['status']>[] = [{ to: 'active', at: start, by: cm }];
  if (status === 'suspended') {
    resellerMoves.push({
      to: 'suspended',
      at: ctx.until + HOUR_MS,
      by: cm,
      reason: 'Partner suspended',
    });
  } else if (status === 'terminated') {
    resellerMoves.push({
      to: 'withdrawn',
      at: ctx.until - HOUR_MS,
      by,
      reason: 'Leaving the program',
    });
  }
  buildMembership(b, {
    partnerId: partner.id,
    program: reseller,
    tierKey: partner.tier,
    applicant: admin,
    appliedAt: start - DAY_MS,
    moves: resellerMoves,
    entitlements: entitlementsFor(partner.tier),
  });
  if (status === 'active') ctx.dealPrograms.push(reseller);

  const isMsp =
    partner.specializations.includes('managed_services') && partner.tier !== 'registered';
  if (isMsp && status === 'active') {
    const applied = rng.between(ctx.from + 10 * DAY_MS, now - 2 * DAY_MS);
    const outcome = rng.weighted<'active' | 'applied' | 'rejected'>([
      ['active', 6],
      ['applied', 2],
      ['rejected', 1],
    ]);
    const decided = Math.min(applied + rng.hours(4, 72), now);
    const moves: Move<ProgramMembership['status']>[] =
      outcome === 'applied'
        ? []
        : outcome === 'active'
          ? [{ to: 'active', at: decided, by: cm }]
          : [
              {
                to: 'rejected',
                at: decided,
                by: cm,
                reason: 'Fewer than three certified engineers',
              },
            ];
    buildMembership(b, {
      partnerId: partner.id,
      program: msp,
      tierKey: partner.tier === 'platinum' ? 'premier' : 'authorized',
      applicant: admin,
      appliedAt: applied,
      moves,
    });
    if (outcome === 'active') ctx.dealPrograms.push(msp);
  }
  if (rng.chance(0.25)) {
    const applied = ctx.from + rng.hours(24, 24 * 30);
    const activated = applied + rng.hours(2, 48);
    const moves: Move<ProgramMembership['status']>[] = [{ to: 'active', at: activated, by: cm }];
    const expiry = membershipExpiry(activated);
    if (expiry <= Math.min(now, ctx.until))
      moves.push({ to: 'expired', at: expiry, by: SYSTEM_ACTOR });
    else if (rng.chance(0.3)) {
      moves.push({
        to: 'withdrawn',
        at: rng.between(activated + DAY_MS, Math.min(now, ctx.until)),
        by,
        reason: 'Focusing on resale',
      });
    }
    buildMembership(b, {
      partnerId: partner.id,
      program: referral,
      tierKey: 'referrer',
      applicant: admin,
      appliedAt: applied,
      moves,
    });
  }
}

// ---------------------------------------------------------------------------------------
// Time layout

/**
 * Times for a record's creation and moves: `gaps[i]` separates event i from event i + 1, and
 * the last event falls `tail` before `until` (tail drawn in [tailMin, tailMax]). `null` when it
 * cannot start at or after `from`.
 */
export function layout(
  b: Builder,
  from: number,
  until: number,
  gaps: readonly number[],
  tailMin: number,
  tailMax: number,
): number[] | null {
  let total = 0;
  for (const gap of gaps) total += gap;
  const room = until - from - total - tailMin;
  if (room < 0) return null;
  let at = until - tailMin - b.rng.between(0, Math.min(tailMax - tailMin, room));
  const out = [at];
  for (let i = gaps.length - 1; i >= 0; i -= 1) {
    at -= gaps[i]!;
    out.push(at);
  }
  return out.reverse();
}

// ---------------------------------------------------------------------------------------
// Deal registrations and what follows from them

const DEAL_STATUS_WEIGHTS: readonly (readonly [DealStatus, number])[] = [
  ['draft', 8],
  ['submitted', 9],
  ['under_review', 10],
  ['returned', 5],
  ['approved', 18],
  ['rejected', 8],
  ['converted', 22],
  ['expired', 8],
  ['withdrawn', 5],
];

const ENDED_DEAL_WEIGHTS = DEAL_STATUS_WEIGHTS.filter(([s]) =>
  ['rejected', 'converted', 'expired', 'withdrawn'].includes(s),
);

const REJECT_REASONS = [
  ['direct_conflict', 'XYZ is already engaged directly with this customer.'],
  ['ineligible', 'Renewals of direct contracts are not eligible.'],
  ['incomplete', 'No customer contact after two reminders.'],
  ['customer_not_qualified', 'The customer is on the restricted list.'],
  ['partner_conflict', 'Another partner registered this opportunity first.'],
] as const;

const DEAL_NOTES = [
  'Customer is replacing an end-of-life firewall estate.',
  'Budget approved for next quarter; proof of concept planned.',
  'Competing against two other vendors; price is decisive.',
  'Expansion to three new branch offices.',
  'Renewal with an upsell to managed detection.',
];

function randomLines(b: Builder, products: readonly Product[]): ProductLine[] {
  const { rng } = b;
  const chosen = rng.sample(products, rng.int(1, 3));
  return chosen.map((p) => ({
    productId: p.id,
    quantity:
      p.unit === 'seat'
        ? rng.int(5, 200) * 10
        : p.unit === 'subscription_year'
          ? rng.int(1, 5)
          : rng.int(2, 24),
  }));
}

const listValue = (lines: readonly ProductLine[], products: ReadonlyMap<string, Product>): number =>
  lines.reduce((sum, l) => sum + products.get(l.productId)!.listPrice.amount * l.quantity, 0);

interface DealPath {
  statuses: DealStatus[];
  auto: boolean;
}

/** The statuses a registration passes through after `draft` to end in `status`. */
function dealPath(b: Builder, status: DealStatus, review: boolean): DealPath {
  const { rng } = b;
  const approve: DealStatus[] = review
    ? ['submitted', 'under_review', 'approved']
    : ['submitted', 'approved'];
  const loop = review && rng.chance(0.15);
  const approveOrLoop: DealStatus[] = loop
    ? ['submitted', 'under_review', 'returned', 'submitted', 'under_review', 'approved']
    : approve;
  switch (status) {
    case 'draft':
      return { statuses: [], auto: false };
    case 'submitted':
      return { statuses: ['submitted'], auto: false };
    case 'under_review':
      return {
        statuses: loop
          ? ['submitted', 'under_review', 'returned', 'submitted', 'under_review']
          : ['submitted', 'under_review'],
        auto: false,
      };
    case 'returned':
      return { statuses: ['submitted', 'under_review', 'returned'], auto: false };
    case 'approved':
      return { statuses: approveOrLoop, auto: !review };
    case 'converted':
      return { statuses: [...approveOrLoop, 'converted'], auto: !review };
    case 'expired':
      return { statuses: [...approveOrLoop, 'expired'], auto: !review };
    case 'rejected':
      return {
        statuses: review ? ['submitted', 'under_review', 'rejected'] : ['submitted', 'rejected'],
        auto: !review,
      };
    case 'withdrawn':
      return {
        statuses: rng.pick<DealStatus[]>([
          ['withdrawn'],
          ['submitted', 'withdrawn'],
          ['submitted', 'under_review', 'returned', 'withdrawn'],
        ]),
        auto: false,
      };
  }
}

export interface DealOptions {
  status?: DealStatus;
  /** The n-th generated customer. */
  customerIndex: number;
  products: readonly Product[];
  productsById: ReadonlyMap<string, Product>;
}

/**
 * A random registration for the partner, with the opportunity, quote and order that follow a
 * conversion. The value decides the path the core rules give it on submit (`autoDecision`):
 * small ones are approved or rejected at once, the rest go to review. Returns `null` when the
 * partner's active window is too short for the chosen path.
 */
export function randomDeal(
  b: Builder,
  ctx: PartnerContext,
  catalog: Catalog,
  o: DealOptions,
): DealRegistration | null {
  const { rng } = b;
  const program =
    ctx.dealPrograms.length > 0 ? rng.pick(ctx.dealPrograms) : catalog.programs.reseller;
  const rules = program.dealRegistration;
  const stillActive = ctx.partner.status === 'active';
  const status = o.status ?? rng.weighted(stillActive ? DEAL_STATUS_WEIGHTS : ENDED_DEAL_WEIGHTS);
  const lines = randomLines(b, o.products);
  let value = Math.round((listValue(lines, o.productsById) * rng.int(80, 100)) / 10_000) * 100;
  const decide = () =>
    autoDecision({ estimatedValue: { amount: value, currency: 'USD' } }, rules, []).decision;
  // What the core rules do on submit decides the path: an automatic approval or rejection
  // leaves no room for a review, so a path through review needs a value that gets one.
  const approving = status === 'approved' || status === 'converted' || status === 'expired';
  const personRejects = status === 'rejected' && rng.chance(0.8);
  const fits = (d: ReturnType<typeof decide>): boolean => {
    if (status === 'draft') return true;
    if (approving) return d !== 'reject';
    if (status === 'rejected') return personRejects ? d === 'review' : d !== 'approve';
    return d === 'review';
  };
  while (!fits(decide())) {
    lines[0] = { ...lines[0]!, quantity: lines[0]!.quantity * 3 };
    value *= 3;
  }
  const auto = status !== 'draft' && decide() !== 'review';
  const path = dealPath(b, status, !auto);
  const submitter = rng.pick(ctx.users);
  const cm = actor(ctx.manager);
  const by = actor(submitter);

  // Gaps between creation and each move, then how long ago the last move was.
  const gaps = path.statuses.map((to, i) => {
    const prev = path.statuses[i - 1];
    if (to === 'submitted') return prev === 'returned' ? rng.hours(4, 72) : rng.hours(0.2, 30);
    if (to === 'under_review') return rng.hours(1, 16);
    if (to === 'approved' || to === 'rejected') return path.auto ? 60_000 : rng.hours(2, 60);
    if (to === 'returned') return rng.hours(2, 40);
    if (to === 'converted') return rng.hours(3 * 24, 60 * 24);
    if (to === 'expired') return rules.exclusivityDays * DAY_MS;
    return rng.hours(1, 24 * 10); // withdrawn
  });
  const live = status === 'approved';
  const tailMax = live
    ? rules.exclusivityDays * DAY_MS - HOUR_MS
    : ['draft', 'submitted', 'under_review', 'returned'].includes(status)
      ? 12 * DAY_MS
      : 200 * DAY_MS;
  const at = layout(b, ctx.from, Math.min(ctx.until, b.now), gaps, 0, tailMax);
  if (!at) return null;

  const reject = rng.pick(REJECT_REASONS);
  const moves: Move<DealStatus>[] = path.statuses.map((to, i) => {
    const when = at[i + 1]!;
    switch (to) {
      case 'submitted':
      case 'withdrawn':
        return { to, at: when, by };
      case 'converted':
        return { to, at: when, by: rng.chance(0.7) ? by : cm };
      case 'expired':
        return { to, at: when, by: SYSTEM_ACTOR };
      case 'returned':
        return {
          to,
          at: when,
          by: cm,
          message: 'Please add the customer contact and the number of sites.',
        };
      case 'rejected':
        return path.auto
          ? {
              to,
              at: when,
              by: SYSTEM_ACTOR,
              reason: 'below_minimum',
              message: 'Below the program minimum.',
            }
          : { to, at: when, by: cm, reason: reject[0], message: reject[1] };
      default:
        return { to, at: when, by: path.auto && to === 'approved' ? SYSTEM_ACTOR : cm };
    }
  });
  const createdAt = at[0]!;
  const country = ctx.partner.country;
  const said: Said[] = rng.chance(0.5) ? [{ at: createdAt, by, body: rng.pick(DEAL_NOTES) }] : [];
  const review = moves.find((m) => m.to === 'under_review');
  const workNotes: Said[] =
    review && rng.chance(0.5)
      ? [{ at: review.at, by: cm, body: 'Checked against direct pipeline: no overlap.' }]
      : [];
  const deal = buildDeal(b, {
    partner: ctx.partner,
    submitter,
    program,
    dealType: rng.pick(rules.dealTypes),
    customer: customer(rng, o.customerIndex, country),
    products: lines,
    estimatedValue: { amount: value, currency: 'USD' },
    expectedCloseDate: dateOnly(createdAt + rng.int(30, 150) * DAY_MS),
    createdAt,
    moves,
    comments: said,
    workNotes,
  });
  if (deal.status === 'converted') convertDeal(b, ctx, catalog, deal);
  return deal;
}

/** The first instant after the calendar day (UTC) of `at`. */
export const endOfDay = (at: number): number => at - (at % DAY_MS) + DAY_MS;

const STAGES: readonly OpportunityStage[] = [
  'prospecting',
  'qualification',
  'proposal',
  'negotiation',
];

/**
 * The opportunity a conversion opens, moved on through its stages; from `proposal` on it has a
 * quote, and a won one has an accepted quote and, often, an order.
 */
export function convertDeal(
  b: Builder,
  ctx: PartnerContext,
  catalog: Catalog,
  deal: DealRegistration,
): void {
  const { rng } = b;
  const convertedAt = Date.parse(deal.history[deal.history.length - 1]!.at);
  const converter = deal.history[deal.history.length - 1]!;
  const owner =
    ctx.users.find((u) => u.id === deal.submittedBy && u.role !== 'partner_associate') ??
    ctx.sellers[0]!;
  const seller = actor(owner);
  const end = Math.min(ctx.until, b.now);
  const stage = rng.weighted<OpportunityStage>([
    ['prospecting', 1],
    ['qualification', 3],
    ['proposal', 3],
    ['negotiation', 3],
    ['closed_won', 6],
    ['closed_lost', 2],
  ]);
  const path: OpportunityStage[] =
    stage === 'closed_won' || stage === 'closed_lost'
      ? ['qualification', 'proposal', 'negotiation', stage]
      : STAGES.slice(1, STAGES.indexOf(stage) + 1);
  const moves: Move<OpportunityStage>[] = [];
  let t = convertedAt;
  for (const to of path) {
    const next = t + rng.hours(24, 24 * 12);
    if (next > end) break;
    moves.push({ to, at: next, by: seller });
    t = next;
  }
  const converterActor =
    converter.by === ctx.manager.id
      ? actor(ctx.manager)
      : actor(ctx.users.find((u) => u.id === converter.by)!);
  const opportunity = buildOpportunity(b, {
    name: `${deal.customer.company} — ${deal.dealType.replace('_', ' ')}`,
    partnerId: ctx.partner.id,
    customer: deal.customer,
    amount: deal.estimatedValue,
    closeDate: deal.expectedCloseDate,
    owner,
    dealRegistrationId: deal.id,
    createdAt: convertedAt,
    createdBy: converterActor,
    moves,
  });
  deal.opportunityId = opportunity.id;
  const proposal = moves.find((m) => m.to === 'proposal');
  if (!proposal) return;
  const closing = moves.find((m) => m.to === 'closed_won' || m.to === 'closed_lost');
  const quoteStatus: QuoteStatus = closing
    ? closing.to === 'closed_won'
      ? 'accepted'
      : 'rejected'
    : rng.pick<QuoteStatus>(['draft', 'sent', 'sent']);
  const sentAt = proposal.at + rng.hours(1, 48);
  const quoteMoves: Move<QuoteStatus>[] = [];
  const validUntil = proposal.at + 60 * DAY_MS;
  if (quoteStatus !== 'draft' && sentAt <= end) {
    quoteMoves.push({ to: 'sent', at: sentAt, by: seller });
    if (closing && closing.at >= sentAt) {
      quoteMoves.push({ to: quoteStatus, at: closing.at, by: seller });
    } else if (endOfDay(validUntil) <= end) {
      // A sent quote nobody answered expires after its last valid day.
      quoteMoves.push({ to: 'expired', at: endOfDay(validUntil), by: SYSTEM_ACTOR });
    }
  }
  const quote = buildQuote(
    b,
    {
      partnerId: ctx.partner.id,
      opportunityId: opportunity.id,
      deal,
      currency: 'USD',
      lines: deal.products.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      benefits: ctx.benefits,
      validUntil: dateOnly(validUntil),
      createdAt: proposal.at,
      createdBy: owner,
      moves: quoteMoves,
    },
    catalog.products,
  );
  if (quote.status === 'accepted' && rng.chance(0.8)) {
    randomOrder(b, ctx, quote, catalog.staff.admin);
  }
}

const ORDER_STATUS_WEIGHTS: readonly (readonly [OrderStatus, number])[] = [
  ['submitted', 2],
  ['processing', 3],
  ['fulfilled', 8],
  ['cancelled', 1],
];

/** An order from an accepted quote, moved on by XYZ (processing, fulfilled) or cancelled. */
export function randomOrder(
  b: Builder,
  ctx: PartnerContext,
  quote: Quote,
  enterpriseAdmin: User,
  status?: OrderStatus,
): void {
  const { rng } = b;
  const acceptedAt = Date.parse(quote.history[quote.history.length - 1]!.at);
  const end = Math.min(ctx.until, b.now);
  const createdAt = Math.min(acceptedAt + rng.hours(1, 72), end);
  const target = status ?? rng.weighted(ORDER_STATUS_WEIGHTS);
  const admin = actor(enterpriseAdmin);
  const seller = actor(ctx.sellers[0]!);
  const moves: Move<OrderStatus>[] = [];
  let t = createdAt;
  const step = (to: OrderStatus, by: Actor, extra: Partial<Move<OrderStatus>> = {}) => {
    const next = t + rng.hours(2, 96);
    if (next > end) return false;
    moves.push({ to, at: next, by, ...extra });
    t = next;
    return true;
  };
  if (target === 'cancelled')
    step('cancelled', seller, { reason: 'Customer postponed the project' });
  else if (target !== 'submitted' && step('processing', admin) && target === 'fulfilled')
    step('fulfilled', admin);
  buildOrder(b, {
    quote,
    purchaseOrderNumber: `PO-${String(rng.int(10_000, 99_999))}`,
    createdAt,
    createdBy: ctx.sellers[0]!,
    moves,
  });
}

// ---------------------------------------------------------------------------------------
// Cases

const CASE_SUBJECTS: Record<CaseCategory, readonly [string, string][]> = {
  licensing: [
    [
      'Licence key not accepted on FW-1000',
      'The activation portal rejects the key we received with the order.',
    ],
    ['Seat count wrong after renewal', 'The CloudGuard console shows fewer seats than we renewed.'],
  ],
  product_configuration: [
    [
      'HA pair fails over on every reboot',
      'The secondary unit takes over whenever the primary restarts.',
    ],
    [
      'SD-WAN Edge will not join the overlay',
      'Zero-touch provisioning stops at the certificate step.',
    ],
  ],
  technical: [
    ['Throughput drops with IPS enabled', 'Throughput falls by half as soon as IPS is on.'],
    ['Backup job stalls at 99 %', 'Nightly jobs never complete for one tenant.'],
  ],
  deal_registration: [
    ['Question about a returned registration', 'Which details are missing from our registration?'],
    ['Protection window shorter than expected', 'Our approved registration shows 60 days, not 90.'],
  ],
  program: [
    ['Tier review request', 'We meet the Gold requirements since last quarter.'],
    ['MDF claim documentation', 'Which proof of performance is accepted for a webinar?'],
  ],
  billing: [
    ['Invoice shows list price', 'Our partner discount is missing from the last invoice.'],
    ['Duplicate charge on order', 'The same order appears twice on the statement.'],
  ],
  other: [
    ['Portal access for a new colleague', 'Please add our new account executive to the portal.'],
    ['Partner locator listing outdated', 'Our address in the partner locator is the old one.'],
  ],
};

const CASE_STATUS_WEIGHTS: readonly (readonly [CaseStatus, number])[] = [
  ['new', 3],
  ['in_progress', 4],
  ['awaiting_partner', 2],
  ['resolved', 3],
  ['closed', 8],
];

export interface CaseOptions {
  status?: CaseStatus;
  agents: readonly User[];
}

/** A random case: raised by one of the partner's people, worked by a support agent. */
export function randomCase(b: Builder, ctx: PartnerContext, o: CaseOptions): void {
  const { rng } = b;
  const category = rng.pick(CASE_CATEGORIES);
  const priority = rng.weighted([
    [CASE_PRIORITIES[0], 3],
    [CASE_PRIORITIES[1], 4],
    [CASE_PRIORITIES[2], 2],
    [CASE_PRIORITIES[3], 1],
  ]);
  const status =
    o.status ??
    rng.weighted(ctx.partner.status === 'active' ? CASE_STATUS_WEIGHTS : [['closed', 1]]);
  const raiser = rng.pick(ctx.users);
  const agentUser = rng.pick(o.agents);
  const agent = actor(agentUser);
  const partnerSide = actor(raiser);
  const path: { to: CaseStatus; by: Actor; gap: number; message?: string }[] = [];
  const respond = rng.hours(0.2, priority === 'critical' ? 2 : 12);
  if (status !== 'new') path.push({ to: 'in_progress', by: agent, gap: respond });
  if (
    status === 'awaiting_partner' ||
    (rng.chance(0.3) && status !== 'new' && status !== 'in_progress')
  ) {
    path.push({
      to: 'awaiting_partner',
      by: agent,
      gap: rng.hours(1, 30),
      message: 'Could you send the device diagnostics bundle?',
    });
    if (status !== 'awaiting_partner')
      path.push({ to: 'in_progress', by: partnerSide, gap: rng.hours(2, 48) });
  }
  if (status === 'resolved' || status === 'closed')
    path.push({ to: 'resolved', by: agent, gap: rng.hours(2, 60) });
  if (status === 'closed')
    path.push({
      to: 'closed',
      by: rng.chance(0.5) ? partnerSide : agent,
      gap: rng.hours(4, 24 * 5),
    });
  const open = status === 'new' || status === 'in_progress' || status === 'awaiting_partner';
  const at = layout(
    b,
    ctx.from,
    Math.min(ctx.until, b.now),
    path.map((p) => p.gap),
    0,
    open ? 6 * DAY_MS : 300 * DAY_MS,
  );
  if (!at) return;
  const [subject, description] = rng.pick(CASE_SUBJECTS[category]);
  const createdAt = at[0]!;
  const assigned =
    status === 'new' && rng.chance(0.5)
      ? null
      : { user: agentUser, at: Math.min(createdAt + 10 * 60_000, at[1] ?? b.now), by: agent };
  const said: Said[] =
    status === 'new'
      ? []
      : [{ at: at[1]!, by: agent, body: 'Thanks for the report, we are looking into it.' }];
  buildCase(b, {
    partnerId: ctx.partner.id,
    raisedBy: raiser,
    subject,
    description,
    category,
    priority,
    createdAt,
    assignee: assigned,
    moves: path.map((p, i) => ({
      to: p.to,
      at: at[i + 1]!,
      by: p.by,
      ...(p.message ? { message: p.message } : {}),
    })),
    comments: said,
    workNotes: status === 'new' ? [] : [{ at: at[1]!, by: agent, body: 'Reproduced in the lab.' }],
    benefits: ctx.benefits,
  });
}

// ---------------------------------------------------------------------------------------
// Leads

const LEAD_INTERESTS = [
  'Wants to replace branch firewalls at 12 sites.',
  'Evaluating SD-WAN for retail stores.',
  'Asked for a managed detection and response quote.',
  'Needs immutable backup after a ransomware scare.',
  'Looking for a partner to run a campus network refresh.',
];

/**
 * A random lead for a customer near `partners[0]` (the best candidate, by the caller's rule):
 * unassigned, assigned, accepted (with an opportunity) or declined, sometimes reassigned to the
 * next candidate after a decline.
 */
export function randomLead(
  b: Builder,
  candidates: readonly PartnerContext[],
  catalog: Catalog,
  o: { status?: LeadStatus; customerIndex: number; country: string; distributor: User },
): void {
  const { rng, now } = b;
  const status =
    o.status ??
    rng.weighted<LeadStatus>([
      ['unassigned', 2],
      ['assigned', 4],
      ['accepted', 4],
      ['declined', 2],
    ]);
  const distributor = actor(o.distributor);
  const first = candidates[0];
  const second = candidates[1];
  const reassign =
    status !== 'unassigned' && first !== undefined && second !== undefined && rng.chance(0.25);
  const owner = reassign ? second : first;
  const seller = (ctx: PartnerContext) => actor(rng.pick(ctx.sellers));
  // Moves without times first, then laid out backwards from now.
  const steps: [Omit<LeadMove, 'at'>, number][] = [];
  if (status !== 'unassigned' && first && owner) {
    steps.push([
      { to: 'assigned', by: distributor, partnerId: first.partner.id },
      rng.hours(1, 30),
    ]);
    if (reassign) {
      const reason = rng.pick(LEAD_DECLINE_REASONS);
      steps.push([{ to: 'declined', by: seller(first), reason }, rng.hours(4, 72)]);
      steps.push([
        { to: 'assigned', by: distributor, partnerId: owner.partner.id },
        rng.hours(1, 24),
      ]);
    }
    if (status === 'accepted')
      steps.push([{ to: 'accepted', by: seller(owner) }, rng.hours(2, 72)]);
    if (status === 'declined') {
      const reason = rng.pick(LEAD_DECLINE_REASONS);
      steps.push([{ to: 'declined', by: seller(owner), reason }, rng.hours(2, 72)]);
    }
  }
  const at = layout(
    b,
    now - 150 * DAY_MS,
    now,
    steps.map(([, gap]) => gap),
    0,
    90 * DAY_MS,
  )!;
  const createdAt = at[0]!;
  const moves: LeadMove[] = steps.map(([move], i) => ({ ...move, at: at[i + 1]! }));
  const products = rng.sample(
    catalog.products.filter((p) => p.active && p.listPrice.currency === 'USD'),
    rng.int(1, 2),
  );
  const value: Money | null = rng.chance(0.8)
    ? { amount: rng.int(20, 400) * 100_000, currency: 'USD' }
    : null;
  const lead = buildLead(b, {
    customer: customer(rng, o.customerIndex, o.country),
    interest: rng.pick(LEAD_INTERESTS),
    productIds: products.map((p) => p.id),
    estimatedValue: value,
    createdAt,
    createdBy: distributor,
    moves,
  });
  if (lead.status === 'accepted' && owner) {
    const acceptedAt = Date.parse(lead.history[lead.history.length - 1]!.at);
    const accepter = lead.history[lead.history.length - 1]!;
    const acceptor = owner.sellers.find((u) => u.id === accepter.by) ?? owner.sellers[0]!;
    const opportunity = buildOpportunity(b, {
      name: `${lead.customer.company} — lead ${lead.number}`,
      partnerId: owner.partner.id,
      customer: lead.customer,
      amount: value ?? { amount: 5_000_000, currency: 'USD' },
      closeDate: dateOnly(acceptedAt + 90 * DAY_MS),
      owner: acceptor,
      leadId: lead.id,
      createdAt: acceptedAt,
      createdBy: actor(acceptor),
      moves:
        acceptedAt + 3 * DAY_MS <= now
          ? [{ to: 'qualification', at: acceptedAt + 3 * DAY_MS, by: seller(owner) }]
          : [],
    });
    lead.opportunityId = opportunity.id;
  }
}

// ---------------------------------------------------------------------------------------
// MDF

const MDF_ACTIVITIES = [
  ['Customer security roadshow', 'event', 'Half-day roadshow in three cities with live demos.'],
  [
    'SD-WAN lead generation campaign',
    'campaign',
    'Email and LinkedIn campaign to 4 000 IT managers.',
  ],
  ['Firewall certification bootcamp', 'training', 'Two-day bootcamp for five engineers.'],
  ['Ransomware readiness e-book', 'content', 'Co-branded e-book and landing page.'],
  [
    'Partner booth at regional IT fair',
    'event',
    'Booth and speaking slot at the regional IT fair.',
  ],
] as const;

/**
 * Allocations for the partner in each quarter, fund requests against them (never more than is
 * left) and claims for the approved ones (never more than was approved).
 */
export function randomMdf(
  b: Builder,
  ctx: PartnerContext,
  quarters: readonly Quarter[],
  enterpriseAdmin: User,
  allocations: Map<string, AllocationDraft[]>,
): void {
  const { rng, now } = b;
  const mdf = ctx.benefits.mdfPerQuarter;
  if (!mdf || ctx.partner.status !== 'active') return;
  const admin = ctx.admin;
  const cm = actor(ctx.manager);
  quarters.forEach((quarter, qi) => {
    const createdAt = Math.max(quarter.start - 14 * DAY_MS, ctx.from + DAY_MS);
    if (createdAt > now) return;
    const draft = startAllocation(b, quarter, ctx.partner.id, mdf, enterpriseAdmin, createdAt);
    const list = allocations.get(quarter.id) ?? [];
    list.push(draft);
    allocations.set(quarter.id, list);
    const current = qi === quarters.length - 1;
    const count = rng.int(0, 2);
    for (let i = 0; i < count; i += 1) {
      const left = allocationLeft(draft);
      if (left < 100_000) break;
      const status = current
        ? rng.weighted<MdfRequestStatus>([
            ['draft', 1],
            ['submitted', 2],
            ['approved', 3],
            ['rejected', 1],
          ])
        : rng.weighted<MdfRequestStatus>([
            ['approved', 5],
            ['rejected', 1],
          ]);
      const start = Math.max(createdAt, quarter.start - 10 * DAY_MS);
      const made = rng.between(start, Math.min(now - 3 * DAY_MS, quarter.end));
      const amount = Math.min(
        left,
        rng.int(10, Math.max(10, Math.floor(left / 100_000))) * 100_000,
      );
      const [name, type, description] = rng.pick(MDF_ACTIVITIES);
      const day = Math.max(quarter.start, made + 7 * DAY_MS);
      const activityStart = Math.min(day, quarter.end);
      const moves: Move<MdfRequestStatus>[] = [];
      let t = made;
      const push = (
        to: MdfRequestStatus,
        by: Actor,
        extra: Partial<Move<MdfRequestStatus>> = {},
      ) => {
        t = Math.min(t + rng.hours(1, 48), now);
        moves.push({ to, at: t, by, ...extra });
      };
      if (status !== 'draft') push('submitted', actor(admin));
      if (status === 'approved') push('approved', cm);
      if (status === 'rejected')
        push('rejected', cm, { reason: 'Activity outside the program guidelines' });
      const request = buildFundRequest(b, {
        allocation: draft,
        activity: {
          name,
          type,
          description,
          period: {
            start: dateOnly(activityStart),
            end: dateOnly(Math.min(activityStart + DAY_MS, quarter.end)),
          },
        },
        amount,
        createdAt: made,
        createdBy: admin,
        moves,
      });
      if (request.status === 'approved') randomClaims(b, ctx, request, enterpriseAdmin, t, current);
    }
  });
}

function randomClaims(
  b: Builder,
  ctx: PartnerContext,
  request: MdfRequest,
  enterpriseAdmin: User,
  approvedAt: number,
  current: boolean,
): void {
  const { rng, now } = b;
  const createdAt = Math.min(approvedAt + rng.hours(24, 24 * 20), now);
  if (current && rng.chance(0.4)) return;
  const status = rng.weighted<MdfClaimStatus>(
    current
      ? [
          ['submitted', 3],
          ['approved', 2],
          ['rejected', 1],
          ['paid', 1],
        ]
      : [
          ['paid', 5],
          ['rejected', 1],
        ],
  );
  const moves: Move<MdfClaimStatus>[] = [];
  let t = createdAt;
  const push = (to: MdfClaimStatus, by: Actor, extra: Partial<Move<MdfClaimStatus>> = {}) => {
    t = Math.min(t + rng.hours(4, 24 * 7), now);
    moves.push({ to, at: t, by, ...extra });
  };
  const cm = actor(ctx.manager);
  if (status === 'approved' || status === 'paid') push('approved', cm);
  if (status === 'paid') push('paid', actor(enterpriseAdmin));
  if (status === 'rejected')
    push('rejected', cm, { reason: 'Invoice does not match the activity' });
  const amount = Math.max(1, Math.floor((request.amount.amount * rng.int(60, 100)) / 100));
  buildClaim(b, {
    request,
    amount,
    proof: [
      {
        name: 'Invoice',
        url: `https://files.example.com/mdf/${request.number.toLowerCase()}/invoice.pdf`,
      },
      {
        name: 'Attendee list',
        url: `https://files.example.com/mdf/${request.number.toLowerCase()}/attendees.csv`,
      },
    ],
    createdAt,
    createdBy: ctx.admin,
    moves,
  });
}

/**
 * Finishes the allocations and writes each quarter's budget: what was shared out, rounded up
 * to USD 50 000, plus USD 100 000 in reserve. A quarter with nothing shared out yet (the next
 * one) gets the largest of the others.
 */
export function finishMdf(
  b: Builder,
  quarters: readonly Quarter[],
  allocations: Map<string, AllocationDraft[]>,
  enterpriseAdmin: User,
): void {
  const step = 5_000_000;
  const totals = quarters.map((quarter) => {
    let total = 0;
    for (const draft of allocations.get(quarter.id) ?? []) {
      finishAllocation(b, draft);
      total += draft.amount.amount;
    }
    return total;
  });
  const largest = Math.max(...totals);
  quarters.forEach((quarter, i) => {
    const total = totals[i] === 0 ? largest : totals[i]!;
    const amount = Math.ceil(total / step) * step + 2 * step;
    buildBudget(b, quarter, { amount, currency: 'USD' }, enterpriseAdmin);
  });
}

/** The MDF quarters: the last one, the one holding `now`, and the next (planned). */
export const mdfQuarters = (now: number): Quarter[] =>
  [-1, 0, 1].map((offset) => quarterOf(now, offset));
