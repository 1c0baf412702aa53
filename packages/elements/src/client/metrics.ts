/**
 * Dashboard figures for adapters that do not serve `metrics` (`capabilities.metrics` is
 * false): the client reads every list the figures need and runs the same core functions the
 * reference backend runs, so a dashboard shows the same numbers either way.
 */
import {
  MAX_PAGE_SIZE,
  PrmError,
  can,
  enterpriseMetrics,
  partnerMetrics,
  type Action,
  type EnterpriseMetrics,
  type Page,
  type PartnerMetrics,
  type PrmAdapter,
  type RequestOptions,
  type Viewer,
} from '@prm-kit/core';

interface Lister<T, Q> {
  list(query: Q, options?: RequestOptions): Promise<Page<T>>;
}

/** Every page of a list, in order. */
async function listAll<T, Q extends { filter?: object; cursor?: string; limit?: number }>(
  api: Lister<T, Q>,
  query: Q,
  signal: AbortSignal,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.list({ ...query, limit: MAX_PAGE_SIZE, cursor }, { signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/**
 * A list the viewer may not read counts as empty, as the backend counts it: a partner
 * manager's dashboard has no opportunities section rather than an error.
 */
function readable<T>(viewer: Viewer, action: Action, read: () => Promise<T[]>): Promise<T[]> {
  return can(viewer, action) ? read() : Promise.resolve([]);
}

export async function computePartnerMetrics(
  adapter: PrmAdapter,
  requestedId: string | undefined,
  now: string,
  signal: AbortSignal,
): Promise<PartnerMetrics> {
  const viewer = await adapter.session({ signal });
  const partnerId = viewer.partnerId ?? requestedId;
  if (!partnerId) {
    const message = 'Choose the partner this is for.';
    throw new PrmError('validation', message, { fields: [{ path: 'partnerId', message }] });
  }
  const mine = { filter: { partnerId } };
  const [partner, programs, memberships, deals, opportunities, cases] = await Promise.all([
    adapter.partners.get(partnerId, { signal }),
    listAll(adapter.programs, {}, signal),
    listAll(adapter.memberships, mine, signal),
    readable(viewer, 'deals.read', () => listAll(adapter.deals, mine, signal)),
    readable(viewer, 'opportunities.read', () => listAll(adapter.opportunities, mine, signal)),
    readable(viewer, 'cases.read', () => listAll(adapter.cases, mine, signal)),
  ]);
  return partnerMetrics({
    partner,
    programs,
    memberships,
    deals,
    opportunities,
    cases,
    currency: partner.annualRevenue?.currency ?? 'USD',
    now,
  });
}

export async function computeEnterpriseMetrics(
  adapter: PrmAdapter,
  now: string,
  signal: AbortSignal,
): Promise<EnterpriseMetrics> {
  const viewer = await adapter.session({ signal });
  if (viewer.partnerId !== null) {
    throw new PrmError('forbidden', 'Enterprise figures are for the enterprise team.');
  }
  const [partners, deals, cases, activities, memberships, segments, programs] = await Promise.all([
    listAll(adapter.partners, {}, signal),
    readable(viewer, 'deals.read', () => listAll(adapter.deals, {}, signal)),
    readable(viewer, 'cases.read', () => listAll(adapter.cases, {}, signal)),
    readable(viewer, 'activities.read', () => listAll(adapter.activities, {}, signal)),
    listAll(adapter.memberships, {}, signal),
    listAll(adapter.segments, {}, signal),
    listAll(adapter.programs, {}, signal),
  ]);
  return enterpriseMetrics({
    partners,
    deals,
    cases,
    activities,
    memberships,
    segments,
    programs,
    now,
  });
}
