/**
 * A small, correct in-memory PRM backend used to prove the conformance suite: it wires the
 * core rules together the way a real backend must. `faults` switch on one deliberate defect
 * each, so tests can show the suite catches it.
 */
import type {
  ChangeEvent,
  PrmAdapter,
  RequestOptions,
  TransitionOptions,
} from '../../src/adapter.js';
import { PrmError } from '../../src/errors.js';
import type { ResourceName } from '../../src/schemas/activity.js';
import { CaseInput, CasePatch, type Case } from '../../src/schemas/case.js';
import { CommentInput, type Comment, type StatusChange } from '../../src/schemas/common.js';
import {
  DealRegistrationInput,
  DealRegistrationPatch,
  type DealRegistration,
} from '../../src/schemas/deal.js';
import { LeadInput, type Lead } from '../../src/schemas/lead.js';
import { listQueries, type Page } from '../../src/schemas/list.js';
import {
  MdfClaimInput,
  MdfRequestInput,
  type MdfAllocation,
  type MdfBudget,
  type MdfClaim,
  type MdfRequest,
} from '../../src/schemas/mdf.js';
import { PartnerApplication, PartnerPatch, type Partner } from '../../src/schemas/partner.js';
import {
  MembershipApplication,
  ProgramInput,
  ProgramPatch,
  type Program,
  type ProgramMembership,
} from '../../src/schemas/program.js';
import {
  OpportunityInput,
  OpportunityPatch,
  OrderInput,
  QuoteInput,
  QuotePatch,
  type Opportunity,
  type Order,
  type Product,
  type Quote,
} from '../../src/schemas/sales.js';
import { SegmentInput, SegmentPatch, type Segment } from '../../src/schemas/segment.js';
import type { User, Viewer } from '../../src/schemas/viewer.js';
import { isPartnerRole } from '../../src/schemas/values.js';
import { parse } from '../../src/validation.js';
import {
  assertCan,
  assertCanPatchPartner,
  can,
  listScope,
  type Action,
  type RecordScope,
} from '../../src/rules/capabilities.js';
import { assertTransition, type StatefulResource } from '../../src/rules/transitions.js';
import { findDealConflicts, summarizeConflicts } from '../../src/rules/conflicts.js';
import {
  approvalDueAt,
  dealEditEffect,
  extendProtection,
  extensionEligibility,
  protectionWindow,
} from '../../src/rules/deal-protection.js';
import { caseDueTimes } from '../../src/rules/sla.js';
import { priceQuote } from '../../src/rules/pricing.js';
import { checkClaim, checkFundRequest, mdfRemaining } from '../../src/rules/mdf.js';
import { programEligibility } from '../../src/rules/eligibility.js';
import { enterpriseMetrics, partnerMetrics } from '../../src/rules/metrics.js';
import type { ConformanceActor } from '../../src/testing/index.js';

/** One deliberate defect each; the conformance tests prove the suite notices. */
export type Fault =
  | 'replays-create'
  | 'leaks-other-partners'
  | 'ignores-versions'
  | 'allows-any-transition'
  | 'leaks-work-notes'
  | 'endless-cursor'
  | 'errors-without-fields'
  | 'float-money';

type AnyRecord = { id: string; createdAt: string; updatedAt: string; version: number } & Record<
  string,
  unknown
>;
type Activity = import('../../src/schemas/activity.js').Activity;

const T0 = '2026-01-05T09:00:00.000Z';
const PARTNER_A = 'partner-a';
const PARTNER_B = 'partner-b';

const USERS: Record<
  ConformanceActor,
  Omit<User, 'createdAt' | 'updatedAt' | 'version' | 'active'>
> = {
  partnerAdmin: {
    id: 'u-pa',
    name: 'Ada Admin',
    email: 'ada@abc.example',
    role: 'partner_admin',
    partnerId: PARTNER_A,
  },
  partnerManager: {
    id: 'u-pm',
    name: 'Max Manager',
    email: 'max@abc.example',
    role: 'partner_manager',
    partnerId: PARTNER_A,
  },
  partnerAssociate: {
    id: 'u-as',
    name: 'Sam Associate',
    email: 'sam@abc.example',
    role: 'partner_associate',
    partnerId: PARTNER_A,
  },
  otherPartnerAdmin: {
    id: 'u-pb',
    name: 'Bo Other',
    email: 'bo@other.example',
    role: 'partner_admin',
    partnerId: PARTNER_B,
  },
  channelManager: {
    id: 'u-cm',
    name: 'Cy Channel',
    email: 'cy@xyz.example',
    role: 'channel_manager',
    partnerId: null,
  },
  supportAgent: {
    id: 'u-sa',
    name: 'Sue Support',
    email: 'sue@xyz.example',
    role: 'support_agent',
    partnerId: null,
  },
  programAdmin: {
    id: 'u-pg',
    name: 'Pat Programs',
    email: 'pat@xyz.example',
    role: 'program_admin',
    partnerId: null,
  },
  enterpriseAdmin: {
    id: 'u-ea',
    name: 'Eve Enterprise',
    email: 'eve@xyz.example',
    role: 'enterprise_admin',
    partnerId: null,
  },
};

