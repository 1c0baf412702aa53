/** The HTTP rules around the routes: headers, problems, CORS, limits, sign-in. */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import {
  HEADERS,
  PROBLEM_CONTENT_TYPE,
  PrmError,
  ProblemDetails,
  type PrmAdapter,
  type Viewer,
} from '@prm-kit/core';
import {
  DEMO_TOKENS,
  DEMO_USERS,
  createRestApp,
  demoAuthenticate,
  demoViewer,
  type PrmService,
} from '../../src/index.js';
import { BASE, json, restHarness } from './harness.js';

type Problem = ProblemDetails;

async function problemOf(response: Response, status: number, code: string): Promise<Problem> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('Content-Type'), PROBLEM_CONTENT_TYPE);
  const body = await json<Problem>(response);
  assert.ok(ProblemDetails.safeParse(body).success, JSON.stringify(body));
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(body.type, `https://prm-kit.dev/problems/${code}`);
  return body;
}

const caseInput = { category: 'billing', priority: 'low', subject: 'Invoice', description: 'VAT' };

describe('REST: idempotent creates', () => {
  it('replays the first answer for the same key and makes one record', async () => {
    const { request } = restHarness();
    const post = () =>
      request('POST', '/cases', {
        actor: 'partnerAdmin',
        body: caseInput,
        headers: { [HEADERS.idempotencyKey]: 'same-intent' },
      });
    const first = await post();
    const second = await post();
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    const [a, b] = [await json(first), await json(second)];
    assert.deepEqual(b, a);
    const list = await request('GET', '/cases?search=Invoice&limit=100', { actor: 'partnerAdmin' });
    const page = await json<{ items: { id: string; subject: string }[] }>(list);
    assert.equal(page.items.filter((item) => item.id === a.id).length, 1);
    // A different key is another intent: another record.
    const third = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: caseInput,
      headers: { [HEADERS.idempotencyKey]: 'other-intent' },
    });
    assert.notEqual((await json(third)).id, a.id);
  });

  it('requires Idempotency-Key on creates (400, naming the header)', async () => {
    const { request } = restHarness();
    const missing = await request('POST', '/cases', { actor: 'partnerAdmin', body: caseInput });
    const problem = await problemOf(missing, 400, 'validation');
    assert.equal(problem.fields?.[0]?.path, 'Idempotency-Key');
    assert.match(problem.detail, /Idempotency-Key/);
    const tooLong = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: caseInput,
      headers: { [HEADERS.idempotencyKey]: 'k'.repeat(256) },
    });
    assert.equal(
      (await problemOf(tooLong, 400, 'validation')).fields?.[0]?.path,
      'Idempotency-Key',
    );
  });
});

