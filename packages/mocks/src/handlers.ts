/**
 * msw handlers that serve the reference backend's REST app: one catch-all handler hands every
 * request under the base URL to `createRestApp` (the same app the reference server runs), so
 * the mocks cannot drift from the contract. Faults (`faults.ts`) wrap it.
 */
import {
  createMemoryStore,
  createPrmService,
  createRestApp,
  datasetSnapshot,
  demoAuthenticate,
  demoDataset,
  type PrmService,
} from '@prm-kit/backend';
import { PROBLEM_CONTENT_TYPE, PrmError, toProblem, type ChangeEvent } from '@prm-kit/core';
import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import { createFaultInjector, faultRequest, type FaultAction, type Faults } from './faults.js';

export interface HandlersOptions {
  /**
   * Where the API lives: a path (`/api/prm`, the default) or an absolute URL. A path matches
   * the page's origin in a browser and any origin in Node.
   */
  baseUrl?: string;
  /** Records by resource. Default: `demoDataset()`. */
  seed?: Readonly<Record<string, readonly object[]>>;
  /** What may go wrong (latency, errors, malformed bodies, dropped connections). */
  faults?: Faults;
  /** The backend's clock. Default: the system clock. */
  clock?: () => Date;
}

export interface MockHandlers {
  /** One handler: everything under the base URL. */
  handlers: HttpHandler[];
  /** The backend behind the handlers (stays valid across `reset()`). */
  service: PrmService;
  /** Back to the seed data, and the faults back to their first draw. */
  reset: () => void;
}

/** The base URL split into the origin it must match (`null`: any) and its path. */
function parseBase(baseUrl: string): { origin: string | null; path: string } {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(baseUrl);
  const here = typeof location === 'undefined' ? undefined : location.href;
  const url = new URL(baseUrl, absolute ? undefined : (here ?? 'http://localhost'));
  return {
    origin: absolute || here !== undefined ? url.origin : null,
    path: url.pathname.replace(/\/+$/, ''),
  };
}

function problem(action: Extract<FaultAction, { type: 'problem' }>, instance: string): Response {
  const error = new PrmError(
    action.code,
    `Injected fault: the mock server answered ${action.status}.`,
    action.retryAfter === undefined ? {} : { retryAfter: action.retryAfter },
  );
  const headers = new Headers({ 'Content-Type': PROBLEM_CONTENT_TYPE });
  if (action.retryAfter !== undefined) headers.set('Retry-After', String(action.retryAfter));
  return new Response(JSON.stringify({ ...toProblem(error, instance), status: action.status }), {
    status: action.status,
    headers,
  });
}

/** msw handlers serving the reference backend's REST contract under `baseUrl`. */
export function createHandlers(options: HandlersOptions = {}): MockHandlers {
  const base = parseBase(options.baseUrl ?? '/api/prm');
  const faults = createFaultInjector(options.faults);
  const seed = () => datasetSnapshot(options.seed ?? demoDataset());

  const start = () =>
    createPrmService({
      store: createMemoryStore(seed()),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  let current = start();
  let app = createRestApp(current, { authenticate: demoAuthenticate, basePath: base.path });

  // A stable facade: subscribers keep listening across `reset()`.
  const listeners = new Map<(event: ChangeEvent) => void, () => void>();
  const service: PrmService = {
    for: (viewer) => current.for(viewer),
    sweep: () => current.sweep(),
    subscribe(listener) {
      listeners.set(listener, current.subscribe(listener));
      return () => {
        listeners.get(listener)?.();
        listeners.delete(listener);
      };
    },
  };

  /** The path relative to the base, or `null` when the URL is not under it. */
  const relative = (href: string): string | null => {
    const url = new URL(href);
    if (base.origin !== null && url.origin !== base.origin) return null;
    if (url.pathname === base.path) return '/';
    return url.pathname.startsWith(`${base.path}/`) ? url.pathname.slice(base.path.length) : null;
  };

  const handler = http.all(
    ({ request }) => relative(request.url) !== null,
    async ({ request }) => {
      const path = relative(request.url) ?? '/';
      const { delayMs, action } = faults.next(faultRequest(request.method, path));
      if (delayMs > 0) await delay(delayMs);
      switch (action.type) {
        case 'problem':
          return problem(action, new URL(request.url).pathname);
        case 'malformed':
          return new HttpResponse('{"items": [{"id": "trunc', {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          });
        case 'drop':
          // The backend handles the request; only the answer is lost.
          await app.fetch(request);
          return HttpResponse.error();
        case 'pass':
          return app.fetch(request);
      }
    },
  );

  return {
    handlers: [handler],
    service,
    reset() {
      current = start();
      app = createRestApp(current, { authenticate: demoAuthenticate, basePath: base.path });
      for (const listener of listeners.keys()) {
        listeners.get(listener)?.();
        listeners.set(listener, current.subscribe(listener));
      }
      faults.reset();
    },
  };
}
