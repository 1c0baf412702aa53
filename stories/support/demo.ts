/**
 * What every story renders its component in: a `<prm-provider>` on a fresh demo backend,
 * signed in as one of the demo people, in one of the four states.
 *
 * ```ts
 * render: () => demo(html`<prm-partner-profile></prm-partner-profile>`, { role: 'channelManager' }),
 * render: () => demo(html`<prm-program-catalog></prm-program-catalog>`, { state: 'error' }),
 * render: () => restDemo(html`<prm-partner-profile></prm-partner-profile>`),
 * ```
 */
import { createLocalBackend } from '@prm-kit/adapter-local';
import { createRestAdapter } from '@prm-kit/adapter-rest';
import { PrmError, type PrmAdapter } from '@prm-kit/core';
import type { Appearance } from '@prm-kit/elements';
import { scenario as scenarioOptions, type ScenarioName } from '@prm-kit/mocks';
import { startMockWorker, type MockWorker } from '@prm-kit/mocks/browser';
import { html, type TemplateResult } from 'lit';

/** The demo people a story can sign in as (`DEMO_USERS` of `@prm-kit/backend`). */
export type DemoRole =
  | 'partnerAdmin'
  | 'partnerManager'
  | 'partnerAssociate'
  | 'channelManager'
  | 'programAdmin'
  | 'supportAgent'
  | 'enterpriseAdmin';

/** The four states every component shows the same way. */
export type StoryState = 'ready' | 'loading' | 'empty' | 'error';

export const DEMO_ROLES: readonly DemoRole[] = [
  'partnerAdmin',
  'partnerManager',
  'partnerAssociate',
  'channelManager',
  'programAdmin',
  'supportAgent',
  'enterpriseAdmin',
];
export const STORY_STATES: readonly StoryState[] = ['ready', 'loading', 'empty', 'error'];

export interface DemoOptions {
  /** Who is signed in; default `partnerAdmin` (Alice Brennan of ABC Systems). */
  role?: DemoRole;
  /** Default `ready`. Other states change only reads; writes still reach the demo backend. */
  state?: StoryState;
  /** The provider's appearance; its `theme` defaults to the toolbar's theme. */
  appearance?: Appearance;
}

/** The toolbar's locale and theme; `.storybook/preview.ts` sets them before each render. */
export const storyGlobals: { locale: string; theme: 'light' | 'dark' } = {
  locale: 'en',
  theme: 'light',
};

/**
 * `content` inside a `<prm-provider>` on a fresh in-page demo backend (adapter-local) signed
 * in as `role`. `loading` holds every read pending forever, `error` fails every read with a
 * `network` PrmError (so the error view with "Try again" shows), `empty` answers every
 * `list` with no items and `eligibility` with `[]`, and serves no `metrics`, so dashboards
 * compute theirs from those empty lists. The session always answers, so the component knows
 * its viewer in every state.
 */
export function demo(content: TemplateResult, options: DemoOptions = {}): TemplateResult {
  const adapter = createLocalBackend().adapter(options.role ?? 'partnerAdmin');
  return provider(withState(adapter, options.state ?? 'ready'), content, options.appearance);
}

export interface RestDemoOptions {
  role?: DemoRole;
  /** The `@prm-kit/mocks` scenario: `default`, `empty`, `error` (every request 500s), `slow`. */
  scenario?: ScenarioName;
  appearance?: Appearance;
}

/**
 * `content` inside a `<prm-provider>` on `@prm-kit/adapter-rest` at `/api/prm`, signed in with
 * the demo bearer token of `role`, answered by msw (the worker that `mswLoader` started) with
 * `@prm-kit/mocks` on a fresh backend. Stories may still add handlers in
 * `beforeEach({ msw }) { msw.use(…) }`; they take precedence.
 */
export function restDemo(content: TemplateResult, options: RestDemoOptions = {}): TemplateResult {
  const role = options.role ?? 'partnerAdmin';
  // Swaps the page's mock backend for a fresh one; every request waits until it serves.
  const mocks: Promise<MockWorker> = startMockWorker(
    scenarioOptions(options.scenario ?? 'default'),
  );
  // A worker that failed to start shows as the component's error (through `getToken`), not
  // also as an unhandled rejection.
  mocks.catch(() => undefined);
  const adapter = createRestAdapter({
    baseUrl: '/api/prm',
    getToken: async () => {
      await mocks;
      return `demo-${role}`;
    },
  });
  return provider(adapter, content, options.appearance);
}

/** The page's msw worker, started once; `mswLoader` in `.storybook/preview.ts` uses it. */
export async function storyMockWorker(): Promise<MockWorker['worker']> {
  return (await startMockWorker()).worker;
}

function provider(
  adapter: PrmAdapter,
  content: TemplateResult,
  appearance: Appearance | undefined,
): TemplateResult {
  return html`<prm-provider
    .adapter=${adapter}
    locale=${storyGlobals.locale}
    .appearance=${{ theme: storyGlobals.theme, ...appearance }}
    >${content}</prm-provider
  >`;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** Methods that only read; `metrics` is all reads. */
const READS = new Set(['list', 'get', 'eligibility', 'checkConflicts']);

/** The options argument of a call, wherever the method takes it, for its `signal`. */
function signalOf(args: readonly unknown[]): AbortSignal | undefined {
  for (const arg of args) {
    if (arg && typeof arg === 'object' && 'signal' in arg)
      return (arg as { signal?: AbortSignal }).signal;
  }
  return undefined;
}

/** A promise that never settles, unless the call is aborted (the component went away). */
function pending(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

function readIn(state: Exclude<StoryState, 'ready'>, name: string, call: Method): Method {
  switch (state) {
    case 'loading':
      return (...args) => pending(signalOf(args));
    case 'error':
      return () =>
        Promise.reject(new PrmError('network', 'The demo backend is unreachable (story state).'));
    case 'empty':
      if (name === 'list') return async () => ({ items: [], nextCursor: null, total: 0 });
      if (name === 'eligibility') return async () => [];
      return call;
  }
}

/**
 * A copy of `adapter` (adapters may be frozen: no Proxy) whose group methods answer reads
 * the way `state` says.
 */
export function withState(adapter: PrmAdapter, state: StoryState): PrmAdapter {
  if (state === 'ready') return adapter;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(adapter)) {
    const value: unknown = Reflect.get(adapter, key);
    if (typeof value === 'function') {
      copy[key] = (value as Method).bind(adapter);
    } else if (key !== 'capabilities' && typeof value === 'object' && value !== null) {
      const group: Record<string, unknown> = {};
      for (const [name, fn] of Object.entries(value)) {
        if (typeof fn !== 'function') {
          group[name] = fn;
          continue;
        }
        const call = (fn as Method).bind(value);
        group[name] = key === 'metrics' || READS.has(name) ? readIn(state, name, call) : call;
      }
      copy[key] = group;
    } else {
      copy[key] = value;
    }
  }
  if (state === 'empty') copy.capabilities = { ...adapter.capabilities, metrics: false };
  return copy as unknown as PrmAdapter;
}
