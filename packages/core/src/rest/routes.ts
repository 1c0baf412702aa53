/**
 * The REST contract as data: one route per `PrmAdapter` method. The REST adapter builds its
 * requests from this table and the reference server mounts its handlers from it, so the two
 * cannot drift; the OpenAPI document is generated from it too.
 *
 * Conventions every route follows:
 * - JSON bodies; errors are problem details (`problem.ts`).
 * - A create (`POST /<resource>`) requires `Idempotency-Key`; the same key replays the
 *   first answer.
 * - A write that takes a `version` requires `If-Match: "<version>"` and answers with
 *   `ETag: "<version>"` of the record it returns.
 * - `deals.create` takes `submit` as the query parameter `?submit=true`, so its body is
 *   exactly a `DealRegistrationInput` and options stay outside the body, like the
 *   idempotency key.
 * - Lists take their query as URL parameters (`query.ts`) and answer with one page.
 */
import * as z from 'zod/mini';
import type { PrmAdapter } from '../adapter.js';
import { PrmError } from '../errors.js';
import { englishMessages } from '../messages.js';
import { Activity, type ResourceName } from '../schemas/activity.js';
import { Case, CaseInput, CasePatch, CaseStatus } from '../schemas/case.js';
import { CommentInput, Id, prose, text } from '../schemas/common.js';
import {
  ClosureReason,
  ConflictCheck,
  ConflictCheckInput,
  DealRegistration,
  DealRegistrationInput,
  DealRegistrationPatch,
  DealStatus,
} from '../schemas/deal.js';
import { Lead, LeadDeclineReason, LeadInput, LeadStatus } from '../schemas/lead.js';
import { listQueries, page } from '../schemas/list.js';
import {
  MdfAllocation,
  MdfBudget,
  MdfClaim,
  MdfClaimInput,
  MdfClaimStatus,
  MdfRequest,
  MdfRequestInput,
  MdfRequestStatus,
} from '../schemas/mdf.js';
import { EnterpriseMetrics, PartnerMetrics } from '../schemas/metrics.js';
import { Partner, PartnerApplication, PartnerPatch, PartnerStatus } from '../schemas/partner.js';
import {
  MembershipApplication,
  MembershipStatus,
  Program,
  ProgramInput,
  ProgramEligibility,
  ProgramMembership,
  ProgramPatch,
  ProgramStatus,
} from '../schemas/program.js';
import {
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
} from '../schemas/sales.js';
import { Segment, SegmentInput, SegmentPatch } from '../schemas/segment.js';
import { User, Viewer } from '../schemas/viewer.js';

type Schema = z.core.$ZodType;
type QuerySchema = z.core.$ZodObject;
type Group = Exclude<keyof PrmAdapter, 'capabilities' | 'session' | 'subscribe'>;

/** Every adapter method by its path: `'session'`, `'deals.create'`, `'metrics.partner'`, … */
export type Operation =
  'session' | { [G in Group]: `${G}.${Extract<keyof PrmAdapter[G], string>}` }[Group];

/** The HTTP methods the contract uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Header names of the contract. */
export const HEADERS = {
  idempotencyKey: 'Idempotency-Key',
  ifMatch: 'If-Match',
  /** On a GET of one record: answered `304 Not Modified` while the version is unchanged. */
  ifNoneMatch: 'If-None-Match',
  etag: 'ETag',
  retryAfter: 'Retry-After',
} as const;

/** One route of the contract: how one adapter method travels over HTTP. */
export interface Route {
  readonly operation: Operation;
  readonly method: HttpMethod;
  /** Relative to the base URL, with `{name}` placeholders: `/deals/{id}/transitions`. */
  readonly path: string;
  /** The placeholders of `path`, in order. */
  readonly pathParams: readonly string[];
  /** URL parameters, encoded and decoded by `query.ts`. */
  readonly query?: QuerySchema | undefined;
  /** The JSON request body. */
  readonly body?: Schema | undefined;
  /** The JSON response body; `null` answers `204 No Content`. */
  readonly response: Schema | null;
  readonly successStatus: 200 | 201 | 204;
  /** Requires the `Idempotency-Key` header (creates). */
  readonly idempotencyKey: boolean;
  /** Requires `If-Match: "<version>"` and answers with `ETag: "<version>"`. */
  readonly ifMatch: boolean;
  /** May be called with no one signed in (the public partner application). */
  readonly anonymous: boolean;
  /** One line for the docs. */
  readonly summary: string;
}

