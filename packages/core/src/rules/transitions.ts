import { PrmError, type FieldError } from '../errors.js';
import { englishMessages } from '../messages.js';
import type { ResourceName } from '../schemas/activity.js';
import type { CaseStatus } from '../schemas/case.js';
import type { DealStatus } from '../schemas/deal.js';
import type { LeadStatus } from '../schemas/lead.js';
import type { MdfClaimStatus, MdfRequestStatus } from '../schemas/mdf.js';
import type { PartnerStatus } from '../schemas/partner.js';
import type { MembershipStatus, ProgramStatus } from '../schemas/program.js';
import type { OpportunityStage, OrderStatus, QuoteStatus } from '../schemas/sales.js';
import type { Role } from '../schemas/viewer.js';
import { describeMove, humanize, nounsOf, upperFirst, withArticle } from './internal.js';

/** The resources whose records move through statuses (an opportunity's `stage` counts). */
export const STATEFUL_RESOURCES = [
  'deals',
  'memberships',
  'cases',
  'quotes',
  'orders',
  'partners',
  'leads',
  'mdfRequests',
  'mdfClaims',
  'opportunities',
  'programs',
] as const satisfies readonly ResourceName[];
export type StatefulResource = (typeof STATEFUL_RESOURCES)[number];

/** The status union of each stateful resource, as its schema defines it. */
export interface StatusByResource {
  deals: DealStatus;
  memberships: MembershipStatus;
  cases: CaseStatus;
  quotes: QuoteStatus;
  orders: OrderStatus;
  partners: PartnerStatus;
  leads: LeadStatus;
  mdfRequests: MdfRequestStatus;
  mdfClaims: MdfClaimStatus;
  opportunities: OpportunityStage;
  programs: ProgramStatus;
}

/** What a person must give with a move: a `reason` (a closure or decline reason) or a `message` to the other side. */
export type TransitionRequirement = 'reason' | 'message';

/**
 * One legal move. `roles` are the people who may make it (partner-side and enterprise-side
 * roles alike; the side follows from the role). An empty `roles` means only the backend makes
 * it on its own (a clock or a rule: expiry, a material edit after approval).
 */
export interface TransitionRule {
  readonly roles: readonly Role[];
  readonly requires?: readonly TransitionRequirement[];
}

/** A resource's transition graph: every status, with the moves out of it (none for a terminal status). */
export type TransitionTable<S extends string> = {
  readonly [From in S]: Readonly<Partial<Record<Exclude<S, From>, TransitionRule>>>;
};

/** A move the viewer's role may make now, as the UI offers it (one action button each). */
export interface AvailableTransition<S extends string = string> {
  readonly to: S;
  readonly requires: readonly TransitionRequirement[];
}

/** The options of `assertTransition`. */
export interface TransitionInput {
  /** Who makes the move. Omitted: the backend acting on its own, so only the graph and requirements are checked. */
  role?: Role | undefined;
  reason?: string | null | undefined;
  message?: string | null | undefined;
}

// Role groups. The enterprise admin may do everything a person may do, so it is in every group.
const PARTNER_USERS = [
  'partner_admin',
  'partner_manager',
  'partner_associate',
  'enterprise_admin',
] as const satisfies readonly Role[];
const PARTNER_SELLERS = [
  'partner_admin',
  'partner_manager',
  'enterprise_admin',
] as const satisfies readonly Role[];
const PARTNER_ADMINS = ['partner_admin', 'enterprise_admin'] as const satisfies readonly Role[];
const CHANNEL = ['channel_manager', 'enterprise_admin'] as const satisfies readonly Role[];
const SUPPORT = ['support_agent', 'enterprise_admin'] as const satisfies readonly Role[];
const PROGRAM_ADMINS = ['program_admin', 'enterprise_admin'] as const satisfies readonly Role[];
const ADMIN = ['enterprise_admin'] as const satisfies readonly Role[];
const SYSTEM = [] as const satisfies readonly Role[];
const REASON = ['reason'] as const satisfies readonly TransitionRequirement[];
const MESSAGE = ['message'] as const satisfies readonly TransitionRequirement[];

const deals: TransitionTable<DealStatus> = {
  draft: {
    submitted: { roles: PARTNER_USERS },
    withdrawn: { roles: PARTNER_USERS },
  },
  // submitted → approved | rejected is also how the backend records an auto-approval and a
  // first_come conflict rejection; a reviewer may decide at once without opening a review.
  submitted: {
    under_review: { roles: CHANNEL },
    approved: { roles: CHANNEL },
    rejected: { roles: CHANNEL, requires: REASON },
    withdrawn: { roles: PARTNER_USERS },
  },
  under_review: {
    approved: { roles: CHANNEL },
    rejected: { roles: CHANNEL, requires: REASON },
    returned: { roles: CHANNEL, requires: MESSAGE },
  },
  returned: {
    submitted: { roles: PARTNER_USERS },
    withdrawn: { roles: PARTNER_USERS },
  },
  approved: {
    converted: { roles: [...PARTNER_USERS, 'channel_manager'] },
    expired: { roles: SYSTEM },
    // A material edit after approval sends the registration back to review.
    under_review: { roles: SYSTEM },
  },
  rejected: {},
  converted: {},
  expired: {},
  withdrawn: {},
};

