/**
 * Declarative provider configuration: `<prm-provider adapter="demo">` or
 * `<prm-provider adapter="rest" base-url="/api/prm" token="getPrmToken">` becomes the
 * provider's `adapter` property. Each adapter's code loads only when a page asks for it.
 */
import type { PrmAdapter } from '@prm-kit/core';
import type { PrmProvider } from '@prm-kit/elements';

/** The attributes that configure a provider; changing any of them connects it anew. */
export const CONFIG_ATTRIBUTES = ['adapter', 'base-url', 'token', 'demo-user'] as const;

interface Config {
  adapter: string | null;
  baseUrl: string | null;
  token: string | null;
  demoUser: string | null;
}

interface Configured {
  /** The attribute values it was made from: a provider moved in the page keeps its adapter. */
  key: string;
  adapter: PrmAdapter | undefined;
}

const configured = new WeakMap<PrmProvider, Configured>();

/**
 * Sets the provider's adapter from its attributes. While the adapter's code loads the
 * provider holds a stand-in, so its elements show "loading"; a configuration that cannot
 * work is reported in the console and leaves the provider without an adapter, so its
 * elements show "Not connected".
 */
export function configure(provider: PrmProvider): void {
  const config: Config = {
    adapter: provider.getAttribute('adapter'),
    baseUrl: provider.getAttribute('base-url'),
    token: provider.getAttribute('token'),
    demoUser: provider.getAttribute('demo-user'),
  };
  const key = JSON.stringify(config);
  const previous = configured.get(provider);
  if (previous?.key === key) return;
  const { adapter } = config;
  if (adapter === null) {
    // The attribute is gone: the page manages `provider.adapter` from JavaScript again.
    if (previous && provider.adapter === previous.adapter) provider.adapter = undefined;
    configured.delete(provider);
    return;
  }
  const state: Configured = { key, adapter: connectingAdapter() };
  configured.set(provider, state);
  provider.adapter = state.adapter;
  // A later configuration of the same provider wins over this one.
  const current = () => configured.get(provider) === state;
  const settle = (next: PrmAdapter | undefined) => {
    state.adapter = next;
    provider.adapter = next;
  };
  createAdapter(provider, adapter, config).then(
    (next) => {
      if (current()) settle(next);
    },
    (error: unknown) => {
      if (!current()) return;
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`prm-kit: <prm-provider adapter="${adapter}"> is not connected: ${reason}`);
      settle(undefined);
    },
  );
}

async function createAdapter(
  provider: PrmProvider,
  adapter: string,
  config: Config,
): Promise<PrmAdapter> {
  switch (adapter) {
    case 'demo': {
      const { demoAdapter } = await import('./demo.js');
      return demoAdapter(config.demoUser ?? undefined);
    }
    case 'rest': {
      const { restAdapter } = await import('./rest.js');
      return restAdapter(provider, config.baseUrl, config.token);
    }
    default:
      throw new Error(
        `unknown adapter "${adapter}": use "demo" or "rest", or leave the attribute ` +
          'out and set provider.adapter from JavaScript.',
      );
  }
}

/**
 * The stand-in while an adapter's code loads: the session and every other call wait, so the
 * elements show their loading state. It is dropped (with its pending reads) once the real
 * adapter is set.
 */
function connectingAdapter(): PrmAdapter {
  const wait = () => new Promise<never>(() => undefined);
  const group = new Proxy({}, { get: () => wait });
  const known = {
    capabilities: { resources: [], live: false, metrics: false },
    session: wait,
    subscribe: undefined,
  };
  return new Proxy(known, {
    get: (target, name) => (name in target ? target[name as keyof typeof known] : group),
  }) as unknown as PrmAdapter;
}
