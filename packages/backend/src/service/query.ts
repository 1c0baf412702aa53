import { PrmError, listQueries, parse, type ListScope, type ResourceName } from '@prm-kit/core';
import type { Condition, StoreQuery } from '../store/store.js';

/** What a list query of `resource` becomes: store conditions, and a rule-based post-filter. */
export interface PlannedQuery {
  store: StoreQuery;
  /** Set when a filter needs a core rule the store cannot express (paging then happens here). */
  refine?: (record: Record<string, unknown>) => boolean;
  offset: number;
  limit: number;
}

/** The field that names a record's owner, for associates' "own records only". */
export const OWNER_FIELD: Partial<Record<ResourceName, string>> = {
  deals: 'submittedBy',
  cases: 'raisedBy',
};

const SEARCH_FIELDS: Partial<Record<ResourceName, readonly string[]>> = {
  partners: ['name', 'country'],
  users: ['name', 'email'],
  programs: ['name', 'description'],
  segments: ['name'],
  deals: ['number', 'customer.company', 'customer.domain'],
  opportunities: ['name', 'customer.company'],
  products: ['name', 'sku', 'family'],
  quotes: ['number'],
  orders: ['number', 'purchaseOrderNumber'],
  cases: ['number', 'subject'],
  leads: ['number', 'customer.company', 'interest'],
  mdfBudgets: ['name'],
  mdfRequests: ['number', 'activity.name'],
  mdfClaims: ['number'],
  activities: ['summary', 'actorName'],
};

/** Sort keys that name a money field sort by its amount. */
const SORT_FIELDS: Record<string, string> = {
  estimatedValue: 'estimatedValue.amount',
  amount: 'amount.amount',
  listPrice: 'listPrice.amount',
};

const CURSOR = /^o(\d{1,9})$/;

export const encodeCursor = (offset: number): string => `o${offset}`;

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = CURSOR.exec(cursor);
  if (!match?.[1]) {
    const message = 'This page link is no longer valid. Start again from the first page.';
    throw new PrmError('validation', message, { fields: [{ path: 'cursor', message }] });
  }
  return Number(match[1]);
}

/**
 * Turns a raw list query into store conditions: the viewer's scope first (tenant isolation
 * never depends on the caller's filter), then the filter, search, sort and page.
 */
export function planListQuery(
  resource: ResourceName,
  raw: unknown,
  scope: Condition[],
  now: string,
  isBreached: (record: Record<string, unknown>) => boolean,
): PlannedQuery {
  const query = parse(listQueries[resource], raw ?? {}) as {
    filter?: Record<string, string | number | boolean | string[]>;
    search?: string;
    sort?: string;
    cursor?: string;
    limit?: number;
  };
  const where: Condition[] = [...scope];
  let refine: PlannedQuery['refine'];
  for (const [name, value] of Object.entries(query.filter ?? {})) {
    if (value === undefined) continue;
    switch (name) {
      case 'createdFrom':
        where.push({ field: 'createdAt', op: 'gte', value: value as string });
        break;
      case 'createdTo':
        where.push({ field: 'createdAt', op: 'lte', value: `${value as string}T23:59:59.999Z` });
        break;
      case 'unassigned':
        where.push({ field: 'assigneeId', op: value ? 'eq' : 'ne', value: null });
        break;
      case 'segmentId':
        where.push({ field: 'segmentIds', op: 'includes', value: value as string });
        break;
      case 'expiringWithinDays': {
        const until = new Date(Date.parse(now) + Number(value) * 86_400_000).toISOString();
        where.push({ field: 'status', op: 'eq', value: 'approved' });
        where.push({ field: 'protection.endsAt', op: 'lte', value: until });
        break;
      }
      case 'breached':
        // Every breach is past the first-response due time; the SLA rule decides the rest.
        where.push({
          field: 'status',
          op: 'in',
          values: ['new', 'in_progress', 'awaiting_partner'],
        });
        if (value) where.push({ field: 'firstResponseDueAt', op: 'lt', value: now });
        refine = (record) => isBreached(record) === value;
        break;
      default:
        where.push(
          Array.isArray(value)
            ? { field: name, op: 'in', values: value }
            : { field: name, op: 'eq', value: value },
        );
    }
  }
  const defaultSort = resource === 'activities' ? '-at' : '-createdAt';
  const sort = query.sort ?? defaultSort;
  const field = sort.replace(/^-/, '');
  const store: StoreQuery = {
    where,
    sort: { field: SORT_FIELDS[field] ?? field, direction: sort.startsWith('-') ? 'desc' : 'asc' },
  };
  const fields = SEARCH_FIELDS[resource];
  if (query.search && fields) store.search = { fields, text: query.search };
  return {
    store,
    ...(refine ? { refine } : {}),
    offset: decodeCursor(query.cursor),
    limit: query.limit ?? 25,
  };
}

/** The store conditions that implement a viewer's `ListScope` on one resource. */
export function scopeConditions(resource: ResourceName, scope: ListScope): Condition[] | 'none' {
  if (scope === 'all') return [];
  if (scope === 'none') return 'none';
  const partnerField = resource === 'partners' ? 'id' : 'partnerId';
  if ('partnerId' in scope) {
    const conditions: Condition[] = [{ field: partnerField, op: 'eq', value: scope.partnerId }];
    const owner = OWNER_FIELD[resource];
    if (scope.ownerId !== undefined && owner) {
      conditions.push({ field: owner, op: 'eq', value: scope.ownerId });
    }
    return conditions;
  }
  // The partners this channel manager looks after, as a subquery: no id list in between.
  const partners: Condition = {
    field: partnerField,
    op: 'in',
    query: {
      resource: 'partners',
      where: [{ field: 'channelManagerId', op: 'eq', value: scope.channelManagerId }],
    },
  };
  return scope.includeWithoutPartner
    ? [{ any: [partners, { field: partnerField, op: 'eq', value: null }] }]
    : [partners];
}