const memberships: TransitionTable<MembershipStatus> = {
  applied: {
    active: { roles: CHANNEL },
    rejected: { roles: CHANNEL, requires: REASON },
    withdrawn: { roles: PARTNER_ADMINS },
  },
  active: {
    suspended: { roles: CHANNEL, requires: REASON },
    expired: { roles: SYSTEM },
    withdrawn: { roles: PARTNER_ADMINS },
  },
  suspended: {
    active: { roles: CHANNEL },
  },
  rejected: {},
  expired: {},
  withdrawn: {},
};

// new → resolved is allowed: an agent who answers a case at once should not have to open it
// first. A case waits for the partner only with a message saying what it waits for, and a
// reopen says what is still wrong.
const cases: TransitionTable<CaseStatus> = {
  new: {
    in_progress: { roles: SUPPORT },
    resolved: { roles: SUPPORT },
  },
  in_progress: {
    awaiting_partner: { roles: SUPPORT, requires: MESSAGE },
    resolved: { roles: SUPPORT },
  },
  awaiting_partner: {
    in_progress: { roles: [...PARTNER_USERS, 'support_agent'] },
    resolved: { roles: SUPPORT },
  },
  resolved: {
    closed: { roles: [...PARTNER_USERS, 'support_agent'] },
    in_progress: { roles: [...PARTNER_USERS, 'support_agent'], requires: MESSAGE },
  },
  closed: {},
};

const quotes: TransitionTable<QuoteStatus> = {
  draft: {
    sent: { roles: PARTNER_SELLERS },
  },
  sent: {
    accepted: { roles: PARTNER_SELLERS },
    rejected: { roles: PARTNER_SELLERS },
    expired: { roles: SYSTEM },
    draft: { roles: PARTNER_SELLERS },
  },
  accepted: {},
  rejected: {},
  expired: {},
};

// Fulfilment is the enterprise's; the partner may cancel only what is not yet being processed.
const orders: TransitionTable<OrderStatus> = {
  submitted: {
    processing: { roles: ADMIN },
    cancelled: { roles: PARTNER_SELLERS, requires: REASON },
  },
  processing: {
    fulfilled: { roles: ADMIN },
    cancelled: { roles: ADMIN, requires: REASON },
  },
  fulfilled: {},
  cancelled: {},
};

// A channel manager declines applications and suspends; ending an established partnership
// is the enterprise admin's.
const partners: TransitionTable<PartnerStatus> = {
  prospect: {
    onboarding: { roles: CHANNEL },
    terminated: { roles: CHANNEL, requires: REASON },
  },
  onboarding: {
    active: { roles: CHANNEL },
    terminated: { roles: CHANNEL, requires: REASON },
  },
  active: {
    suspended: { roles: CHANNEL, requires: REASON },
    terminated: { roles: ADMIN, requires: REASON },
  },
  suspended: {
    active: { roles: CHANNEL },
    terminated: { roles: ADMIN, requires: REASON },
  },
  terminated: {},
};

const leads: TransitionTable<LeadStatus> = {
  unassigned: {
    assigned: { roles: CHANNEL },
  },
  assigned: {
    accepted: { roles: PARTNER_SELLERS },
    declined: { roles: PARTNER_SELLERS, requires: REASON },
    // The enterprise takes a lead back, e.g. when the partner does not answer.
    unassigned: { roles: CHANNEL },
  },
  // Reassignment to the next partner.
  declined: {
    assigned: { roles: CHANNEL },
  },
  accepted: {},
};

const mdfRequests: TransitionTable<MdfRequestStatus> = {
  draft: {
    submitted: { roles: PARTNER_ADMINS },
  },
  submitted: {
    approved: { roles: CHANNEL },
    rejected: { roles: CHANNEL, requires: REASON },
  },
  approved: {},
  rejected: {},
};

const mdfClaims: TransitionTable<MdfClaimStatus> = {
  submitted: {
    approved: { roles: CHANNEL },
    rejected: { roles: CHANNEL, requires: REASON },
  },
  approved: {
    paid: { roles: ADMIN },
  },
  rejected: {},
  paid: {},
};

const OPEN_STAGES = ['prospecting', 'qualification', 'proposal', 'negotiation'] as const;
type OpenStage = (typeof OPEN_STAGES)[number];

/** An open stage may move to any other open stage, or close. */
function openStageMoves(from: OpenStage): Partial<Record<OpportunityStage, TransitionRule>> {
  const moves: Partial<Record<OpportunityStage, TransitionRule>> = {};
  for (const stage of OPEN_STAGES) if (stage !== from) moves[stage] = { roles: PARTNER_SELLERS };
  moves.closed_won = { roles: PARTNER_SELLERS };
  moves.closed_lost = { roles: PARTNER_SELLERS };
  return moves;
}

