/**
 * Builders for each kind of record. A plan says what happened (who, when, which moves); the
 * builder derives the rest with the core rules — approval due times, protection windows,
 * decisions, priced quote lines, SLA due times, MDF amounts — and logs the activities.
 */
import {
  approvalDueAt,
  caseDueTimes,
  checkClaim,
  checkFundRequest,
  extendProtection,
  mdfCommitted,
  mdfRemaining,
  priceQuote,
  protectionWindow,
  segmentsFor,
  type Case,
  type CaseCategory,
  type CasePriority,
  type CaseStatus,
  type Comment,
  type Customer,
  type DealRegistration,
  type DealStatus,
  type DealType,
  type Decision,
  type ExtensionRequest,
  type Lead,
  type LeadDeclineReason,
  type LeadStatus,
  type MdfAllocation,
  type MdfBudget,
  type MdfClaim,
  type MdfClaimStatus,
  type MdfRequest,
  type MdfRequestStatus,
  type MembershipStatus,
  type Money,
  type OnboardingStep,
  type Opportunity,
  type OpportunityStage,
  type Order,
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
  type QuoteLineInput,
  type QuoteStatus,
  type Region,
  type RelatedRecord,
  type Segment,
  type TierBenefits,
  type User,
} from '@prm-kit/core';
import {
  SYSTEM_ACTOR,
  type Actor,
  type Builder,
  type Move,
  type Note,
  type Walk,
} from './builder.js';
import { actor } from './catalog.js';
import { DAY_MS, dateOnly, iso } from './random.js';

/** A comment or work note in a plan. */
export interface Said {
  readonly at: number;
  readonly by: Actor;
  readonly body: string;
}

function comments(recordId: string, kind: 'c' | 'n', said: readonly Said[]): Comment[] {
  return said.map((s, index) => ({
    id: `${recordId}-${kind}${String(index + 1)}`,
    authorId: s.by.id,
    authorName: s.by.name,
    body: s.body,
    createdAt: iso(s.at),
  }));
}

/** Activity notes for comments (on the partner's timeline) and work notes (enterprise only). */
function commentNotes(
  noun: string,
  label: string,
  partnerId: string,
  said: readonly Said[],
  workNotes: readonly Said[],
): Note[] {
  return [
    ...said.map((s) => ({
      at: s.at,
      by: s.by,
      action: 'commented' as const,
      summary: `${s.by.name} commented on ${noun} ${label}`,
      partnerId,
    })),
    ...workNotes.map((s) => ({
      at: s.at,
      by: s.by,
      action: 'commented' as const,
      summary: `${s.by.name} added a work note to ${noun} ${label}`,
      partnerId: null,
    })),
  ];
}

const stamp = <S extends string>(walk: Walk<S>) => ({
  createdAt: walk.createdAt,
  updatedAt: walk.updatedAt,
  version: walk.version,
});

