import type {
  ChangeEvent,
  EnterpriseMetrics,
  ListQueries,
  Page,
  PartnerMetrics,
  PrmAdapter,
  ProgramEligibility,
  ReadApi,
  ResourceName,
  Viewer,
} from '@prm-kit/core';
import { QueryClient, type QueryKey } from '@tanstack/query-core';

/** Resources an adapter can read by id and list. */
export type ReadableResource = keyof ListQueries & keyof PrmAdapter;
type Api<R extends ReadableResource> =
  PrmAdapter[R] extends ReadApi<infer T, infer Q> ? { entity: T; query: Q } : never;
export type EntityOf<R extends ReadableResource> = Api<R>['entity'];
export type ListQueryOf<R extends ReadableResource> = Api<R>['query'];

/** A read the client can cache: a key and the adapter call behind it. */
export interface PrmQuery<T> {
  queryKey: QueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<T>;
}

/**
 * Reads whose answer a change to the first resource can alter besides its own (eligibility
 * sits under `programs` and depends on the partner and its memberships, and so on).
 */
const DEPENDENTS: Partial<Record<ResourceName, readonly ResourceName[]>> = {
  partners: ['programs', 'segments'],
  memberships: ['programs', 'partners'],
  segments: ['partners', 'programs'],
  deals: ['opportunities'],
  quotes: ['orders', 'opportunities'],
  orders: ['quotes'],
  leads: ['opportunities'],
  mdfRequests: ['mdfAllocations', 'mdfClaims'],
  mdfClaims: ['mdfAllocations', 'mdfRequests'],
};

export interface PrmClientOptions {
  /** How long (ms) a read counts as fresh before a new component refetches it. Default 30 s. */
  staleTime?: number;
}

/**
 * The query cache between the elements and an adapter: identical reads from any number of
 * components make one adapter call, results are cached, and a mutation or a live change
 * event invalidates the reads of the resources it touches. Components never call the
 * adapter themselves; they go through `PrmClient` and its controllers.
 */
export class PrmClient {
  readonly adapter: PrmAdapter;
  readonly cache: QueryClient;
  #pending = new Set<ResourceName>();
  #connections = 0;
  #stop: (() => void) | undefined;

  constructor(adapter: PrmAdapter, options: PrmClientOptions = {}) {
    this.adapter = adapter;
    this.cache = new QueryClient({
      defaultOptions: {
        // Adapters retry what is safe to retry; a second layer would multiply the wait.
        queries: {
          retry: false,
          staleTime: options.staleTime ?? 30_000,
          refetchOnWindowFocus: false,
        },
        mutations: { retry: false },
      },
    });
  }

  /** Starts the cache and live updates; returns the matching disconnect. Counted, so nested providers may share a client. */
  connect(): () => void {
    if (this.#connections++ === 0) {
      this.cache.mount();
      this.#stop = this.adapter.subscribe?.((event: ChangeEvent) => {
        this.invalidate(event.resource);
      });
    }
    let connected = true;
    return () => {
      if (!connected) return;
      connected = false;
      if (--this.#connections === 0) {
        this.#stop?.();
        this.#stop = undefined;
        this.cache.unmount();
      }
    };
  }

  session(): PrmQuery<Viewer> {
    return { queryKey: ['session'], queryFn: ({ signal }) => this.adapter.session({ signal }) };
  }

  get<R extends ReadableResource>(resource: R, id: string): PrmQuery<EntityOf<R>> {
    const api = this.adapter[resource] as ReadApi<EntityOf<R>, unknown>;
    return {
      queryKey: [resource, 'get', id],
      queryFn: ({ signal }) => api.get(id, { signal }),
    };
  }

  list<R extends ReadableResource>(
    resource: R,
    query: ListQueryOf<R> = {},
  ): PrmQuery<Page<EntityOf<R>>> {
    const api = this.adapter[resource] as ReadApi<EntityOf<R>, ListQueryOf<R>>;
    return {
      queryKey: [resource, 'list', query],
      queryFn: ({ signal }) => api.list(query, { signal }),
    };
  }

  /** Which active programs the partner may apply to, and why not for the others. */
  eligibility(partnerId?: string): PrmQuery<ProgramEligibility[]> {
    return {
      queryKey: ['programs', 'eligibility', partnerId ?? null],
      queryFn: ({ signal }) => this.adapter.programs.eligibility(partnerId, { signal }),
    };
  }

  /**
   * A partner's dashboard figures: from the backend when it serves `metrics`, otherwise
   * computed here from the lists with the same core functions (loaded only then: they are
   * most of core). Refetched on any change.
   */
  partnerMetrics(partnerId?: string): PrmQuery<PartnerMetrics> {
    const { adapter } = this;
    return {
      queryKey: ['metrics', 'partner', partnerId ?? null],
      queryFn: async ({ signal }) => {
        if (adapter.capabilities.metrics) return adapter.metrics.partner(partnerId, { signal });
        const { computePartnerMetrics } = await import('./metrics.js');
        return computePartnerMetrics(adapter, partnerId, new Date().toISOString(), signal);
      },
    };
  }

  /** The enterprise dashboard's figures; computed from the lists like `partnerMetrics`. */
  enterpriseMetrics(): PrmQuery<EnterpriseMetrics> {
    const { adapter } = this;
    return {
      queryKey: ['metrics', 'enterprise'],
      queryFn: async ({ signal }) => {
        if (adapter.capabilities.metrics) return adapter.metrics.enterprise({ signal });
        const { computeEnterpriseMetrics } = await import('./metrics.js');
        return computeEnterpriseMetrics(adapter, new Date().toISOString(), signal);
      },
    };
  }

  /** Reads once through the cache (deduplicated with any component asking the same). */
  fetch<T>(query: PrmQuery<T>): Promise<T> {
    return this.cache.fetchQuery(query);
  }

  /**
   * Runs a write and then invalidates what it touched. A returned record is put in the
   * cache at once, so every component showing it updates without waiting for a refetch.
   */
  async mutate<T>(resource: ResourceName, write: (adapter: PrmAdapter) => Promise<T>): Promise<T> {
    const result = await write(this.adapter);
    if (isRecord(result)) this.cache.setQueryData([resource, 'get', result.id], result);
    this.invalidate(resource);
    return result;
  }

  /**
   * Marks the reads of a resource (and of what depends on it) stale and refetches those in
   * view. Calls in the same tick are merged, so a burst of change events refetches once.
   */
  invalidate(resource: ResourceName): void {
    if (this.#pending.size === 0) queueMicrotask(() => this.#flush());
    this.#pending.add(resource);
  }

  #flush(): void {
    const resources = new Set<ResourceName>(['activities']);
    for (const resource of this.#pending) {
      resources.add(resource);
      for (const dependent of DEPENDENTS[resource] ?? []) resources.add(dependent);
    }
    this.#pending.clear();
    void this.cache.invalidateQueries({
      predicate: ({ queryKey }) =>
        queryKey[0] === 'metrics' || resources.has(queryKey[0] as ResourceName),
    });
  }
}

const isRecord = (value: unknown): value is { id: string } =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
