import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import {
  HEADERS,
  PrmError,
  RESOURCES,
  ROUTES,
  encodeListQuery,
  isPrmError,
  matchRoute,
  toProblem,
  type DealRegistrationInput,
  type ListQueries,
} from '@prm-kit/core';
import { demoDataset, demoViewer } from '@prm-kit/backend';
import { createRestAdapter, type RestAdapterOptions } from '../src/index.js';

const BASE = 'https://crm.example.com/api/prm';
const TOKEN = 'sekret-token-123';
const data = demoDataset();
const deal = data.deals[0]!;
const aCase = data.cases[0]!;

interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
  signal: AbortSignal;
}

/** One scripted answer: a response, an error to throw, or a function of the request. */
type Step = Response | Error | ((request: Request) => Response | Promise<Response>);

/** A `fetch` that answers from a queue (the last step repeats) and records every request. */
function scripted(...steps: Step[]) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    requests.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.clone().text(),
      signal: request.signal,
    });
    const step = steps.length > 1 ? steps.shift() : steps[0];
    if (step === undefined) throw new Error('The script has no answer.');
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return step(request);
    return step.clone();
  };
  return { fetch, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });

const problem = (error: PrmError, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(toProblem(error)), {
    status: error.status ?? 500,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

const noContent = () => new Response(null, { status: 204 });

/** A fetch that answers only when its request is aborted (a server that never replies). */
const hanging = () => (request: Request) =>
  new Promise<Response>((_, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason as Error));
  });

function adapterWith(steps: Step[], options: Partial<RestAdapterOptions> = {}) {
  const stub = scripted(...steps);
  const adapter = createRestAdapter({
    baseUrl: BASE,
    getToken: () => TOKEN,
    fetch: stub.fetch,
    retry: { limit: 2, backoffLimit: 1 },
    ...options,
  });
  return { adapter, requests: stub.requests };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to reject');
}

async function prmError(promise: Promise<unknown>, code?: PrmError['code']): Promise<PrmError> {
  const error = await rejection(promise);
  assert.ok(isPrmError(error), `expected a PrmError, got ${String(error)}`);
  if (code) assert.equal(error.code, code, error.message);
  return error;
}

const dealInput = {
  programId: deal.programId,
  dealType: deal.dealType,
  customer: deal.customer,
  products: deal.products,
  estimatedValue: deal.estimatedValue,
  expectedCloseDate: deal.expectedCloseDate,
} as DealRegistrationInput;

type Methods = Record<string, ((this: void, ...args: unknown[]) => Promise<unknown>) | undefined>;