interface Spec<
  Q extends QuerySchema | undefined,
  B extends Schema | undefined,
  R extends Schema | null,
> {
  method: HttpMethod;
  path: string;
  query?: Q;
  body?: B;
  response: R;
  successStatus?: 200 | 201 | 204;
  idempotencyKey?: boolean;
  ifMatch?: boolean;
  anonymous?: boolean;
  summary: string;
}

type Definition<Q, B, R> = Omit<Route, 'operation' | 'query' | 'body' | 'response'> & {
  readonly query: Q;
  readonly body: B;
  readonly response: R;
};

function define<
  Q extends QuerySchema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | null = null,
>(spec: Spec<Q, B, R>): Definition<Q, B, R> {
  return {
    method: spec.method,
    path: spec.path,
    pathParams: [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''),
    query: spec.query as Q,
    body: spec.body as B,
    response: spec.response,
    successStatus: spec.successStatus ?? (spec.response === null ? 204 : 200),
    idempotencyKey: spec.idempotencyKey ?? false,
    ifMatch: spec.ifMatch ?? false,
    anonymous: spec.anonymous ?? false,
    summary: spec.summary,
  };
}

/** The path segment of a resource: its adapter group name in kebab-case (`mdf-requests`). */
export function resourcePath(resource: ResourceName): string {
  return resource.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** How summaries name each resource: one record (with its article), many records. */
const LABELS: Readonly<Record<ResourceName, readonly [string, string]>> = {
  partners: ['a partner', 'partners'],
  users: ['a user', 'users'],
  programs: ['a program', 'programs'],
  memberships: ['a program membership', 'program memberships'],
  segments: ['a segment', 'segments'],
  deals: ['a deal registration', 'deal registrations'],
  opportunities: ['an opportunity', 'opportunities'],
  products: ['a product', 'products'],
  quotes: ['a quote', 'quotes'],
  orders: ['an order', 'orders'],
  cases: ['a support case', 'support cases'],
  leads: ['a lead', 'leads'],
  mdfBudgets: ['an MDF budget', 'MDF budgets'],
  mdfAllocations: ['an MDF allocation', 'MDF allocations'],
  mdfRequests: ['an MDF fund request', 'MDF fund requests'],
  mdfClaims: ['an MDF claim', 'MDF claims'],
  activities: ['an activity', 'activities (the partner timeline)'],
};

const list = <R extends ResourceName, T extends Schema>(resource: R, entity: T) =>
  define({
    method: 'GET',
    path: `/${resourcePath(resource)}`,
    query: listQueries[resource],
    response: page(entity),
    summary: `List ${LABELS[resource][1]}`,
  });

const get = <T extends Schema>(resource: ResourceName, entity: T) =>
  define({
    method: 'GET',
    path: `/${resourcePath(resource)}/{id}`,
    response: entity,
    summary: `Get ${LABELS[resource][0]}`,
  });

const create = <B extends Schema, T extends Schema>(
  resource: ResourceName,
  input: B,
  entity: T,
  summary = `Create ${LABELS[resource][0]}`,
) =>
  define({
    method: 'POST',
    path: `/${resourcePath(resource)}`,
    body: input,
    response: entity,
    successStatus: 201,
    idempotencyKey: true,
    summary,
  });

const update = <B extends Schema, T extends Schema>(resource: ResourceName, patch: B, entity: T) =>
  define({
    method: 'PATCH',
    path: `/${resourcePath(resource)}/{id}`,
    body: patch,
    response: entity,
    ifMatch: true,
    summary: `Update ${LABELS[resource][0]}`,
  });

const FreeReason = z.string().check(z.trim(), z.minLength(1), z.maxLength(2_000));

const transitionBody = <S extends Schema, Reason extends Schema>(status: S, reason: Reason) =>
  z.object({
    to: status,
    /** Required by some moves (see `rules/transitions.ts`). */
    reason: z.optional(reason),
    /** A message to the other side. */
    message: z.optional(prose(5_000)),
  });

const transition = <S extends Schema, T extends Schema, Reason extends Schema = typeof FreeReason>(
  resource: ResourceName,
  status: S,
  entity: T,
  reason: Reason = FreeReason as unknown as Reason,
) =>
  define({
    method: 'POST',
    path: `/${resourcePath(resource)}/{id}/transitions`,
    body: transitionBody(status, reason),
    response: entity,
    ifMatch: true,
    summary: `Change the status of ${LABELS[resource][0]}`,
  });

/** `deals.requestExtension` body: why the partner needs more protection time. */
export const ExtensionRequestInput = z.object({ reason: text(2_000) });
export type ExtensionRequestInput = z.infer<typeof ExtensionRequestInput>;

/** `deals.decideExtension` body: grant (`true`) or deny the requested extension. */
export const ExtensionDecisionInput = z.object({ grant: z.boolean() });
export type ExtensionDecisionInput = z.infer<typeof ExtensionDecisionInput>;

/** `cases.assign` body. */
export const CaseAssignmentInput = z.object({
  /** The support agent to assign; `null` unassigns. */
  assigneeId: z.nullable(Id),
});
export type CaseAssignmentInput = z.infer<typeof CaseAssignmentInput>;

const PartnerIdQuery = z.object({
  /** Enterprise viewers name a partner; partner viewers get their own. */
  partnerId: z.optional(Id),
});

const definitions = {
  session: define({
    method: 'GET',
    path: '/session',
    response: Viewer,
    summary: 'Who is signed in',
  }),

  'partners.list': list('partners', Partner),
  'partners.get': get('partners', Partner),
  'partners.create': {
    ...create('partners', PartnerApplication, Partner, 'Apply to become a partner'),
    anonymous: true,
  },
  'partners.update': update('partners', PartnerPatch, Partner),
  'partners.transition': transition('partners', PartnerStatus, Partner),

  'users.list': list('users', User),
  'users.get': get('users', User),

  'programs.list': list('programs', Program),
  'programs.get': get('programs', Program),
  'programs.create': create('programs', ProgramInput, Program),
  'programs.update': update('programs', ProgramPatch, Program),
  'programs.transition': transition('programs', ProgramStatus, Program),
  'programs.eligibility': define({
    method: 'GET',
    path: '/programs/eligibility',
    query: PartnerIdQuery,
    response: z.array(ProgramEligibility),
    summary: 'Which programs a partner may join, and why not',
  }),

  'memberships.list': list('memberships', ProgramMembership),
  'memberships.get': get('memberships', ProgramMembership),
  'memberships.create': create(
    'memberships',
    MembershipApplication,
    ProgramMembership,
    'Apply to (enroll in) a program',
  ),
  'memberships.transition': transition('memberships', MembershipStatus, ProgramMembership),

  'segments.list': list('segments', Segment),
  'segments.get': get('segments', Segment),
  'segments.create': create('segments', SegmentInput, Segment),
  'segments.update': update('segments', SegmentPatch, Segment),
  'segments.remove': define({
    method: 'DELETE',
    path: '/segments/{id}',
    response: null,
    ifMatch: true,
    summary: 'Delete a segment',
  }),

  'deals.list': list('deals', DealRegistration),
  'deals.get': get('deals', DealRegistration),
  'deals.create': define({
    method: 'POST',
    path: '/deals',
    query: z.object({
      /** `true` submits the registration at once instead of keeping it a draft. */
      submit: z.optional(z.boolean()),
    }),
    body: DealRegistrationInput,
    response: DealRegistration,
    successStatus: 201,
    idempotencyKey: true,
    summary: 'Register a deal (as a draft, or submitted with ?submit=true)',
  }),
  'deals.update': update('deals', DealRegistrationPatch, DealRegistration),
  'deals.transition': transition('deals', DealStatus, DealRegistration, ClosureReason),
  'deals.checkConflicts': define({
    method: 'POST',
    path: '/deals/conflict-checks',
    body: ConflictCheckInput,
    response: ConflictCheck,
    summary: 'Check a customer and products for conflicting registrations',
  }),
  'deals.requestExtension': define({
    method: 'POST',
    path: '/deals/{id}/extension-requests',
    body: ExtensionRequestInput,
    response: DealRegistration,
    ifMatch: true,
    summary: 'Ask for more protection time',
  }),
  'deals.decideExtension': define({
    method: 'POST',
    path: '/deals/{id}/extension-decisions',
    body: ExtensionDecisionInput,
    response: DealRegistration,
    ifMatch: true,
    summary: 'Grant or deny a requested extension',
  }),
  'deals.comment': define({
    method: 'POST',
    path: '/deals/{id}/comments',
    body: CommentInput,
    response: DealRegistration,
    ifMatch: true,
    summary: 'Comment on a deal registration, or add a work note',
  }),

  'opportunities.list': list('opportunities', Opportunity),
  'opportunities.get': get('opportunities', Opportunity),
  'opportunities.create': create('opportunities', OpportunityInput, Opportunity),
  'opportunities.update': update('opportunities', OpportunityPatch, Opportunity),
  'opportunities.transition': transition('opportunities', OpportunityStage, Opportunity),

  'products.list': list('products', Product),
  'products.get': get('products', Product),

  'quotes.list': list('quotes', Quote),
  'quotes.get': get('quotes', Quote),
  'quotes.create': create('quotes', QuoteInput, Quote, 'Create and price a quote'),
  'quotes.update': update('quotes', QuotePatch, Quote),
  'quotes.transition': transition('quotes', QuoteStatus, Quote),

  'orders.list': list('orders', Order),
  'orders.get': get('orders', Order),
  'orders.create': create('orders', OrderInput, Order, 'Place an order from an accepted quote'),
  'orders.transition': transition('orders', OrderStatus, Order),

  'cases.list': list('cases', Case),
  'cases.get': get('cases', Case),
  'cases.create': create('cases', CaseInput, Case, 'Raise a support case'),
  'cases.update': update('cases', CasePatch, Case),
  'cases.transition': transition('cases', CaseStatus, Case),
  'cases.assign': define({
    method: 'POST',
    path: '/cases/{id}/assignment',
    body: CaseAssignmentInput,
    response: Case,
    ifMatch: true,
    summary: 'Assign or unassign a support case',
  }),
  'cases.comment': define({
    method: 'POST',
    path: '/cases/{id}/comments',
    body: CommentInput,
    response: Case,
    ifMatch: true,
    summary: 'Reply on a support case, or add a work note',
  }),

  'leads.list': list('leads', Lead),
  'leads.get': get('leads', Lead),
  'leads.create': create('leads', LeadInput, Lead, 'Distribute a lead'),
  'leads.transition': transition('leads', LeadStatus, Lead, LeadDeclineReason),

  'mdfBudgets.list': list('mdfBudgets', MdfBudget),
  'mdfBudgets.get': get('mdfBudgets', MdfBudget),
  'mdfAllocations.list': list('mdfAllocations', MdfAllocation),
  'mdfAllocations.get': get('mdfAllocations', MdfAllocation),

  'mdfRequests.list': list('mdfRequests', MdfRequest),
  'mdfRequests.get': get('mdfRequests', MdfRequest),
  'mdfRequests.create': create('mdfRequests', MdfRequestInput, MdfRequest),
  'mdfRequests.transition': transition('mdfRequests', MdfRequestStatus, MdfRequest),

  'mdfClaims.list': list('mdfClaims', MdfClaim),
  'mdfClaims.get': get('mdfClaims', MdfClaim),
  'mdfClaims.create': create('mdfClaims', MdfClaimInput, MdfClaim),
  'mdfClaims.transition': transition('mdfClaims', MdfClaimStatus, MdfClaim),

  'activities.list': list('activities', Activity),
  'activities.get': get('activities', Activity),

  'metrics.partner': define({
    method: 'GET',
    path: '/metrics/partner',
    query: PartnerIdQuery,
    response: PartnerMetrics,
    summary: 'Dashboard figures for one partner',
  }),
  'metrics.enterprise': define({
    method: 'GET',
    path: '/metrics/enterprise',
    response: EnterpriseMetrics,
    summary: 'Dashboard figures across the partners the viewer may see',
  }),
} satisfies Record<Operation, Omit<Route, 'operation'>>;

type Definitions = typeof definitions;

/** The route of one operation, with its schemas' own types. */
export type RouteOf<O extends Operation> = Definitions[O] & { readonly operation: O };

/** Every route of the contract, in a stable order (the order of the OpenAPI document). */
export const ROUTES: readonly Route[] = Object.freeze(
  (Object.keys(definitions) as Operation[]).map((operation) =>
    Object.freeze({ operation, ...definitions[operation] }),
  ),
);

const byOperation = new Map<Operation, Route>(ROUTES.map((route) => [route.operation, route]));

/** The route of an adapter method. */
export function routeFor<O extends Operation>(operation: O): RouteOf<O> {
  const route = byOperation.get(operation);
  if (!route) throw new TypeError(`Unknown operation "${String(operation)}".`);
  return route as unknown as RouteOf<O>;
}

/**
 * A route's path with its placeholders filled in, each value URI-encoded. Throws a
 * `validation` `PrmError` for an empty, `.` or `..` value (URL parsers would resolve those
 * away) and a `TypeError` for a missing one.
 */
export function buildPath(
  route: Pick<Route, 'path'>,
  params: Readonly<Record<string, string>> = {},
): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new TypeError(`Missing path parameter "${name}" for ${route.path}.`);
    if (value === '' || value === '.' || value === '..') {
      throw new PrmError('validation', `"${value}" cannot be used as ${name}.`, {
        fields: [{ path: name, message: englishMessages.invalid() }],
      });
    }
    return encodeURIComponent(value);
  });
}