const base = (id: string) => ({ id, createdAt: T0, updatedAt: T0, version: 1 });

function seedPartner(id: string, name: string, channelManagerId: string | null): Partner {
  return {
    ...base(id),
    name,
    country: 'US',
    region: 'north_america',
    status: 'active',
    tier: 'gold',
    specializations: ['security'],
    segmentIds: [],
    contacts: [],
    channelManagerId,
    onboarding: [],
    certifications: 3,
  };
}

function seedProduct(id: string, sku: string, name: string, amount: number): Product {
  return {
    ...base(id),
    sku,
    name,
    family: 'network',
    listPrice: { amount, currency: 'USD' },
    unit: 'each',
    active: true,
  };
}

/** Which partner and which person a record belongs to, for `can`. */
function ownerOf(resource: ResourceName, record: AnyRecord): string | null {
  if (resource === 'deals') return record.submittedBy as string;
  if (resource === 'cases') return record.raisedBy as string;
  return null;
}

const SEARCHED: Partial<Record<ResourceName, (r: AnyRecord) => string[]>> = {
  partners: (r) => [r.name as string],
  programs: (r) => [r.name as string],
  products: (r) => [r.name as string, r.sku as string],
  segments: (r) => [r.name as string],
  deals: (r) => [r.number as string, (r.customer as { company: string }).company],
  cases: (r) => [r.number as string, r.subject as string],
  opportunities: (r) => [r.name as string],
  leads: (r) => [r.number as string, (r.customer as { company: string }).company],
};

const PREFIX: Partial<Record<ResourceName, string>> = {
  deals: 'DR',
  cases: 'CS',
  quotes: 'Q',
  orders: 'SO',
  leads: 'LD',
  mdfRequests: 'FR',
  mdfClaims: 'FC',
};