describe('request building', () => {
  it('wires every route of the contract to a method that sends that route', async () => {
    const { adapter, requests } = adapterWith([json({})]);
    const options = { version: 4, idempotencyKey: 'key-1' };
    for (const route of ROUTES) {
      const [group, name] = route.operation.split('.') as [string, string | undefined];
      const groups = adapter as unknown as Record<string, Methods>;
      const method =
        name === undefined
          ? (...args: unknown[]) => adapter.session(args[0] ?? {})
          : groups[group]![name];
      assert.equal(typeof method, 'function', route.operation);
      const args = route.pathParams.length > 0 ? ['x1', {}, options] : [{}, options];
      if (route.operation.endsWith('.transition') || /Extension|assign/.test(route.operation)) {
        args.splice(1, 1, 'value');
      }
      if (route.operation === 'segments.remove') args.splice(1, 1);
      if (route.operation === 'session' || route.operation === 'metrics.enterprise') {
        args.splice(0, args.length, {});
      }
      if (route.operation === 'metrics.partner' || route.operation === 'programs.eligibility') {
        args.splice(0, args.length, 'p-1', {});
      }
      const before = requests.length;
      await method!(...args).catch(() => undefined);
      assert.equal(requests.length, before + 1, `${route.operation} sent a request`);
      const sent = requests.at(-1)!;
      const path = sent.url.pathname.slice(new URL(BASE).pathname.length);
      assert.equal(matchRoute(sent.method, path)?.route.operation, route.operation, path);
      assert.equal(sent.headers.get('Authorization'), `Bearer ${TOKEN}`);
      assert.equal(sent.headers.has(HEADERS.idempotencyKey), route.idempotencyKey);
      assert.equal(sent.headers.get(HEADERS.ifMatch), route.ifMatch ? '"4"' : null);
    }
    assert.equal(requests.length, ROUTES.length);
  });

  it('reads a record: GET with the id encoded into the path and the token', async () => {
    const { adapter, requests } = adapterWith([json(deal)]);
    const got = await adapter.deals.get('d/1 x');
    assert.deepEqual(got, deal);
    const [sent] = requests;
    assert.equal(sent?.method, 'GET');
    assert.equal(sent?.url.href, `${BASE}/deals/d%2F1%20x`);
    assert.equal(sent?.headers.get('Authorization'), `Bearer ${TOKEN}`);
    assert.match(sent?.headers.get('Accept') ?? '', /application\/json/);
    assert.equal(sent?.body, '');
  });

  it('lists with the query encoded as URL parameters', async () => {
    const page = { items: [deal], nextCursor: 'next', total: 9 };
    const { adapter, requests } = adapterWith([json(page)]);
    const query: ListQueries['deals'] = {
      filter: { status: ['submitted', 'approved'], partnerId: 'p-abc' },
      search: 'acme & co',
      sort: '-updatedAt',
      cursor: 'c1',
      limit: 20,
    };
    assert.deepEqual(await adapter.deals.list(query), page);
    const url = requests[0]!.url;
    assert.equal(url.pathname, '/api/prm/deals');
    assert.equal(url.searchParams.toString(), encodeListQuery('deals', query).toString());
    assert.deepEqual(url.searchParams.getAll('status'), ['submitted', 'approved']);
    assert.equal(url.searchParams.get('search'), 'acme & co');
    assert.equal(url.searchParams.get('limit'), '20');
  });

  it('lists without a query: no URL parameters', async () => {
    const { adapter, requests } = adapterWith([json({ items: [], nextCursor: null })]);
    await adapter.partners.list();
    assert.equal(requests[0]!.url.href, `${BASE}/partners`);
  });

  it('creates with POST, the Idempotency-Key header and the input as the JSON body', async () => {
    const { adapter, requests } = adapterWith([json(aCase, 201)]);
    const input = {
      category: 'licensing' as const,
      priority: 'medium' as const,
      subject: 'Keys',
      description: 'Missing.',
    };
    await adapter.cases.create(input, { idempotencyKey: 'case-key' });
    const [sent] = requests;
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.url.href, `${BASE}/cases`);
    assert.equal(sent?.headers.get(HEADERS.idempotencyKey), 'case-key');
    assert.match(sent?.headers.get('Content-Type') ?? '', /^application\/json/);
    assert.deepEqual(JSON.parse(sent?.body ?? ''), input);
  });

  it('registers a deal with ?submit=true and keeps options out of the body', async () => {
    const { adapter, requests } = adapterWith([json(deal, 201)]);
    await adapter.deals.create(dealInput, { idempotencyKey: 'deal-key', submit: true });
    const [sent] = requests;
    assert.equal(sent?.url.href, `${BASE}/deals?submit=true`);
    assert.equal(sent?.headers.get(HEADERS.idempotencyKey), 'deal-key');
    assert.deepEqual(JSON.parse(sent?.body ?? ''), dealInput);
    await adapter.deals.create(dealInput, { idempotencyKey: 'draft-key' });
    assert.equal(requests[1]?.url.search, '');
  });

  it('updates with PATCH and If-Match: "<version>"', async () => {
    const { adapter, requests } = adapterWith([json(deal)]);
    await adapter.deals.update('d1', { estimatedValue: deal.estimatedValue }, { version: 3 });
    const [sent] = requests;
    assert.equal(sent?.method, 'PATCH');
    assert.equal(sent?.url.href, `${BASE}/deals/d1`);
    assert.equal(sent?.headers.get(HEADERS.ifMatch), '"3"');
    assert.equal(sent?.headers.has(HEADERS.idempotencyKey), false);
    assert.deepEqual(JSON.parse(sent?.body ?? ''), { estimatedValue: deal.estimatedValue });
  });

  it('changes a status with { to, reason?, message? } and If-Match', async () => {
    const { adapter, requests } = adapterWith([json(deal), json(aCase)]);
    await adapter.deals.transition('d1', 'rejected', {
      version: 2,
      reason: 'duplicate',
      message: 'Registered twice.',
    });
    await adapter.cases.transition('c1', 'in_progress', { version: 5 });
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.url.href, `${BASE}/deals/d1/transitions`);
    assert.equal(requests[0]?.headers.get(HEADERS.ifMatch), '"2"');
    assert.deepEqual(JSON.parse(requests[0]?.body ?? ''), {
      to: 'rejected',
      reason: 'duplicate',
      message: 'Registered twice.',
    });
    assert.deepEqual(JSON.parse(requests[1]?.body ?? ''), { to: 'in_progress' });
    assert.equal(requests[1]?.headers.get(HEADERS.ifMatch), '"5"');
  });

  it('sends the bodies of the deal and case actions', async () => {
    const { adapter, requests } = adapterWith([json(deal), json(deal), json(deal), json(aCase)]);
    await adapter.deals.requestExtension('d1', 'Customer delayed.', { version: 1 });
    await adapter.deals.decideExtension('d1', true, { version: 2 });
    await adapter.deals.comment('d1', { body: 'Hello', internal: true }, { version: 3 });
    await adapter.cases.assign('c1', null, { version: 4 });
    const sent = requests.map((r) => [r.method, r.url.pathname, r.headers.get('If-Match'), r.body]);
    assert.deepEqual(sent, [
      ['POST', '/api/prm/deals/d1/extension-requests', '"1"', '{"reason":"Customer delayed."}'],
      ['POST', '/api/prm/deals/d1/extension-decisions', '"2"', '{"grant":true}'],
      ['POST', '/api/prm/deals/d1/comments', '"3"', '{"body":"Hello","internal":true}'],
      ['POST', '/api/prm/cases/c1/assignment', '"4"', '{"assigneeId":null}'],
    ]);
  });

  it('checks conflicts with a POST that carries neither key nor version', async () => {
    const check = { result: 'clear', conflicts: [] };
    const { adapter, requests } = adapterWith([json(check)]);
    await adapter.deals
      .checkConflicts({ customer: deal.customer, products: deal.products })
      .catch(() => undefined);
    const [sent] = requests;
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.url.pathname, '/api/prm/deals/conflict-checks');
    assert.equal(sent?.headers.has(HEADERS.idempotencyKey), false);
    assert.equal(sent?.headers.has(HEADERS.ifMatch), false);
  });

  it('removes a segment with DELETE and If-Match, resolving to nothing on 204', async () => {
    const { adapter, requests } = adapterWith([noContent()]);
    assert.equal(await adapter.segments.remove('s1', { version: 7 }), undefined);
    assert.equal(requests[0]?.method, 'DELETE');
    assert.equal(requests[0]?.url.href, `${BASE}/segments/s1`);
    assert.equal(requests[0]?.headers.get(HEADERS.ifMatch), '"7"');
    assert.equal(requests[0]?.body, '');
  });

  it('passes an optional partner id as a query parameter', async () => {
    const { adapter, requests } = adapterWith([json({})]);
    await adapter.metrics.partner('p-abc').catch(() => undefined);
    await adapter.metrics.partner().catch(() => undefined);
    await adapter.programs.eligibility('p-abc').catch(() => undefined);
    await adapter.metrics.enterprise().catch(() => undefined);
    assert.deepEqual(
      requests.map((r) => r.url.href),
      [
        `${BASE}/metrics/partner?partnerId=p-abc`,
        `${BASE}/metrics/partner`,
        `${BASE}/programs/eligibility?partnerId=p-abc`,
        `${BASE}/metrics/enterprise`,
      ],
    );
  });

  it('reads the session', async () => {
    const viewer = demoViewer('partnerAdmin');
    const { adapter, requests } = adapterWith([json(viewer)]);
    assert.deepEqual(await adapter.session(), viewer);
    assert.equal(requests[0]?.url.href, `${BASE}/session`);
  });

  it('adds host headers, asks for the token on every call, and sends none without one', async () => {
    let token: string | null = 'first';
    let calls = 0;
    const { adapter, requests } = adapterWith([json(deal)], {
      baseUrl: `${BASE}/`,
      getToken: async () => token,
      headers: () => ({ 'X-Tenant': String(++calls), 'If-Match': '"99"' }),
    });
    await adapter.deals.get('d1');
    token = null;
    await adapter.deals.update('d1', {}, { version: 1 });
    assert.equal(requests[0]?.url.href, `${BASE}/deals/d1`);
    assert.equal(requests[0]?.headers.get('Authorization'), 'Bearer first');
    assert.equal(requests[0]?.headers.get('X-Tenant'), '1');
    assert.equal(requests[1]?.headers.has('Authorization'), false);
    assert.equal(requests[1]?.headers.get('X-Tenant'), '2');
    assert.equal(requests[1]?.headers.get(HEADERS.ifMatch), '"1"', 'the contract header wins');

    const fixed = adapterWith([json(deal)], { getToken: undefined, headers: { 'X-App': 'crm' } });
    await fixed.adapter.deals.get('d1');
    assert.equal(fixed.requests[0]?.headers.get('X-App'), 'crm');
    assert.equal(fixed.requests[0]?.headers.has('Authorization'), false);
  });

  it('calls a host fetch as a plain function (a browser fetch refuses another `this`)', async () => {
    const adapter = createRestAdapter({
      baseUrl: BASE,
      // What a browser's fetch does when called as a method of another object.
      fetch: function (this: unknown) {
        if (this !== undefined) throw new TypeError('Illegal invocation');
        return Promise.resolve(json(deal));
      },
    });
    assert.equal((await adapter.deals.get('d1')).id, deal.id);
  });

  it('refuses a write without its version or key, and a call without an id, sending nothing', async () => {
    const { adapter, requests } = adapterWith([json(deal)]);
    const noVersion = await prmError(
      adapter.deals.update('d1', {}, {} as { version: number }),
      'validation',
    );
    assert.equal(noVersion.fields[0]?.path, 'version');
    const noKey = await prmError(
      adapter.deals.create(dealInput, {} as { idempotencyKey: string }),
      'validation',
    );
    assert.equal(noKey.fields[0]?.path, 'idempotencyKey');
    const noId = await prmError(adapter.deals.get(undefined as unknown as string), 'validation');
    assert.equal(noId.fields[0]?.path, 'id');
    await prmError(adapter.deals.get(''), 'validation');
    assert.equal(requests.length, 0);
  });
});