/** The last move into `status`, if any. */
function lastMoveTo<S extends string>(moves: readonly Move<S>[], status: S): Move<S> | undefined {
  for (let i = moves.length - 1; i >= 0; i -= 1) if (moves[i]!.to === status) return moves[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Partners

const ONBOARDING_STEPS: readonly [string, string][] = [
  ['application', 'Partner application received'],
  ['agreement', 'Partner agreement signed'],
  ['tax_banking', 'Tax and banking details provided'],
  ['portal_users', 'Portal users invited'],
  ['sales_training', 'Sales training completed'],
  ['first_program', 'Enrolled in a first program'],
];

export interface PartnerPlan {
  id: string;
  name: string;
  website?: string;
  country: string;
  region: Region;
  tier: PartnerTier;
  specializations: string[];
  channelManager: User | null;
  annualRevenue?: Money;
  employees?: number;
  certifications: number;
  /** The application, by the system (a prospect has no sign-in yet). */
  appliedAt: number;
  moves: Move<PartnerStatus>[];
  /** Onboarding steps done while onboarding (the rest stay open); default half. */
  onboardingDone?: number;
}

/** A partner whose record is written once its people exist (`finishPartner`). */
export interface PartnerDraft {
  plan: PartnerPlan;
  walk: Walk<PartnerStatus>;
  /** Onboarding started (ms), or `null` for a prospect. */
  onboardingAt: number | null;
  /** Active from (ms), or `null` when never active. */
  activeFrom: number | null;
  terminatedAt: number | null;
  /** Until the partner stopped being active (suspension, termination), else now. */
  activeUntil: number;
}

export function startPartner(b: Builder, plan: PartnerPlan): PartnerDraft {
  const at = (status: PartnerStatus) => plan.moves.find((m) => m.to === status)?.at ?? null;
  const walk = b.lifecycle(
    'partners',
    { id: plan.id, label: plan.name, partnerId: plan.id },
    { status: 'prospect', at: plan.appliedAt, by: SYSTEM_ACTOR },
    plan.moves,
  );
  const stopped = plan.moves.find((m) => m.to === 'suspended' || m.to === 'terminated');
  return {
    plan,
    walk,
    onboardingAt: at('onboarding'),
    activeFrom: at('active'),
    activeUntil: stopped?.at ?? b.now,
    terminatedAt: at('terminated'),
  };
}

function onboardingSteps(draft: PartnerDraft): OnboardingStep[] {
  const { plan, walk } = draft;
  const started = draft.onboardingAt ?? undefined;
  const done =
    walk.status === 'prospect' || started === undefined
      ? 1
      : draft.activeFrom !== null
        ? ONBOARDING_STEPS.length
        : (plan.onboardingDone ?? 3);
  const end = draft.activeFrom ?? draft.terminatedAt ?? draft.activeUntil;
  return ONBOARDING_STEPS.map(([key, label], index) => {
    if (index >= done) return { key, label, done: false };
    // The application is done when applied; the others spread over onboarding.
    const at =
      index === 0 || started === undefined
        ? plan.appliedAt
        : started + Math.floor(((end - started) * index) / ONBOARDING_STEPS.length);
    return { key, label, done: true, completedAt: iso(at - (at % 60_000)) };
  });
}

/** Writes the partner record, with its contacts and its segments as the rules evaluate them. */
export function finishPartner(
  b: Builder,
  draft: PartnerDraft,
  contacts: PartnerContact[],
  segments: readonly Segment[],
): Partner {
  const { plan, walk } = draft;
  const fields = {
    id: plan.id,
    country: plan.country,
    region: plan.region,
    tier: plan.tier,
    status: walk.status,
    specializations: plan.specializations,
    certifications: plan.certifications,
    ...(plan.annualRevenue === undefined ? {} : { annualRevenue: plan.annualRevenue }),
    ...(plan.employees === undefined ? {} : { employees: plan.employees }),
  };
  const partner: Partner = {
    id: plan.id,
    ...stamp(walk),
    name: plan.name,
    ...(plan.website === undefined ? {} : { website: plan.website }),
    country: plan.country,
    region: plan.region,
    status: walk.status,
    tier: plan.tier,
    specializations: plan.specializations,
    segmentIds: segmentsFor(fields, segments),
    contacts,
    channelManagerId: plan.channelManager?.id ?? null,
    onboarding: onboardingSteps(draft),
    ...(plan.annualRevenue === undefined ? {} : { annualRevenue: plan.annualRevenue }),
    ...(plan.employees === undefined ? {} : { employees: plan.employees }),
    certifications: plan.certifications,
  };
  b.data.partners.push(partner);
  return partner;
}

/** A contact of a partner's user. */
export function contactOf(
  user: User,
  index: number,
  extra: { title?: string; phone?: string } = {},
): PartnerContact {
  return {
    id: `${user.partnerId ?? 'x'}-contact-${String(index + 1)}`,
    userId: user.id,
    name: user.name,
    email: user.email,
    ...(extra.phone === undefined ? {} : { phone: extra.phone }),
    ...(extra.title === undefined ? {} : { title: extra.title }),
    role: user.role as PartnerContact['role'],
    primary: index === 0,
  };
}

// ---------------------------------------------------------------------------------------
// Memberships

export interface MembershipPlan {
  id?: string;
  partnerId: string;
  program: Program;
  tierKey: string;
  applicant: User;
  appliedAt: number;
  moves: Move<MembershipStatus>[];
  entitlements?: ProgramMembership['entitlements'];
}

/** Memberships run a year from activation. */
const MEMBERSHIP_TERM_MS = 365 * DAY_MS;

export function buildMembership(b: Builder, plan: MembershipPlan): ProgramMembership {
  const id = plan.id ?? b.id('mem');
  const walk = b.lifecycle(
    'memberships',
    { id, label: `${plan.program.name} (${plan.partnerId})`, partnerId: plan.partnerId },
    { status: 'applied', at: plan.appliedAt, by: actor(plan.applicant) },
    plan.moves,
  );
  const started = plan.moves.find((m) => m.to === 'active')?.at ?? null;
  const expired = lastMoveTo(plan.moves, 'expired');
  const membership: ProgramMembership = {
    id,
    ...stamp(walk),
    partnerId: plan.partnerId,
    programId: plan.program.id,
    tierKey: plan.tierKey,
    status: walk.status,
    startedAt: started === null ? null : iso(started),
    renewsAt: renewal(walk.status, started, expired?.at, b.now),
    acceptedTerms: {
      version: plan.program.termsVersion,
      by: plan.applicant.id,
      at: iso(plan.appliedAt),
    },
    entitlements: plan.entitlements ?? [],
    // Membership history has no `byName` or `message`.
    history: walk.history.map((h) => ({
      from: h.from,
      to: h.to,
      by: h.by,
      at: h.at,
      ...(h.reason === undefined ? {} : { reason: h.reason }),
    })),
  };
  b.data.memberships.push(membership);
  return membership;
}

/**
 * When a membership ends unless renewed: for a live one (active, suspended) the first
 * anniversary of its start after now (it was renewed every year until then); for an expired
 * one, when it expired; none for the others.
 */
function renewal(
  status: MembershipStatus,
  started: number | null,
  expiredAt: number | undefined,
  now: number,
): string | null {
  if (expiredAt !== undefined) return iso(expiredAt);
  if (started === null || (status !== 'active' && status !== 'suspended')) return null;
  const years = Math.floor((now - started) / MEMBERSHIP_TERM_MS) + 1;
  return iso(started + years * MEMBERSHIP_TERM_MS);
}

/** The moment a membership started now expires: a year after activation. */
export const membershipExpiry = (activatedAt: number): number => activatedAt + MEMBERSHIP_TERM_MS;

// ---------------------------------------------------------------------------------------
// Deal registrations

export interface ExtensionPlan {
  requestedAt: number;
  requestedBy: User;
  reason: string;
  status: ExtensionRequest['status'];
  decidedAt?: number;
  decidedBy?: User;
}

export interface DealPlan {
  id?: string;
  partner: Pick<Partner, 'id' | 'name'>;
  submitter: User;
  program: Program;
  dealType: DealType;
  customer: Customer;
  products: ProductLine[];
  estimatedValue: Money;
  expectedCloseDate: string;
  createdAt: number;
  moves: Move<DealStatus>[];
  comments?: Said[];
  workNotes?: Said[];
  extension?: ExtensionPlan;
}

export function buildDeal(b: Builder, plan: DealPlan): DealRegistration {
  const id = plan.id ?? b.id('deal');
  const number = b.number('DR');
  const rules = plan.program.dealRegistration;
  const said = plan.comments ?? [];
  const noted = plan.workNotes ?? [];
  const notes = commentNotes('deal registration', number, plan.partner.id, said, noted);
  const ext = plan.extension;
  if (ext) {
    notes.push({
      at: ext.requestedAt,
      by: actor(ext.requestedBy),
      action: 'updated',
      summary: `${ext.requestedBy.name} asked to extend the protection of ${number}`,
    });
    if (ext.decidedAt !== undefined && ext.decidedBy) {
      notes.push({
        at: ext.decidedAt,
        by: actor(ext.decidedBy),
        action: 'updated',
        summary: `${ext.decidedBy.name} ${ext.status} the extension of ${number}`,
      });
    }
  }
  const walk = b.lifecycle(
    'deals',
    { id, label: number, partnerId: plan.partner.id },
    { status: 'draft', at: plan.createdAt, by: actor(plan.submitter) },
    plan.moves,
    notes,
  );
  const submitted = lastMoveTo(plan.moves, 'submitted');
  const approved = lastMoveTo(plan.moves, 'approved');
  const status = walk.status;
  const holdsApproval = status === 'approved' || status === 'converted' || status === 'expired';

  let decision: Decision | null = null;
  if (holdsApproval && approved) decision = decisionOf('approved', approved);
  const closing =
    status === 'rejected' || status === 'returned' ? lastMoveTo(plan.moves, status) : undefined;
  if (closing) decision = decisionOf(status as 'rejected' | 'returned', closing);

  let protection = holdsApproval && approved ? protectionWindow(iso(approved.at), rules) : null;
  if (protection && ext?.status === 'granted') protection = extendProtection(protection, rules);

  const deal: DealRegistration = {
    id,
    ...stamp(walk),
    number,
    partnerId: plan.partner.id,
    submittedBy: plan.submitter.id,
    programId: plan.program.id,
    dealType: plan.dealType,
    customer: plan.customer,
    products: plan.products,
    estimatedValue: plan.estimatedValue,
    expectedCloseDate: plan.expectedCloseDate,
    status,
    submittedAt: submitted ? iso(submitted.at) : null,
    approvalDueAt: submitted ? approvalDueAt(iso(submitted.at), rules) : null,
    decision,
    protection,
    extension:
      ext && holdsApproval
        ? {
            requestedAt: iso(ext.requestedAt),
            requestedBy: ext.requestedBy.id,
            reason: ext.reason,
            status: ext.status,
            ...(ext.decidedAt === undefined ? {} : { decidedAt: iso(ext.decidedAt) }),
            ...(ext.decidedBy === undefined ? {} : { decidedBy: ext.decidedBy.id }),
          }
        : null,
    ...(submitted ? { conflicts: [] } : {}),
    opportunityId: null,
    comments: comments(id, 'c', said),
    workNotes: comments(id, 'n', noted),
    history: walk.history,
  };
  b.data.deals.push(deal);
  return deal;
}

function decisionOf(outcome: Decision['outcome'], move: Move): Decision {
  return {
    outcome,
    by: move.by.id,
    byName: move.by.name,
    at: iso(move.at),
    ...(move.reason === undefined ? {} : { reason: move.reason as Decision['reason'] }),
    ...(move.message === undefined ? {} : { message: move.message }),
  };
}

// ---------------------------------------------------------------------------------------
// Opportunities, quotes, orders

export interface OpportunityPlan {
  id?: string;
  name: string;
  partnerId: string;
  customer: Customer;
  amount: Money;
  closeDate: string;
  owner: User | null;
  dealRegistrationId?: string | null;
  leadId?: string | null;
  createdAt: number;
  createdBy: Actor;
  moves: Move<OpportunityStage>[];
}

export function buildOpportunity(b: Builder, plan: OpportunityPlan): Opportunity {
  const id = plan.id ?? b.id('opp');
  const walk = b.lifecycle(
    'opportunities',
    { id, label: plan.name, partnerId: plan.partnerId },
    { status: 'prospecting', at: plan.createdAt, by: plan.createdBy },
    plan.moves,
  );
  const opportunity: Opportunity = {
    id,
    ...stamp(walk),
    name: plan.name,
    partnerId: plan.partnerId,
    customer: plan.customer,
    stage: walk.status,
    amount: plan.amount,
    closeDate: plan.closeDate,
    ownerId: plan.owner?.id ?? null,
    dealRegistrationId: plan.dealRegistrationId ?? null,
    leadId: plan.leadId ?? null,
    history: walk.history,
  };
  b.data.opportunities.push(opportunity);
  return opportunity;
}

export interface QuotePlan {
  id?: string;
  partnerId: string;
  opportunityId: string | null;
  /** The approved (or converted) registration whose products get its extra discount. */
  deal: Pick<DealRegistration, 'id' | 'products'> | null;
  currency: string;
  lines: QuoteLineInput[];
  benefits: Pick<TierBenefits, 'discountBps' | 'dealRegistrationDiscountBps'>;
  validUntil: string;
  createdAt: number;
  createdBy: User;
  moves: Move<QuoteStatus>[];
}

export function buildQuote(b: Builder, plan: QuotePlan, products: readonly Product[]): Quote {
  const id = plan.id ?? b.id('quote');
  const number = b.number('QT');
  const walk = b.lifecycle(
    'quotes',
    { id, label: number, partnerId: plan.partnerId },
    { status: 'draft', at: plan.createdAt, by: actor(plan.createdBy) },
    plan.moves,
  );
  const priced = priceQuote({
    lines: plan.lines,
    products,
    tierDiscountBps: plan.benefits.discountBps,
    ...(plan.deal
      ? {
          dealRegistrationDiscountBps: plan.benefits.dealRegistrationDiscountBps,
          dealProductIds: plan.deal.products.map((line) => line.productId),
        }
      : {}),
    currency: plan.currency,
  });
  const quote: Quote = {
    id,
    ...stamp(walk),
    number,
    partnerId: plan.partnerId,
    opportunityId: plan.opportunityId,
    dealRegistrationId: plan.deal?.id ?? null,
    currency: plan.currency,
    lines: priced.lines,
    totals: priced.totals,
    status: walk.status,
    validUntil: plan.validUntil,
    history: walk.history,
  };
  b.data.quotes.push(quote);
  return quote;
}

export interface OrderPlan {
  id?: string;
  quote: Quote;
  purchaseOrderNumber?: string;
  createdAt: number;
  createdBy: User;
  moves: Move<OrderStatus>[];
}

export function buildOrder(b: Builder, plan: OrderPlan): Order {
  if (plan.quote.status !== 'accepted') {
    throw new RangeError(`order from quote ${plan.quote.number}, which is ${plan.quote.status}`);
  }
  const id = plan.id ?? b.id('order');
  const number = b.number('SO');
  const walk = b.lifecycle(
    'orders',
    { id, label: number, partnerId: plan.quote.partnerId },
    { status: 'submitted', at: plan.createdAt, by: actor(plan.createdBy) },
    plan.moves,
  );
  const order: Order = {
    id,
    ...stamp(walk),
    number,
    partnerId: plan.quote.partnerId,
    quoteId: plan.quote.id,
    ...(plan.purchaseOrderNumber === undefined
      ? {}
      : { purchaseOrderNumber: plan.purchaseOrderNumber }),
    lines: plan.quote.lines,
    total: plan.quote.totals.net,
    status: walk.status,
    submittedAt: walk.createdAt,
    history: walk.history,
  };
  b.data.orders.push(order);
  return order;
}

// ---------------------------------------------------------------------------------------
// Cases

export interface CasePlan {
  id?: string;
  partnerId: string;
  raisedBy: User;
  subject: string;
  description: string;
  category: CaseCategory;
  priority: CasePriority;
  related?: RelatedRecord | null;
  createdAt: number;
  assignee?: { user: User; at: number; by: Actor } | null;
  moves: Move<CaseStatus>[];
  comments?: Said[];
  workNotes?: Said[];
  /** The partner's tier benefits: a `caseFirstResponseHours` tightens the SLA. */
  benefits?: Pick<TierBenefits, 'caseFirstResponseHours'> | undefined;
}

export function buildCase(b: Builder, plan: CasePlan): Case {
  const id = plan.id ?? b.id('case');
  const number = b.number('CS');
  const said = plan.comments ?? [];
  const noted = plan.workNotes ?? [];
  const notes = commentNotes('case', number, plan.partnerId, said, noted);
  const assignee = plan.assignee ?? null;
  if (assignee) {
    notes.push({
      at: assignee.at,
      by: assignee.by,
      action: 'assigned',
      summary: `${assignee.by.name} assigned case ${number} to ${assignee.user.name}`,
    });
  }
  const walk = b.lifecycle(
    'cases',
    { id, label: number, partnerId: plan.partnerId },
    { status: 'new', at: plan.createdAt, by: actor(plan.raisedBy) },
    plan.moves,
    notes,
  );
  const due = caseDueTimes(
    walk.createdAt,
    plan.priority,
    plan.benefits ? { tierBenefits: plan.benefits } : {},
  );
  // The first response: the enterprise's first comment or status change.
  const enterprise = (a: Actor) => a.role !== undefined && !a.role.startsWith('partner_');
  const responses = [
    ...said.filter((s) => enterprise(s.by)).map((s) => s.at),
    ...plan.moves.filter((m) => enterprise(m.by)).map((m) => m.at),
  ];
  const firstResponse = responses.length > 0 ? Math.min(...responses) : null;
  const resolved = walk.status === 'resolved' || walk.status === 'closed';
  const kase: Case = {
    id,
    ...stamp(walk),
    number,
    partnerId: plan.partnerId,
    raisedBy: plan.raisedBy.id,
    subject: plan.subject,
    description: plan.description,
    category: plan.category,
    priority: plan.priority,
    status: walk.status,
    assigneeId: assignee?.user.id ?? null,
    related: plan.related ?? null,
    firstResponseDueAt: due.firstResponseDueAt,
    resolutionDueAt: due.resolutionDueAt,
    firstRespondedAt: firstResponse === null ? null : iso(firstResponse),
    resolvedAt: resolved ? iso(lastMoveTo(plan.moves, 'resolved')!.at) : null,
    comments: comments(id, 'c', said),
    workNotes: comments(id, 'n', noted),
    history: walk.history,
  };
  b.data.cases.push(kase);
  return kase;
}

// ---------------------------------------------------------------------------------------
// Leads

/** A lead move; `assigned` names the partner, `declined` gives a decline reason. */
export type LeadMove = Move<LeadStatus> & { partnerId?: string | null; reason?: LeadDeclineReason };

export interface LeadPlan {
  id?: string;
  customer: Customer;
  interest: string;
  productIds: string[];
  estimatedValue: Money | null;
  createdAt: number;
  createdBy: Actor;
  moves: LeadMove[];
}

export function buildLead(b: Builder, plan: LeadPlan): Lead {
  const id = plan.id ?? b.id('lead');
  const number = b.number('LD');
  // Whose timeline each move lands on, and who holds the lead after it.
  let holder: string | null = null;
  let assignedAt: number | null = null;
  const declinedBy: Lead['declinedBy'] = [];
  const moves = plan.moves.map((move): Move<LeadStatus> => {
    if (move.to === 'assigned') {
      if (!move.partnerId) throw new RangeError(`lead ${number}: assigned to no partner`);
      holder = move.partnerId;
      assignedAt = move.at;
      return { ...move, partnerId: holder };
    }
    const current: string | null = holder;
    if (move.to === 'declined' && current !== null) {
      declinedBy.push({ partnerId: current, reason: move.reason!, at: iso(move.at) });
    }
    if (move.to === 'unassigned') {
      holder = null;
      assignedAt = null;
    }
    return { ...move, partnerId: current };
  });
  const walk = b.lifecycle(
    'leads',
    { id, label: number, partnerId: null },
    { status: 'unassigned', at: plan.createdAt, by: plan.createdBy },
    moves,
  );
  const lead: Lead = {
    id,
    ...stamp(walk),
    number,
    customer: plan.customer,
    interest: plan.interest,
    productIds: plan.productIds,
    estimatedValue: plan.estimatedValue,
    status: walk.status,
    partnerId: holder,
    assignedAt: assignedAt === null ? null : iso(assignedAt),
    declinedBy,
    opportunityId: null,
    history: walk.history,
  };
  b.data.leads.push(lead);
  return lead;
}

// ---------------------------------------------------------------------------------------
// Market development funds

export interface Quarter {
  id: string;
  name: string;
  start: number;
  /** The last day (its midnight, ms). */
  end: number;
}

/** The calendar quarter `offset` quarters from the one holding `at` (0: that one). */
export function quarterOf(at: number, offset = 0): Quarter {
  const date = new Date(at);
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const q = index - year * 4;
  const start = Date.UTC(year, q * 3, 1);
  const end = Date.UTC(year, q * 3 + 3, 1) - DAY_MS;
  return {
    id: `mdf-${String(year)}-q${String(q + 1)}`,
    name: `MDF ${String(year)} Q${String(q + 1)}`,
    start,
    end,
  };
}

export const periodOf = (q: Pick<Quarter, 'start' | 'end'>) => ({
  start: dateOnly(q.start),
  end: dateOnly(q.end),
});

export function buildBudget(b: Builder, quarter: Quarter, amount: Money, by: User): MdfBudget {
  // Budgets are set three weeks before their quarter, or at the reference time for a later one.
  const at = Math.min(quarter.start - 21 * DAY_MS, b.now);
  const budget: MdfBudget = {
    id: quarter.id,
    ...b.created(
      'mdfBudgets',
      { id: quarter.id, label: quarter.name, partnerId: null },
      actor(by),
      at,
    ),
    name: quarter.name,
    period: periodOf(quarter),
    amount,
  };
  b.data.mdfBudgets.push(budget);
  return budget;
}

export interface AllocationDraft {
  id: string;
  budgetId: string;
  partnerId: string;
  quarter: Quarter;
  amount: Money;
  createdAt: number;
  by: User;
  requests: MdfRequest[];
}

export function startAllocation(
  b: Builder,
  quarter: Quarter,
  partnerId: string,
  amount: Money,
  by: User,
  at: number,
): AllocationDraft {
  return {
    id: b.id('alloc'),
    budgetId: quarter.id,
    partnerId,
    quarter,
    amount,
    createdAt: at,
    by,
    requests: [],
  };
}

/**
 * Writes an allocation with what its requests commit. Throws when they would commit more than
 * is allocated: the demo never breaks that rule.
 */
export function finishAllocation(b: Builder, draft: AllocationDraft): MdfAllocation {
  const ref = {
    id: draft.id,
    label: draft.quarter.name,
    partnerId: draft.partnerId,
  };
  const base = { id: draft.id, amount: draft.amount };
  const committed = mdfCommitted(base, draft.requests);
  if (committed.amount > draft.amount.amount) {
    throw new RangeError(`allocation ${draft.id} is overcommitted`);
  }
  // Submitting and rejecting a request change what the allocation commits.
  const changes = draft.requests.flatMap((r) =>
    r.history
      .filter((h) => h.to === 'submitted' || h.to === 'rejected')
      .map((h) => Date.parse(h.at)),
  );
  const created = b.created('mdfAllocations', ref, actor(draft.by), draft.createdAt);
  const last = Math.max(draft.createdAt, ...changes);
  const allocation: MdfAllocation = {
    id: draft.id,
    createdAt: created.createdAt,
    updatedAt: iso(last),
    version: 1 + changes.length,
    budgetId: draft.budgetId,
    partnerId: draft.partnerId,
    period: periodOf(draft.quarter),
    amount: draft.amount,
    committed,
    remaining: mdfRemaining(base, draft.requests),
  };
  b.data.mdfAllocations.push(allocation);
  return allocation;
}

/** What is left to commit on an allocation draft, in minor units. */
export const allocationLeft = (draft: AllocationDraft): number =>
  mdfRemaining({ id: draft.id, amount: draft.amount }, draft.requests).amount;

export interface FundRequestPlan {
  allocation: AllocationDraft;
  activity: MdfRequest['activity'];
  amount: number;
  createdAt: number;
  createdBy: User;
  moves: Move<MdfRequestStatus>[];
}

export function buildFundRequest(b: Builder, plan: FundRequestPlan): MdfRequest {
  const { allocation } = plan;
  const money = { amount: plan.amount, currency: allocation.amount.currency };
  // The core check a backend runs on submit: never more than is left.
  if (plan.moves.length > 0) checkFundRequest(allocation, allocation.requests, money);
  const id = b.id('fr');
  const number = b.number('FR');
  const walk = b.lifecycle(
    'mdfRequests',
    { id, label: number, partnerId: plan.allocation.partnerId },
    { status: 'draft', at: plan.createdAt, by: actor(plan.createdBy) },
    plan.moves,
  );
  const request: MdfRequest = {
    id,
    ...stamp(walk),
    number,
    allocationId: plan.allocation.id,
    partnerId: plan.allocation.partnerId,
    activity: plan.activity,
    amount: { amount: plan.amount, currency: plan.allocation.amount.currency },
    status: walk.status,
    history: walk.history,
  };
  b.data.mdfRequests.push(request);
  plan.allocation.requests.push(request);
  return request;
}

export interface ClaimPlan {
  request: MdfRequest;
  amount: number;
  proof: MdfClaim['proof'];
  createdAt: number;
  createdBy: User;
  moves: Move<MdfClaimStatus>[];
}

/** Claims written so far, by request id (for `checkClaim`). */
const claimsByRequest = new WeakMap<MdfRequest, MdfClaim[]>();

export function buildClaim(b: Builder, plan: ClaimPlan): MdfClaim {
  const earlier = claimsByRequest.get(plan.request) ?? [];
  // The core check a backend runs on create: an approved request, at most what is claimable.
  checkClaim(plan.request, earlier, {
    amount: plan.amount,
    currency: plan.request.amount.currency,
  });
  const id = b.id('fc');
  const number = b.number('FC');
  const walk = b.lifecycle(
    'mdfClaims',
    { id, label: number, partnerId: plan.request.partnerId },
    { status: 'submitted', at: plan.createdAt, by: actor(plan.createdBy) },
    plan.moves,
  );
  const claim: MdfClaim = {
    id,
    ...stamp(walk),
    number,
    requestId: plan.request.id,
    partnerId: plan.request.partnerId,
    amount: { amount: plan.amount, currency: plan.request.amount.currency },
    proof: plan.proof,
    status: walk.status,
    history: walk.history,
  };
  b.data.mdfClaims.push(claim);
  claimsByRequest.set(plan.request, [...earlier, claim]);
  return claim;
}
