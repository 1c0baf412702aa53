/**
 * The REST contract over HTTP: one Hono app that mounts every route of the core route table
 * (`ROUTES`) over a `PrmService`. Nothing here is written per route: a request is matched
 * against the table, its headers, query and body are checked as the route says, the adapter
 * method of `route.operation` is called for the signed-in viewer, and its answer (or its
 * `PrmError`, as RFC 9457 problem details) is written back.
 */
import {
  HEADERS,
  PROBLEM_CONTENT_TYPE,
  PrmError,
  decodeQuery,
  englishMessages,
  formatEtag,
  isPrmError,
  matchRoute,
  parseEtag,
  toProblem,
  validate,
  type HttpMethod,
  type PrmAdapter,
  type Route,
  type RouteMatch,
  type Viewer,
} from '@prm-kit/core';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { PrmService } from '../service/service.js';

export interface RestAppOptions {
  /**
   * Who sent the request: the viewer, or `null` when no one is signed in (answered `401`).
   * A thrown `PrmError` is answered as itself.
   */
  authenticate(request: Request): Viewer | null | Promise<Viewer | null>;
  /** Cross-origin access. Default: none (same origin only). */
  cors?: {
    /** Allowed origins (`https://portal.example.com`), or `'*'` for any. */
    origins: readonly string[] | '*';
    /** Allow cookies and HTTP authentication; not allowed with `'*'`. */
    credentials?: boolean;
  };
  /** The largest request body in bytes; larger ones are answered `413`. Default 1 MiB. */
  bodyLimit?: number;
  /** Where the contract is mounted: `'/api/prm'`. Default: the root. */
  basePath?: string;
  /** Called with every unexpected error (answered as a `500` `server` problem). Default: `console.error`. */
  onError?: (error: unknown, request: Request) => void;
}

const DEFAULT_BODY_LIMIT = 1024 * 1024;
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PATCH', 'DELETE'];
const MAX_IDEMPOTENCY_KEY = 255;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Where an adapter method takes a body field apart from the rest (the table says what
 * travels, not how the method's signature splits it): the named field becomes the argument
 * after the path parameters, the body's other fields join the options —
 * `transition(id, to, { version, reason, message })`, `assign(id, assigneeId, { version })`.
 */
const BODY_ARGUMENT: Readonly<Record<string, string>> = {
  transition: 'to',
  requestExtension: 'reason',
  decideExtension: 'grant',
  assign: 'assigneeId',
};

/** A rejection of the request itself, answered with a status other than its code's. */
class RequestProblem extends Error {
  constructor(
    readonly status: number,
    readonly error: PrmError,
  ) {
    // Hono hands only `Error`s to `onError`.
    super(error.message);
  }
}

const invalid = (status: number, field: string, message: string, detail = `${field}: ${message}`) =>
  new RequestProblem(
    status,
    new PrmError('validation', detail, { fields: [{ path: field, message }] }),
  );

function problemResponse(error: PrmError, instance: string, status?: number): Response {
  const body = { ...toProblem(error, instance), ...(status === undefined ? {} : { status }) };
  const headers = new Headers({
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Cache-Control': 'no-store',
  });
  if (error.retryAfter !== undefined)
    headers.set(HEADERS.retryAfter, String(Math.ceil(error.retryAfter)));
  if (body.status === 401) headers.set('WWW-Authenticate', 'Bearer');
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

function normalizeBase(basePath = ''): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed !== '' && !trimmed.startsWith('/'))
    throw new TypeError(`basePath must start with "/": "${basePath}".`);
  return trimmed;
}

function corsOptions(options: NonNullable<RestAppOptions['cors']>) {
  if (options.origins === '*' && options.credentials)
    throw new TypeError('CORS credentials cannot be allowed for every origin ("*"): list them.');
  return {
    origin: options.origins === '*' ? '*' : [...options.origins],
    credentials: options.credentials ?? false,
    allowMethods: ['GET', 'HEAD', ...METHODS.slice(1)],
    allowHeaders: [
      'Authorization',
      'Content-Type',
      HEADERS.idempotencyKey,
      HEADERS.ifMatch,
      HEADERS.ifNoneMatch,
    ],
    exposeHeaders: [HEADERS.etag, HEADERS.retryAfter],
    maxAge: 600,
  };
}