describe('responses', () => {
  it('returns the validated record', async () => {
    const { adapter } = adapterWith([json({ items: [deal], nextCursor: null })]);
    const page = await adapter.deals.list();
    assert.equal(page.items[0]?.id, deal.id);
  });

  it('rejects a body the contract does not allow with invalid_response naming the path', async () => {
    const { adapter } = adapterWith([json({ ...deal, status: 'lost' })]);
    const error = await prmError(adapter.deals.get(deal.id), 'invalid_response');
    assert.match(
      error.message,
      /^The PRM server answered with data the contract does not allow: status: /,
    );
    assert.equal(error.status, 200);
  });

  it('names a nested path, and counts the other problems', async () => {
    const broken = { ...deal, id: 42, customer: { ...deal.customer, domain: 7 } };
    const { adapter } = adapterWith([json({ items: [broken], nextCursor: null })]);
    const error = await prmError(adapter.deals.list(), 'invalid_response');
    assert.match(error.message, /: items\.0\.id: .*\(and 1 more\)$/);
  });

  it('rejects a body that is not JSON, or an empty one, with invalid_response', async () => {
    const html = new Response('<html>Sign in</html>', {
      headers: { 'Content-Type': 'text/html' },
    });
    const { adapter } = adapterWith([html, new Response('')]);
    const error = await prmError(adapter.deals.get('d1'), 'invalid_response');
    assert.match(error.message, /: \(body\): not JSON \(text\/html\)/);
    const empty = await prmError(adapter.deals.get('d1'), 'invalid_response');
    assert.match(empty.message, /\(body\): not JSON/);
  });

  it('rejects a top-level mismatch (a list answered with an array) naming the body', async () => {
    const { adapter } = adapterWith([json([deal])]);
    const error = await prmError(adapter.deals.list(), 'invalid_response');
    assert.match(error.message, /allow: \(body\): /);
  });
});

