import type { ConformanceActor } from '@prm-kit/core/testing';
import { buildPath, encodeQuery, type Route } from '@prm-kit/core';
import {
  DEMO_TOKENS,
  createMemoryStore,
  createPrmService,
  createRestApp,
  datasetSnapshot,
  demoAuthenticate,
  demoDataset,
  type RestAppOptions,
} from '../../src/index.js';
import { testClock } from '../support/stores.js';

export const DATASET = demoDataset();
const SNAPSHOT = datasetSnapshot(DATASET);

export const BASE = 'http://prm.test/api/prm';

/** One request: as whom (`null`: no one; default: the enterprise admin), body, headers. */
export interface Call {
  actor?: ConformanceActor | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The REST app over a fresh copy of the demo data (memory store, the demo clock). */
export function restHarness(options: Partial<RestAppOptions> = {}) {
  const service = createPrmService({
    store: createMemoryStore(structuredClone(SNAPSHOT)),
    clock: testClock().clock,
  });
  const errors: unknown[] = [];
  const app = createRestApp(service, {
    authenticate: demoAuthenticate,
    basePath: '/api/prm',
    onError: (error) => errors.push(error),
    ...options,
  });

  /** A request to `path` (relative to the base path) as a demo user. */
  const request = (method: string, path: string, call: Call = {}) => {
    const headers = new Headers(call.headers);
    const actor = call.actor === undefined ? 'enterpriseAdmin' : call.actor;
    if (actor !== null) headers.set('Authorization', `Bearer ${DEMO_TOKENS[actor]}`);
    let body: string | undefined;
    if (call.body !== undefined) {
      body = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
      if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    }
    return app.request(`${BASE}${path}`, { method, headers, body });
  };

  /** A route's path with its parameters and query. */
  const url = (route: Route, params: Record<string, string> = {}, query?: unknown) => {
    const search = route.query && query ? encodeQuery(route.query, query).toString() : '';
    return `${buildPath(route, params)}${search ? `?${search}` : ''}`;
  };

  return { app, service, errors, request, url };
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