export function createFakeBackend(faults: readonly Fault[] = []) {
  const has = (fault: Fault) => faults.includes(fault);
  const tables = new Map<ResourceName, Map<string, AnyRecord>>();
  const table = (resource: ResourceName) => {
    let t = tables.get(resource);
    if (!t) tables.set(resource, (t = new Map<string, AnyRecord>()));
    return t;
  };
  const idempotency = new Map<string, string>();
  const listeners = new Set<(event: ChangeEvent) => void>();
  let sequence = 0;
  let clock = Date.parse(T0);
  const now = () => new Date(Math.max(Date.now(), ++clock)).toISOString();

  const put = (resource: ResourceName, record: object) =>
    table(resource).set((record as AnyRecord).id, record as AnyRecord);
  for (const user of Object.values(USERS))
    put('users', { ...base(user.id), ...user, active: true });
  put('partners', seedPartner(PARTNER_A, 'ABC Systems', 'u-cm'));
  put('partners', seedPartner(PARTNER_B, 'Other Partner', null));
  put('products', seedProduct('prod-fw', 'FW-100', 'Firewall 100', 129_900));
  put('products', seedProduct('prod-sw', 'SW-24', 'Switch 24', 45_000));
  put('mdfBudgets', {
    ...base('budget-1'),
    name: 'FY26 Q1',
    period: { start: '2026-01-01', end: '2026-12-31' },
    amount: { amount: 10_000_000, currency: 'USD' },
  } satisfies MdfBudget);
  put('mdfAllocations', {
    ...base('alloc-a'),
    budgetId: 'budget-1',
    partnerId: PARTNER_A,
    period: { start: '2026-01-01', end: '2026-12-31' },
    amount: { amount: 1_000_000, currency: 'USD' },
    committed: { amount: 0, currency: 'USD' },
    remaining: { amount: 1_000_000, currency: 'USD' },
  } satisfies MdfAllocation);

  const all = <T>(resource: ResourceName) => [...table(resource).values()] as unknown as T[];
  const partnerOf = (id: string | null) =>
    id === null ? undefined : (table('partners').get(id) as Partner | undefined);

  function scopeOf(resource: ResourceName, record: AnyRecord): RecordScope {
    const partnerId =
      resource === 'partners'
        ? record.id
        : ((record.partnerId as string | null | undefined) ?? null);
    return {
      partnerId,
      ownerId: ownerOf(resource, record),
      channelManagerId: partnerOf(partnerId)?.channelManagerId ?? null,
    };
  }

  function visible(viewer: Viewer, resource: ResourceName, record: AnyRecord): boolean {
    if (has('leaks-other-partners')) return true;
    return can(viewer, `${resource}.read` as Action, scopeOf(resource, record));
  }

  /** The record as this viewer may see it. */
  function view<T>(viewer: Viewer, resource: ResourceName, record: AnyRecord): T {
    const copy: AnyRecord = structuredClone(record);
    if (isPartnerRole(viewer.role) && !has('leaks-work-notes')) {
      delete copy.workNotes;
      delete copy.conflicts;
    }
    if (has('float-money') && resource === 'deals')
      (copy.estimatedValue as { amount: number }).amount += 0.5;
    return copy as T;
  }

  function emit(resource: ResourceName, record: AnyRecord, kind: ChangeEvent['kind']) {
    const event: ChangeEvent = {
      resource,
      id: record.id,
      kind,
      partnerId: scopeOf(resource, record).partnerId,
      at: record.updatedAt,
    };
    queueMicrotask(() => listeners.forEach((listener) => listener(event)));
  }

  function log(
    viewer: Viewer,
    resource: ResourceName,
    record: AnyRecord,
    action: Activity['action'],
    summary: string,
    from?: string,
    to?: string,
  ) {
    const at = now();
    const entry: Activity = {
      id: `act-${++sequence}`,
      at,
      actorId: viewer.userId,
      actorName: viewer.name,
      partnerId: scopeOf(resource, record).partnerId,
      resource,
      recordId: record.id,
      action,
      summary,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    };
    put('activities', entry);
  }

  function find(viewer: Viewer, resource: ResourceName, id: string): AnyRecord {
    const record = table(resource).get(id);
    if (!record || !visible(viewer, resource, record))
      throw new PrmError('not_found', `No ${resource} record ${id}.`);
    return record;
  }

  function list<T>(viewer: Viewer, resource: ResourceName, rawQuery: unknown): Page<T> {
    const query = parse(listQueries[resource], rawQuery ?? {}) as {
      filter?: Record<string, unknown>;
      search?: string;
      sort?: string;
      cursor?: string;
      limit?: number;
    };
    if (listScope(viewer, resource) === 'none' && !has('leaks-other-partners'))
      throw new PrmError('forbidden', `You may not list ${resource}.`);
    const search = query.search?.toLowerCase();
    let items = [...table(resource).values()].filter(
      (record) =>
        visible(viewer, resource, record) &&
        matchesFilter(record, query.filter ?? {}) &&
        (!search ||
          (SEARCHED[resource]?.(record) ?? []).some((text) => text.toLowerCase().includes(search))),
    );
    const sort = query.sort ?? '-createdAt';
    const field = sort.replace(/^-/, '');
    const direction = sort.startsWith('-') ? -1 : 1;
    const key = (record: AnyRecord) => {
      const value = record[field] ?? (field === 'createdAt' ? record.at : undefined);
      return typeof value === 'object' && value !== null && 'amount' in value
        ? (value as { amount: number }).amount
        : (value as string | number);
    };
    items = items.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order =
        typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
      return direction * order || a.id.localeCompare(b.id);
    });
    const offset = query.cursor ? Number(atob(query.cursor)) : 0;
    const limit = query.limit ?? 25;
    const pageItems = items.slice(offset, offset + limit);
    const more = offset + limit < items.length;
    const nextCursor = has('endless-cursor')
      ? btoa('0')
      : more
        ? btoa(String(offset + limit))
        : null;
    return {
      items: pageItems.map((record) => view<T>(viewer, resource, record)),
      nextCursor,
      total: items.length,
    };
  }

  function matchesFilter(record: AnyRecord, filter: Record<string, unknown>): boolean {
    return Object.entries(filter).every(([name, wanted]) => {
      if (wanted === undefined) return true;
      switch (name) {
        case 'unassigned':
          return (record.assigneeId === null) === wanted;
        case 'createdFrom':
          return record.createdAt.slice(0, 10) >= (wanted as string);
        case 'createdTo':
          return record.createdAt.slice(0, 10) <= (wanted as string);
        case 'segmentId':
          return (record.segmentIds as string[]).includes(wanted as string);
        case 'breached':
          return true;
        case 'expiringWithinDays':
          return true;
      }
      const value = record[name];
      return Array.isArray(wanted) ? wanted.includes(value) : value === wanted;
    });
  }

  /** Creates once per idempotency key, so a replay returns the first record. */
  function create<T>(
    viewer: Viewer,
    resource: ResourceName,
    key: string,
    build: () => AnyRecord,
    action: Action = `${resource}.create` as Action,
  ): T {
    const slot = `${viewer.userId}:${resource}:${key}`;
    const existing = has('replays-create') ? undefined : idempotency.get(slot);
    if (existing) return view<T>(viewer, resource, find(viewer, resource, existing));
    const record = build();
    assertCan(viewer, action, scopeOf(resource, record));
    put(resource, record);
    idempotency.set(slot, record.id);
    log(viewer, resource, record, 'created', `${viewer.name} created ${resource} ${record.id}`);
    emit(resource, record, 'created');
    return view<T>(viewer, resource, record);
  }

  function newRecord(resource: ResourceName, fields: object): AnyRecord {
    const at = now();
    const id = `${resource}-${++sequence}`;
    const prefix = PREFIX[resource];
    const number = prefix ? { number: `${prefix}-${String(sequence).padStart(6, '0')}` } : {};
    return { id, createdAt: at, updatedAt: at, version: 1, ...number, ...fields };
  }

  /** A versioned change of one record. */
  function write<T>(
    viewer: Viewer,
    resource: ResourceName,
    id: string,
    version: number,
    action: Action,
    change: (record: AnyRecord, at: string) => void,
    activity: Activity['action'] = 'updated',
  ): T {
    const current = find(viewer, resource, id);
    assertCan(viewer, action, scopeOf(resource, current));
    if (current.version !== version && !has('ignores-versions')) {
      throw new PrmError(
        'version_conflict',
        'Someone else changed this record. Reload it and try again.',
        { currentVersion: current.version },
      );
    }
    const next = structuredClone(current);
    const at = now();
    const before = next.status as string | undefined;
    change(next, at);
    next.version = current.version + 1;
    next.updatedAt = at;
    put(resource, next);
    log(
      viewer,
      resource,
      next,
      activity,
      `${viewer.name} changed ${resource} ${id}`,
      activity === 'transitioned' ? before : undefined,
      activity === 'transitioned' ? (next.status as string) : undefined,
    );
    emit(resource, next, 'updated');
    return view<T>(viewer, resource, next);
  }

  function transition<T>(
    viewer: Viewer,
    resource: StatefulResource,
    id: string,
    to: string,
    options: TransitionOptions,
    effect?: (record: AnyRecord, at: string) => void,
  ): T {
    const field = resource === 'opportunities' ? 'stage' : 'status';
    return write<T>(
      viewer,
      resource,
      id,
      options.version,
      `${resource}.transition` as Action,
      (record, at) => {
        const from = record[field] as string;
        if (!has('allows-any-transition')) {
          assertTransition(resource, from as never, to as never, {
            role: viewer.role,
            reason: options.reason,
            message: options.message,
          });
        }
        record[field] = to;
        effect?.(record, at);
        if (Array.isArray(record.history)) {
          const change: StatusChange = {
            from,
            to,
            by: viewer.userId,
            byName: viewer.name,
            at,
            ...(options.reason ? { reason: options.reason } : {}),
            ...(options.message ? { message: options.message } : {}),
          };
          (record.history as StatusChange[]).push(change);
        }
      },
      'transitioned',
    );
  }

  function validated<S extends Parameters<typeof parse>[0]>(schema: S, input: unknown) {
    try {
      return parse(schema, input);
    } catch (error) {
      if (has('errors-without-fields') && error instanceof PrmError)
        throw new PrmError('validation', error.message);
      throw error;
    }
  }

  function comment(
    viewer: Viewer,
    resource: 'deals' | 'cases',
    id: string,
    raw: unknown,
    version: number,
  ) {
    const input = validated(CommentInput, raw);
    if (input.internal)
      assertCan(viewer, `${resource}.workNotes`, scopeOf(resource, find(viewer, resource, id)));
    return write(
      viewer,
      resource,
      id,
      version,
      `${resource}.comment` as Action,
      (record, at) => {
        const entry: Comment = {
          id: `c-${++sequence}`,
          authorId: viewer.userId,
          authorName: viewer.name,
          body: input.body,
          createdAt: at,
        };
        const list = input.internal ? 'workNotes' : 'comments';
        record[list] = [...((record[list] as Comment[] | undefined) ?? []), entry];
        if (
          resource === 'cases' &&
          !input.internal &&
          !isPartnerRole(viewer.role) &&
          record.firstRespondedAt === null
        )
          record.firstRespondedAt = at;
      },
      'commented',
    );
  }

  function program(id: string): Program {
    const record = table('programs').get(id) as Program | undefined;
    if (!record)
      throw new PrmError('validation', 'Choose a program that exists.', {
        fields: [{ path: 'programId', message: 'Choose a program that exists.' }],
      });
    return record;
  }

  function ownPartner(viewer: Viewer, requested: string | undefined): string {
    const partnerId = viewer.partnerId ?? requested;
    if (!partnerId)
      throw new PrmError('validation', 'Choose a partner.', {
        fields: [{ path: 'partnerId', message: 'Choose a partner.' }],
      });
    return partnerId;
  }

  function tierDiscounts(partnerId: string) {
    const membership = all<ProgramMembership>('memberships').find(
      (m) => m.partnerId === partnerId && m.status === 'active',
    );
    const tier =
      membership && program(membership.programId).tiers.find((t) => t.key === membership.tierKey);
    return tier?.benefits ?? { discountBps: 0, dealRegistrationDiscountBps: 0 };
  }

  function priced(partnerId: string, input: { lines: QuoteInput['lines']; currency: string }) {
    const benefits = tierDiscounts(partnerId);
    return priceQuote({
      lines: input.lines,
      products: all<Product>('products'),
      tierDiscountBps: benefits.discountBps,
      currency: input.currency,
    });
  }

  function allocationView(record: AnyRecord): AnyRecord {
    const allocation = record as unknown as MdfAllocation;
    const remaining = mdfRemaining(allocation, all<MdfRequest>('mdfRequests'));
    return {
      ...record,
      remaining,
      committed: {
        amount: allocation.amount.amount - remaining.amount,
        currency: remaining.currency,
      },
    };
  }

  function adapterFor(viewer: Viewer): PrmAdapter {
    const read = <T>(resource: ResourceName) => ({
      list: async (query?: unknown, _o?: RequestOptions) => list<T>(viewer, resource, query),
      get: async (id: string, _o?: RequestOptions) =>
        view<T>(viewer, resource, find(viewer, resource, id)),
    });
    const move = <T>(
      resource: StatefulResource,
      effect?: (record: AnyRecord, at: string, to: string, options: TransitionOptions) => void,
    ) => ({
      transition: async (id: string, to: string, options: TransitionOptions) =>
        transition<T>(
          viewer,
          resource,
          id,
          to,
          options,
          effect && ((record, at) => effect(record, at, to, options)),
        ),
    });

    const adapter: PrmAdapter = {
      capabilities: {
        resources: [
          ...new Set([
            ...tables.keys(),
            'programs',
            'memberships',
            'segments',
            'deals',
            'opportunities',
            'quotes',
            'orders',
            'cases',
            'leads',
            'mdfRequests',
            'mdfClaims',
            'activities',
          ] as ResourceName[]),
        ],
        live: true,
        metrics: true,
      },
      session: async () => viewer,
      partners: {
        ...read<Partner>('partners'),
        ...move<Partner>('partners'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(PartnerApplication, raw);
          return create(viewer, 'partners', idempotencyKey, () =>
            newRecord('partners', {
              name: input.name,
              website: input.website,
              country: input.country,
              region: input.region,
              status: 'prospect',
              tier: 'registered',
              specializations: input.specializations ?? [],
              segmentIds: [],
              channelManagerId: null,
              onboarding: [],
              certifications: 0,
              contacts: [
                {
                  id: `contact-${++sequence}`,
                  userId: null,
                  role: 'partner_admin',
                  primary: true,
                  ...input.contact,
                },
              ],
            }),
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(PartnerPatch, raw);
          assertCanPatchPartner(viewer, patch, scopeOf('partners', find(viewer, 'partners', id)));
          return write(viewer, 'partners', id, version, 'partners.update', (record) =>
            Object.assign(record, patch),
          );
        },
      },
      users: read<User>('users'),
      programs: {
        ...read<Program>('programs'),
        ...move<Program>('programs'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(ProgramInput, raw);
          return create(
            viewer,
            'programs',
            idempotencyKey,
            () => newRecord('programs', { ...input, status: 'draft' }),
            'programs.manage',
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(ProgramPatch, raw);
          return write(viewer, 'programs', id, version, 'programs.manage', (record) =>
            Object.assign(record, patch),
          );
        },
        eligibility: async (partnerId) => {
          const partner = find(
            viewer,
            'partners',
            ownPartner(viewer, partnerId),
          ) as unknown as Partner;
          const memberships = all<ProgramMembership>('memberships');
          return all<Program>('programs').map((p) => ({
            programId: p.id,
            ...programEligibility(partner, p, { memberships }),
          }));
        },
      },
      memberships: {
        ...read<ProgramMembership>('memberships'),
        ...move<ProgramMembership>('memberships', (record, at, to) => {
          if (to === 'active' && record.startedAt === null) record.startedAt = at;
        }),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(MembershipApplication, raw);
          const partnerId = ownPartner(viewer, input.partnerId);
          const chosen = program(input.programId);
          if (input.acceptedTermsVersion !== chosen.termsVersion) {
            const message = `Accept the current terms (version ${chosen.termsVersion}).`;
            throw new PrmError('validation', message, {
              fields: [{ path: 'acceptedTermsVersion', message }],
            });
          }
          return create(
            viewer,
            'memberships',
            idempotencyKey,
            () =>
              newRecord('memberships', {
                partnerId,
                programId: chosen.id,
                tierKey: input.tierKey ?? chosen.tiers[0]?.key,
                status: 'applied',
                startedAt: null,
                renewsAt: null,
                acceptedTerms: { version: chosen.termsVersion, by: viewer.userId, at: now() },
                entitlements: [],
                history: [],
              }),
            'memberships.apply',
          );
        },
      },
      segments: {
        ...read<Segment>('segments'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(SegmentInput, raw);
          return create(
            viewer,
            'segments',
            idempotencyKey,
            () => newRecord('segments', input),
            'segments.manage',
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(SegmentPatch, raw);
          return write(viewer, 'segments', id, version, 'segments.manage', (record) =>
            Object.assign(record, patch),
          );
        },
        remove: async (id, { version }) => {
          write(viewer, 'segments', id, version, 'segments.manage', () => undefined, 'deleted');
          table('segments').delete(id);
        },
      },
      deals: {
        ...read<DealRegistration>('deals'),
        transition: async (id, to, options) => {
          const decided = to === 'approved' || to === 'rejected' || to === 'returned';
          return transition(viewer, 'deals', id, to, options, (record, at) => {
            const deal = record as unknown as DealRegistration;
            const rules = program(deal.programId).dealRegistration;
            if (to === 'submitted') {
              deal.submittedAt = at;
              deal.approvalDueAt = approvalDueAt(at, rules);
              deal.conflicts = findDealConflicts(deal, all<DealRegistration>('deals'), {
                partnerId: deal.partnerId,
                excludeId: deal.id,
              });
            }
            if (decided) {
              assertCan(viewer, 'deals.review', scopeOf('deals', record));
              deal.decision = {
                outcome: to,
                by: viewer.userId,
                byName: viewer.name,
                at,
                ...(options.reason ? { reason: options.reason } : {}),
                ...(options.message ? { message: options.message } : {}),
              };
            }
            if (to === 'approved') deal.protection = protectionWindow(at, rules);
            if (to === 'converted') {
              assertCan(viewer, 'deals.convert', scopeOf('deals', record));
              const opportunity = newRecord('opportunities', {
                name: deal.customer.company,
                partnerId: deal.partnerId,
                customer: deal.customer,
                stage: 'qualification',
                amount: deal.estimatedValue,
                closeDate: deal.expectedCloseDate,
                ownerId: null,
                dealRegistrationId: deal.id,
                leadId: null,
                history: [],
              });
              put('opportunities', opportunity);
              deal.opportunityId = opportunity.id;
            }
          });
        },
        create: async (raw, { idempotencyKey }) => {
          const { comments, ...input } = validated(DealRegistrationInput, raw);
          const chosen = program(input.programId);
          const partnerId = ownPartner(viewer, undefined);
          const opening: Comment[] = comments
            ? [
                {
                  id: `c-${++sequence}`,
                  authorId: viewer.userId,
                  authorName: viewer.name,
                  body: comments,
                  createdAt: now(),
                },
              ]
            : [];
          return create(viewer, 'deals', idempotencyKey, () =>
            newRecord('deals', {
              ...input,
              partnerId,
              submittedBy: viewer.userId,
              programId: chosen.id,
              status: 'draft',
              submittedAt: null,
              approvalDueAt: null,
              decision: null,
              protection: null,
              extension: null,
              conflicts: [],
              opportunityId: null,
              comments: opening,
              workNotes: [],
              history: [],
            }),
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(DealRegistrationPatch, raw);
          return write(viewer, 'deals', id, version, 'deals.update', (record, at) => {
            const deal = record as unknown as DealRegistration;
            const effect = dealEditEffect(deal, patch);
            Object.assign(deal, patch);
            if (effect === 'review') {
              assertTransition('deals', 'approved', 'under_review');
              deal.status = 'under_review';
              deal.protection = null;
              deal.history.push({
                from: 'approved',
                to: 'under_review',
                by: viewer.userId,
                at,
                reason: 'material_change',
              });
            }
          });
        },
        checkConflicts: async (raw) => {
          const matches = findDealConflicts(raw, all<DealRegistration>('deals'), {
            partnerId: viewer.partnerId ?? '',
            ...(raw.excludeId ? { excludeId: raw.excludeId } : {}),
          });
          return summarizeConflicts(matches, { reveal: !isPartnerRole(viewer.role) });
        },
        requestExtension: async (id, reason, { version }) =>
          write(viewer, 'deals', id, version, 'deals.extend', (record, at) => {
            const deal = record as unknown as DealRegistration;
            const verdict = extensionEligibility(
              deal,
              program(deal.programId).dealRegistration,
              at,
            );
            if (!verdict.eligible)
              throw new PrmError(
                'invalid_transition',
                `No extension possible: ${verdict.reason ?? ''}.`,
              );
            deal.extension = {
              requestedAt: at,
              requestedBy: viewer.userId,
              reason,
              status: 'requested',
            };
          }),
        decideExtension: async (id, grant, { version }) =>
          write(viewer, 'deals', id, version, 'deals.decideExtension', (record, at) => {
            const deal = record as unknown as DealRegistration;
            if (deal.extension?.status !== 'requested' || !deal.protection)
              throw new PrmError('invalid_transition', 'No extension was requested.');
            if (grant)
              deal.protection = extendProtection(
                deal.protection,
                program(deal.programId).dealRegistration,
              );
            deal.extension = {
              ...deal.extension,
              status: grant ? 'granted' : 'denied',
              decidedAt: at,
              decidedBy: viewer.userId,
            };
          }),
        comment: async (id, raw, { version }) =>
          comment(viewer, 'deals', id, raw, version) as DealRegistration,
      },
      opportunities: {
        ...read<Opportunity>('opportunities'),
        ...move<Opportunity>('opportunities'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(OpportunityInput, raw);
          const partnerId = ownPartner(viewer, input.partnerId);
          return create(viewer, 'opportunities', idempotencyKey, () =>
            newRecord('opportunities', {
              ...input,
              partnerId,
              stage: 'prospecting',
              ownerId: viewer.userId,
              dealRegistrationId: null,
              leadId: null,
              history: [],
            }),
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(OpportunityPatch, raw);
          return write(viewer, 'opportunities', id, version, 'opportunities.update', (record) =>
            Object.assign(record, patch),
          );
        },
      },
      products: read<Product>('products'),
      quotes: {
        ...read<Quote>('quotes'),
        ...move<Quote>('quotes'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(QuoteInput, raw);
          const partnerId = ownPartner(viewer, input.partnerId);
          const { lines, totals } = priced(partnerId, input);
          return create(viewer, 'quotes', idempotencyKey, () =>
            newRecord('quotes', {
              partnerId,
              opportunityId: input.opportunityId ?? null,
              dealRegistrationId: input.dealRegistrationId ?? null,
              currency: input.currency,
              lines,
              totals,
              status: 'draft',
              validUntil: input.validUntil,
              history: [],
            }),
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(QuotePatch, raw);
          return write(viewer, 'quotes', id, version, 'quotes.update', (record) => {
            const quote = record as unknown as Quote;
            if (patch.validUntil) quote.validUntil = patch.validUntil;
            if (patch.lines)
              Object.assign(
                quote,
                priced(quote.partnerId, { lines: patch.lines, currency: quote.currency }),
              );
          });
        },
      },
      orders: {
        ...read<Order>('orders'),
        ...move<Order>('orders'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(OrderInput, raw);
          const quote = find(viewer, 'quotes', input.quoteId) as unknown as Quote;
          if (quote.status !== 'accepted')
            throw new PrmError('invalid_transition', 'Only an accepted quote can be ordered.');
          return create(viewer, 'orders', idempotencyKey, () =>
            newRecord('orders', {
              partnerId: quote.partnerId,
              quoteId: quote.id,
              ...(input.purchaseOrderNumber
                ? { purchaseOrderNumber: input.purchaseOrderNumber }
                : {}),
              lines: quote.lines,
              total: quote.totals.net,
              status: 'submitted',
              submittedAt: now(),
              history: [],
            }),
          );
        },
      },
      cases: {
        ...read<Case>('cases'),
        ...move<Case>('cases', (record, at, to) => {
          if (to === 'resolved') record.resolvedAt = at;
        }),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(CaseInput, raw);
          const partnerId = ownPartner(viewer, input.partnerId);
          const at = now();
          return create(viewer, 'cases', idempotencyKey, () =>
            newRecord('cases', {
              partnerId,
              raisedBy: viewer.userId,
              subject: input.subject,
              description: input.description,
              category: input.category,
              priority: input.priority,
              status: 'new',
              assigneeId: null,
              related: input.related ?? null,
              ...caseDueTimes(at, input.priority),
              firstRespondedAt: null,
              resolvedAt: null,
              comments: [],
              workNotes: [],
              history: [],
            }),
          );
        },
        update: async (id, raw, { version }) => {
          const patch = validated(CasePatch, raw);
          return write(viewer, 'cases', id, version, 'cases.update', (record) =>
            Object.assign(record, patch),
          );
        },
        assign: async (id, assigneeId, { version }) =>
          write(
            viewer,
            'cases',
            id,
            version,
            'cases.assign',
            (record) => {
              record.assigneeId = assigneeId;
            },
            'assigned',
          ),
        comment: async (id, raw, { version }) => comment(viewer, 'cases', id, raw, version) as Case,
      },
      leads: {
        ...read<Lead>('leads'),
        ...move<Lead>('leads', (record, at, to, options) => {
          const lead = record as unknown as Lead;
          if (to === 'declined' && lead.partnerId) {
            const reason = options.reason as Lead['declinedBy'][number]['reason'];
            lead.declinedBy.push({ partnerId: lead.partnerId, reason, at });
          }
          if (to === 'accepted' && lead.partnerId) {
            const opportunity = newRecord('opportunities', {
              name: lead.customer.company,
              partnerId: lead.partnerId,
              customer: lead.customer,
              stage: 'prospecting',
              amount: lead.estimatedValue ?? { amount: 0, currency: 'USD' },
              closeDate: at.slice(0, 10),
              ownerId: viewer.userId,
              dealRegistrationId: null,
              leadId: lead.id,
              history: [],
            });
            put('opportunities', opportunity);
            lead.opportunityId = opportunity.id;
          }
        }),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(LeadInput, raw);
          const partnerId = input.partnerId ?? null;
          return create(viewer, 'leads', idempotencyKey, () =>
            newRecord('leads', {
              customer: input.customer,
              interest: input.interest,
              productIds: input.productIds ?? [],
              estimatedValue: input.estimatedValue ?? null,
              status: partnerId ? 'assigned' : 'unassigned',
              partnerId,
              assignedAt: partnerId ? now() : null,
              declinedBy: [],
              opportunityId: null,
              history: [],
            }),
          );
        },
      },
      mdfBudgets: read<MdfBudget>('mdfBudgets'),
      mdfAllocations: {
        list: async (query) => {
          const page = list<AnyRecord>(viewer, 'mdfAllocations', query);
          return { ...page, items: page.items.map(allocationView) as unknown as MdfAllocation[] };
        },
        get: async (id) =>
          allocationView(
            view(viewer, 'mdfAllocations', find(viewer, 'mdfAllocations', id)),
          ) as unknown as MdfAllocation,
      },
      mdfRequests: {
        ...read<MdfRequest>('mdfRequests'),
        ...move<MdfRequest>('mdfRequests', (record, _at, to) => {
          const request = record as unknown as MdfRequest;
          const allocation = table('mdfAllocations').get(
            request.allocationId,
          ) as unknown as MdfAllocation;
          if (to === 'approved')
            checkFundRequest(allocation, all<MdfRequest>('mdfRequests'), request.amount, {
              excludeId: request.id,
            });
        }),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(MdfRequestInput, raw);
          const allocation = find(
            viewer,
            'mdfAllocations',
            input.allocationId,
          ) as unknown as MdfAllocation;
          checkFundRequest(allocation, all<MdfRequest>('mdfRequests'), input.amount);
          return create(viewer, 'mdfRequests', idempotencyKey, () =>
            newRecord('mdfRequests', {
              ...input,
              partnerId: allocation.partnerId,
              status: 'draft',
              history: [],
            }),
          );
        },
      },
      mdfClaims: {
        ...read<MdfClaim>('mdfClaims'),
        ...move<MdfClaim>('mdfClaims'),
        create: async (raw, { idempotencyKey }) => {
          const input = validated(MdfClaimInput, raw);
          const request = find(viewer, 'mdfRequests', input.requestId) as unknown as MdfRequest;
          checkClaim(request, all<MdfClaim>('mdfClaims'), input.amount);
          return create(viewer, 'mdfClaims', idempotencyKey, () =>
            newRecord('mdfClaims', {
              ...input,
              partnerId: request.partnerId,
              status: 'submitted',
              history: [],
            }),
          );
        },
      },
      activities: read<Activity>('activities'),
      metrics: {
        partner: async (partnerId) => {
          const partner = find(
            viewer,
            'partners',
            ownPartner(viewer, partnerId),
          ) as unknown as Partner;
          return partnerMetrics({
            partner,
            programs: all('programs'),
            memberships: all('memberships'),
            deals: all('deals'),
            opportunities: all('opportunities'),
            cases: all('cases'),
            currency: 'USD',
            now: now(),
          });
        },
        enterprise: async () => {
          assertCan(viewer, 'partners.read');
          const seen = <T>(resource: ResourceName) =>
            [...table(resource).values()].filter((r) =>
              visible(viewer, resource, r),
            ) as unknown as T[];
          return enterpriseMetrics({
            partners: seen<Partner>('partners'),
            deals: seen<DealRegistration>('deals'),
            cases: seen<Case>('cases'),
            activities: seen<Activity>('activities'),
            memberships: seen<ProgramMembership>('memberships'),
            segments: all<Segment>('segments'),
            programs: all<Program>('programs'),
            now: now(),
          });
        },
      },
      subscribe(listener) {
        const filtered = (event: ChangeEvent) => {
          const record = table(event.resource).get(event.id);
          if (record && visible(viewer, event.resource, record)) listener(event);
        };
        listeners.add(filtered);
        return () => listeners.delete(filtered);
      },
    };
    return adapter;
  }

  return {
    /** An adapter signed in as one of the conformance actors. */
    as(actor: ConformanceActor): PrmAdapter {
      const user = USERS[actor];
      return adapterFor({
        userId: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        partnerId: user.partnerId,
      });
    },
  };
}