describe('errors', () => {
  it('maps a problem to the same PrmError, with its fields and current version', async () => {
    const conflict = new PrmError('version_conflict', 'Changed by Bob.', {
      status: 412,
      currentVersion: 6,
    });
    const invalid = new PrmError('validation', 'customer.domain: Enter a domain.', {
      status: 422,
      fields: [{ path: 'customer.domain', message: 'Enter a domain.' }],
    });
    const { adapter } = adapterWith([problem(conflict), problem(invalid)]);
    const first = await prmError(
      adapter.deals.update('d1', {}, { version: 5 }),
      'version_conflict',
    );
    assert.equal(first.message, 'Changed by Bob.');
    assert.equal(first.currentVersion, 6);
    assert.equal(first.status, 412);
    const second = await prmError(
      adapter.deals.create(dealInput, { idempotencyKey: 'k' }),
      'validation',
    );
    assert.equal(second.fieldMessage('customer.domain'), 'Enter a domain.');
    assert.equal(second.status, 422);
  });

  it('maps a bare status (a proxy error page) by the status', async () => {
    const page = new Response('<h1>Not Found</h1>', {
      status: 404,
      headers: { 'Content-Type': 'text/html' },
    });
    const { adapter } = adapterWith([page, new Response(null, { status: 403 })]);
    const missing = await prmError(adapter.deals.get('d1'), 'not_found');
    assert.equal(missing.status, 404);
    await prmError(adapter.deals.get('d1'), 'forbidden');
  });

  it('reports Retry-After of a 429 or 503 as retryAfter seconds when it gives up', async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    const { adapter } = adapterWith(
      [
        json({ title: 'Slow down' }, 429, { 'Retry-After': '7' }),
        new Response('busy', { status: 503, headers: { 'Retry-After': date } }),
        new Response('', { status: 429, headers: { 'Retry-After': 'soon' } }),
      ],
      { retry: 0 },
    );
    const limited = await prmError(adapter.deals.get('d1'), 'rate_limited');
    assert.equal(limited.retryAfter, 7);
    assert.equal(limited.message, 'Slow down');
    const busy = await prmError(adapter.deals.get('d1'), 'server');
    assert.ok(busy.retryAfter !== undefined && busy.retryAfter > 100 && busy.retryAfter <= 120);
    const unreadable = await prmError(adapter.deals.get('d1'), 'rate_limited');
    assert.equal(unreadable.retryAfter, undefined);
  });

  it('keeps the retryAfter a problem body states', async () => {
    const limited = new PrmError('rate_limited', 'Wait.', { status: 429, retryAfter: 3 });
    const { adapter } = adapterWith([problem(limited, { 'Retry-After': '9' })], { retry: 0 });
    assert.equal((await prmError(adapter.deals.get('d1'), 'rate_limited')).retryAfter, 3);
  });

  it('turns a failed connection into network, keeping the cause', async () => {
    const failure = new TypeError('fetch failed');
    const { adapter, requests } = adapterWith([failure]);
    const error = await prmError(adapter.deals.get('d1'), 'network');
    assert.equal(error.cause, failure);
    assert.ok(error.retryable);
    assert.equal(requests.length, 3, 'a read is retried twice first');
  });

  it('turns an attempt that outlasts the timeout into timeout, without retrying it', async () => {
    const { adapter, requests } = adapterWith([hanging()], { timeout: 20 });
    const started = Date.now();
    const error = await prmError(adapter.deals.get('d1'), 'timeout');
    assert.ok(Date.now() - started < 1_000);
    assert.match(error.message, /did not answer within 0\.02 s/);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.signal.aborted, true, 'the attempt is aborted');
  });

  it('waits without a time limit when timeout is 0', async () => {
    const slow = () =>
      new Promise<Response>((resolve) => setTimeout(() => resolve(json(deal)), 30));
    const { adapter } = adapterWith([slow], { timeout: 0 });
    assert.equal((await adapter.deals.get('d1')).id, deal.id);
  });

  it('reports a token-fetching failure as unauthorized', async () => {
    const { adapter, requests } = adapterWith([json(deal)], {
      getToken: () => Promise.reject(new Error('refresh failed')),
    });
    const error = await prmError(adapter.deals.get('d1'), 'unauthorized');
    assert.equal((error.cause as Error).message, 'refresh failed');
    assert.equal(requests.length, 0);
  });
});

