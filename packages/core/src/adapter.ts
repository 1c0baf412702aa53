/**
 * The PRM adapter contract: the one interface between prm-kit's components and a host's
 * data. Implement it to connect any backend (your REST API, ServiceNow, Salesforce, …), then
 * prove your implementation with `runConformance` from `@prm-kit/core/testing`.
 *
 * Conventions shared by every method:
 * - Every failure rejects with a `PrmError` (see `errors.ts`) with a stable `code`.
 *   `unauthorized` when no one is signed in, `forbidden` when the viewer's role may not do
 *   it, `not_found` when the record does not exist *or the viewer may not see it* (a partner
 *   must not learn that another partner's record exists), `validation` with field paths
 *   when the input is rejected, `network` / `timeout` / `server` / `rate_limited` /
 *   `invalid_response` for transport failures.
 * - Records are returned as the viewer may see them: partner viewers never receive another
 *   partner's records, nor enterprise-only fields (`workNotes`, `conflicts`).
 * - `create` takes an idempotency key: the same key always yields the same record, so a
 *   retried or double-clicked submit never makes two.
 * - `update`, `transition` and other changes take the `version` the caller last saw; a
 *   different current version rejects with `version_conflict` (and `currentVersion`).
 * - Illegal status changes reject with `invalid_transition` (see the tables in
 *   `rules/transitions.ts`).
 * - Every method takes an optional `AbortSignal`; an aborted call rejects with the signal's
 *   reason and changes nothing it has not already committed.
 */
import type { Activity, ResourceName } from './schemas/activity.js';
import type { Case, CaseInput, CasePatch, CaseStatus } from './schemas/case.js';
import type { CommentInput } from './schemas/common.js';
import type {
  ClosureReason,
  ConflictCheck,
  ConflictCheckInput,
  DealRegistration,
  DealRegistrationInput,
  DealRegistrationPatch,
  DealStatus,
} from './schemas/deal.js';
import type { Lead, LeadDeclineReason, LeadInput, LeadStatus } from './schemas/lead.js';
import type { ListQueries, Page } from './schemas/list.js';
import type {
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfClaimInput,
  MdfClaimStatus,
  MdfRequest,
  MdfRequestInput,
  MdfRequestStatus,
} from './schemas/mdf.js';
import type { EnterpriseMetrics, PartnerMetrics } from './schemas/metrics.js';
import type {
  Partner,
  PartnerApplication,
  PartnerPatch,
  PartnerStatus,
} from './schemas/partner.js';
import type {
  MembershipApplication,
  MembershipStatus,
  Program,
  ProgramInput,
  ProgramEligibility,
  ProgramMembership,
  ProgramPatch,
  ProgramStatus,
} from './schemas/program.js';
import type {
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  OpportunityStage,
  Order,
  OrderInput,
  OrderStatus,
  Product,
  Quote,
  QuoteInput,
  QuotePatch,
  QuoteStatus,
} from './schemas/sales.js';
import type { Segment, SegmentInput, SegmentPatch } from './schemas/segment.js';
import type { User, Viewer } from './schemas/viewer.js';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreateOptions extends RequestOptions {
  /** A key unique to this user intent (one per form submission, reused by every retry). */
  idempotencyKey: string;
}

export interface WriteOptions extends RequestOptions {
  /** The record `version` the caller last read. */
  version: number;
}

export interface TransitionOptions<Reason extends string = string> extends WriteOptions {
  /** Required by some moves (rejecting a deal: a `ClosureReason`; declining a lead: a reason). */
  reason?: Reason;
  /** A message to the other side (required when returning a deal for more information). */
  message?: string;
}

/** Reading a list and one record, common to every resource. */
export interface ReadApi<T, Q> {
  /** One page of records the viewer may see, filtered, searched and sorted. */
  list(query?: Q, options?: RequestOptions): Promise<Page<T>>;
  /** One record. Rejects with `not_found` when it does not exist or is not visible. */
  get(id: string, options?: RequestOptions): Promise<T>;
}

/** A status change driven by the core transition table of the resource. */
export interface TransitionApi<T, S extends string, Reason extends string = string> {
  /** Moves the record to `to`. Rejects with `invalid_transition`, `forbidden`, `version_conflict`. */
  transition(id: string, to: S, options: TransitionOptions<Reason>): Promise<T>;
}

