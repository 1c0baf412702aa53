import {
  PrmError,
  RESOURCES,
  isPrmError,
  assertTransition,
  dealsToExpire,
  type BusinessCalendar,
  type ChangeEvent,
  type DealRegistration,
  type PrmAdapter,
  type Quote,
  type Viewer,
} from '@prm-kit/core';
import type { Store, StoreWriter } from '../store/store.js';
import { casesApi } from './cases.js';
import { dealsApi } from './deals.js';
import { activitiesApi, metricsApi } from './insights.js';
import { leadsApi } from './leads.js';
import { mdfAllocationsApi, mdfBudgetsApi, mdfClaimsApi, mdfRequestsApi } from './mdf.js';
import { partnersApi, usersApi } from './partners.js';
import { membershipsApi, productsApi, programsApi, segmentsApi } from './programs.js';
import type { Run } from './run.js';
import { opportunitiesApi, ordersApi, quotesApi } from './sales.js';
import { SYSTEM_ACTOR, Session, describeRecord, type Stored } from './session.js';

export interface PrmServiceOptions {
  store: Store;
  /** The time every rule runs at; inject one to test expiry and SLAs. Default: the system clock. */
  clock?: () => Date;
  /** Business hours for approval and case due times. Default: Mon–Fri 09:00–17:00 UTC. */
  calendar?: BusinessCalendar;
}

/** The reference backend: the whole adapter contract, enforced, for any viewer. */
export interface PrmService {
  /** The contract as `viewer` may use it: every read scoped, every change checked. */
  for(viewer: Viewer): PrmAdapter;
  /** Every committed change, unfiltered; `for(viewer).subscribe` filters by what a viewer sees. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Moves what has run out at the current clock (protection windows, quotes) to expired. */
  sweep(): void;
}

const SYSTEM_VIEWER: Viewer = {
  userId: SYSTEM_ACTOR.userId,
  name: SYSTEM_ACTOR.name,
  email: 'system@prm-kit.invalid',
  role: 'enterprise_admin',
  partnerId: null,
};

export function createPrmService(options: PrmServiceOptions): PrmService {
  const { store, calendar } = options;
  const clock = options.clock ?? (() => new Date());
  const listeners = new Set<(event: ChangeEvent) => void>();
  let sweptAt = '';

  const emit = (changes: readonly ChangeEvent[]) => {
    if (changes.length === 0 || listeners.size === 0) return;
    queueMicrotask(() => {
      for (const change of changes) for (const listener of listeners) listener(change);
    });
  };

  /** Expiry is a rule of time: run it before anyone reads, once per clock second. */
  function expire(tx: StoreWriter, now: string): ChangeEvent[] {
    if (now.slice(0, 19) === sweptAt) return [];
    sweptAt = now.slice(0, 19);
    const s = new Session(SYSTEM_VIEWER, tx, now);
    const move = (
      resource: 'deals' | 'quotes' | 'memberships',
      record: Stored,
      from: string,
      to: 'expired',
    ) => {
      assertTransition(resource, from as never, to);
      const next = structuredClone(record);
      next.status = to;
      next.version += 1;
      next.updatedAt = now;
      s.recordHistory(next, from, to, SYSTEM_ACTOR);
      tx.put(resource, next);
      s.log(resource, next, 'transitioned', `expired ${describeRecord(resource, next)}`, {
        from,
        to,
      });
      s.changed(resource, next, 'updated');
    };
    const approved = s.all<DealRegistration & Stored>('deals', [
      { field: 'status', op: 'eq', value: 'approved' },
      { field: 'protection.endsAt', op: 'lt', value: now },
    ]);
    const expiring = new Set(dealsToExpire(approved, now));
    for (const deal of approved)
      if (expiring.has(deal.id)) move('deals', deal, 'approved', 'expired');
    const today = now.slice(0, 10);
    for (const quote of s.all<Quote & Stored>('quotes', [
      { field: 'status', op: 'eq', value: 'sent' },
      { field: 'validUntil', op: 'lt', value: today },
    ])) {
      move('quotes', quote, 'sent', 'expired');
    }
    for (const membership of s.all<Stored>('memberships', [
      { field: 'status', op: 'eq', value: 'active' },
      { field: 'renewsAt', op: 'lt', value: now },
    ])) {
      move('memberships', membership, 'active', 'expired');
    }
    return s.changes;
  }

  function runAs(viewer: Viewer): Run {
    return async (work) => {
      let changes: ChangeEvent[] = [];
      let result;
      try {
        result = store.transaction((tx) => {
          const now = clock().toISOString();
          const expired = expire(tx, now);
          const session = new Session(viewer, tx, now);
          const value = work(session);
          changes = [...expired, ...session.changes];
          return value;
        });
      } catch (error) {
        if (isPrmError(error)) throw error;
        // The contract promises a PrmError; the store's own failure stays as the cause.
        throw new PrmError('server', 'The PRM backend failed; nothing was changed. Try again.', {
          cause: error,
        });
      }
      emit(changes);
      return result;
    };
  }

  return {
    for(viewer) {
      const run = runAs(viewer);
      const visible = (event: ChangeEvent) =>
        store.transaction((tx) => {
          const record = tx.get(event.resource, event.id);
          if (!record) return event.kind === 'deleted';
          return new Session(viewer, tx, event.at).visible(event.resource, record);
        });
      return {
        capabilities: { resources: RESOURCES, live: true, metrics: true },
        session: async () => viewer,
        partners: partnersApi(run),
        users: usersApi(run),
        programs: programsApi(run),
        memberships: membershipsApi(run),
        segments: segmentsApi(run),
        deals: dealsApi(run, calendar),
        opportunities: opportunitiesApi(run),
        products: productsApi(run),
        quotes: quotesApi(run),
        orders: ordersApi(run),
        cases: casesApi(run, calendar),
        leads: leadsApi(run),
        mdfBudgets: mdfBudgetsApi(run),
        mdfAllocations: mdfAllocationsApi(run),
        mdfRequests: mdfRequestsApi(run),
        mdfClaims: mdfClaimsApi(run),
        activities: activitiesApi(run),
        metrics: metricsApi(run),
        subscribe(listener) {
          const filtered = (event: ChangeEvent) => {
            if (visible(event)) listener(event);
          };
          listeners.add(filtered);
          return () => listeners.delete(filtered);
        },
      };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sweep() {
      let changes: ChangeEvent[] = [];
      store.transaction((tx) => {
        sweptAt = '';
        changes = expire(tx, clock().toISOString());
      });
      emit(changes);
    },
  };
}