describe('REST: If-Match and ETag', () => {
  it('round-trips the ETag; missing is 428, unparsable 400, stale 412', async () => {
    const { request } = restHarness();
    const read = await request('GET', '/cases/case-2', { actor: 'partnerAdmin' });
    const etag = read.headers.get(HEADERS.etag) ?? '';
    assert.match(etag, /^"\d+"$/);
    const patch = (headers: Record<string, string>) =>
      request('PATCH', '/cases/case-2', {
        actor: 'partnerAdmin',
        body: { priority: 'high' },
        headers,
      });

    const missing = await problemOf(await patch({}), 428, 'validation');
    assert.equal(missing.fields?.[0]?.path, 'If-Match');
    await problemOf(await patch({ [HEADERS.ifMatch]: 'W/"1"' }), 400, 'validation');

    const ok = await patch({ [HEADERS.ifMatch]: etag });
    assert.equal(ok.status, 200);
    const updated = await json<{ version: number; priority: string }>(ok);
    assert.equal(updated.priority, 'high');
    assert.equal(ok.headers.get(HEADERS.etag), `"${updated.version}"`);
    assert.notEqual(ok.headers.get(HEADERS.etag), etag);

    const stale = await problemOf(
      await patch({ [HEADERS.ifMatch]: etag }),
      412,
      'version_conflict',
    );
    assert.equal(stale.currentVersion, updated.version);
  });

  it('answers a GET with the current ETag in If-None-Match with 304 and no body', async () => {
    const { request } = restHarness();
    const read = await request('GET', '/cases/case-2', { actor: 'partnerAdmin' });
    const etag = read.headers.get(HEADERS.etag) ?? '';
    const again = await request('GET', '/cases/case-2', {
      actor: 'partnerAdmin',
      headers: { [HEADERS.ifNoneMatch]: etag },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get(HEADERS.etag), etag);
    // A stale ETag gets the record; a viewer who may not read it gets no 304 either.
    const stale = await request('GET', '/cases/case-2', {
      actor: 'partnerAdmin',
      headers: { [HEADERS.ifNoneMatch]: '"0"' },
    });
    assert.equal(stale.status, 200);
    await problemOf(
      await request('GET', '/cases/case-2', {
        actor: 'otherPartnerAdmin',
        headers: { [HEADERS.ifNoneMatch]: etag },
      }),
      404,
      'not_found',
    );
  });

  it('answers a delete with 204 and no body', async () => {
    const { request } = restHarness();
    const read = await request('GET', '/segments/seg-custom-high-growth');
    const gone = await request('DELETE', '/segments/seg-custom-high-growth', {
      headers: { [HEADERS.ifMatch]: read.headers.get(HEADERS.etag) ?? '' },
    });
    assert.equal(gone.status, 204);
    assert.equal(await gone.text(), '');
    await problemOf(await request('GET', '/segments/seg-custom-high-growth'), 404, 'not_found');
  });
});

describe('REST: problems', () => {
  it('401 without a viewer, for every route (anonymous ones too in v1)', async () => {
    const { request } = restHarness();
    const response = await request('GET', '/session', { actor: null });
    const problem = await problemOf(response, 401, 'unauthorized');
    assert.equal(problem.instance, '/api/prm/session');
    assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
    const apply = await request('POST', '/partners', {
      actor: null,
      body: {},
      headers: { Authorization: 'Bearer demo-nobody', [HEADERS.idempotencyKey]: 'k' },
    });
    await problemOf(apply, 401, 'unauthorized');
  });

  it('404 for an unknown id and an unknown path; 405 with Allow', async () => {
    const { request } = restHarness();
    await problemOf(await request('GET', '/deals/deal-nope'), 404, 'not_found');
    await problemOf(await request('GET', '/nothing-here'), 404, 'not_found');
    await problemOf(await request('GET', '/deals/deal-3/nothing'), 404, 'not_found');
    const { app } = restHarness();
    await problemOf(await app.request('http://prm.test/deals'), 404, 'not_found');
    await problemOf(await app.request('http://prm.test/api/prm'), 404, 'not_found');
    const wrong = await request('PUT', '/deals/deal-3');
    await problemOf(wrong, 405, 'validation');
    assert.equal(wrong.headers.get('Allow'), 'GET, HEAD, PATCH, OPTIONS');
    const post = await request('DELETE', '/deals');
    assert.equal(post.headers.get('Allow'), 'GET, HEAD, POST, OPTIONS');
    const postOnly = await request('GET', '/deals/deal-3/transitions');
    assert.equal(postOnly.headers.get('Allow'), 'POST, OPTIONS');
    const conflicts = await request('GET', '/deals/conflict-checks/x');
    assert.equal(conflicts.status, 404);
  });

  it('OPTIONS (no CORS configured) lists the methods; HEAD answers like GET without a body', async () => {
    const { request } = restHarness();
    const options = await request('OPTIONS', '/segments/seg-1');
    assert.equal(options.status, 204);
    assert.equal(options.headers.get('Allow'), 'GET, HEAD, PATCH, DELETE, OPTIONS');
    const head = await request('HEAD', '/deals/deal-3', { actor: 'partnerAdmin' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get(HEADERS.etag) ?? '', /^"\d+"$/);
    assert.equal(await head.text(), '');
  });

  it('422 with field paths, from the body and from the query', async () => {
    const { request } = restHarness();
    const bad = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: { ...caseInput, priority: 'whenever', subject: '' },
      headers: { [HEADERS.idempotencyKey]: 'bad' },
    });
    const problem = await problemOf(bad, 422, 'validation');
    assert.deepEqual(problem.fields?.map((field) => field.path).sort(), ['priority', 'subject']);
    const query = await problemOf(
      await request('GET', '/deals?limit=0&colour=red'),
      422,
      'validation',
    );
    assert.deepEqual(query.fields?.map((field) => field.path).sort(), ['colour', 'limit']);
    const extra = await problemOf(await request('GET', '/session?debug=1'), 422, 'validation');
    assert.deepEqual(
      extra.fields?.map((field) => field.path),
      ['debug'],
    );
    const read = await request('GET', '/deals/deal-9', { actor: 'partnerAdmin' });
    const transition = await request('POST', '/deals/deal-9/transitions', {
      actor: 'partnerAdmin',
      body: { to: 'teleported' },
      headers: { [HEADERS.ifMatch]: read.headers.get(HEADERS.etag) ?? '' },
    });
    const moved = await problemOf(transition, 422, 'validation');
    assert.equal(moved.fields?.[0]?.path, 'to');
  });

  it('400 for malformed or missing JSON, 415 for another media type', async () => {
    const { request } = restHarness();
    const key = { [HEADERS.idempotencyKey]: 'json' };
    const malformed = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: '{"subject":',
      headers: key,
    });
    assert.equal((await problemOf(malformed, 400, 'validation')).fields?.[0]?.path, 'body');
    const empty = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      headers: { ...key, 'Content-Type': 'application/json' },
    });
    await problemOf(empty, 400, 'validation');
    const form = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: 'subject=x',
      headers: { ...key, 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    await problemOf(form, 415, 'validation');
    const problemJson = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: caseInput,
      headers: { ...key, 'Content-Type': 'application/vnd.api+json; charset=utf-8' },
    });
    assert.equal(problemJson.status, 201);
  });

  it('413 for a body over the limit (streamed or by Content-Length)', async () => {
    const { request } = restHarness({ bodyLimit: 64 });
    const key = { [HEADERS.idempotencyKey]: 'big' };
    const big = { ...caseInput, description: 'x'.repeat(200) };
    await problemOf(
      await request('POST', '/cases', { actor: 'partnerAdmin', body: big, headers: key }),
      413,
      'validation',
    );
    const declared = await request('POST', '/cases', {
      actor: 'partnerAdmin',
      body: big,
      headers: { ...key, 'Content-Length': '300' },
    });
    await problemOf(declared, 413, 'validation');
    const defaults = restHarness();
    const huge = { ...caseInput, description: 'x'.repeat(1024 * 1024) };
    await problemOf(
      await defaults.request('POST', '/cases', { actor: 'partnerAdmin', body: huge, headers: key }),
      413,
      'validation',
    );
  });

  it("a partner cannot read another partner's record (404, as if it did not exist)", async () => {
    const { request } = restHarness();
    const own = await request('GET', '/partners/p-abc', { actor: 'partnerAdmin' });
    assert.equal(own.status, 200);
    const other = await request('GET', '/partners/p-abc', { actor: 'otherPartnerAdmin' });
    await problemOf(other, 404, 'not_found');
    const deal = await request('GET', '/deals/deal-3', { actor: 'otherPartnerAdmin' });
    await problemOf(deal, 404, 'not_found');
  });
});

