import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NO_FAULTS_FIRED,
  checkFaults,
  createFaultInjector,
  decideFault,
  faultRequest,
  mulberry32,
  type FaultDecision,
  type FaultRequest,
  type Faults,
} from '../src/index.js';

const session: FaultRequest = { method: 'GET', operation: 'session' };
const createDeal: FaultRequest = { method: 'POST', operation: 'deals.create' };
const listDeals: FaultRequest = { method: 'GET', operation: 'deals.list' };

/** The decisions for `requests`, in order, from a fresh counter and random source. */
function run(faults: Faults, requests: readonly FaultRequest[]): FaultDecision[] {
  const random = mulberry32(faults.seed ?? 1);
  let counter = NO_FAULTS_FIRED;
  return requests.map((request) => {
    const result = decideFault(faults, request, counter, random);
    counter = result.counter;
    return result.decision;
  });
}

const times = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);
const types = (decisions: readonly FaultDecision[]) => decisions.map((d) => d.action.type);

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = times(1_000, 0).map(() => a());
    assert.deepEqual(
      first,
      times(1_000, 0).map(() => b()),
    );
    assert.notDeepEqual(
      first.slice(0, 10),
      times(10, 0).map(() => c()),
    );
    assert.ok(first.every((x) => x >= 0 && x < 1));
  });
});

describe('faultRequest', () => {
  it('names the contract operation of a method and a path under the base', () => {
    assert.deepEqual(faultRequest('post', '/deals'), createDeal);
    assert.equal(faultRequest('GET', '/deals/dr-1').operation, 'deals.get');
    assert.equal(faultRequest('GET', '/programs/eligibility').operation, 'programs.eligibility');
    assert.equal(faultRequest('GET', '/nowhere').operation, null);
  });
});

describe('decideFault', () => {
  it('passes everything untouched when no fault is asked for', () => {
    const decisions = run({}, times(50, session));
    assert.ok(decisions.every((d) => d.delayMs === 0 && d.action.type === 'pass'));
  });

  it('fails about errorRate of the requests, the same ones for the same seed', () => {
    const faults: Faults = { seed: 7, errorRate: 0.25 };
    const first = run(faults, times(4_000, listDeals));
    const failed = first.filter((d) => d.action.type === 'problem');
    assert.ok(Math.abs(failed.length / 4_000 - 0.25) < 0.02, `${failed.length} of 4000 failed`);
    assert.deepEqual(failed[0]?.action, { type: 'problem', status: 500, code: 'server' });
    assert.deepEqual(run(faults, times(4_000, listDeals)), first, 'same seed, same faults');
    assert.notDeepEqual(
      types(run({ ...faults, seed: 8 }, times(4_000, listDeals))),
      types(first),
      'another seed, other faults',
    );
  });

  it('fails every request at rate 1 and none at rate 0', () => {
    assert.ok(types(run({ errorRate: 1 }, times(100, session))).every((t) => t === 'problem'));
    assert.ok(types(run({ errorRate: 0 }, times(100, session))).every((t) => t === 'pass'));
  });

  it('answers a status for an operation, only `times` times, with Retry-After', () => {
    const faults: Faults = {
      status: [{ operation: 'deals.create', status: 429, retryAfter: 1, times: 2 }],
    };
    const decisions = run(faults, [createDeal, listDeals, createDeal, createDeal, createDeal]);
    assert.deepEqual(
      decisions.map((d) => d.action),
      [
        { type: 'problem', status: 429, code: 'rate_limited', retryAfter: 1 },
        { type: 'pass' },
        { type: 'problem', status: 429, code: 'rate_limited', retryAfter: 1 },
        { type: 'pass' },
        { type: 'pass' },
      ],
    );
  });

  it('matches status rules by method, in order, each with its own count', () => {
    const faults: Faults = {
      status: [{ method: 'post', status: 503, times: 1 }, { status: 404 }],
    };
    assert.deepEqual(
      run(faults, [createDeal, createDeal, session]).map((d) => d.action),
      [
        { type: 'problem', status: 503, code: 'server' },
        { type: 'problem', status: 404, code: 'not_found' },
        { type: 'problem', status: 404, code: 'not_found' },
      ],
    );
  });

  it('answers malformed bodies for the operations named', () => {
    const faults: Faults = { malformed: ['session', { operation: 'deals.list', times: 1 }] };
    assert.deepEqual(types(run(faults, [session, listDeals, listDeals, session, createDeal])), [
      'malformed',
      'malformed',
      'pass',
      'malformed',
      'pass',
    ]);
  });

  it('drops the connection for the operations named', () => {
    const faults: Faults = { drop: [{ operation: 'deals.create', times: 1 }, 'session'] };
    assert.deepEqual(types(run(faults, [createDeal, createDeal, session, session])), [
      'drop',
      'pass',
      'drop',
      'drop',
    ]);
  });

  it('applies one fault: status, then drop, then malformed, then the error rate', () => {
    const faults: Faults = {
      errorRate: 1,
      status: [{ operation: 'session', status: 401, times: 1 }],
      drop: [{ operation: 'session', times: 1 }],
      malformed: [{ operation: 'session', times: 1 }],
    };
    assert.deepEqual(types(run(faults, times(4, session))), [
      'problem',
      'drop',
      'malformed',
      'problem',
    ]);
  });

  it('waits a fixed latency, or one drawn from the range, reproducibly', () => {
    assert.ok(run({ latency: 120 }, times(20, session)).every((d) => d.delayMs === 120));
    const faults: Faults = { seed: 3, latency: { min: 1_500, max: 1_503 } };
    const delays = run(faults, times(400, session)).map((d) => d.delayMs);
    assert.ok(delays.every((ms) => Number.isInteger(ms) && ms >= 1_500 && ms <= 1_503));
    assert.deepEqual(
      [...new Set(delays)].sort(),
      [1_500, 1_501, 1_502, 1_503],
      'both ends reached',
    );
    assert.deepEqual(
      run(faults, times(400, session)).map((d) => d.delayMs),
      delays,
    );
    const slowAndFailing = run({ latency: { min: 5, max: 5 }, errorRate: 1 }, [session]);
    assert.deepEqual(slowAndFailing[0], {
      delayMs: 5,
      action: { type: 'problem', status: 500, code: 'server' },
    });
  });

  it('draws the same numbers whatever fires, so one rule does not shift the next faults', () => {
    const base: Faults = { seed: 11, errorRate: 0.5 };
    const plain = types(run(base, times(200, listDeals)));
    const withRule = types(
      run({ ...base, malformed: [{ operation: 'session', times: 5 }] }, [
        ...times(5, session),
        ...times(195, listDeals),
      ]),
    );
    assert.deepEqual(withRule.slice(5), plain.slice(5));
  });

  it('does not touch the counter it is given', () => {
    const faults: Faults = { status: [{ status: 500, times: 1 }] };
    const { counter } = decideFault(faults, session, NO_FAULTS_FIRED, mulberry32(1));
    assert.deepEqual(NO_FAULTS_FIRED, { status: [], malformed: [], drop: [] });
    assert.deepEqual(counter.status, [1]);
  });
});