const opportunities: TransitionTable<OpportunityStage> = {
  prospecting: openStageMoves('prospecting'),
  qualification: openStageMoves('qualification'),
  proposal: openStageMoves('proposal'),
  negotiation: openStageMoves('negotiation'),
  closed_won: {},
  closed_lost: {},
};

const programs: TransitionTable<ProgramStatus> = {
  draft: {
    active: { roles: PROGRAM_ADMINS },
  },
  active: {
    retired: { roles: PROGRAM_ADMINS },
  },
  retired: {},
};

/**
 * The transition table of every stateful resource: `TRANSITIONS.deals.submitted.approved`
 * says who may approve a submitted registration and what they must give. A status with no
 * moves is terminal. The backend enforces these; components use them to offer actions.
 */
export const TRANSITIONS: {
  readonly [R in StatefulResource]: TransitionTable<StatusByResource[R]>;
} = {
  deals,
  memberships,
  cases,
  quotes,
  orders,
  partners,
  leads,
  mdfRequests,
  mdfClaims,
  opportunities,
  programs,
};

type LooseTable = Readonly<Record<string, Readonly<Record<string, TransitionRule | undefined>>>>;

/** The moves out of `from`, or undefined for a resource or status the tables do not know (input may come from any adapter). */
function movesFrom(
  resource: string,
  from: string,
): Readonly<Record<string, TransitionRule | undefined>> | undefined {
  if (!Object.hasOwn(TRANSITIONS, resource)) return undefined;
  const table = (TRANSITIONS as unknown as Readonly<Record<string, LooseTable>>)[resource];
  return table !== undefined && Object.hasOwn(table, from) ? table[from] : undefined;
}

function ruleFor(resource: string, from: string, to: string): TransitionRule | undefined {
  const moves = movesFrom(resource, from);
  return moves !== undefined && Object.hasOwn(moves, to) ? moves[to] : undefined;
}

/** Every status `from` may move to, whoever makes the move; empty for a terminal status. */
export function nextStatuses<R extends StatefulResource>(
  resource: R,
  from: StatusByResource[R],
): StatusByResource[R][] {
  return Object.keys(movesFrom(resource, from) ?? {}) as StatusByResource[R][];
}

/** True when a record in `status` can never change status again. */
export function isTerminalStatus<R extends StatefulResource>(
  resource: R,
  status: StatusByResource[R],
): boolean {
  const moves = movesFrom(resource, status);
  return moves !== undefined && Object.keys(moves).length === 0;
}

/** The moves `role` may make from `from`, in the table's order: the actions a UI offers. */
export function availableTransitions<R extends StatefulResource>(
  resource: R,
  from: StatusByResource[R],
  role: Role,
): AvailableTransition<StatusByResource[R]>[] {
  const moves = movesFrom(resource, from) ?? {};
  const available: AvailableTransition<StatusByResource[R]>[] = [];
  for (const [to, rule] of Object.entries(moves)) {
    if (rule?.roles.includes(role)) {
      available.push({ to: to as StatusByResource[R], requires: rule.requires ?? [] });
    }
  }
  return available;
}

/**
 * Checks one status change and throws a `PrmError` when it may not happen:
 * `invalid_transition` when the graph has no such move (self-moves and moves out of a terminal
 * status included), `forbidden` when `role` may not make it, `validation` (with field paths
 * `reason` / `message`) when a required reason or message is missing or blank. Record-level
 * access (whose record it is) is `can`'s job, not this one's.
 */
export function assertTransition<R extends StatefulResource>(
  resource: R,
  from: StatusByResource[R],
  to: StatusByResource[R],
  input: TransitionInput = {},
): void {
  const noun = nounsOf(resource)[0];
  const rule = ruleFor(resource, from, to);
  if (rule === undefined) {
    const text =
      from === to
        ? `This ${noun} is already ${humanize(from)}.`
        : isTerminalStatus(resource, from)
          ? `${upperFirst(withArticle(noun))} that is ${humanize(from)} is final: it cannot become ${humanize(to)}.`
          : `${upperFirst(withArticle(noun))} that is ${humanize(from)} cannot become ${humanize(to)}.`;
    throw new PrmError('invalid_transition', text);
  }
  const move = describeMove(resource, from, to);
  if (input.role !== undefined && !rule.roles.includes(input.role)) {
    throw new PrmError(
      'forbidden',
      rule.roles.length === 0
        ? `Only the system moves ${move}; no one can do it by hand.`
        : `${upperFirst(withArticle(humanize(input.role)))} may not move ${move}.`,
    );
  }
  const fields: FieldError[] = [];
  const params = { resource, from, to };
  for (const field of rule.requires ?? []) {
    const value = input[field];
    if (typeof value !== 'string' || value.trim() === '') {
      const message =
        field === 'reason'
          ? englishMessages.reasonRequired(params)
          : englishMessages.messageRequired(params);
      fields.push({ path: field, message });
    }
  }
  if (fields.length > 0) {
    throw new PrmError('validation', fields.map((field) => field.message).join(' '), { fields });
  }
}
