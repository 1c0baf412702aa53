import {
  PrmError,
  enterpriseMetrics,
  partnerMetrics,
  type Activity,
  type ListQueries,
  type MetricsApi,
  type ReadApi,
  type ResourceName,
} from '@prm-kit/core';
import { partnerFor } from './programs.js';
import { readable, type Run } from './run.js';
import type { Session } from './session.js';

export const activitiesApi = (run: Run): ReadApi<Activity, ListQueries['activities']> =>
  readable<Activity>(run, 'activities');

/** Records of a resource the viewer may see, optionally of one partner. */
function seen<T>(s: Session, resource: ResourceName, partnerId?: string): T[] {
  const where =
    partnerId === undefined ? [] : [{ field: 'partnerId', op: 'eq' as const, value: partnerId }];
  return s.all<T & { id: string }>(resource, where).filter((record) => s.visible(resource, record));
}

export const metricsApi = (run: Run): MetricsApi => ({
  partner: (partnerId) =>
    run((s) => {
      const partner = partnerFor(s, partnerId);
      return partnerMetrics({
        partner,
        programs: s.all('programs'),
        memberships: seen(s, 'memberships', partner.id),
        deals: seen(s, 'deals', partner.id),
        opportunities: s.can('opportunities.read') ? seen(s, 'opportunities', partner.id) : [],
        cases: seen(s, 'cases', partner.id),
        currency: partner.annualRevenue?.currency ?? 'USD',
        now: s.now,
      });
    }),
  enterprise: () =>
    run((s) => {
      if (s.isPartner)
        throw new PrmError('forbidden', 'Enterprise figures are for the enterprise team.');
      return enterpriseMetrics({
        partners: seen(s, 'partners'),
        deals: s.can('deals.read') ? seen(s, 'deals') : [],
        cases: s.can('cases.read') ? seen(s, 'cases') : [],
        activities: s.can('activities.read') ? seen(s, 'activities') : [],
        memberships: seen(s, 'memberships'),
        segments: s.all('segments'),
        programs: s.all('programs'),
        now: s.now,
      });
    }),
});