/** A matched request: the route and its decoded path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface Compiled {
  route: Route;
  segments: readonly (string | { param: string })[];
}

// Fewer placeholders first, so `/programs/eligibility` wins over `/programs/{id}`.
const compiled: readonly Compiled[] = ROUTES.map((route) => ({
  route,
  segments: route.path
    .split('/')
    .slice(1)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      return param === undefined ? segment : { param };
    }),
})).sort((a, b) => a.route.pathParams.length - b.route.pathParams.length);

/**
 * The route for a request method and a path relative to the base URL (no query string),
 * with its parameters decoded; `null` when no route matches.
 */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  if (!pathname.startsWith('/')) return null;
  const upper = method.toUpperCase();
  const parts = pathname.split('/').slice(1);
  candidates: for (const { route, segments } of compiled) {
    if (route.method !== upper || segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    for (const [index, segment] of segments.entries()) {
      const part = parts[index] ?? '';
      if (typeof segment === 'string') {
        if (segment !== part) continue candidates;
        continue;
      }
      if (part === '') continue candidates;
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        return null;
      }
    }
    return { route, params };
  }
  return null;
}

/** The `ETag` / `If-Match` value for a record version: `"3"`. */
export function formatEtag(version: number): string {
  return `"${version}"`;
}

/** The version in an `If-Match` or `ETag` value (`"3"`), or `null` when it holds none. */
export function parseEtag(value: string | null | undefined): number | null {
  const digits = /^\s*"(\d{1,15})"\s*$/.exec(value ?? '')?.[1];
  return digits === undefined ? null : Number(digits);
}