export interface PartnersApi
  extends ReadApi<Partner, ListQueries['partners']>, TransitionApi<Partner, PartnerStatus> {
  /**
   * A prospect applies to become a partner; creates a `prospect` partner. Anyone may call it,
   * signed in or not (the public application form). Enterprise admins may also create partners.
   */
  create(input: PartnerApplication, options: CreateOptions): Promise<Partner>;
  /** Edits the profile. Partner admins (own partner), channel managers (assigned), enterprise admins. */
  update(id: string, patch: PartnerPatch, options: WriteOptions): Promise<Partner>;
}

export interface UsersApi extends ReadApi<User, ListQueries['users']> {}

export interface ProgramsApi
  extends ReadApi<Program, ListQueries['programs']>, TransitionApi<Program, ProgramStatus> {
  /** Program admins and enterprise admins. Creates a `draft` program. */
  create(input: ProgramInput, options: CreateOptions): Promise<Program>;
  update(id: string, patch: ProgramPatch, options: WriteOptions): Promise<Program>;
  /**
   * Which programs a partner may join and, when not, every reason why. Partner viewers get
   * their own partner; enterprise viewers name one.
   */
  eligibility(partnerId?: string, options?: RequestOptions): Promise<ProgramEligibility[]>;
}

export interface MembershipsApi
  extends
    ReadApi<ProgramMembership, ListQueries['memberships']>,
    TransitionApi<ProgramMembership, MembershipStatus> {
  /**
   * A partner applies to (enrolls in) a program, accepting its current terms version.
   * Partner admins for their partner; channel managers and enterprise admins for any.
   * Rejects with `validation` when not eligible (one field error per reason) or when the
   * accepted terms are not the program's current version.
   */
  create(input: MembershipApplication, options: CreateOptions): Promise<ProgramMembership>;
}

export interface SegmentsApi extends ReadApi<Segment, ListQueries['segments']> {
  /** Program admins and enterprise admins. */
  create(input: SegmentInput, options: CreateOptions): Promise<Segment>;
  update(id: string, patch: SegmentPatch, options: WriteOptions): Promise<Segment>;
  remove(id: string, options: WriteOptions): Promise<void>;
}

export interface DealsApi
  extends
    ReadApi<DealRegistration, ListQueries['deals']>,
    TransitionApi<DealRegistration, DealStatus, ClosureReason> {
  /**
   * Registers a deal as a `draft` (or `submitted` with `submit: true`). Partner roles for
   * their own partner. Submission runs the conflict check and the program's auto-decision.
   */
  create(
    input: DealRegistrationInput,
    options: CreateOptions & { submit?: boolean },
  ): Promise<DealRegistration>;
  /** Edits a draft or returned registration; a material edit of an approved one re-opens review. */
  update(
    id: string,
    patch: DealRegistrationPatch,
    options: WriteOptions,
  ): Promise<DealRegistration>;
  /**
   * A live conflict pre-check for a form: partner viewers learn only whether another
   * partner has a live claim (`conflict`) or their own partner does (`duplicate`);
   * enterprise viewers also get the matching registrations.
   */
  checkConflicts(input: ConflictCheckInput, options?: RequestOptions): Promise<ConflictCheck>;
  /**
   * The partner asks for more protection time before the window ends, saying why (`reason`
   * must not be blank; over REST the body is `ExtensionRequestInput`).
   */
  requestExtension(id: string, reason: string, options: WriteOptions): Promise<DealRegistration>;
  /** The channel manager grants or denies a requested extension. */
  decideExtension(id: string, grant: boolean, options: WriteOptions): Promise<DealRegistration>;
  /** A partner-visible comment, or an internal work note (`internal: true`, enterprise only). */
  comment(id: string, input: CommentInput, options: WriteOptions): Promise<DealRegistration>;
}

export interface OpportunitiesApi
  extends
    ReadApi<Opportunity, ListQueries['opportunities']>,
    TransitionApi<Opportunity, OpportunityStage> {
  create(input: OpportunityInput, options: CreateOptions): Promise<Opportunity>;
  update(id: string, patch: OpportunityPatch, options: WriteOptions): Promise<Opportunity>;
}

export interface ProductsApi extends ReadApi<Product, ListQueries['products']> {}

export interface QuotesApi
  extends ReadApi<Quote, ListQueries['quotes']>, TransitionApi<Quote, QuoteStatus> {
  /** Prices the lines with the core pricing rule (tier and deal registration discounts). */
  create(input: QuoteInput, options: CreateOptions): Promise<Quote>;
  update(id: string, patch: QuotePatch, options: WriteOptions): Promise<Quote>;
}