/** A service whose every adapter method is replaced by `method`. */
function fakeService(method: (...args: unknown[]) => unknown): PrmService {
  const group = new Proxy({}, { get: () => method });
  const adapter = new Proxy({}, { get: (_, key) => (key === 'session' ? method : group) });
  return {
    for: () => adapter as PrmAdapter,
    subscribe: () => () => undefined,
    sweep: () => undefined,
  };
}
const admin = () => demoViewer('enterpriseAdmin');

describe('REST: unexpected failures', () => {
  it('500 server problem without internals; the error goes to onError', async () => {
    const seen: unknown[] = [];
    const app = createRestApp(
      fakeService(() => {
        throw new Error('SQLITE_CORRUPT at /var/db/secret.sqlite');
      }),
      { authenticate: admin, onError: (error) => seen.push(error) },
    );
    const response = await app.request('http://prm.test/deals/deal-1');
    const problem = await problemOf(response, 500, 'server');
    assert.doesNotMatch(JSON.stringify(problem), /SQLITE|secret/);
    assert.equal(seen.length, 1);
  });

  it('logs to console.error by default', async () => {
    const logged = mock.method(console, 'error', () => undefined);
    try {
      const app = createRestApp(
        fakeService(() => Promise.reject(new TypeError('boom'))),
        { authenticate: admin },
      );
      await problemOf(await app.request('http://prm.test/session'), 500, 'server');
      assert.equal(logged.mock.callCount(), 1);
    } finally {
      logged.mock.restore();
    }
  });

  it('a PrmError keeps its status; Retry-After travels as a header', async () => {
    const app = createRestApp(
      fakeService(() =>
        Promise.reject(new PrmError('rate_limited', 'Slow down.', { retryAfter: 2.5 })),
      ),
      { authenticate: admin },
    );
    const response = await app.request('http://prm.test/metrics/enterprise');
    const problem = await problemOf(response, 429, 'rate_limited');
    assert.equal(problem.retryAfter, 2.5);
    assert.equal(response.headers.get(HEADERS.retryAfter), '3');
  });

  it('a method the adapter lacks is a server problem', async () => {
    const adapter = { metrics: {} } as unknown as PrmAdapter;
    const service: PrmService = {
      for: () => adapter,
      subscribe: () => () => undefined,
      sweep: () => undefined,
    };
    const app = createRestApp(service, { authenticate: admin });
    const problem = await problemOf(
      await app.request('http://prm.test/metrics/enterprise'),
      500,
      'server',
    );
    assert.match(problem.detail, /metrics\.enterprise/);
  });

  it('authenticate may reject with a PrmError, or be async', async () => {
    const { service } = restHarness();
    const forbidding = createRestApp(service, {
      authenticate: () => {
        throw new PrmError('forbidden', 'This token is revoked.');
      },
    });
    await problemOf(await forbidding.request('http://prm.test/session'), 403, 'forbidden');
    const asynchronous = createRestApp(service, { authenticate: async () => admin() });
    const session = await asynchronous.request('http://prm.test/session');
    assert.equal((await json<Viewer>(session)).role, 'enterprise_admin');
  });
});