describe('abort', () => {
  it('rejects with the signal reason, even when the fetch ignores the signal', async () => {
    const ignoring = () => new Promise<Response>(() => undefined);
    // (ky's timer for the abandoned attempt runs out after `timeout`; keep it short here.)
    const { adapter } = adapterWith([ignoring], { timeout: 200 });
    const controller = new AbortController();
    const call = adapter.deals.get('d1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    const error = await rejection(call);
    assert.ok(error instanceof DOMException);
    assert.equal(error.name, 'AbortError');
    assert.equal(isPrmError(error), false);
  });

  it('aborts the request itself, and rejects with a custom reason as given', async () => {
    const { adapter, requests } = adapterWith([hanging()]);
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const call = adapter.deals.update('d1', {}, { version: 1, signal: controller.signal });
    setTimeout(() => controller.abort(reason), 5);
    assert.equal(await rejection(call), reason);
    assert.equal(requests[0]?.signal.aborted, true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { adapter, requests } = adapterWith([json(deal)]);
    const error = await rejection(adapter.deals.get('d1', { signal: AbortSignal.abort() }));
    assert.equal((error as Error).name, 'AbortError');
    assert.equal(requests.length, 0);
  });

  it('stops waiting for a retry when aborted', async () => {
    const { adapter, requests } = adapterWith([
      new Response('', { status: 503, headers: { 'Retry-After': '10' } }),
    ]);
    const controller = new AbortController();
    const call = adapter.deals.get('d1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    assert.equal(((await rejection(call)) as Error).name, 'AbortError');
    assert.equal(requests.length, 1);
  });

  it('is an AbortError, not network, when the fetch rejects because of the abort', async () => {
    const { adapter } = adapterWith([hanging()], { retry: 0 });
    const controller = new AbortController();
    const call = adapter.partners.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    assert.equal(((await rejection(call)) as Error).name, 'AbortError');
  });
});

describe('retries', () => {
  it('waits for Retry-After on a 429, then repeats the read', async () => {
    const { adapter, requests } = adapterWith([
      new Response('', { status: 429, headers: { 'Retry-After': '0.08' } }),
      json(deal),
    ]);
    const started = Date.now();
    assert.equal((await adapter.deals.get('d1')).id, deal.id);
    assert.ok(Date.now() - started >= 70, 'waited for Retry-After');
    assert.equal(requests.length, 2);
  });

  it('caps a long Retry-After at maxRetryAfter', async () => {
    const { adapter, requests } = adapterWith(
      [new Response('', { status: 503, headers: { 'Retry-After': '3600' } }), json(deal)],
      { retry: { limit: 1, maxRetryAfter: 10 } },
    );
    const started = Date.now();
    await adapter.deals.get('d1');
    assert.ok(Date.now() - started < 1_000);
    assert.equal(requests.length, 2);
  });

  it('repeats a read on 503 up to the limit, then reports the last failure', async () => {
    const busy = () => new Response('', { status: 503 });
    const ok = adapterWith([busy(), busy(), json(deal)]);
    assert.equal((await ok.adapter.deals.get('d1')).id, deal.id);
    assert.equal(ok.requests.length, 3);
    const failing = adapterWith([busy()]);
    await prmError(failing.adapter.deals.get('d1'), 'server');
    assert.equal(failing.requests.length, 3);
  });

  it('repeats 408, 500, 502 and 504, but not 404 or 413', async () => {
    for (const status of [408, 500, 502, 504]) {
      const { adapter, requests } = adapterWith([new Response('', { status }), json(deal)]);
      await adapter.deals.get('d1');
      assert.equal(requests.length, 2, String(status));
    }
    for (const status of [404, 413]) {
      const { adapter, requests } = adapterWith([new Response('', { status }), json(deal)]);
      await prmError(adapter.deals.get('d1'));
      assert.equal(requests.length, 1, String(status));
    }
  });

  it('repeats a create that carries an idempotency key, with the same key', async () => {
    const { adapter, requests } = adapterWith([
      new Response('', { status: 503 }),
      new TypeError('fetch failed'),
      json(deal, 201),
    ]);
    await adapter.deals.create(dealInput, { idempotencyKey: 'same', submit: true });
    assert.equal(requests.length, 3);
    for (const sent of requests) {
      assert.equal(sent.headers.get(HEADERS.idempotencyKey), 'same');
      assert.deepEqual(JSON.parse(sent.body), dealInput);
    }
  });

  it('never repeats a PATCH, a DELETE or another POST', async () => {
    const busy = () => new Response('', { status: 503 });
    const { adapter, requests } = adapterWith([busy()]);
    await prmError(adapter.deals.update('d1', {}, { version: 1 }), 'server');
    await prmError(adapter.segments.remove('s1', { version: 1 }), 'server');
    await prmError(adapter.deals.transition('d1', 'submitted', { version: 1 }), 'server');
    assert.equal(requests.length, 3);
    const offline = adapterWith([new TypeError('fetch failed')]);
    await prmError(
      offline.adapter.deals.checkConflicts({ customer: deal.customer, products: deal.products }),
      'network',
    );
    assert.equal(offline.requests.length, 1);
  });

  it('does not repeat when retry is 0', async () => {
    const { adapter, requests } = adapterWith([new Response('', { status: 503 })], { retry: 0 });
    await prmError(adapter.deals.get('d1'), 'server');
    assert.equal(requests.length, 1);
  });
});

describe('secrets', () => {
  it('never puts the token in an error message', async () => {
    const echo = new PrmError('forbidden', `Token ${TOKEN} may not do this.`, {
      status: 403,
      fields: [{ path: 'auth', message: `bad ${TOKEN}` }],
    });
    const steps: Step[] = [
      problem(echo),
      json({ detail: `Bearer ${TOKEN} rejected` }, 401),
      new Response(`<p>${TOKEN}</p>`, { status: 500 }),
      json({ ...deal, status: TOKEN }),
      new TypeError(`connect failed for ${TOKEN}`),
      hanging(),
    ];
    const { adapter } = adapterWith(steps, { retry: 0, timeout: 20 });
    const errors: PrmError[] = [];
    for (let i = 0; i < 6; i++) errors.push(await prmError(adapter.deals.get('d1')));
    assert.deepEqual(
      errors.map((e) => e.code),
      ['forbidden', 'unauthorized', 'server', 'invalid_response', 'network', 'timeout'],
    );
    for (const error of errors) {
      const cause = error.cause instanceof Error ? error.cause.message : '';
      const shown = JSON.stringify(error) + String(error) + error.stack + cause;
      assert.equal(shown.includes(TOKEN), false, shown);
    }
    assert.match(errors[0]!.message, /\[redacted\]/);
    assert.equal(errors[0]!.fieldMessage('auth'), 'bad [redacted]');
  });
});

describe('capabilities', () => {
  it('declares every resource, metrics and no live changes by default', () => {
    const { adapter } = adapterWith([]);
    assert.deepEqual(adapter.capabilities, { resources: RESOURCES, live: false, metrics: true });
    assert.equal('subscribe' in adapter, false);
  });

  it('refuses what the host says its backend does not serve, without a request', async () => {
    const { adapter, requests } = adapterWith([json(deal)], {
      capabilities: { resources: ['partners', 'deals'], metrics: false },
    });
    assert.deepEqual(adapter.capabilities.resources, ['partners', 'deals']);
    await adapter.deals.get('d1');
    await prmError(adapter.cases.get('c1'), 'server');
    await prmError(adapter.metrics.enterprise(), 'server');
    assert.ok(await adapter.session().catch(() => true));
    assert.equal(requests.length, 2, 'deals.get and session only');
  });
});

describe('over real HTTP (the global fetch)', () => {
  it('reads from a server, and reports network once it is gone', async () => {
    const viewer = demoViewer('channelManager');
    const server = createServer((request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(
        JSON.stringify(request.headers.authorization === `Bearer ${TOKEN}` ? viewer : {}),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const adapter = createRestAdapter({
      baseUrl: `http://127.0.0.1:${port}/api/prm`,
      getToken: () => TOKEN,
      retry: 0,
    });
    assert.deepEqual(await adapter.session(), viewer);
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeAllConnections();
    await closed;
    const error = await prmError(adapter.session(), 'network');
    assert.equal(error.message.includes(TOKEN), false);
  });
});

describe('conditional reads (polling a record)', () => {
  const withEtag = (body: unknown, version: number) =>
    json(body, 200, { [HEADERS.etag]: `"${version}"` });
  const notModified = (version: number) =>
    new Response(null, { status: 304, headers: { [HEADERS.etag]: `"${version}"` } });

  it('asks again with If-None-Match and returns the same record on 304', async () => {
    const { adapter, requests } = adapterWith([
      withEtag(aCase, aCase.version),
      notModified(aCase.version),
    ]);
    const first = await adapter.cases.get(aCase.id);
    const second = await adapter.cases.get(aCase.id);
    assert.equal(requests[0]?.headers.get(HEADERS.ifNoneMatch), null);
    assert.equal(requests[1]?.headers.get(HEADERS.ifNoneMatch), `"${aCase.version}"`);
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'a copy: a caller changing its record changes no other');
  });

  it('takes the new record when it changed', async () => {
    const changed = { ...aCase, version: aCase.version + 1, subject: 'Changed' };
    const { adapter } = adapterWith([
      withEtag(aCase, aCase.version),
      withEtag(changed, changed.version),
    ]);
    await adapter.cases.get(aCase.id);
    assert.equal((await adapter.cases.get(aCase.id)).subject, 'Changed');
  });

  it('never reuses one viewer’s record for another token', async () => {
    let token = 'agent-token';
    const { adapter, requests } = adapterWith(
      [withEtag(aCase, aCase.version), withEtag(aCase, aCase.version)],
      { getToken: () => token },
    );
    await adapter.cases.get(aCase.id);
    token = 'partner-token';
    await adapter.cases.get(aCase.id);
    assert.equal(requests[1]?.headers.get(HEADERS.ifNoneMatch), null);
  });

  it('sends no If-None-Match on lists', async () => {
    const page = { items: [aCase], nextCursor: null };
    const { adapter, requests } = adapterWith([json(page), json(page)]);
    await adapter.cases.list();
    await adapter.cases.list();
    assert.equal(requests[1]?.headers.get(HEADERS.ifNoneMatch), null);
  });
});
