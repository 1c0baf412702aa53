/**
 * The mocks in Node: msw's request interception (global `fetch`, `http`) serving the
 * reference backend. Like msw's `setupServer`, nothing is intercepted until `server.listen()`.
 *
 * ```ts
 * const { server, reset } = setupMockServer(scenario('empty'));
 * before(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => reset());
 * after(() => server.close());
 * ```
 */
import type { PrmService } from '@prm-kit/backend';
import { setupServer, type SetupServer } from 'msw/node';
import { createHandlers, type HandlersOptions } from './handlers.js';

export interface MockServer {
  server: SetupServer;
  service: PrmService;
  /** Back to the seed data and the first fault draw. */
  reset: () => void;
}

export function setupMockServer(options: HandlersOptions = {}): MockServer {
  const { handlers, service, reset } = createHandlers(options);
  return { server: setupServer(...handlers), service, reset };
}

export { createHandlers, type HandlersOptions, type MockHandlers } from './handlers.js';
export { scenario, scenarios, type ScenarioName } from './scenarios.js';