/** The request's version (`If-Match`) and idempotency key, as the route requires them. */
function readHeaders(route: Route, request: Request): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (route.idempotencyKey) {
    const key = request.headers.get(HEADERS.idempotencyKey)?.trim() ?? '';
    if (key === '') throw invalid(400, HEADERS.idempotencyKey, englishMessages.required());
    if (key.length > MAX_IDEMPOTENCY_KEY)
      throw invalid(
        400,
        HEADERS.idempotencyKey,
        englishMessages.tooLong({ maximum: MAX_IDEMPOTENCY_KEY }),
      );
    options.idempotencyKey = key;
  }
  if (route.ifMatch) {
    const header = request.headers.get(HEADERS.ifMatch);
    if (header === null)
      throw invalid(
        428,
        HEADERS.ifMatch,
        englishMessages.required(),
        `${HEADERS.ifMatch} is required: send the record's ETag ("<version>").`,
      );
    const version = parseEtag(header);
    if (version === null)
      throw invalid(
        400,
        HEADERS.ifMatch,
        englishMessages.invalidFormat(),
        `${HEADERS.ifMatch} must be a record version in quotes, like "3".`,
      );
    options.version = version;
  }
  return options;
}

function readQuery(route: Route, params: URLSearchParams): Record<string, unknown> {
  if (!route.query) {
    const names = [...new Set(params.keys())];
    if (names.length === 0) return {};
    const fields = names.map((name) => ({
      path: name,
      message: englishMessages.unknownKeys({ keys: [name] }),
    }));
    throw new PrmError('validation', `This route takes no query parameters.`, { fields });
  }
  // Lists' query schemas are `listQueries[resource]`: this is `decodeListQuery` for them.
  const result = decodeQuery(route.query, params);
  if (!result.ok) throw result.error;
  return result.value;
}

async function readBody(route: Route, request: Request): Promise<unknown> {
  if (!route.body) return undefined;
  const type = request.headers.get('Content-Type');
  if (type !== null && !JSON_TYPE.test(type))
    throw invalid(415, 'Content-Type', 'Send the body as application/json.');
  const text = await request.text();
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw invalid(
      400,
      'body',
      'The body is not valid JSON.',
      'The request body is not valid JSON.',
    );
  }
  const result = validate(route.body, body);
  if (!result.ok) throw result.error;
  // The service gets the JSON as sent (it parses it itself), as a local adapter would.
  return body;
}

/** The arguments of the adapter method, in its signature's order. */
function argumentsOf(
  match: RouteMatch,
  query: Record<string, unknown>,
  body: unknown,
  headerOptions: Record<string, unknown>,
): unknown[] {
  const { route, params } = match;
  const method = route.operation.split('.')[1] ?? route.operation;
  const args: unknown[] = route.pathParams.map((name) => params[name]);
  const options: Record<string, unknown> = { ...headerOptions };
  if (route.query && route.method === 'GET') {
    // A list takes its query object; other reads take each query field in turn
    // (`eligibility(partnerId)`); a write takes them as options (`create(input, { submit })`).
    if (method === 'list') args.push(query);
    else args.push(...Object.keys(route.query._zod.def.shape).map((key) => query[key]));
  } else Object.assign(options, query);
  if (route.body) {
    const field = BODY_ARGUMENT[method];
    if (field === undefined) args.push(body);
    else {
      const { [field]: value, ...rest } = body as Record<string, unknown>;
      args.push(value);
      Object.assign(options, rest);
    }
  }
  if (Object.keys(options).length > 0) args.push(options);
  return args;
}

