/**
 * The mocks in a browser: msw's service worker serving the reference backend. The page must
 * serve `@prm-kit/mocks/mockServiceWorker.js` (`public/mockServiceWorker.js`) at `workerUrl`.
 *
 * ```ts
 * const mocks = await startMockWorker(scenario('slow'));
 * // … fetch('/api/prm/session', …) …
 * mocks.stop();
 * ```
 */
import type { PrmService } from '@prm-kit/backend';
import { http } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers, type HandlersOptions } from './handlers.js';

export interface MockWorkerOptions extends HandlersOptions {
  /** Where the page serves msw's worker script. Default `/mockServiceWorker.js`. */
  workerUrl?: string;
  /** Log each intercepted request to the console (set by the page's first start). Default false. */
  log?: boolean;
}

export interface MockWorker {
  /** The page's msw worker (shared by every `startMockWorker` of the page). */
  worker: SetupWorker;
  service: PrmService;
  /** Back to the seed data and the first fault draw. */
  reset: () => void;
  /** Stops serving these mocks: requests go to the network again. */
  stop: () => void;
}

/** Matches nothing: a worker holding only this passes every request through. */
const idle = http.all(
  () => false,
  () => undefined,
);

/**
 * One worker per page, started once. msw serves one worker per page, and a second
 * `worker.start()` right after the first races the browser storing the registration (msw
 * starts an update check it does not await, which then fails outside any test). So later
 * starts only swap the handlers, and `stop()` swaps in `idle`.
 */
let shared:
  | { worker: SetupWorker; workerUrl: string; started: Promise<unknown>; owner: object | null }
  | undefined;

/** Starts the mocks (the page's worker, once) and resolves once they answer requests. */
export async function startMockWorker(options: MockWorkerOptions = {}): Promise<MockWorker> {
  const { workerUrl = '/mockServiceWorker.js', log = false, ...handlerOptions } = options;
  const { handlers, service, reset } = createHandlers(handlerOptions);
  if (shared && shared.workerUrl !== workerUrl)
    throw new Error(`This page already runs the mock worker from ${shared.workerUrl}.`);
  if (!shared) {
    const worker = setupWorker(idle);
    const started = worker.start({
      serviceWorker: { url: workerUrl },
      quiet: !log,
      // Module scripts, styles and the test runner's own requests go to the network.
      onUnhandledRequest: 'bypass',
    });
    shared = { worker, workerUrl, started, owner: null };
    started.catch(() => (shared = undefined));
  }
  const page = shared;
  await page.started;
  const owner = {};
  page.owner = owner;
  page.worker.resetHandlers(...handlers);
  return {
    worker: page.worker,
    service,
    reset,
    stop() {
      if (page.owner !== owner) return;
      page.owner = null;
      page.worker.resetHandlers(idle);
    },
  };
}

export { createHandlers, type HandlersOptions, type MockHandlers } from './handlers.js';
export { scenario, scenarios, type ScenarioName } from './scenarios.js';