describe('createFaultInjector', () => {
  it('remembers what fired, and replays from the start after reset()', () => {
    const injector = createFaultInjector({
      seed: 5,
      errorRate: 0.5,
      drop: [{ operation: 'deals.create', times: 1 }],
    });
    const requests = [createDeal, createDeal, ...times(30, listDeals)];
    const first = requests.map((request) => injector.next(request));
    assert.deepEqual(types(first.slice(0, 1)), ['drop']);
    injector.reset();
    assert.deepEqual(
      requests.map((request) => injector.next(request)),
      first,
    );
  });

  it('injects nothing by default', () => {
    assert.deepEqual(createFaultInjector().next(session), { delayMs: 0, action: { type: 'pass' } });
  });
});

describe('checkFaults', () => {
  const rejects = (faults: Faults, pattern: RegExp) =>
    assert.throws(
      () => checkFaults(faults),
      (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, pattern);
        return true;
      },
    );

  it('accepts faults that can be meant', () => {
    checkFaults({
      seed: 9,
      latency: { min: 0, max: 0 },
      errorRate: 0.1,
      status: [{ operation: 'deals.create', status: 429, retryAfter: 0, times: 0 }],
      malformed: ['session'],
      drop: [{ method: 'POST' }],
    });
  });

  it('rejects unknown operations, out-of-range numbers and non-error statuses', () => {
    rejects({ malformed: ['deals.frobnicate'] }, /"deals\.frobnicate" is not an operation/);
    rejects({ drop: [{ operation: 'nope' }] }, /not an operation/);
    rejects({ errorRate: 1.5 }, /errorRate/);
    rejects({ errorRate: Number.NaN }, /errorRate/);
    rejects({ latency: -1 }, /latency/);
    rejects({ latency: { min: 10, max: 5 } }, /latency/);
    rejects({ seed: Number.POSITIVE_INFINITY }, /seed/);
    rejects({ status: [{ status: 200 }] }, /status 200/);
    rejects({ status: [{ status: 429, retryAfter: -1 }] }, /retryAfter/);
    rejects({ status: [{ status: 500, times: 1.5 }] }, /times/);
    assert.throws(() => createFaultInjector({ errorRate: 2 }), TypeError);
  });
});
