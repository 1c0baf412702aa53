/**
 * Fault injection, as a pure function: given the faults asked for, one request, how often
 * each rule has fired so far and a seeded random source, what happens to the request. The
 * msw handler (`handlers.ts`) only carries the decision out, so every fault is testable
 * without msw, and the same seed gives the same faults on every run.
 */
import { ROUTES, codeForStatus, matchRoute, type PrmErrorCode } from '@prm-kit/core';

/** Which requests a rule applies to; a rule with neither field applies to every request. */
export interface FaultRule {
  /** A route operation of the contract: `'deals.create'`, `'session'`, … */
  operation?: string;
  /** An HTTP method (any case). */
  method?: string;
  /** Fire for the first `times` matching requests only. Default: every matching request. */
  times?: number;
}

/** Answer matching requests with this status, as a problem details body. */
export interface StatusFault extends FaultRule {
  /** 400–599; the problem's `code` is the one the status stands for (`codeForStatus`). */
  status: number;
  /** Seconds, sent as `Retry-After` and as the problem's `retryAfter`. */
  retryAfter?: number;
}

/** What may go wrong. Everything random is drawn from `seed`: the same seed, the same faults. */
export interface Faults {
  /** Seed of the random source (latency ranges, `errorRate`). Default 1. */
  seed?: number;
  /** Milliseconds before every answer: fixed, or drawn from `min`–`max` (inclusive). */
  latency?: number | { min: number; max: number };
  /** The share (0–1) of requests answered `500` with a `server` problem. */
  errorRate?: number;
  /** Requests answered with a given error status, checked in order; the first match fires. */
  status?: readonly StatusFault[];
  /** Requests answered `200` with a body that is not valid JSON (the backend never sees them). */
  malformed?: readonly (string | FaultRule)[];
  /**
   * Requests whose connection drops after the backend has handled them: the change is made,
   * the answer is lost (`HttpResponse.error()`), so only an idempotent retry is safe.
   */
  drop?: readonly (string | FaultRule)[];
}

/** A request as the fault rules see it. */
export interface FaultRequest {
  method: string;
  /** The contract operation, or `null` for a path no route matches. */
  operation: string | null;
}

/** What to do with one request. */
export type FaultAction =
  | { type: 'pass' }
  | { type: 'problem'; status: number; code: PrmErrorCode; retryAfter?: number }
  | { type: 'malformed' }
  | { type: 'drop' };

export interface FaultDecision {
  /** Milliseconds to wait before answering. */
  delayMs: number;
  action: FaultAction;
}

/** How many times each rule has fired, by rule list and index. */
export interface FaultCounter {
  readonly status: readonly number[];
  readonly malformed: readonly number[];
  readonly drop: readonly number[];
}

/** A counter where nothing has fired yet. */
export const NO_FAULTS_FIRED: FaultCounter = Object.freeze({
  status: [],
  malformed: [],
  drop: [],
});

/** mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The request's method and contract operation; `path` is relative to the base URL. */
export function faultRequest(method: string, path: string): FaultRequest {
  return {
    method: method.toUpperCase(),
    operation: matchRoute(method, path)?.route.operation ?? null,
  };
}

const OPERATIONS: ReadonlySet<string> = new Set(ROUTES.map((route) => route.operation));

const toRule = (rule: string | FaultRule): FaultRule =>
  typeof rule === 'string' ? { operation: rule } : rule;

