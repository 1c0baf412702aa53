/**
 * Errors on the wire: RFC 9457 problem details (`application/problem+json`) carrying the
 * `PrmError` code, so a `PrmError` thrown by the server arrives at the REST adapter as the
 * same `PrmError`.
 */
import * as z from 'zod/mini';
import { PRM_ERROR_CODES, PrmError, type PrmErrorCode, type PrmErrorOptions } from '../errors.js';

/** The media type of an error body. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI of each code: `https://prm-kit.dev/problems/<code>`. */
export const problemType = (code: PrmErrorCode): string => `https://prm-kit.dev/problems/${code}`;

/** An RFC 9457 problem details body with prm-kit's extension members. */
export const ProblemDetails = z.object({
  /** `https://prm-kit.dev/problems/<code>`. */
  type: z.string(),
  /** A short summary of the kind of problem, the same for every occurrence of a code. */
  title: z.string(),
  /** The HTTP status code. */
  status: z.int().check(z.minimum(400), z.maximum(599)),
  /** What went wrong this time, for people. */
  detail: z.string(),
  /** The request path the problem occurred on. */
  instance: z.optional(z.string()),
  /** The stable `PrmError` code (switch on this, not on `type` or `status`). */
  code: z.enum(PRM_ERROR_CODES),
  /** For `validation`: one entry per rejected field, by dotted path. */
  fields: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  /** For `version_conflict`: the record's current version. */
  currentVersion: z.optional(z.int()),
  /** Seconds to wait before retrying (also sent as `Retry-After`). */
  retryAfter: z.optional(z.number().check(z.nonnegative())),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/**
 * The HTTP status for each code. `network` and `timeout` are for a server relaying an
 * upstream failure; a client produces them itself when the request never completes.
 */
export const HTTP_STATUS_BY_CODE = {
  validation: 422,
  not_found: 404,
  conflict: 409,
  version_conflict: 412,
  invalid_transition: 409,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  network: 503,
  timeout: 504,
  invalid_response: 502,
  server: 500,
} as const satisfies Record<PrmErrorCode, number>;

/** The `title` of each code's problem. */
export const PROBLEM_TITLES: Readonly<Record<PrmErrorCode, string>> = {
  validation: 'The request is not valid',
  not_found: 'Not found',
  conflict: 'Conflict',
  version_conflict: 'The record has changed',
  invalid_transition: 'Status change not allowed',
  unauthorized: 'Not signed in',
  forbidden: 'Not allowed',
  rate_limited: 'Too many requests',
  network: 'Upstream unreachable',
  timeout: 'Upstream timed out',
  invalid_response: 'Invalid upstream response',
  server: 'Server error',
};

/** The problem details body for a `PrmError`. */
export function toProblem(error: PrmError, instance?: string): ProblemDetails {
  return {
    type: problemType(error.code),
    title: PROBLEM_TITLES[error.code],
    status: HTTP_STATUS_BY_CODE[error.code],
    detail: error.message,
    ...(instance === undefined ? {} : { instance }),
    code: error.code,
    ...(error.fields.length > 0
      ? { fields: error.fields.map(({ path, message }) => ({ path, message })) }
      : {}),
    ...(error.currentVersion === undefined ? {} : { currentVersion: error.currentVersion }),
    ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
  };
}

/** The code a bare HTTP status stands for, when the body does not say. */
export function codeForStatus(status: number): PrmErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
    case 410:
      return 'not_found';
    case 408:
      return 'timeout';
    case 409:
      return 'conflict';
    case 412:
      return 'version_conflict';
    case 429:
      return 'rate_limited';
  }
  if (status >= 500 && status <= 599) return 'server';
  if (status >= 400 && status <= 499) return 'validation';
  return 'invalid_response';
}

const FALLBACK_MESSAGES: Readonly<Record<PrmErrorCode, string>> = {
  validation: 'The request was rejected.',
  not_found: 'The record was not found.',
  conflict: 'The request conflicts with the current state of the record.',
  version_conflict: 'The record was changed by someone else. Reload it and try again.',
  invalid_transition: 'This status change is not allowed.',
  unauthorized: 'You are not signed in.',
  forbidden: 'You are not allowed to do this.',
  rate_limited: 'Too many requests. Try again shortly.',
  network: 'The server could not be reached.',
  timeout: 'The server took too long to answer.',
  invalid_response: 'The server sent an unexpected response.',
  server: 'The server failed to handle the request.',
};

const MAX_MESSAGE = 1_000;

/** Credentials must never reach a message that may be logged or shown. */
function redact(text: string): string {
  return text
    .replace(/\b(Bearer|Basic|Token)\s+[^\s,;"']+/gi, '$1 [redacted]')
    .slice(0, MAX_MESSAGE);
}

const isCode = (value: string | undefined): value is PrmErrorCode =>
  (PRM_ERROR_CODES as readonly (string | undefined)[]).includes(value);

const LooseProblem = z.object({
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
});

/**
 * The `PrmError` for an error response. A prm-kit problem keeps its code, fields, current
 * version and retry delay; any other body (a plain RFC 9457 problem from a host's API, an
 * HTML error page from a proxy, nothing) yields the code the status stands for, with the
 * problem's `detail` or `title` when there is one, else a standard message.
 */
export function fromProblem(body: unknown, status: number): PrmError {
  const parsed = ProblemDetails.safeParse(body);
  if (parsed.success) {
    const problem = parsed.data;
    const options: PrmErrorOptions = {
      status,
      ...(problem.fields ? { fields: problem.fields } : {}),
      ...(problem.currentVersion === undefined ? {} : { currentVersion: problem.currentVersion }),
      ...(problem.retryAfter === undefined ? {} : { retryAfter: problem.retryAfter }),
    };
    return new PrmError(problem.code, redact(problem.detail), options);
  }
  const loose = LooseProblem.safeParse(body);
  const data = loose.success ? loose.data : {};
  const code = isCode(data.code) ? data.code : codeForStatus(status);
  const text = (data.detail ?? data.title)?.trim();
  return new PrmError(code, text ? redact(text) : FALLBACK_MESSAGES[code], { status });
}
