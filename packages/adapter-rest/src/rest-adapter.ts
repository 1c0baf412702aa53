import ky, { HTTPError, TimeoutError } from 'ky';
import {
  HEADERS,
  PROBLEM_CONTENT_TYPE,
  PrmError,
  RESOURCES,
  ROUTES,
  buildPath,
  encodeQuery,
  formatEtag,
  fromProblem,
  isPrmError,
  validate,
  type AdapterCapabilities,
  type Operation,
  type PrmAdapter,
  type Route,
} from '@prm-kit/core';

type Awaitable<T> = T | Promise<T>;

export interface RestAdapterOptions {
  /** Where the contract's paths live: `https://crm.example.com/api/prm` (no trailing slash needed). */
  baseUrl: string;
  /** The signed-in user's bearer token, asked for on every call; nothing means anonymous. */
  getToken?: () => Awaitable<string | null | undefined>;
  /** Extra headers on every request (the contract's own headers win over these). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** A `fetch` to use instead of the global one (tests, server-side rendering, an in-process app). */
  fetch?: typeof fetch;
  /** Milliseconds one attempt may take before it fails with `timeout`; default 15 000, `0` for none. */
  timeout?: number;
  /**
   * How often a failed request that is safe to repeat is sent again; default 2. Only reads
   * (GET) and creates carrying an `Idempotency-Key` are repeated, never other writes.
   * `backoffLimit` caps the exponential wait between attempts (ms); `maxRetryAfter` caps the
   * wait a server asks for with `Retry-After` (ms, default 30 000).
   */
  retry?: number | { limit?: number; backoffLimit?: number; maxRetryAfter?: number };
  /** What this backend supports; default every resource, no live changes, metrics served. */
  capabilities?: Partial<AdapterCapabilities>;
}