/** Throws a `TypeError` for faults that cannot be meant: an unknown operation, a rate of 2, … */
export function checkFaults(faults: Faults): void {
  const fail = (message: string): never => {
    throw new TypeError(`Invalid faults: ${message}.`);
  };
  const { latency, errorRate } = faults;
  if (faults.seed !== undefined && !Number.isFinite(faults.seed)) fail('seed must be a number');
  if (typeof latency === 'number' && !(latency >= 0)) fail('latency must be ≥ 0');
  if (typeof latency === 'object' && !(latency.min >= 0 && latency.max >= latency.min))
    fail('latency needs 0 ≤ min ≤ max');
  if (errorRate !== undefined && !(errorRate >= 0 && errorRate <= 1))
    fail('errorRate must be between 0 and 1');
  const rules = [
    ...(faults.status ?? []),
    ...(faults.malformed ?? []).map(toRule),
    ...(faults.drop ?? []).map(toRule),
  ];
  for (const rule of rules) {
    if (rule.operation !== undefined && !OPERATIONS.has(rule.operation))
      fail(`"${rule.operation}" is not an operation of the contract`);
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0))
      fail('times must be a whole number ≥ 0');
  }
  for (const { status, retryAfter } of faults.status ?? []) {
    if (!(Number.isInteger(status) && status >= 400 && status <= 599))
      fail(`status ${status} is not an error status (400–599)`);
    if (retryAfter !== undefined && !(retryAfter >= 0)) fail('retryAfter must be ≥ 0');
  }
}

const matches = (rule: FaultRule, request: FaultRequest): boolean =>
  (rule.operation === undefined || rule.operation === request.operation) &&
  (rule.method === undefined || rule.method.toUpperCase() === request.method.toUpperCase());

/** The index of the first rule that matches and has not used up its `times`, or -1. */
function firstLive(
  rules: readonly FaultRule[],
  fired: readonly number[],
  request: FaultRequest,
): number {
  return rules.findIndex(
    (rule, index) =>
      matches(rule, request) && (rule.times === undefined || (fired[index] ?? 0) < rule.times),
  );
}

const bump = (fired: readonly number[], index: number): number[] => {
  const next = [...fired];
  next[index] = (next[index] ?? 0) + 1;
  return next;
};

/**
 * What happens to `request`. Pure: the same faults, request, counter and random sequence give
 * the same decision. Every call draws exactly two numbers from `random` (latency, error
 * rate), whatever fires, so one request never shifts the faults of the next. The first that
 * applies wins: a `status` rule, `drop`, `malformed`, then `errorRate`.
 */
export function decideFault(
  faults: Faults,
  request: FaultRequest,
  counter: FaultCounter,
  random: () => number,
): { decision: FaultDecision; counter: FaultCounter } {
  const latencyDraw = random();
  const errorDraw = random();
  const { latency = 0 } = faults;
  const delayMs =
    typeof latency === 'number'
      ? latency
      : latency.min + Math.floor(latencyDraw * (latency.max - latency.min + 1));
  const answer = (action: FaultAction, next: FaultCounter = counter) => ({
    decision: { delayMs, action },
    counter: next,
  });

  const statusRules = faults.status ?? [];
  const status = firstLive(statusRules, counter.status, request);
  const rule = statusRules[status];
  if (rule) {
    return answer(
      {
        type: 'problem',
        status: rule.status,
        code: codeForStatus(rule.status),
        ...(rule.retryAfter === undefined ? {} : { retryAfter: rule.retryAfter }),
      },
      { ...counter, status: bump(counter.status, status) },
    );
  }
  const drop = firstLive((faults.drop ?? []).map(toRule), counter.drop, request);
  if (drop >= 0) return answer({ type: 'drop' }, { ...counter, drop: bump(counter.drop, drop) });
  const malformed = firstLive((faults.malformed ?? []).map(toRule), counter.malformed, request);
  if (malformed >= 0) {
    return answer(
      { type: 'malformed' },
      { ...counter, malformed: bump(counter.malformed, malformed) },
    );
  }
  if (errorDraw < (faults.errorRate ?? 0))
    return answer({ type: 'problem', status: 500, code: 'server' });
  return answer({ type: 'pass' });
}

/** Faults with their state: `next(request)` decides and remembers; `reset()` starts over. */
export interface FaultInjector {
  next(request: FaultRequest): FaultDecision;
  reset(): void;
}

export function createFaultInjector(faults: Faults = {}): FaultInjector {
  checkFaults(faults);
  let random = mulberry32(faults.seed ?? 1);
  let counter = NO_FAULTS_FIRED;
  return {
    next(request) {
      const result = decideFault(faults, request, counter, random);
      counter = result.counter;
      return result.decision;
    },
    reset() {
      random = mulberry32(faults.seed ?? 1);
      counter = NO_FAULTS_FIRED;
    },
  };
}