export interface OrdersApi
  extends ReadApi<Order, ListQueries['orders']>, TransitionApi<Order, OrderStatus> {
  /** Places an order from an accepted quote. */
  create(input: OrderInput, options: CreateOptions): Promise<Order>;
}

export interface CasesApi
  extends ReadApi<Case, ListQueries['cases']>, TransitionApi<Case, CaseStatus> {
  /** Raises a case; the SLA due times come from its priority. */
  create(input: CaseInput, options: CreateOptions): Promise<Case>;
  update(id: string, patch: CasePatch, options: WriteOptions): Promise<Case>;
  /** Support agents and enterprise admins; `null` unassigns. */
  assign(id: string, assigneeId: string | null, options: WriteOptions): Promise<Case>;
  /** A reply, or an internal work note (`internal: true`, enterprise only). */
  comment(id: string, input: CommentInput, options: WriteOptions): Promise<Case>;
}

export interface LeadsApi
  extends ReadApi<Lead, ListQueries['leads']>, TransitionApi<Lead, LeadStatus, LeadDeclineReason> {
  /** Channel managers and enterprise admins distribute a lead; without a partner the assignment rule picks one. */
  create(input: LeadInput, options: CreateOptions): Promise<Lead>;
}

export interface MdfRequestsApi
  extends
    ReadApi<MdfRequest, ListQueries['mdfRequests']>,
    TransitionApi<MdfRequest, MdfRequestStatus> {
  /** Rejects with `validation` on `amount` when it exceeds what is left of the allocation. */
  create(input: MdfRequestInput, options: CreateOptions): Promise<MdfRequest>;
}

export interface MdfClaimsApi
  extends ReadApi<MdfClaim, ListQueries['mdfClaims']>, TransitionApi<MdfClaim, MdfClaimStatus> {
  /** Rejects with `validation` on `amount` when it exceeds what the approved request left. */
  create(input: MdfClaimInput, options: CreateOptions): Promise<MdfClaim>;
}

export interface MetricsApi {
  /** Dashboard figures for one partner (partner viewers: their own). */
  partner(partnerId?: string, options?: RequestOptions): Promise<PartnerMetrics>;
  /** Dashboard figures across the partners the enterprise viewer may see. */
  enterprise(options?: RequestOptions): Promise<EnterpriseMetrics>;
}

/** A record changed; clients refetch what they show of it. */
export interface ChangeEvent {
  resource: ResourceName;
  id: string;
  kind: 'created' | 'updated' | 'deleted';
  /** The partner the record belongs to (`null` for enterprise-wide records). */
  partnerId: string | null;
  at: string;
}

/** What a backend supports, so components can hide what it cannot do. */
export interface AdapterCapabilities {
  /** Resources this backend serves; methods of the others reject with `server`. */
  resources: readonly ResourceName[];
  /** `subscribe` delivers changes as they happen (otherwise clients poll). */
  live: boolean;
  /** `metrics` is served by the backend (otherwise clients compute it from lists). */
  metrics: boolean;
}

export interface PrmAdapter {
  readonly capabilities: AdapterCapabilities;
  /** Who is signed in. Rejects with `unauthorized` when no one is. */
  session(options?: RequestOptions): Promise<Viewer>;
  readonly partners: PartnersApi;
  readonly users: UsersApi;
  readonly programs: ProgramsApi;
  readonly memberships: MembershipsApi;
  readonly segments: SegmentsApi;
  readonly deals: DealsApi;
  readonly opportunities: OpportunitiesApi;
  readonly products: ProductsApi;
  readonly quotes: QuotesApi;
  readonly orders: OrdersApi;
  readonly cases: CasesApi;
  readonly leads: LeadsApi;
  readonly mdfBudgets: ReadApi<MdfBudget, ListQueries['mdfBudgets']>;
  readonly mdfAllocations: ReadApi<MdfAllocation, ListQueries['mdfAllocations']>;
  readonly mdfRequests: MdfRequestsApi;
  readonly mdfClaims: MdfClaimsApi;
  /** The timeline: partner viewers see their own partner's activity only. */
  readonly activities: ReadApi<Activity, ListQueries['activities']>;
  readonly metrics: MetricsApi;
  /** Live changes, when `capabilities.live`. Returns the unsubscribe function. */
  subscribe?(listener: (event: ChangeEvent) => void): () => void;
}
