import { RESOURCES, type ChangeEvent, type PrmAdapter, type Viewer } from '@prm-kit/core';
import {
  DEMO_USERS,
  demoViewer,
  createMemoryStore,
  createPrmService,
  datasetSnapshot,
  demoDataset,
  type PrmService,
  type StoreSnapshot,
} from '@prm-kit/backend';

export interface PersistOptions {
  /** Where to keep the data; default `localStorage`. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** The storage key; default `prm-kit:local-adapter`. */
  key?: string;
}

export interface LocalAdapterOptions {
  /** The data to start from (records by resource); default: the demo data of XYZ Solutions, dated now. */
  seed?: Readonly<Record<string, readonly object[]>>;
  /** Who is signed in: a viewer, or the key of a demo user (`'partnerAdmin'`, …). */
  viewer?: Viewer | keyof typeof DEMO_USERS;
  /** Keep changes across reloads (`true`: in `localStorage`). `reset()` starts over. */
  persist?: boolean | PersistOptions;
  /** Simulated network time per call, in ms: a number, or a range to pick from. */
  latency?: number | { min: number; max: number };
  /** The time the rules run at; default: the system clock. */
  clock?: () => Date;
}

/** A `PrmAdapter` over the in-page backend, whose viewer can be switched (a demo's role switcher). */
export interface LocalAdapter extends PrmAdapter {
  readonly viewer: Viewer;
  /** Live changes the current viewer may see; always available in the page. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Signs in as someone else; later calls and live events follow the new viewer. */
  setViewer(viewer: Viewer | keyof typeof DEMO_USERS): void;
  /** Drops every change (and the persisted copy) and starts again from the seed. */
  reset(): void;
}

const GROUPS = [...RESOURCES, 'metrics'] as const;
type GroupName = (typeof GROUPS)[number];

/** Bump when the stored shape changes: an older copy is then ignored, not misread. */
const FORMAT = 1;
const DEFAULT_KEY = 'prm-kit:local-adapter';

const toViewer = (viewer: Viewer | keyof typeof DEMO_USERS): Viewer =>
  typeof viewer === 'string' ? demoViewer(viewer) : viewer;

function persistence(option: LocalAdapterOptions['persist']) {
  if (!option) return undefined;
  const { storage = globalThis.localStorage, key = DEFAULT_KEY } = option === true ? {} : option;
  let warned = false;
  return {
    load(): StoreSnapshot | undefined {
      try {
        const saved = JSON.parse(storage.getItem(key) ?? 'null') as {
          format?: number;
          snapshot?: StoreSnapshot;
        } | null;
        return saved?.format === FORMAT ? saved.snapshot : undefined;
      } catch {
        return undefined;
      }
    },
    save(snapshot: StoreSnapshot) {
      try {
        storage.setItem(key, JSON.stringify({ format: FORMAT, snapshot }));
      } catch (error) {
        // A full or blocked storage must not break the page: the demo keeps working in memory.
        if (!warned)
          console.warn('prm-kit: could not save the local data; changes last until reload.', error);
        warned = true;
      }
    },
    clear: () => storage.removeItem(key),
  };
}

function delay(
  latency: LocalAdapterOptions['latency'],
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const ms =
    typeof latency === 'number'
      ? latency
      : latency
        ? latency.min + Math.random() * (latency.max - latency.min)
        : 0;
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/** The options argument of a call, wherever the method takes it, for its `signal`. */
const signalOf = (args: unknown[]): AbortSignal | undefined => {
  for (const arg of args) {
    if (arg && typeof arg === 'object' && 'signal' in arg)
      return (arg as { signal?: AbortSignal }).signal;
  }
  return undefined;
};

/** The in-page backend several adapters may share (several signed-in people on one page, tests). */
export interface LocalBackend {
  /** An adapter signed in as `viewer` on this backend. */
  adapter(
    viewer?: Viewer | keyof typeof DEMO_USERS,
    options?: Pick<LocalAdapterOptions, 'latency'>,
  ): LocalAdapter;
  /** Drops every change (and the persisted copy) and starts again from the seed. */
  reset(): void;
}

export function createLocalBackend(
  options: Pick<LocalAdapterOptions, 'seed' | 'persist' | 'clock'> = {},
): LocalBackend {
  const storage = persistence(options.persist);
  // The demo story is told relative to now, so a demo opened months later still has live
  // protection windows and open cases.
  const seed = () =>
    datasetSnapshot(
      options.seed ?? demoDataset({ now: (options.clock?.() ?? new Date()).toISOString() }),
    );
  let store = createMemoryStore(storage?.load() ?? seed());
  let service = start();
  const onReset = new Set<() => void>();

  function start(): PrmService {
    const next = createPrmService({ store, ...(options.clock ? { clock: options.clock } : {}) });
    if (storage) next.subscribe(() => queueMicrotask(() => storage.save(store.snapshot())));
    return next;
  }

  const backend: LocalBackend = {
    adapter(initial = 'partnerAdmin', adapterOptions = {}) {
      let viewer = toViewer(initial);
      const listeners = new Map<(event: ChangeEvent) => void, () => void>();
      const resubscribe = () => {
        for (const [listener, stop] of listeners) {
          stop();
          listeners.set(listener, service.for(viewer).subscribe?.(listener) ?? (() => undefined));
        }
      };
      onReset.add(resubscribe);

      /** Each method waits the simulated latency, honours its AbortSignal, then asks the service. */
      const group = (name: GroupName) =>
        Object.fromEntries(
          Object.keys(service.for(viewer)[name]).map((method) => [
            method,
            async (...args: unknown[]) => {
              await delay(adapterOptions.latency, signalOf(args));
              const current = service.for(viewer)[name] as unknown as Record<
                string,
                (...a: unknown[]) => Promise<unknown>
              >;
              return current[method]!(...args);
            },
          ]),
        );

      const adapter = {
        capabilities: service.for(viewer).capabilities,
        get viewer() {
          return viewer;
        },
        async session(request?: { signal?: AbortSignal }) {
          await delay(adapterOptions.latency, request?.signal);
          return viewer;
        },
        subscribe(listener: (event: ChangeEvent) => void) {
          listeners.set(listener, service.for(viewer).subscribe?.(listener) ?? (() => undefined));
          return () => {
            listeners.get(listener)?.();
            listeners.delete(listener);
          };
        },
        setViewer(next: Viewer | keyof typeof DEMO_USERS) {
          viewer = toViewer(next);
          resubscribe();
        },
        reset: () => backend.reset(),
      } as LocalAdapter;
      for (const name of GROUPS)
        Object.defineProperty(adapter, name, { value: group(name), enumerable: true });
      return adapter;
    },
    reset() {
      storage?.clear();
      store = createMemoryStore(seed());
      service = start();
      for (const resubscribe of onReset) resubscribe();
    },
  };
  return backend;
}

/**
 * The zero-setup adapter: prm-kit's reference backend in the page, on the demo data unless
 * `seed` says otherwise. `adapter.setViewer('channelManager')` switches roles.
 */
export function createLocalAdapter(options: LocalAdapterOptions = {}): LocalAdapter {
  return createLocalBackend(options).adapter(options.viewer, {
    ...(options.latency === undefined ? {} : { latency: options.latency }),
  });
}