const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_RETRY_LIMIT = 2;
const DEFAULT_MAX_RETRY_AFTER = 30_000;
/** Statuses worth repeating a request for (413 is not: the same body stays too large). */
const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` is honoured before repeating. */
const RETRY_AFTER_STATUS_CODES = [429, 503];

const ACCEPT = `application/json, ${PROBLEM_CONTENT_TYPE}`;
const INVALID_RESPONSE = 'The PRM server answered with data the contract does not allow';

/** The options argument of any adapter method, as far as the transport cares. */
interface CallOptions {
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
  version?: number | undefined;
  submit?: boolean | undefined;
  reason?: string | undefined;
  message?: string | undefined;
}

/** One call, taken apart: what goes into the path, the query string and the body. */
interface Parts {
  id?: unknown;
  query?: unknown;
  body?: unknown;
  options?: CallOptions | undefined;
}

type MethodName = Operation extends infer O ? (O extends `${string}.${infer M}` ? M : O) : never;
type Shape = (args: readonly unknown[]) => Parts;

const opts = (value: unknown): CallOptions | undefined =>
  typeof value === 'object' && value !== null ? value : undefined;

/**
 * How each method's arguments map onto its route. Methods of the same name share a signature
 * across groups (`deals.transition` and `cases.transition`), so one entry serves them all.
 */
const SHAPES = {
  session: ([options]) => ({ options: opts(options) }),
  list: ([query, options]) => ({ query, options: opts(options) }),
  get: ([id, options]) => ({ id, options: opts(options) }),
  create: ([body, options]) => ({
    body,
    query: { submit: opts(options)?.submit },
    options: opts(options),
  }),
  update: ([id, body, options]) => ({ id, body, options: opts(options) }),
  transition: ([id, to, options]) => {
    const { reason, message } = opts(options) ?? {};
    return { id, body: { to, reason, message }, options: opts(options) };
  },
  remove: ([id, options]) => ({ id, options: opts(options) }),
  checkConflicts: ([body, options]) => ({ body, options: opts(options) }),
  requestExtension: ([id, reason, options]) => ({ id, body: { reason }, options: opts(options) }),
  decideExtension: ([id, grant, options]) => ({ id, body: { grant }, options: opts(options) }),
  comment: ([id, body, options]) => ({ id, body, options: opts(options) }),
  assign: ([id, assigneeId, options]) => ({ id, body: { assigneeId }, options: opts(options) }),
  eligibility: ([partnerId, options]) => ({ query: { partnerId }, options: opts(options) }),
  partner: ([partnerId, options]) => ({ query: { partnerId }, options: opts(options) }),
  enterprise: ([options]) => ({ options: opts(options) }),
} satisfies Record<MethodName, Shape>;

/** Reads and writes safe to send twice: reads, and creates the server deduplicates by key. */
const isRepeatable = (route: Route): boolean =>
  route.method === 'GET' || (route.method === 'POST' && route.idempotencyKey);

const missing = (path: string, what: string) =>
  new PrmError('validation', `${what} is required for this request.`, {
    fields: [{ path, message: `${what} is required.` }],
  });

function invalidResponse(path: string, message: string, status: number, more = 0): PrmError {
  const rest = more > 0 ? ` (and ${more} more)` : '';
  return new PrmError('invalid_response', `${INVALID_RESPONSE}: ${path}: ${message}${rest}`, {
    status,
  });
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A copy of an error without a secret in its message, field messages or cause. */
function scrub(error: PrmError, secret: string | undefined): PrmError {
  if (!secret) return error;
  const clean = (text: string) => text.split(secret).join('[redacted]');
  const causeLeaks = error.cause instanceof Error && error.cause.message.includes(secret);
  const leaks =
    causeLeaks ||
    error.message.includes(secret) ||
    error.fields.some((f) => f.message.includes(secret));
  if (!leaks) return error;
  return new PrmError(error.code, clean(error.message), {
    fields: error.fields.map((f) => ({ path: f.path, message: clean(f.message) })),
    status: error.status,
    retryAfter: error.retryAfter,
    currentVersion: error.currentVersion,
    cause: causeLeaks ? undefined : error.cause,
  });
}

async function errorFromResponse(response: Response): Promise<PrmError> {
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = fromProblem(body, response.status);
  if (error.retryAfter !== undefined || !RETRY_AFTER_STATUS_CODES.includes(response.status)) {
    return error;
  }
  const retryAfter = retryAfterSeconds(response.headers.get(HEADERS.retryAfter));
  if (retryAfter === undefined) return error;
  return new PrmError(error.code, error.message, {
    fields: error.fields,
    status: error.status,
    retryAfter,
    currentVersion: error.currentVersion,
  });
}

/** Settles with `promise`, or rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** How many records' last answers an adapter keeps for conditional GETs. */
const RECORD_CACHE_SIZE = 500;

/**
 * A `PrmAdapter` over HTTP: every method sends the request its route in the core REST
 * contract describes (`ROUTES`) and checks the answer against the route's response schema,
 * so a misbehaving server surfaces as one `invalid_response` error, never as a crash later
 * in a component.
 */
export function createRestAdapter(options: RestAdapterOptions): PrmAdapter {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  const retryLimit = retry.limit ?? DEFAULT_RETRY_LIMIT;
  const maxRetryAfter = retry.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const backoffLimit = retry.backoffLimit ?? Number.POSITIVE_INFINITY;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const userFetch = options.fetch;
  // Called as a plain function: ky calls `options.fetch(…)` as a method, which a browser's
  // own `fetch` refuses ("Illegal invocation").
  const fetchOption: typeof fetch | undefined = userFetch
    ? (input, init) => userFetch(input, init)
    : undefined;
  const capabilities: AdapterCapabilities = Object.freeze({
    resources: RESOURCES,
    live: false,
    metrics: true,
    ...options.capabilities,
  });
  const served = new Set<string>(capabilities.resources);

  function unsupported(group: string): PrmError | undefined {
    if (group === 'metrics') {
      return capabilities.metrics
        ? undefined
        : new PrmError('server', 'This PRM server does not serve metrics.');
    }
    if ((RESOURCES as readonly string[]).includes(group) && !served.has(group)) {
      return new PrmError('server', `This PRM server does not serve ${group}.`);
    }
    return undefined;
  }

  /**
   * The last answer to each GET of one record, by token and URL: asked again with
   * `If-None-Match`, a `304` returns it without a body (cheap polling). Keyed by token too,
   * because a record reads differently for each viewer (work notes).
   */
  const records = new Map<string, { etag: string; value: unknown }>();
  const remember = (key: string, etag: string, value: unknown) => {
    records.delete(key);
    records.set(key, { etag, value });
    if (records.size > RECORD_CACHE_SIZE) records.delete(records.keys().next().value!);
  };

  async function send(route: Route, parts: Parts): Promise<unknown> {
    const { signal, idempotencyKey, version } = parts.options ?? {};
    signal?.throwIfAborted();
    if (route.idempotencyKey && !idempotencyKey)
      throw missing('idempotencyKey', 'An idempotency key');
    if (route.ifMatch && typeof version !== 'number')
      throw missing('version', 'The record version');

    if (route.pathParams.length > 0 && typeof parts.id !== 'string') {
      throw missing('id', 'The record id');
    }
    const path = buildPath(route, typeof parts.id === 'string' ? { id: parts.id } : undefined);
    const searchParams = route.query ? encodeQuery(route.query, parts.query) : undefined;
    const host = typeof options.headers === 'function' ? options.headers() : options.headers;
    const headers: Record<string, string> = { ...host, Accept: ACCEPT };
    let token: string | null | undefined;
    try {
      token = await options.getToken?.();
    } catch (cause) {
      throw new PrmError('unauthorized', 'The sign-in token could not be obtained.', { cause });
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    if (route.idempotencyKey && idempotencyKey) headers[HEADERS.idempotencyKey] = idempotencyKey;
    if (route.ifMatch && typeof version === 'number')
      headers[HEADERS.ifMatch] = formatEtag(version);
    const repeatable = isRepeatable(route);
    const recordKey =
      route.method === 'GET' && route.pathParams.length > 0
        ? `${token ?? ''}\n${path}?${searchParams === undefined ? '' : String(searchParams)}`
        : undefined;
    const known = recordKey === undefined ? undefined : records.get(recordKey);
    if (known) headers[HEADERS.ifNoneMatch] = known.etag;

    try {
      const response = await abortable(
        ky(`${baseUrl}${path}`, {
          method: route.method,
          headers,
          searchParams,
          json: parts.body,
          signal,
          timeout: Number.isFinite(timeout) && timeout > 0 ? timeout : false,
          throwHttpErrors: true,
          fetch: fetchOption,
          retry: {
            limit: repeatable ? retryLimit : 0,
            methods: repeatable ? [route.method.toLowerCase()] : [],
            statusCodes: RETRY_STATUS_CODES,
            afterStatusCodes: RETRY_AFTER_STATUS_CODES,
            // ky 1.9 waits at most this long (it caps a longer Retry-After, then retries).
            maxRetryAfter,
            backoffLimit,
          },
          hooks: {
            // The failed answer is dropped before the next attempt: release its body.
            beforeRetry: [
              ({ error }) => {
                if (error instanceof HTTPError)
                  error.response.body?.cancel().catch(() => undefined);
              },
            ],
          },
        }),
        signal,
      );
      const value = await abortable(readBody(route, response), signal);
      const etag = response.headers.get(HEADERS.etag);
      if (recordKey !== undefined && etag) remember(recordKey, etag, structuredClone(value));
      return value;
    } catch (error) {
      signal?.throwIfAborted();
      if (known && error instanceof HTTPError && error.response.status === 304)
        return structuredClone(known.value);
      throw scrub(await toPrmError(error, timeout), token ?? undefined);
    }
  }

  const groups: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  let session: ((...args: unknown[]) => Promise<unknown>) | undefined;
  for (const route of ROUTES) {
    const [group = '', member] = route.operation.split('.');
    const name = (member ?? group) as MethodName;
    const shape: Shape = SHAPES[name];
    const method = async (...args: unknown[]) => {
      const refusal = unsupported(group);
      if (refusal) throw refusal;
      return send(route, shape(args));
    };
    if (route.operation === 'session') session = method;
    else (groups[group] ??= {})[name] = method;
  }

  return Object.freeze({ capabilities, session, ...groups }) as unknown as PrmAdapter;
}

async function readBody(route: Route, response: Response): Promise<unknown> {
  if (route.response === null) {
    // Not awaited: cancelling one branch of a cloned body waits for the other branch.
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const type = response.headers.get('Content-Type') ?? 'no content type';
    throw invalidResponse('(body)', `not JSON (${type})`, response.status);
  }
  const result = validate(route.response, data);
  if (result.ok) return result.value;
  const [first] = result.error.fields;
  throw invalidResponse(
    first?.path === '' || !first ? '(body)' : first.path,
    first?.message ?? 'invalid',
    response.status,
    result.error.fields.length - 1,
  );
}

async function toPrmError(error: unknown, timeout: number): Promise<PrmError> {
  if (isPrmError(error)) return error;
  if (error instanceof HTTPError) return errorFromResponse(error.response);
  if (error instanceof TimeoutError) {
    return new PrmError('timeout', `The PRM server did not answer within ${timeout / 1000} s.`);
  }
  // Everything else happened before an answer arrived: the server was not reached.
  return new PrmError('network', 'The PRM server could not be reached.', { cause: error });
}