describe('REST: CORS', () => {
  it('answers a preflight from an allowed origin, exposing ETag', async () => {
    const { app, request } = restHarness({ cors: { origins: ['https://portal.example.com'] } });
    const preflight = await app.request(`${BASE}/deals/deal-3`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://portal.example.com',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization, if-match, content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(
      preflight.headers.get('Access-Control-Allow-Origin'),
      'https://portal.example.com',
    );
    const allowed = (preflight.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match'])
      assert.ok(allowed.includes(header), header);
    assert.match(preflight.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);

    const read = await request('GET', '/deals/deal-3', {
      actor: 'partnerAdmin',
      headers: { Origin: 'https://portal.example.com' },
    });
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), 'https://portal.example.com');
    assert.match(read.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    const problem = await request('GET', '/deals/nope', {
      headers: { Origin: 'https://portal.example.com' },
    });
    assert.equal(problem.headers.get('Access-Control-Allow-Origin'), 'https://portal.example.com');

    const stranger = await request('GET', '/session', {
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(stranger.headers.get('Access-Control-Allow-Origin'), null);
  });

  it('allows any origin with "*", with credentials only for listed origins', async () => {
    const { request } = restHarness({ cors: { origins: '*' } });
    const any = await request('GET', '/session', { headers: { Origin: 'https://a.example' } });
    assert.equal(any.headers.get('Access-Control-Allow-Origin'), '*');
    const { request: withCookies } = restHarness({
      cors: { origins: ['https://a.example'], credentials: true },
    });
    const credentialed = await withCookies('GET', '/session', {
      headers: { Origin: 'https://a.example' },
    });
    assert.equal(credentialed.headers.get('Access-Control-Allow-Credentials'), 'true');
    assert.throws(() => restHarness({ cors: { origins: '*', credentials: true } }), TypeError);
  });
});

describe('REST: options and demo sign-in', () => {
  it('mounts at the root by default; a base path must start with "/"', async () => {
    const { service } = restHarness();
    const root = createRestApp(service, { authenticate: demoAuthenticate, basePath: '/' });
    const response = await root.request('http://prm.test/session', {
      headers: { Authorization: `Bearer ${DEMO_TOKENS.channelManager}` },
    });
    assert.equal((await json<Viewer>(response)).role, 'channel_manager');
    assert.throws(
      () => createRestApp(service, { authenticate: demoAuthenticate, basePath: 'api' }),
      TypeError,
    );
  });

  it('demoAuthenticate: a demo token per user, nothing else', () => {
    const as = (authorization?: string) =>
      demoAuthenticate(
        new Request(
          'http://prm.test/',
          authorization ? { headers: { Authorization: authorization } } : {},
        ),
      );
    assert.deepEqual(Object.keys(DEMO_TOKENS).sort(), Object.keys(DEMO_USERS).sort());
    for (const [actor, token] of Object.entries(DEMO_TOKENS)) {
      assert.equal(as(`Bearer ${token}`)?.userId, DEMO_USERS[actor as keyof typeof DEMO_USERS].id);
    }
    assert.equal(as('bearer demo-partnerAdmin')?.role, 'partner_admin');
    assert.equal(as(), null);
    assert.equal(as('Bearer demo-root'), null);
    assert.equal(as('Bearer demo-constructor'), null);
    assert.equal(as('Basic demo-partnerAdmin'), null);
    assert.equal(as('Bearer partnerAdmin'), null);
  });
});