async function invoke(adapter: PrmAdapter, route: Route, args: unknown[]): Promise<unknown> {
  // `'session'` is a method of the adapter, `'deals.create'` one of a group.
  const [group = '', method] = route.operation.split('.');
  const lookup = (owner: unknown, key: string): unknown =>
    (owner as Record<string, unknown> | undefined)?.[key];
  const target = method === undefined ? adapter : lookup(adapter, group);
  const fn = lookup(target, method ?? group);
  if (typeof fn !== 'function')
    throw new PrmError('server', `This backend does not serve ${route.operation}.`);
  return (await Reflect.apply(fn, target, args)) as unknown;
}

function success(route: Route, result: unknown, request: Request): Response {
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (route.response === null) return new Response(null, { status: 204, headers });
  const version = (result as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && Number.isSafeInteger(version)) {
    const etag = formatEtag(version);
    headers.set(HEADERS.etag, etag);
    // A poll of an unchanged record: the read (and its permission check) ran, the body is
    // not sent again.
    if (route.method === 'GET' && request.headers.get(HEADERS.ifNoneMatch) === etag)
      return new Response(null, { status: 304, headers });
  }
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(result), { status: route.successStatus, headers });
}

/** The methods a path answers to (for `405` and `OPTIONS`), or none when it is unknown. */
function allowedMethods(path: string): string[] {
  const methods: string[] = METHODS.filter((method) => matchRoute(method, path) !== null);
  if (methods.length === 0) return methods;
  return methods.includes('GET')
    ? ['GET', 'HEAD', ...methods.slice(1), 'OPTIONS']
    : [...methods, 'OPTIONS'];
}

/** The REST contract (`ROUTES`) as a Hono app over the service. */
export function createRestApp(service: PrmService, options: RestAppOptions): Hono {
  const base = normalizeBase(options.basePath);
  const report = options.onError ?? ((error: unknown) => console.error(error));
  const app = new Hono();

  const failure = (error: unknown, request: Request): Response => {
    const instance = new URL(request.url).pathname;
    if (error instanceof RequestProblem)
      return problemResponse(error.error, instance, error.status);
    if (isPrmError(error)) return problemResponse(error, instance);
    report(error, request);
    // Nothing of an unexpected error reaches the client: it may hold internals.
    return problemResponse(
      new PrmError('server', 'The server failed to handle the request.'),
      instance,
    );
  };

  if (options.cors) app.use('*', cors(corsOptions(options.cors)));
  app.use(
    '*',
    bodyLimit({
      maxSize: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      onError: () => {
        throw invalid(413, 'body', 'The body is too large.', 'The request body is too large.');
      },
    }),
  );
  app.onError((error, c) => failure(error, c.req.raw));

  app.all('*', async (c: Context) => {
    const request = c.req.raw;
    const url = new URL(request.url);
    const path =
      base === ''
        ? url.pathname
        : url.pathname.startsWith(`${base}/`)
          ? url.pathname.slice(base.length)
          : null;
    // Hono answers HEAD with the GET handler's headers and no body.
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const match = path === null ? null : matchRoute(method, path);
    if (!match) {
      const allowed = path === null ? [] : allowedMethods(path);
      if (allowed.length === 0)
        throw new PrmError('not_found', `There is no ${url.pathname} in this API.`);
      if (method === 'OPTIONS')
        return new Response(null, { status: 204, headers: { Allow: allowed.join(', ') } });
      const problem = failure(
        new RequestProblem(
          405,
          new PrmError('validation', `${method} is not allowed on ${url.pathname}.`),
        ),
        request,
      );
      problem.headers.set('Allow', allowed.join(', '));
      return problem;
    }
    // v1: every route needs a viewer, the `anonymous` partner application included.
    const viewer = await options.authenticate(request);
    if (!viewer) throw new PrmError('unauthorized', 'Sign in to use this API.');
    const headerOptions = readHeaders(match.route, request);
    const query = readQuery(match.route, url.searchParams);
    const body = await readBody(match.route, c.req.raw);
    const args = argumentsOf(match, query, body, headerOptions);
    return success(match.route, await invoke(service.for(viewer), match.route, args), request);
  });

  return app;
}
